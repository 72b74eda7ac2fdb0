#!/bin/sh
# The PDF documents: every sample rendered in the languages it holds. Each PDF is checked
# with qpdf and poppler (pdfinfo, pdffonts, pdftotext) for structure, metadata, fonts,
# text, outline, geometry and page numbering; rendering is deterministic; the stress
# record sets to several pages without overflowing.
. "$(dirname "$0")/lib.sh"
cd "$TOP" || exit 1
export TZ=UTC
py=/usr/bin/python3
tool="$py $TOP/tests/e2e/pdftext.py"
a=$WORK/a
b=$WORK/b

"$RAPPORTEUR" render -l record -o "$a" inputs/*.xml > /dev/null 2> "$WORK/render-a.err"
assert_eq "$?" 0 "render of every sample (HTML and PDF) exits 0"
"$RAPPORTEUR" render -l record -o "$b" inputs/*.xml > /dev/null 2> "$WORK/render-b.err"
assert_eq "$?" 0 "a second render of every sample exits 0"
"$RAPPORTEUR" render -f pdf --paper letter -o "$WORK/letter" inputs/igf2008-bp14.xml > /dev/null 2>&1
assert_eq "$?" 0 "render --paper letter exits 0"
SOURCE_DATE_EPOCH=1800000000 "$RAPPORTEUR" render -f pdf -o "$WORK/epoch" inputs/igf2008-bp14.xml > /dev/null 2>&1
assert_eq "$?" 0 "render with SOURCE_DATE_EPOCH=1800000000 exits 0"

version=$("$RAPPORTEUR" --version | sed -n '1s/^rapporteur //p')
epoch_date=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%dT%H:%M:%SZ)
# The faces of fonts/: file names without extension (NotoSans-Regular, NotoSansCJK-Bold...)
grep -v '^#' fonts/fonts.list | awk 'NF { sub(/\.[a-z]+$/, "", $1); print $1 }' | sort -u > "$WORK/faces"
check "fonts/fonts.list names fonts" test -s "$WORK/faces"

no_lang=
for rec in inputs/*.xml; do
    id=$(basename "$rec" .xml)
    for L in $(record_langs "$rec"); do
        pdf=$a/$id.$L.pdf
        p=$id.$L.pdf
        if [ ! -s "$pdf" ]; then not_ok "$p not rendered"; continue; fi
        base=$WORK/$id.$L

        # Structure.
        qpdf --check "$pdf" > "$base.qpdf" 2>&1
        rc=$?
        if [ "$rc" -eq 0 ] && ! grep -qi 'warning\|error:' "$base.qpdf"; then ok "$p: qpdf --check is clean"
        else not_ok "$p: qpdf --check exits $rc"; tail -5 "$base.qpdf"; fi

        # Metadata.
        pdfinfo -isodates "$pdf" > "$base.info" 2>&1
        info() { sed -n "s/^$1: *//p" "$base.info"; }
        assert_eq "$(info Tagged)" yes "$p: tagged"
        t=$(pick "$rec" "/*/$(E session)/$(E title)" "$L")
        assert_eq "$(info Title)" "$(text_of "$rec" "$t")" "$p: Title is the record's title for $L"
        assert_eq "$(info Creator)" "Rapporteur $version" "$p: Creator is Rapporteur $version"
        assert_eq "$(info CreationDate)" "$epoch_date" "$p: CreationDate is SOURCE_DATE_EPOCH ($epoch_date)"
        rapporteurs=$(role_ids "$rec" rapporteur)
        if [ -n "$rapporteurs" ]; then
            author=$(info Author) bad=
            for who in $rapporteurs; do
                c=$(pick "$rec" "//*[@xml:id='$who']/$(E name)" "$L")
                name=$(text_of "$rec" "$c")
                case $author in *"$name"*) ;; *) bad="$bad '$name'" ;; esac
            done
            if [ -n "$author" ] && [ -z "$bad" ]; then ok "$p: Author names the rapporteurs ($author)"
            else not_ok "$p: Author '$author' lacks$bad"; fi
        fi
        pages=$(info Pages)
        pdfinfo -f 1 -l "$pages" "$pdf" 2>/dev/null | sed -n 's/^Page *[0-9]* size: *//p' | sort | uniq -c > "$base.sizes"
        if [ "$(wc -l < "$base.sizes")" -eq 1 ] && grep -q " $pages 595.27[0-9]* x 841.8[0-9]* pts (A4)" "$base.sizes"; then
            ok "$p: all $pages pages are A4"
        else not_ok "$p: page sizes: $(cat "$base.sizes")"; fi
        root=$(qpdf --show-object=trailer "$pdf" 2>/dev/null | sed -n 's/.*\/Root \([0-9]*\) 0 R.*/\1/p')
        # A language without a catalog gets English labels: the document is then in English.
        if has_catalog "$L" || has_catalog "${L%%-*}"; then PL=$L; else PL=en; fi
        qpdf --show-object="${root:-0}" "$pdf" 2>/dev/null | grep -qF "/Lang ($PL)" || no_lang="$no_lang $p"

        # Fonts: embedded, with a Unicode map, faces of fonts/ only.
        pdffonts "$pdf" 2>/dev/null | tail -n +3 > "$base.fonts"
        bad=
        while read -r name rest; do
            # columns after the name: type (one or two words) encoding emb sub uni object-id
            emb=$(echo "$rest" | awk '{ print $(NF - 4) }')
            uni=$(echo "$rest" | awk '{ print $(NF - 2) }')
            face=$(printf '%s' "$name" | sed -e 's/^[A-Z]\{6\}+//' -e 's/^\(NotoSans\(Mono\)\?CJK\)\(sc\|tc\|jp\|kr\|hk\)-/\1-/' -e 's/^\(NotoSerifCJK\)\(sc\|tc\|jp\|kr\|hk\)-/\1-/')
            [ "$emb" = yes ] || bad="$bad $name:not embedded"
            [ "$uni" = yes ] || bad="$bad $name:no ToUnicode"
            grep -qx -- "$face" "$WORK/faces" || grep -qx -- "${name#*+}" "$WORK/faces" ||
                bad="$bad $name:not a face of fonts/"
        done < "$base.fonts"
        if [ -s "$base.fonts" ] && [ -z "$bad" ]; then ok "$p: $(wc -l < "$base.fonts") fonts, all embedded faces of fonts/ with a Unicode map"
        else not_ok "$p: fonts:$bad"; cat "$base.fonts"; fi

        # Text: every word of the title, the summary and the names of the roles' people.
        pdftotext -enc UTF-8 "$pdf" "$base.txt" 2>/dev/null
        pdftotext -enc UTF-8 -layout "$pdf" "$base.layout.txt" 2>/dev/null
        {
            text_of "$rec" "$t"; echo
            if s=$(pick "$rec" "/*/$(E content)/$(E summary)" "$L"); then text_of "$rec" "$s"; echo; fi
            for who in $(role_ids "$rec"); do
                c=$(pick "$rec" "//*[@xml:id='$who']/$(E name)" "$L") && { text_of "$rec" "$c"; echo; }
            done
        } > "$base.expected"
        if $tool words "$base.expected" "$base.txt,$base.layout.txt" > "$base.words"; then ok "$p: pdftotext gives back every word of title, summary and names ($(tail -1 "$base.words"))"
        else not_ok "$p: words lost in the PDF text"; head -20 "$base.words"; fi

        # Outline: one entry per section heading of the report, pointing at it.
        html=$a/$id.$L.html
        xpath_lines "$html" "//main//section/h2" > "$base.h2"
        qpdf --json --json-key=outlines "$pdf" > "$base.json" 2>/dev/null
        pdftotext -bbox-layout "$pdf" "$base.bbox" 2>/dev/null
        $tool outline "$base.json" "$base.bbox" "$base.outline" > "$base.outline.log"
        rc=$?
        if cmp -s "$base.h2" "$base.outline"; then ok "$p: the outline lists the $(wc -l < "$base.h2") section headings, in order"
        else not_ok "$p: outline differs from the section headings (< HTML h2, > PDF outline)"; diff "$base.h2" "$base.outline"; fi
        if [ "$rc" -eq 0 ]; then ok "$p: every outline entry points at its heading"
        else not_ok "$p: outline destinations"; head -5 "$base.outline.log"; fi

        # Figures: each has the text alternative of the HTML report's chart (<desc>).
        xpath_lines "$html" "//*[local-name()='svg']/*[local-name()='desc']" > "$base.desc"
        qpdf --json --json-key=qpdf "$pdf" > "$base.objects.json" 2>/dev/null
        if $tool alts "$base.objects.json" "$base.alts" > "$base.alts.log" && cmp -s "$base.desc" "$base.alts"; then
            ok "$p: $(wc -l < "$base.alts") figures, each with the chart's text alternative (/Alt)"
        else not_ok "$p: figures' /Alt differ from the charts' descriptions (< HTML, > PDF)"; cat "$base.alts.log"; diff "$base.desc" "$base.alts" | head -5; fi

        # Geometry: inside the page, body within the 20 mm margins; no heading last.
        if $tool geom "$base.bbox" 20 > "$base.geom"; then ok "$p: every word is on the page and the body within the margins ($(tail -1 "$base.geom"))"
        else not_ok "$p: text outside the page or the margins"; head -10 "$base.geom"; fi
        if $tool headings "$base.bbox" "$base.h2" > "$base.head"; then ok "$p: no section heading is the last line of a page"
        else not_ok "$p: headings"; head -10 "$base.head"; fi

        # Page numbers: "Page N of M" (from the catalog) on each page, N = 1..M.
        template=$(msg "$L" page.n-of-m)
        if $tool footer "$base.txt" "$template" > "$base.footer"; then
            got=$(tail -1 "$base.footer")
            assert_eq "$got" "$pages pages" "$p: every page says '$template' with its number, 1..$pages"
        else not_ok "$p: page numbers ('$template')"; head -10 "$base.footer"; fi
    done
