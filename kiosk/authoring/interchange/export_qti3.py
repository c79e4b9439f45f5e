"""Exporting a bank as a QTI 3.0 content package: a manifest, one item file per item, stimuli and images.

Each item's response processing scores as the kiosk does, written out rule by rule rather than through a
template so that points other than 1 and the kiosk's partial credit are kept:

- single, true/false, and all-or-nothing items: full points when the response matches the correct one;
- multiple response, partial: a mapping of +points/keyed for each keyed option and -points/keyed for each
  other, bounded to [0, points], which is (right ticks - wrong ticks) / keyed ticks;
- ordering, partial: points/options for every position that holds the right option;
- matching, partial: a mapping of points/premises for every right pair;
- numeric: full points within the absolute tolerance (QTI's equal, both bounds included);
- short text: full points when the response matches an accepted answer as the kiosk compares them:
  a pattern ignoring case, the accents of Latin letters, full-width forms, surrounding and repeated spaces
  and trailing punctuation. The accepted answers are also given as the correct response and a mapping.

Texts with a Chinese version carry both, marked ``xml:lang="en"`` and ``xml:lang="zh-Hans"``. The bank's
title, identity, version and competences (LOM classifications: area, then competence) go in the manifest's
metadata; each item's competence, difficulty and cognitive level in its resource's metadata; the reviewers'
rationale in a rubric block only scorers see. The blueprint is not exported: QTI items do not carry one.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path, PurePosixPath
from xml.sax.saxutils import escape, quoteattr

from kiosk.authoring.interchange.lom import BANK_CATALOG, LEVEL_SOURCE, LOM_DIFFICULTY, OBJECTIVE
from kiosk.authoring.source import load_bank_dir
from kiosk.domain.items import Area, Bank, Choice, Item, ItemType, ScoringRule, Stimulus, Text
from kiosk.domain.responses import normalise_text
from kiosk.support.files import SHARED, write_file

QTI_NAMESPACE = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0"
QTI_SCHEMA = "https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0_v1p0.xsd"
CP_NAMESPACE = "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1"
CP_SCHEMA = "https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqtiv3p0_imscpv1p2_v1p0.xsd"
LOM_NAMESPACE = "http://ltsc.ieee.org/xsd/LOM"
LOM_SCHEMA = "https://purl.imsglobal.org/spec/md/v1p3/schema/xsd/imsmd_loose_v1p3p2.xsd"
XSI_NAMESPACE = "http://www.w3.org/2001/XMLSchema-instance"
ITEM_TYPE = "imsqti_item_xmlv3p0"
STIMULUS_TYPE = "imsqti_stimulus_xmlv3p0"
ZH = "zh-Hans"
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Latin letters, super- and subscripts and full-width forms, by what the kiosk's short-text comparison
# turns them into.
_VARIANT_POOL = (
    *range(0x20, 0x250),
    *range(0x1E00, 0x1F00),
    *range(0x2070, 0x20A0),
    *range(0xFF01, 0xFF5F),
)
_TRUE_FALSE = {"true": Text("True", "正确"), "false": Text("False", "错误")}


@dataclass
class X:
    """An XML element being written: tag, attributes in order, and content (elements and text)."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    content: list[X | str] = field(default_factory=list)

    def add(self, *parts: X | str | None) -> X:
        self.content += [part for part in parts if part is not None]
        return self


def _clean(text: str) -> str:
    return _CONTROL.sub("", text)


def serialise(node: X, indent: int = 0) -> str:
    """The element as XML; elements holding only elements are indented, mixed content is kept inline."""
    attributes = "".join(f" {name}={quoteattr(_clean(value))}" for name, value in node.attrs.items())
    pad = "  " * indent
    if not node.content:
        return f"{pad}<{node.tag}{attributes}/>"
    if any(isinstance(part, str) for part in node.content):
        inner = "".join(
            escape(_clean(part)) if isinstance(part, str) else serialise(part).strip()
            for part in node.content
        )
        return f"{pad}<{node.tag}{attributes}>{inner}</{node.tag}>"
    children = "\n".join(serialise(part, indent + 1) for part in node.content if isinstance(part, X))
    return f"{pad}<{node.tag}{attributes}>\n{children}\n{pad}</{node.tag}>"


