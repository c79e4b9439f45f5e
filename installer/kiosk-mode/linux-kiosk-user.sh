#!/bin/sh
# Set up a dedicated user whose session runs only the kiosk (Debian/Ubuntu lab PCs).
#
#     sudo /usr/share/onex-kiosk/kiosk-user.sh exam             # the user and its data folder
#     sudo /usr/share/onex-kiosk/kiosk-user.sh exam --autostart # and a session on tty1 with only the kiosk
#
# The user has no password and no sudo. Its data folder is /var/lib/onex-kiosk/data (owned by it, 0700),
# on the PC's disk. With --autostart, a systemd service logs the user in on tty1 and runs the kiosk full
# screen inside cage, a Wayland compositor that shows one program and nothing else (no panel, no other
# windows, no task switcher); other text consoles are masked and the SysRq key is turned off. Run the
# administrator console as that user, so it opens the same data: sudo -u exam onex-kiosk admin
set -eu

NAME="${1:-}"
AUTOSTART="${2:-}"
if [ -z "$NAME" ] || [ "$(id -u)" != 0 ]; then
    echo "usage (as root): $0 USER [--autostart]" >&2
    exit 2
fi
HOME_DIR=/var/lib/onex-kiosk
DATA_DIR="$HOME_DIR/data"

if ! id "$NAME" >/dev/null 2>&1; then
    useradd --system --create-home --home-dir "$HOME_DIR" --shell /bin/sh --comment "1+X exam kiosk" "$NAME"
    passwd --lock "$NAME" >/dev/null
fi
install -d -m 0700 -o "$NAME" -g "$(id -gn "$NAME")" "$HOME_DIR" "$DATA_DIR"
# Every login of this user (and the console run as it) uses the same data folder.
PROFILE="$HOME_DIR/.profile"
if ! grep -q KIOSK_DATA_DIR "$PROFILE" 2>/dev/null; then
    echo "export KIOSK_DATA_DIR=$DATA_DIR" >> "$PROFILE"
    chown "$NAME" "$PROFILE"
fi
echo "User $NAME keeps the kiosk's data in $DATA_DIR."

if [ "$AUTOSTART" != "--autostart" ]; then
    exit 0
fi
if ! command -v cage >/dev/null 2>&1; then
    echo "cage is not installed: apt-get install cage, then run this again with --autostart." >&2
    exit 1
fi
cat > /etc/systemd/system/onex-kiosk-session.service <<UNIT
[Unit]
Description=1+X exam kiosk session for $NAME on tty1
After=systemd-user-sessions.service plymouth-quit-wait.service
Conflicts=getty@tty1.service

[Service]
User=$NAME
PAMName=login
TTYPath=/dev/tty1
StandardInput=tty
Environment=KIOSK_DATA_DIR=$DATA_DIR
# cage without -s refuses switching to another virtual terminal.
ExecStart=/usr/bin/cage -- /usr/bin/onex-kiosk run
Restart=always
RestartSec=2

[Install]
WantedBy=graphical.target
UNIT
# No other text consoles to switch to, and no magic SysRq keys.
for tty in 2 3 4 5 6; do
    systemctl mask "getty@tty$tty.service" >/dev/null 2>&1 || true
done
echo "kernel.sysrq = 0" > /etc/sysctl.d/90-onex-kiosk.conf
sysctl -q -p /etc/sysctl.d/90-onex-kiosk.conf || true
systemctl daemon-reload
systemctl disable getty@tty1.service >/dev/null 2>&1 || true
systemctl enable onex-kiosk-session.service
systemctl set-default graphical.target >/dev/null
echo "At the next start this PC runs only the kiosk on tty1. To undo: systemctl disable onex-kiosk-session"
