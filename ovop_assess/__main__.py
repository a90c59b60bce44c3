"""``python -m ovop_assess`` is the same as ``ovop-assess``."""

from .cli.main import run

run()
