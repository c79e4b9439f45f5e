"""Rich text reduced to what the kiosk shows: lines, bullets, Unicode sub/superscripts, both languages."""

from __future__ import annotations

from kiosk.authoring.interchange.html import BLANK, parse_html, reduce_html, reduce_nodes
from kiosk.authoring.interchange.xmlsafe import Node, parse_xml
from kiosk.domain.items import Text


def test_paragraphs_breaks_lists_and_tables_become_lines() -> None:
    rich = reduce_html(
        "<p>First  line<br>second</p><ul><li>one</li><li>two</li></ul><ol><li>a</li><li>b</li></ol>"
        "<table><tr><th>V</th><td>3.2</td></tr></table>"
    )
    assert rich.en == "First line\nsecond\n• one\n• two\n1. a\n2. b\nV | 3.2"
    assert rich.marks == {"ul", "ol", "table"}


def test_sub_and_superscripts_become_unicode_when_every_character_has_one() -> None:
    rich = reduce_html("CO<sub>2</sub> in m<sup>3</sup>, Li<sup>+</sup>, x<sup>y</sup>")
    assert rich.en == "CO₂ in m³, Li⁺, xy"
    assert rich.marks == {"sup"}


def test_formatting_links_scripts_and_media_are_named_as_lost() -> None:
    rich = reduce_html(
        '<b>bold</b> <a href="http://x">link</a><script>alert(1)</script><video src="v"></video>'
    )
    assert rich.en == "bold link"
    assert rich.marks == {"b", "a", "script", "video"}


def test_images_are_collected_not_inlined() -> None:
    rich = reduce_html('<p>See <img src="@@PLUGINFILE@@/a.png" alt="A cell"> here</p>')
    assert rich.en == "See here"
    assert [(image.src, image.alt) for image in rich.images] == [("@@PLUGINFILE@@/a.png", "A cell")]


def test_text_marked_chinese_becomes_the_chinese_version() -> None:
    rich = reduce_html(
        '<span lang="en" class="multilang">Which?</span><span lang="zh_cn" class="multilang">哪个？</span>'
    )
    assert rich.text() == Text("Which?", "哪个？")
    only_chinese = reduce_html('<span lang="zh">只有中文</span>')
    assert only_chinese.text() == Text("只有中文")


def test_xml_content_keeps_non_breaking_spaces_and_preformatted_text() -> None:
    root = parse_xml(
        "<div><p>5\u00a0V  cell</p><pre>\n  R1 15 MΩ\n  R2 22 MΩ</pre></div>".encode(),
        "f.xml",
    )
    assert reduce_nodes(root.content).en == "5\u00a0V cell\n  R1 15 MΩ\n  R2 22 MΩ"
    assert reduce_html("a&nbsp;&nbsp;b").en == "a b"


def test_a_hook_replaces_or_reduces_elements_in_place() -> None:
    root = parse_xml(
        b"<body><p>Capacity is <entry/> Ah.</p><interaction><prompt>Pick one</prompt></interaction></body>",
        "f",
    )

    def hook(node: Node) -> str | list[Node | str] | None:
        if node.tag == "entry":
            return BLANK
        if node.tag == "interaction":
            prompt = node.child("prompt")
            return list(prompt.content) if prompt else ""
        return None

    assert reduce_nodes(root.content, hook).en == f"Capacity is {BLANK} Ah.\nPick one"


def test_unclosed_html_is_read_like_a_browser_would() -> None:
    tree = parse_html("<p>one<p>two</b></p>")
    assert reduce_nodes(tree.content).en == "one\ntwo"


def test_html_nested_beyond_any_question_is_flattened_not_a_crash() -> None:
    assert reduce_html("<div>" * 5000 + "deep" + "</div>" * 5000).en == "deep"
