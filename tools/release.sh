#!/usr/bin/env bash
# Build the one-folder app, prove it works, and pack it:  bash tools/release.sh
# Leaves dist/technomagic/ and dist/technomagic-VERSION-OS-ARCH.tar.gz. Needs .venv (bash run.sh test makes it).
set -euo pipefail
cd "$(dirname "$0")/.."
py=.venv/bin/python
$py -m pip install -q -e ".[package]"
$py -m PyInstaller --noconfirm --log-level WARN build.spec
app=dist/technomagic
# Qt's ICU data holds every locale of the world (31 MB); the game needs root, Russian and English (tools/trim_icu.py).
for icu in "$app"/_internal/PySide6/Qt/lib/libicudata.so.*; do $py tools/trim_icu.py "$icu"; done
cp packaging/technomagic.desktop packaging/install-desktop-entry.sh assets/icon.svg "$app/"
mv "$app/icon.svg" "$app/technomagic.svg"
chmod +x "$app/install-desktop-entry.sh"
# The frozen app plays a whole round offscreen: a missing data file or hidden import fails here, not on a laptop.
QT_QPA_PLATFORM=offscreen "$app/technomagic" self-test
"$app/technomagic" --version
$py tools/bundle.py "$app"
version=$($py -c "import game; print(game.__version__)")
archive="dist/technomagic-$version-$(uname -s | tr 'A-Z' 'a-z')-$(uname -m).tar.gz"
tar -C dist -czf "$archive" technomagic
echo "release: $archive ($(du -h "$archive" | cut -f1))"
