"""The ``unsclab`` command line: a thin typer layer over the library (see :mod:`unsclab.cli.main`)."""
