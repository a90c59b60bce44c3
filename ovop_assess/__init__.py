"""ovop-assess: is a candidate Indonesian region ready to be proposed as an OVOP sentra?

The package is a plain library: it reads region files, runs the rules of a
criteria set and returns result values. Rendering for people (rich tables)
and the command line live in :mod:`ovop_assess.cli` only.
"""

__version__ = "0.1.0"
