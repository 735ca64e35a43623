"""hvp-desktop: the offline tool of the expert panels for High-Value Patent Cultivation
and Layout Centres (Huangpu district)."""

__version__ = "0.1.0"
