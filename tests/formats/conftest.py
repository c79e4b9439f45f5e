"""Identities shared by the security tests; generating keys is cheap, so each test session makes its own."""

from __future__ import annotations

import pytest

from kiosk.formats.keys import KeyKind, PrivateIdentity, generate_identity


@pytest.fixture(scope="session")
def awarding() -> PrivateIdentity:
    return generate_identity(KeyKind.AWARDING, "awarding-body")


@pytest.fixture(scope="session")
def kiosk() -> PrivateIdentity:
    return generate_identity(KeyKind.KIOSK, "lab-pc-07")


@pytest.fixture(scope="session")
def other_kiosk() -> PrivateIdentity:
    return generate_identity(KeyKind.KIOSK, "lab-pc-08")


@pytest.fixture(scope="session")
def registry() -> PrivateIdentity:
    return generate_identity(KeyKind.REGISTRY, "registry")


@pytest.fixture(scope="session")
def other_registry() -> PrivateIdentity:
    return generate_identity(KeyKind.REGISTRY, "registry-old")
