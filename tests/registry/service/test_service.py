"""The registry's HTTPS service on a real uvicorn server: uploads imported once, refusals, packages."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.formats.keys import KeyKind, generate_identity
from kiosk.formats.receipts import read_receipt
from kiosk.formats.signed_requests import content_digest, sign_request
from kiosk.registry.service.settings import ServiceSettings
from kiosk.registry.storage.repo import count_rows, find_bundle
from tests.fixtures.registry import Kiosk, World, attempt
from tests.registry.service.live import Answer, LiveServer, call, live_registry

# Refusals happen before the database is reached; those tests run on SQLite alone.
SQLITE_ONLY = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def real_now() -> datetime:
    return datetime.now(UTC)


@pytest.fixture(name="server")
def server_fixture(world: World) -> Iterator[LiveServer]:
    with live_registry(world.ctx, now=real_now) as server:
        yield server


def upload(server: LiveServer, kiosk: Kiosk, path: Path) -> Answer:
    bundle_id = path.name.removesuffix(".1xresult")
    return call(server, kiosk.identity, kiosk.kiosk_id, "PUT", f"/v1/bundles/{bundle_id}", path.read_bytes())


def problem(answer: Answer) -> dict[str, object]:
    fields = json.loads(answer.body)
    assert set(fields) == {"code", "params", "message"}
    return dict(fields)


def rows(world: World) -> dict[str, int]:
    with world.ctx.database.session() as session:
        return count_rows(session)


def test_an_upload_is_imported_once_and_the_same_bytes_get_the_same_receipt(
    world: World, server: LiveServer, tmp_path: Path
) -> None:
    kiosk = world.kiosk("K1")
    path = world.bundle(kiosk, [attempt("K1-A1"), attempt("K1-A2", candidate="C002")])
    first = upload(server, kiosk, path)
    assert (first.status, first.headers["import-outcome"]) == (201, "imported")
    assert first.headers["content-type"].startswith("text/plain")
    receipt_file = tmp_path / "K1-000001.1xreceipt"
    receipt_file.write_bytes(first.body)
    receipt = read_receipt(receipt_file, world.ctx.identity.public)
    assert (receipt.bundle_id, receipt.attempt_ids) == ("K1-000001", ("K1-A1", "K1-A2"))

    again = upload(server, kiosk, path)
    assert (again.status, again.headers["import-outcome"], again.body) == (200, "duplicate", first.body)
    counted = rows(world)
    assert (counted["bundles"], counted["attempts"]) == (1, 2)
    # The upload is kept like a file from a USB stick, once.
    assert len(list((world.ctx.directory / "inbox" / "K1").iterdir())) == 1


def test_the_same_id_with_other_bytes_is_a_conflict_and_quarantined(world: World, server: LiveServer) -> None:
    kiosk = world.kiosk("K1")
    held = world.bundle(kiosk, [attempt("K1-A1")])
    assert upload(server, kiosk, held).status == 201
    other = world.bundle(kiosk, [attempt("K1-A9")], sequence=1, name="again.1xresult")
    answer = call(server, kiosk.identity, "K1", "PUT", "/v1/bundles/K1-000001", other.read_bytes())
    assert (answer.status, answer.headers["import-outcome"]) == (409, "conflict")
    refusal = problem(answer)
    assert (refusal["code"], refusal["params"]) == (
        "registry_import.same_id_other_bytes",
        {"bundle_id": "K1-000001"},
    )
    assert "quarantine" in str(refusal["message"])
    assert len(list(world.ctx.quarantine_dir.iterdir())) == 1
    assert rows(world)["bundles"] == 1


@SQLITE_ONLY
def test_an_unknown_kiosk_gets_401_and_a_sentence(world: World, server: LiveServer) -> None:
    stranger = world.kiosk("K9", enrol=False)
    path = world.bundle(stranger, [attempt("K9-A1")])
    answer = upload(server, stranger, path)
    assert answer.status == 401
    assert answer.headers["www-authenticate"].startswith("Signature")
    refusal = problem(answer)
    assert (refusal["code"], refusal["params"]) == ("registry_service.unknown_kiosk", {"kiosk_id": "K9"})
    assert refusal["message"] == (
        "Kiosk K9 is not enrolled at this registry, so its request was refused; the registry administrator "
        "must enrol it first."
    )
    assert rows(world)["bundles"] == 0 and not (world.ctx.directory / "inbox").exists()


@SQLITE_ONLY
def test_a_request_signed_with_another_key_is_refused(world: World, server: LiveServer) -> None:
    kiosk = world.kiosk("K1")
    path = world.bundle(kiosk, [attempt("K1-A1")])
    impostor = generate_identity(KeyKind.KIOSK, "K1")
    answer = call(server, impostor, "K1", "PUT", "/v1/bundles/K1-000001", path.read_bytes())
    assert answer.status == 401
    assert problem(answer)["code"] == "request_signature.invalid"
    assert rows(world)["bundles"] == 0


@SQLITE_ONLY
def test_an_unsigned_request_is_refused(world: World, server: LiveServer) -> None:
    answer = call(server, world.ctx.identity, "K1", "GET", "/v1/status", signed={})
    assert (answer.status, problem(answer)["code"]) == (401, "request_signature.missing")


@SQLITE_ONLY
def test_a_replayed_request_is_refused(world: World, server: LiveServer) -> None:
    kiosk = world.kiosk("K1")
    data = world.bundle(kiosk, [attempt("K1-A1")]).read_bytes()
    path = "/v1/bundles/K1-000001"
    signed = sign_request(kiosk.identity, "K1", "PUT", path, content_digest(data), int(time.time()))
    assert call(server, kiosk.identity, "K1", "PUT", path, data, signed=signed).status == 201
    replayed = call(server, kiosk.identity, "K1", "PUT", path, data, signed=signed)
    assert replayed.status == 401
    assert problem(replayed) | {"message": ""} == {
        "code": "registry_service.signature_replayed",
        "params": {"kiosk_id": "K1"},
        "message": "",
    }


@SQLITE_ONLY
@pytest.mark.parametrize("offset", [-301, 301])
def test_a_request_signed_too_long_ago_or_ahead_is_refused(
    world: World, server: LiveServer, offset: int
) -> None:
    kiosk = world.kiosk("K1")
    answer = call(server, kiosk.identity, "K1", "GET", "/v1/status", created=int(time.time()) + offset)
    assert answer.status == 401
    refusal = problem(answer)
    assert refusal["code"] == "registry_service.signature_expired"
    assert isinstance(refusal["params"], dict) and refusal["params"]["window"] == 300
    assert "set the kiosk's clock right" in str(refusal["message"])


@SQLITE_ONLY
def test_an_oversized_upload_is_refused_with_413(world: World) -> None:
    kiosk = world.kiosk("K1")
    path = world.bundle(kiosk, [attempt("K1-A1")])
    size = len(path.read_bytes())
    settings = ServiceSettings(world.ctx.directory, max_body_bytes=size - 1)
    with live_registry(world.ctx, settings, now=real_now) as server:
        answer = upload(server, kiosk, path)
        assert answer.status == 413
        assert problem(answer)["params"] == {"limit": size - 1}
        # The registry is still there for the next request.
        assert call(server, kiosk.identity, "K1", "GET", "/v1/status").status == 200
    assert rows(world)["bundles"] == 0


@SQLITE_ONLY
def test_a_body_that_does_not_match_its_digest_is_refused(world: World, server: LiveServer) -> None:
    kiosk = world.kiosk("K1")
    data = world.bundle(kiosk, [attempt("K1-A1")]).read_bytes()
    path = "/v1/bundles/K1-000001"
    digest = content_digest(data[:-1])
    signed = sign_request(kiosk.identity, "K1", "PUT", path, digest, int(time.time()))
    answer = call(
        server, kiosk.identity, "K1", "PUT", path, data, signed=signed, headers={"Content-Digest": digest}
    )
    assert (answer.status, problem(answer)["code"]) == (400, "registry_service.digest_mismatch")
    assert rows(world)["bundles"] == 0


@SQLITE_ONLY
def test_a_kiosk_sends_only_its_own_bundles_under_their_own_ids(world: World, server: LiveServer) -> None:
    one, two = world.kiosk("K1"), world.kiosk("K2")
    data = world.bundle(one, [attempt("K1-A1")]).read_bytes()
    answer = call(server, two.identity, "K2", "PUT", "/v1/bundles/K1-000001", data)
    assert answer.status == 403
    assert problem(answer)["params"] == {"bundle_id": "K1-000001", "owner": "K1", "kiosk_id": "K2"}
    answer = call(server, one.identity, "K1", "PUT", "/v1/bundles/K1-000002", data)
    assert answer.status == 400
    assert problem(answer)["params"] == {"bundle_id": "K1-000002", "found": "K1-000001"}
    assert rows(world)["bundles"] == 0


def test_a_kiosk_reads_its_receipts_and_what_the_registry_holds(world: World, server: LiveServer) -> None:
    one, two = world.kiosk("K1"), world.kiosk("K2")
    first = upload(server, one, world.bundle(one, [attempt("K1-A1")]))
    assert upload(server, one, world.bundle(one, [attempt("K1-A3")], sequence=3)).status == 201

    listed = call(server, one.identity, "K1", "GET", "/v1/receipts")
    assert listed.status == 200
    bundles = json.loads(listed.body)["bundles"]
    assert [(held["bundle_id"], held["sequence"], held["acknowledged"]) for held in bundles] == [
        ("K1-000001", 1, 1),
        ("K1-000003", 3, 1),
    ]
    receipt = call(server, one.identity, "K1", "GET", "/v1/receipts/K1-000001")
    assert (receipt.status, receipt.body) == (200, first.body)
    hidden = call(server, two.identity, "K2", "GET", "/v1/receipts/K1-000001")
    assert (hidden.status, problem(hidden)["code"]) == (404, "registry_service.bundle_not_held")

    status = json.loads(call(server, one.identity, "K1", "GET", "/v1/status").body)
    assert status["registry_key_id"] == world.ctx.identity.key_id
    assert (status["kiosk_id"], status["bundles_held"], status["newest_sequence"]) == ("K1", 2, 3)
    assert status["missing_sequences"] == [2]


@SQLITE_ONLY
def test_bank_packages_download_and_resume_with_range(world: World, tmp_path: Path) -> None:
    kiosk = world.kiosk("K1")
    banks = tmp_path / "banks"
    banks.mkdir()
    package = bytes(range(256)) * 40
    (banks / "maintenance-2-v1.1xbank").write_bytes(package)
    (banks / "notes.txt").write_text("not offered")
    with live_registry(
        world.ctx, ServiceSettings(world.ctx.directory, packages=banks), now=real_now
    ) as server:
        listed = json.loads(call(server, kiosk.identity, "K1", "GET", "/v1/banks").body)
        assert [(item["name"], item["size"]) for item in listed["packages"]] == [
            ("maintenance-2-v1.1xbank", len(package))
        ]
        whole = call(server, kiosk.identity, "K1", "GET", "/v1/banks/maintenance-2-v1.1xbank")
        assert (whole.status, whole.body, whole.headers["accept-ranges"]) == (200, package, "bytes")
        rest = call(
            server,
            kiosk.identity,
            "K1",
            "GET",
            "/v1/banks/maintenance-2-v1.1xbank",
            headers={"Range": "bytes=4000-"},
        )
        assert (rest.status, rest.body) == (206, package[4000:])
        assert rest.headers["content-range"] == f"bytes 4000-{len(package) - 1}/{len(package)}"
        past = call(
            server,
            kiosk.identity,
            "K1",
            "GET",
            "/v1/banks/maintenance-2-v1.1xbank",
            headers={"Range": f"bytes={len(package)}-"},
        )
        assert past.status == 416
        for name in ("notes.txt", "absent.1xbank"):
            missing = call(server, kiosk.identity, "K1", "GET", f"/v1/banks/{name}")
            assert (missing.status, problem(missing)["params"]) == (404, {"name": name})
        stranger = generate_identity(KeyKind.KIOSK, "K9")
        assert call(server, stranger, "K9", "GET", "/v1/banks/maintenance-2-v1.1xbank").status == 401


def test_uploads_at_once_import_each_bundle_once(world: World, server: LiveServer) -> None:
    kiosks = [world.kiosk(f"K{number}") for number in range(1, 4)]
    paths = [(kiosk, world.bundle(kiosk, [attempt(f"{kiosk.kiosk_id}-A1")])) for kiosk in kiosks]
    answers: list[tuple[str, int, bytes]] = []
    lock = threading.Lock()

    def send(kiosk: Kiosk, path: Path) -> None:
        answer = upload(server, kiosk, path)
        with lock:
            answers.append((kiosk.kiosk_id, answer.status, answer.body))

    threads = [threading.Thread(target=send, args=pair) for pair in paths * 3]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert len(answers) == 9
    for kiosk in kiosks:
        mine = [(status, body) for kiosk_id, status, body in answers if kiosk_id == kiosk.kiosk_id]
        assert sorted(status for status, _ in mine) == [200, 200, 201]
        assert len({body for _, body in mine}) == 1
    counted = rows(world)
    assert (counted["bundles"], counted["attempts"]) == (3, 3)
    with world.ctx.database.session() as session:
        held = find_bundle(session, "K2-000001")
    assert held is not None and held.outcome == "imported"
