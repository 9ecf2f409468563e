#!/usr/bin/env bash
# Set up and run Technomagic of Impressions from a fresh clone.
#   bash run.sh          install into .venv and start the game
#   bash run.sh test     install with the test tools and run ruff, mypy and the tests
# On Debian/Ubuntu it installs the few system libraries Qt needs (with apt-get, as root or through sudo).
set -euo pipefail
cd "$(dirname "$0")"
mode=${1:-play}
shift || true

need_libs=(libegl1 libgl1 libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3 python3-venv)
# The tests drive real parts: Chromium through chromedriver (the phone page), a PostgreSQL server (the team
# library), poppler (PDF pages to images), headless LibreOffice (spreadsheets as a user's office opens them),
# desktop-file-utils (the menu entry, as desktops read it) and ICU's tools with binutils and gcc (the release build
# trims Qt's ICU data: tools/trim_icu.py).
[ "$mode" = test ] && need_libs+=(chromium chromium-driver postgresql poppler-utils libreoffice-calc-nogui
  desktop-file-utils icu-devtools binutils gcc)
[ "$mode" = play ] && need_libs+=(libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
  libxcb-image0 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xfixes0)
if command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  missing=()
  for pkg in "${need_libs[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "Installing system libraries Qt needs: ${missing[*]}"
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11 or newer is needed"; exit 1; }
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
case "$mode" in
  play)
    .venv/bin/python -m pip install -q -e .
    exec .venv/bin/technomagic "$@"
    ;;
  test)
    .venv/bin/python -m pip install -q -e ".[test]"
    .venv/bin/ruff check .
    .venv/bin/mypy  # strict, on the packages pyproject's [tool.mypy] lists
    QT_QPA_PLATFORM=offscreen exec .venv/bin/python -m pytest "$@"
    ;;
  *)
    echo "usage: bash run.sh [play|test] [args...]"; exit 2
    ;;
esac
