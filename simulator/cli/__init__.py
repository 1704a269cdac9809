"""Command line: ``python main.py SUBCOMMAND ...`` (also installed as ``frontline``)."""
