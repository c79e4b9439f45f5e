"""Repositories: functions that read and write rows through the session they are given, never committing."""
