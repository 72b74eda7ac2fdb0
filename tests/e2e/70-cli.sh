#!/bin/sh
# The command line: help and version, usage errors (exit 2 with a hint), partial failures
# of render (a bad record among good ones), and outputs that cannot be written (exit 2,
# a clear message, no temporary files left behind).
. "$(dirname "$0")/lib.sh"
cd "$TOP" || exit 1
good=inputs/igf2008-bp14.xml
good_id=igf2008-bp14
other=inputs/igf2009-ws087.xml
other_id=igf2009-ws087

# run NAME ARGS...: runs the program, output in $WORK/NAME.out and .err, status in $rc
run() {
    name=$1; shift
    "$RAPPORTEUR" "$@" > "$WORK/$name.out" 2> "$WORK/$name.err"
    rc=$?
}
# no_crash NAME: the last run ended by exit, not by a signal, and said nothing of a crash
no_crash() {
    if [ "$rc" -lt 128 ] && ! grep -qiE 'segmentation|abort|assert|core dumped|CRITICAL' "$WORK/$1.err"; then
        ok "$1: no crash (exit $rc)"
    else not_ok "$1: crashed (exit $rc)"; head -5 "$WORK/$1.err"; fi
}
# no_tmp DIR DESCRIPTION: no temporary file (.rp-tmp-*) left anywhere under DIR
no_tmp() {
    left=$(find "$1" -name '.rp-tmp-*' 2>/dev/null)
    if [ -z "$left" ]; then ok "$2: no .rp-tmp- file left"; else not_ok "$2: temporary files left: $left"; fi
}

# Help.
for args in "--help" "-h" "help"; do
    run help $args
    assert_eq "$rc" 0 "rapporteur $args exits 0"
    assert_contains "$WORK/help.out" "Usage:" "rapporteur $args prints Usage: on stdout"
    for c in check render new; do
        if grep -qE "^ +$c +[A-Z]" "$WORK/help.out"; then ok "rapporteur $args lists the command $c"
        else not_ok "rapporteur $args does not list the command $c"; fi
    done
    check "rapporteur $args prints nothing on stderr" test ! -s "$WORK/help.err"
done
run help-render help render
assert_eq "$rc" 0 "rapporteur help render exits 0"
assert_contains "$WORK/help-render.out" "Usage:" "rapporteur help render prints Usage:"
for opt in --format --lang --output --paper; do
    assert_contains "$WORK/help-render.out" "$opt" "rapporteur help render documents $opt"
done
assert_contains "$WORK/help-render.out" "2  usage or environment error" "rapporteur help render documents exit status 2"
run render-help render --help
assert_eq "$rc" 0 "rapporteur render --help exits 0"
assert_contains "$WORK/render-help.out" "Usage:" "rapporteur render --help prints Usage:"
if cmp -s "$WORK/help-render.out" "$WORK/render-help.out"; then ok "rapporteur render --help prints the same as help render"
else not_ok "rapporteur render --help and help render differ"; diff "$WORK/help-render.out" "$WORK/render-help.out" | head -6; fi
for c in check new; do
    run "help-$c" help "$c"
    assert_eq "$rc" 0 "rapporteur help $c exits 0"
    assert_contains "$WORK/help-$c.out" "Usage:" "rapporteur help $c prints Usage:"
done

