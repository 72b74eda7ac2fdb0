#!/bin/sh
# make bench: the speed and memory figures of the issues, measured on this machine.
# Times are medians of several runs (wall clock, milliseconds); memory is the peak
# resident set (GNU time). Targets are printed beside each figure; nothing fails:
# benchmarks inform, tests decide.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
: "${BUILD:=$top/build}"
R=$BUILD/rapporteur
G=$BUILD/gen_corpus
export RAPPORTEUR_DATA_DIR="$top" SOURCE_DATE_EPOCH=1700000000
RUNS=${BENCH_RUNS:-7}
CORPUS=${BENCH_CORPUS:-1000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
example="$top/inputs/igf2013-ws041.xml"

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# median_ms CMD...: the median wall time of RUNS runs, in milliseconds.
median_ms() {
    i=0
    : > "$work/times"
    while [ "$i" -lt "$RUNS" ]; do
        t0=$(now_ms)
        "$@" >/dev/null 2>&1
        t1=$(now_ms)
        echo $((t1 - t0)) >> "$work/times"
        i=$((i + 1))
    done
    sort -n "$work/times" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

# peak_mb CMD...: peak memory of one run, in MB.
peak_mb() {
    /usr/bin/time -f '%M' -o "$work/mem" "$@" >/dev/null 2>&1 || true
    awk '{ printf "%.0f", $1 / 1024 }' "$work/mem"
}

# tree_peak_mb PID: polls until PID ends; prints the highest memory of PID and its children
# (the archive's typesetter processes) together, in MB: the sum of their proportional set
# sizes, which count a page shared by k processes (libraries, fonts) 1/k in each.
tree_peak_mb() {
    peak=0
    # Until it ends: a finished child stays a zombie (state Z) until waited for.
    while state=$(awk '/^State:/ { print $2 }' "/proc/$1/status" 2>/dev/null) &&
          [ -n "$state" ] && [ "$state" != Z ]; do
        kb=0
        for p in "$1" $(pgrep -P "$1"); do
            v=$(awk '/^Pss:/ { print $2 }' "/proc/$p/smaps_rollup" 2>/dev/null) || v=0
            kb=$((kb + ${v:-0}))
        done
        [ "$kb" -gt "$peak" ] && peak=$kb
        sleep 0.2
    done
    echo $((peak / 1024))
}

row() { printf '  %-58s %10s   %s\n' "$1" "$2" "$3"; }

echo "Rapporteur benchmarks ($(nproc) cores, $("$R" --version | head -1))"
echo

echo "HTML (issue 2)"
ms=$(median_ms "$R" render -f html -l en -o "$work/h1" "$example")
row "one-record process, spec example (ms)" "$ms" "target < 10"
"$G" 500 "$work/h500" 20131024
cp "$top"/inputs/*.xml "$work/h500/"
n=$(ls "$work/h500" | wc -l)
# batch_html JOBS: renders the batch with -j JOBS; prints ms per record.
batch_html() {
    rm -rf "$work/hout"
    t0=$(now_ms)
    "$R" render -j "$1" -f html -l record -o "$work/hout" "$work"/h500/*.xml >/dev/null 2>&1 || true
    t1=$(now_ms)
    awk -v t=$((t1 - t0)) -v n="$n" 'BEGIN { printf "%.2f", t / n }'
}
one=$(batch_html 1)
all=$(batch_html "$(nproc)")
pages=$(ls "$work/hout"/*.html | wc -l)
row "batch: $n records, $pages pages, one process, -j 1 (ms per record)" "$one" "target < 1"
row "batch: the same, -j $(nproc) (the default: one job per core)" "$all" "target < 1"
row "batch: peak memory, -j $(nproc) (MB)" "$(peak_mb "$R" render -f html -o "$work/hout" "$work"/h500/*.xml)" ""
echo

echo "PDF (issue 3)"
ms=$(median_ms "$R" render -f pdf -l en -o "$work/p1" "$example")
pages=$(pdfinfo "$work/p1/igf2013-ws041.en.pdf" | awk '/^Pages:/ { print $2 }')
row "one-record process, spec example, $pages pages (ms)" "$ms" "target <= 40"
ms=$(median_ms "$R" render -f pdf -l ar -o "$work/p2" "$here/bench/mixed-ar-zh.xml")
row "one-record process, Arabic and Chinese text (ms)" "$ms" "target <= 120"
"$G" 100 "$work/p100" 7
t0=$(now_ms)
"$R" render -j 1 -f pdf -l en -o "$work/pout" "$work"/p100/*.xml >/dev/null 2>&1 || true
t1=$(now_ms)
n=$(ls "$work/pout"/*.pdf | wc -l)
pages=0
for f in "$work/pout"/*.pdf; do
    pages=$((pages + $(pdfinfo "$f" | awk '/^Pages:/ { print $2 }')))
done
row "batch: $n reports in one process, one core (ms per report)" \
    "$(awk -v t=$((t1 - t0)) -v n="$n" 'BEGIN { printf "%.1f", t / n }')" "target <= 15"
row "batch: pages per second ($pages pages)" \
    "$(awk -v t=$((t1 - t0)) -v p="$pages" 'BEGIN { printf "%.0f", p * 1000 / t }')" ""
row "batch: peak memory (MB)" "$(peak_mb "$R" render -j 1 -f pdf -l en -o "$work/pout" "$work"/p100/*.xml)" "target < 100"
rm -rf "$work/pout"
t0=$(now_ms)
"$R" render -j "$(nproc)" -f pdf -l en -o "$work/pout" "$work"/p100/*.xml >/dev/null 2>&1 || true
t1=$(now_ms)
row "batch: the same, -j $(nproc), typesetter processes (ms per report)" \
    "$(awk -v t=$((t1 - t0)) -v n="$n" 'BEGIN { printf "%.1f", t / n }')" ""
# Memory in a second run: polling every 0.2 s would blur a one-second time.
rm -rf "$work/pout"
"$R" render -j "$(nproc)" -f pdf -l en -o "$work/pout" "$work"/p100/*.xml >/dev/null 2>&1 &
tree_mb=$(tree_peak_mb $!)
wait $! || true
row "batch -j $(nproc): peak memory with its typesetters (MB)" "$tree_mb" ""
echo

echo "Languages (issue 4)"
ms=$(median_ms "$R" render -f html,pdf -l all -o "$work/l1" "$example")
row "spec example in all $(ls "$top"/styles/catalogs/*.po | wc -l) languages, HTML and PDF, one process (ms)" "$ms" "target < 200"
echo

echo "Archive (issue 5): $CORPUS records x 2 languages x 2 formats, -j 2"
"$G" "$CORPUS" "$work/corpus" 42
t0=$(now_ms)
"$R" archive -q -j 2 -o "$work/site" "$work/corpus" >/dev/null 2>&1 &
tree_mb=$(tree_peak_mb $!)
wait $! || true
t1=$(now_ms)
row "full build (s)" "$(awk -v t=$((t1 - t0)) 'BEGIN { printf "%.1f", t / 1000 }')" "target < 30"
row "full build: peak memory, with its typesetter processes (MB)" "$tree_mb" "target < 300"
touch "$work/mem"
ms=$(median_ms "$R" archive -q -j 2 -o "$work/site" "$work/corpus")
row "no-op rebuild (ms)" "$ms" "target < 500"
files=$(find "$work/site" -type f -newer "$work/mem" | grep -v '/.rapporteur/' | wc -l)
row "files written by the no-op rebuilds" "$files" "target 0"
echo "  one record edited:"
sed -i 's/Host City/Host Town/' "$work/corpus/gen-000500.xml"
t0=$(now_ms)
"$R" archive -q -j 2 -o "$work/site" "$work/corpus" >/dev/null 2>&1 || true
t1=$(now_ms)
row "rebuild after one record changed (ms)" "$((t1 - t0))" ""