def document(root: X) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + serialise(root) + "\n").encode("utf-8")


def _ncname(identifier: str) -> str:
    if _NCNAME.match(identifier):
        return identifier
    cleaned = re.sub(r"[^A-Za-z0-9_.-]", "-", identifier)
    return f"I-{cleaned}"


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


# -- text ------------------------------------------------------------------------------------------------


def _paragraph(text: str) -> X:
    """Text as a paragraph with line breaks, or as preformatted text when its spaces matter."""
    if any(line != line.strip() or "  " in line or "\t" in line for line in text.split("\n")):
        return X("pre").add(text)
    paragraph = X("p")
    for index, line in enumerate(text.split("\n")):
        if index:
            paragraph.add(X("br"))
        if line:
            paragraph.add(line)
    return paragraph


def _blocks(text: Text) -> list[X]:
    """A stem, stimulus or rationale as body blocks: one paragraph, or one per language."""
    if not text.zh:
        return [_paragraph(text.en)]
    return [
        X("div", {"xml:lang": "en"}).add(_paragraph(text.en)),
        X("div", {"xml:lang": ZH}).add(_paragraph(text.zh)),
    ]


def _inline(text: Text) -> list[X | str]:
    """An option's text: as it is, or the two languages side by side."""
    if not text.zh:
        return [text.en]
    return [X("span", {"xml:lang": "en"}).add(text.en), " ", X("span", {"xml:lang": ZH}).add(text.zh)]


def _image(path: str, base: str) -> X:
    up = "../" * base.count("/")
    return X("p").add(X("img", {"src": up + path, "alt": PurePosixPath(path).stem}))


# -- declarations and response processing ------------------------------------------------------------------


def _value(text: str) -> X:
    return X("qti-value").add(text)


def _score(points: float) -> X:
    return X("qti-set-outcome-value", {"identifier": "SCORE"}).add(
        X("qti-base-value", {"base-type": "float"}).add(_number(points))
    )


def _response() -> X:
    return X("qti-variable", {"identifier": "RESPONSE"})


def _if_else(condition: X, points: float) -> X:
    return X("qti-response-condition").add(
        X("qti-response-if").add(condition, _score(points)),
        X("qti-response-else").add(_score(0)),
    )


def _mapped_score() -> X:
    return X("qti-response-condition").add(
        X("qti-response-if").add(X("qti-is-null").add(_response()), _score(0)),
        X("qti-response-else").add(
            X("qti-set-outcome-value", {"identifier": "SCORE"}).add(
                X("qti-map-response", {"identifier": "RESPONSE"})
            )
        ),
    )


@cache
def _variants() -> dict[str, str]:
    index: dict[str, set[str]] = {}
    for code in _VARIANT_POOL:
        folded = normalise_text(chr(code))
        if len(folded) == 1:
            index.setdefault(folded, set()).add(chr(code))
    return {key: "".join(sorted(chars)) for key, chars in index.items()}


def _class_char(char: str) -> str:
    return "\\" + char if char in "\\[]-^" else char


def answer_pattern(answer: str) -> str:
    """An XML Schema pattern matching what the kiosk accepts as ``answer`` (see the module docstring)."""
    space = "[\\s\\p{Z}]"
    parts = [space + "*"]
    for char in normalise_text(answer):
        if char == " ":
            parts.append(space + "+")
            continue
        chars = {char, *_variants().get(char, "")}
        parts.append("[" + "".join(_class_char(c) for c in sorted(chars)) + "]\\p{Mn}*")
    parts.append("[\\s\\p{Z}\\p{Po}]*")
    return "".join(parts)


