"""Retrieval: vector search over the bank and the knowledge base (the encoder comes next)."""
