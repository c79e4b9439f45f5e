#!/bin/sh
# /usr/bin/onex-kiosk: the kiosk program installed in /opt/onex-kiosk, with the machine's settings.
# /etc/onex-kiosk/environment may set KIOSK_DATA_DIR (a dedicated kiosk user keeps its data in
# /var/lib/onex-kiosk); without it each user's data lives in ~/.local/share/onex-kiosk.
if [ -r /etc/onex-kiosk/environment ]; then
    set -a
    . /etc/onex-kiosk/environment
    set +a
fi
exec /opt/onex-kiosk/onex-kiosk "$@"
