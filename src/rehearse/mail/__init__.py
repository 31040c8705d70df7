"""Outgoing e-mail: written to an outbox folder by default, sent over SMTP when configured."""
