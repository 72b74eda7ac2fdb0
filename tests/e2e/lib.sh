# Shared helpers of the end-to-end suites (sourced). Each check prints "ok - what"
# or "not ok - what" with details; a suite exits 1 if any check failed.
n_failed=0
ok() { echo "ok - $*"; }
not_ok() { echo "not ok - $*"; n_failed=$((n_failed + 1)); }
check() { # check DESCRIPTION COMMAND...: ok if the command succeeds
    what=$1; shift
    if "$@" >/dev/null 2>&1; then ok "$what"; else not_ok "$what"; fi
}
finish() { [ "$n_failed" -eq 0 ] || { echo "$n_failed checks failed"; exit 1; }; exit 0; }

# xpath FILE.html EXPR: the string value of an XPath 1.0 expression over an HTML page,
# with the XHTML namespace bound to h (libxml2's HTML parser puts none, so plain names work).
xpath() { xmllint --html --xpath "$2" "$1" 2>/dev/null; }
# assert_xpath FILE EXPR EXPECTED DESCRIPTION
assert_xpath() {
    got=$(xpath "$1" "$2")
    if [ "$got" = "$3" ]; then ok "$4"; else not_ok "$4: $2 gave '$got', expected '$3'"; fi
}
# assert_contains FILE TEXT DESCRIPTION: TEXT occurs in the file (fixed string)
assert_contains() {
    if grep -qF -- "$2" "$1"; then ok "$3"; else not_ok "$3: '$2' not in $1"; fi
}
