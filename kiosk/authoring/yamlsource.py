"""YAML reading that remembers where every mapping and key came from, for file:line error reports."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, SequenceNode


class Located(dict[str, Any]):
    """A YAML mapping that knows its file, its own line and the line of each key (1-based)."""

    def __init__(self, path: Path, line: int) -> None:
        super().__init__()
        self.path = path
        self.line = line
        self.key_lines: dict[str, int] = {}

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LocatedList(list[Any]):
    """A YAML sequence that knows its file and line."""

    def __init__(self, path: Path, line: int) -> None:
        super().__init__()
        self.path = path
        self.line = line


class SourceError(Exception):
    """A file that is not readable YAML at all; carries file and line, and what is wrong as a code."""

    def __init__(self, path: Path, line: int, code: str, /, **params: object) -> None:
        super().__init__(f"{path}:{line}: {code}")
        self.path = path
        self.line = line
        self.code = code
        self.params: dict[str, object] = params


def _loader_for(path: Path) -> type[yaml.SafeLoader]:
    class LocatingLoader(yaml.SafeLoader):
        def construct_mapping(self, node: MappingNode, deep: bool = False) -> Located:  # type: ignore[override]
            mapping = Located(path, node.start_mark.line + 1)
            self.flatten_mapping(node)
            for key_node, value_node in node.value:
                key = self.construct_object(key_node, deep=True)
                text_key = str(key)
                if text_key in mapping:
                    raise SourceError(path, key_node.start_mark.line + 1, "source.key_twice", key=text_key)
                mapping[text_key] = self.construct_object(value_node, deep=True)
                mapping.key_lines[text_key] = key_node.start_mark.line + 1
            return mapping

        def construct_sequence(self, node: SequenceNode, deep: bool = False) -> LocatedList:
            sequence = LocatedList(path, node.start_mark.line + 1)
            sequence.extend(self.construct_object(child, deep=True) for child in node.value)
            return sequence

    LocatingLoader.add_constructor("tag:yaml.org,2002:map", LocatingLoader.construct_mapping)
    LocatingLoader.add_constructor("tag:yaml.org,2002:seq", LocatingLoader.construct_sequence)
    return LocatingLoader


def load_yaml(path: Path) -> Any:
    """Parse one YAML file into Located/LocatedList values, or raise SourceError with the line."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise SourceError(path, 1, "source.not_utf8", offset=error.start) from error
    except OSError as error:
        raise SourceError(path, 1, "source.unreadable", reason=error.strerror or str(error)) from error
    try:
        return yaml.load(text, Loader=_loader_for(path))  # a SafeLoader subclass: no arbitrary objects
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else 1
        reason = error.problem or error.context or ""
        raise SourceError(path, line, "source.not_yaml", reason=reason) from error
    except yaml.YAMLError as error:
        raise SourceError(path, 1, "source.not_yaml", reason=str(error)) from error
