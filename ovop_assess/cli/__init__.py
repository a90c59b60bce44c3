"""The command line: a thin layer that parses options, calls the library and renders.

Only this subpackage imports typer and rich.
"""

from ..messages import Lang

# The language of --help texts, set by main() from --lang/OVOP_LANG before the
# typer app is imported (typer reads help texts when the commands are defined).
HELP_LANG: Lang = "en"
