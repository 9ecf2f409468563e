"""Technomagic of Impressions: a card game for inventing small, human ideas that delight clients."""

__version__ = "0.1.0"
APP_NAME = "Technomagic of Impressions"