done
if [ -z "$no_lang" ]; then ok "every PDF declares its language (/Lang in the catalog)"
else not_ok "PDFs without /Lang (the language of the document, for screen readers):$no_lang"; fi

# Arabic: every Arabic word of the summary comes back intact.
rec=inputs/arabigf2014-ws05.xml
s=$(pick "$rec" "/*/$(E content)/$(E summary)" ar)
text_of "$rec" "$s" > "$WORK/ar-summary.txt"
if $tool words "$WORK/ar-summary.txt" "$WORK/arabigf2014-ws05.ar.txt,$WORK/arabigf2014-ws05.ar.layout.txt" --only-script arabic > "$WORK/ar-words.log"; then
    ok "arabigf2014-ws05.ar.pdf: every Arabic word of the summary comes back intact ($(tail -1 "$WORK/ar-words.log"))"
else not_ok "arabigf2014-ws05.ar.pdf: Arabic words of the summary broken"; head -20 "$WORK/ar-words.log"; fi

# Chinese: Simplified Chinese is set in the sc face of Noto Sans CJK, never another.
f=$WORK/igf2023-ws357.zh-Hans.fonts
if grep -q 'NotoSansCJKsc-' "$f" && ! grep -q 'CJK\(jp\|kr\|tc\|hk\)' "$f"; then ok "igf2023-ws357.zh-Hans.pdf uses NotoSansCJKsc faces only"
else not_ok "igf2023-ws357.zh-Hans.pdf CJK faces: $(awk '/CJK/ { print $1 }' "$f" | tr '\n' ' ')"; fi

