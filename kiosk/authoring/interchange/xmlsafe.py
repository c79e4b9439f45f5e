"""Reading XML from other tools safely: no DOCTYPE, no entities, nothing fetched, bounded size and depth.

The standard library's expat parser is driven directly: a DOCTYPE (and so any entity declaration, the
door to "billion laughs" expansion and to external entities) is refused at its first byte, parameter
entities are never parsed, and nothing is ever fetched. The result is a small tree of :class:`Node` whose
elements keep their line, so a problem in a 2,000-question Moodle export names the line to look at.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from xml.parsers import expat

from kiosk.domain.errors import InputError

# The largest XML document read (a Moodle export with embedded images can be large; a QTI item is small).
MAX_XML_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 256
MAX_ELEMENTS = 500_000

XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace"


@dataclass(eq=False)
class Node:
    """One XML element: local name, namespace, attributes (local names; ``xml:lang`` keeps its prefix),
    its content in document order (child nodes and text) and the line it starts on."""

    tag: str
    namespace: str = ""
    attrs: dict[str, str] = field(default_factory=dict)
    content: list[Node | str] = field(default_factory=list)
    line: int = 0

    @property
    def children(self) -> list[Node]:
        return [part for part in self.content if isinstance(part, Node)]

    @property
    def text(self) -> str:
        """The text directly inside this element (not inside its children)."""
        return "".join(part for part in self.content if isinstance(part, str))

    def get(self, name: str, default: str | None = None) -> str | None:
        return self.attrs.get(name, default)

    def child(self, *tags: str) -> Node | None:
        """The first child whose tag is one of ``tags``."""
        return next((node for node in self.children if node.tag in tags), None)

    def all(self, *tags: str) -> list[Node]:
        """Every child whose tag is one of ``tags``."""
        return [node for node in self.children if node.tag in tags]

    def path(self, *tags: str) -> Node | None:
        """The first element down a path of child tags: ``node.path("name", "text")``."""
        current: Node | None = self
        for tag in tags:
            current = current.child(tag) if current is not None else None
        return current

    def walk(self) -> Iterator[Node]:
        """This element and every element inside it, in document order."""
        yield self
        for node in self.children:
            yield from node.walk()

    def all_text(self) -> str:
        """Every piece of text inside this element, in order."""
        return "".join(part if isinstance(part, str) else part.all_text() for part in self.content)


class _Refused(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


class _Builder:
    def __init__(self, parser: expat.XMLParserType) -> None:
        self.parser = parser
        self.stack: list[Node] = []
        self.root: Node | None = None
        self.count = 0

    def start(self, name: str, attributes: dict[str, str]) -> None:
        self.count += 1
        if len(self.stack) >= MAX_DEPTH:
            raise _Refused("interchange.xml_too_deep")
        if self.count > MAX_ELEMENTS:
            raise _Refused("interchange.xml_too_large")
        namespace, _, local = name.rpartition(" ")
        node = Node(local, namespace, line=self.parser.CurrentLineNumber)
        for key, value in attributes.items():
            attribute_namespace, _, attribute = key.rpartition(" ")
            node.attrs["xml:" + attribute if attribute_namespace == XML_NAMESPACE else attribute] = value
        if self.stack:
            self.stack[-1].content.append(node)
        else:
            self.root = node
        self.stack.append(node)

    def end(self, name: str) -> None:
        self.stack.pop()

    def data(self, text: str) -> None:
        if self.stack:
            self.stack[-1].content.append(text)

    def refuse(self, *args: object) -> None:
        raise _Refused("interchange.xml_doctype")

    def refuse_entity(self, *args: object) -> int:
        raise _Refused("interchange.xml_doctype")


def parse_xml(data: bytes, file: str) -> Node:
    """Parse ``data`` (the contents of ``file``, named in errors) into a tree of Node.

    Raises InputError with the file and line: ``interchange.not_xml`` for malformed XML,
    ``interchange.xml_doctype`` for a DOCTYPE or entity declaration, ``interchange.xml_too_large`` and
    ``interchange.xml_too_deep`` beyond the limits.
    """
    if len(data) > MAX_XML_BYTES:
        raise InputError("interchange.xml_too_large", file=file, line=1)
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    builder = _Builder(parser)
    parser.buffer_text = True
    parser.StartDoctypeDeclHandler = builder.refuse
    parser.EntityDeclHandler = builder.refuse
    parser.UnparsedEntityDeclHandler = builder.refuse
    parser.ExternalEntityRefHandler = builder.refuse_entity
    parser.StartElementHandler = builder.start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.data
    try:
        parser.Parse(data, True)
    except _Refused as refused:
        raise InputError(refused.code, file=file, line=parser.CurrentLineNumber) from None
    except expat.ExpatError as error:
        reason = expat.ErrorString(error.code) or "unreadable"
        raise InputError("interchange.not_xml", file=file, line=error.lineno, reason=reason) from None
    if builder.root is None:
        raise InputError("interchange.not_xml", file=file, line=1, reason="no element")
    return builder.root
