"""The relational store: SQLAlchemy 2 on SQLite (embedded) or PostgreSQL (scaled out)."""
