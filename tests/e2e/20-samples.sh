#!/bin/sh
# The sample records of inputs/ check clean, with exactly the warnings each one's top
# comment says it is meant to show; `rapporteur new` prints a record that checks clean;
# check handles a missing file (exit 2) and a directory (every record in it).
. "$(dirname "$0")/lib.sh"
cd "$TOP" || exit 1

# Samples whose comment does not state its intended warnings: the rules they must show,
# read off the record. igf2013-ws041 is a verbatim transcription: a <gap/> in agenda
# item 7, developing + developed + ldc = 20 + 45 + 5 = 70 against a total of 77, and a
# transcript resource without @href.
explicit_warnings() {
    case $1 in
        igf2013-ws041) echo "gap counts-development resource-href" ;;
        *) return 1 ;;
    esac
}

# rules FILE: the [rule] of every diagnostic line of FILE, sorted, one per line
rules() { sed -n 's/.*\[\([a-z0-9-]*\)\]$/\1/p' "$1" | sort; }

n_samples=0
for f in inputs/*.xml; do
    id=$(basename "$f" .xml)
    n_samples=$((n_samples + 1))
    err=$WORK/$id.err
    "$RAPPORTEUR" check "$f" > "$WORK/$id.out" 2> "$err"
    rc=$?
    if [ "$rc" -eq 0 ]; then ok "$f: check exits 0"; else not_ok "$f: check exits $rc"; cat "$err"; fi
    if grep -q ': error: ' "$err"; then not_ok "$f: check reports errors"; grep ': error: ' "$err"; else ok "$f: no errors"; fi
    # Every diagnostic is FILE:LINE:COL: warning: MESSAGE [rule], FILE as given.
    bad=$(grep -v -E "^$f:[0-9]+:[0-9]+: warning: .+ \[[a-z0-9-]+\]\$" "$err")
    if [ -z "$bad" ]; then ok "$f: diagnostics are FILE:LINE:COL: warning: MESSAGE [rule]"
    else not_ok "$f: malformed diagnostics"; printf '%s\n' "$bad"; fi

    # What the sample's top comment says it should show.
    comment=$(awk '/<!--/ { on = 1 } on { print } on && /-->/ { exit }' "$f" | tr '\n' ' ')
    case $comment in
        *"Intended warnings"*)
            intended=${comment#*Intended warnings}
            intended=${intended%%-->*}
            want_n=$(printf '%s' "$intended" | sed -n 's/^ *(\([0-9][0-9]*\)).*/\1/p')
            case $intended in
                *:\ none*|*:\ None*) want_rules= ; want_n=0 ;;
                *) want_rules=$(printf '%s' "$intended" | grep -o '\[[a-z0-9-]*\]' | tr -d '[]' | sort) ;;
            esac
            source="the comment"
            ;;
        *)
            if want_rules=$(explicit_warnings "$id"); then
                want_rules=$(printf '%s\n' $want_rules | sort); want_n=
                source="the list in this suite"
            else
                not_ok "$f: its comment states no intended warnings and this suite has no list for it"
                continue
            fi
            ;;
    esac
    got_rules=$(rules "$err")
    if [ "$got_rules" = "$want_rules" ]; then
        ok "$f: warnings are those of $source ($(echo $want_rules | sed 's/^$/none/'))"
    else
        not_ok "$f: warnings [$(echo $got_rules)], $source says [$(echo $want_rules)]"; cat "$err"
    fi
    got_n=$(grep -c ': warning: ' "$err")
    if [ -n "$want_n" ]; then
        assert_eq "$got_n" "$want_n" "$f: number of warnings is the comment's ($want_n)"
    fi
    # --werror turns exactly these warnings into a failure.
    "$RAPPORTEUR" check --werror "$f" > /dev/null 2>&1
    rc=$?
    if [ "$got_n" -gt 0 ]; then want_rc=1; else want_rc=0; fi
    assert_eq "$rc" "$want_rc" "$f: check --werror exits $want_rc"
done
check "inputs/ holds sample records" test "$n_samples" -ge 5