def _declarations(item: Item) -> list[X]:
    points = float(item.points)
    declaration = X("qti-response-declaration", {"identifier": "RESPONSE"})
    correct = X("qti-correct-response")
    if item.type in (ItemType.SINGLE, ItemType.TRUE_FALSE):
        declaration.attrs |= {"cardinality": "single", "base-type": "identifier"}
        correct.add(_value(item.key[0]))
    elif item.type is ItemType.MULTIPLE:
        declaration.attrs |= {"cardinality": "multiple", "base-type": "identifier"}
        correct.add(*(_value(key) for key in item.key))
    elif item.type is ItemType.ORDERING:
        declaration.attrs |= {"cardinality": "ordered", "base-type": "identifier"}
        correct.add(*(_value(key) for key in item.key))
    elif item.type is ItemType.MATCHING:
        declaration.attrs |= {"cardinality": "multiple", "base-type": "directedPair"}
        correct.add(*(_value(f"P{premise} {option}") for premise, option in item.pairs))
    elif item.type is ItemType.NUMERIC:
        declaration.attrs |= {"cardinality": "single", "base-type": "float"}
        correct.add(_value(_number(item.value or 0.0)))
    else:
        declaration.attrs |= {"cardinality": "single", "base-type": "string"}
        correct.add(_value(item.accepted[0]))
    declaration.add(correct)
    mapping = _mapping(item, points)
    if mapping is not None:
        declaration.add(mapping)
    outcomes = [
        X(
            "qti-outcome-declaration",
            {
                "identifier": "SCORE",
                "cardinality": "single",
                "base-type": "float",
                "normal-maximum": _number(points),
            },
        ).add(X("qti-default-value").add(_value("0"))),
        X(
            "qti-outcome-declaration",
            {"identifier": "MAXSCORE", "cardinality": "single", "base-type": "float"},
        ).add(X("qti-default-value").add(_value(_number(points)))),
    ]
    return [declaration, *outcomes]


def _mapping(item: Item, points: float) -> X | None:
    partial = item.scoring is ScoringRule.PARTIAL
    bounds = {"lower-bound": "0", "upper-bound": _number(points), "default-value": "0"}
    if item.type is ItemType.MULTIPLE and partial:
        share = points / len(item.key)
        mapping = X("qti-mapping", bounds)
        for choice in item.options:
            value = share if choice.id in item.key else -share
            mapping.add(X("qti-map-entry", {"map-key": choice.id, "mapped-value": _number(value)}))
        return mapping
    if item.type is ItemType.MATCHING and partial:
        share = points / len(item.pairs)
        mapping = X("qti-mapping", bounds)
        for premise, option in item.pairs:
            mapping.add(
                X("qti-map-entry", {"map-key": f"P{premise} {option}", "mapped-value": _number(share)})
            )
        return mapping
    if item.type is ItemType.SHORT_TEXT:
        mapping = X("qti-mapping", bounds)
        for answer in item.accepted:
            mapping.add(
                X(
                    "qti-map-entry",
                    {"map-key": answer, "mapped-value": _number(points), "case-sensitive": "false"},
                )
            )
        return mapping
    return None


