"""The ``workplan`` console entry point, apart from the CLI so that nothing is imported
before the garbage collector is switched off."""
import gc


def main() -> None:
    """Run the workplan command line (``generator.cli.run``) with Python's cyclic garbage
    collector off for the whole short-lived process.

    Starting the command imports some 150 modules (click, cerberus, PyYAML, lxml and ours),
    and the collector walked their hundreds of thousands of new objects again and again:
    about 10 ms of every start. Reference counting still frees everything that is not in
    a cycle, and the process ends as soon as the command has returned.
    """
    gc.disable()
    from .cli import run
    run()
