"""The shared vocabulary: a certificate's name, with and without its grade, in English and Chinese."""

from __future__ import annotations

import pytest

from kiosk.domain.items import Certificate, certificate_name


@pytest.mark.parametrize(
    ("certificate", "english", "chinese"),
    [
        (Certificate.DESIGN, "Energy Storage Design", "储能设计"),
        (Certificate.MAINTENANCE, "Energy Storage Maintenance", "储能维护"),
        (Certificate.RECYCLING, "Energy Storage Recycling", "储能回收"),
    ],
)
def test_every_certificate_has_a_name_in_both_languages(
    certificate: Certificate, english: str, chinese: str
) -> None:
    assert certificate_name(certificate) == english
    assert certificate_name(certificate, language="zh") == chinese


def test_the_stored_value_names_the_certificate_too() -> None:
    assert certificate_name("maintenance") == "Energy Storage Maintenance"
    assert certificate_name("recycling", language="zh") == "储能回收"


def test_a_grade_is_added_as_a_roman_numeral() -> None:
    assert certificate_name(Certificate.MAINTENANCE, 2) == "Energy Storage Maintenance, Grade II"
    assert certificate_name("design", 1) == "Energy Storage Design, Grade I"
    assert certificate_name("maintenance", 3, "zh") == "储能维护 III 级"


def test_a_grade_without_a_numeral_prints_as_its_number() -> None:
    assert certificate_name("design", 7) == "Energy Storage Design, Grade 7"


def test_other_text_is_kept_as_it_is() -> None:
    # Reports hold a name made earlier; adding the grade must not name it twice.
    assert certificate_name("Energy Storage Design") == "Energy Storage Design"
    assert certificate_name("Energy Storage Design", 1) == "Energy Storage Design, Grade I"


def test_an_unknown_language_falls_back_to_english() -> None:
    assert certificate_name("maintenance", 2, "fr") == "Energy Storage Maintenance, Grade II"
