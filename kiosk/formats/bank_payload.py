"""The bank payload: a Bank as canonical JSON bytes, the plaintext sealed inside a bank package."""

from __future__ import annotations

import base64
import json
from typing import Any

from kiosk.domain.errors import BankError
from kiosk.domain.items import (
    Area,
    Bank,
    Blueprint,
    Calculator,
    Certificate,
    Choice,
    CognitiveLevel,
    Competence,
    Difficulty,
    Draw,
    Item,
    ItemType,
    ScoringRule,
    Stimulus,
    Text,
    Tools,
)

PAYLOAD_FORMAT = 2
"""The newest payload format: 2 adds enemy sets, on-screen tools and draws by cognitive level."""
FIRST_FORMAT = 1
"""Written for a bank that uses none of format 2's additions, so kiosks of the first release still read it;
a kiosk that knows only format 1 refuses a format-2 bank rather than draw forms without its enemy sets."""
READABLE_FORMATS = frozenset({FIRST_FORMAT, PAYLOAD_FORMAT})


def _text(text: Text) -> dict[str, str]:
    return {"en": text.en, "zh": text.zh} if text.zh else {"en": text.en}


def _choices(choices: tuple[Choice, ...]) -> list[dict[str, Any]]:
    return [{"id": c.id, "text": _text(c.text)} for c in choices]


def _item(item: Item) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": item.id,
        "type": item.type.value,
        "competence": item.competence,
        "difficulty": item.difficulty.value,
        "stem": _text(item.stem),
        "rationale": item.rationale,
        "points": item.points,
        "scoring": item.scoring.value,
    }
    optional: dict[str, Any] = {
        "stimulus": item.stimulus,
        "image": item.image,
        "options": _choices(item.options),
        "key": list(item.key),
        "premises": _choices(item.premises),
        "pairs": [list(pair) for pair in item.pairs],
        "value": item.value,
        "tolerance": item.tolerance or None,
        "unit": item.unit,
        "accepted": list(item.accepted),
        "level": item.level.value if item.level else None,
    }
    data.update({name: value for name, value in optional.items() if value not in (None, "", [])})
    return data


def _draw(draw: Draw) -> dict[str, Any]:
    data: dict[str, Any] = {
        "competence": draw.competence,
        "count": draw.count,
        "difficulty": draw.difficulty.value if draw.difficulty else None,
    }
    if draw.level is not None:
        data["level"] = draw.level.value
    return data


def _tools(tools: Tools) -> dict[str, Any]:
    """The allowed on-screen tools; only what is allowed is written."""
    data: dict[str, Any] = {}
    if tools.calculator is not None:
        data["calculator"] = tools.calculator.value
        if tools.calculator_memory:
            data["calculator_memory"] = True
    if tools.zoom:
        data["zoom"] = True
    return data


def _read_tools(data: dict[str, Any]) -> Tools:
    calculator = data.get("calculator")
    return Tools(
        calculator=Calculator(calculator) if calculator else None,
        calculator_memory=bool(data.get("calculator_memory", False)),
        zoom=bool(data.get("zoom", False)),
    )


def bank_to_dict(bank: Bank) -> dict[str, Any]:
    """A JSON-able form of the whole bank, images included (base64)."""
    blueprint = bank.blueprint
    newer = bool(blueprint.enemies or _tools(blueprint.tools) or any(d.level for d in blueprint.draws))
    return {
        "format": PAYLOAD_FORMAT if newer else FIRST_FORMAT,
        "certificate": bank.certificate.value,
        "grade": bank.grade,
        "version": bank.version,
        "title": _text(bank.title),
        "languages": list(bank.languages),
        "competences": [
            {"id": c.id, "area": c.area.value, "title": _text(c.title)} for c in bank.competences
        ],
        "blueprint": {
            "duration_minutes": blueprint.duration_minutes,
            "pass_mark": blueprint.pass_mark,
            "area_minimums": [[area.value, value] for area, value in blueprint.area_minimums],
            "shuffle_items": blueprint.shuffle_items,
            "shuffle_options": blueprint.shuffle_options,
            "draws": [_draw(d) for d in blueprint.draws],
            # Written only when set, so a bank without enemies keeps the payload it always had.
            **({"enemies": [list(group) for group in blueprint.enemies]} if blueprint.enemies else {}),
            # Likewise the on-screen tools: a bank that allows none keeps its payload byte for byte.
            **({"tools": _tools(blueprint.tools)} if _tools(blueprint.tools) else {}),
        },
        "stimuli": [{"id": s.id, "text": _text(s.text), "image": s.image} for s in bank.stimuli],
        "items": [_item(item) for item in bank.items],
        "images": {
            name: base64.b64encode(data).decode("ascii") for name, data in sorted(bank.images.items())
        },
    }


