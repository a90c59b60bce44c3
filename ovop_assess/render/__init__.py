"""Renderers: one small module per output format, each a pure function of its command's subject.

:mod:`.registry` names them all (the CLI's terminal table too) and what each can do.
"""
