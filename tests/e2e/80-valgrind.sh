#!/bin/sh
# Valgrind memcheck over what users run: check, render (HTML and PDF, every language of
# every sample record) and archive. No invalid read or write, no use of an uninitialised
# value, no block definitely lost, beyond the libraries' own (tests/sanitize/valgrind.supp,
# which says why each is there). A control run without the suppressions shows that memcheck
# does see leaks here, so a clean run means something.
# Skipped for the sanitizer build (make check SANITIZE=1): ASan and valgrind do not mix.
. "$(dirname "$0")/lib.sh"
cd "$TOP" || exit 1

if ldd "$RAPPORTEUR" 2>/dev/null | grep -q libasan; then
    ok "skipped: $RAPPORTEUR is the sanitizer build (ASan does the same job there)"
    finish
fi
if ! command -v valgrind > /dev/null; then
    not_ok "valgrind is not installed (make deps-test)"
    finish
fi

supp="$TOP/tests/sanitize/valgrind.supp"
# memcheck NAME ARGS...: the program under memcheck; errors make exit status 99
memcheck() {
    name=$1; shift
    valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
        --show-leak-kinds=definite --track-origins=no --suppressions="$supp" \
        --log-file="$WORK/$name.vg" "$RAPPORTEUR" "$@" > "$WORK/$name.out" 2> "$WORK/$name.err"
    rc=$?
    return $rc
}
# clean NAME EXPECTED-STATUS WHAT: the last memcheck run exited as expected, with no report
clean() {
    if [ "$rc" = "$2" ] && [ ! -s "$WORK/$1.vg" ]; then
        ok "$3: memcheck clean (exit $rc)"
    else
        not_ok "$3: exit $rc (expected $2); memcheck says:"
        grep -E 'Invalid|uninitialised|definitely lost|Mismatched|by 0x|at 0x' "$WORK/$1.vg" | head -30
    fi
}

memcheck check check inputs/*.xml
clean check 0 "check of every sample"

# A record with errors exercises the error paths (diagnostics, no output).
memcheck bad render -o "$WORK/bad" tests/hostile/xxe-passwd.xml tests/hostile/nul-byte.xml
clean bad 1 "render of rejected records"

# Two at a time: each process renders every language and both formats of its records.
memcheck render-a render -o "$WORK/out" $(ls inputs/*.xml | sed -n '1~2p') &
memcheck render-b render -o "$WORK/out" $(ls inputs/*.xml | sed -n '2~2p')
rc_b=$rc
wait $!
rc_a=$?
# render-a ran in a subshell: its status is the job's
rc=$rc_a; clean render-a 0 "render of the odd-numbered samples (HTML and PDF, all languages)"
rc=$rc_b; clean render-b 0 "render of the even-numbered samples (HTML and PDF, all languages)"
n_pdf=$(ls "$WORK/out"/*.pdf 2>/dev/null | wc -l)
n_in=$(ls inputs/*.xml | wc -l)
if [ "$n_pdf" -ge "$n_in" ]; then ok "the renders under memcheck wrote $n_pdf PDFs for $n_in records"
else not_ok "only $n_pdf PDFs for $n_in records under memcheck"; fi

mkdir -p "$WORK/records"
cp inputs/igf2013-ws041.xml inputs/arabigf2014-ws05.xml "$WORK/records/"
memcheck archive archive -q -j 2 -o "$WORK/site" "$WORK/records"
clean archive 0 "archive of two records (threads, PDFs, index pages)"
memcheck verify verify "$WORK/site"
clean verify 0 "verify of that archive"

# Control: without the suppressions memcheck reports fontconfig's encoded pointers as
# definite leaks; if it reported nothing, the runs above would prove nothing.
valgrind -q --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite \
    --log-file="$WORK/control.vg" "$RAPPORTEUR" render -f pdf -o "$WORK/control" \
    inputs/igf2008-bp14.xml > /dev/null 2>&1
if grep -q 'definitely lost' "$WORK/control.vg"; then
    ok "control: without the suppressions memcheck does report the libraries' leaks"
else not_ok "control: memcheck reported no leak even without suppressions"; fi

finish
