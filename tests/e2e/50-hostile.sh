#!/bin/sh
# The hostile corpus (tests/hostile/CASES): for every record, `rapporteur check` and
# `rapporteur render` into a fresh directory, under a time limit, and assertions that hold
# whatever the record: no crash or hang, FILE:LINE[:COL] errors, nothing written outside the
# output directory, no secret leaked, no output for a rejected record, valid HTML and PDF.
# Then the scenarios of the environment: unwritable output, full disk, a render killed midway.
# HOSTILE_SLOW=1 adds the cases marked slow; HOSTILE_ONLY=NAME runs the cases matching NAME.
. "$(dirname "$0")/lib.sh"
sanitizer_factor=1
if ldd "$RAPPORTEUR" 2>/dev/null | grep -q libasan; then sanitizer_factor=4; fi
cd "$TOP" || exit 1
H="$TOP/tests/hostile"
suite_start=$(date +%s)

cases="$WORK/cases"    # the records, as the program reads them
logs="$WORK/logs"      # stderr, stdout and timings of each run
outs="$WORK/out"       # one output directory per run
mkdir -p "$cases" "$logs" "$outs"

# The secret: a unique token in a file beside the records and at the top of the work directory.
token="RP-SECRET-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
printf '%s\n' "$token" > "$WORK/secret.txt"
cp "$WORK/secret.txt" "$cases/secret.txt"
printf '<content xmlns="urn:rapporteur:report:1"><summary>%s</summary></content>\n' "$token" \
    > "$cases/secret.xml"
passwd_line=$(head -n 1 /etc/passwd)

for f in "$H"/*.xml "$H"/*.xsl; do
    b=$(basename "$f")
    if grep -q '@WORK@' "$f"; then
        sed "s#@WORK@#$WORK#g" "$f" > "$cases/$b"
    else
        cp "$f" "$cases/$b"
    fi
done

# The rows of CASES: "FILE EXPECTED CHECKS...", without comments and scenarios.
rows="$WORK/rows"
grep -v -e '^#' -e '^[[:space:]]*$' -e '^(' "$H/CASES" > "$rows"
if [ "${HOSTILE_SLOW:-}" != 1 ]; then
    grep -v -w 'slow' "$rows" > "$rows.tmp" && mv "$rows.tmp" "$rows"
fi
if [ -n "${HOSTILE_ONLY:-}" ]; then
    grep -e "$HOSTILE_ONLY" "$rows" > "$rows.tmp"; mv "$rows.tmp" "$rows"
fi
gen=$(awk '$1 ~ /^gen:/ { sub(/^gen:/, "", $1); printf "%s ", $1 }' "$rows")
if [ -n "$gen" ]; then
    # shellcheck disable=SC2086
    sh "$H/make-generated.sh" "$cases" $gen || not_ok "make-generated.sh failed"
fi
cd "$cases" || exit 1

# ---------------------------------------------------------------------------------------------
# Helpers

# What exists outside the output directories: $WORK's files with sizes and times (a changed
# file is a new line), its directories by name; /tmp by name, without other programs' scratch
# files (mktemp directories, browsers' profiles, tool sockets), which would be noise here. The
# strace check below (when strace is installed) sees every write of the program itself.
snapshot() {
    {
        find "$WORK" -xdev \( -path "$outs" -o -path "$logs" \) -prune \
            -o -type d -printf '%p/\n' -o -printf '%p %s %T@\n' 2>/dev/null
        find /tmp -xdev \( -path "$(dirname "$WORK")" -o -path "$WORK" \) -prune \
            -o -type d -printf '%p/\n' -o -printf '%p\n' 2>/dev/null |
            grep -v -E '^/tmp/(bash_jobs|bash_tool_|vgdb-pipe|criterion_|hsperfdata_|\.X11-unix|\.ICE-unix|systemd-private-|\.?org\.chromium\.|\.com\.google\.|playwright|puppeteer|[^/]*\.[A-Za-z0-9]{4,}/)'
    } | sort > "$1"
}

# Every file system write and network connection of the program, when strace is installed:
# run() traces it, writes_outside DIR lists what it touched outside DIR (and any attempt to
# open the secret, /etc/passwd or the hostile stylesheet, and any Internet connection).
tracing=0
if [ "${HOSTILE_STRACE:-1}" = 1 ] && command -v strace > /dev/null 2>&1 &&
    strace -f -qq --seccomp-bpf -e trace=openat -o /dev/null true > /dev/null 2>&1; then
    tracing=1
fi
trace_set=open,openat,creat,mkdir,mkdirat,rename,renameat,renameat2,link,linkat,symlink,symlinkat,unlink,unlinkat,truncate,connect
writes_outside() { # writes_outside NAME DIR
    cat "$logs/$1.st".* 2>/dev/null | awk -v out="$2" -v cwd="$cases" '
        function inside(p) { if (substr(p, 1, 1) != "/") p = cwd "/" p
                             return p == out || index(p, out "/") == 1 }
        {
            call = $0; sub(/\(.*/, "", call); sub(/^[0-9]+ +/, "", call)
            ok = $0 ~ /\) = [0-9]+/
            n = 0; rest = $0
            while (match(rest, /"([^"\\]|\\.)*"/)) { path[++n] = substr(rest, RSTART + 1, RLENGTH - 2); rest = substr(rest, RSTART + RLENGTH) }
            for (i = 1; i <= n; i++)
                if (path[i] ~ /(^|\/)(secret\.txt|secret\.xml|evil\.xsl)$|^\/etc\/passwd$|rp-hostile-pwned|pwned-xslt/) print "opened " path[i] ": " $0
            if (call == "connect" && $0 ~ /AF_INET/) print "connected: " $0
            if (!ok || n == 0 || path[1] == "/dev/null") next
            if (call ~ /^open/ && $0 !~ /O_WRONLY|O_RDWR|O_CREAT|O_TRUNC|O_APPEND/) next
            if (call ~ /^(open|openat|creat|mkdir|mkdirat|unlink|unlinkat|truncate)$/) { if (!inside(path[1])) print "wrote " path[1] ": " $0 }
            else if (call ~ /^rename/) { if (!inside(path[1]) || !inside(path[n])) print "renamed: " $0 }
            else if (call ~ /^(link|linkat|symlink|symlinkat)$/) { if (!inside(path[n])) print "linked: " $0 }
        }'
}

