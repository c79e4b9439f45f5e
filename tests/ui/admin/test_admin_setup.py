"""First-run set-up in the console, with no command line: a new PC becomes a kiosk of a centre (keys trusted,
enrolment file written, recovery code shown once), a new folder becomes a registry (SQLite or PostgreSQL,
connection tested, public key shown and exported), and each then opens on the console's usual pages."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.formats.enrolment import ENROLMENT_SUFFIX, read_enrolment
from kiosk.formats.keys import KeyKind, load_public
from kiosk.formats.secrets import HashCost
from kiosk.station.services import kiosk_setup, recovery
from kiosk.station.services.context import open_context
from kiosk.station.services.kiosk_setup import kiosk_info
from kiosk.ui.admin.launch import open_admin
from kiosk.ui.admin.setup.centre import CentreSetupPage
from kiosk.ui.admin.setup.registry import DATABASE_URL_FILE, RegistrySetupPage, saved_database_url
from kiosk.ui.admin.window import AdminWindow
from tests.fixtures.registry import PG_ENV, postgres_schema_url
from tests.ui.admin.admin_helpers import ScriptedChooser, answer_prompt, click, settle, type_into


def nav_labels(window: AdminWindow) -> list[str]:
    return [window.nav.item(index).text() for index in range(window.nav.count())]


def test_a_new_pc_is_set_up_in_the_console(
    qtbot: QtBot, tmp_path: Path, awarding_pub: Path, registry_pub: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    data = tmp_path / "data"
    with open_admin(data, offer_setup=True) as window:
        settle(qtbot, window)
        page = window.current_page
        assert isinstance(page, CentreSetupPage)
        assert nav_labels(window) == ["Set up this PC"]
        assert "not set up as a kiosk yet" in window.subtitle_label.text()
        type_into(qtbot, page.centre, "CZVTC Lusaka")
        type_into(qtbot, page.kiosk, "Lab 2 PC 14")
        type_into(qtbot, page.awarding_key.edit, str(awarding_pub))
        # The registry's key is chosen with the Browse button, from the USB stick.
        window.tools.chooser = chooser = ScriptedChooser()
        chooser.answers = [registry_pub, usb]
        click(qtbot, page.registry_key.browse)
        click(qtbot, page.enrolment_folder.browse)
        assert page.registry_key.path() == registry_pub and page.enrolment_folder.path() == usb
        click(qtbot, page.setup_button)
        said = answer_prompt(qtbot, window)
        assert said.startswith("This PC is set up\nThis PC is now kiosk ")
        assert "('Lab 2 PC 14' at CZVTC Lusaka)" in said
        assert said.count("Trusted key ") == 2
        assert "Recovery code (shown only now" in said
        # The set-up page gives way to the centre console, the lab check among its pages.
        qtbot.waitUntil(lambda: "Roster import" in nav_labels(window))
        settle(qtbot, window)
        labels = nav_labels(window)
        assert labels[0] == "Roster import" and labels[-1] == "Lab check"
        assert "CZVTC Lusaka · kiosk Lab 2 PC 14" in window.subtitle_label.text()
    [enrolment] = usb.glob(f"*{ENROLMENT_SUFFIX}")
    assert read_enrolment(enrolment).centre == "CZVTC Lusaka"
    ctx = open_context(data)
    try:
        info = kiosk_info(ctx)
        assert info is not None and info.kiosk_name == "Lab 2 PC 14"
        assert len(list(ctx.trust_dir.glob("*.pub"))) == 2
    finally:
        ctx.close()


def test_a_lost_kiosk_is_brought_back_on_a_new_pc_in_the_console(qtbot: QtBot, tmp_path: Path) -> None:
    old = open_context(tmp_path / "old-pc", hash_cost=HashCost.TEST)
    try:
        kiosk_setup.init_kiosk(old, "CZVTC Lusaka", "Lab 2 PC 14")
        info = kiosk_info(old)
        assert info is not None
        old_id = info.kiosk_id
        backup = recovery.backup_kiosk(old, tmp_path, b"a long passphrase here").folder
    finally:
        old.close()
    data = tmp_path / "new-pc"
    with open_admin(data, offer_setup=True) as window:
        settle(qtbot, window)
        page = window.current_page
        assert isinstance(page, CentreSetupPage)
        window.tools.chooser = chooser = ScriptedChooser()
        chooser.answers = [backup]
        click(qtbot, page.backup_folder.browse)
        type_into(qtbot, page.passphrase, "not the passphrase")
        click(qtbot, page.restore_button)
        said = answer_prompt(qtbot, window)
        assert said.startswith("The kiosk was not restored")
        type_into(qtbot, page.passphrase, "a long passphrase here")
        click(qtbot, page.restore_button)
        said = answer_prompt(qtbot, window)
        assert said.startswith(f"The kiosk is restored\nKiosk {old_id} is back on this PC as {old_id}.R")
        qtbot.waitUntil(lambda: "Roster import" in nav_labels(window))
    context = open_context(data, hash_cost=HashCost.TEST)
    try:
        restored = kiosk_info(context)
        assert restored is not None and restored.kiosk_id.startswith(f"{old_id}.R")
    finally:
        context.close()


def test_a_wrong_key_file_leaves_the_pc_as_it_was(qtbot: QtBot, tmp_path: Path) -> None:
    data = tmp_path / "data"
    with open_admin(data, offer_setup=True) as window:
        settle(qtbot, window)
        page = window.current_page
        assert isinstance(page, CentreSetupPage)
        type_into(qtbot, page.centre, "CZVTC Lusaka")
        type_into(qtbot, page.kiosk, "Lab 2 PC 14")
        type_into(qtbot, page.awarding_key.edit, str(tmp_path / "missing.pub"))
        click(qtbot, page.setup_button)
        said = answer_prompt(qtbot, window)
        assert said.startswith("This PC was not set up\n")
        assert "missing.pub" in said
        assert nav_labels(window) == ["Set up this PC"]
    ctx = open_context(data)
    try:
        assert kiosk_info(ctx) is None
    finally:
        ctx.close()


def test_a_new_registry_is_set_up_on_sqlite_and_its_key_exported(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "registry"
    exported = tmp_path / "usb" / "registry.pub"
    exported.parent.mkdir()
    with open_admin(tmp_path / "data", registry_dir=folder, offer_setup=True) as window:
        settle(qtbot, window)
        page = window.current_page
        assert isinstance(page, RegistrySetupPage)
        assert nav_labels(window) == ["Set up the registry"]
        assert page.sqlite.isChecked() and not page.url.isEnabled()
        click(qtbot, page.test_button)
        settle(qtbot, window)
        assert page.status.text.startswith("The database sqlite:///")
        click(qtbot, page.setup_button)
        settle(qtbot, window)
        assert page.key_panel.isVisible() and not page.setup_button.isEnabled()
        key = page.key_panel.key
        assert key is not None and key.kind is KeyKind.REGISTRY
        assert key.key_id in page.key_panel.details.text()
        window.tools.chooser = chooser = ScriptedChooser()
        chooser.answers = [exported]
        click(qtbot, page.key_panel.export_button)
        settle(qtbot, window)
        assert load_public(exported).key_id == key.key_id
        assert oct(exported.stat().st_mode & 0o777) == "0o644"
        click(qtbot, page.open_button)
        qtbot.waitUntil(lambda: "Kiosks" in nav_labels(window))
        settle(qtbot, window)
        assert nav_labels(window)[-1] == "Registry key"
        assert window.title_label.text() == "Results registry"
    assert saved_database_url(folder) is None
    assert (folder / "registry.db").exists()


def test_an_unreachable_postgresql_server_is_told_and_nothing_is_made(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "registry"
    with open_admin(tmp_path / "data", registry_dir=folder, offer_setup=True) as window:
        settle(qtbot, window)
        page = window.current_page
        assert isinstance(page, RegistrySetupPage)
        page.postgres.click()
        assert page.url.isEnabled() and not page.test_button.isEnabled()
        type_into(qtbot, page.url, "postgresql+psycopg://clerk:secret@127.0.0.1:1/registry")
        click(qtbot, page.test_button)
        said = answer_prompt(qtbot, window)
        assert said.startswith("The database cannot be used\nThe registry database ")
        assert "secret" not in said
        click(qtbot, page.setup_button)
        said = answer_prompt(qtbot, window)
        assert said.startswith("The registry was not set up\n")
        assert page.key_panel.key is None
    assert not (folder / "keys").exists() or not list((folder / "keys").glob("*.key"))


@pytest.mark.postgres
def test_a_new_registry_is_set_up_on_postgresql(qtbot: QtBot, tmp_path: Path) -> None:
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"{PG_ENV} is not set")
    folder = tmp_path / "registry"
    with (
        postgres_schema_url(base) as url,
        open_admin(tmp_path / "data", registry_dir=folder, offer_setup=True) as window,
    ):
        settle(qtbot, window)
        page = window.current_page
        assert isinstance(page, RegistrySetupPage)
        page.postgres.click()
        type_into(qtbot, page.url, url)
        click(qtbot, page.test_button)
        settle(qtbot, window)
        assert page.status.text.startswith("The database postgresql+psycopg://")
        click(qtbot, page.setup_button)
        settle(qtbot, window)
        click(qtbot, page.open_button)
        qtbot.waitUntil(lambda: "Kiosks" in nav_labels(window))
        settle(qtbot, window)
        assert "postgresql" in window.subtitle_label.text()
        # The address is kept in the registry folder, readable by its owner only.
        assert saved_database_url(folder) == url
        assert oct((folder / DATABASE_URL_FILE).stat().st_mode & 0o777) == "0o600"
        with open_admin(tmp_path / "data", registry_dir=folder, offer_setup=True) as again:
            settle(qtbot, again)
            assert "postgresql" in again.subtitle_label.text()


def test_a_database_address_given_at_start_is_offered(qtbot: QtBot, tmp_path: Path) -> None:
    url = "postgresql+psycopg://clerk@127.0.0.1:1/registry"
    with open_admin(
        tmp_path / "data", registry_dir=tmp_path / "new", database_url=url, offer_setup=True
    ) as window:
        settle(qtbot, window)
        page = window.current_page
        assert isinstance(page, RegistrySetupPage)
        assert page.postgres.isChecked() and page.url.text() == url and page.test_button.isEnabled()
