#!/usr/bin/python3
"""Checks on what poppler's pdftotext and qpdf read back from a PDF; used by 40-pdf.sh.
Standard library only. Each subcommand prints one line per problem and exits 1 if
there was any, 0 otherwise.

  words EXPECTED.txt ACTUAL.txt[,ACTUAL2.txt] [--only-script arabic]
      every word of EXPECTED (the record's text) occurs as a word in ACTUAL
      (pdftotext output; several outputs of one PDF are pooled). Words are maximal runs of letters, marks and digits;
      a word does not mix Arabic letters, digits and other letters; Han/Kana
      characters count one by one (no spaces between them); the
      directional marks pdftotext inserts (U+200E/F, U+202A..E, U+2066..9) are
      dropped; no other normalization than NFC, so letters must come back intact.
  footer TEXT.txt TEMPLATE
      TEXT is pdftotext output (pages separated by form feeds); TEMPLATE is the
      catalog's page label such as "Page {page} of {pages}". Every page carries
      that label exactly once, with N = its number and M = the number of pages
      (a right-to-left label may come out in visual order: its words reversed).
  geom BBOX.html MARGIN_MM
      pdftotext -bbox-layout output: every word lies inside its page; every word
      of the body (all lines except the first and last band of lines of a page:
      the running head and foot) lies within the left and right margins.
  headings BBOX.html LABELS.txt
      each label of LABELS (one per line: the section headings) is found as a
      line (or two consecutive lines) of the PDF, and every such heading line has
      a body line after it on the same page (no heading is the last line).
  outline QPDF.json BBOX.html TITLES.txt
      writes the titles of the top-level outline entries to TITLES, one per
      line, and checks each entry's destination lands on its heading text.
  uri QPDF.json URL
      some link annotation of the PDF has URL as its /URI.
  runninghead BBOX.html PAGE
      the words of the first band of lines of PAGE (the running head) do not
      overlap one another and stay within the page's 20 mm margins; prints the
      head's text (a shortened head ends a part with "…").
  alts QPDF.json ALTS.txt
      QPDF.json is `qpdf --json --json-key=qpdf`; writes the text alternative
      (/Alt) of each Figure structure element to ALTS, one per line in file
      order; a Figure without /Alt is a problem.
"""
import json
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET

BIDI_MARKS = dict.fromkeys([0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
                            0x2066, 0x2067, 0x2068, 0x2069])
XHTML = '{http://www.w3.org/1999/xhtml}'
MM = 72 / 25.4
problems = []


def problem(msg):
    problems.append(msg)
    print(msg)


def clean(text):
    return unicodedata.normalize('NFC', text.translate(BIDI_MARKS))


def is_ideograph(ch):
    name = unicodedata.name(ch, '')
    return name.startswith(('CJK ', 'HIRAGANA', 'KATAKANA', 'HANGUL'))


def script(ch):
    """The class a word character belongs to: Arabic, digit or other. A word never
    mixes them (pdftotext glues an Arabic word to a neighbouring number or Latin word
    when it reorders a mixed line)."""
    if unicodedata.category(ch) == 'Nd':
        return 'digit'
    return 'arabic' if 'ARABIC' in unicodedata.name(ch, '') else 'other'


def words(text):
    out, cur, cls = [], [], None
    for ch in clean(text):
        word_char = unicodedata.category(ch)[0] in 'LMN' and not is_ideograph(ch)
        c = script(ch) if word_char else None
        # a combining mark belongs to the word it follows
        if cur and (not word_char or (c != cls and unicodedata.category(ch)[0] != 'M')):
            out.append(''.join(cur))
            cur = []
        if word_char:
            if not cur:
                cls = c
            cur.append(ch)
        elif is_ideograph(ch):
            out.append(ch)
    if cur:
        out.append(''.join(cur))
    return out


def is_arabic(word):
    return any('ARABIC' in unicodedata.name(ch, '') for ch in word)


def cmd_words(expected_file, actual_files, *opts):
    """ACTUAL_FILES: one or more pdftotext outputs separated by commas (the default
    mode joins words hyphenated at line ends, -layout does not)."""
    expected = words(open(expected_file, encoding='utf-8').read())
    actual = set()
    for f in actual_files.split(','):
        actual |= set(words(open(f, encoding='utf-8').read()))
    if '--only-script' in opts:
        expected = [w for w in expected if is_arabic(w)]
        if not expected:
            problem('no Arabic word in the expected text')
    missing = []
    for w in expected:
        if w not in actual and w not in missing:
            missing.append(w)
    for w in missing:
        problem('missing word: %s (%s)' % (w, ' '.join('U+%04X' % ord(c) for c in w)))
    print('%d words expected, %d distinct, %d missing' % (len(expected), len(set(expected)), len(missing)))


