"""The keys a bank source may use at each level, so a misspelt key is an error rather than silently dropped.

YAML happily reads ``tolerence: 0.1`` or ``stem_cn: ...``; without this list the reader would ignore them
and build a bank with no tolerance or no Chinese text. Every key the reader takes is named here once.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection

from kiosk.domain.items import ItemType

BANK_KEYS = frozenset(
    {
        "certificate",
        "grade",
        "version",
        "title",
        "title_zh",
        "languages",
        "competences",
        "blueprint",
        "stimuli",
        "enemies",
    }
)
COMPETENCE_KEYS = frozenset({"id", "area", "title", "title_zh"})
BLUEPRINT_KEYS = frozenset(
    {
        "duration_minutes",
        "pass_mark",
        "pass_mark_rationale",
        "pass_mark_rationale_zh",
        "area_minimums",
        "shuffle_items",
        "shuffle_options",
        "draws",
    }
)
DRAW_KEYS = frozenset({"competence", "count", "difficulty", "level"})
STIMULUS_KEYS = frozenset({"id", "text", "text_zh", "image"})
CHOICE_KEYS = frozenset({"id", "text", "text_zh"})

# Keys every item may have, and those only some types take.
ITEM_KEYS = frozenset(
    {
        "id",
        "type",
        "competence",
        "difficulty",
        "level",
        "points",
        "stem",
        "stem_zh",
        "stimulus",
        "image",
        "rationale",
        "rationale_zh",
    }
)
TYPE_KEYS: dict[ItemType, frozenset[str]] = {
    ItemType.SINGLE: frozenset({"options", "answer"}),
    ItemType.MULTIPLE: frozenset({"options", "answer", "scoring"}),
    ItemType.TRUE_FALSE: frozenset({"answer"}),
    ItemType.NUMERIC: frozenset({"answer", "tolerance", "unit"}),
    ItemType.ORDERING: frozenset({"options", "answer", "scoring"}),
    ItemType.MATCHING: frozenset({"premises", "options", "answer", "scoring"}),
    ItemType.SHORT_TEXT: frozenset({"accept"}),
}
ANY_ITEM_KEYS = ITEM_KEYS.union(*TYPE_KEYS.values())


def item_keys(item_type: ItemType | None) -> frozenset[str]:
    """The keys an item of ``item_type`` takes (every item key when the type is unknown)."""
    return ITEM_KEYS | TYPE_KEYS[item_type] if item_type is not None else ANY_ITEM_KEYS


# Other ways of writing "the Chinese version of": ``stem_cn``, ``title-chinese``, ``text_zh_cn``...
_CHINESE_SUFFIX = re.compile(
    r"^(?P<base>.+?)[_-](?:cn|zh[_-]?cn|zh[_-]?hans|chinese|chn|zho|chi)$", re.IGNORECASE
)


def suggestion(key: str, known: Collection[str]) -> str | None:
    """The known key ``key`` was most likely meant to be (difflib's closest match), or None."""
    chinese = _CHINESE_SUFFIX.match(key)
    if chinese and f"{chinese['base'].lower()}_zh" in known:
        return f"{chinese['base'].lower()}_zh"
    matches = difflib.get_close_matches(key.lower(), sorted(known), n=1, cutoff=0.6)
    return matches[0] if matches else None