def _processing(item: Item) -> X:
    points = float(item.points)
    processing = X("qti-response-processing")
    partial = item.scoring is ScoringRule.PARTIAL
    matched = X("qti-match").add(_response(), X("qti-correct", {"identifier": "RESPONSE"}))
    if item.type in (ItemType.MULTIPLE, ItemType.MATCHING) and partial:
        return processing.add(_mapped_score())
    if item.type is ItemType.ORDERING and partial:
        share = points / len(item.key)
        for position, key in enumerate(item.key, start=1):
            condition = X("qti-match").add(
                X("qti-index", {"n": str(position)}).add(_response()),
                X("qti-base-value", {"base-type": "identifier"}).add(key),
            )
            added = X("qti-set-outcome-value", {"identifier": "SCORE"}).add(
                X("qti-sum").add(
                    X("qti-variable", {"identifier": "SCORE"}),
                    X("qti-base-value", {"base-type": "float"}).add(_number(share)),
                )
            )
            processing.add(X("qti-response-condition").add(X("qti-response-if").add(condition, added)))
        return processing
    if item.type is ItemType.NUMERIC:
        if item.tolerance:
            tolerance = _number(item.tolerance)
            attrs = {"tolerance-mode": "absolute", "tolerance": f"{tolerance} {tolerance}"}
        else:
            attrs = {"tolerance-mode": "exact"}
        equal = X("qti-equal", attrs).add(X("qti-correct", {"identifier": "RESPONSE"}), _response())
        return processing.add(_if_else(equal, points))
    if item.type is ItemType.SHORT_TEXT:
        either = X("qti-or").add(
            *(
                X("qti-pattern-match", {"pattern": answer_pattern(answer)}).add(_response())
                for answer in item.accepted
            )
        )
        return processing.add(_if_else(either, points))
    return processing.add(_if_else(matched, points))


# -- body -----------------------------------------------------------------------------------------------


def _choices(tag: str, choices: Sequence[Choice], prefix: str = "", match_max: int | None = None) -> list[X]:
    found = []
    for choice in choices:
        attrs = {"identifier": prefix + choice.id}
        if match_max is not None:
            attrs["match-max"] = str(match_max)
        found.append(X(tag, attrs).add(*_inline(choice.text)))
    return found


def _interaction(item: Item, shuffle: bool) -> X:
    flag = "true" if shuffle else "false"
    response = {"response-identifier": "RESPONSE"}
    if item.type is ItemType.TRUE_FALSE:
        choices = [Choice(key, _TRUE_FALSE[key]) for key in ("true", "false")]
        interaction = X("qti-choice-interaction", {**response, "shuffle": "false", "max-choices": "1"})
        for choice in choices:
            text = choice.text if item.stem.zh else Text(choice.text.en)
            interaction.add(X("qti-simple-choice", {"identifier": choice.id}).add(*_inline(text)))
        return interaction
    if item.type in (ItemType.SINGLE, ItemType.MULTIPLE):
        most = "1" if item.type is ItemType.SINGLE else "0"
        return X("qti-choice-interaction", {**response, "shuffle": flag, "max-choices": most}).add(
            *_choices("qti-simple-choice", item.options)
        )
    if item.type is ItemType.ORDERING:
        return X("qti-order-interaction", {**response, "shuffle": "true"}).add(
            *_choices("qti-simple-choice", item.options)
        )
    if item.type is ItemType.MATCHING:
        interaction = X(
            "qti-match-interaction",
            {**response, "shuffle": flag, "max-associations": str(len(item.premises))},
        )
        return interaction.add(
            X("qti-simple-match-set").add(*_choices("qti-simple-associable-choice", item.premises, "P", 1)),
            X("qti-simple-match-set").add(
                *_choices("qti-simple-associable-choice", item.options, "", len(item.premises))
            ),
        )
    entry = X("qti-text-entry-interaction", {**response, "expected-length": "20"})
    paragraph = X("p").add(entry)
    if item.type is ItemType.NUMERIC and item.unit:
        paragraph.add(" ", X("span", {"class": "unit"}).add(item.unit))
    return paragraph


