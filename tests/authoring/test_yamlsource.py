"""Reading YAML with lines: invalid YAML, repeated keys and non-UTF-8 files are located."""

from __future__ import annotations

from pathlib import Path

from tests.authoring.source_edits import edit, has, problems_in, read


def test_invalid_yaml_is_located(bank_dir: Path) -> None:
    edit(bank_dir / "items" / "all.yaml", "  stem: What does LFP stand for?", "  stem: [unclosed")
    [problem] = problems_in(bank_dir)
    assert (problem.path.name, problem.code) == ("all.yaml", "source.not_yaml")
    assert problem.line > 1 and problem.params["reason"]
    assert "is not valid YAML: " in read(problem)


def test_duplicate_keys_are_refused(bank_dir: Path) -> None:
    edit(
        bank_dir / "items" / "all.yaml",
        "  difficulty: easy\n  stem: What",
        "  difficulty: easy\n  difficulty: hard\n  stem: What",
    )
    problems = problems_in(bank_dir)
    assert has(problems, "source.key_twice", key="difficulty")
    assert any(read(p).endswith("all.yaml:5: the key 'difficulty' appears twice") for p in problems)


def test_not_utf8_is_reported(bank_dir: Path) -> None:
    (bank_dir / "items" / "all.yaml").write_bytes("- id: caf\xe9\n".encode("latin-1"))
    assert has(problems_in(bank_dir), "source.not_utf8", offset=9)
