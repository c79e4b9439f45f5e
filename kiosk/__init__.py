"""1+X Assessment Kiosk: offline, durable, signed theory exams for energy storage certificates."""

__version__ = "0.1.0"
