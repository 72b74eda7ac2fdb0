#!/bin/sh
# Generates the hostile cases too large to commit (tests/hostile/CASES lists them with their
# expected behaviour). Usage: sh make-generated.sh DIR [NAME...]: writes DIR/NAME.xml for each
# NAME (all of them by default). Only POSIX sh, awk, head and yes: no other dependency.
set -eu
dir=${1:?usage: make-generated.sh DIR [NAME...]}
shift
mkdir -p "$dir"

ALL="deep-nesting-100k quadratic-blowup para-20mb para-4mb para-15mb speakers-10000 deep-list-100
deep-inline-200 many-warnings line-70000 long-line-1mb many-languages"

head_of() { # head_of ID COMMENT: the XML declaration, a comment and the start of a record
    printf '<?xml version="1.0" encoding="UTF-8"?>\n<!-- hostile (generated): %s -->\n' "$2"
    printf '<report xmlns="urn:rapporteur:report:1" version="1" id="%s" xml:lang="en">\n' "$1"
}
meeting() {
    printf '  <meeting year="2013"><name>Internet Governance Forum 2013</name></meeting>\n'
    printf '  <session type="workshop"><title>%s</title></session>\n' "$1"
}

gen() {
    name=$1
    out="$dir/$name.xml"
    case $name in
    deep-nesting-100k)
        # 100,000 nested elements: the parser's depth limit must stop it, with a line.
        { head_of "$name" "100,000 levels of nesting"
          meeting "Deep"
          printf '  <content><summary>\n'
          awk 'BEGIN { for (i = 0; i < 100000; i++) printf "<list><item>"; printf "deep";
                       for (i = 0; i < 100000; i++) printf "</item></list>"; printf "\n" }'
          printf '  </summary></content>\n</report>\n'; } > "$out" ;;
    quadratic-blowup)
        # One 100 KB entity referenced 20,000 times: 2 GB once expanded.
        { printf '<?xml version="1.0" encoding="UTF-8"?>\n'
          printf '<!-- hostile (generated): quadratic blow-up, one large entity referenced many times -->\n'
          printf '<!DOCTYPE report [\n  <!ENTITY a "'
          yes 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' | head -n 2000 | tr -d '\n'
          printf '">\n]>\n'
          printf '<report xmlns="urn:rapporteur:report:1" version="1" id="%s" xml:lang="en">\n' "$name"
          meeting "Quadratic"
          printf '  <content><summary>'
          yes '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;' | head -n 2000 | tr -d '\n'
          printf '</summary></content>\n</report>\n'; } > "$out" ;;
    para-20mb)
        # A 20 MB paragraph: over the 16 MiB record limit.
        { head_of "$name" "a 20 MB paragraph"
          meeting "Twenty megabytes"
          printf '  <content><summary><p>'
          yes 'The session talked at length about everything and nothing at all again.' |
              head -c 20000000 | tr '\n' ' '
          printf '</p></summary></content>\n</report>\n'; } > "$out" ;;
    para-4mb|para-15mb)
        # A 4 or 15 MB paragraph, under the record limit; text nodes of 1 MB (libxml2 refuses
        # one text node over 10 MB), so that the typesetter gets one paragraph of that size.
        mb=${name#para-}; mb=${mb%mb}
        { head_of "$name" "a $mb MB paragraph (under the 16 MiB limit)"
          meeting "$mb megabytes"
          printf '  <content><summary><p>'
          i=0
          while [ $i -lt "$mb" ]; do
              yes 'The session talked at length about everything and nothing at all again.' |
                  head -c 1000000 | tr '\n' ' '
              printf '<em>%d</em> ' "$i"
              i=$((i + 1))
          done
          printf '</p></summary></content>\n</report>\n'; } > "$out" ;;
    speakers-10000)
        # 10,000 speakers with names, affiliations and stakeholder groups.
        { head_of "$name" "10,000 speakers"
          meeting "Ten thousand speakers"
          printf '  <cast>\n'
          printf '    <org xml:id="o1" stakeholder="civil-society"><name>Organization One</name></org>\n'
          awk 'BEGIN { for (i = 1; i <= 10000; i++)
              printf "    <person xml:id=\"p%d\" stakeholder=\"academia\" region=\"weog\"><name><given>Given%d</given> <family>Family%d</family></name><affiliation org=\"o1\"/></person>\n", i, i, i }'
          printf '  </cast>\n  <roles>\n    <role type="speaker" who="'
          awk 'BEGIN { for (i = 1; i <= 10000; i++) printf "%sp%d", (i > 1 ? " " : ""), i }'
          printf '"/>\n  </roles>\n'
          printf '  <content><summary>Everyone spoke.</summary></content>\n</report>\n'; } > "$out" ;;
    deep-list-100)
        # 100 nested lists: a valid record (depth 200, under the parser's 256), deeper than
        # the typesetter's limit of 64 blocks.
        { head_of "$name" "100 nested lists in a valid record"
          meeting "Nested lists"
          printf '  <content><agenda>\n'
          awk 'BEGIN { printf "<item>level 0"; for (i = 1; i < 100; i++) printf "<list><item>level %d", i;
                       for (i = 1; i < 100; i++) printf "</item></list>"; printf "</item>\n" }'
          printf '  </agenda></content>\n</report>\n'; } > "$out" ;;
    deep-inline-200)
        # 200 nested inline elements in one paragraph (valid; deeper than the layout's 64).
        { head_of "$name" "200 nested inline elements in a valid record"
          meeting "Nested inlines"
          printf '  <content><summary><p>'
          awk 'BEGIN { for (i = 0; i < 100; i++) printf "<em><strong>"; printf "deep";
                       for (i = 0; i < 100; i++) printf "</strong></em>"; printf "\n" }'
          printf '</p></summary></content>\n</report>\n'; } > "$out" ;;
    many-warnings)
        # 120,000 warnings of two rules interleaved in document order (gap, bidi-control)
        # from 60,000 short paragraphs (1.4 MB): sorting the messages and setting the
        # paragraphs must take time in proportion.
        { head_of "$name" "120,000 interleaved warnings from 60,000 paragraphs"
          meeting "Warnings"
          printf '  <content><summary>\n'
          awk 'BEGIN { for (i = 0; i < 60000; i++) printf "<p>&#x202E;x<gap/></p>\n" }'
          printf '  </summary></content>\n</report>\n'; } > "$out" ;;
    line-70000)
        # An error after line 65,535 (16-bit line numbers would wrap): the message must say
        # the right line, 70003, and column.
        { head_of "$name" "an error on line 70,003"
          meeting "Far away"
          printf '  <content><summary>x</summary></content>\n'
          awk 'BEGIN { for (i = 0; i < 69996; i++) printf "\n" }'
          printf '<attendance><count of="total">-1</count></attendance>\n</report>\n'; } > "$out" ;;
    long-line-1mb)
        # A 1 MB line with an error at its end: messages keep a line (the column may be 0).
        { head_of "$name" "a 1 MB line with an error at its end"
          meeting "Long line"
          printf '  <content><summary><p>'
          yes 'word' | head -n 200000 | tr '\n' ' '
          printf '</p></summary></content><attendance><count of="total">-1</count></attendance>\n</report>\n'; } > "$out" ;;
    many-languages)
        # A title in 200 languages: 400 output files from one small record (amplification).
        { head_of "$name" "one record in 200 languages"
          printf '  <meeting year="2013"><name>Internet Governance Forum 2013</name></meeting>\n'
          printf '  <session type="workshop"><title>Title</title>\n'
          awk 'BEGIN { for (i = 0; i < 200; i++) printf "    <title xml:lang=\"x-l%03d\" origin=\"human\">Title %d</title>\n", i, i }'
          printf '  </session>\n  <content><summary>x</summary></content>\n</report>\n'; } > "$out" ;;
    *)
        echo "make-generated.sh: no case $name" >&2
        return 1 ;;
    esac
}

if [ $# -eq 0 ]; then
    # shellcheck disable=SC2086
    set -- $ALL
fi
for n in "$@"; do
    gen "$n"
done