def cmd_footer(text_file, template):
    pages = open(text_file, encoding='utf-8').read().split('\f')
    if pages and not pages[-1].strip():
        pages.pop()
    total = len(pages)
    forms = [template]
    if any(unicodedata.bidirectional(c) in ('R', 'AL') for c in template):
        # pdftotext gives a right-to-left line in visual order (its words reversed)
        # when it takes the page for left-to-right: accept that order too.
        forms.append(' '.join(reversed(re.sub(r'(\{pages?\})', r' \1 ', template).split())))
    rxs = []
    for form in forms:
        parts = [p for p in re.split(r'(\{page\}|\{pages\})', re.sub(r'\s+', '', form)) if p]
        rxs.append((''.join('(?<![0-9])([0-9]+)(?![0-9])' if p in ('{page}', '{pages}') else re.escape(p)
                            for p in parts), [p for p in parts if p in ('{page}', '{pages}')]))
    for n, page in enumerate(pages, 1):
        got = []
        for rx, order in rxs:
            for m in re.findall(rx, re.sub(r'\s+', '', clean(page))):
                got.append(dict(zip(order, m if isinstance(m, tuple) else (m,))))
        if len(got) != 1:
            problem('page %d: %d page labels %s, expected one' % (n, len(got), got))
        elif int(got[0]['{page}']) != n or int(got[0]['{pages}']) != total:
            problem('page %d of %d is labelled %s of %s' % (n, total, got[0]['{page}'], got[0]['{pages}']))
    print('%d pages' % total)


def read_bbox(bbox_file):
    """[(width, height, [line, ...])] with line = (xMin, yMin, xMax, yMax, text, words)."""
    pages = []
    for page in ET.parse(bbox_file).iter(XHTML + 'page'):
        lines = []
        for line in page.iter(XHTML + 'line'):
            ws = [(float(w.get('xMin')), float(w.get('yMin')), float(w.get('xMax')),
                   float(w.get('yMax')), w.text or '') for w in line.iter(XHTML + 'word')]
            lines.append((float(line.get('xMin')), float(line.get('yMin')),
                          float(line.get('xMax')), float(line.get('yMax')),
                          ' '.join(w[4] for w in ws), ws))
        lines.sort(key=lambda l: (l[1], l[0]))
        pages.append((float(page.get('width')), float(page.get('height')), lines))
    return pages


def bands(lines):
    """Indexes of the lines of the first and of the last band: the lines that
    overlap vertically the topmost (the bottommost) line of the page."""
    if not lines:
        return set(), set()
    top = min(lines, key=lambda l: l[1])
    bottom = max(lines, key=lambda l: l[3])
    head = {i for i, l in enumerate(lines) if l[1] < top[3] - 1}
    foot = {i for i, l in enumerate(lines) if l[3] > bottom[1] + 1}
    return head, foot


def cmd_geom(bbox_file, margin_mm):
    margin = float(margin_mm) * MM
    eps = 0.5
    nwords = 0
    for n, (w, h, lines) in enumerate(read_bbox(bbox_file), 1):
        head, foot = bands(lines)
        for i, line in enumerate(lines):
            for (x0, y0, x1, y1, t) in line[5]:
                nwords += 1
                if x0 < -eps or y0 < -eps or x1 > w + eps or y1 > h + eps:
                    problem('page %d: word %r at x %.1f..%.1f y %.1f..%.1f lies outside the %.1f x %.1f page'
                            % (n, t, x0, x1, y0, y1, w, h))
                elif i not in head and i not in foot and (x0 < margin - eps or x1 > w - margin + eps):
                    problem('page %d: word %r at x %.1f..%.1f crosses the %s margin (text area x %.1f..%.1f)'
                            % (n, t, x0, x1, 'left' if x0 < margin - eps else 'right', margin, w - margin))
    print('%d words' % nwords)


def key(text):
    """Order-free fingerprint of a text: its characters without spaces, sorted
    (pdftotext's bbox output gives right-to-left words in visual order)."""
    return ''.join(sorted(c for c in clean(text) if not c.isspace()))