# Version: the program's, and the libraries' it runs with.
run version --version
assert_eq "$rc" 0 "rapporteur --version exits 0"
version=$(sed -n '1s/^rapporteur \([0-9][0-9]*\.[0-9][0-9]*\.[0-9][0-9]*\)$/\1/p' "$WORK/version.out")
check "rapporteur --version starts with 'rapporteur X.Y.Z' ($(head -1 "$WORK/version.out"))" test -n "$version"
run version-short -V
check "rapporteur -V prints the same as --version" cmp -s "$WORK/version.out" "$WORK/version-short.out"
for lib in libxml2:libxml-2.0 libxslt:libxslt cairo:cairo pango:pango HarfBuzz:harfbuzz GLib:glib-2.0 fontconfig:fontconfig; do
    name=${lib%%:*} pc=${lib#*:}
    got=$(tr ',' '\n' < "$WORK/version.out" | sed -n "s/^ *$name \([0-9][0-9.]*\)\$/\1/p")
    if [ -z "$got" ]; then not_ok "rapporteur --version does not name $name with its version"; continue; fi
    want=$(pkg-config --modversion "$pc" 2>/dev/null)
    if [ -n "$want" ]; then assert_eq "$got" "$want" "rapporteur --version gives $name $want, the installed one"
    else ok "rapporteur --version gives $name $got"; fi
done
run gen render -f html -o "$WORK/gen" "$good"
assert_xpath "$WORK/gen/$good_id.en.html" "string(//meta[@name='generator']/@content)" "Rapporteur $version" \
    "pages name their generator Rapporteur $version"

# A customization layer, as help render describes --styles: DIR/html.xsl and
# DIR/layout.xsl importing rapporteur:html/report.xsl and rapporteur:layout/report.xsl.
mkdir -p "$WORK/layer"
cat > "$WORK/layer/html.xsl" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="rapporteur:html/report.xsl"/>
  <xsl:param name="chart" select="0"/>
</xsl:stylesheet>
EOF
cat > "$WORK/layer/layout.xsl" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="rapporteur:layout/report.xsl"/>
</xsl:stylesheet>
EOF
run styles render --styles="$WORK/layer" -o "$WORK/styled" "$other"
assert_eq "$rc" 0 "render --styles=DIR with a layer importing rapporteur:*/report.xsl exits 0"
if [ "$rc" -ne 0 ]; then head -4 "$WORK/styles.err"; fi
check "render --styles renders the PDF" test -s "$WORK/styled/$other_id.en.pdf"
assert_xpath "$WORK/styled/$other_id.en.html" "count(//svg)" 0 "render --styles applies the layer's parameter (chart=0: no chart)"

# Usage errors: exit 2, a message on stderr that says what to do, nothing on stdout.
usage_error() { # NAME HINT ARGS...
    name=$1 hint=$2; shift 2
    run "$name" "$@"
    assert_eq "$rc" 2 "rapporteur $* exits 2"
    if grep -qF -- "$hint" "$WORK/$name.err"; then ok "rapporteur $*: the message says what to do ($(head -1 "$WORK/$name.err"))"
    else not_ok "rapporteur $*: no hint '$hint' in: $(head -2 "$WORK/$name.err")"; fi
    check "rapporteur $*: nothing on stdout" test ! -s "$WORK/$name.out"
}
usage_error unknown-command "rapporteur --help" frobnicate
usage_error unknown-option "rapporteur --help" --frobnicate
usage_error unknown-help-topic "rapporteur --help" help frobnicate
usage_error unknown-render-option "help render" render --frobnicate "$good"
usage_error render-no-files "rapporteur render" render
usage_error check-no-files "rapporteur check" check
run no-args
assert_eq "$rc" 2 "rapporteur without a command exits 2"
if grep -q "Usage:" "$WORK/no-args.out" "$WORK/no-args.err"; then ok "rapporteur without a command shows the usage"
else not_ok "rapporteur without a command shows no usage"; fi

# Bad values of -f, -l and --paper: exit 2, the value named, nothing rendered.
bad_value() { # NAME VALUE ARGS...
    name=$1 value=$2; shift 2
    out=$WORK/$name
    run "$name" render -o "$out" "$@" "$good"
    assert_eq "$rc" 2 "render $* exits 2"
    assert_contains "$WORK/$name.err" "\"$value\"" "render $*: the message names \"$value\""
    if [ -z "$(ls -A "$out" 2>/dev/null)" ]; then ok "render $*: nothing rendered"
    else not_ok "render $*: rendered $(ls "$out" | tr '\n' ' ')"; fi
}
bad_value bad-format docx -f docx
bad_value bad-format-list docx -f html,docx
bad_value bad-lang "en fr" -l "en fr"
bad_value bad-lang-path ../evil -l ../evil
bad_value bad-lang-chars 'english!' -l 'english!'
bad_value bad-paper a5 --paper a5
check "render -l ../evil wrote nothing beside the output directory" test -z "$(find "$WORK" -name '*evil*' ! -name '*.out' ! -name '*.err')"

# A record with errors among good ones: nothing for it, exit 1, the others rendered.
sed -e 's/id="igf2013-ws041"/id="broken-record"/' \
    -e 's|<count of="total">77</count>|<count of="total">-77</count>|' inputs/igf2013-ws041.xml > "$WORK/broken.xml"
out=$WORK/partial
run partial render -o "$out" "$good" "$WORK/broken.xml" "$other"
assert_eq "$rc" 1 "render of a record with errors among good ones exits 1"
assert_contains "$WORK/partial.err" "broken.xml:" "render names the record with errors"
if grep -q 'broken.xml:[0-9]*:[0-9]*: error: .*\[count-value\]' "$WORK/partial.err"; then ok "render reports the record's error with FILE:LINE:COL"
else not_ok "render does not report the count-value error"; cat "$WORK/partial.err"; fi
check "nothing is rendered for the record with errors" test -z "$(ls "$out" | grep '^broken-record\.')"
for id in $good_id $other_id; do
    check "the record $id given before/after it is still rendered (HTML)" test -s "$out/$id.en.html"
    check "the record $id given before/after it is still rendered (PDF)" test -s "$out/$id.en.pdf"
done
no_tmp "$out" "render with a bad record"

# A missing file among good ones: an environment error (exit 2, per --help), the others
# still rendered.
out=$WORK/missing
run missing render -f html -o "$out" "$WORK/no-such-record.xml" "$good"
assert_eq "$rc" 2 "render of a missing file exits 2 (help: 'usage or environment error (... missing files)')"
assert_contains "$WORK/missing.err" "no-such-record.xml" "render names the missing file"
check "render still renders the other record" test -s "$out/$good_id.en.html"

# Parallel rendering (-j): the same files, messages and exit status as one at a time, the
# messages in the order of the files, and no typesetter process left behind.
sed -e 's|<count of="total">77</count>|<count of="total">-77</count>|' \
    -e 's/id="igf2013-ws041"/id="broken-two"/' inputs/igf2013-ws041.xml > "$WORK/broken2.xml"
set -- inputs/*.xml "$WORK/broken.xml" "$WORK/no-such-record.xml" "$WORK/broken2.xml"
run serial render -j 1 -o "$WORK/serial" "$@"
serial_rc=$rc
run parallel render -j 2 -o "$WORK/parallel" "$@"
assert_eq "$rc" "$serial_rc" "render -j 2 exits as -j 1 does ($serial_rc)"
if cmp -s "$WORK/serial.err" "$WORK/parallel.err"; then ok "render -j 2 prints the messages of -j 1, in the same order"
else not_ok "render -j 2 prints other messages than -j 1"; diff "$WORK/serial.err" "$WORK/parallel.err" | head; fi
if diff -r "$WORK/serial" "$WORK/parallel" > /dev/null; then ok "render -j 2 writes the same files and bytes as -j 1 ($(ls "$WORK/parallel" | wc -l) files)"
else not_ok "render -j 2 writes other files or bytes than -j 1"; diff -r "$WORK/serial" "$WORK/parallel" | head -5; fi
first_err=$(grep -n 'broken.xml:' "$WORK/parallel.err" | head -1 | cut -d: -f1)
second_err=$(grep -n 'broken2.xml:' "$WORK/parallel.err" | head -1 | cut -d: -f1)
check "render -j 2 reports broken.xml before broken2.xml, as given" test "${first_err:-0}" -gt 0 -a "${second_err:-0}" -gt "${first_err:-0}"
check "render -j 2 leaves no typesetter process behind" test -z "$(pgrep -f -- '--pdf-worker' || true)"

# One record in every language: with -j 2 its PDFs are set at once by two typesetter
# processes; the same bytes and messages as -j 1.
run lang1 render -j 1 -l all -o "$WORK/lang1" inputs/igf2013-ws041.xml
run lang2 render -j 2 -l all -o "$WORK/lang2" inputs/igf2013-ws041.xml
assert_eq "$rc" 0 "render -j 2 -l all of the spec's example exits 0"
if diff -r "$WORK/lang1" "$WORK/lang2" > /dev/null && cmp -s "$WORK/lang1.err" "$WORK/lang2.err"; then
    ok "render -j 2 -l all writes the bytes and messages of -j 1 ($(ls "$WORK/lang2"/*.pdf | wc -l) PDFs)"
else not_ok "render -j 2 -l all differs from -j 1"; diff -r "$WORK/lang1" "$WORK/lang2" | head -3; fi

# Two records with one id: the first given is rendered; the second would overwrite its
# reports, so it is an error (exit 1) and not rendered, whatever -j.
sed -e 's|<title>|<title>SECOND COPY |' "$good" > "$WORK/same-id.xml"
for j in 1 2; do
    run dup$j render -j $j -f html -o "$WORK/dup$j" "$good" "$WORK/same-id.xml"
    assert_eq "$rc" 1 "render -j $j of two records with one id exits 1"
    if grep -q "same-id.xml:[0-9]*:[0-9]*: error: id \"$good_id\" is also the id of $good, given before this file; .*\[duplicate-id\]" "$WORK/dup$j.err"; then
        ok "render -j $j names the second record, the id and the first record"
    else not_ok "render -j $j does not report the duplicate id"; cat "$WORK/dup$j.err"; fi
    if grep -q 'SECOND COPY' "$WORK/dup$j/$good_id.en.html"; then not_ok "render -j $j let the second record overwrite the first's report"
    else ok "render -j $j keeps the first record's report"; fi
done

# A broken label catalog: checking records does not need the catalogs and still works;
# listing translations and rendering do, and stop with the catalog's FILE:LINE:COL (exit 2).
bad_data=$WORK/bad-catalog-data
mkdir -p "$bad_data"
cp -R styles "$bad_data/styles"
ln -s "$TOP/fonts" "$bad_data/fonts"
printf 'msgctxt "x"\nmsgid "unterminated\n' >> "$bad_data/styles/catalogs/ru.po"
RAPPORTEUR_DATA_DIR=$bad_data "$RAPPORTEUR" check "$good" > /dev/null 2> "$WORK/badcat-check.err"
assert_eq "$?" 0 "with a broken catalog, check of a record still exits 0"
RAPPORTEUR_DATA_DIR=$bad_data "$RAPPORTEUR" check -t "$good" > /dev/null 2> "$WORK/badcat-t.err"
assert_eq "$?" 2 "with a broken catalog, check --translations exits 2"
if grep -q 'catalogs/ru.po:[0-9]*:[0-9]*: error: ' "$WORK/badcat-t.err"; then ok "and names the catalog's line and column"
else not_ok "check -t does not locate the catalog's error"; cat "$WORK/badcat-t.err"; fi
RAPPORTEUR_DATA_DIR=$bad_data "$RAPPORTEUR" render -f html -o "$WORK/badcat-out" "$good" > /dev/null 2> "$WORK/badcat-r.err"
assert_eq "$?" 2 "with a broken catalog, render exits 2"
check "and renders nothing" test -z "$(ls "$WORK/badcat-out" 2>/dev/null)"

# An output directory that cannot be created.
run mkdir-fail render -o /dev/null/rapporteur-out "$good"
assert_eq "$rc" 2 "render -o /dev/null/rapporteur-out (cannot be created) exits 2"
assert_contains "$WORK/mkdir-fail.err" "/dev/null/rapporteur-out" "the message names the directory"
no_crash mkdir-fail
: > "$WORK/a-file"
run out-is-file render -o "$WORK/a-file" "$good"
assert_eq "$rc" 2 "render -o FILE (a regular file) exits 2"
assert_contains "$WORK/out-is-file.err" "$WORK/a-file" "the message names the file"
no_crash out-is-file
check "render -o FILE leaves the file alone" test ! -s "$WORK/a-file"
run nested render -f html -o "$WORK/n1/n2/n3" "$good"
assert_eq "$rc" 0 "render -o into a directory that does not exist yet (three levels) exits 0"
check "render creates the missing directories" test -s "$WORK/n1/n2/n3/$good_id.en.html"

# A read-only output directory. As root, permissions do not stop writes: run the program
# as nobody (setpriv). Nobody may not be able to reach the checkout (a clone in a private
# directory), so the program and its data are copied into a directory nobody can read, and
# a render into a writable directory first shows that nobody can run them at all.
ro_base=
if [ "$(id -u)" = 0 ]; then
    if command -v setpriv > /dev/null 2>&1; then
        ro_base=$(mktemp -d /tmp/rapporteur-e2e-ro.XXXXXX) && chmod 755 "$ro_base"
        as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
    fi
else
    ro_base=$WORK/ro-base; mkdir -p "$ro_base"; as_user=
fi
if [ -n "$ro_base" ]; then
    mkdir -p "$ro_base/data" "$ro_base/writable"
    cp "$RAPPORTEUR" "$ro_base/rapporteur"
    cp "$(dirname "$RAPPORTEUR")/rapporteur-pdf.so" "$ro_base/" # its PDF half (pdf_module.h)
    cp -R "$TOP/styles" "$TOP/fonts" "$ro_base/data/"
    cp "$good" "$ro_base/record.xml"
    # Under SANITIZE=1 the leak suppressions too: LSan's file is in the checkout.
    cp "$TOP/tests/sanitize/lsan.supp" "$ro_base/lsan.supp"
    chmod -R a+rX "$ro_base"; chmod 777 "$ro_base/writable"
    ro_run() {
        $as_user env HOME="$ro_base" RAPPORTEUR_DATA_DIR="$ro_base/data" \
            ${LSAN_OPTIONS:+LSAN_OPTIONS="$LSAN_OPTIONS:suppressions=$ro_base/lsan.supp"} \
            "$ro_base/rapporteur" "$@"
    }
    ro_run render -f html -o "$ro_base/writable" "$ro_base/record.xml" > "$WORK/ro-control.out" 2>&1
    assert_eq "$?" 0 "as $( [ -n "$as_user" ] && echo nobody || id -un), render into a writable directory exits 0 (the control)"
    ro=$ro_base/readonly
    mkdir -p "$ro"
    chmod 555 "$ro"
    ro_run render -o "$ro" "$ro_base/record.xml" > "$WORK/readonly.out" 2> "$WORK/readonly.err"
    rc=$?
    assert_eq "$rc" 2 "render -o into a read-only directory exits 2 (unwritable output)"
    if grep -qF "$ro" "$WORK/readonly.err" && grep -qi 'permission denied\|read-only\|cannot' "$WORK/readonly.err"; then
        ok "render -o into a read-only directory says which path it cannot write and why ($(head -1 "$WORK/readonly.err"))"
    else not_ok "render -o into a read-only directory: unclear message: $(head -2 "$WORK/readonly.err")"; fi
    no_crash readonly
    no_tmp "$ro" "render -o into a read-only directory"
    check "render -o into a read-only directory writes nothing" test -z "$(ls -A "$ro")"
    chmod 755 "$ro"
    [ "$(id -u)" = 0 ] && rm -rf "$ro_base"
else
    not_ok "cannot test a read-only output directory (root without setpriv)"
fi

# A report that cannot be written (its name is taken by a directory): exit 2, the file
# named, the temporary file removed, the other outputs still written. (The program writes
# DIR/.rp-tmp-NAME.XXXXXX, then renames it over DIR/NAME: here the rename fails with
# EISDIR after the temporary file exists, so its clean-up is what is tested.)
out=$WORK/blocked
mkdir -p "$out/$good_id.en.pdf"
run blocked render -o "$out" "$good" "$other"
assert_eq "$rc" 2 "render whose output path is a directory exits 2 (unwritable output)"
assert_contains "$WORK/blocked.err" "$out/$good_id.en.pdf" "the message names the report it cannot write"
no_crash blocked
no_tmp "$out" "render whose output path is a directory"
check "the directory in the way is left as it was" test -d "$out/$good_id.en.pdf"
check "the record's HTML is still written" test -s "$out/$good_id.en.html"
check "the other record is still rendered" test -s "$out/$other_id.en.pdf"
finish
