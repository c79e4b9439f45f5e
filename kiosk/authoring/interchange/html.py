"""Reducing rich text (XHTML inside QTI, HTML inside Moodle XML and GIFT) to what the kiosk shows.

The kiosk shows bank text as plain text, so markup becomes text: paragraphs and line breaks become lines,
list items get a bullet or their number, table cells are joined with " | ", and sub- and superscripts
become the Unicode characters the sample banks use (CO₂, m²) when every character has one. Everything
else that carried meaning in the source (bold, a link, a table, a formula, a script) is reduced to its
text or dropped, and named in :attr:`Rich.marks` so the import report can say so. Images are collected,
not shown inline. Text marked ``xml:lang="zh..."`` (or ``lang``) goes to the Chinese version.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser

from kiosk.authoring.interchange.xmlsafe import MAX_DEPTH, Node
from kiosk.domain.items import Text

# What an inline blank (a QTI text entry or inline choice, a GIFT missing word) becomes in a stem.
BLANK = "_____"

_SUPERSCRIPT = dict(zip("0123456789+-−=()ni", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁿⁱ", strict=True))
_SUBSCRIPT = dict(zip("0123456789+-−=()aeoxhklmnpst", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₒₓₕₖₗₘₙₚₛₜ", strict=True))


def names(words: str) -> frozenset[str]:
    """A set of element names written as one space-separated string."""
    return frozenset(words.split())


_BLOCKS = names(
    "p div section article header footer aside nav main blockquote pre h1 h2 h3 h4 h5 h6 ul ol li dl dt dd "
    "table thead tbody tfoot tr caption figure figcaption hr address center details summary form fieldset "
    "legend"
)
# Elements whose content is not text for a reader: dropped whole (and named, except document wrappers).
_DROPPED = names(
    "script style noscript template object iframe embed audio video canvas svg input button select textarea"
)
_WRAPPERS = names("head title meta link")
# Elements whose formatting is lost when they become plain text.
_MARKS = names(
    "b strong i em u s strike del ins mark a code kbd samp tt font big small table ul ol h1 h2 h3 h4 h5 h6 "
    "blockquote math q cite abbr dfn var"
)
_VOID = names("area base br col embed hr img input link meta param source track wbr")
_SPACE = re.compile(r"[ \t\n\r\f]+")
_SPACE_NBSP = re.compile(r"[ \t\n\r\f\xa0]+")


@dataclass(frozen=True, slots=True)
class ImageRef:
    """An image the text refers to: its address as written, its description, and where it was."""

    src: str
    alt: str
    line: int


@dataclass
class Rich:
    """Rich text reduced: the English and Chinese text, the images, and the marks that were lost."""

    en: str = ""
    zh: str = ""
    images: list[ImageRef] = field(default_factory=list)
    marks: set[str] = field(default_factory=set)

    def text(self) -> Text | None:
        """The text as a kiosk Text; text only in Chinese stands as the main text. None when empty."""
        en, zh = self.en.strip(), self.zh.strip()
        if not en and zh:
            en, zh = zh, ""
        return Text(en, zh or None) if en else None


# A hook the caller gives to handle some elements itself: text to put in their place, content to reduce
# in their place (as a block), or None to reduce them as usual.
Hook = Callable[[Node], "str | list[Node | str] | None"]


# Stands for collapsible white space until a line is finished; text inside <pre> keeps its own spaces.
_COLLAPSIBLE = "\x00"


class _Lines:
    def __init__(self, space: re.Pattern[str]) -> None:
        self.lines = [""]
        self.space = space

    def add(self, text: str, raw: bool = False) -> None:
        if not raw:
            self.lines[-1] += self.space.sub(_COLLAPSIBLE, text.replace(_COLLAPSIBLE, ""))
            return
        first, *rest = text.replace(_COLLAPSIBLE, "").replace("\r\n", "\n").split("\n")
        self.lines[-1] += first
        for line in rest:
            self.lines.append(line)

    def has_text(self) -> bool:
        return bool(self.lines[-1].replace(_COLLAPSIBLE, ""))

    def soft_break(self) -> None:
        if self.has_text():
            self.lines.append("")

    def hard_break(self) -> None:
        self.lines.append("")

    def result(self) -> str:
        lines = [re.sub(_COLLAPSIBLE + "+", " ", line.strip(_COLLAPSIBLE)) for line in self.lines]
        lines = [line.rstrip() for line in lines]
        while lines and not lines[0].strip():
            lines.pop(0)
        while lines and not lines[-1].strip():
            lines.pop()
        return "\n".join(lines)


class _Reducer:
    def __init__(self, hook: Hook | None, nbsp_as_space: bool) -> None:
        space = _SPACE_NBSP if nbsp_as_space else _SPACE
        self.nbsp_as_space = nbsp_as_space
        self.raw = False
        self.streams = {"en": _Lines(space), "zh": _Lines(space)}
        self.hook = hook
        self.rich = Rich()

    def run(self, content: Sequence[Node | str], language: str, raw: bool = False) -> Rich:
        self.raw = raw
        self.content(content, language, list_kind=None)
        self.rich.en = self.streams["en"].result()
        self.rich.zh = self.streams["zh"].result()
        return self.rich

    def soft_break(self) -> None:
        for stream in self.streams.values():
            stream.soft_break()

    def content(self, content: Sequence[Node | str], language: str, list_kind: str | None) -> None:
        number = 0
        for part in content:
            if isinstance(part, str):
                self.streams[language].add(part, self.raw)
                continue
            if part.tag == "li":
                number += 1
            self.element(part, language, list_kind, number)

    def element(self, node: Node, language: str, list_kind: str | None, number: int) -> None:
        replacement = self.hook(node) if self.hook is not None else None
        if isinstance(replacement, str):
            self.streams[language].add(replacement)
            return
        if replacement is not None:
            self.soft_break()
            self.content(replacement, language, list_kind)
            self.soft_break()
            return
        tag = node.tag.lower()
        marked = node.get("xml:lang") or node.get("lang")
        if marked:
            language = "zh" if marked.lower().startswith("zh") else "en"
        if tag in _WRAPPERS:
            return
        if tag in _DROPPED:
            self.rich.marks.add(tag)
            return
        if tag in _MARKS:
            self.rich.marks.add(tag)
        if tag == "br":
            for stream in self.streams.values():
                stream.hard_break()
            return
        if tag == "img":
            self.rich.images.append(
                ImageRef(node.get("src", "") or "", (node.get("alt") or "").strip(), node.line)
            )
            return
        if tag in ("sub", "sup"):
            self.script(node, language, _SUBSCRIPT if tag == "sub" else _SUPERSCRIPT)
            return
        block = tag in _BLOCKS
        if block:
            self.soft_break()
        if tag == "pre" and not self.raw:
            self.raw = True
            self._pre(node, language, list_kind)
            self.raw = False
            self.soft_break()
            return
        if tag == "li":
            self.streams[language].add(f"{number}. " if list_kind == "ol" else "• ")
        if tag in ("td", "th") and self._after_cell(node):
            self.streams[language].add(" | ")
        inner_list = tag if tag in ("ul", "ol") else list_kind
        self.content(node.content, language, inner_list)
        if block:
            self.soft_break()

    def _pre(self, node: Node, language: str, list_kind: str | None) -> None:
        content = list(node.content)
        # As in HTML, a line break right after <pre> is not part of the text.
        if content and isinstance(content[0], str) and content[0].startswith(("\n", "\r\n")):
            content[0] = content[0].split("\n", 1)[1]
        self.content(content, language, list_kind)

    def _after_cell(self, node: Node) -> bool:
        # Whether some text already stands on this table row's line.
        return self.streams["en"].has_text() or self.streams["zh"].has_text()

    def script(self, node: Node, language: str, table: dict[str, str]) -> None:
        inner = _Reducer(self.hook, self.nbsp_as_space).run(node.content, language, self.raw)
        self.rich.images.extend(inner.images)
        self.rich.marks |= inner.marks
        for stream_language, text in (("en", inner.en), ("zh", inner.zh)):
            if not text:
                continue
            if all(char in table for char in text):
                self.streams[stream_language].add("".join(table[char] for char in text))
            else:
                self.rich.marks.add(node.tag.lower())
                self.streams[stream_language].add(text)


def reduce_nodes(
    content: Sequence[Node | str], hook: Hook | None = None, language: str = "en", nbsp_as_space: bool = False
) -> Rich:
    """Reduce XML content (a QTI body, prompt or choice) to text, images and lost marks."""
    return _Reducer(hook, nbsp_as_space).run(content, "zh" if language.lower().startswith("zh") else "en")


def reduce_html(markup: str, hook: Hook | None = None) -> Rich:
    """Reduce an HTML fragment (Moodle's question text, a GIFT [html] answer) to text, images, lost marks."""
    return reduce_nodes(parse_html(markup).content, hook, nbsp_as_space=True)


def parse_html(markup: str) -> Node:
    """An HTML fragment as a Node tree; forgiving like a browser (unclosed and stray tags are tolerated)."""
    builder = _HtmlTree()
    builder.feed(markup)
    builder.close()
    return builder.root


class _HtmlTree(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("body")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, attrs={name: value or "" for name, value in attrs}, line=self.getpos()[0])
        self.stack[-1].content.append(node)
        # Past the depth any question needs, elements are kept side by side rather than nested.
        if tag not in _VOID and len(self.stack) < MAX_DEPTH:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, attrs={name: value or "" for name, value in attrs}, line=self.getpos()[0])
        self.stack[-1].content.append(node)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].content.append(data)