def cmd_headings(bbox_file, labels_file):
    labels = [l.strip() for l in open(labels_file, encoding='utf-8') if l.strip()]
    pages = read_bbox(bbox_file)
    for label in labels:
        want = key(label)
        hits = 0
        for n, (w, h, lines) in enumerate(pages, 1):
            head, foot = bands(lines)
            body = [i for i in range(len(lines)) if i not in head and i not in foot]
            for k, i in enumerate(body):
                last = None
                if key(lines[i][4]) == want:
                    last = k
                elif k + 1 < len(body) and key(lines[i][4] + lines[body[k + 1]][4]) == want:
                    last = k + 1
                if last is None:
                    continue
                hits += 1
                end = lines[body[last]][3]
                if not any(lines[j][1] >= end - 1 for j in body[last + 1:]):
                    problem('heading %r is the last line of page %d' % (label, n))
        if not hits:
            problem('heading %r not found in the PDF text' % label)
    print('%d headings' % len(labels))


def outline_entries(qpdf_json):
    return json.load(open(qpdf_json, encoding='utf-8')).get('outlines', [])


def cmd_outline(qpdf_json, bbox_file, titles_file):
    pages = read_bbox(bbox_file)
    entries = outline_entries(qpdf_json)
    with open(titles_file, 'w', encoding='utf-8') as f:
        f.write(''.join(o.get('title', '') + '\n' for o in entries))
    for o in entries:
        title = o.get('title', '')
        n, dest = o.get('destpageposfrom1'), o.get('dest') or []
        if not n or not (1 <= n <= len(pages)):
            problem('outline entry %r: no destination page' % title)
            continue
        w, h, lines = pages[n - 1]
        top = h - float(dest[3]) if len(dest) >= 4 and dest[1] == '/XYZ' and dest[3] is not None else 0
        below = [l for l in lines if l[1] >= top - 2]
        want, acc, ok = key(title), '', False
        for l in below[:3]:
            acc += l[4]
            if key(acc) == want:
                ok = True
                break
        if not ok:
            problem('outline entry %r: page %d at y %.1f shows %r' % (
                title, n, top, ' / '.join(l[4] for l in below[:2])))


def cmd_uri(qpdf_json, url):
    found = set()

    def walk(v):
        if isinstance(v, dict):
            for k, x in v.items():
                if k == '/URI' and isinstance(x, str):
                    found.add(x[2:] if x.startswith(('u:', 'b:')) else x)
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)
    walk(json.load(open(qpdf_json, encoding='utf-8')))
    if url not in found:
        problem('no link annotation has /URI %s (%d URIs)' % (url, len(found)))


def cmd_runninghead(bbox_file, page):
    width, _, lines = read_bbox(bbox_file)[int(page) - 1]
    head, _ = bands(lines)
    words = sorted((w for i in head for w in lines[i][5]), key=lambda w: w[0])
    for a, b in zip(words, words[1:]):
        if b[0] < a[2] - 0.5:
            problem('%r (x %.1f-%.1f) overlaps %r (x %.1f-%.1f)' % (a[4], a[0], a[2], b[4], b[0], b[2]))
    for w in words:
        if w[0] < 20 * MM - 1 or w[2] > width - 20 * MM + 1:
            problem('%r (x %.1f-%.1f) is outside the margins' % (w[4], w[0], w[2]))
    print(' '.join(w[4] for w in words))


def cmd_alts(qpdf_json, alts_file):
    objects = json.load(open(qpdf_json, encoding='utf-8'))['qpdf'][1]
    figures = []
    for name, obj in objects.items():
        value = obj.get('value') if isinstance(obj, dict) else None
        if isinstance(value, dict) and value.get('/S') == '/Figure':
            figures.append((int(name.split()[0].split(':')[1]), value.get('/Alt')))
    with open(alts_file, 'w', encoding='utf-8') as out:
        for number, alt in sorted(figures):
            if not isinstance(alt, str) or not alt[2:].strip():
                problem('Figure %d 0 R has no /Alt' % number)
                continue
            out.write(' '.join(alt[2:].split()) + '\n')


if __name__ == '__main__':
    cmd = {'words': cmd_words, 'footer': cmd_footer, 'geom': cmd_geom,
           'headings': cmd_headings, 'outline': cmd_outline, 'uri': cmd_uri,
           'alts': cmd_alts, 'runninghead': cmd_runninghead}
    if len(sys.argv) < 2 or sys.argv[1] not in cmd:
        sys.exit(__doc__)
    cmd[sys.argv[1]](*sys.argv[2:])
    sys.exit(1 if problems else 0)
