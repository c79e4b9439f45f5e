"""Structural checks of a QTI 3.0 content package, for the exporter's own output.

The official QTI 3.0 XML schemas are not shipped with the kiosk, so a package is not validated against
them here. These checks cover what the exporter relies on: the namespaces, every element name known to
QTI 3.0 (or XHTML) and in its place in the item's sequence, the attributes QTI requires, identifiers
that are XML names and unique, every response declared once and referred to, correct responses that
name existing choices, and every file the manifest, an item or a stimulus refers to present in the zip.
"""

from __future__ import annotations

import io
import re
import zipfile
from posixpath import dirname, join, normpath

from kiosk.authoring.interchange.export_qti3 import CP_NAMESPACE, QTI_NAMESPACE
from kiosk.authoring.interchange.html import names
from kiosk.authoring.interchange.xmlsafe import Node, parse_xml
from kiosk.domain.errors import InputError

_NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")
_ITEM_ORDER = (
    "qti-context-declaration",
    "qti-response-declaration",
    "qti-outcome-declaration",
    "qti-template-declaration",
    "qti-template-processing",
    "qti-assessment-stimulus-ref",
    "qti-companion-materials-info",
    "qti-stylesheet",
    "qti-item-body",
    "qti-catalog-info",
    "qti-response-processing",
    "qti-modal-feedback",
)
_QTI_ELEMENTS = names(
    "qti-assessment-item qti-assessment-stimulus qti-stimulus-body qti-assessment-stimulus-ref "
    "qti-response-declaration qti-outcome-declaration qti-correct-response qti-default-value qti-value "
    "qti-mapping qti-map-entry qti-item-body qti-rubric-block qti-content-body qti-prompt "
    "qti-choice-interaction qti-simple-choice qti-order-interaction qti-match-interaction "
    "qti-simple-match-set qti-simple-associable-choice qti-text-entry-interaction "
    "qti-response-processing qti-response-condition qti-response-if qti-response-else-if qti-response-else "
    "qti-set-outcome-value qti-base-value qti-variable qti-correct qti-match qti-is-null qti-map-response "
    "qti-sum qti-index qti-equal qti-or qti-and qti-not qti-pattern-match qti-string-match"
)
_XHTML = names("p div span pre br img sub sup b strong i em ul ol li table tr td th")
_RULE_ELEMENTS = names(
    "qti-response-condition qti-response-if qti-response-else-if qti-response-else qti-set-outcome-value "
    "qti-base-value qti-variable qti-correct qti-match qti-is-null qti-map-response qti-sum qti-index "
    "qti-equal qti-or qti-and qti-not qti-pattern-match qti-string-match"
)
_CARDINALITIES = names("single multiple ordered record")
_BASE_TYPES = names("identifier boolean integer float string point pair directedPair duration file uri")
_INTERACTIONS = names(
    "qti-choice-interaction qti-order-interaction qti-match-interaction qti-text-entry-interaction"
)
_RESOURCE_TYPES = names("imsqti_item_xmlv3p0 imsqti_stimulus_xmlv3p0 imsqti_test_xmlv3p0 webcontent")


