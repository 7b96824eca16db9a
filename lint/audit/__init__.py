"""Archive audits: lint a whole archive in partitions, on local processes or a Dask cluster.

Only the `audit` command imports this package; its heavy libraries (pyarrow, dask.distributed)
come from the optional extra `newslint[audit]`, so the plain linter stays light.
"""
from __future__ import annotations

EXTRA_HINT = "pip install 'newslint[audit]'"


class MissingExtra(Exception):
    """A library of the audit extra is not installed; str(exc) says what to install."""


def require(*modules: str) -> None:
    """Import `modules` or raise MissingExtra naming the extra."""
    import importlib

    missing = []
    for name in modules:
        try:
            importlib.import_module(name)
        except ImportError:
            missing.append(name)
    if missing:
        raise MissingExtra(f"audit needs the audit extra ({', '.join(missing)} not installed): {EXTRA_HINT}")