def bank_to_payload(bank: Bank) -> bytes:
    """Canonical UTF-8 JSON bytes of the bank (sorted keys, no whitespace)."""
    return json.dumps(bank_to_dict(bank), sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _read_text(data: dict[str, Any]) -> Text:
    return Text(data["en"], data.get("zh"))


def _read_choices(data: list[dict[str, Any]]) -> tuple[Choice, ...]:
    return tuple(Choice(c["id"], _read_text(c["text"])) for c in data)


def _read_item(data: dict[str, Any]) -> Item:
    return Item(
        id=data["id"],
        type=ItemType(data["type"]),
        competence=data["competence"],
        difficulty=Difficulty(data["difficulty"]),
        stem=_read_text(data["stem"]),
        rationale=data["rationale"],
        points=int(data["points"]),
        scoring=ScoringRule(data["scoring"]),
        stimulus=data.get("stimulus"),
        image=data.get("image"),
        options=_read_choices(data.get("options", [])),
        key=tuple(data.get("key", [])),
        premises=_read_choices(data.get("premises", [])),
        pairs=tuple((p, r) for p, r in data.get("pairs", [])),
        value=float(data["value"]) if "value" in data else None,
        tolerance=float(data.get("tolerance") or 0.0),
        unit=data.get("unit", ""),
        accepted=tuple(data.get("accepted", [])),
        level=CognitiveLevel(data["level"]) if data.get("level") else None,
    )


def bank_from_dict(data: dict[str, Any]) -> Bank:
    blueprint = data["blueprint"]
    return Bank(
        certificate=Certificate(data["certificate"]),
        grade=int(data["grade"]),
        version=int(data["version"]),
        title=_read_text(data["title"]),
        languages=tuple(data["languages"]),
        competences=tuple(
            Competence(c["id"], Area(c["area"]), _read_text(c["title"])) for c in data["competences"]
        ),
        blueprint=Blueprint(
            duration_minutes=int(blueprint["duration_minutes"]),
            pass_mark=float(blueprint["pass_mark"]),
            draws=tuple(
                Draw(
                    d["competence"],
                    int(d["count"]),
                    Difficulty(d["difficulty"]) if d.get("difficulty") else None,
                    CognitiveLevel(d["level"]) if d.get("level") else None,
                )
                for d in blueprint["draws"]
            ),
            area_minimums=tuple((Area(a), float(v)) for a, v in blueprint["area_minimums"]),
            shuffle_items=bool(blueprint["shuffle_items"]),
            shuffle_options=bool(blueprint["shuffle_options"]),
            enemies=tuple(tuple(str(i) for i in group) for group in blueprint.get("enemies", [])),
            tools=_read_tools(blueprint.get("tools", {})),
        ),
        items=tuple(_read_item(item) for item in data["items"]),
        stimuli=tuple(Stimulus(s["id"], _read_text(s["text"]), s.get("image")) for s in data["stimuli"]),
        images={name: base64.b64decode(blob) for name, blob in data["images"].items()},
    )


def bank_from_payload(payload: bytes) -> Bank:
    """Rebuild a Bank from payload bytes; BankError if they are not a bank payload this kiosk reads."""
    try:
        data = json.loads(payload.decode("utf-8"))
        if data.get("format") not in READABLE_FORMATS:
            raise BankError("payload.format_unknown", found=repr(data.get("format")), known=PAYLOAD_FORMAT)
        return bank_from_dict(data)
    except BankError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise BankError("payload.unreadable", reason=f"{type(error).__name__}: {error}") from error