# Paper sizes and dates.
info=$(pdfinfo "$WORK/letter/igf2008-bp14.en.pdf" 2>/dev/null)
case $info in *"612 x 792 pts (letter)"*) ok "--paper letter gives US Letter pages" ;;
    *) not_ok "--paper letter: $(printf '%s' "$info" | grep 'size')" ;; esac
got=$(pdfinfo -isodates "$WORK/epoch/igf2008-bp14.en.pdf" 2>/dev/null | sed -n 's/^CreationDate: *//p')
want=$(date -u -d @1800000000 +%Y-%m-%dT%H:%M:%SZ)
assert_eq "$got" "$want" "CreationDate follows SOURCE_DATE_EPOCH (1800000000 gives $want)"

# Determinism: a second render gives the same bytes, file for file.
(cd "$a" && sha256sum -- * | sort) > "$WORK/a.sums"
(cd "$b" && sha256sum -- * | sort) > "$WORK/b.sums"
if [ -s "$WORK/a.sums" ] && cmp -s "$WORK/a.sums" "$WORK/b.sums"; then
    ok "rendering twice gives identical SHA-256 for all $(wc -l < "$WORK/a.sums") files"
else not_ok "rendering twice differs"; diff "$WORK/a.sums" "$WORK/b.sums" | head -20; fi
if cmp -s "$a/igf2008-bp14.en.pdf" "$WORK/epoch/igf2008-bp14.en.pdf"; then
    not_ok "a different SOURCE_DATE_EPOCH gives the same PDF"
