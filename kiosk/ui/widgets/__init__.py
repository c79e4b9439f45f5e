"""Reusable widgets: answer widgets per item type, the question view, navigator and status strips."""
