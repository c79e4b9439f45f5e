"""Sample report data and a PDF reader for the renderer tests."""

from tests.fixtures.paper import (  # noqa: F401 (fixtures)
    cohort_data,
    items_data,
    known_attempts,
    pack,
    pdf_text,
    sitting,
    slip,
)
