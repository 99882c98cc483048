"""The lint rules, one module per group: importing this package registers them all."""
from generator.lint.rules import punctuation, spacing, numbers, structure, elements, wording  # noqa: F401
