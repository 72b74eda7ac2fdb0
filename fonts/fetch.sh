#!/bin/sh
# Makes the fonts listed in fonts.list from Debian's packages into fonts/ and checks
# their SHA-256, so that every machine typesets with the same bytes (fonts/README.md).
# Usage: fetch.sh LIST DIR
set -eu
list=$1
dir=$2
here=$(cd "$(dirname "$0")" && pwd)
tab=$(printf '\t')
pids=""
grep -v '^#' "$list" | while IFS="$tab" read -r file package source sum how source_sum; do
    [ -n "$file" ] || continue
    target="$dir/$file"
    if [ -f "$target" ] && echo "$sum  $target" | sha256sum -c --status; then
        continue
    fi
    if [ ! -f "$source" ]; then
        echo "rapporteur: $source is missing; install the Debian package $package (make deps)" >&2
        exit 2
    fi
    if ! echo "$source_sum  $source" | sha256sum -c --status; then
        echo "rapporteur: $source differs from the version pinned in $list;" >&2
        echo "  PDFs would not be byte-identical with other machines. Install $package" >&2
        echo "  from Debian 12, or update $list deliberately." >&2
        exit 2
    fi
    case "$how" in
        copy) cp "$source" "$target.tmp" ;;
        cjk-sc)
            echo "rapporteur: deriving $file from $source (about a minute)" >&2
            /usr/bin/python3 "$here/derive-cjk.py" "$source" "$target.tmp" 2>/dev/null ;;
        *) echo "rapporteur: unknown way \"$how\" in $list" >&2; exit 2 ;;
    esac
    if ! echo "$sum  $target.tmp" | sha256sum -c --status; then
        echo "rapporteur: $file made from $source does not have the pinned SHA-256" >&2
        rm -f "$target.tmp"
        exit 2
    fi
    mv "$target.tmp" "$target"
done
