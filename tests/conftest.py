"""Shared pytest options."""


def pytest_addoption(parser):
    parser.addoption("--regen-golden", action="store_true", default=False,
                     help="rewrite tests/golden/*.xml from the current DOCX output")
