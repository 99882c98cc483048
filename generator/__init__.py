"""workplan: annual work plans (工作要点) kept as data, issued as GB/T 9704-2012 documents."""
__version__ = "0.1.0"