def item_xml(item: Item, bank: Bank, path: str, stimulus_paths: dict[str, str]) -> bytes:
    """The QTI 3.0 item file for ``item``, to be stored at ``path`` in the package."""
    root = X(
        "qti-assessment-item",
        {
            "xmlns": QTI_NAMESPACE,
            "xmlns:xsi": XSI_NAMESPACE,
            "xsi:schemaLocation": f"{QTI_NAMESPACE} {QTI_SCHEMA}",
            "identifier": _ncname(item.id),
            "title": item.id,
            "adaptive": "false",
            "time-dependent": "false",
            "xml:lang": "en",
        },
    )
    root.add(*_declarations(item))
    if item.stimulus and item.stimulus in stimulus_paths:
        href = "../" * path.count("/") + stimulus_paths[item.stimulus]
        root.add(
            X(
                "qti-assessment-stimulus-ref",
                {"identifier": _ncname(item.stimulus), "href": href, "title": item.stimulus},
            )
        )
    body = X("qti-item-body")
    if item.rationale.strip():
        body.add(
            X("qti-rubric-block", {"view": "scorer"}).add(
                X("qti-content-body").add(_paragraph(item.rationale))
            )
        )
    body.add(*_blocks(item.stem))
    if item.image:
        body.add(_image(item.image, path))
    body.add(_interaction(item, bank.blueprint.shuffle_options))
    root.add(body, _processing(item))
    return document(root)


def stimulus_xml(stimulus: Stimulus, path: str) -> bytes:
    root = X(
        "qti-assessment-stimulus",
        {
            "xmlns": QTI_NAMESPACE,
            "xmlns:xsi": XSI_NAMESPACE,
            "xsi:schemaLocation": f"{QTI_NAMESPACE} {QTI_SCHEMA}",
            "identifier": _ncname(stimulus.id),
            "title": stimulus.id,
            "xml:lang": "en",
        },
    )
    body = X("qti-stimulus-body").add(*_blocks(stimulus.text))
    if stimulus.image:
        body.add(_image(stimulus.image, path))
    return document(root.add(body))


# -- manifest -------------------------------------------------------------------------------------------


def _lom(tag: str) -> str:
    return f"imsmd:{tag}"


def _langstring(tag: str, text: Text) -> X:
    element = X(_lom(tag)).add(X(_lom("string"), {"language": "en"}).add(text.en))
    if text.zh:
        element.add(X(_lom("string"), {"language": "zh"}).add(text.zh))
    return element


def _vocabulary(tag: str, value: str) -> X:
    return X(_lom(tag)).add(X(_lom("source")).add("LOMv1.0"), X(_lom("value")).add(value))


def _taxon(identifier: str, entry: Text) -> X:
    return X(_lom("taxon")).add(X(_lom("id")).add(identifier), _langstring("entry", entry))


_AREA_TITLES = {
    Area.FOUNDATIONAL: Text("Foundational competences", "基础能力"),
    Area.PRACTICAL: Text("Practical competences", "实践能力"),
    Area.REFLEXIVE: Text("Reflexive competences", "反思能力"),
}


def _competence_path(bank: Bank, competence_id: str) -> X | None:
    try:
        competence = bank.competence(competence_id)
    except KeyError:
        return None
    return X(_lom("taxonPath")).add(
        _langstring("source", bank.title),
        _taxon(competence.area.value, _AREA_TITLES[competence.area]),
        _taxon(competence.id, competence.title),
    )


def _classification(purpose: str, paths: list[X]) -> X:
    return X(_lom("classification")).add(_vocabulary("purpose", purpose), *paths)


def _bank_metadata(bank: Bank) -> X:
    general = X(_lom("general")).add(
        X(_lom("identifier")).add(X(_lom("catalog")).add(BANK_CATALOG), X(_lom("entry")).add(bank.bank_id)),
        _langstring("title", bank.title),
    )
    life = X(_lom("lifeCycle")).add(_langstring("version", Text(str(bank.version))))
    paths = [path for c in bank.competences if (path := _competence_path(bank, c.id)) is not None]
    lom = X(_lom("lom")).add(general, life, _classification("competency", paths))
    return X("metadata").add(X("schema").add("QTI Package"), X("schemaversion").add("3.0.0"), lom)


