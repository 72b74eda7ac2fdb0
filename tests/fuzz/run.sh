#!/bin/sh
# Builds the libFuzzer harnesses (build.sh), replays the known crashes of crashes/<harness>/,
# then runs each harness for SECONDS seconds from its seeds:
#   fuzz_record   inputs/*.xml and tests/cases/check/*.xml
#   fuzz_layout   corpus/layout/*.xml (hand-written, the whole vocabulary) and the layout
#                 documents the stylesheet makes of tests/cases/check/*.xml (dump_layout)
#   fuzz_catalog  styles/catalogs/*.po
# Usage: sh tests/fuzz/run.sh SECONDS [HARNESS...]
# Environment: BUILD_FUZZ (default <top>/build-fuzz), SKIP_BUILD=1, FUZZ_FORK=0 (stop at the
# first crash instead of going on in libFuzzer's fork mode).
# New crashes, leaks, timeouts and out-of-memory inputs are copied to crashes/<harness>/, so
# that the next run replays them first. Exit status: 0 if every replay passed and no new
# crash was found, 1 otherwise, 2 if the harnesses cannot be built or run.
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
secs=${1:?usage: run.sh SECONDS [HARNESS...]}
shift
[ $# -gt 0 ] || set -- fuzz_record fuzz_layout fuzz_catalog
bin=${BUILD_FUZZ:-$top/build-fuzz}
work="$bin/work"
mkdir -p "$work"

export RAPPORTEUR_DATA_DIR="$top"
if [ "${SKIP_BUILD:-}" != 1 ]; then
    sh "$here/build.sh" "$@" || exit 2
fi

asan="abort_on_error=1:symbolize=1:detect_leaks=1"
ubsan_replay="halt_on_error=1:print_stacktrace=1"
ubsan_fuzz="$ubsan_replay:suppressions=$here/ubsan.supp"
lsan_replay="suppressions=$here/lsan.supp:print_suppressions=0"
# LSan takes one suppressions file: the fuzzing one is lsan.supp and lsan-known.supp together.
cat "$here/lsan.supp" "$here/lsan-known.supp" > "$work/lsan-fuzz.supp"
lsan_fuzz="suppressions=$work/lsan-fuzz.supp:print_suppressions=0"
status=0

# 1. The known crashes: none may fail any more. Each is replayed twice: with the fuzzing
# suppressions of undefined behaviour (so a crash or leak shows as itself) and without them
# (so undefined behaviour shows); LeakSanitizer always with lsan.supp only.
replay() { # replay HARNESS FILE LOG UBSAN_OPTIONS DETECT_LEAKS [LSAN_OPTIONS]
    mkdir -p "$work/pdf"
    FUZZ_OUT_DIR="$work/pdf" ASAN_OPTIONS=$asan:detect_leaks=$5 UBSAN_OPTIONS=$4 LSAN_OPTIONS=${6:-$lsan_replay} \
        timeout 60 "$bin/$1" -timeout=20 -rss_limit_mb=2048 "$2" > "$3" 2>&1
}
for h in "$@"; do
    for f in "$here/crashes/$h"/*; do
        [ -f "$f" ] || continue
        log="$work/replay-$h-$(basename "$f").log"
        if replay "$h" "$f" "$log" "$ubsan_fuzz" 1 && replay "$h" "$f" "$log" "$ubsan_replay" 0; then
            echo "replay $h $(basename "$f"): fixed"
        elif grep -q 'LeakSanitizer' "$log" && replay "$h" "$f" "$log" "$ubsan_fuzz" 1 "$lsan_fuzz" &&
                replay "$h" "$f" "$log" "$ubsan_replay" 0; then
            # A leak of a library, not ours, that no change here can fix (lsan-known.supp).
            echo "replay $h $(basename "$f"): known library leak, as reported (lsan-known.supp)"
        else
            echo "replay $h $(basename "$f"): STILL FAILS: $(grep -m 1 -E 'ERROR|runtime error|timeout|out-of-memory' "$log" | sed 's/^==[0-9]*==//' | cut -c1-160)"
            status=1
        fi
    done
done

# 2. Seeds.
seeds() { # seeds HARNESS DIR: fills DIR with the harness's seeds
    rm -rf "$2"; mkdir -p "$2"
    case $1 in
    fuzz_record) cp "$top"/inputs/*.xml "$top"/tests/cases/check/*.xml "$2"/ ;;
    fuzz_catalog) cp "$top"/styles/catalogs/*.po "$2"/ ;;
    fuzz_layout)
        cp "$here"/corpus/layout/*.xml "$2"/
        # Real layout documents of the small check cases (not the samples: big documents
        # make every execution slow), made by the stylesheet through dump_layout.
        if [ ! -x "$bin/dump_layout" ] || [ "$here/dump_layout.c" -nt "$bin/dump_layout" ]; then
            # shellcheck disable=SC2046
            clang -std=c11 -D_DEFAULT_SOURCE -g -O1 -fsanitize=address,undefined \
                -I"$top/generator" -o "$bin/dump_layout" "$here/dump_layout.c" \
                $(ls "$bin"/obj/*.o) $(pkg-config --cflags --libs libxml-2.0 libxslt libexslt \
                glib-2.0 gmodule-2.0 cairo pango pangocairo pangoft2 fontconfig harfbuzz) -lm \
                > "$work/dump_layout.build.log" 2>&1 || echo "run.sh: dump_layout did not build"
        fi
        if [ -x "$bin/dump_layout" ]; then
            if ! ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=0 \
                "$bin/dump_layout" "$2" "$top"/tests/cases/check/*.xml > "$work/dump_layout.log" 2>&1; then
                echo "run.sh: dump_layout made no layout documents (log: $work/dump_layout.log)"
                status=1
            fi
        fi ;;
    esac
}
dict_of() {
    case $1 in
    fuzz_record) echo "$here/record.dict" ;;
    fuzz_layout) echo "$here/layout.dict" ;;
    fuzz_catalog) echo "$here/po.dict" ;;
    esac
}

# 3. Fuzzing, one harness after the other.
for h in "$@"; do
    seeddir="$work/seeds-$h"
    corpus="$work/corpus-$h"
    artifacts="$work/artifacts-$h"
    seeds "$h" "$seeddir"
    mkdir -p "$corpus" "$artifacts"
    stamp="$work/stamp-$h"
    touch "$stamp"
    fork="-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1"
    [ "${FUZZ_FORK:-1}" = 0 ] && fork=
    log="$work/$h.log"
    echo "fuzz $h for ${secs}s (log: $log)"
    t0=$(date +%s)
    # shellcheck disable=SC2086
    rm -rf "$work/pdf"; mkdir -p "$work/pdf"
    FUZZ_OUT_DIR="$work/pdf" FUZZ_SKIP_KNOWN=1 ASAN_OPTIONS=$asan UBSAN_OPTIONS=$ubsan_fuzz LSAN_OPTIONS=$lsan_fuzz \
        "$bin/$h" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -dict="$(dict_of "$h")" -artifact_prefix="$artifacts/" -print_final_stats=1 $fork \
        "$corpus" "$seeddir" > "$log" 2>&1
    rc=$?
    last=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -n 1)
    execs=$(printf '%s' "$last" | sed -n 's/^#\([0-9]*\).*/\1/p')
    cov=$(printf '%s' "$last" | sed -n 's/.*cov: \([0-9]*\).*/\1/p')
    ft=$(printf '%s' "$last" | sed -n 's/.*ft: \([0-9]*\).*/\1/p')
    eps=$(printf '%s' "$last" | sed -n 's/.*exec\/s:\{0,1\} \([0-9]*\).*/\1/p')
    corp=$(ls "$corpus" | wc -l)
    elapsed=$(( $(date +%s) - t0 ))
    avg=$(awk -v n="${execs:-0}" -v t="$elapsed" 'BEGIN { printf "%d", (t > 0 ? n / t : 0) }')
    echo "  $h: ${execs:-?} executions in ${elapsed}s ($avg exec/s on average, ${eps:-?} in the last job), cov ${cov:-?}, ft ${ft:-?}, corpus $corp files, libFuzzer exit $rc"
    new=$(find "$artifacts" -type f -newer "$stamp")
    if [ -n "$new" ] || { [ -z "$fork" ] && [ $rc -ne 0 ]; }; then
        mkdir -p "$here/crashes/$h"
        for a in $new; do
            # Kept only if it fails again on its own (fork mode may blame an innocent input).
            if FUZZ_SKIP_KNOWN=1 replay "$h" "$a" "$work/check-$(basename "$a").log" "$ubsan_fuzz" 1; then
                echo "  (not reproducible, not kept: $(basename "$a"))"
                continue
            fi
            cp "$a" "$here/crashes/$h/"
            echo "  NEW: crashes/$h/$(basename "$a"): $(grep -m 1 -E 'ERROR|runtime error|timeout|out-of-memory' "$work/check-$(basename "$a").log" | sed 's/^==[0-9]*==//' | cut -c1-140)"
            status=1
        done
    fi
done
exit $status
