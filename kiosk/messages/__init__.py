"""Sentences for people, made at the edge: every error code's English wording, rendered in any language.

The layers below raise :class:`kiosk.domain.errors.KioskError` with a code and parameters. The CLI and the
UI call :func:`sentence` to turn one into words: English by default, or through a ``translate`` function
(the UI passes Qt's, whose catalogue holds every template under the ``Errors`` context). The wording names
no command and no button: the CLI adds its "run 'kiosk …'" hints and the console names its own buttons.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Mapping

from kiosk.domain.errors import KioskError, Notice
from kiosk.messages.catalogue import MESSAGES

# The Qt translation context the UI looks error templates up in.
CONTEXT = "Errors"

Translate = Callable[[str, int], str]


def _english(template: str, count: int) -> str:
    return template


def template_for(code: str) -> str:
    """The English template of ``code``; KeyError when the code is not in the catalogue."""
    return MESSAGES[code]


def fields_of(template: str) -> set[str]:
    """The parameter names a template uses."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def sentence(error: KioskError | Notice, translate: Translate = _english) -> str:
    """The sentence for ``error`` in the language ``translate`` gives (English by default)."""
    template = MESSAGES.get(error.code)
    if template is None:
        # A code with no wording is a bug; say what is known rather than nothing.
        facts = ", ".join(f"{k}={v}" for k, v in sorted(error.params.items()))
        return f"{error.code}: {facts}" if facts else error.code
    count = error.params.get("count")
    localised = translate(template, count if isinstance(count, int) else -1)
    return fill(localised, error.params)


def fill(template: str, params: Mapping[str, object]) -> str:
    """``template`` with its ``{name}`` fields replaced; Qt's ``%n`` becomes the count."""
    text = template.format_map(_Params(params))
    count = params.get("count")
    return text.replace("%n", str(count)) if count is not None else text


class _Params(dict[str, object]):
    def __init__(self, params: Mapping[str, object]) -> None:
        super().__init__(params)

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
