#!/bin/sh
# Adds Technomagic of Impressions to your desktop's application menu (this user only).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
target="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
mkdir -p "$target"
sed "s|@APPDIR@|$here|g" "$here/technomagic.desktop" > "$target/technomagic.desktop"
echo "Added to the application menu: $target/technomagic.desktop"
