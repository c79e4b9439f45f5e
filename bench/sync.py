"""Results over the network: simulated kiosks upload to ``kiosk registry serve``, beside the CLI import.

    python bench/sync.py [--kiosks 300] [--bundles 20] [--workers 2] [--concurrency 32] [--pg-url URL]
                         [--only sqlite|postgresql] [--dir FOLDER]

Every kiosk is enrolled in one registry and sends its bundles (one attempt of ten answers each, chained and
sealed as a kiosk's export seals them) one after another, as the kiosk's sender does: each upload is a
signed ``PUT`` on a new TLS connection to the pinned certificate, through the kiosk's own client
(``RegistryClient``), and must answer ``201`` with the receipt. ``--concurrency`` kiosks send at once.
The server is ``kiosk registry serve --workers 2`` as its own process, on SQLite and on PostgreSQL
(``--pg-url``, ``$KIOSK_TEST_PG_URL`` or 127.0.0.1; in a schema of its own, ``bench_sync``, dropped at the
start and the end). Upload latency is the kiosk's view: connect, handshake, send, import, answer.

The floor is the CLI's import of the same files (``import_bundles`` over the folder, one process, what
``kiosk registry import`` runs) on a fresh database of the same kind: the import work without the network.
The ratio is how many times slower the network path is. Budget: every bundle imported exactly once; the
network path at most 3x slower than the CLI import (it adds, per bundle, a TLS handshake, the signature
check and the fsynced copy kept in ``inbox/``, and gains a second worker process); p99 latency judged
only for context. The load average is printed: other work on the machine slows both paths.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from verdicts import Figure, finish, ratio
from workloads import fresh_database

from kiosk.domain.clock import SystemClock
from kiosk.formats.bundle_content import CONTENT_VERSION
from kiosk.formats.bundles import bundle_digest, seal_bundle
from kiosk.formats.keys import KeyKind, PrivateIdentity, PublicIdentity, generate_identity
from kiosk.formats.tls import read_link
from kiosk.registry.service.link import make_link
from kiosk.registry.services.imports import Outcome, import_bundles
from kiosk.registry.services.registry import enrol_kiosk, init_registry, open_registry
from kiosk.registry.storage.repo import count_rows
from kiosk.station.services.enrolment import write_enrolment
from kiosk.station.services.sync import RegistryClient
from tests.fixtures.registry import attempt

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
SCHEMA = "bench_sync"
BUDGET_RATIO = 3.0
NOW = datetime(2025, 6, 2, 12, 0, tzinfo=UTC)


@dataclass
class Kiosk:
    kiosk_id: str
    identity: PrivateIdentity
    enrolment: Path
    bundles: list[tuple[str, bytes]]


def make_kiosks(root: Path, registry_public: PublicIdentity, kiosks: int, bundles: int) -> list[Kiosk]:
    """Each kiosk's key, enrolment file and chained bundles; the bundle files go into ``root/bundles``."""
    folder = root / "bundles"
    folder.mkdir()
    made = []
    for number in range(1, kiosks + 1):
        kiosk_id = f"BENCH{number:04d}"
        identity = generate_identity(KeyKind.KIOSK, kiosk_id)
        enrolment = write_enrolment(
            identity, kiosk_id, f"Lab PC {number}", "CZVTC Lusaka", root / f"{kiosk_id}.1xenrol", NOW
        )
        previous = ""
        sealed = []
        for sequence in range(1, bundles + 1):
            bundle_id = f"{kiosk_id}-{sequence:06d}"
            inner: dict[str, object] = {
                "bundle_id": bundle_id,
                "kiosk_id": kiosk_id,
                "sequence": sequence,
                "previous_hash": previous,
                "content_version": CONTENT_VERSION,
                "kiosk_name": f"Lab PC {number}",
                "centre": "CZVTC Lusaka",
                "created_at": NOW.isoformat(),
                "attempts": [attempt(f"{kiosk_id}-A{sequence}", f"C{number:04d}{sequence:03d}", items=10)],
                "incidents": [],
            }
            data = seal_bundle(inner, identity, registry_public)
            previous = bundle_digest(data)
            (folder / f"{bundle_id}.1xresult").write_bytes(data)
            sealed.append((bundle_id, data))
        made.append(Kiosk(kiosk_id, identity, enrolment, sealed))
    return made


