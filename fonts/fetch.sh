#!/bin/sh
# Copies the fonts listed in fonts.list from Debian's packages into fonts/ and checks
# their SHA-256, so that every machine typesets with the same bytes (fonts/README.md).
# Usage: fetch.sh LIST DIR
set -eu
list=$1
dir=$2
status=0
grep -v '^#' "$list" | while IFS="$(printf '\t')" read -r file package source sum; do
    [ -n "$file" ] || continue
    target="$dir/$file"
    if [ -f "$target" ] && echo "$sum  $target" | sha256sum -c --status; then
        continue
    fi
    if [ ! -f "$source" ]; then
        echo "rapporteur: $source is missing; install the Debian package $package (make deps)" >&2
        exit 2
    fi
    if ! echo "$sum  $source" | sha256sum -c --status; then
        echo "rapporteur: $source differs from the version pinned in $list;" >&2
        echo "  PDFs would not be byte-identical with other machines. Install $package" >&2
        echo "  from Debian 12, or update $list deliberately." >&2
        exit 2
    fi
    cp "$source" "$target.tmp" && mv "$target.tmp" "$target"
done
