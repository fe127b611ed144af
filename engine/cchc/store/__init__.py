"""The results store: every checked plan, its results and evidence, year after year.

SQLite by default (one file), any SQLAlchemy URL otherwise (PostgreSQL on a province
server). The schema is created and upgraded by Alembic migrations shipped in the package.
Imported only by the commands that use `--db`, `--baseline` or `cchc history`.
"""

from cchc.store.db import Store, StoreError, open_store

__all__ = ["Store", "StoreError", "open_store"]
