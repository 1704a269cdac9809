"""Saved results (SQLAlchemy Core; SQLite by default, PostgreSQL by URL). Imported only when used."""
