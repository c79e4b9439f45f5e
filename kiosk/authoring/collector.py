"""Collecting problems while a bank source is read: typed values, unknown keys, and images checked once."""

from __future__ import annotations

import math
from collections.abc import Collection
from pathlib import Path
from typing import Any

from kiosk.authoring import schema
from kiosk.authoring.images import check_image
from kiosk.authoring.problems import Problem
from kiosk.authoring.yamlsource import Located
from kiosk.domain.items import ItemType, Text

IMAGE_SUFFIXES = {".svg", ".png", ".jpg", ".jpeg"}


class Collector:
    """Accumulates problems while the reader converts YAML values into domain values."""

    def __init__(self, folder: Path) -> None:
        self.problems: list[Problem] = []
        self.item_id: str | None = None
        self.root = folder.resolve()
        # Each image's bytes, read once and checked by content, by the path the source names it by.
        self.images: dict[str, bytes] = {}
        self.bad_images: dict[str, tuple[str, dict[str, object]]] = {}

    def keys(self, where: Located, known: Collection[str], item_type: ItemType | None = None) -> None:
        """A problem for each key of ``where`` the reader does not take, naming the key meant if close."""
        for key in where:
            if key in known:
                continue
            if item_type is not None and key in schema.ANY_ITEM_KEYS:
                self.add(where, key, "source.key_not_for_type", key=key, type=item_type.value)
                continue
            meant = schema.suggestion(key, known)
            if meant is not None:
                self.add(where, key, "source.key_unknown", key=key, suggestion=meant)
            else:
                self.add(where, key, "source.key_unknown_here", key=key, known=", ".join(sorted(known)))

    def inside(self, path: Path) -> Path | None:
        """Where ``path`` really leads, when that is outside the bank folder (through a link or ``..``)."""
        target = path.resolve()
        return None if target.is_relative_to(self.root) else target

    def add(self, where: Located, key: str | None, code: str, /, **params: object) -> None:
        line = where.line_of(key) if key else where.line
        self.problems.append(Problem(where.path, line, code, params, self.item_id))

    def mapping(self, value: Any, where: Located, key: str) -> Located | None:
        if isinstance(value, Located):
            return value
        self.add(where, key, "source.not_mapping", key=key)
        return None

    def text(self, where: Located, key: str, required: bool = True) -> Text | None:
        value = where.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.add(where, None if key not in where else key, "source.empty", key=key)
            return None
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            self.add(where, key, "source.not_text", key=key)
            return None
        zh = where.get(f"{key}_zh")
        if zh is not None and not isinstance(zh, str):
            self.add(where, f"{key}_zh", "source.not_text", key=f"{key}_zh")
            zh = None
        return Text(str(value).strip(), zh.strip() if isinstance(zh, str) and zh.strip() else None)

    def enum(
        self, where: Located, key: str, kind: type[Any], default: Any = None, optional: bool = False
    ) -> Any:
        value = where.get(key)
        if value is None:
            if default is None and not optional:
                self.add(where, None, "source.missing", key=key)
            return default
        try:
            return kind(str(value).strip())
        except ValueError:
            allowed = ", ".join(member.value for member in kind)
            self.add(where, key, "source.not_allowed", key=key, value=str(value), allowed=allowed)
            return default

    def whole(self, where: Located, key: str, default: int | None = None, minimum: int = 1) -> int | None:
        value = where.get(key, default)
        if value is None:
            self.add(where, None, "source.missing", key=key)
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            self.add(where, key, "source.not_whole_number", key=key, minimum=minimum, value=repr(value))
            return None
        return value

    def number(self, where: Located, key: str) -> float | None:
        value = where.get(key)
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            self.add(where, key if key in where else None, "source.not_number", key=key, value=repr(value))
            return None
        return float(value)


def image_path(folder: Path, where: Located, out: Collector) -> str | None:
    """The image ``where`` names, read and checked by content; None (with a problem) when unusable."""
    image = where.get("image")
    if image is None:
        return None
    if not isinstance(image, str) or Path(image).is_absolute() or ".." in Path(image).parts:
        out.add(where, "image", "source.image_outside", image=repr(image))
        return None
    if Path(image).suffix.lower() not in IMAGE_SUFFIXES:
        out.add(where, "image", "source.image_kind", image=image)
        return None
    path = folder / image
    target = out.inside(path)
    if target is not None:
        out.add(where, "image", "source.image_link_outside", image=image, target=target)
        return None
    if not path.is_file():
        out.add(where, "image", "source.image_missing", image=image)
        return None
    if image not in out.images and image not in out.bad_images:
        try:
            data = path.read_bytes()
        except OSError as error:
            out.add(
                where, "image", "source.image_unreadable", image=image, reason=error.strerror or str(error)
            )
            return None
        found = check_image(data, path.suffix)
        if found is None:
            out.images[image] = data
        else:
            out.bad_images[image] = (found.code, found.params)
    if image in out.bad_images:
        code, params = out.bad_images[image]
        out.add(where, "image", code, image=image, **params)
        return None
    return image
