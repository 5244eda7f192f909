#!/usr/bin/env bash
# Sportello: set up and run on a fresh machine.
#   ./dev.sh app [desk-app options]   install (once) and open the desk application on the embedded SQLite default
#   ./dev.sh test [pytest options]    install (once) with test tools and run the whole test suite
#   ./dev.sh admin [desk-admin args]  run the administration command line
#   ./dev.sh bundle [pyinstaller args] build the PyInstaller folder (dist/sportello: sportello and desk-admin)
# Everything goes into .venv beside this file; nothing is installed system-wide except, on Debian/Ubuntu as root,
# the few system libraries Qt needs (and LibreOffice/poppler for the document tests).
set -euo pipefail
cd "$(dirname "$0")"

PYTHON=${PYTHON:-python3}
VENV=.venv
QT_LIBS="libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libxcb-cursor0 libxcb-icccm4 \
libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 \
libpulse0"  # libpulse0: QtMultimedia (the board's chime) links libpulse.so.0
# chromium: the directory's public site checked in a real browser (tests/test_site.py); fonts-liberation: the one
# machine font that browser is given there (every other script must come from the site's own fonts).
TEST_LIBS="libreoffice-writer-nogui poppler-utils faketime chromium fonts-liberation"

apt_install() {
    # Install missing Debian packages when we can (root + apt); otherwise say what is missing and go on.
    command -v dpkg-query >/dev/null 2>&1 || return 0
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "dev.sh: installing system packages: ${missing[*]}"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
        echo "dev.sh: please install these system packages: ${missing[*]}" >&2
    fi
}

venv() {
    # $1: pip extra ("" or "test"). Re-installs only when pyproject.toml changed since the last install.
    local extra=$1 stamp="$VENV/.installed-$1"
    if [ ! -x "$VENV/bin/python" ]; then
        "$PYTHON" -m venv "$VENV"
        "$VENV/bin/python" -m pip install -q --upgrade pip
    fi
    if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
        echo "dev.sh: installing Sportello${extra:+ with $extra tools} into $VENV (first time: a few minutes)" >&2
        if ! "$VENV/bin/python" -m pip install -q -e ".${extra:+[$extra]}" > "$VENV/install.log" 2>&1; then
            cat "$VENV/install.log" >&2
            exit 1
        fi
        touch "$stamp"
    fi
    # The staff-interface catalogues (.qm) are build outputs: compile those older than their .ts sources.
    "$VENV/bin/python" scripts/build_translations.py --compile
}

cmd=${1:-app}
[ $# -gt 0 ] && shift
case "$cmd" in
    app)
        apt_install $QT_LIBS
        venv ""
        exec "$VENV/bin/desk-app" "$@"
        ;;
    admin)
        venv ""
        exec "$VENV/bin/desk-admin" "$@"
        ;;
    test)
        apt_install $QT_LIBS $TEST_LIBS
        venv test
        export QT_QPA_PLATFORM=offscreen
        exec "$VENV/bin/python" -m pytest -p no:cacheprovider "$@"
        ;;
    bundle)
        apt_install $QT_LIBS
        venv build
        exec "$VENV/bin/pyinstaller" --noconfirm --log-level WARN "$@" installer.spec
        ;;
    *)
        echo "usage: ./dev.sh app|test|admin|bundle [args]" >&2
        exit 2
        ;;
esac
