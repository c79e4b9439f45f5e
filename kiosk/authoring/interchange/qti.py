"""Importing QTI 3.0 and QTI 2.1/2.2 assessment items: single item files, content packages, unpacked ones.

Every item is read with its own response processing: the key comes from the correct response (or the
mapping), and the scoring rule is the one under which the kiosk scores a set of probe responses as the
item's response processing does (see :mod:`kiosk.authoring.interchange.probe`). Interactions the kiosk has
no item type for (extended text, hotspot, drawing, gap match, upload...) are reported as not convertible.
QTI 2.x names (``choiceInteraction``, ``baseType``) are renamed to QTI 3.0's (``qti-choice-interaction``,
``base-type``) when read, so one reader serves both.
"""

from __future__ import annotations

import base64
import binascii
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from kiosk.authoring.interchange.html import BLANK, Rich, names, reduce_nodes
from kiosk.authoring.interchange.lom import Metadata, read_metadata
from kiosk.authoring.interchange.media import ImageStore
from kiosk.authoring.interchange.model import (
    MAX_OPTIONS,
    MAX_PREMISES,
    OPTION_IDS,
    PREMISE_IDS,
    USABLE_ID,
    Converted,
    DraftBank,
    DraftItem,
    DraftStimulus,
    SourceRef,
    refused,
)
from kiosk.authoring.interchange.packages import Files, FolderFiles, ZipFiles, resolve
from kiosk.authoring.interchange.probe import Unreadable, check_scoring
from kiosk.authoring.interchange.qti_rp import Container, Declaration, Processor
from kiosk.authoring.interchange.xmlsafe import Node, parse_xml
from kiosk.domain.errors import InputError, Notice
from kiosk.domain.items import Choice, ItemType, ScoringRule, Text
from kiosk.domain.responses import Response

QTI3_NAMESPACE = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0"
QTI2_NAMESPACES = {
    "http://www.imsglobal.org/xsd/imsqti_v2p1": "2.1",
    "http://www.imsglobal.org/xsd/imsqti_v2p2": "2.2",
}
FAMILIES = {"qti3": "3.0", "qti21": "2.1"}
MANIFEST = "imsmanifest.xml"

# XHTML (and HTML5 in QTI 3.0) element names, which QTI 2.x shares with QTI 3.0 unchanged.
_XHTML = names(
    "a abbr acronym address article aside audio b bdi bdo big blockquote br caption cite code col colgroup "
    "dd del details dfn div dl dt em figcaption figure footer h1 h2 h3 h4 h5 h6 header hr i img ins kbd "
    "label li map area nav object ol p param picture pre q rb rp rt rtc ruby s samp section small source "
    "span strong sub summary sup table tbody td tfoot th thead tr track tt u ul var video wbr math"
)
_BLOCK_INTERACTIONS = {
    "qti-choice-interaction",
    "qti-order-interaction",
    "qti-match-interaction",
}
_INLINE_INTERACTIONS = {"qti-text-entry-interaction", "qti-inline-choice-interaction"}
_FEEDBACK = {"qti-feedback-block", "qti-feedback-inline", "qti-modal-feedback"}
_TEMPLATED = {"qti-template-declaration", "qti-template-processing"}
_PAIR_ID = re.compile(r"^P?([1-8])$")