def prepare(registry_dir: Path, url: str, kiosks: list[Kiosk]) -> None:
    """Enrol every kiosk in the database at ``url`` and clear what an earlier run left in the folder."""
    for leftover in ("inbox", "receipts", "quarantine"):
        shutil.rmtree(registry_dir / leftover, ignore_errors=True)
    ctx = open_registry(registry_dir, url)
    try:
        for kiosk in kiosks:
            enrol_kiosk(ctx, kiosk.enrolment)
    finally:
        ctx.close()


def held(registry_dir: Path, url: str) -> dict[str, int]:
    ctx = open_registry(registry_dir, url)
    try:
        with ctx.database.session() as session:
            return count_rows(session)
    finally:
        ctx.close()


def time_cli_import(root: Path, url: str, kiosks: list[Kiosk]) -> float:
    """Bundles per second of the CLI's import of every bundle file, on a fresh database."""
    registry_dir = root / "registry"
    prepare(registry_dir, url, kiosks)
    ctx = open_registry(registry_dir, url)
    try:
        started = time.perf_counter()
        report = import_bundles(ctx, [root / "bundles"])
        elapsed = time.perf_counter() - started
    finally:
        ctx.close()
    total = sum(len(kiosk.bundles) for kiosk in kiosks)
    imported = sum(1 for outcome in report.outcomes if outcome.outcome is Outcome.IMPORTED)
    if imported != total:
        raise SystemExit(f"the CLI import imported {imported} of {total} bundles; the benchmark is void")
    return total / elapsed


def free_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port: int = probe.getsockname()[1]
    return port


def tls_ready(port: int) -> bool:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as raw, context.wrap_socket(raw):
            return True
    except OSError:
        return False


@contextmanager
def serving(root: Path, url: str, port: int, workers: int) -> Iterator[subprocess.Popen[bytes]]:
    """``kiosk registry serve`` on loopback as its own process group until the block ends."""
    command = [sys.executable, "-m", "kiosk", "--data-dir", str(root / "cli"), "registry", "serve"]
    command += ["--registry-dir", str(root / "registry"), "--db", url, "--host", "127.0.0.1"]
    command += ["--port", str(port), "--workers", str(workers)]
    log = root / f"serve-{port}.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            command, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        deadline = time.monotonic() + 120
        while not tls_ready(port):
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"the registry did not start serving:\n{log.read_text(errors='replace')}")
            time.sleep(0.1)
        yield process
    finally:
        with_patience = process.poll() is None
        if with_patience:
            os.killpg(process.pid, signal.SIGINT)
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(10)


@dataclass
class NetworkRun:
    rate: float
    latencies: list[float]
    refused: list[str]


def time_network(root: Path, url: str, kiosks: list[Kiosk], workers: int, concurrency: int) -> NetworkRun:
    """Bundles per second through the served registry, and each upload's latency in seconds."""
    registry_dir = root / "registry"
    prepare(registry_dir, url, kiosks)
    port = free_port()
    ctx = open_registry(registry_dir, url)
    try:
        link_file, _ = make_link(ctx, f"https://127.0.0.1:{port}", root / "registry.1xlink")
        link = read_link(link_file, [ctx.identity.public])
    finally:
        ctx.close()
    clock = SystemClock()
    latencies: list[float] = []
    refused: list[str] = []
    lock = threading.Lock()

    def send(kiosk: Kiosk) -> None:
        client = RegistryClient(link, kiosk.identity, kiosk.kiosk_id, clock, timeout=120)
        for bundle_id, data in kiosk.bundles:
            started = time.perf_counter()
            try:
                answer = client.put_bundle(bundle_id, data)
                status = str(answer.status)
            except Exception as error:  # every failure is counted, none ends the run
                status = str(error)
            took = time.perf_counter() - started
            with lock:
                latencies.append(took)
                if status != "201":
                    refused.append(f"{bundle_id}: {status}")

    with serving(root, url, port, workers):
        started = time.perf_counter()
        with ThreadPoolExecutor(concurrency) as pool:
            list(pool.map(send, kiosks))
        elapsed = time.perf_counter() - started
    return NetworkRun(len(latencies) / elapsed, latencies, refused)


