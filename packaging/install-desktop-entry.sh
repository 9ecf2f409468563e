#!/bin/sh
# Adds Technomagic of Impressions to your desktop's application menu (this user only).
# The entry names this folder, wherever it is: its path is quoted for Exec (a space, a quote or a $ in it is
# fine), as the Desktop Entry specification asks.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
target="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
mkdir -p "$target"
# Exec: the program in double quotes, each \ " ` $ escaped with \; then, as in every value, each \ doubled.
program=$(printf '%s\n' "$here/technomagic" | sed -e 's/[\\"`$]/\\&/g' -e 's/\\/\\\\/g')
icon=$(printf '%s\n' "$here/technomagic.svg" | sed -e 's/\\/\\\\/g')
PROGRAM="$program" ICON="$icon" awk '
    /^Exec=/ { print "Exec=\"" ENVIRON["PROGRAM"] "\""; next }
    /^Icon=/ { print "Icon=" ENVIRON["ICON"]; next }
    { print }
' "$here/technomagic.desktop" > "$target/technomagic.desktop.tmp"
mv "$target/technomagic.desktop.tmp" "$target/technomagic.desktop"
echo "Added to the application menu: $target/technomagic.desktop"
