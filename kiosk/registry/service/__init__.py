"""The registry as an HTTPS service (``kiosk registry serve``): kiosks upload bundles and fetch receipts.

:mod:`~kiosk.registry.service.app` is the Starlette application, importing with the same service as the
CLI (:func:`kiosk.registry.services.imports.import_file`); :mod:`~kiosk.registry.service.auth` checks the
kiosks' request signatures; :mod:`~kiosk.registry.service.link` makes the certificate kiosks pin and the
link file that carries it to them; :mod:`~kiosk.registry.service.server` runs it all on uvicorn.
"""
