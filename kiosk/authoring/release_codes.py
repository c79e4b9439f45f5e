"""Release codes strong enough to seal a bank package, and a generator of such codes.

The release code is the only secret between a stolen package and its questions: anyone holding the file can
try codes offline, as fast as Argon2id lets them. So a build refuses a code below a strength floor.

The floor, on the code as the kiosk reads it (case, spaces and dashes ignored):

- at least :data:`MIN_BITS` (50) bits by the estimate length × log2(alphabet), where the alphabet is the
  smallest of these holding every character: digits (10), the kiosk's unambiguous letters and digits (31,
  no 0/O, 1/I/L look-alikes), letters and digits (36), printable ASCII (94), or anything (1,000 symbols);
  so 11 unambiguous characters (54 bits), 16 digits (53 bits) or 10 letters and digits (52 bits) pass;
- at least :data:`MIN_DISTINCT` (5) different characters;
- not a run along an alphabet or a keyboard row, wrapping round (``ABCDEFGHJKMN``, ``9876543210987``,
  ``QWERTYUIOP``) and
  not a block repeated (``K7QFK7QFK7QF``): such codes pass the length rule but are guessed first.

:func:`new_release_code` draws 16 characters of the unambiguous alphabet with :mod:`secrets` (79 bits), in
groups of four for reading aloud; a code the kiosk's own generator makes (12 characters) also passes.
"""

from __future__ import annotations

import itertools
import math
import string
from dataclasses import dataclass

from kiosk.domain.errors import SecurityError
from kiosk.formats.encoding import UNAMBIGUOUS_ALPHABET, normalise_code, random_code

MIN_BITS = 50
MIN_DISTINCT = 5
GROUPS, GROUP_LENGTH = 4, 4

_ALPHABETS = (
    (string.digits, 10),
    (UNAMBIGUOUS_ALPHABET, len(UNAMBIGUOUS_ALPHABET)),
    (string.ascii_uppercase + string.digits, 36),
    ("".join(chr(c) for c in range(33, 127)), 94),
)
_ANY_SIZE = 1000
# Orders a person might type a code along, forwards or backwards.
_RUNS = (
    UNAMBIGUOUS_ALPHABET,
    string.digits + string.ascii_uppercase,
    "QWERTYUIOP",
    "ASDFGHJKL",
    "ZXCVBNM",
    "1234567890",
)


@dataclass(frozen=True, slots=True)
class Strength:
    """What the floor sees in a code: its estimated bits, its distinct characters, and a pattern if any."""

    bits: float
    distinct: int
    patterned: bool

    @property
    def enough(self) -> bool:
        return self.bits >= MIN_BITS and self.distinct >= MIN_DISTINCT and not self.patterned


def strength(code: str) -> Strength:
    """The strength estimate of a release code as typed (see the module docstring)."""
    normalised = normalise_code(code)
    size = next((size for alphabet, size in _ALPHABETS if set(normalised) <= set(alphabet)), _ANY_SIZE)
    bits = len(normalised) * math.log2(size) if normalised else 0.0
    return Strength(round(bits, 1), len(set(normalised)), _patterned(normalised))


def check_release_code(code: str) -> None:
    """Raise SecurityError when ``code`` is below the floor; the error says which part it misses."""
    found = strength(code)
    if found.bits < MIN_BITS:
        raise SecurityError("release_code.too_short", bits=int(found.bits), minimum=MIN_BITS)
    if found.distinct < MIN_DISTINCT:
        raise SecurityError("release_code.too_few_characters", distinct=found.distinct, minimum=MIN_DISTINCT)
    if found.patterned:
        raise SecurityError("release_code.patterned")


def new_release_code() -> str:
    """A fresh strong release code such as ``K7QF-M2XD-9PHA-R4TW`` (16 unambiguous characters)."""
    while True:
        code = random_code(GROUPS, GROUP_LENGTH)
        # Practically never weak (a run or a repeat by chance); then draw again.
        if strength(code).enough:
            return code


def _patterned(normalised: str) -> bool:
    if len(normalised) < 2:
        return False
    for period in range(1, len(normalised) // 2 + 1):
        if all(normalised[i] == normalised[i % period] for i in range(len(normalised))):
            return True
    for order in _RUNS:
        for sequence in (order, order[::-1]):
            positions = [sequence.find(char) for char in normalised]
            steps = itertools.pairwise(positions)
            if -1 not in positions and all(b == (a + 1) % len(sequence) for a, b in steps):
                return True
    return False
