"""The command line: a thin layer that parses options, calls the library and renders.

Only this subpackage imports typer and rich. The way in is :mod:`.main`.
"""
