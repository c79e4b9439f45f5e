#!/usr/bin/env bash
# Install the .deb on this machine, make a demo centre, start the kiosk under Xvfb, open a sitting as an
# invigilator would and reach the candidates' login screen, screenshot it, start the console, run the
# pre-exam lab check, then remove the package and check the data was kept. Needs root (dpkg, apt-get).
#
#     sudo installer/smoke_deb.sh build/installer/onex-kiosk_0.1.0_amd64.deb [SCREENSHOT_DIR]
set -euo pipefail

DEB="$(realpath "$1")"
SHOTS="$(realpath -m "${2:-$(dirname "$DEB")/smoke}")"
started=$(date +%s)
mkdir -p "$SHOTS"
WORK="$(mktemp -d)"
export KIOSK_DATA_DIR="$WORK/data"
cleanup() {
    dpkg -r onex-kiosk >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

echo "== install with dpkg (apt-get brings the libraries and the CJK font it depends on)"
if ! dpkg -i "$DEB" >/dev/null 2>&1; then
    apt-get install -y -q -f >/dev/null
fi
dpkg -s onex-kiosk | grep -E '^(Status|Version):'
command -v xvfb-run >/dev/null || apt-get install -y -q xvfb xauth >/dev/null

echo "== a demo centre in $KIOSK_DATA_DIR"
onex-kiosk demo --no-window > "$WORK/demo.txt"
PIN="$(sed -n 's/^Invigilator: .*, PIN \([0-9]*\)$/\1/p' "$WORK/demo.txt")"
CODE="$(sed -n 's/^  Demo: [^:]*: //p' "$WORK/demo.txt" | head -n 1)"
test -n "$PIN" && test -n "$CODE"

XVFB=(xvfb-run -a -s "-screen 0 1366x768x24")
echo "== the kiosk under Xvfb: its first screen"
"${XVFB[@]}" onex-kiosk run --self-test "$SHOTS/kiosk-idle.png" | tee "$WORK/idle.json"
grep -q '"screen": "idle"' "$WORK/idle.json"

echo "== the lab check (screen and fonts from Qt under Xvfb)"
set +e
"${XVFB[@]}" onex-kiosk check | tee "$WORK/check.txt"
check_status=${PIPESTATUS[0]}
set -e
echo "kiosk check exit code: $check_status"

echo "== unlock the first sitting and reach the candidates' login screen"
if [ "$check_status" != 0 ]; then
    # A failed line blocks unlocking; the smoke test then does what an invigilator would: overrides it.
    SMOKE_PIN="$PIN" onex-kiosk check --allow-sitting 1 --pin-env SMOKE_PIN --reason "package smoke test"
fi
KIOSK_SELF_TEST_UNLOCK="1:$PIN:$CODE" "${XVFB[@]}" onex-kiosk run --self-test "$SHOTS/kiosk-login.png" \
    | tee "$WORK/login.json"
grep -q '"screen": "login"' "$WORK/login.json"
grep -q '"login_field_visible": true' "$WORK/login.json"
test "$(stat -c %s "$SHOTS/kiosk-login.png")" -gt 10000

echo "== the administrator console starts and stays up"
set +e
"${XVFB[@]}" timeout 15 onex-kiosk admin > "$WORK/admin.log" 2>&1
admin_status=$?
set -e
# 124: still running when timeout stopped it, as a console should be.
if [ "$admin_status" != 124 ]; then
    cat "$WORK/admin.log"
    echo "the console exited by itself ($admin_status)" >&2
    exit 1
fi

echo "== remove: the program goes, the data stays"
dpkg -r onex-kiosk >/dev/null
test ! -e /opt/onex-kiosk/onex-kiosk
test -f "$KIOSK_DATA_DIR/kiosk.db"

finished=$(date +%s)
echo "smoke test passed in $((finished - started)) s; screenshots in $SHOTS"
