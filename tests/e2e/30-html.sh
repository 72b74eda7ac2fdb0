#!/bin/sh
# The HTML pages: every sample rendered in the languages it holds (-l record), and one in
# every language with a catalog (-l all). Asserts with XPath on what a reader (or a
# screen reader) gets: language and direction, title, people, counts table and chart,
# foreign-language fragments, the language switcher, localized labels and dates; then
# the Nu HTML checker and axe on every page.
. "$(dirname "$0")/lib.sh"
cd "$TOP" || exit 1
out=$WORK/record
all=$WORK/all
ALL_ID=igf2023-ws357

"$RAPPORTEUR" render -f html -l record -o "$out" inputs/*.xml > "$WORK/render.out" 2> "$WORK/render.err"
assert_eq "$?" 0 "render -f html -l record of every sample exits 0"
"$RAPPORTEUR" render -f html -l all -o "$all" "inputs/$ALL_ID.xml" > /dev/null 2> "$WORK/render-all.err"
assert_eq "$?" 0 "render -f html -l all inputs/$ALL_ID.xml exits 0"
check "render -f html writes no PDF" test -z "$(ls "$out" | grep '\.pdf$')"
check "render writes report.css beside the pages" test -s "$out/report.css"

# Pages of -l all: one per catalog.
for po in styles/catalogs/*.po; do
    l=$(basename "$po" .po)
    check "-l all renders $ALL_ID in $l (it has a catalog)" test -s "$all/$ALL_ID.$l.html"
done

# Validators: the Nu HTML checker (errors only) and axe on every page, run in the
# background while the XPath checks go on; their results are read at the end.
pages=$(ls "$out"/*.html "$all"/*.html)
( java -jar tests/node_modules/vnu-jar/build/dist/vnu.jar --errors-only --also-check-css $pages "$out/report.css" \
    > "$WORK/vnu.log" 2>&1; echo $? > "$WORK/vnu.rc" ) &
vnu_pid=$!
( node tests/e2e/axe.js $pages > "$WORK/axe.log" 2>&1; echo $? > "$WORK/axe.rc" ) &
axe_pid=$!

# English UI strings: a page in another language must not show them as its own text.
sed -n 's/^msgstr "\(.*\)"$/\1/p' styles/catalogs/en.po | grep '[A-Za-z]' | grep -v '{' |
    awk 'length($0) >= 4' | sort -u > "$WORK/en-labels"

# page_checks RECORD PAGE LANG: every assertion on one page in LANG of RECORD
page_checks() {
    rec=$1 page=$2 L=$3
    p=$(basename "$page")
    dir=$(dirname "$page")
    id=$(basename "$rec" .xml)

    # Language and direction of the page.
    # A language without a catalog gets English labels: the page is then in English.
    if has_catalog "$L" || has_catalog "${L%%-*}"; then PL=$L; else PL=en; fi
    assert_xpath "$page" "string(/html/@lang)" "$PL" "$p: html/@lang is $PL"
    case $L in ar|ar-*|he|he-*|fa|fa-*|ur|ur-*) want_dir=rtl ;; *) want_dir=ltr ;; esac
    assert_xpath "$page" "string(/html/@dir)" "$want_dir" "$p: html/@dir is $want_dir"

    # The title: the record's copy picked for L, marked with its language and a notice
    # when it is not in L; a machine translation always has a notice.
    t=$(pick "$rec" "/*/$(E session)/$(E title)" "$L")
    title=$(text_of "$rec" "$t"); tlang=$(lang_of "$rec" "$t")
    torigin=$(xq "$rec" "string($t/@origin)")
    assert_xpath "$page" "normalize-space(//h1)" "$title" "$p: h1 is the record's title for $L"
    assert_xpath "$page" "count(//h1)" 1 "$p: one h1"
    [ "$tlang" = "$PL" ] ||
        assert_xpath "$page" "string(//h1/ancestor-or-self::*[@lang][1]/@lang)" "$tlang" \
            "$p: the title, in $tlang, is marked lang=\"$tlang\""
    if [ "$tlang" != "$L" ]; then
        langname=$(msg "$L" "language.$tlang")
        notice_ok "$page" "//header//*[contains(concat(' ', @class, ' '), ' notice ')]" "$L" "$langname" "$torigin" \
            "$p: the $tlang title has a notice"
    elif [ "$torigin" = machine ]; then
        notice_ok "$page" "//header//*[contains(concat(' ', @class, ' '), ' notice ')]" "$L" "" machine \
            "$p: the machine-translated title has a machine translation notice"
    fi

    # People: every person and organization of a role, by the name picked for L, in the
    # People section, marked with its language when not L.
    missing='' badlang='' n=0
    for who in $(role_ids "$rec"); do
        copies="//*[(local-name()='person' or local-name()='org') and @xml:id='$who']/$(E name)"
        c=$(pick "$rec" "$copies" "$L") || { missing="$missing $who(no name)"; continue; }
        name=$(text_of "$rec" "$c"); nlang=$(lang_of "$rec" "$c")
        n=$((n + 1))
        shown="//section[@id='people']//bdi[contains(concat(' ', @class, ' '), ' name ')][normalize-space()=$(xlit "$name")]"
        if [ "$(xpath "$page" "count($shown)")" -ge 1 ] 2>/dev/null; then
            got=$(xpath "$page" "string(($shown)[1]/ancestor-or-self::*[@lang][1]/@lang)")
            [ "$got" = "$nlang" ] || badlang="$badlang '$name'($got, not $nlang)"
        else
            missing="$missing '$name'"
        fi
    done
    if [ -z "$missing" ]; then ok "$p: the $n people and organizations of the roles are in the People section"
    else not_ok "$p: not in the People section:$missing"; fi
    if [ -z "$badlang" ]; then ok "$p: each name in People carries the language of its copy"
    else not_ok "$p: names with the wrong language:$badlang"; fi

    # Counts: each count in the table of its role (caption), row headed by its label.
    nc=$(xq "$rec" "count(//$(E attendance)/$(E count))")
    if [ "${nc:-0}" -gt 0 ]; then
        bad='' i=1
        while [ "$i" -le "$nc" ]; do
            c="(//$(E attendance)/$(E count))[$i]"
            of=$(xq "$rec" "string($c/@of)"); role=$(xq "$rec" "string($c/@role)"); role=${role:-participant}
            value=$(text_of "$rec" "$c")
            cap=$(msg "$L" "count-role.$role"); label=$(msg "$L" "count.$of")
            row="//section[@id='participants']//table[normalize-space(caption)=$(xlit "$cap")]//tr[th[@scope='row'][normalize-space()=$(xlit "$label")]]"
            got=$(xpath "$page" "string($row/td)" | tr -cd '0-9')
            [ "$got" = "$value" ] || bad="$bad $role/$of=$value(table: '$(xpath "$page" "normalize-space($row)")')"
            i=$((i + 1))
        done
        if [ -z "$bad" ]; then ok "$p: the $nc counts are in the participants tables, by role and category"
        else not_ok "$p: counts missing or wrong in the table:$bad"; fi
        tables="//section[@id='participants']//table"
        nt=$(xpath "$page" "count($tables)")
        assert_xpath "$page" "count(${tables}[normalize-space(caption)!=''])" "$nt" "$p: each of the $nt counts tables has a caption"
        assert_xpath "$page" "count($tables//th[not(@scope='row' or @scope='col')])" 0 "$p: every th of the counts tables has @scope"
        assert_xpath "$page" "count(${tables}[count(.//th[@scope='col'])>=2])" "$nt" "$p: every counts table has column headers"
    fi

    # Charts: inline SVG with role=img, named by its title and described by its desc.
    ns=$(xpath "$page" "count(//svg)")
    if [ "${ns:-0}" -gt 0 ]; then
        bad='' k=1
        while [ "$k" -le "$ns" ]; do
            s="(//svg)[$k]"
            [ "$(xpath "$page" "string($s/@role)")" = img ] || bad="$bad svg$k:role"
            refs=$(xpath "$page" "string($s/@aria-labelledby)")
            kinds=
            for r in $refs; do
                kinds="$kinds $(xpath "$page" "local-name($s//*[@id='$r'][normalize-space()!=''])")"
                [ "$(xpath "$page" "count(//*[@id='$r'])")" = 1 ] || bad="$bad svg$k:id $r not unique"
            done
            [ "$(echo $kinds)" = "title desc" ] || bad="$bad svg$k:aria-labelledby='$refs' resolves to [$(echo $kinds)]"
            k=$((k + 1))
        done
        if [ -z "$bad" ]; then ok "$p: the $ns charts are role=img, labelled by their non-empty title and desc"
        else not_ok "$p: charts:$bad"; fi
    fi

    # Fields of content shown in another language carry lang and a notice; machine
    # translations carry a notice.
    bad='' nf=0
    fields=
    for e in description agenda keyIssues summary conclusions wayForward policyRecommendations \
             keyTakeaways callsToAction otherInitiatives progressForTomorrow sessionOutputs; do
        [ "$(xq "$rec" "count(/*/$(E content)/$(E "$e"))")" -gt 0 ] && fields="$fields $e:/*/$(E content)/$(E "$e"):$e"
    done
    for k in $(xq "$rec" "/*/$(E content)/$(E section)/@kind" | sed 's/.*="\(.*\)"/\1/' | sort -u); do
        fields="$fields section-$k:/*/$(E content)/$(E section)[@kind='$k']:section-$k"
    done
    for f in $fields; do
        sid=${f##*:}; rest=${f#*:}; copies=${rest%:*}
        c=$(pick "$rec" "$copies" "$L") || continue
        clang=$(lang_of "$rec" "$c"); corigin=$(xq "$rec" "string($c/@origin)")
        sec="//section[@id='$sid']"
        nf=$((nf + 1))
        if [ "$(xpath "$page" "count($sec)")" != 1 ]; then bad="$bad $sid:no section"; continue; fi
        if [ "$clang" != "$PL" ]; then
            [ "$(xpath "$page" "count($sec//*[@lang='$clang'])")" -ge 1 ] || bad="$bad $sid:no lang=$clang"
        fi
        if [ "$clang" != "$L" ]; then
            notice_ok "$page" "$sec//*[contains(concat(' ', @class, ' '), ' notice ')]" "$L" "$(msg "$L" "language.$clang")" "$corigin" "" ||
                bad="$bad $sid:no notice for $clang"
        elif [ "$corigin" = machine ]; then
            notice_ok "$page" "$sec//*[contains(concat(' ', @class, ' '), ' notice ')]" "$L" "" machine "" ||
                bad="$bad $sid:no machine translation notice"
        fi
    done
    if [ -z "$bad" ]; then ok "$p: the $nf content fields in another language or machine-made carry lang and a notice"
    else not_ok "$p: content fields:$bad"; fi

    # No English UI label shown as text of the page's own language (a page in a
    # language without a catalog falls back to English labels: they need lang="en").
    if [ "$L" != en ]; then
        xpath_lines "$page" "//body//text()[normalize-space()][ancestor::*[@lang][1]/@lang='$L']" |
            sed 's/^(\(.*\))$/\1/' | sort -u > "$WORK/own-texts"
        has_catalog "$L" && sed -n 's/^msgstr "\(.*\)"$/\1/p' "$(catalog "$L")" | sort -u > "$WORK/own-labels" || : > "$WORK/own-labels"
        leaked=$(comm -12 "$WORK/own-texts" "$WORK/en-labels" | comm -23 - "$WORK/own-labels")
        if [ -z "$leaked" ]; then ok "$p: no English label is presented as $L text"
        else not_ok "$p: English labels without lang=\"en\" in a $L page: $(printf '%s' "$leaked" | tr '\n' '|')"; fi
    fi

    # Language switcher and alternates: every page of the record, named in its language.
    nav="//nav[contains(concat(' ', @class, ' '), ' languages ')]//a"
    pages_of=$(ls "$dir" | grep "^$id\.[^.]*\.html\$" | sort)
    links=$(xpath_lines "$page" "$nav/@href" | sort)
    alts=$(xpath_lines "$page" "//link[@rel='alternate'][@hreflang]/@href" | sort)
    if [ "$(echo $pages_of | wc -w)" -eq 1 ] && [ -z "$links" ]; then
        ok "$p: the only page of $id has no language switcher"
    else
        assert_eq "$(echo $links)" "$(echo $pages_of)" "$p: the language switcher links every page of $id"
    fi
    if [ "$(echo $pages_of | wc -w)" -eq 1 ] && [ -z "$alts" ]; then :; else
        assert_eq "$(echo $alts)" "$(echo $pages_of)" "$p: link rel=alternate hreflang lists every page of $id"
    fi
    bad=
    nl=$(xpath "$page" "count($nav)")
    k=1
    while [ "$k" -le "${nl:-0}" ]; do
        a="($nav)[$k]"
        href=$(xpath "$page" "string($a/@href)"); hl=$(xpath "$page" "string($a/@hreflang)")
        text=$(xpath "$page" "normalize-space($a)")
        [ -f "$dir/$href" ] || bad="$bad $href:missing file"
        [ "$href" = "$id.$hl.html" ] || bad="$bad $href:hreflang=$hl"
        [ "$(xpath "$page" "string($a/@lang)")" = "$hl" ] || bad="$bad $href:lang is not $hl"
        if has_catalog "$hl"; then
            self=$(msg "$hl" language.self)
            [ "$text" = "$self" ] || bad="$bad $href:'$text' not '$self'"
        else
            [ -n "$text" ] || bad="$bad $href:empty"
        fi
        if [ "$hl" = "$L" ]; then
            [ "$(xpath "$page" "string($a/@aria-current)")" = page ] || bad="$bad $href:no aria-current"
        else
            [ -z "$(xpath "$page" "string($a/@aria-current)")" ] || bad="$bad $href:aria-current on another page"
        fi
        k=$((k + 1))
    done
    for h in $(xpath_lines "$page" "//link[@rel='alternate']/@href"); do
        hl=$(xpath "$page" "string(//link[@rel='alternate'][@href='$h']/@hreflang)")
        [ -f "$dir/$h" ] && [ "$h" = "$id.$hl.html" ] || bad="$bad alternate $h($hl)"
    done
    if [ -z "$bad" ]; then ok "$p: switcher and alternates resolve, each language named in itself"
    else not_ok "$p: language links:$bad"; fi

    # Localized labels, read from the catalog (English for a language without one).
    bad='' nh=0
    for sid in $(xpath_lines "$page" "//main//section[@id]/@id"); do
        case $sid in
            details) key=label.session ;;
            section-*|presentation-*) continue ;;
            *) key=label.$(printf '%s' "$sid" | sed 's/\([A-Z]\)/-\1/g' | tr 'A-Z' 'a-z') ;;
        esac
        want=$(msg "$L" "$key")
        [ -n "$want" ] || { bad="$bad $sid:no $key in the catalog"; continue; }
        got=$(xpath "$page" "normalize-space(//section[@id='$sid']/*[self::h2 or self::h3][1])")
        [ "$got" = "$want" ] || bad="$bad $sid:'$got' not '$want'"
        if ! has_catalog "$L"; then
            [ "$(xpath "$page" "string(//section[@id='$sid']/*[self::h2 or self::h3][1]/ancestor-or-self::*[@lang][1]/@lang)")" = en ] ||
                bad="$bad $sid:English label not lang=en"
        fi
        nh=$((nh + 1))
    done
    for by in $(xq "$rec" "/*/$(E content)/$(E presentation)/@by" | sed 's/.*="\(.*\)"/\1/' | sort -u); do
        c=$(pick "$rec" "//*[@xml:id='$by']/$(E name)" "$L")
        want=$(fill "$(msg "$L" label.presentation-by)" name "$(text_of "$rec" "$c")")
        got=$(xpath "$page" "normalize-space(//section[@id='presentation-$by']/h3)")
        [ "$got" = "$want" ] || bad="$bad presentation-$by:'$got' not '$want'"
        nh=$((nh + 1))
    done
    want=$(msg "$L" label.about-record)
    got=$(xpath "$page" "normalize-space(//footer//section/h2)")
    [ "$got" = "$want" ] || bad="$bad footer:'$got' not '$want'"
    if [ -n "$links" ]; then
        want=$(msg "$L" ui.other-languages)
        got=$(xpath "$page" "string(//nav[contains(concat(' ', @class, ' '), ' languages ')]/@aria-label)")
        [ "$got" = "$want" ] || bad="$bad nav:'$got' not '$want'"
    fi
    want=$(msg "$L" ui.skip-to-content)
    got=$(xpath "$page" "normalize-space(//a[@href='#main'])")
    [ "$got" = "$want" ] || bad="$bad skip link:'$got' not '$want'"
    if [ -z "$bad" ]; then ok "$p: the $nh section headings, footer, skip link and switcher are labelled from the $(basename "$(catalog "$L")") catalog"
    else not_ok "$p: labels:$bad"; fi

    # The session date, localized.
    when=$(xq "$rec" "string(/*/$(E session)/$(E date)/@when)")
    if [ -n "$when" ]; then
        want=$(local_date "$L" "$when")
        got=$(xpath "$page" "normalize-space(//header//time[@datetime='$when'])")
        case $got in
            "$want"*) ok "$p: the session date reads '$want'" ;;
            *) not_ok "$p: the session date reads '$got', expected '$want...'" ;;
        esac
    fi
}

# notice_ok PAGE NOTICES LANG LANGNAME ORIGIN DESCRIPTION: some element of NOTICES says
# the text is in LANGNAME (the catalog's "Original in", "Translation in" or "Text in"),
# and, if ORIGIN is machine, that it is a machine translation. With a DESCRIPTION,
# prints ok/not ok; without, only returns the result.
notice_ok() {
    _n_texts=$(xpath_lines "$1" "$2")
    _n_good=true
    if [ -n "$4" ]; then
        _n_found=false
        for _n_key in notice.original-in notice.translation-in notice.text-in; do
            _n_t=$(fill "$(msg "$3" "$_n_key")" language "$4")
            case $_n_texts in *"$_n_t"*) _n_found=true ;; esac
        done
        $_n_found || _n_good=false
    fi
    if [ "$5" = machine ]; then
        case $_n_texts in *"$(msg "$3" notice.machine)"*) ;; *) _n_good=false ;; esac
    fi
    if [ -n "$6" ]; then
        if $_n_good; then ok "$6"; else not_ok "$6: notices are '$(echo $_n_texts)'"; fi
    fi
    $_n_good
}

# local_date LANG YYYY-MM-DD: the date as LANG's catalog writes it
local_date() {
    y=${2%%-*}; m=${2#*-}; m=${m%%-*}; d=${2##*-}
    m=${m#0}; d=${d#0}
    day=$(msg "$1" "date.day.$d"); day=${day:-$d}
    fill "$(msg "$1" date.format)" day "$day" month "$(msg "$1" "month.$m")" year "$y"
}

for rec in inputs/*.xml; do
    id=$(basename "$rec" .xml)
    langs=$(record_langs "$rec")
    got=$(ls "$out" | grep "^$id\.[^.]*\.html\$" | sed "s/^$id\.\(.*\)\.html\$/\1/" | sort)
    assert_eq "$(echo $got)" "$(echo $langs)" "$id: -l record renders one page per language of the record"
    for L in $langs; do
        page=$out/$id.$L.html
        if [ -s "$page" ]; then page_checks "$rec" "$page" "$L"; else not_ok "$id.$L.html not rendered"; fi
    done
done
for po in styles/catalogs/*.po; do
    L=$(basename "$po" .po)
    [ -s "$all/$ALL_ID.$L.html" ] && page_checks "inputs/$ALL_ID.xml" "$all/$ALL_ID.$L.html" "$L"
done

# Specific expectations of the brief, spelled out.
assert_xpath "$out/arabigf2014-ws05.ar.html" "string(/html/@dir)" rtl "Arabic page is right-to-left"
assert_xpath "$out/igf2013-ws041.en.html" "string(//section[@id='summary']//*[@lang='fr'][1]/@lang)" fr \
    "the French summary in the English page of igf2013-ws041 has lang=fr"
assert_xpath "$out/igf2013-ws041.fr.html" "normalize-space(//section[@id='summary']/h2)" "Résumé" "the French page has the heading 'Résumé'"
assert_xpath "$out/igf2013-ws041.fr.html" "normalize-space(//header//time)" "24 octobre 2013" "the French page dates the session '24 octobre 2013'"
assert_xpath "$all/$ALL_ID.en.html" "count(//nav//a[normalize-space()='Français'][@lang='fr'])" 1 "the switcher names French 'Français'"
assert_xpath "$all/$ALL_ID.en.html" "count(//nav//a[normalize-space()='العربية'][@lang='ar'])" 1 "the switcher names Arabic 'العربية'"
assert_xpath "$all/$ALL_ID.en.html" "count(//nav//a[normalize-space()='中文'][@lang='zh-Hans'])" 1 "the switcher names Chinese '中文'"

# A first of the month, in French: "1er".
sed 's|<date when="2013-10-24"/>|<date when="2013-10-01"/>|' inputs/igf2013-ws041.xml > "$WORK/first.xml"
"$RAPPORTEUR" render -f html -l fr -o "$WORK/first" "$WORK/first.xml" > /dev/null 2>&1
assert_xpath "$WORK/first/igf2013-ws041.fr.html" "normalize-space(//header//time)" "$(local_date fr 2013-10-01)" \
    "the French page dates a first of the month '$(local_date fr 2013-10-01)'"

wait "$vnu_pid" "$axe_pid"
rc=$(cat "$WORK/vnu.rc" 2>/dev/null || echo none)
if [ "$rc" = 0 ] && [ ! -s "$WORK/vnu.log" ]; then ok "Nu HTML checker: no errors in $(echo $pages | wc -w) pages and report.css"
else not_ok "Nu HTML checker: exit $rc"; head -50 "$WORK/vnu.log"; fi
rc=$(cat "$WORK/axe.rc" 2>/dev/null || echo none)
if [ "$rc" = 0 ] && grep -q ', 0 violations' "$WORK/axe.log"; then ok "axe: $(tail -1 "$WORK/axe.log")"
else not_ok "axe: exit $rc"; head -50 "$WORK/axe.log"; fi
finish
