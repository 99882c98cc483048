"""The ``workplan`` console entry point, apart from the CLI so that nothing is imported
before the garbage collector is switched off."""
import gc


def main() -> None:
    """Run the workplan command line (``generator.cli.run``).

    Python's cyclic garbage collector is off while the command line loads (click, the
    command modules): it walked their many new objects again and again, about 10 ms of
    every start. Those objects live to the end, so they are then frozen (never walked
    again) and the collector is switched back on: a batch of plans frees each plan's
    cyclic garbage (validators, templates) as it goes.
    """
    gc.disable()
    from generator.cli import run
    gc.freeze()
    gc.enable()
    run()
