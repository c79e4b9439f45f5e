"""The kiosk window's budgets: cold start, question switch and memory, each beside what it is compared with.

    python bench/ui.py [--runs 5] [--switches 300] [--dir FOLDER]

Budgets (docs/ARCHITECTURE.md §7):
- cold start to the login screen <= 2 s and <= 2x a bare PySide6 window. Both are timed as fresh
  processes, from launch until the window has painted: for the kiosk, the idle screen, the invigilator's
  unlock (PIN and release code, with the production Argon2id costs) and the login screen painted; for the
  floor, a QWidget with a label. The time to the idle screen (before the unlock) is printed as well.
- question switch p95 <= 50 ms on a 100-item exam: show the next item (build its widgets, lay out,
  paint the exam screen synchronously).
- peak RSS <= 250 MB over that 100-item exam, every item visited and answered.

Each measurement runs in its own child process (``--child``), offscreen, so imports and memory are not
shared with the parent.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

BUDGET_COLD_S = 2.0
BUDGET_COLD_RATIO = 2.0
BUDGET_SWITCH_P95_MS = 50.0
BUDGET_RSS_MB = 250.0
PIN = "246810"
RELEASE_CODE = "K7QF-M2XD-9PHA"
ITEM_COUNT = 100
SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="480" height="240" viewBox="0 0 480 240">'
    b'<rect x="10" y="10" width="460" height="220" fill="none" stroke="black" stroke-width="3"/>'
    + b"".join(
        f'<rect x="{30 + 55 * i}" y="60" width="45" height="120" fill="none" stroke="black"/>'.encode()
        for i in range(8)
    )
    + b"</svg>"
)


# -- the 100-item bank ---------------------------------------------------------------------------------


def big_bank():  # type: ignore[no-untyped-def]
    """A bank whose forms hold 100 items of every type, a quarter of them with a shared diagram."""
    from kiosk.domain.items import (
        Area,
        Bank,
        Blueprint,
        Certificate,
        Choice,
        Competence,
        Difficulty,
        Draw,
        Item,
        ItemType,
        ScoringRule,
        Stimulus,
        Text,
    )

    areas = [Area.FOUNDATIONAL] * 4 + [Area.PRACTICAL] * 4 + [Area.REFLEXIVE] * 2
    competences = tuple(Competence(f"C{i}", area, Text(f"Competence {i}")) for i, area in enumerate(areas))
    types = list(ItemType)
    options = tuple(
        Choice(
            "ABCDEFGH"[i],
            Text(f"Option {i + 1}: a plausible statement about cells and packs", f"选项 {i + 1}"),
        )
        for i in range(5)
    )
    items = []
    for number in range(2 * ITEM_COUNT):
        item_type = types[number % len(types)]
        fields: dict[str, object] = {
            "id": f"BIG-{number:03d}",
            "type": item_type,
            "competence": competences[number % len(competences)].id,
            "difficulty": Difficulty.MEDIUM,
            "stem": Text(
                f"Question {number}: which statement about the module in the diagram is right?", "题干"
            ),
            "rationale": "bench",
            "stimulus": f"S{number % 5}" if number % 4 == 0 else None,
        }
        if item_type in (ItemType.SINGLE, ItemType.MULTIPLE, ItemType.ORDERING):
            fields.update(
                options=options, key=("A",) if item_type is ItemType.SINGLE else ("A", "B", "C", "D", "E")
            )
            if item_type is ItemType.MULTIPLE:
                fields.update(key=("A", "C"), scoring=ScoringRule.PARTIAL)
        elif item_type is ItemType.TRUE_FALSE:
            fields.update(key=("true",))
        elif item_type is ItemType.NUMERIC:
            fields.update(value=2.0, tolerance=0.05, unit="h")
        elif item_type is ItemType.MATCHING:
            fields.update(
                premises=tuple(Choice(str(i), Text(f"Premise {i}")) for i in range(1, 5)),
                options=options,
                pairs=tuple((str(i), "ABCD"[i - 1]) for i in range(1, 5)),
            )
        else:
            fields.update(accepted=("electrolyte",))
        items.append(Item(**fields))  # type: ignore[arg-type]
    return Bank(
        certificate=Certificate.MAINTENANCE,
        grade=3,
        version=1,
        title=Text("Energy Storage Maintenance, Grade III (bench)"),
        languages=("en", "zh"),
        competences=competences,
        blueprint=Blueprint(
            duration_minutes=120,
            pass_mark=60,
            draws=tuple(Draw(c.id, ITEM_COUNT // len(competences)) for c in competences),
        ),
        items=tuple(items),
        stimuli=tuple(
            Stimulus(
                f"S{i}",
                Text(f"Module M-0{i} is built from eight LFP cells; see the diagram."),
                f"images/m{i}.svg",
            )
            for i in range(5)
        ),
        images={f"images/m{i}.svg": SVG for i in range(5)},
    )


def make_centre(folder: Path) -> int:
    """A kiosk data folder with the big bank installed and scheduled today; returns the sitting id."""
    from kiosk.formats.bank_packages import package_header_fields
    from kiosk.formats.bank_payload import bank_to_payload
    from kiosk.formats.keys import KeyKind, generate_identity, write_identity
    from kiosk.formats.packages import build_package
    from kiosk.station.services.bank_install import install_package, trust_key
    from kiosk.station.services.context import open_context
    from kiosk.station.services.invigilators import create_invigilator
    from kiosk.station.services.kiosk_setup import init_kiosk
    from kiosk.station.services.roster import import_roster
    from kiosk.station.services.sittings import schedule_sitting

    ctx = open_context(folder / "data")
    try:
        init_kiosk(ctx, "Bench Centre", "Bench PC")
        signer = generate_identity(KeyKind.AWARDING, "bench-awarding")
        _, public = write_identity(signer, folder / "keys")
        trust_key(ctx, public)
        bank = big_bank()
        package = folder / "big.1xbank"
        package.write_bytes(
            build_package(package_header_fields(bank), bank_to_payload(bank), signer, RELEASE_CODE)
        )
        install_package(ctx, package)
        sitting = schedule_sitting(ctx, "Bench sitting", bank.bank_id, date.today())
        roster = folder / "roster.csv"
        roster.write_text(
            "candidate number,name,certificate,grade\n"
            + "".join(f"B-{i:03d},Bench Candidate {i},maintenance,3\n" for i in range(1, 3)),
            encoding="utf-8",
        )
        codes = {c.candidate_number: c.access_code for c in import_roster(ctx, roster).codes}
        (folder / "codes.json").write_text(json.dumps(codes), encoding="utf-8")
        create_invigilator(ctx, "Bench Invigilator", PIN)
        return sitting.id
    finally:
        ctx.close()


# -- children ------------------------------------------------------------------------------------------


def child_bare() -> None:
    from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

    app = QApplication(sys.argv[:1])
    window = QWidget()
    QVBoxLayout(window).addWidget(QLabel("1+X Assessment Kiosk"))
    window.resize(1366, 768)
    window.show()
    window.repaint()
    app.processEvents()
    print("READY", flush=True)


def child_cold(folder: Path, sitting_id: int, unlock: bool) -> None:
    from kiosk.app import build_window
    from kiosk.station.services.context import open_context
    from kiosk.ui.application import application

    app = application()
    ctx = open_context(folder / "data")
    window = build_window(ctx, lockdown=False)
    window.start()
    if not unlock:
        window.repaint()
        app.processEvents()
        print("READY", flush=True)
        ctx.close()
        return
    window.presenter.unlock(sitting_id, PIN, RELEASE_CODE)
    while window.current_screen.value != "login":
        app.processEvents()
        window.tasks.wait(5)
    window.repaint()
    app.processEvents()
    print("READY", flush=True)
    window.presenter.shutdown()
    ctx.close()


def child_exam(folder: Path, sitting_id: int, switches: int) -> None:
    import resource

    from kiosk.app import build_window
    from kiosk.domain.items import ItemType
    from kiosk.station.services.context import open_context
    from kiosk.ui.application import application

    app = application()
    ctx = open_context(folder / "data")
    codes = json.loads((folder / "codes.json").read_text(encoding="utf-8"))
    window = build_window(ctx, lockdown=False)
    window.start()
    presenter = window.presenter
    presenter.unlock(sitting_id, PIN, RELEASE_CODE)
    while window.current_screen.value != "login":
        app.processEvents()
        window.tasks.wait(5)
    presenter.login("B-001", codes["B-001"])
    while window.current_screen.value != "instructions":
        app.processEvents()
        window.tasks.wait(5)
    presenter.start_exam()
    exam = presenter.exam
    count = exam.count
    answers = {
        ItemType.SINGLE: "A",
        ItemType.MULTIPLE: ["A", "C"],
        ItemType.TRUE_FALSE: "true",
        ItemType.NUMERIC: "2.5",
        ItemType.MATCHING: {"1": "A"},
        ItemType.SHORT_TEXT: "electrolyte",
    }
    durations = []
    for step in range(switches):
        position = step % count
        started = time.perf_counter()
        exam.show(position)
        window.exam.repaint()
        durations.append((time.perf_counter() - started) * 1000)
        item = exam.item
        if step < count:
            raw = answers.get(item.type, exam.form_item.option_order)
            exam.answer(item.id, list(raw) if isinstance(raw, tuple) else raw)
        app.processEvents()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"items": count, "switch_ms": durations, "peak_mb": peak_kb / 1024}), flush=True)
    presenter.shutdown()
    ctx.close()


def _launch(args: list[str]) -> tuple[float, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), "--child", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    assert process.stdout is not None
    first = process.stdout.readline()
    elapsed = time.perf_counter() - started
    rest = process.stdout.read()
    process.wait()
    if process.returncode != 0:
        raise SystemExit(f"bench child {args[0]} failed with exit code {process.returncode}")
    return elapsed, first + rest


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5, help="cold starts of each kind (median reported)")
    parser.add_argument("--switches", type=int, default=300, help="question switches to time")
    parser.add_argument("--dir", type=Path, default=None, help="folder for the bench's kiosk data")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "bare":
            child_bare()
        elif kind in ("cold", "idle"):
            child_cold(Path(rest[0]), int(rest[1]), unlock=kind == "cold")
        else:
            child_exam(Path(rest[0]), int(rest[1]), int(rest[2]))
        return

    folder = args.dir or Path(tempfile.mkdtemp(prefix="kiosk-bench-ui-"))
    folder.mkdir(parents=True, exist_ok=True)
    sitting = make_centre(folder)
    bare = statistics.median(_launch(["bare"])[0] for _ in range(args.runs))
    idle = statistics.median(_launch(["idle", str(folder), str(sitting)])[0] for _ in range(args.runs))
    cold = statistics.median(_launch(["cold", str(folder), str(sitting)])[0] for _ in range(args.runs))
    _, output = _launch(["exam", str(folder), str(sitting), str(args.switches)])
    exam = json.loads(output.strip().splitlines()[-1])
    switches = sorted(exam["switch_ms"])
    p50 = statistics.median(switches)
    p95 = switches[max(0, round(0.95 * len(switches)) - 1)]

    def verdict(ok: bool) -> str:
        return "within budget" if ok else "OVER BUDGET"

    print(
        f"cold start to the first kiosk screen (idle, before the unlock): {idle:.2f} s; "
        f"ratio {idle / bare:.2f}x "
        f"of the bare window"
    )
    print(
        f"cold start to login screen: {cold:.2f} s (median of {args.runs}); "
        f"bare PySide6 window {bare:.2f} s; "
        f"ratio {cold / bare:.2f}x (budget <= {BUDGET_COLD_S:.0f} s and <= {BUDGET_COLD_RATIO:.0f}x): "
        f"{verdict(cold <= BUDGET_COLD_S and cold / bare <= BUDGET_COLD_RATIO)}"
    )
    print(
        f"question switch on a {exam['items']}-item exam: p50 {p50:.1f} ms, p95 {p95:.1f} ms "
        f"over {len(switches)} "
        f"switches; {p95 / BUDGET_SWITCH_P95_MS:.2f}x of the {BUDGET_SWITCH_P95_MS:.0f} ms budget: "
        f"{verdict(p95 <= BUDGET_SWITCH_P95_MS)}"
    )
    print(
        f"peak RSS during the exam: {exam['peak_mb']:.0f} MB; {exam['peak_mb'] / BUDGET_RSS_MB:.2f}x of the "
        f"{BUDGET_RSS_MB:.0f} MB budget: {verdict(exam['peak_mb'] <= BUDGET_RSS_MB)}"
    )


if __name__ == "__main__":
    main()
