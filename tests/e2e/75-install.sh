#!/bin/sh
# make install, and the program's two halves: rapporteur itself (check, HTML) and the PDF
# typesetter module it loads only for PDFs (generator/pdf_module.h). An installed tree runs
# without the source tree; checking and HTML load no cairo or pango; a missing or broken
# module is a clear error of the environment (exit 2) that costs no HTML.
. "$(dirname "$0")/lib.sh"
cd "$TOP" || exit 1
build=$(dirname "$RAPPORTEUR")
prefix="$WORK/prefix"
rec=inputs/igf2013-ws041.xml
id=igf2013-ws041

# make install into a private prefix, from the build under test (MAKEFLAGS carries
# SANITIZE=1 when make check SANITIZE=1 runs this). The build must be up to date: were
# make install to rebuild it, the program under test would change under the other suites.
if ! make -C "$TOP" -q --no-print-directory BUILD="$build" "$build/rapporteur" "$build/rapporteur-pdf.so"; then
    not_ok "the build in $build is not up to date: run make first"; finish
fi
if make -C "$TOP" -s --no-print-directory install PREFIX="$prefix" BUILD="$build" \
        > "$WORK/install.log" 2>&1; then
    ok "make install PREFIX=... exits 0"
else
    not_ok "make install PREFIX=... failed"; cat "$WORK/install.log"; finish
fi
for f in bin/rapporteur lib/rapporteur/rapporteur-pdf.so share/rapporteur/styles/schema/record.rng \
         share/rapporteur/fonts/fonts.list; do
    check "make install puts $f in place" test -f "$prefix/$f"
done
inst="$prefix/bin/rapporteur"

# The installed program finds its styles, fonts and PDF module by itself.
run_inst() { # run_inst NAME ARGS...: the installed program, outside the source tree
    name=$1; shift
    (cd "$WORK" && env -u RAPPORTEUR_DATA_DIR "$inst" "$@") > "$WORK/$name.out" 2> "$WORK/$name.err"
    rc=$?
}
run_inst render render -o "$WORK/out" "$TOP/$rec"
assert_eq "$rc" 0 "the installed program renders the spec's example (no RAPPORTEUR_DATA_DIR)"
check "it writes the English PDF" test -s "$WORK/out/$id.en.pdf"
check "it writes the English HTML page" test -s "$WORK/out/$id.en.html"
if pdftotext "$WORK/out/$id.en.pdf" - 2>/dev/null | grep -q "Internet Governance Forum"; then
    ok "the installed program's PDF has the report's text"
else not_ok "the installed program's PDF lacks 'Internet Governance Forum'"; fi
if cmp -s "$WORK/out/$id.en.pdf" "$(
    "$RAPPORTEUR" render -f pdf -l en -o "$WORK/src-out" "$rec" >/dev/null 2>&1
    echo "$WORK/src-out/$id.en.pdf")"; then
    ok "the installed program's PDF is byte-identical to the build tree's"
else not_ok "the installed program's PDF differs from the build tree's"; fi

# Which shared libraries each command loads (the dynamic loader's own account).
loads() { # loads NAME ARGS...: the libraries the program opened, one per line
    name=$1; shift
    LD_DEBUG=files "$RAPPORTEUR" "$@" 2> "$WORK/$name.ld" > /dev/null
    sed -n 's/.*file=\([^ ]*\).*generating link map.*/\1/p' "$WORK/$name.ld" | sort -u
}
for lib in libcairo libpango libharfbuzz libfontconfig; do
    if loads check check "$rec" | grep -q "^$lib"; then not_ok "rapporteur check loads $lib"
    else ok "rapporteur check loads no $lib"; fi
    if loads html render -f html -o "$WORK/ld" "$rec" | grep -q "^$lib"; then
        not_ok "rapporteur render -f html loads $lib"
    else ok "rapporteur render -f html loads no $lib"; fi
    if loads pdf render -f pdf -o "$WORK/ld" "$rec" | grep -q "^$lib"; then
        ok "rapporteur render -f pdf loads $lib"
    else not_ok "rapporteur render -f pdf does not load $lib (the check above cannot fail)"; fi
done

# Without its module: PDFs fail as an error of the environment, HTML goes on.
mv "$prefix/lib/rapporteur/rapporteur-pdf.so" "$WORK/moved.so"
run_inst nomod render -f html,pdf -o "$WORK/nomod" "$TOP/$rec"
assert_eq "$rc" 2 "without the PDF module, render -f html,pdf exits 2"
assert_contains "$WORK/nomod.err" "error: cannot find the PDF typesetter rapporteur-pdf.so" \
    "and says which file is missing"
check "and writes no PDF" test ! -e "$WORK/nomod/$id.en.pdf"
run_inst nomod-html render -f html -o "$WORK/nomod-html" "$TOP/$rec"
assert_eq "$rc" 0 "without the PDF module, render -f html still works"
check "and writes the page" test -s "$WORK/nomod-html/$id.en.html"
run_inst nomod-version --version
assert_eq "$rc" 0 "without the PDF module, --version still exits 0"
assert_contains "$WORK/nomod-version.out" "PDF typesetter not loaded" "and says the module is missing"

# A file in its place that is not a shared library.
echo "not a library" > "$prefix/lib/rapporteur/rapporteur-pdf.so"
run_inst badmod render -f pdf -o "$WORK/badmod" "$TOP/$rec"
assert_eq "$rc" 2 "with a broken PDF module, render -f pdf exits 2"
assert_contains "$WORK/badmod.err" "error: cannot load the PDF typesetter" "and says it cannot load it"
if [ "$(grep -ciE 'segmentation|abort|sanitizer' "$WORK/badmod.err")" = 0 ]; then
    ok "and does not crash"
else not_ok "a broken module crashed the program"; head -5 "$WORK/badmod.err"; fi
# A module built from other sources than the program: its digest of the headers differs
# (the same-length string patched in a copy of the real module).
abi=$(strings "$WORK/moved.so" | grep -x '[0-9a-f]\{16\}' | head -1)
if [ -n "$abi" ] && strings "$inst" | grep -qx "$abi"; then
    ok "the program and its module carry the same digest of their headers ($abi)"
    sed "s/$abi/0123456789abcdef/" "$WORK/moved.so" > "$prefix/lib/rapporteur/rapporteur-pdf.so"
    run_inst othermod render -f pdf -o "$WORK/othermod" "$TOP/$rec"
    assert_eq "$rc" 2 "with a module built from other sources, render -f pdf exits 2"
    assert_contains "$WORK/othermod.err" "(sources 0123456789abcdef), this program is" \
        "and says the module was built from other sources"
    check "and writes no PDF" test ! -e "$WORK/othermod/$id.en.pdf"
else not_ok "no digest of the headers found in the module and the program"; fi
mv "$WORK/moved.so" "$prefix/lib/rapporteur/rapporteur-pdf.so"

# make uninstall takes everything away again.
make -C "$TOP" -s --no-print-directory uninstall PREFIX="$prefix" BUILD="$build" > /dev/null 2>&1
check "make uninstall removes the program" test ! -e "$prefix/bin/rapporteur"
check "make uninstall removes the PDF module" test ! -e "$prefix/lib/rapporteur"
check "make uninstall removes the styles" test ! -e "$prefix/share/rapporteur"
finish
