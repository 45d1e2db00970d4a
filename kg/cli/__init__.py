"""Command-line interface (click), thin over the library."""
