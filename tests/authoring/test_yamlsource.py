"""Reading YAML with lines: invalid YAML, repeated keys and non-UTF-8 files are located."""

from __future__ import annotations

from pathlib import Path

from tests.authoring.source_edits import edit, problems_in


def test_invalid_yaml_is_located(bank_dir: Path) -> None:
    edit(bank_dir / "items" / "all.yaml", "  stem: What does LFP stand for?", "  stem: [unclosed")
    messages = problems_in(bank_dir)
    assert len(messages) == 1 and "all.yaml:" in messages[0] and "is not valid YAML" in messages[0]


def test_duplicate_keys_are_refused(bank_dir: Path) -> None:
    edit(
        bank_dir / "items" / "all.yaml",
        "  difficulty: easy\n  stem: What",
        "  difficulty: easy\n  difficulty: hard\n  stem: What",
    )
    assert any("all.yaml:5: the key 'difficulty' appears twice" in m for m in problems_in(bank_dir))


def test_not_utf8_is_reported(bank_dir: Path) -> None:
    (bank_dir / "items" / "all.yaml").write_bytes("- id: caf\xe9\n".encode("latin-1"))
    assert any("is not UTF-8 text" in m for m in problems_in(bank_dir))
