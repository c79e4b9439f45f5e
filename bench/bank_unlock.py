"""Time from the invigilator's PIN and release code to a loaded bank and its first form, largest sample bank.

The unlock is what the kiosk does when a sitting is opened: check the invigilator's PIN (Argon2id at the
production cost), derive the package key from the release code (Argon2id), verify, decrypt and parse the
package, and draw the first form. The floor is the same two Argon2id steps plus raw AES-GCM decryption of
the same payload bytes. Budget (docs/ARCHITECTURE.md §7): PIN and release code to first question <= 2 s.

    python bench/bank_unlock.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from verdicts import Figure, finish, ratio  # noqa: E402

from kiosk.authoring.source import load_bank_dir  # noqa: E402
from kiosk.domain.forms import assemble_form  # noqa: E402
from kiosk.formats.bank_packages import open_bank_package, package_header_fields  # noqa: E402
from kiosk.formats.bank_payload import bank_to_payload  # noqa: E402
from kiosk.formats.keys import KeyKind, generate_identity  # noqa: E402
from kiosk.formats.packages import STANDARD_RELEASE_KDF, build_package  # noqa: E402
from kiosk.formats.secrets import HashCost, hash_secret, verify_secret  # noqa: E402

RUNS = 9
CODE = "K7QF-M2XD-9PHA"
PIN = "582931"
BUDGET_S = 2.0


def _interleaved_medians(*actions: Callable[[], object]) -> list[float]:
    """Median time of each action, run in rotation so machine noise hits them all alike."""
    timings: list[list[float]] = [[] for _ in actions]
    for _ in range(RUNS):
        for index, action in enumerate(actions):
            start = time.perf_counter()
            action()
            timings[index].append(time.perf_counter() - start)
    return [statistics.median(series) for series in timings]


def main() -> int:
    folders = sorted(p.parent for p in (ROOT / "question_banks").glob("*/bank.yaml"))
    banks = [load_bank_dir(folder) for folder in folders]
    largest = max(banks, key=lambda bank: len(bank_to_payload(bank)))
    payload = bank_to_payload(largest)
    signer = generate_identity(KeyKind.AWARDING, "bench")
    package = build_package(package_header_fields(largest), payload, signer, CODE)

    pin_hash = hash_secret(PIN, HashCost.STANDARD)

    def unlock() -> None:
        if not verify_secret(PIN, pin_hash):
            raise SystemExit("the PIN did not check out")
        bank = open_bank_package(package, [signer.public], CODE)
        form = assemble_form(bank, seed=12345)
        bank.item(form.items[0].item_id)

    def argon_only() -> None:
        STANDARD_RELEASE_KDF.derive(CODE, os.urandom(16))
        verify_secret(PIN, pin_hash)

    key, nonce = AESGCM.generate_key(bit_length=256), os.urandom(12)
    ciphertext = AESGCM(key).encrypt(nonce, payload, b"")

    def aes_only() -> None:
        AESGCM(key).decrypt(nonce, ciphertext, b"")

    total, argon, aes = _interleaved_medians(unlock, argon_only, aes_only)
    floor = argon + aes
    print(
        f"largest bank: {largest.bank_id} ({len(largest.items)} items, payload {len(payload) / 1024:.0f} KiB)"
    )
    print(f"floor: Argon2id for the PIN and the release code  {argon * 1000:8.1f} ms")
    print(f"floor: raw AES-GCM over the same bytes            {aes * 1000:8.1f} ms")
    return finish(
        [
            Figure(
                "bank_unlock",
                f"PIN + release code to first question (median of {RUNS})",
                f"{total * 1000:.0f} ms",
                f"<= {BUDGET_S * 1000:.0f} ms",
                f"{floor * 1000:.0f} ms",
                ratio(total, floor),
                total <= BUDGET_S,
            )
        ]
    )


if __name__ == "__main__":
    raise SystemExit(main())