def _slower(floor: float, rate: float) -> str:
    """How many times slower than the floor (or faster: two workers can beat one process)."""
    return f"{ratio(floor, rate)} slower" if floor >= rate else f"{ratio(rate, floor)} faster"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kiosks", type=int, default=300, help="simulated kiosks (default: 300)")
    parser.add_argument("--bundles", type=int, default=20, help="bundles per kiosk (default: 20)")
    parser.add_argument("--workers", type=int, default=2, help="server worker processes (default: 2)")
    parser.add_argument("--concurrency", type=int, default=32, help="kiosks sending at once (default: 32)")
    parser.add_argument("--pg-url", default=os.environ.get("KIOSK_TEST_PG_URL") or DEFAULT_PG)
    parser.add_argument("--only", choices=("sqlite", "postgresql"), help="one database only")
    parser.add_argument("--dir", type=Path, default=None, help="folder for the files (default: a temp dir)")
    args = parser.parse_args(argv)
    if args.kiosks < 1 or args.bundles < 1 or args.workers < 1 or args.concurrency < 1:
        parser.error("--kiosks, --bundles, --workers and --concurrency must be 1 or more")

    root = Path(tempfile.mkdtemp(prefix="sync-bench-", dir=args.dir))
    rows: list[Figure] = []
    try:
        init_registry(root / "registry")
        keys_only = open_registry(root / "registry", f"sqlite:///{root / 'keys-only.db'}")
        public = keys_only.identity.public
        keys_only.close()
        started = time.perf_counter()
        kiosks = make_kiosks(root, public, args.kiosks, args.bundles)
        total = args.kiosks * args.bundles
        size = sum(len(data) for kiosk in kiosks for _, data in kiosk.bundles) / total
        print(
            f"{args.kiosks} kiosks x {args.bundles} bundles = {total} bundles of {size / 1000:.1f} kB each, "
            f"made in {time.perf_counter() - started:.0f} s; server workers {args.workers}, "
            f"{args.concurrency} kiosks sending at once; load average {os.getloadavg()[0]:.2f}",
            flush=True,
        )
        kinds = [args.only] if args.only else ["sqlite", "postgresql"]
        for kind in kinds:
            try:
                with fresh_database(kind, root, args.pg_url, "cli", SCHEMA) as url:
                    floor = time_cli_import(root, url, kiosks)
                print(f"{kind}: CLI import {floor:.0f} bundles/s", flush=True)
                with fresh_database(kind, root, args.pg_url, "network", SCHEMA) as url:
                    run = time_network(root, url, kiosks, args.workers, args.concurrency)
                    counted = held(root / "registry", url)
            except Exception as error:  # a missing PostgreSQL server is reported, not a crash
                if kind == "sqlite":
                    raise
                reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
                print(f"{kind}: not measured: {reason}")
                rows.append(Figure("sync", f"{kind}: not measured", reason[:60], "-", "-", "-", None))
                continue
            p50, p99 = percentile(run.latencies, 0.50), percentile(run.latencies, 0.99)
            print(
                f"{kind}: network {run.rate:.0f} bundles/s, upload p50 {p50 * 1000:.0f} ms, "
                f"p99 {p99 * 1000:.0f} ms, {len(run.refused)} not answered 201; load average "
                f"{os.getloadavg()[0]:.2f}",
                flush=True,
            )
            for problem in run.refused[:10]:
                print(f"  {problem}")
            once = (counted["bundles"], counted["attempts"]) == (total, total) and not run.refused
            where = f"{kind}, {args.kiosks} kiosks x {args.bundles}, {args.workers} workers"
            rows += [
                Figure(
                    "sync",
                    f"{where}: bundles held once / sent",
                    f"{counted['bundles']} / {total}",
                    "all, once",
                    "-",
                    "-",
                    once,
                ),
                Figure(
                    "sync",
                    f"{where}: upload throughput",
                    f"{run.rate:.0f} bundles/s",
                    f"<= {BUDGET_RATIO:.0f}x slower than the CLI",
                    f"{floor:.0f} bundles/s (CLI import)",
                    _slower(floor, run.rate),
                    floor / run.rate <= BUDGET_RATIO,
                ),
                Figure(
                    "sync",
                    f"{where}: upload latency p50 / p99",
                    f"{p50 * 1000:.0f} / {p99 * 1000:.0f} ms",
                    "-",
                    f"{1000 / floor:.1f} ms per bundle (CLI import)",
                    "-",
                    None,
                ),
            ]
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return finish(rows)


if __name__ == "__main__":
    raise SystemExit(main())
