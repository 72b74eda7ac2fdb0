#!/bin/sh
# Every validation rule has failing records in tests/cases/check/: `rapporteur check`
# must print exactly the .expected diagnostics (file:line:col, message, rule) and exit
# 1 when they hold an error, 0 otherwise. UPDATE=1 rewrites the .expected files.
. "$(dirname "$0")/lib.sh"
cd "$TOP" || exit 1
for case in tests/cases/check/*.xml; do
    expected="${case%.xml}.expected"
    actual="$WORK/$(basename "$case").err"
    "$RAPPORTEUR" check "$case" 2> "$actual" >/dev/null
    rc=$?
    if [ "${UPDATE:-}" = 1 ]; then cp "$actual" "$expected"; fi
    want_rc=0
    grep -q ': error: ' "$expected" 2>/dev/null && want_rc=1
    if [ ! -f "$expected" ]; then
        not_ok "$case has no .expected file"
    elif ! diff -u "$expected" "$actual" > "$WORK/diff" 2>&1; then
        not_ok "$case: diagnostics differ"; cat "$WORK/diff"
    elif [ "$rc" -ne "$want_rc" ]; then
        not_ok "$case: exit $rc, expected $want_rc"
    else
        ok "$case"
    fi
done
finish
