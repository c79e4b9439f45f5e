"""The administrator console: a desktop window (not locked down) for the centre and for the registry.

The centre face imports the roster, keeps candidates, invigilators, banks and sittings, prints the
invigilation pack and exports result bundles; the registry face enrols kiosks, imports bundles and works
with results. Pages lay out widgets and forward intent; each page's presenter calls the services through
the shared task runner and shows failures as sentences through the one prompter.
"""
