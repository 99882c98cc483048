from generator.cli.console import main

main()
