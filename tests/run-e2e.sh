#!/bin/sh
# End-to-end tests: the rapporteur program on real files, asserting on what users get.
# Run by `make check`; RAPPORTEUR is the program, UPDATE=1 rewrites expectations.
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
: "${RAPPORTEUR:=$top/build/rapporteur}"
export RAPPORTEUR
export RAPPORTEUR_DATA_DIR="$top"
export SOURCE_DATE_EPOCH=1700000000
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
passes=0

pass() { passes=$((passes + 1)); }
fail() { failures=$((failures + 1)); echo "FAIL: $*"; }

for suite in "$here"/e2e/[0-9]*.sh; do
    name=$(basename "$suite" .sh)
    out="$work/$name"
    mkdir -p "$out"
    if WORK="$out" TOP="$top" sh "$suite" > "$out.log" 2>&1; then
        pass
        echo "ok   $name ($(grep -c '^ok ' "$out.log" || true) checks)"
    else
        fail "$name"
        cat "$out.log"
    fi
done
echo "e2e: $passes suites passed, $failures failed"
[ "$failures" -eq 0 ]