def package_problems(data: bytes) -> list[str]:
    """What is structurally wrong with a QTI 3.0 package (zip bytes); empty when nothing is."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return ["not a zip file"]
    files = {info.filename: archive.read(info) for info in archive.infolist() if not info.is_dir()}
    if "imsmanifest.xml" not in files:
        return ["no imsmanifest.xml at the root"]
    problems: list[str] = []
    try:
        manifest = parse_xml(files["imsmanifest.xml"], "imsmanifest.xml")
    except InputError as error:
        return [f"imsmanifest.xml: {error}"]
    if manifest.tag != "manifest" or manifest.namespace != CP_NAMESPACE:
        problems.append(f"imsmanifest.xml: root is {{{manifest.namespace}}}{manifest.tag}")
    if not manifest.get("identifier"):
        problems.append("imsmanifest.xml: the manifest has no identifier")
    metadata = manifest.child("metadata")
    if metadata is None or (metadata.path("schema") or Node("")).all_text() != "QTI Package":
        problems.append("imsmanifest.xml: metadata/schema is not 'QTI Package'")
    if metadata is None or (metadata.path("schemaversion") or Node("")).all_text() != "3.0.0":
        problems.append("imsmanifest.xml: metadata/schemaversion is not 3.0.0")
    if [child.tag for child in manifest.children if child.tag != "metadata"][:2] != [
        "organizations",
        "resources",
    ]:
        problems.append("imsmanifest.xml: organizations and resources are missing or out of order")
    resources = manifest.child("resources")
    listed = resources.all("resource") if resources is not None else []
    identifiers = [resource.get("identifier") or "" for resource in listed]
    for identifier in identifiers:
        if not _NCNAME.match(identifier) or identifiers.count(identifier) > 1:
            problems.append(f"imsmanifest.xml: resource identifier {identifier!r} is not a unique XML name")
    for resource in listed:
        problems += _resource(resource, set(identifiers), files)
    return problems


def _resource(resource: Node, identifiers: set[str], files: dict[str, bytes]) -> list[str]:
    problems: list[str] = []
    kind, href = resource.get("type") or "", resource.get("href") or ""
    where = f"imsmanifest.xml:{resource.line}"
    if kind not in _RESOURCE_TYPES:
        problems.append(f"{where}: unknown resource type {kind!r}")
    if href not in files:
        problems.append(f"{where}: {href!r} is not in the package")
    for file in resource.all("file"):
        if (file.get("href") or "") not in files:
            problems.append(f"{where}: file {file.get('href')!r} is not in the package")
    for dependency in resource.all("dependency"):
        if (dependency.get("identifierref") or "") not in identifiers:
            problems.append(f"{where}: dependency {dependency.get('identifierref')!r} is not a resource")
    if href in files and kind in ("imsqti_item_xmlv3p0", "imsqti_stimulus_xmlv3p0"):
        try:
            root = parse_xml(files[href], href)
        except InputError as error:
            return [*problems, f"{href}: {error}"]
        if kind == "imsqti_item_xmlv3p0":
            problems += item_problems(root, href, files)
        else:
            problems += _stimulus(root, href, files)
    return problems


def _known_elements(root: Node, path: str) -> list[str]:
    return [
        f"{path}:{node.line}: unknown element <{node.tag}>"
        for node in root.walk()
        if node.tag not in _QTI_ELEMENTS and node.tag not in _XHTML
    ] + [
        f"{path}:{node.line}: <{node.tag}> is not in the QTI 3.0 namespace"
        for node in root.walk()
        if node.namespace != QTI_NAMESPACE
    ]


def _references(root: Node, path: str, files: dict[str, bytes]) -> list[str]:
    problems = []
    for node in root.walk():
        reference = (
            node.get("src") if node.tag == "img" else node.get("href") if node.tag.endswith("-ref") else None
        )
        if reference is None:
            continue
        target = normpath(join(dirname(path), reference))
        if target not in files:
            problems.append(f"{path}:{node.line}: {reference!r} is not in the package")
        if node.tag == "img" and node.get("alt") is None:
            problems.append(f"{path}:{node.line}: an image has no alt attribute")
    return problems


def _stimulus(root: Node, path: str, files: dict[str, bytes]) -> list[str]:
    problems = _known_elements(root, path) + _references(root, path, files)
    if root.tag != "qti-assessment-stimulus":
        problems.append(f"{path}: root is <{root.tag}>")
    for attribute in ("identifier", "title"):
        if not root.get(attribute):
            problems.append(f"{path}: the stimulus has no {attribute}")
    if root.child("qti-stimulus-body") is None:
        problems.append(f"{path}: the stimulus has no body")
    return problems


def item_problems(root: Node, path: str, files: dict[str, bytes]) -> list[str]:
    """What is structurally wrong with one QTI 3.0 item."""
    problems = _known_elements(root, path) + _references(root, path, files)
    if root.tag != "qti-assessment-item":
        return [*problems, f"{path}: root is <{root.tag}>"]
    if not _NCNAME.match(root.get("identifier") or ""):
        problems.append(f"{path}: the item identifier is not an XML name")
    if not root.get("title"):
        problems.append(f"{path}: the item has no title")
    if root.get("time-dependent") not in ("true", "false"):
        problems.append(f"{path}: time-dependent must be true or false")
    positions = [_ITEM_ORDER.index(child.tag) if child.tag in _ITEM_ORDER else -1 for child in root.children]
    if -1 in positions or positions != sorted(positions):
        problems.append(f"{path}: the item's children are not in QTI's order")
    declared: dict[str, Node] = {}
    for declaration in root.all("qti-response-declaration", "qti-outcome-declaration"):
        identifier = declaration.get("identifier") or ""
        if not _NCNAME.match(identifier) or identifier in declared:
            problems.append(f"{path}:{declaration.line}: identifier {identifier!r} is not a unique XML name")
        declared[identifier] = declaration
        if declaration.get("cardinality") not in _CARDINALITIES:
            problems.append(f"{path}:{declaration.line}: cardinality {declaration.get('cardinality')!r}")
        if declaration.get("base-type") not in _BASE_TYPES:
            problems.append(f"{path}:{declaration.line}: base-type {declaration.get('base-type')!r}")
    interactions = [node for node in root.walk() if node.tag in _INTERACTIONS]
    for interaction in interactions:
        problems += _interaction(interaction, declared, path)
    processing = root.child("qti-response-processing")
    if processing is not None:
        for node in processing.walk():
            if node is not processing and node.tag not in _RULE_ELEMENTS:
                problems.append(f"{path}:{node.line}: <{node.tag}> in response processing")
            reference = node.get("identifier")
            if node.tag in ("qti-variable", "qti-correct", "qti-map-response", "qti-set-outcome-value") and (
                reference not in declared
            ):
                problems.append(f"{path}:{node.line}: {reference!r} is not declared")
    return problems


def _interaction(interaction: Node, declared: dict[str, Node], path: str) -> list[str]:
    problems = []
    response = interaction.get("response-identifier") or ""
    declaration = declared.get(response)
    if declaration is None or declaration.tag != "qti-response-declaration":
        return [f"{path}:{interaction.line}: response {response!r} is not declared"]
    choices = [
        node.get("identifier") or ""
        for node in interaction.walk()
        if node.tag in ("qti-simple-choice", "qti-simple-associable-choice")
    ]
    for choice in choices:
        if not _NCNAME.match(choice) or choices.count(choice) > 1:
            problems.append(
                f"{path}:{interaction.line}: choice identifier {choice!r} is not a unique XML name"
            )
    correct = declaration.child("qti-correct-response")
    values = [value.all_text() for value in correct.all("qti-value")] if correct is not None else []
    if not values:
        problems.append(f"{path}:{declaration.line}: no correct response")
    if declaration.get("cardinality") == "single" and len(values) > 1:
        problems.append(f"{path}:{declaration.line}: several correct values for a single response")
    if declaration.get("base-type") == "identifier":
        problems += [f"{path}:{declaration.line}: {v!r} is not a choice" for v in values if v not in choices]
    if declaration.get("base-type") == "directedPair":
        for value in values:
            parts = value.split()
            if len(parts) != 2 or any(part not in choices for part in parts):
                problems.append(f"{path}:{declaration.line}: {value!r} is not a pair of choices")
    if declaration.get("base-type") == "float":
        for value in values:
            try:
                float(value)
            except ValueError:
                problems.append(f"{path}:{declaration.line}: {value!r} is not a number")
    return problems
