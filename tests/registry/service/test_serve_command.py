"""``kiosk registry serve`` as a real process with two workers, and ``kiosk registry link`` for kiosks."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.formats.bundles import seal_bundle
from kiosk.formats.keys import KeyKind, generate_identity, load_public
from kiosk.formats.tls import read_link
from kiosk.registry.services.registry import open_registry
from kiosk.registry.storage.repo import count_rows
from kiosk.station.services.enrolment import write_enrolment
from tests.fixtures.registry import Kiosk, attempt, inner_fields
from tests.registry.service.live import Answer, LiveServer, call

REPO = Path(__file__).resolve().parents[3]


def free_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port: int = probe.getsockname()[1]
    return port


@pytest.fixture(name="registry_dir")
def registry_dir_fixture(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "registry"
    assert main(["--data-dir", str(tmp_path / "cli"), "registry", "init", "--registry-dir", str(folder)]) == 0
    capsys.readouterr()
    return folder


@pytest.fixture(name="serving")
def serving_fixture(registry_dir: Path, tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], int]]:
    port = free_port()
    command = [sys.executable, "-m", "kiosk", "--data-dir", str(tmp_path / "cli"), "registry", "serve"]
    command += ["--registry-dir", str(registry_dir), "--host", "127.0.0.1", "--port", str(port)]
    command += ["--workers", "2"]
    process = subprocess.Popen(
        command,
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        yield process, port
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(10)


def wait_until_serving(server: LiveServer, kiosk: Kiosk, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            if call(server, kiosk.identity, kiosk.kiosk_id, "GET", "/v1/status").status == 200:
                return
        except OSError:
            pass
        assert process.poll() is None, process.stdout.read() if process.stdout else ""
        assert time.monotonic() < deadline, "the registry did not start serving"
        time.sleep(0.2)


def test_the_served_registry_imports_uploads_from_two_workers_once(
    registry_dir: Path,
    serving: tuple[subprocess.Popen[str], int],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    process, port = serving
    cli = ["--data-dir", str(tmp_path / "cli")]
    kiosk = Kiosk("K1", generate_identity(KeyKind.KIOSK, "K1"))
    enrolment = write_enrolment(
        kiosk.identity, "K1", kiosk.name, kiosk.centre, tmp_path / "K1.1xenrol", datetime.now(UTC)
    )
    assert main([*cli, "registry", "enrol", str(enrolment), "--registry-dir", str(registry_dir)]) == 0
    link_file = tmp_path / "registry.1xlink"
    url = f"https://127.0.0.1:{port}"
    assert (
        main(
            [
                *cli,
                "registry",
                "link",
                "--url",
                url,
                "--out",
                str(link_file),
                "--registry-dir",
                str(registry_dir),
            ]
        )
        == 0
    )
    assert "kiosk sync --link" in capsys.readouterr().out
    registry_public = load_public(registry_dir / "keys" / "registry.pub")
    link = read_link(link_file, [registry_public])
    assert (link.url, link.port) == (url, port)

    server = LiveServer(port, link.fingerprint)
    wait_until_serving(server, kiosk, process)
    bundles = []
    for sequence in range(1, 5):
        inner = inner_fields(kiosk, sequence, [attempt(f"K1-A{sequence}")], [])
        bundles.append((f"K1-{sequence:06d}", seal_bundle(inner, kiosk.identity, registry_public)))
    answers: list[tuple[str, Answer]] = []
    lock = threading.Lock()

    def send(bundle_id: str, data: bytes) -> None:
        answer = call(server, kiosk.identity, "K1", "PUT", f"/v1/bundles/{bundle_id}", data)
        with lock:
            answers.append((bundle_id, answer))

    threads = [threading.Thread(target=send, args=pair) for pair in bundles * 2]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    for bundle_id, _ in bundles:
        mine = [answer for sent, answer in answers if sent == bundle_id]
        assert sorted(answer.status for answer in mine) == [200, 201]
        assert mine[0].body == mine[1].body

    process.send_signal(signal.SIGINT)
    output, _ = process.communicate(timeout=30)
    assert f"Certificate SHA-256 {link.fingerprint}" in output
    ctx = open_registry(registry_dir)
    try:
        with ctx.database.session() as session:
            counted = count_rows(session)
    finally:
        ctx.close()
    assert (counted["bundles"], counted["attempts"]) == (4, 4)