# rapporteur new: a skeleton that checks clean, without a single warning, and renders.
"$RAPPORTEUR" new > "$WORK/new.xml" 2> "$WORK/new.err"
assert_eq "$?" 0 "new exits 0"
check "new prints well-formed XML" xmllint --noout "$WORK/new.xml"
check "new prints nothing on stderr" test ! -s "$WORK/new.err"
assert_eq "$(xq "$WORK/new.xml" "namespace-uri(/*)")" "urn:rapporteur:report:1" "new prints a record in the record namespace"
"$RAPPORTEUR" check "$WORK/new.xml" > /dev/null 2> "$WORK/new-check.err"
assert_eq "$?" 0 "the record new prints checks with exit 0"
if [ -s "$WORK/new-check.err" ]; then not_ok "the record new prints checks clean"; cat "$WORK/new-check.err"
else ok "the record new prints checks clean (no diagnostics)"; fi
"$RAPPORTEUR" check --werror "$WORK/new.xml" > /dev/null 2>&1
assert_eq "$?" 0 "the record new prints passes check --werror"
"$RAPPORTEUR" render -f html -o "$WORK/new-out" "$WORK/new.xml" > /dev/null 2> "$WORK/new-render.err"
assert_eq "$?" 0 "the record new prints renders"
nid=$(xq "$WORK/new.xml" "string(/*/@id)")
nlang=$(xq "$WORK/new.xml" "string(/*/@xml:lang)")
check "the record new prints renders to $nid.$nlang.html" test -s "$WORK/new-out/$nid.$nlang.html"

# A missing file: exit 2 (environment error), and the message names it.
"$RAPPORTEUR" check "$WORK/no-such-record.xml" > /dev/null 2> "$WORK/missing.err"
assert_eq "$?" 2 "check of a missing file exits 2"
assert_contains "$WORK/missing.err" "no-such-record.xml" "check of a missing file names it"
"$RAPPORTEUR" check "$WORK/no-such-record.xml" inputs/igf2008-bp14.xml > /dev/null 2>&1
assert_eq "$?" 2 "check of a missing file among records still exits 2"

# A directory: every record in it, as if given one by one.
for f in inputs/*.xml; do "$RAPPORTEUR" check "$f" 2>&1 >/dev/null; done | sort > "$WORK/each.err"
"$RAPPORTEUR" check inputs > /dev/null 2> "$WORK/dir.err"
assert_eq "$?" 0 "check inputs (a directory) exits 0"
sort "$WORK/dir.err" > "$WORK/dir.sorted"
if cmp -s "$WORK/each.err" "$WORK/dir.sorted"; then
    ok "check inputs reports exactly the diagnostics of its records, one by one ($(wc -l < "$WORK/each.err") lines)"
else
    not_ok "check inputs differs from checking its records one by one"; diff "$WORK/each.err" "$WORK/dir.sorted"
fi
# A directory with an erroneous record: exit 1, and both records are reported.
mkdir -p "$WORK/corpus"
cp inputs/igf2014-ws203.xml "$WORK/corpus/"
sed -e 's/id="igf2013-ws041"/id="igf2013-ws041-broken"/' \
    -e 's|<count of="total">77</count>|<count of="total">seventy-seven</count>|' \
    inputs/igf2013-ws041.xml > "$WORK/corpus/broken.xml"
"$RAPPORTEUR" check "$WORK/corpus" > /dev/null 2> "$WORK/corpus.err"
assert_eq "$?" 1 "check of a directory holding a record with errors exits 1"
if grep -q "broken.xml:[0-9]*:[0-9]*: error: .*\[count-value\]" "$WORK/corpus.err"; then
    ok "check of a directory reports the error of the broken record"
else not_ok "check of a directory does not report the broken record's count-value error"; cat "$WORK/corpus.err"; fi
assert_eq "$(grep -c 'igf2014-ws203.xml:[0-9]*:[0-9]*: warning: ' "$WORK/corpus.err")" 2 \
    "check of a directory also reports the other record's two warnings"
finish