def _item_metadata(item: Item, bank: Bank) -> X:
    general = X(_lom("general")).add(_langstring("title", Text(item.id)))
    lom = X(_lom("lom")).add(
        general, X(_lom("educational")).add(_vocabulary("difficulty", LOM_DIFFICULTY[item.difficulty]))
    )
    path = _competence_path(bank, item.competence)
    if path is not None:
        lom.add(_classification("competency", [path]))
    level = getattr(item, "level", None)
    if level is not None:
        word = str(getattr(level, "value", level))
        objective = X(_lom("taxonPath")).add(
            _langstring("source", Text(LEVEL_SOURCE)), _taxon(word, Text(word.capitalize()))
        )
        lom.add(_classification(OBJECTIVE, [objective]))
    return X("metadata").add(lom)


@dataclass(frozen=True, slots=True)
class ExportedPackage:
    path: Path
    bank_id: str
    version: int
    item_count: int
    size: int


def package_files(bank: Bank) -> dict[str, bytes]:
    """Every file of the bank's QTI 3.0 package: package path -> bytes (the manifest first)."""
    files: dict[str, bytes] = {}
    resources = X("resources")
    stimulus_paths: dict[str, str] = {}
    image_ids = {name: f"IMAGE-{index}" for index, name in enumerate(sorted(bank.images), start=1)}
    for stimulus in bank.stimuli:
        path = f"stimuli/{_ncname(stimulus.id)}.xml"
        stimulus_paths[stimulus.id] = path
        files[path] = stimulus_xml(stimulus, path)
        resource = X(
            "resource",
            {"identifier": f"STIMULUS-{_ncname(stimulus.id)}", "type": STIMULUS_TYPE, "href": path},
        ).add(X("file", {"href": path}))
        if stimulus.image:
            resource.add(X("dependency", {"identifierref": image_ids[stimulus.image]}))
        resources.add(resource)
    for item in bank.items:
        path = f"items/{_ncname(item.id)}.xml"
        files[path] = item_xml(item, bank, path, stimulus_paths)
        resource = X("resource", {"identifier": f"ITEM-{_ncname(item.id)}", "type": ITEM_TYPE, "href": path})
        resource.add(_item_metadata(item, bank), X("file", {"href": path}))
        if item.stimulus and item.stimulus in stimulus_paths:
            resource.add(X("dependency", {"identifierref": f"STIMULUS-{_ncname(item.stimulus)}"}))
        if item.image:
            resource.add(X("dependency", {"identifierref": image_ids[item.image]}))
        resources.add(resource)
    for name, identifier in image_ids.items():
        path = PurePosixPath(name).as_posix()
        files[path] = bank.images[name]
        resources.add(
            X("resource", {"identifier": identifier, "type": "webcontent", "href": path}).add(
                X("file", {"href": path})
            )
        )
    manifest = X(
        "manifest",
        {
            "xmlns": CP_NAMESPACE,
            "xmlns:imsmd": LOM_NAMESPACE,
            "xmlns:xsi": XSI_NAMESPACE,
            "xsi:schemaLocation": f"{CP_NAMESPACE} {CP_SCHEMA} {LOM_NAMESPACE} {LOM_SCHEMA}",
            "identifier": f"MANIFEST-{bank.bank_id}-v{bank.version}",
        },
    )
    manifest.add(_bank_metadata(bank), X("organizations"), resources)
    return {"imsmanifest.xml": document(manifest), **files}


def package_bytes(bank: Bank) -> bytes:
    """The package as zip bytes; the same bank always gives the same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in package_files(bank).items():
            info = zipfile.ZipInfo(name, _ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def export_qti3(source: Path, output: Path) -> ExportedPackage:
    """Read and check the bank source ``source`` and write its QTI 3.0 package to ``output``."""
    bank = load_bank_dir(source)
    data = package_bytes(bank)
    write_file(output, data, SHARED)
    return ExportedPackage(output, bank.bank_id, bank.version, len(bank.items), len(data))
