"""Locate the files that ship with the package: ``ontology/`` and ``data/``.

Both directories sit at the top of the repository and are installed as the packages
``kg.ontology`` and ``kg.data`` (see ``pyproject.toml``), so the same code finds them in
a checkout, an editable install and a wheel.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path


def _root(package: str) -> Path:
    # kg.ontology and kg.data are namespace packages (plain directories without
    # __init__.py), so take their directory from the import spec.
    try:
        spec = importlib.util.find_spec(package)
    except ModuleNotFoundError:
        spec = None
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    # Running from a checkout (``kg`` imported from the working tree, where the remapped
    # packages do not exist): the directories sit beside ``kg/``.
    return Path(__file__).resolve().parents[2] / package.split(".", 1)[1]


def ontology_path(name: str = "kg.ttl") -> Path:
    """Path of a file in ``ontology/`` (``kg.ttl``, ``shapes.ttl``)."""
    return _root("kg.ontology") / name


def data_path(*parts: str) -> Path:
    """Path of a file or directory in ``data/``, e.g. ``data_path("reference", "systems.csv")``."""
    return _root("kg.data").joinpath(*parts)
