"""Helpers shared by several test modules (fixtures data, loaders, builders); never imported by scripts/."""