# run NAME ARGS...: runs the program under a time limit ($limit seconds, then TERM, then KILL)
# and /usr/bin/time; sets rc, secs (wall clock) and kb (peak resident set).
run() {
    _n=$1; shift
    rm -f "$logs/$_n.st".*
    if [ $tracing = 1 ] && [ "$sanitizer_factor" -gt 1 ]; then
        # LeakSanitizer stops the threads with ptrace, which strace already holds: under
        # strace the sanitizer build runs without it (the other suites check for leaks).
        set -- env ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" \
            strace -f -qq --seccomp-bpf -e trace=$trace_set -ff -o "$logs/$_n.st" "$RAPPORTEUR" "$@"
    elif [ $tracing = 1 ]; then
        set -- strace -f -qq --seccomp-bpf -e trace=$trace_set -ff -o "$logs/$_n.st" "$RAPPORTEUR" "$@"
    else
        set -- "$RAPPORTEUR" "$@"
    fi
    /usr/bin/time -o "$logs/$_n.time" -f '%e %M' timeout -k 2 "$timeout_s" "$@" \
        < /dev/null > "$logs/$_n.out" 2> "$logs/$_n.err"
    rc=$?
    _last=$(tail -n 1 "$logs/$_n.time")
    secs=${_last% *}
    kb=${_last#* }
}

# re TEXT: TEXT as a basic regular expression matching itself
re() { printf '%s' "$1" | sed 's/[].[*^$\\/]/\\&/g'; }

# html_errors FILE: xmllint --html's errors, except the HTML5 and SVG elements its HTML 4
# parser does not know ("Tag main invalid")
html_errors() {
    xmllint --html --noout "$1" 2>&1 | awk '
        /: HTML parser error : Tag [A-Za-z]+ invalid$/ {
            tag = $0; sub(/.*: Tag /, "", tag); sub(/ invalid$/, "", tag)
            if (tag ~ /^(article|aside|audio|bdi|canvas|data|datalist|details|dialog|figcaption|figure|footer|header|main|mark|meter|nav|output|picture|progress|rp|rt|ruby|section|summary|template|time|video|wbr|svg|g|rect|text|line|path|circle|title|desc|tspan|polyline|polygon|ellipse|defs|use|symbol|clipPath)$/) { skip = 2; next }
        }
        skip > 0 { skip--; next }
        { print }'
}

# The checks of every run, whatever the record.
# common NAME FILE OUTDIR KIND: KIND is check or render
common() {
    _n=$1; _f=$2; _o=$3; _k=$4
    if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
        not_ok "$_f: $_k hangs (killed after ${timeout_s}s)"
    elif [ "$rc" -gt 2 ]; then
        not_ok "$_f: $_k crashed (exit status $rc)"; sed -n '1,15p' "$logs/$_n.err"
    else
        ok "$_f: $_k exits $rc, in ${secs}s and ${kb} KB"
    fi
    _bad=$(grep ': error: ' "$logs/$_n.err" | grep -v "^$(re "$_f"):[0-9][0-9]*\(:[0-9][0-9]*\)\{0,1\}: error: ")
    if [ -n "$_bad" ]; then
        not_ok "$_f: $_k prints errors without FILE:LINE[:COL]:"; printf '%s\n' "$_bad" | cut -c1-300 | sed -n '1,5p'
    else
        ok "$_f: $_k's errors all say $_f:LINE"
    fi
    if grep -qF -e "$token" -e "$passwd_line" "$logs/$_n.err" "$logs/$_n.out"; then
        not_ok "$_f: $_k prints the secret or /etc/passwd"
    else
        ok "$_f: $_k prints no secret"
    fi
    if [ -n "$_o" ] && [ -d "$_o" ]; then
        _leak=$(grep -rlF -e "$token" -e "$passwd_line" "$_o" 2>/dev/null)
        if [ -n "$_leak" ]; then not_ok "$_f: the secret or /etc/passwd is in $_leak"; else ok "$_f: no secret in the outputs"; fi
        _tmp=$(find "$_o" -name '.rp-tmp-*')
        if [ -n "$_tmp" ]; then not_ok "$_f: temporary files left: $_tmp"; else ok "$_f: no temporary file left"; fi
        for _h in "$_o"/*.html; do
            [ -f "$_h" ] || continue
            _e=$(html_errors "$_h")
            if [ -n "$_e" ]; then not_ok "$_f: $(basename "$_h") has HTML errors"; printf '%s\n' "$_e" | sed -n '1,6p'
            else ok "$_f: $(basename "$_h") parses as HTML"; fi
        done
        for _p in "$_o"/*.pdf; do
            [ -f "$_p" ] || continue
            if qpdf --check "$_p" > "$logs/$_n.qpdf" 2>&1; then ok "$_f: $(basename "$_p") passes qpdf --check"
            else not_ok "$_f: $(basename "$_p") fails qpdf --check"; sed -n '1,5p' "$logs/$_n.qpdf"; fi
        done
    fi
}

outputs() { ls -A "$1" 2>/dev/null | grep -v -x 'report.css'; }

# ---------------------------------------------------------------------------------------------
# The cases

while read -r file expected rest; do
    case $file in
    gen:*) file="${file#gen:}.xml" ;;
    esac
    name=${file%.xml}
    rule=
    if [ "$expected" = error ]; then
        rule=${rest%% *}
        rest=${rest#"$rule"}
    fi
    want_render=0; want_check=; time_limit=20; mem_limit=
    for c in $rest; do
        case $c in
        exit=*) want_render=${c#exit=} ;;
        check=*) want_check=${c#check=} ;;
        time=*) time_limit=${c#time=} ;;
        mem=*) mem_limit=${c#mem=} ;;
        esac
    done
    # The sanitizer build runs several times slower and bigger: its bounds only catch hangs
    # and blow-ups; the release build is held to the real ones.
    time_limit=$((time_limit * sanitizer_factor))
    [ -n "$mem_limit" ] && mem_limit=$((mem_limit * sanitizer_factor))
    [ "$expected" = error ] && want_render=1
    [ -n "$want_check" ] || want_check=$want_render
    timeout_s=$((time_limit + 3))
    if [ ! -f "$file" ]; then
        not_ok "$file: missing from tests/hostile/"
        continue
    fi
    before="$logs/snap.before"; after="$logs/snap.after"
    snapshot "$before"

    # check
    run "$name.check" check "$file"
    common "$name.check" "$file" "" check
    [ "$rc" -eq "$want_check" ] && ok "$file: check exits $want_check" \
        || not_ok "$file: check exits $rc, expected $want_check"
    check_secs=$secs; check_kb=$kb; check_rc=$rc

    # render, into a fresh directory
    out="$outs/$name"
    rm -rf "$out"; mkdir -p "$out"
    run "$name.render" render -o "$out" "$file"
    common "$name.render" "$file" "$out" render
    [ "$rc" -eq "$want_render" ] && ok "$file: render exits $want_render" \
        || not_ok "$file: render exits $rc, expected $want_render"

    # Nothing written elsewhere.
    snapshot "$after"
    # $WORK is ours alone: any change is the program's. /tmp is shared with the rest of the
    # machine: with strace, what the program did not touch there is someone else's.
    new=$(comm -13 "$before" "$after")
    new_work=$(printf '%s\n' "$new" | grep "^$(re "$WORK")/")
    new_tmp=$(printf '%s\n' "$new" | grep -v "^$(re "$WORK")/" | grep .)
    if [ -n "$new_tmp" ] && [ $tracing = 1 ]; then
        mine=
        for p in $(printf '%s\n' "$new_tmp" | sed 's,/$,,; s/ .*//'); do
            cat "$logs/$name.check.st".* "$logs/$name.render.st".* 2>/dev/null | grep -qF "\"$p\"" && mine="$mine $p"
        done
        [ -z "$mine" ] && echo "# note: $file: /tmp changed meanwhile, not by the program (strace): $(printf '%s ' $new_tmp | cut -c1-160)"
        new_tmp=$mine
    fi
    if [ -n "$new_work$new_tmp" ]; then
        not_ok "$file: files written outside the output directory:"; printf '%s\n' $new_work $new_tmp | sed -n '1,10p'
    else
        ok "$file: nothing new outside the output directory (\$WORK, /tmp)"
    fi
    if [ $tracing = 1 ]; then
        for k in check render; do
            touched=$(writes_outside "$name.$k" "$out")
            if [ -n "$touched" ]; then not_ok "$file: $k touched what it must not (strace):"; printf '%s\n' "$touched" | cut -c1-240 | sed -n '1,5p'
            else ok "$file: $k wrote only into its output directory, opened no secret, connected nowhere (strace)"; fi
        done
    fi

    # Time and memory.
    for pair in "check $check_secs $check_kb $check_rc" "render $secs $kb $rc"; do
        set -- $pair
        if [ "$4" -ne 124 ] && [ "$4" -ne 137 ]; then
            if awk -v s="$2" -v l="$time_limit" 'BEGIN { exit !(s <= l) }'; then ok "$file: $1 within ${time_limit}s"
            else not_ok "$file: $1 took ${2}s, more than ${time_limit}s"; fi
        fi
        if [ -n "$mem_limit" ]; then
            if [ "$3" -le "$mem_limit" ]; then ok "$file: $1 within $mem_limit KB"
            else not_ok "$file: $1 peaked at $3 KB, more than $mem_limit KB"; fi
        fi
    done

    # The expected diagnostics.
    err="$logs/$name.render.err"; cerr="$logs/$name.check.err"
    place="^$(re "$file"):[0-9][0-9]*\(:[0-9][0-9]*\)\{0,1\}:"
    if [ "$expected" = error ]; then
        if [ "$rule" = '*' ]; then pat="$place error: "; else pat="$place error: .*\[$(re "$rule")\]\$"; fi
        for e in "$cerr" "$err"; do
            grep -q "$pat" "$e" && ok "$file: $(basename "$e" .err) reports [$rule] at $file:LINE" \
                || { not_ok "$file: $(basename "$e" .err) does not report [$rule] at $file:LINE"; sed -n '1,4p' "$e" | cut -c1-300; }
        done
        left=$(outputs "$out")
        [ -z "$left" ] && ok "$file: no output for a rejected record" \
            || not_ok "$file: outputs for a rejected record: $(echo $left | cut -c1-200)"
    fi

    html=$(ls "$out"/*.html 2>/dev/null | head -n 1)
    for c in $rest; do
        case $c in
        html)
            [ -n "$html" ] && ok "$file: HTML written" || not_ok "$file: no HTML written" ;;
        pdf)
            ls "$out"/*.pdf > /dev/null 2>&1 && ok "$file: PDF written" || not_ok "$file: no PDF written" ;;
        nopdf)
            ls "$out"/*.pdf > /dev/null 2>&1 && not_ok "$file: a PDF was written: $(ls "$out"/*.pdf)" \
                || ok "$file: no PDF written" ;;
        warn=*)
            w=${c#warn=}
            grep -q "$place warning: .*\[$(re "$w")\]\$" "$cerr" && ok "$file: warns [$w] at $file:LINE" \
                || not_ok "$file: no [$w] warning at $file:LINE" ;;
        glyph=*)
            g=${c#glyph=}
            if grep -q "$place error: .*$(re "$g").*\[glyph\]\$" "$err"; then ok "$file: [glyph] error at $file:LINE names $g"
            else not_ok "$file: no [glyph] error at $file:LINE naming $g"; grep 'glyph' "$err" | sed -n '1,3p'; fi ;;
        files=*)
            n=$(ls -A "$out" | wc -l)
            [ "$n" -eq "${c#files=}" ] && ok "$file: $n files written" || not_ok "$file: $n files written, expected ${c#files=}" ;;
        markup)
            if [ -z "$html" ]; then not_ok "$file: no HTML to check for markup"; continue; fi
            assert_xpath "$html" 'count(//script | //iframe | //img | //svg | //b | //object | //embed)' 0 "$file: no element came from escaped text"
            assert_xpath "$html" "count(//@*[starts-with(translate(name(), 'ON', 'on'), 'on')])" 0 "$file: no event-handler attribute"
            assert_xpath "$html" "count(//a[starts-with(normalize-space(translate(@href, 'JAVASCRIPT', 'javascript')), 'javascript:')])" 0 "$file: no javascript: link"
            assert_xpath "$html" "contains(string(/html/body), '<script>alert(1)</script>')" true "$file: <script> text shown as text"
            assert_xpath "$html" "contains(string(/html/body), '&amp;amp;')" true "$file: &amp;amp; shown as text"
            assert_xpath "$html" "contains(string(/html/body), '<b>not bold</b>')" true "$file: <b> text shown as text"
            assert_xpath "$html" "contains(string(//title), '<script>alert(1)</script>')" true "$file: the <title> holds the text escaped" ;;
        bidi)
            if [ -z "$html" ]; then not_ok "$file: no HTML to check for bidi"; continue; fi
            rlo=$(printf '\342\200\256'); pdf_=$(printf '\342\200\254'); pdi=$(printf '\342\201\251')
            assert_xpath "$html" "count(//text()[contains(., 'ecilA')][not(ancestor::bdi)])" 0 "$file: a name with U+202E is isolated in <bdi>"
            assert_xpath "$html" "not(contains(//title, '$rlo')) or contains(substring-after(//title, '$rlo'), '$pdf_') or contains(substring-after(//title, '$rlo'), '$pdi')" true \
                "$file: the <title>'s U+202E does not spill over what follows it"
            pdftotext "$out"/*.pdf "$logs/$name.txt" 2>/dev/null
            assert_contains "$logs/$name.txt" "The next paragraph must read normally." "$file: the PDF's next paragraph is not reversed" ;;
        wrap)
            pdftotext -bbox "$out"/*.pdf "$logs/$name.bbox" 2>/dev/null
            outside=$(awk '/<page / { match($0, /width="[0-9.]+"/); w = substr($0, RSTART + 7, RLENGTH - 8) }
                /<word / { match($0, /xMin="[0-9.]+"/); x0 = substr($0, RSTART + 6, RLENGTH - 7)
                           match($0, /xMax="[0-9.]+"/); x1 = substr($0, RSTART + 6, RLENGTH - 7)
                           if (x0 + 0 < 56 || x1 + 0 > w - 56) print x0, x1, w }' "$logs/$name.bbox")
            [ -z "$outside" ] && ok "$file: every PDF word inside the margins" \
                || not_ok "$file: PDF words outside the margins: $(echo $outside | cut -c1-100)"
            if command -v node > /dev/null 2>&1; then
                node "$H/overflow.js" "$out"/*.html < /dev/null > "$logs/$name.overflow" 2>&1
                orc=$?
                if [ $orc -eq 0 ]; then ok "$file: the HTML is no wider than the window (360 and 1024 px)"
                elif [ $orc -eq 2 ]; then ok "$file: # SKIP Chromium not available: $(head -n 1 "$logs/$name.overflow")"
                else not_ok "$file: the HTML overflows the window:"; sed -n '1,4p' "$logs/$name.overflow"; fi
            else
                ok "$file: # SKIP node not available for the HTML overflow check"
            fi ;;
        bignum)
            if [ -z "$html" ]; then not_ok "$file: no HTML to check the numbers"; continue; fi
            xpath "$html" '//td' | sed 's/<[^>]*>/\n/g' | tr -d ', .' > "$logs/$name.digits"
            grep -qx '18446744073709551616' "$logs/$name.digits" && ok "$file: 18446744073709551616 shown as recorded" \
                || not_ok "$file: 18446744073709551616 not shown (cells: $(tr '\n' ' ' < "$logs/$name.digits" | cut -c1-160))" ;;
        mojibake)
            if [ -z "$html" ]; then not_ok "$file: no HTML"; continue; fi
            assert_contains "$html" "$(printf 'R\303\203\302\251union')" "$file: the text read as declared (ISO-8859-1)"
            iconv -f UTF-8 -t UTF-8 "$html" > /dev/null 2>&1 && ok "$file: the HTML is valid UTF-8" \
                || not_ok "$file: the HTML is not valid UTF-8" ;;
        inert-pi)
            [ ! -e "$WORK/pwned-xslt.txt" ] && [ ! -e /tmp/rp-hostile-pwned-xslt.txt ] \
                && ok "$file: the record's stylesheet was not applied" \
                || not_ok "$file: the record's stylesheet wrote files"
            [ -n "$html" ] && assert_xpath "$html" 'count(//script)' 0 "$file: no script from the record's stylesheet" ;;
        esac
    done
    # Known targets of path tricks, whatever the case.
    for p in /tmp/rp-hostile-pwned /tmp/rp-hostile-pwned.en.html /tmp/rp-hostile-pwned.en.pdf "$WORK/pwned-xslt.txt"; do
        [ -e "$p" ] && not_ok "$file: $p exists"
    done
    rm -rf "$out" # the big outputs are not kept
done < "$rows"

# ---------------------------------------------------------------------------------------------
# Scenarios of the environment

if [ -z "${HOSTILE_ONLY:-}" ]; then
clean="$cases/clean.xml"
cp "$TOP/tests/cases/check/clean-1.xml" "$clean"
sample="$cases/sample.xml"
cp "$TOP/inputs/igf2013-ws041.xml" "$sample"
timeout_s=60

# only_env_errors NAME WHAT: every error line is FILE:LINE or "rapporteur: error:"
only_env_errors() {
    _bad=$(grep ': error: ' "$logs/$1.err" | grep -v -e '^rapporteur: error: ' \
        -e "^[^:]*\.xml:[0-9][0-9]*\(:[0-9][0-9]*\)\{0,1\}: error: ")
    [ -z "$_bad" ] && ok "$2: error lines are FILE:LINE or rapporteur:" \
        || { not_ok "$2: unexpected error lines"; printf '%s\n' "$_bad" | sed -n '1,3p'; }
}

# (unwritable-outdir): -o under a regular file
printf 'x' > "$WORK/a-file"
snapshot "$logs/snap.before"
run env.unwritable render -o "$WORK/a-file/out" "$clean"
snapshot "$logs/snap.after"
[ "$rc" -eq 2 ] && ok "unwritable-outdir: exit 2" || not_ok "unwritable-outdir: exit $rc, expected 2"
grep -q '^rapporteur: error: .*a-file/out' "$logs/env.unwritable.err" && ok "unwritable-outdir: says which directory" \
    || { not_ok "unwritable-outdir: no error naming the directory"; cat "$logs/env.unwritable.err"; }
[ -z "$(comm -13 "$logs/snap.before" "$logs/snap.after")" ] && ok "unwritable-outdir: nothing created" \
    || not_ok "unwritable-outdir: created $(comm -13 "$logs/snap.before" "$logs/snap.after" | head -n 3)"

# (outdir-is-file): -o names a regular file
run env.outfile render -o "$WORK/a-file" "$clean"
[ "$rc" -eq 2 ] && ok "outdir-is-file: exit 2" || not_ok "outdir-is-file: exit $rc, expected 2"
[ "$(cat "$WORK/a-file")" = x ] && ok "outdir-is-file: the file is unchanged" || not_ok "outdir-is-file: the file changed"
only_env_errors env.outfile outdir-is-file

# (symlink-output): the final name is a symlink to a victim
sdir="$outs/symlink"; mkdir -p "$sdir"
printf 'victim\n' > "$WORK/victim.txt"
ln -s "$WORK/victim.txt" "$sdir/igf2013-ws001.en.html"
run env.symlink render -o "$sdir" "$clean"
[ "$rc" -eq 0 ] && ok "symlink-output: exit 0" || not_ok "symlink-output: exit $rc"
[ "$(cat "$WORK/victim.txt")" = victim ] && ok "symlink-output: the symlink's target is unchanged" \
    || not_ok "symlink-output: the report was written through the symlink into $WORK/victim.txt"
[ -f "$sdir/igf2013-ws001.en.html" ] && [ ! -L "$sdir/igf2013-ws001.en.html" ] \
    && ok "symlink-output: the report replaced the symlink" || not_ok "symlink-output: the report is not a regular file"

# (full-disk-*): a complete render, then the same under a file size limit of 100 blocks (50 KB
# in sh's 512-byte blocks): the PDF (about 100 KB) cannot be written.
fdir="$outs/full"; mkdir -p "$fdir"
run env.full0 render -o "$fdir" "$sample"
[ "$rc" -eq 0 ] && ok "full-disk: a first complete render" || not_ok "full-disk: first render exit $rc"
( cd "$fdir" && cksum ./* ) > "$logs/full.before"
for mode in ignored signal; do
    if [ $mode = ignored ]; then
        ( ulimit -f 100; trap '' XFSZ; exec "$RAPPORTEUR" render -o "$fdir" "$sample" ) \
            > "$logs/env.full.$mode.out" 2> "$logs/env.full.$mode.err"
    else
        ( ulimit -f 100; exec "$RAPPORTEUR" render -o "$fdir" "$sample" ) \
            > "$logs/env.full.$mode.out" 2> "$logs/env.full.$mode.err"
    fi
    rc=$?
    ( cd "$fdir" && cksum ./* ) > "$logs/full.after"
    if [ $mode = ignored ]; then
        { [ "$rc" -eq 1 ] || [ "$rc" -eq 2 ]; } && ok "full-disk-ignored: exit $rc" || not_ok "full-disk-ignored: exit $rc, expected 1 or 2"
        grep -q 'error: .*File too large' "$logs/env.full.$mode.err" && ok "full-disk-ignored: says the file is too large" \
            || { not_ok "full-disk-ignored: no 'File too large' error"; sed -n '1,3p' "$logs/env.full.$mode.err"; }
        only_env_errors "env.full.$mode" full-disk-ignored
        tmp=$(find "$fdir" -name '.rp-tmp-*')
        [ -z "$tmp" ] && ok "full-disk-ignored: no temporary file left" || not_ok "full-disk-ignored: left $tmp"
    else
        { [ "$rc" -eq 153 ] || [ "$rc" -eq 1 ] || [ "$rc" -eq 2 ]; } && ok "full-disk-signal: exit $rc (153 = SIGXFSZ)" \
            || not_ok "full-disk-signal: exit $rc"
        tmp=$(find "$fdir" -name '.rp-tmp-*')
        [ -n "$tmp" ] && echo "# note: full-disk-signal: SIGXFSZ left $(echo "$tmp" | wc -l) temporary file(s) (no handler for SIGXFSZ)"
        find "$fdir" -name '.rp-tmp-*' -exec rm -f {} +
    fi
    if cmp -s "$logs/full.before" "$logs/full.after"; then ok "full-disk-$mode: the previous outputs are byte-identical"
    else not_ok "full-disk-$mode: outputs changed"; diff "$logs/full.before" "$logs/full.after" | sed -n '1,6p'; fi
    for p in "$fdir"/*.pdf; do
        qpdf --check "$p" > /dev/null 2>&1 && ok "full-disk-$mode: $(basename "$p") passes qpdf" \
            || not_ok "full-disk-$mode: $(basename "$p") is damaged"
    done
done

# (kill-*): a render of 10,000 speakers (several seconds) over the complete reports of a small
# record with the same id, killed midway. Every final name must hold a complete file.
big="speakers-10000.xml"
if [ ! -f "$big" ]; then sh "$H/make-generated.sh" "$cases" speakers-10000; fi
kdir="$outs/kill"; mkdir -p "$kdir"
sed 's/id="igf2013-ws001"/id="speakers-10000"/' "$clean" > "$cases/small-speakers.xml"
run env.kill0 render -o "$kdir" "$cases/small-speakers.xml"
[ "$rc" -eq 0 ] && ok "kill: a first complete render" || not_ok "kill: first render exit $rc"
complete_outputs() { # complete_outputs WHAT
    for p in "$kdir"/*.pdf; do
        [ -f "$p" ] || continue
        qpdf --check "$p" > /dev/null 2>&1 && ok "$1: $(basename "$p") passes qpdf --check" \
            || not_ok "$1: $(basename "$p") is truncated or damaged"
    done
    for h in "$kdir"/*.html; do
        [ -f "$h" ] || continue
        tail -c 16 "$h" | grep -q '</html>' && ok "$1: $(basename "$h") is complete" \
            || not_ok "$1: $(basename "$h") is truncated"
    done
    find "$kdir" -name '*.rp-tmp-*' ! -name '.rp-tmp-*' | grep -q . && not_ok "$1: a temporary file has a final name"
}
wait_for_tmp() { # wait_for_tmp PID PATTERN: until a temporary file matching PATTERN exists
    _i=0
    while kill -0 "$1" 2>/dev/null && [ $_i -lt 600 ]; do
        ls -A "$kdir" | grep -q "^\.rp-tmp-.*$2" && return 0
        sleep 0.05; _i=$((_i + 1))
    done
    return 1
}
# kill -9 after a random delay
delay=$(awk 'BEGIN { srand(); printf "%.2f", 1 + rand() * 3 }')
"$RAPPORTEUR" render -o "$kdir" "$big" > /dev/null 2> "$logs/env.kill9.err" &
pid=$!
sleep "$delay"
kill -9 "$pid" 2>/dev/null
wait "$pid"
echo "# kill-9-midway: killed after ${delay}s (exit $?)"
complete_outputs "kill-9-midway (${delay}s)"
find "$kdir" -name '.rp-tmp-*' -exec rm -f {} +
# kill -9 while the PDF is being written
"$RAPPORTEUR" render -f pdf -o "$kdir" "$big" > /dev/null 2> "$logs/env.kill9pdf.err" &
pid=$!
if wait_for_tmp "$pid" '\.pdf'; then
    kill -9 "$pid" 2>/dev/null; wait "$pid"
    ok "kill-9-while-writing-pdf: killed while a temporary PDF existed"
    complete_outputs kill-9-while-writing-pdf
else
    wait "$pid"; not_ok "kill-9-while-writing-pdf: no temporary PDF seen"
fi
find "$kdir" -name '.rp-tmp-*' -exec rm -f {} +
# SIGTERM while the PDF is being written: the handler removes the temporary files
"$RAPPORTEUR" render -f pdf -o "$kdir" "$big" > /dev/null 2> "$logs/env.term.err" &
pid=$!
if wait_for_tmp "$pid" '\.pdf'; then
    kill -TERM "$pid" 2>/dev/null; wait "$pid"; trc=$?
    [ "$trc" -eq 143 ] && ok "term-midway: exits by SIGTERM" || not_ok "term-midway: exit $trc, expected 143 (SIGTERM)"
    tmp=$(find "$kdir" -name '.rp-tmp-*')
    [ -z "$tmp" ] && ok "term-midway: no temporary file left" || not_ok "term-midway: left $tmp"
    complete_outputs term-midway
else
    wait "$pid"; not_ok "term-midway: no temporary PDF seen"
fi
fi

elapsed=$(( $(date +%s) - suite_start ))
echo "# 50-hostile: ${elapsed}s"
finish
