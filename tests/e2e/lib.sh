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

# --- Helpers of the suites 20-70 -------------------------------------------------------
# assert_eq GOT EXPECTED DESCRIPTION
assert_eq() {
    if [ "$1" = "$2" ]; then ok "$3"; else not_ok "$3: got '$1', expected '$2'"; fi
}
# xq FILE EXPR: an XPath 1.0 expression over an XML file such as a record. Records have
# a default namespace: match elements with E (below) or local-name().
xq() { xmllint --xpath "$2" "$1" 2>/dev/null; }
# E NAME: a name test for the element NAME in any namespace, for xq expressions
E() { printf "*[local-name()='%s']" "$1"; }
# xlit TEXT: TEXT as an XPath string literal
xlit() {
    case $1 in *\'*) printf '"%s"' "$1" ;; *) printf "'%s'" "$1" ;; esac
}
# xpath_lines FILE.html EXPR: the text of each node EXPR selects (attributes, text nodes or
# small elements without line breaks), one per line, whitespace normalized; one parse
xpath_lines() {
    xpath "$1" "$2" | sed -e 's/^ [A-Za-z_:][-A-Za-z0-9_:.]*="\(.*\)"$/\1/' -e 's/<[^>]*>//g' \
        -e 's/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&#39;/'"'"'/g; s/&amp;/\&/g' \
        -e 's/[[:space:]][[:space:]]*/ /g; s/^ //; s/ $//' | grep -v '^$'
}
# catalog LANG: the label catalog a report in LANG is labelled from (en.po when LANG has
# none); has_catalog LANG: whether LANG has a catalog of its own
has_catalog() { [ -f "$TOP/styles/catalogs/$1.po" ]; }
catalog() { if has_catalog "$1"; then echo "$TOP/styles/catalogs/$1.po"; else echo "$TOP/styles/catalogs/en.po"; fi; }
# msg LANG KEY: the text of label KEY (a msgctxt) in LANG's catalog; empty if none
msg() {
    awk -v k="msgctxt \"$2\"" '
        $0 == k { want = 1; next }
        want && /^msgstr "/ { s = $0; sub(/^msgstr "/, "", s); sub(/"$/, "", s); gsub(/\\"/, "\"", s); print s; exit }' \
        "$(catalog "$1")"
}
# fill TEMPLATE NAME VALUE...: TEMPLATE with every {NAME} replaced by VALUE
fill() {
    s=$1; shift
    while [ $# -ge 2 ]; do
        rest=$s; s=
        while :; do
            case $rest in
                *"{$1}"*) s=$s${rest%%"{$1}"*}$2; rest=${rest#*"{$1}"} ;;
                *) break ;;
            esac
        done
        s=$s$rest; shift 2
    done
    printf '%s\n' "$s"
}
# pick RECORD COPIES LANG: an XPath to the copy of a translatable field that a report in
# LANG shows (COPIES is an XPath to all its copies): the LANG copy, else the original,
# else the first (docs/record-spec.md, rule 2). Fails when the field has no copy.
pick() {
    for sel in "($2)[lang('$3')][1]" "($2)[not(@origin) or @origin='original'][1]" "($2)[1]"; do
        if [ "$(xq "$1" "count($sel)")" = 1 ]; then echo "$sel"; return 0; fi
    done
    return 1
}
# lang_of RECORD NODE: the language of a node of a record (own or inherited xml:lang)
lang_of() { xq "$1" "string(($2)/ancestor-or-self::*[@xml:lang][1]/@xml:lang)"; }
# text_of RECORD NODE: the whitespace-normalized string value of a node
text_of() { xq "$1" "normalize-space($2)"; }
# record_langs RECORD: the languages the record holds (of the report and of every copy
# of a field, not of inline spans), one per line
record_langs() {
    xq "$1" "/*/@xml:lang | //*[@xml:lang][not(ancestor::*[local-name()='p' or local-name()='item'])][local-name()!='resource']/@xml:lang" |
        sed 's/^ *xml:lang="\(.*\)"$/\1/' | sort -u
}
# role_ids RECORD [TYPE...]: the IDs the roles of those types (all if none) refer to,
# in order of first appearance
role_ids() {
    rec=$1; shift
    if [ $# -eq 0 ]; then cond="true()"; else
        cond="false()"; for t in "$@"; do cond="$cond or @type='$t'"; done
    fi
    n=$(xq "$rec" "count(//$(E role)[$cond])")
    i=1
    while [ "$i" -le "${n:-0}" ]; do
        xq "$rec" "string((//$(E role)[$cond])[$i]/@who)" | tr -s ' \t\n' '\n'; echo
        i=$((i + 1))
    done | awk 'NF && !seen[$0]++'
}
