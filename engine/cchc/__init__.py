"""cchc-check: a compliance checker for plans on public-administration-reform propaganda."""

__version__ = "0.1.0"
