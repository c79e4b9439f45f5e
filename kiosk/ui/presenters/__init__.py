"""Presenters: small objects that decide what happens next, between the screens and the services."""
