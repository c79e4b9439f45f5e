#!/usr/bin/env bash
# Build the kiosk as a one-folder program (PyInstaller, installer/kiosk.spec) and package it as a .deb.
#
#     installer/build_linux.sh            -> build/installer/onex-kiosk_<version>_<arch>.deb
#
# Environment: PYTHON (default python3, 3.11 or newer), OUT (default build/installer in the checkout).
# The build environment is a virtual environment that sees the calling Python's packages, so a machine
# with the kiosk's dependencies installed builds without fetching them; PyInstaller itself is installed
# into it from the package index. Prints the build time and the package's size at the end.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
OUT="${OUT:-$ROOT/build/installer}"
started=$(date +%s)

VERSION="$("$PYTHON" -c 'import sys, tomllib; print(tomllib.load(open(sys.argv[1], "rb"))["project"]["version"])' "$ROOT/pyproject.toml")"
ARCH="$(dpkg --print-architecture)"
DEPENDENCIES="$("$PYTHON" -c 'import sys, tomllib; print(" ".join(tomllib.load(open(sys.argv[1], "rb"))["project"]["dependencies"]))' "$ROOT/pyproject.toml")"

echo "== build environment in $OUT/venv"
mkdir -p "$OUT"
if [ ! -x "$OUT/venv/bin/python" ]; then
    "$PYTHON" -m venv --system-site-packages "$OUT/venv"
fi
VENV_PYTHON="$OUT/venv/bin/python"
# shellcheck disable=SC2086  # one argument per requirement
"$VENV_PYTHON" -m pip install --quiet --disable-pip-version-check "pyinstaller>=6.10" $DEPENDENCIES

echo "== one-folder program (PyInstaller)"
rm -rf "$OUT/dist" "$OUT/work"
"$VENV_PYTHON" -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$OUT/dist" --workpath "$OUT/work" "$ROOT/installer/kiosk.spec"
APP="$OUT/dist/onex-kiosk"
# The frozen program must at least start and find its own sample banks.
"$APP/onex-kiosk" --help > /dev/null
test -f "$APP/_internal/kiosk/sample_banks/maintenance-1/bank.yaml"
test -f "$APP/_internal/kiosk/ui/i18n/kiosk_zh_CN.qm"

echo "== Debian package"
STAGE="$OUT/deb/onex-kiosk_${VERSION}_${ARCH}"
rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
    "$STAGE/usr/share/icons/hicolor/scalable/apps" "$STAGE/usr/share/onex-kiosk" "$STAGE/etc/onex-kiosk" \
    "$STAGE/usr/share/doc/onex-kiosk"
cp -a "$APP" "$STAGE/opt/onex-kiosk"
LINUX="$ROOT/installer/linux"
install -m 0755 "$LINUX/onex-kiosk.sh" "$STAGE/usr/bin/onex-kiosk"
install -m 0644 "$LINUX/onex-kiosk.desktop" "$LINUX/onex-kiosk-console.desktop" "$STAGE/usr/share/applications/"
install -m 0644 "$LINUX/onex-kiosk.svg" "$STAGE/usr/share/icons/hicolor/scalable/apps/onex-kiosk.svg"
install -m 0644 "$LINUX/environment" "$STAGE/etc/onex-kiosk/environment"
install -m 0755 "$ROOT/installer/kiosk-mode/linux-kiosk-user.sh" "$STAGE/usr/share/onex-kiosk/kiosk-user.sh"
install -m 0644 "$ROOT/resources/os-kiosk-mode.md" "$STAGE/usr/share/doc/onex-kiosk/os-kiosk-mode.md"
install -m 0755 "$LINUX/postinst" "$LINUX/postrm" "$STAGE/DEBIAN/"
echo "/etc/onex-kiosk/environment" > "$STAGE/DEBIAN/conffiles"
SIZE_KB="$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)"
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@SIZE_KB@/$SIZE_KB/" "$LINUX/control.in" \
    > "$STAGE/DEBIAN/control"
DEB="$OUT/onex-kiosk_${VERSION}_${ARCH}.deb"
dpkg-deb --root-owner-group -Zxz --build "$STAGE" "$DEB" > /dev/null

finished=$(date +%s)
echo "built $DEB"
echo "build time: $((finished - started)) s"
echo "one-folder program: $(du -sh "$APP" | cut -f1); package: $(du -h "$DEB" | cut -f1) ($(stat -c %s "$DEB") bytes)"
