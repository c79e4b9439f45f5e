"""Security layer: the only importer of ``cryptography``.

keys (identities and key files), packages (signed, encrypted bank packages), bundles (signed, encrypted
result bundles), secrets (PIN and access-code hashes), records (signed tokens for receipts and slips).
Every failure is a :class:`kiosk.domain.errors.SecurityError` carrying one sentence a person can act on.
"""