else ok "a different SOURCE_DATE_EPOCH gives a different PDF"; fi

# The stress record: several pages, the long URL, nothing past the right margin (the
# margin check above covers it for every page).
rec=inputs/igf2024-ms03.xml
pages=$(pdfinfo "$a/igf2024-ms03.en.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
check "igf2024-ms03.en.pdf sets to several pages ($pages)" test "${pages:-0}" -ge 3
url=$(xq "$rec" "string(//$(E link)[string-length(@href) > 250]/@href)")
check "igf2024-ms03 holds a link of about 300 characters (${#url})" test "${#url}" -ge 250
for L in en ar; do
    if tr -d ' \t\n\f' < "$WORK/igf2024-ms03.$L.txt" | grep -qF -- "$url"; then
        ok "igf2024-ms03.$L.pdf prints the ${#url}-character URL (line breaks aside)"
    else not_ok "igf2024-ms03.$L.pdf does not print the ${#url}-character URL of the link"; fi
    qpdf --json "$a/igf2024-ms03.$L.pdf" > "$WORK/igf2024-ms03.$L.all.json" 2>/dev/null
    check "igf2024-ms03.$L.pdf links to the ${#url}-character URL" $tool uri "$WORK/igf2024-ms03.$L.all.json" "$url"
done

# Running heads: a meeting name too long for the line is shortened with an ellipsis, never
# run into the session's name at the other end (left to right and right to left). The
# ellipsis stands for the elided text, which the text layer keeps: the words come back
# whole, squeezed into the ellipsis's box, so no word may overlap the other part.
long="the Eighth Annual Meeting of the Internet Governance Forum, held under the theme Building Bridges"
sed "s|<name>Internet Governance Forum 2013</name>|<name>Internet Governance Forum 2013, $long</name>|" \
    inputs/igf2013-ws041.xml > "$WORK/longhead-en.xml"
sed "s|<name>المنتدى العربي لحوكمة الإنترنت 2014</name>|<name>المنتدى العربي لحوكمة الإنترنت 2014 الاجتماع السنوي الثالث للمنتدى العربي لحوكمة الإنترنت المنعقد في بيروت تحت عنوان الإنترنت من أجل التنمية</name>|" \
    inputs/arabigf2014-ws05.xml > "$WORK/longhead-ar.xml"
for pair in "en igf2013-ws041" "ar arabigf2014-ws05"; do
    set -- $pair
    mkdir -p "$WORK/longhead-$1"
    "$RAPPORTEUR" render -f pdf -l "$1" -o "$WORK/longhead-$1" "$WORK/longhead-$1.xml" > /dev/null 2>&1
    pdf=$WORK/longhead-$1/$2.$1.pdf
    pdftotext -f 2 -l 2 -bbox-layout "$pdf" "$WORK/longhead-$1.bbox" 2>/dev/null
    if head=$($tool runninghead "$WORK/longhead-$1.bbox" 1 2>&1); then
        ok "$1: a running head too long for the line stays within the margins, its parts apart"
    else not_ok "$1: running head: $head"; fi
done
finish
