"""Item and package metadata in content-package manifests: IEEE LOM, and the curriculum standards set.

The bank's competences travel as LOM classifications with the purpose "competency": a taxon path from the
area (foundational, practical, reflexive) down to the competence, whose id is the competence id and whose
entry is its title in English and Chinese. Difficulty is LOM's educational difficulty; the cognitive level
a classification with the purpose "educational objective". Packages made by other tools that name their
curriculum standards with the IMS curriculum standards metadata (labelled GUIDs) give competences too.
Both LOM bindings are read: IEEE LOM (``string language=``) and IMS metadata 1.2 (``langstring xml:lang=``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kiosk.authoring.interchange.model import USABLE_ID, DraftCompetence
from kiosk.authoring.interchange.xmlsafe import Node
from kiosk.domain.items import Area, Difficulty, Text

# LOM's five difficulties on the kiosk's three.
DIFFICULTIES = {
    "very easy": Difficulty.EASY,
    "easy": Difficulty.EASY,
    "medium": Difficulty.MEDIUM,
    "difficult": Difficulty.HARD,
    "very difficult": Difficulty.HARD,
    "hard": Difficulty.HARD,
}
LOM_DIFFICULTY = {Difficulty.EASY: "easy", Difficulty.MEDIUM: "medium", Difficulty.HARD: "difficult"}
COMPETENCY = "competency"
OBJECTIVE = "educational objective"
LEVEL_SOURCE = "Revised Bloom's taxonomy"
# The cognitive levels a bank item may name (the revised Bloom taxonomy).
LEVELS = ("remember", "understand", "apply", "analyse", "evaluate", "create")
BANK_CATALOG = "onex-kiosk-bank"


@dataclass
class Metadata:
    """What a manifest's metadata says about a package or one item."""

    title: Text | None = None
    difficulty: Difficulty | None = None
    difficulty_word: str | None = None
    competences: list[DraftCompetence] = field(default_factory=list)
    level: str | None = None
    bank_id: str | None = None
    version: int | None = None


def _strings(node: Node | None) -> Text | None:
    """A LOM langstring: English (or the first) as the text, Chinese as its version."""
    if node is None:
        return None
    found: dict[str, str] = {}
    for string in node.walk():
        if string.tag in ("string", "langstring"):
            language = (string.get("language") or string.get("xml:lang") or "en").lower()
            text = " ".join(string.all_text().split())
            if text:
                found.setdefault("zh" if language.startswith("zh") else language, text)
    if not found:
        text = " ".join(node.all_text().split())
        return Text(text) if text else None
    english = found.get("en") or next((text for language, text in found.items() if language != "zh"), None)
    if english is None:
        return Text(found["zh"])
    return Text(english, found.get("zh"))


def _word(node: Node | None) -> str:
    return " ".join(node.all_text().split()).lower() if node is not None else ""


def read_metadata(metadata: Node | None) -> Metadata:
    """Everything the metadata element of a manifest or a resource says that the kiosk can use."""
    result = Metadata()
    if metadata is None:
        return result
    for lom in (node for node in metadata.walk() if node.tag in ("lom", "record")):
        _read_lom(lom, result)
    for labelled in (node for node in metadata.walk() if node.tag == "labelledGUID"):
        label = _word(labelled.child("label"))
        raw = " ".join((labelled.child("label") or labelled).all_text().split())
        if not label:
            continue
        if USABLE_ID.match(raw) and not any(c.id == raw for c in result.competences):
            result.competences.append(DraftCompetence(raw))
    return result


def _read_lom(lom: Node, result: Metadata) -> None:
    general = lom.child("general")
    if general is not None:
        result.title = result.title or _strings(general.child("title"))
        for identifier in general.all("identifier"):
            if _word(identifier.child("catalog")) == BANK_CATALOG:
                result.bank_id = " ".join((identifier.child("entry") or identifier).all_text().split())
    version = lom.path("lifeCycle", "version")
    if version is not None:
        text = version.all_text().strip()
        if text.isdigit():
            result.version = int(text)
    difficulty = lom.path("educational", "difficulty", "value")
    if difficulty is not None:
        word = _word(difficulty)
        result.difficulty_word = word
        result.difficulty = DIFFICULTIES.get(word)
    for classification in lom.all("classification"):
        purpose = _word(classification.path("purpose", "value"))
        for path in classification.all("taxonPath"):
            taxa = path.all("taxon")
            if not taxa:
                continue
            last = taxa[-1]
            last_id = " ".join((last.child("id") or Node("id")).all_text().split())
            if purpose == COMPETENCY:
                area = None
                if len(taxa) > 1:
                    above = _word(taxa[-2].child("id"))
                    area = Area(above) if above in {a.value for a in Area} else None
                title = _strings(last.child("entry"))
                if last_id and USABLE_ID.match(last_id):
                    result.competences.append(DraftCompetence(last_id, area, title))
            elif purpose == OBJECTIVE and last_id.lower() in LEVELS:
                result.level = last_id.lower()
