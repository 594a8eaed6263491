"""factionmap: a sourced, time-aware map of armed groups read from news reporting."""

__version__ = "0.1.0"
