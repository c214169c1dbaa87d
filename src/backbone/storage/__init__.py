"""Storage adapter: SQLAlchemy Core tables, repositories and a unit of work over SQLite or PostgreSQL.

The only package that imports SQLAlchemy or Alembic (an import-linter contract keeps it so).
"""