def _kebab(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


def rename_qti2(node: Node) -> None:
    """Rename a QTI 2.x tree's elements and attributes to their QTI 3.0 names, in place."""
    for element in node.walk():
        if element.tag not in _XHTML and not element.namespace.endswith("MathML"):
            element.tag = "qti-" + _kebab(element.tag)
        element.attrs = {
            (name if ":" in name else _kebab(name)): value for name, value in element.attrs.items()
        }


def qti2_name(tag: str) -> str:
    """``qti-hotspot-interaction`` as QTI 2.x writes it: ``hotspotInteraction``."""
    words = tag.removeprefix("qti-").split("-")
    return words[0] + "".join(word.title() for word in words[1:])


@dataclass
class _Context:
    family: str
    files: Files
    path: str  # the item file, relative to the package root
    bank: DraftBank
    store: ImageStore
    meta: Metadata
    # Stimulus file -> stimulus id, and what reading it found, until an item that names it reports it.
    stimuli: dict[str, str] = field(default_factory=dict)
    pending: dict[str, list[Notice]] = field(default_factory=dict)

    def display(self) -> str:
        return self.files.display(self.path)


def read_qti(path: Path, name: str, family: str, bank: DraftBank, store: ImageStore) -> list[Converted]:
    """Every item in the QTI file ``path`` (an item, a manifest, or a zipped content package)."""
    data = _read(path, name)
    if data[:4] == b"PK\x03\x04":
        files: Files = ZipFiles(data, name)
        manifest = next((n for n in files.names() if PurePosixPath(n).name == MANIFEST), None)
        if manifest is None:
            items = [n for n in files.names() if n.lower().endswith(".xml")]
            return _loose_items(files, items, family, bank, store)
        return _package(files, manifest, family, bank, store)
    files = FolderFiles(path.parent, name)
    root = parse_xml(data, name)
    if root.tag == "manifest":
        return _package(files, path.name, family, bank, store, root)
    return _loose_items(files, [path.name], family, bank, store, {path.name: root})


def _read(path: Path, name: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise InputError("interchange.unreadable", file=name, reason=error.strerror or str(error)) from None


def _parse(files: Files, path: str) -> Node | None:
    data = files.read(path)
    return None if data is None else parse_xml(data, files.display(path))


def _loose_items(
    files: Files,
    paths: list[str],
    family: str,
    bank: DraftBank,
    store: ImageStore,
    parsed: dict[str, Node] | None = None,
) -> list[Converted]:
    found: list[Converted] = []
    stimuli: dict[str, str] = {}
    pending: dict[str, list[Notice]] = {}
    for path in paths:
        root = (parsed or {}).get(path) or _parse(files, path)
        if root is None:
            continue
        if root.tag not in ("assessmentItem", "qti-assessment-item"):
            if len(paths) == 1:
                raise InputError(
                    "interchange.qti_not_item", file=files.display(path), line=root.line, found=root.tag
                )
            continue
        context = _Context(family, files, path, bank, store, Metadata(), stimuli, pending)
        found.append(_item(root, context))
    if not found:
        raise InputError("interchange.qti_no_items", file=files.display(paths[0] if paths else ""))
    return found


def _package(
    files: Files,
    manifest_path: str,
    family: str,
    bank: DraftBank,
    store: ImageStore,
    root: Node | None = None,
) -> list[Converted]:
    manifest = root or _parse(files, manifest_path)
    if manifest is None or manifest.tag != "manifest":
        raise InputError(
            "interchange.qti_not_item",
            file=files.display(manifest_path),
            line=1,
            found=manifest.tag if manifest else "",
        )
    package_meta = read_metadata(manifest.child("metadata"))
    if package_meta.title is not None and bank.title is None:
        bank.title = package_meta.title
    if package_meta.bank_id:
        certificate, _, grade = package_meta.bank_id.rpartition("-")
        if certificate and grade.isdigit():
            bank.certificate = bank.certificate or certificate
            bank.grade = bank.grade if bank.grade is not None else int(grade)
    if package_meta.version is not None and bank.version is None:
        bank.version = package_meta.version
    for competence in package_meta.competences:
        bank.competence(competence)
    resources = manifest.child("resources")
    found: list[Converted] = []
    stimuli: dict[str, str] = {}
    pending: dict[str, list[Notice]] = {}
    base = PurePosixPath(manifest_path).parent.as_posix()
    base = "" if base == "." else base + "/"
    listed = resources.all("resource") if resources is not None else []
    for resource in listed:
        href = resolve(base + MANIFEST, resource.get("href") or "")
        if href is not None and (resource.get("type") or "").lower().startswith("imsqti_stimulus_xml"):
            context = _Context(family, files, href, bank, store, Metadata(), stimuli, pending)
            load_stimulus(context, href)
    for resource in listed:
        kind = (resource.get("type") or "").lower()
        if not kind.startswith("imsqti_item_xml"):
            continue
        href = resolve(base + MANIFEST, resource.get("href") or "")
        if href is None:
            continue
        item_root = _parse(files, href)
        if item_root is None:
            raise InputError(
                "interchange.package_file_missing",
                file=files.display(manifest_path),
                line=resource.line,
                href=resource.get("href") or "",
            )
        meta = read_metadata(resource.child("metadata"))
        context = _Context(family, files, href, bank, store, meta, stimuli, pending)
        found.append(_item(item_root, context))
    if not found:
        raise InputError("interchange.qti_no_items", file=files.display(manifest_path))
    return found


def _check_family(root: Node, context: _Context) -> None:
    if root.namespace == QTI3_NAMESPACE:
        version = "3.0"
    elif root.namespace in QTI2_NAMESPACES:
        version = QTI2_NAMESPACES[root.namespace]
    else:
        raise InputError(
            "interchange.qti_namespace",
            file=context.display(),
            line=root.line,
            namespace=root.namespace or "none",
        )
    if (version == "3.0") != (context.family == "qti3"):
        raise InputError(
            "interchange.qti_version",
            file=context.display(),
            line=root.line,
            found=version,
            expected=FAMILIES[context.family],
        )
    if version != "3.0":
        rename_qti2(root)


def _item(root: Node, context: _Context) -> Converted:
    _check_family(root, context)
    name = root.get("title") or root.get("identifier") or PurePosixPath(context.path).stem
    source = SourceRef(context.display(), root.line, name)
    try:
        return _ItemReader(root, context, source).convert()
    except Unreadable as unreadable:
        return refused(source, "interchange.scoring_unread", what=unreadable.what)


class _ItemReader:
    def __init__(self, root: Node, context: _Context, source: SourceRef) -> None:
        self.root = root
        self.context = context
        self.source = source
        self.notices: list[Notice] = []
        self.marks: set[str] = set()
        self.feedback = False
        self.rationale: list[str] = []
        self.stimulus: str | None = None
        self.images: list[tuple[str, str, int]] = []  # src, alt, line
        self.processor = Processor.for_item(root)
        self.known_difference = False
        self.option_ids: dict[str, str] = {}

    def _notice(self, code: str, /, **params: object) -> None:
        self.notices.append(Notice(code, **params))

    def convert(self) -> Converted:
        if any(node.tag in _TEMPLATED for node in self.root.children):
            return refused(self.source, "interchange.item_templated")
        body = self.root.child("qti-item-body")
        if body is None:
            return refused(self.source, "interchange.no_interaction")
        interactions = [
            node
            for node in body.walk()
            if node.tag.endswith("-interaction") and node.tag != "qti-end-attempt-interaction"
        ]
        if not interactions:
            return refused(self.source, "interchange.no_interaction")
        if len(interactions) > 1:
            return refused(self.source, "interchange.several_interactions", count=len(interactions))
        interaction = interactions[0]
        if interaction.tag not in _BLOCK_INTERACTIONS | _INLINE_INTERACTIONS:
            kind = interaction.tag if self.context.family == "qti3" else qti2_name(interaction.tag)
            return refused(self.source, "interchange.interaction_not_convertible", kind=kind)
        declaration = self.processor.responses.get(interaction.get("response-identifier") or "")
        if declaration is None:
            return refused(
                self.source,
                "interchange.no_declaration",
                response=interaction.get("response-identifier") or "",
            )
        self.feedback = any(node.tag == "qti-modal-feedback" for node in self.root.children)
        for reference in self.root.all("qti-assessment-stimulus-ref"):
            self._stimulus(reference)
        stem, unit = self._stem(body, interaction, declaration)
        if interaction.tag == "qti-choice-interaction":
            result = self._choice(interaction, declaration, stem)
        elif interaction.tag == "qti-inline-choice-interaction":
            result = self._choice(interaction, declaration, stem, inline=True)
        elif interaction.tag == "qti-order-interaction":
            result = self._order(interaction, declaration, stem)
        elif interaction.tag == "qti-match-interaction":
            result = self._match(interaction, declaration, stem)
        else:
            result = self._text_entry(declaration, stem, unit)
        if isinstance(result, Converted):
            return result
        item, to_source = result
        return self._finish(item, declaration, to_source)

    # -- text ---------------------------------------------------------------------------------------

    def _stem(self, body: Node, interaction: Node, declaration: Declaration) -> tuple[Text, str]:
        unit_block = self._unit_block(body, interaction, declaration)
        unit = ""
        if unit_block is not None:
            after = unit_block.content[unit_block.content.index(interaction) + 1 :]
            unit = reduce_nodes(after).en.strip()

        def hook(node: Node) -> str | list[Node | str] | None:
            if node is unit_block:
                return ""
            if node is interaction:
                if node.tag in _INLINE_INTERACTIONS:
                    return BLANK
                prompt = node.child("qti-prompt")
                return list(prompt.content) if prompt is not None else ""
            return self._common_hook(node)

        rich = reduce_nodes(body.content, hook, self.root.get("xml:lang") or "en")
        self._absorb(rich)
        return rich.text() or Text(""), unit

    def _unit_block(self, body: Node, interaction: Node, declaration: Declaration) -> Node | None:
        """The paragraph holding only a text entry and, after it, at most a short unit."""
        if interaction.tag != "qti-text-entry-interaction":
            return None
        parent = next((node for node in body.walk() if interaction in node.children), None)
        if parent is None or parent is body or parent.tag not in ("p", "div"):
            return None
        index = parent.content.index(interaction)
        before = parent.content[:index]
        if any(isinstance(part, Node) or part.strip() for part in before):
            return None
        after = reduce_nodes(parent.content[index + 1 :]).en.strip()
        numeric = declaration.base_type in ("float", "integer")
        if after and (not numeric or len(after) > 16):
            return None
        return parent

    def _common_hook(self, node: Node) -> str | None:
        if node.tag == "qti-rubric-block":
            views = (node.get("view") or "").split()
            if "candidate" in views:
                return None
            rich = reduce_nodes(node.content, self._common_hook)
            self.marks |= rich.marks
            if rich.images:
                self._notice("interchange.images_dropped", count=len(rich.images))
            text = "\n".join(part for part in (rich.en, rich.zh) if part)
            if text:
                self.rationale.append(text)
            return ""
        if node.tag in _FEEDBACK:
            self.feedback = True
            return ""
        if node.tag == "qti-assessment-stimulus-ref":
            self._stimulus(node)
            return ""
        if node.tag in ("qti-printed-variable", "qti-template-inline", "qti-template-block"):
            raise Unreadable(node.tag)
        if node.tag.startswith("qti-") and node.tag not in ("qti-prompt", "qti-content-body"):
            self.marks.add(node.tag)
            return ""
        return None

    def _absorb(self, rich: Rich) -> None:
        self.marks |= rich.marks
        self.images += [(image.src, image.alt, image.line) for image in rich.images]

    def _rich(self, node: Node) -> Rich:
        rich = reduce_nodes(node.content, self._common_hook)
        self.marks |= rich.marks
        return rich

    def _option_text(self, node: Node, our_id: str) -> Text:
        rich = self._rich(node)
        text = rich.text()
        if rich.images:
            alt = " ".join(image.alt for image in rich.images if image.alt)
            if text is None:
                text = Text(alt) if alt else None
            self._notice("interchange.option_image", option=our_id)
        return text or Text("")

    # -- interactions --------------------------------------------------------------------------------

    def _choice(
        self, interaction: Node, declaration: Declaration, stem: Text, inline: bool = False
    ) -> Converted | tuple[DraftItem, Callable[[Response], Any]]:
        choices = interaction.all("qti-inline-choice" if inline else "qti-simple-choice")
        if len(choices) > MAX_OPTIONS:
            return refused(self.source, "interchange.too_many_options", count=len(choices), limit=MAX_OPTIONS)
        if len(choices) < 2:
            return refused(self.source, "interchange.too_few_options", count=len(choices))
        sources = [choice.get("identifier") or "" for choice in choices]
        single = declaration.cardinality == "single"
        key_sources = self._key(declaration)
        lowered = [identifier.lower() for identifier in sources]
        if single and sorted(lowered) == ["false", "true"]:
            ids = {source: source.lower() for source in sources}
            key = tuple(ids[k] for k in key_sources if k in ids)
            if len(key) != 1:
                return refused(self.source, "interchange.no_key")
            for choice in choices:
                self._rich(choice)
            item = DraftItem(ItemType.TRUE_FALSE, stem, key=key)
            back = {ours: source for source, ours in ids.items()}
            return item, lambda response: back.get(str(response))
        ids = self.option_ids = _our_ids(sources, OPTION_IDS)
        options = tuple(
            Choice(ids[source], self._option_text(choice, ids[source]))
            for source, choice in zip(sources, choices, strict=True)
        )
        key = tuple(ids[k] for k in key_sources if k in ids)
        if not key or (single and len(key) != 1):
            return refused(self.source, "interchange.no_key")
        back = {ours: source for source, ours in ids.items()}
        if single:
            item = DraftItem(ItemType.SINGLE, stem, options=options, key=key)
            return item, lambda response: back.get(str(response))
        rule = ScoringRule.PARTIAL if self._uses_mapping() else ScoringRule.ALL_OR_NOTHING
        item = DraftItem(ItemType.MULTIPLE, stem, options=options, key=key, scoring=rule)
        return item, lambda response: _container("multiple", [back[r] for r in response])

    def _order(
        self, interaction: Node, declaration: Declaration, stem: Text
    ) -> Converted | tuple[DraftItem, Callable[[Response], Any]]:
        choices = interaction.all("qti-simple-choice")
        if len(choices) > MAX_OPTIONS:
            return refused(self.source, "interchange.too_many_options", count=len(choices), limit=MAX_OPTIONS)
        if len(choices) < 2:
            return refused(self.source, "interchange.too_few_options", count=len(choices))
        sources = [choice.get("identifier") or "" for choice in choices]
        ids = _our_ids(sources, OPTION_IDS)
        options = tuple(
            Choice(ids[s], self._option_text(c, ids[s])) for s, c in zip(sources, choices, strict=True)
        )
        key = tuple(ids[k] for k in self._key(declaration) if k in ids)
        if sorted(key) != sorted(ids.values()):
            return refused(self.source, "interchange.order_incomplete")
        back = {ours: source for source, ours in ids.items()}
        rule = ScoringRule.PARTIAL if self._uses_mapping() else ScoringRule.ALL_OR_NOTHING
        item = DraftItem(ItemType.ORDERING, stem, options=options, key=key, scoring=rule)
        return item, lambda response: _container("ordered", [back[r] for r in response])

    def _match(
        self, interaction: Node, declaration: Declaration, stem: Text
    ) -> Converted | tuple[DraftItem, Callable[[Response], Any]]:
        sets = interaction.all("qti-simple-match-set")
        if len(sets) != 2:
            return refused(self.source, "interchange.interaction_not_convertible", kind=interaction.tag)
        premise_nodes = sets[0].all("qti-simple-associable-choice")
        option_nodes = sets[1].all("qti-simple-associable-choice")
        if len(premise_nodes) > MAX_PREMISES or len(option_nodes) > MAX_OPTIONS:
            count = max(len(premise_nodes), len(option_nodes))
            return refused(self.source, "interchange.too_many_options", count=count, limit=MAX_OPTIONS)
        if len(premise_nodes) < 2 or len(option_nodes) < 2:
            return refused(
                self.source, "interchange.too_few_options", count=min(len(premise_nodes), len(option_nodes))
            )
        premise_sources = [node.get("identifier") or "" for node in premise_nodes]
        option_sources = [node.get("identifier") or "" for node in option_nodes]
        premise_ids = _premise_ids(premise_sources)
        option_ids = _our_ids(option_sources, OPTION_IDS)
        premises = tuple(
            Choice(premise_ids[s], self._option_text(n, premise_ids[s]))
            for s, n in zip(premise_sources, premise_nodes, strict=True)
        )
        options = tuple(
            Choice(option_ids[s], self._option_text(n, option_ids[s]))
            for s, n in zip(option_sources, option_nodes, strict=True)
        )
        pairs: dict[str, str] = {}
        for value in self._key(declaration):
            parts = value.split()
            if len(parts) != 2:
                continue
            first, second = parts
            if first in option_ids and second in premise_ids:
                first, second = second, first
            if first not in premise_ids or second not in option_ids:
                continue
            if premise_ids[first] in pairs:
                return refused(self.source, "interchange.premise_twice", premise=premise_ids[first])
            pairs[premise_ids[first]] = option_ids[second]
        unmatched = [ours for ours in premise_ids.values() if ours not in pairs]
        if not pairs:
            return refused(self.source, "interchange.no_key")
        if unmatched:
            return refused(self.source, "interchange.premise_unmatched", premise=unmatched[0])
        back_premise = {ours: source for source, ours in premise_ids.items()}
        back_option = {ours: source for source, ours in option_ids.items()}
        rule = ScoringRule.PARTIAL if self._uses_mapping() else ScoringRule.ALL_OR_NOTHING
        item = DraftItem(
            ItemType.MATCHING,
            stem,
            premises=premises,
            options=options,
            pairs=tuple(sorted(pairs.items())),
            scoring=rule,
        )

        def to_source(response: Response) -> Any:
            assert isinstance(response, dict)
            values = [(back_premise[p], back_option[o]) for p, o in response.items()]
            return Container("multiple", tuple(values)) if values else None

        return item, to_source

    def _text_entry(
        self, declaration: Declaration, stem: Text, unit: str
    ) -> Converted | tuple[DraftItem, Callable[[Response], Any]]:
        interaction_kind = (
            "qti-text-entry-interaction" if self.context.family == "qti3" else "textEntryInteraction"
        )
        if declaration.cardinality != "single":
            kind = f"{interaction_kind} {declaration.cardinality}"
            return refused(self.source, "interchange.interaction_not_convertible", kind=kind)
        if declaration.base_type in ("float", "integer"):
            return self._numeric(declaration, stem, unit)
        if declaration.base_type != "string":
            kind = f"{interaction_kind} {declaration.base_type}"
            return refused(self.source, "interchange.interaction_not_convertible", kind=kind)
        accepted: list[str] = [value.strip() for value in declaration.correct if value.strip()]
        mapping = declaration.mapping
        if mapping is not None and mapping.entries:
            best = max(entry.value for entry in mapping.entries)
            partial = []
            for entry in mapping.entries:
                if entry.value >= best and best > 0:
                    if entry.key.strip() and entry.key.strip() not in accepted:
                        accepted.append(entry.key.strip())
                    if entry.case_sensitive and any(ch.isalpha() for ch in entry.key):
                        self._case_sensitive()
                elif entry.value > 0:
                    partial.append(entry.key.strip())
            if partial:
                self._notice("interchange.partial_answers_dropped", answers=", ".join(partial))
                self.known_difference = True
        if not accepted:
            return refused(self.source, "interchange.no_key")
        if self._rp_case_sensitive():
            self._case_sensitive()
        item = DraftItem(ItemType.SHORT_TEXT, stem, accepted=tuple(accepted))
        return item, lambda response: str(response)

    def _case_sensitive(self) -> None:
        if not any(notice.code == "interchange.case_sensitive" for notice in self.notices):
            self._notice("interchange.case_sensitive")
            self.known_difference = True

    def _rp_case_sensitive(self) -> bool:
        rules = self.processor.rules or []
        for rule in rules:
            for node in rule.walk():
                if node.tag == "qti-string-match" and (node.get("case-sensitive") or "true") == "true":
                    return True
                if node.tag == "qti-match" and any(
                    child.tag == "qti-base-value" and child.get("base-type") == "string"
                    for child in node.children
                ):
                    return True
        return self.processor.template == "match_correct"

    def _numeric(
        self, declaration: Declaration, stem: Text, unit: str
    ) -> Converted | tuple[DraftItem, Callable[[Response], Any]]:
        value: float | None = None
        if declaration.correct:
            try:
                value = float(declaration.correct[0])
            except ValueError:
                value = None
        if value is None and declaration.mapping is not None and declaration.mapping.entries:
            best = max(declaration.mapping.entries, key=lambda entry: entry.value)
            try:
                value = float(best.key)
            except ValueError:
                value = None
        if value is None:
            value = self._rp_number()
        if value is None or not math.isfinite(value):
            return refused(self.source, "interchange.no_key")
        tolerance = self._tolerance(value)
        item = DraftItem(ItemType.NUMERIC, stem, value=value, tolerance=tolerance, unit=unit)
        integer = declaration.base_type == "integer"

        def to_source(response: Response) -> Any:
            number = float(str(response))
            if integer:
                return int(number) if number.is_integer() else None
            return number

        return item, to_source

    def _rp_number(self) -> float | None:
        for rule in self.processor.rules or []:
            for node in rule.walk():
                if node.tag == "qti-base-value" and node.get("base-type") in ("float", "integer"):
                    try:
                        return float(node.text)
                    except ValueError:
                        return None
        return None

    def _tolerance(self, value: float) -> float:
        for rule in self.processor.rules or []:
            for node in rule.walk():
                if node.tag == "qti-equal":
                    mode = node.get("tolerance-mode") or "exact"
                    numbers = [float(t) for t in (node.get("tolerance") or "0").split() or ["0"]]
                    low, high = numbers[0], numbers[-1]
                    if low != high:
                        self._notice("interchange.tolerance_asymmetric", low=_plain(low), high=_plain(high))
                    if mode == "absolute":
                        return min(low, high)
                    if mode == "relative":
                        tolerance = abs(value) * min(low, high) / 100
                        self._notice(
                            "interchange.relative_tolerance",
                            percent=_plain(min(low, high)),
                            tolerance=_plain(tolerance),
                        )
                        return tolerance
                    return 0.0
                if node.tag == "qti-equal-rounded":
                    figures = int(node.get("figures") or "1")
                    mode = node.get("rounding-mode") or "significantFigures"
                    if mode == "decimalPlaces":
                        tolerance = 0.5 * 10.0**-figures
                    else:
                        magnitude = math.floor(math.log10(abs(value))) if value else 0
                        tolerance = 0.5 * 10.0 ** (magnitude - figures + 1)
                    tolerance = float(f"{tolerance:.12g}")
                    self._notice(
                        "interchange.rounding_tolerance",
                        figures=figures,
                        mode=mode,
                        tolerance=_plain(tolerance),
                    )
                    return tolerance
        return 0.0

    # -- key, scoring, metadata ------------------------------------------------------------------------

    def _key(self, declaration: Declaration) -> list[str]:
        if declaration.correct:
            return [value.strip() for value in declaration.correct]
        mapping = declaration.mapping
        if mapping is None or not mapping.entries:
            return []
        if declaration.cardinality == "single":
            best = max(mapping.entries, key=lambda entry: entry.value)
            return [best.key.strip()] if best.value > 0 else []
        return [entry.key.strip() for entry in mapping.entries if entry.value > 0]

    def _uses_mapping(self) -> bool:
        if self.processor.rules is None:
            return self.processor.template in ("map_response", "CC2_map_response")
        return any(node.tag == "qti-map-response" for rule in self.processor.rules for node in rule.walk())

    def _declared_maximum(self) -> float | None:
        score = self.processor.outcomes.get("SCORE")
        if score is not None and score.normal_maximum:
            return score.normal_maximum
        maximum = self.processor.outcomes.get("MAXSCORE")
        if maximum is not None and maximum.default:
            try:
                return float(maximum.default[0])
            except ValueError:
                pass
        if self.processor.template in ("match_correct", "CC2_match", "CC2_match_basic"):
            return 1.0
        return None

    def _max_score(
        self, declaration: Declaration, to_source: Callable[[Response], Any], item: DraftItem
    ) -> float:
        """The item's points: the declared maximum, unless the source gives the key more (real exports
        declare SCORE's normal maximum as 1 while their mapping gives a right answer 3)."""
        declared = self._declared_maximum()
        key = self._score(declaration, to_source, _key_response(item))
        if declared is None or key > declared + 1e-9:
            return key
        return declared

    def _score(
        self, declaration: Declaration, to_source: Callable[[Response], Any], response: Response
    ) -> float:
        value = to_source(response)
        outcomes = self.processor.score({declaration.identifier: value})
        score = outcomes.get("SCORE")
        if score is None:
            return 0.0
        try:
            return float(score)
        except (TypeError, ValueError):
            raise Unreadable("SCORE") from None

    def _finish(
        self, item: DraftItem, declaration: Declaration, to_source: Callable[[Response], Any]
    ) -> Converted:
        scored = self.root.child("qti-response-processing") is not None and "SCORE" in self.processor.outcomes
        maximum = 1.0
        if not scored:
            self._notice("interchange.scoring_from_key")
        else:
            try:
                maximum = self._max_score(declaration, to_source, item)
            except Unreadable as unreadable:
                self._notice("interchange.scoring_unread", what=unreadable.what)
                scored = False
            if scored and maximum <= 0:
                return refused(self.source, "interchange.no_score")
        points = max(1, math.floor(maximum + 0.5))
        if not math.isclose(points, maximum):
            self._notice("interchange.points_rounded", points=_plain(maximum), rounded=points)
        item.points = points
        if scored:

            def source_share(response: Response) -> float:
                return self._score(declaration, to_source, response) / maximum

            extra = self._extra_probes(item, declaration)
            item, found = check_scoring(item, source_share, extra, known=self.known_difference)
            if found and self._uses_mapping() and item.type is ItemType.MULTIPLE:
                self._notice("interchange.weights_to_partial", weights=self._weights(declaration, item))
            self.notices += found
        self._metadata(item)
        self._media(item)
        if self.rationale:
            item.rationale = "\n".join(self.rationale)
        item.id = self.root.get("identifier") if USABLE_ID.match(self.root.get("identifier") or "") else None
        if self.feedback:
            self._notice("interchange.feedback_dropped")
        if self.marks:
            self._notice("interchange.formatting_reduced", marks=", ".join(sorted(self.marks)))
        return Converted(self.source, item, self.notices)

    def _weights(self, declaration: Declaration, item: DraftItem) -> str:
        """Every option's mapped value (the mapping's default for the options it does not list)."""
        mapping = declaration.mapping
        if mapping is None:
            return ""
        ours = {self.option_ids.get(entry.key, entry.key): entry.value for entry in mapping.entries}
        return ", ".join(
            f"{option.id} {_plain(ours.get(option.id, mapping.default))}" for option in item.options
        )

    def _extra_probes(self, item: DraftItem, declaration: Declaration) -> list[Response]:
        extra: list[Response] = []
        if item.type not in (ItemType.NUMERIC, ItemType.SHORT_TEXT):
            return extra
        texts = [entry.key for entry in declaration.mapping.entries] if declaration.mapping else []
        for rule in self.processor.rules or []:
            for node in rule.walk():
                if node.tag == "qti-base-value" and node.get("base-type") == declaration.base_type:
                    texts.append(node.text)
        for text in texts:
            if item.type is ItemType.NUMERIC:
                try:
                    number = float(text)
                except ValueError:
                    continue
                if math.isfinite(number):
                    extra.append(repr(number))
            elif text.strip():
                extra.append(text.strip())
        return extra

    def _metadata(self, item: DraftItem) -> None:
        meta = self.context.meta
        if meta.competences:
            competence = meta.competences[0]
            item.competence = competence.id
            self.context.bank.competence(competence)
        if meta.difficulty is not None:
            item.difficulty = meta.difficulty
            if meta.difficulty_word not in ("easy", "medium", "difficult", "hard"):
                self._notice(
                    "interchange.difficulty_mapped",
                    source=meta.difficulty_word or "",
                    kiosk=meta.difficulty.value,
                )
        item.level = meta.level
        item.stimulus = self.stimulus

    def _media(self, item: DraftItem) -> None:
        for index, (src, _alt, _line) in enumerate(self.images):
            path = self._store(src, self.context.path)
            if path is not None:
                item.image = path
                if index + 1 < len(self.images):
                    self._notice("interchange.images_dropped", count=len(self.images) - index - 1)
                return

    def _store(self, src: str, base: str) -> str | None:
        path, notices = store_image(self.context, src, base)
        self.notices += notices
        return path

    def _stimulus(self, node: Node) -> None:
        path = resolve(self.context.path, node.get("href") or "")
        identifier, notices = (None, []) if path is None else load_stimulus(self.context, path, node)
        self.notices += notices
        if path is not None:
            self.notices += self.context.pending.pop(path, [])
        if identifier is None:
            self._notice("interchange.stimulus_missing", stimulus=node.get("href") or "")
        elif self.stimulus is None:
            self.stimulus = identifier
        elif identifier != self.stimulus:
            self._notice("interchange.stimuli_dropped", stimulus=identifier)


def store_image(context: _Context, src: str, base: str) -> tuple[str | None, list[Notice]]:
    """Keep the image ``src`` (relative to the package file ``base``, or a data: URI): its bank path, or
    None and why not."""
    name = "inline"
    data: bytes | None = None
    if src.startswith("data:"):
        header, _, payload = src.partition(",")
        if ";base64" in header:
            try:
                data = base64.b64decode(payload, validate=False)
            except (binascii.Error, ValueError):
                data = None
    else:
        path = resolve(base, src)
        if path is not None:
            name = path
            data = context.files.read(path)
    if data is None:
        return None, [Notice("interchange.image_missing", image=src[:80])]
    stored, problem = context.store.add(data, name)
    return stored, [problem] if problem is not None else []


def load_stimulus(
    context: _Context, path: str, reference: Node | None = None
) -> tuple[str | None, list[Notice]]:
    """The id of the stimulus in the package file ``path``, read into the bank the first time it is named."""
    known = context.stimuli.get(path)
    if known is not None:
        return known, []
    root = _parse(context.files, path)
    if root is None:
        return None, []
    if root.namespace in QTI2_NAMESPACES:
        rename_qti2(root)
    if root.tag != "qti-assessment-stimulus":
        return None, []
    body = root.child("qti-stimulus-body")
    rich = reduce_nodes(body.content if body is not None else [], None, root.get("xml:lang") or "en")
    notices: list[Notice] = []
    if rich.marks:
        notices.append(Notice("interchange.formatting_reduced", marks=", ".join(sorted(rich.marks))))
    stimuli = context.bank.stimuli
    identifier = (
        root.get("identifier") or (reference.get("identifier") if reference is not None else "") or ""
    )
    if not USABLE_ID.match(identifier) or any(stimulus.id == identifier for stimulus in stimuli):
        identifier = f"S-{len(stimuli) + 1}"
    image = None
    if rich.images:
        image, found = store_image(context, rich.images[0].src, path)
        notices += found
    if len(rich.images) > 1:
        notices.append(Notice("interchange.images_dropped", count=len(rich.images) - 1))
    stimuli.append(DraftStimulus(identifier, rich.text() or Text(""), image))
    context.stimuli[path] = identifier
    context.pending[path] = notices
    return identifier, []


def _plain(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _container(cardinality: str, values: list[str]) -> Container | None:
    return Container(cardinality, tuple(values)) if values else None


def _key_response(item: DraftItem) -> Response:
    if item.type in (ItemType.SINGLE, ItemType.TRUE_FALSE):
        return item.key[0]
    if item.type in (ItemType.MULTIPLE, ItemType.ORDERING):
        return list(item.key)
    if item.type is ItemType.MATCHING:
        return dict(item.pairs)
    if item.type is ItemType.NUMERIC:
        return repr(item.value)
    return item.accepted[0]


def _our_ids(sources: list[str], allowed: tuple[str, ...]) -> dict[str, str]:
    """Source identifiers -> bank ids: kept when they already are bank ids, else given in order."""
    if len(set(sources)) == len(sources) and all(source in allowed for source in sources):
        return {source: source for source in sources}
    return dict(zip(sources, allowed, strict=False))


def _premise_ids(sources: list[str]) -> dict[str, str]:
    digits = [_PAIR_ID.match(source) for source in sources]
    if all(digits) and len({m.group(1) for m in digits if m}) == len(sources):
        return {source: match.group(1) for source, match in zip(sources, digits, strict=True) if match}
    return dict(zip(sources, PREMISE_IDS, strict=False))
