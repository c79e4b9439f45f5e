"""Every error code's English template, gathered from the catalogue of each part of the product."""

from __future__ import annotations

from kiosk.messages import authoring, domain, formats, interchange, registry, station, support

MESSAGES: dict[str, str] = {
    **domain.MESSAGES,
    **support.MESSAGES,
    **formats.MESSAGES,
    **authoring.MESSAGES,
    **interchange.MESSAGES,
    **station.MESSAGES,
    **registry.MESSAGES,
}
