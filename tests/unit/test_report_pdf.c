/* Unit tests of report_pdf and pdf (generator/report_pdf.h, pdf.h): layout
 * documents and records into PDF files, reproducibly, atomically. */
#include <criterion/criterion.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>

#include "catalog.h"
#include "fonts.h"
#include "grammar.h"
#include "pdf.h"
#include "record.h"
#include "report_pdf.h"
#include "transform.h"
#include "support.h"

#define EPOCH_2013 "1382572800" /* 2013-10-24T00:00:00Z */
#define EPOCH_2023 "1700000000" /* 2023-11-14T22:13:20Z */

static const char *data;
static char *dir;
static report_pdf *rp;
static diag *d;

static void log_diag(void)
{
    for (size_t i = 0; i < diag_length(d); i++) {
        char *line = diag_format(diag_get(d, i));
        cr_log_info("%s", line);
        g_free(line);
    }
}

static void setup(void)
{
    data = getenv("RAPPORTEUR_DATA_DIR");
    cr_assert_not_null(data, "RAPPORTEUR_DATA_DIR is not set");
    g_setenv("SOURCE_DATE_EPOCH", EPOCH_2013, TRUE);
    dir = g_dir_make_tmp("rp-pdf-XXXXXX", NULL);
    cr_assert_not_null(dir);
    d = diag_new();
    rp = report_pdf_new(data, NULL, d);
    log_diag();
    cr_assert_not_null(rp);
}

static void teardown(void)
{
    report_pdf_free(rp);
    diag_free(d);
    if (dir != NULL)
        support_remove_tree(dir);
    g_free(dir);
    rp = NULL;
    d = NULL;
    dir = NULL;
}

TestSuite(report_pdf, .init = setup, .fini = teardown);
TestSuite(pdf_escape_uri);

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

/* A layout document: the root's attributes, then its children. */
#define DOC(attrs, body)                                                                           \
    "<l:document xmlns:l='urn:rapporteur:layout:1' " attrs ">"                                     \
    "<l:style name='body' font='Noto Serif, Noto Naskh Arabic' size='10'/>" body "</l:document>"

#define FOOTER "<l:footer style='body'><l:end>Page {page} of {pages}</l:end></l:footer>"

static char *in_dir(const char *name)
{
    return g_build_filename(dir, name, NULL);
}

/* Renders `xml` to dir/name; returns the path (g_free) and sets *ok. */
static char *render(const char *xml, const char *name, bool *ok)
{
    xmlDoc *x = xmlReadMemory(xml, (int)strlen(xml), "layout.xml", NULL, XML_PARSE_NONET);
    cr_assert_not_null(x, "not well-formed: %s", xml);
    char *path = in_dir(name);
    *ok = report_pdf_render_layout(rp, x, "record.xml", path, d);
    xmlFreeDoc(x);
    log_diag();
    return path;
}

/* Renders and expects success; returns the file's bytes (g_free). */
static char *render_ok(const char *xml, const char *name, gsize *len)
{
    bool ok = false;
    char *path = render(xml, name, &ok);
    cr_assert(ok, "rendering failed");
    cr_assert_eq(diag_count(d, DIAG_ERROR), 0);
    char *bytes = NULL;
    cr_assert(g_file_get_contents(path, &bytes, len, NULL), "no %s", path);
    g_free(path);
    return bytes;
}

/* The first occurrence of `needle` in bytes[0..len), or NULL: PDFs hold
 * binary streams with NUL bytes. */
static const char *find(const char *bytes, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; n <= len && i <= len - n; i++) {
        if (bytes[i] == needle[0] && memcmp(bytes + i, needle, n) == 0)
            return bytes + i;
    }
    return NULL;
}

static size_t count(const char *bytes, size_t len, const char *needle)
{
    size_t n = 0;
    const char *p = bytes;
    while ((p = find(p, len - (size_t)(p - bytes), needle)) != NULL) {
        n++;
        p++;
    }
    return n;
}

#define assert_has(bytes, len, s) cr_assert_not_null(find(bytes, len, s), "no %s in the PDF", s)
#define assert_lacks(bytes, len, s) cr_assert_null(find(bytes, len, s), "%s in the PDF", s)

static gint by_name(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in dir, sorted, joined with ",". */
static char *listing(void)
{
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    GDir *gd = g_dir_open(dir, 0, NULL);
    const char *name;
    while (gd != NULL && (name = g_dir_read_name(gd)) != NULL)
        g_ptr_array_add(names, g_strdup(name));
    if (gd != NULL)
        g_dir_close(gd);
    g_ptr_array_sort(names, by_name);
    g_ptr_array_add(names, NULL);
    char *joined = g_strjoinv(",", (char **)names->pdata);
    g_ptr_array_free(names, TRUE);
    return joined;
}

static void assert_listing(const char *want)
{
    char *got = listing();
    cr_assert_str_eq(got, want);
    g_free(got);
}

/* The cross-reference table is right: startxref points at it, and each
 * object's offset at "N 0 obj" (pdf.c inserts /Lang into the catalog and
 * moves what follows). */
static void assert_xref_intact(const char *pdf, size_t len)
{
    const char *sx = NULL;
    for (const char *p = pdf; (p = find(p, len - (size_t)(p - pdf), "startxref\n")) != NULL; p++)
        sx = p;
    cr_assert_not_null(sx);
    unsigned long xref = strtoul(sx + 10, NULL, 10);
    cr_assert_lt(xref, len);
    cr_assert_eq(strncmp(pdf + xref, "xref\n0 ", 7), 0, "startxref %lu is not the table", xref);
    char *end = NULL;
    unsigned long n = strtoul(pdf + xref + 7, &end, 10);
    cr_assert_gt(n, 1);
    const char *entry = end + 1;
    for (unsigned long i = 0; i < n; i++, entry += 20) {
        cr_assert_lt((size_t)(entry - pdf) + 20, len);
        if (entry[17] != 'n')
            continue;
        unsigned long off = strtoul(entry, NULL, 10);
        char want[32];
        g_snprintf(want, sizeof want, "%lu 0 obj", i);
        cr_assert_eq(strncmp(pdf + off, want, strlen(want)), 0, "object %lu is not at %lu", i, off);
    }
}

/* /Count of the page tree. */
static int page_count(const char *pdf, size_t len)
{
    const char *pages = find(pdf, len, "<< /Type /Pages");
    cr_assert_not_null(pages);
    const char *c = find(pages, len - (size_t)(pages - pdf), "/Count ");
    cr_assert_not_null(c);
    return atoi(c + 7);
}

/* Reads the PDF string at *p, literal "(...)" or hexadecimal "<...>", into
 * its bytes; moves *p past it. */
static GByteArray *pdf_string(const char **p, const char *end)
{
    GByteArray *out = g_byte_array_new();
    const char *s = *p;
    if (*s == '<') {
        for (s++; s + 1 < end && *s != '>'; s += 2) {
            guint8 b = (guint8)((g_ascii_xdigit_value(s[0]) << 4) | g_ascii_xdigit_value(s[1]));
            g_byte_array_append(out, &b, 1);
        }
        *p = s + 1;
        return out;
    }
    cr_assert_eq(*s, '(', "not a string: %.20s", s);
    int depth = 1;
    for (s++; s < end; s++) {
        guint8 b = (guint8)*s;
        if (*s == '\\' && s + 1 < end) {
            s++;
            if (*s >= '0' && *s <= '7') {
                int v = 0;
                for (int k = 0; k < 3 && s < end && *s >= '0' && *s <= '7'; k++, s++)
                    v = v * 8 + (*s - '0');
                s--;
                b = (guint8)v;
            } else {
                b = (guint8)(*s == 'n' ? '\n' : *s == 'r' ? '\r' : *s == 't' ? '\t' : *s);
            }
        } else if (*s == '(') {
            depth++;
        } else if (*s == ')' && --depth == 0) {
            break;
        }
        g_byte_array_append(out, &b, 1);
    }
    *p = s + 1;
    return out;
}

/* Every "/Dest" (links and outline entries) names a destination of the
 * document's name tree, compared as PDF strings are: byte for byte. */
static void assert_dests_resolve(const char *pdf, size_t len, size_t want_refs)
{
    const char *end = pdf + len;
    const char *names = find(pdf, len, "<< /Names [");
    cr_assert_not_null(names);
    GPtrArray *keys = g_ptr_array_new_with_free_func((GDestroyNotify)g_byte_array_unref);
    const char *p = names + 11;
    for (;;) {
        while (p < end && g_ascii_isspace(*p))
            p++;
        if (p >= end || *p == ']')
            break;
        g_ptr_array_add(keys, pdf_string(&p, end));
        /* Skip the destination array. */
        while (p < end && *p != ']')
            p++;
        p++;
    }
    cr_assert_gt(keys->len, 0);
    size_t refs = 0;
    for (const char *q = pdf; (q = find(q, (size_t)(end - q), "/Dest ")) != NULL;) {
        q += 6;
        GByteArray *ref = pdf_string(&q, end);
        bool found = false;
        for (guint k = 0; k < keys->len; k++) {
            GByteArray *key = g_ptr_array_index(keys, k);
            found |= key->len == ref->len && memcmp(key->data, ref->data, ref->len) == 0;
        }
        if (!found) {
            GString *hex = g_string_new(NULL);
            for (guint k = 0; k < ref->len; k++)
                g_string_append_printf(hex, "%02X", ref->data[k]);
            cr_assert_fail("/Dest <%s> names no destination", hex->str);
        }
        g_byte_array_unref(ref);
        refs++;
    }
    cr_assert_eq(refs, want_refs);
    g_ptr_array_free(keys, TRUE);
}

/* A flow long enough for several pages. */
static char *sections(int n)
{
    GString *s = g_string_new(NULL);
    for (int i = 1; i <= n; i++)
        g_string_append_printf(s,
                               "<l:heading level='2' id='s%d' outline='Section %d'>Section %d"
                               "</l:heading><l:p>The session talked at length about "
                               "everything and nothing, again and again, so that this "
                               "paragraph takes several lines and pages fill up.</l:p>",
                               i, i, i);
    return g_string_free(s, FALSE);
}

/* ------------------------------------------------------------------ */
/* URI escaping                                                        */
/* ------------------------------------------------------------------ */

static void assert_escaped(const char *uri, const char *want)
{
    char *got = pdf_escape_uri(uri);
    cr_assert_str_eq(got, want);
    g_free(got);
}

Test(pdf_escape_uri, a_plain_uri_is_kept)
{
    assert_escaped("https://www.intgovforum.org/en/content/igf-2013?a=1&b=2;c=%7E#top",
                   "https://www.intgovforum.org/en/content/igf-2013?a=1&b=2;c=%7E#top");
    assert_escaped("mailto:someone@example.org", "mailto:someone@example.org");
}

Test(pdf_escape_uri, spaces_quotes_backslashes_and_parentheses_are_encoded)
{
    assert_escaped("a b\"c'd\\e(f)g", "a%20b%22c%27d%5Ce%28f%29g");
    assert_escaped("<x>{y}|^`", "%3Cx%3E%7By%7D%7C%5E%60");
}

Test(pdf_escape_uri, non_ascii_bytes_are_encoded_one_by_one)
{
    assert_escaped("https://ar.example.org/منتدى", "https://ar.example.org/"
                                                   "%D9%85%D9%86%D8%AA%D8%AF%D9%89");
    assert_escaped("é\x7f\x01", "%C3%A9%7F%01");
}

Test(pdf_escape_uri, existing_escapes_are_kept_and_stray_percents_encoded)
{
    assert_escaped("100%25", "100%25");
    assert_escaped("50% off", "50%25%20off");
    assert_escaped("%zz%4", "%25zz%254");
    assert_escaped("%", "%25");
    assert_escaped("", "");
}

/* ------------------------------------------------------------------ */
/* The file                                                            */
/* ------------------------------------------------------------------ */

Test(report_pdf, a_layout_becomes_a_pdf_file_and_nothing_else)
{
    gsize len = 0;
    char *pdf =
        render_ok(DOC("lang='en' title='Workshop 41'", FOOTER "<l:flow><l:p>Hello.</l:p></l:flow>"),
                  "ws041.en.pdf", &len);
    cr_assert_gt(len, 1000);
    cr_assert_eq(strncmp(pdf, "%PDF-", 5), 0);
    cr_assert_eq(memcmp(pdf + len - 6, "%%EOF\n", 6), 0);
    cr_assert_eq(diag_length(d), 0);
    assert_listing("ws041.en.pdf");
    assert_xref_intact(pdf, len);
    cr_assert_eq(page_count(pdf, len), 1);
    assert_has(pdf, len, "/Title (Workshop 41)");
    g_free(pdf);
}

Test(report_pdf, an_empty_flow_gives_one_page_and_a_long_one_more)
{
    gsize len = 0;
    char *empty = render_ok(DOC("", "<l:flow/>"), "empty.pdf", &len);
    cr_assert_eq(page_count(empty, len), 1);
    g_free(empty);
    char *body = sections(40);
    char *xml = g_strdup_printf(DOC("lang='en'", FOOTER "<l:flow>%s</l:flow>"), body);
    char *longer = render_ok(xml, "long.pdf", &len);
    cr_assert_gt(page_count(longer, len), 2);
    g_free(longer);
    g_free(xml);
    g_free(body);
}

Test(report_pdf, the_page_size_is_the_documents)
{
    gsize len = 0;
    char *letter = render_ok(DOC("", "<l:page width='8.5in' height='11in'/><l:flow><l:p>Letter"
                                     "</l:p></l:flow>"),
                             "letter.pdf", &len);
    assert_has(letter, len, "/MediaBox [ 0 0 612 792 ]");
    g_free(letter);
    char *a4 = render_ok(DOC("", "<l:flow><l:p>A4</l:p></l:flow>"), "a4.pdf", &len);
    assert_has(a4, len, "/MediaBox [ 0 0 595.28 841.89 ]");
    g_free(a4);
}

/* ------------------------------------------------------------------ */
/* Reproducibility and dates                                           */
/* ------------------------------------------------------------------ */

static const char everything[] =
    DOC("lang='en' title='Everything' author='IGF' subject='S' keywords='k' creator='c'", FOOTER
        "<l:style name='zh' base='body' font='Noto Sans CJK SC'/>"
        "<l:flow><l:heading level='1' id='top' outline='Top'>Everything</l:heading>"
        "<l:p>A <l:span href='https://example.org/a b'>link</l:span> and a "
        "<l:span dest='top'>jump</l:span>.</l:p>"
        "<l:p lang='ar' dir='rtl'>ناقشت الجلسة <l:span lang='en' isolate='true'>IGF 2014</l:span>"
        "</l:p><l:p style='zh' lang='zh-Hans'>互联网治理论坛</l:p>"
        "<l:table widths='1 1'><l:row header='true'><l:cell>Name</l:cell><l:cell>Value"
        "</l:cell></l:row><l:row><l:cell>a</l:cell><l:cell>1</l:cell></l:row></l:table>"
        "<l:chart title='Participants'><l:bar label='Female' value='38'/><l:bar "
        "label='Male' value='39'/></l:chart><l:list><l:item marker='1.'><l:p>Item</l:p>"
        "</l:item></l:list></l:flow>");

Test(report_pdf, the_same_layout_gives_the_same_bytes_twice)
{
    gsize len1 = 0, len2 = 0;
    char *a = render_ok(everything, "a.pdf", &len1);
    char *b = render_ok(everything, "b.pdf", &len2);
    cr_assert_eq(len1, len2);
    cr_assert_eq(memcmp(a, b, len1), 0, "the two PDFs differ");
    g_free(a);
    g_free(b);
}

Test(report_pdf, the_dates_are_the_only_thing_source_date_epoch_changes)
{
    gsize len1 = 0, len2 = 0;
    char *a = render_ok(everything, "a.pdf", &len1);
    g_setenv("SOURCE_DATE_EPOCH", EPOCH_2023, TRUE);
    char *b = render_ok(everything, "b.pdf", &len2);
    cr_assert_eq(len1, len2);
    cr_assert_neq(memcmp(a, b, len1), 0);
    cr_assert_eq(count(a, len1, "20131024000000Z"), 2);
    cr_assert_eq(count(b, len2, "20231114221320Z"), 2);
    /* With the dates swapped, the files are the same. */
    for (char *p = a; (p = (char *)find(p, len1 - (size_t)(p - a), "20131024000000Z")) != NULL;)
        memcpy(p, "20231114221320Z", 15);
    cr_assert_eq(memcmp(a, b, len1), 0);
    g_free(a);
    g_free(b);
}

/* The date string of an Info entry such as "/CreationDate", without the
 * "D:" prefix, which cairo 1.16 leaves out (see the disabled test below). */
static char *info_date(const char *pdf, size_t len, const char *key)
{
    char *k = g_strdup_printf("%s (", key);
    const char *p = find(pdf, len, k);
    cr_assert_not_null(p, "no %s", key);
    p += strlen(k);
    g_free(k);
    if (strncmp(p, "D:", 2) == 0)
        p += 2;
    return g_strndup(p, strcspn(p, ")"));
}

Test(report_pdf, the_creation_date_follows_source_date_epoch)
{
    gsize len = 0;
    char *pdf = render_ok(DOC("date='2001-02-03'", "<l:flow><l:p>x</l:p></l:flow>"), "a.pdf", &len);
    char *created = info_date(pdf, len, "/CreationDate");
    char *modified = info_date(pdf, len, "/ModDate");
    cr_assert_str_eq(created, "20131024000000Z");
    cr_assert_str_eq(modified, "20131024000000Z");
    g_free(created);
    g_free(modified);
    g_free(pdf);
}

Test(report_pdf, without_source_date_epoch_the_documents_date_is_used)
{
    g_unsetenv("SOURCE_DATE_EPOCH");
    gsize len = 0;
    char *pdf = render_ok(DOC("date='2014-09-02T10:30:00'", "<l:flow><l:p>x</l:p></l:flow>"),
                          "a.pdf", &len);
    char *created = info_date(pdf, len, "/CreationDate");
    cr_assert_str_eq(created, "20140902000000Z");
    g_free(created);
    g_free(pdf);
    /* And with no date at all, a fixed one: never the clock. */
    pdf = render_ok(DOC("", "<l:flow><l:p>x</l:p></l:flow>"), "b.pdf", &len);
    created = info_date(pdf, len, "/CreationDate");
    cr_assert_str_eq(created, "20060101000000Z");
    g_free(created);
    g_free(pdf);
}

Test(report_pdf, a_source_date_epoch_that_is_not_a_number_is_warned_about)
{
    g_setenv("SOURCE_DATE_EPOCH", "yesterday", TRUE);
    gsize len = 0;
    char *pdf = render_ok(DOC("date='2014-09-02'", "<l:flow><l:p>x</l:p></l:flow>"), "a.pdf", &len);
    cr_assert_eq(diag_count(d, DIAG_WARNING), 1);
    cr_assert(strstr(diag_get(d, 0)->message, "yesterday") != NULL);
    char *created = info_date(pdf, len, "/CreationDate");
    cr_assert_str_eq(created, "20140902000000Z");
    g_free(created);
    g_free(pdf);
}

/* PDF dates start with "D:" (ISO 32000-1, 7.9.4); cairo 1.16's
 * iso8601_to_pdf_date_string() leaves it out, and pdf.c adds it. */
Test(report_pdf, the_dates_are_pdf_dates)
{
    gsize len = 0;
    char *pdf = render_ok(DOC("", "<l:flow><l:p>x</l:p></l:flow>"), "a.pdf", &len);
    assert_has(pdf, len, "/CreationDate (D:20131024000000Z)");
    assert_has(pdf, len, "/ModDate (D:20131024000000Z)");
    g_free(pdf);
}

/* ------------------------------------------------------------------ */
/* Catalog, links, structure                                           */
/* ------------------------------------------------------------------ */

Test(report_pdf, the_catalog_has_the_documents_language)
{
    gsize len = 0;
    char *pdf = render_ok(
        DOC("lang='ar' dir='rtl' title='تقرير'", FOOTER "<l:flow><l:p>ناقشت الجلسة</l:p></l:flow>"),
        "ar.pdf", &len);
    const char *catalog = find(pdf, len, "<< /Type /Catalog");
    cr_assert_not_null(catalog);
    const char *lang = find(catalog, len - (size_t)(catalog - pdf), "/Lang (ar)");
    cr_assert_not_null(lang, "no /Lang in the catalog");
    cr_assert_not_null(find(catalog, len - (size_t)(catalog - pdf),
                            "/ViewerPreferences << /DisplayDocTitle true >>"));
    cr_assert_eq(count(pdf, len, "/Lang"), 1);
    /* The insertion moved the cross-reference table: its offsets follow. */
    assert_xref_intact(pdf, len);
    g_free(pdf);
}

Test(report_pdf, a_language_that_is_not_a_tag_is_left_out)
{
    gsize len = 0;
    char *pdf =
        render_ok(DOC("lang='en) /OpenAction (x'", "<l:flow><l:p>x</l:p></l:flow>"), "a.pdf", &len);
    assert_lacks(pdf, len, "/Lang");
    assert_lacks(pdf, len, "/OpenAction");
    assert_xref_intact(pdf, len);
    g_free(pdf);
}

Test(report_pdf, link_uris_are_escaped_in_the_pdf)
{
    gsize len = 0;
    char *pdf = render_ok(DOC("lang='en'", "<l:flow><l:p>See <l:span href=\"https://example.org/"
                                           "a b?c=(d)&amp;e='f'\\g\xC3\xA9\">this</l:span>."
                                           "</l:p></l:flow>"),
                          "a.pdf", &len);
    assert_has(pdf, len, "/URI (https://example.org/a%20b?c=%28d%29&e=%27f%27%5Cg%C3%A9)");
    cr_assert_eq(count(pdf, len, "/URI ("), 1);
    assert_xref_intact(pdf, len);
    g_free(pdf);
}

Test(report_pdf, internal_links_and_the_outline_use_named_destinations)
{
    gsize len = 0;
    char *pdf = render_ok(DOC("lang='en'", "<l:flow><l:p>Go <l:span dest='s2'>below</l:span>."
                                           "</l:p><l:heading id='s1' outline='One'>One"
                                           "</l:heading><l:heading id='s2' outline='Two' "
                                           "outline-level='2'>Two</l:heading><l:heading id='s2' "
                                           "outline='Again'>Same id</l:heading></l:flow>"),
                          "a.pdf", &len);
    assert_has(pdf, len, "/Dest (s2)");
    assert_has(pdf, len, "(s1) [");
    assert_has(pdf, len, "(s2) [");
    assert_has(pdf, len, "/Title (One)");
    assert_has(pdf, len, "/Title (Two)");
    /* A second heading with the same id gets neither. */
    assert_lacks(pdf, len, "/Title (Again)");
    cr_assert_eq(count(pdf, len, "(s2) ["), 1);
    /* One link and two outline entries. */
    assert_dests_resolve(pdf, len, 3);
    g_free(pdf);
}

/* cairo 1.16 writes a destination's name into the name tree as raw bytes
 * but refers to it from links and outline entries as UTF-16, so a name
 * with non-ASCII letters would be dead. Anchors come from the record
 * (sections.xsl: "presentation-" + @by, an NCName, which may hold any
 * letter): pdf.c hands cairo ASCII-only names, escaping the rest the same
 * way for the destination, the links and the outline. */
Test(report_pdf, destinations_with_non_ascii_names_are_reachable)
{
    gsize len = 0;
    char *pdf = render_ok(DOC("lang='en'", "<l:flow><l:heading id='presentation-p-jos\xC3\xA9' "
                                           "outline='Jos\xC3\xA9'>Jos\xC3\xA9</l:heading><l:p>"
                                           "<l:span dest='presentation-p-jos\xC3\xA9'>Jos"
                                           "\xC3\xA9</l:span></l:p></l:flow>"),
                          "a.pdf", &len);
    assert_dests_resolve(pdf, len, 2);
    g_free(pdf);
}

Test(report_pdf, the_pdf_is_tagged)
{
    gsize len = 0;
    char *pdf = render_ok(everything, "a.pdf", &len);
    assert_has(pdf, len, "/StructTreeRoot");
    assert_has(pdf, len, "/MarkInfo << /Marked true >>");
    assert_has(pdf, len, "/S /H1");
    assert_has(pdf, len, "/S /Table");
    assert_has(pdf, len, "/S /TH");
    assert_has(pdf, len, "/S /Figure");
    assert_has(pdf, len, "/S /LI");
    g_free(pdf);
}

/* ------------------------------------------------------------------ */
/* Errors leave nothing behind                                         */
/* ------------------------------------------------------------------ */

#define EMOJI "\xF0\x9F\x98\x80"

Test(report_pdf, a_missing_glyph_in_the_flow_writes_no_file)
{
    bool ok = true;
    char *path =
        render(DOC("lang='en'", "<l:flow><l:p line='12'>" EMOJI "</l:p></l:flow>"), "a.pdf", &ok);
    cr_assert_not(ok);
    cr_assert_eq(diag_count(d, DIAG_ERROR), 1);
    cr_assert_str_eq(diag_get(d, 0)->rule, "glyph");
    cr_assert_eq(diag_get(d, 0)->line, 12);
    assert_listing("");
    g_free(path);
}

Test(report_pdf, a_missing_glyph_in_a_running_head_writes_no_file)
{
    /* The flow is fine: the error comes while the pages are drawn. */
    bool ok = true;
    char *path = render(DOC("lang='en' line='4'",
                            "<l:footer style='body'><l:end>Page {page} " EMOJI "</l:end>"
                            "</l:footer><l:flow><l:p>Nothing wrong here.</l:p></l:flow>"),
                        "a.pdf", &ok);
    cr_assert_not(ok);
    cr_assert_geq(diag_count(d, DIAG_ERROR), 1);
    cr_assert_str_eq(diag_get(d, 0)->rule, "glyph");
    assert_listing("");
    g_free(path);
}

Test(report_pdf, a_failed_render_leaves_the_previous_file_as_it_was)
{
    char *path = in_dir("a.pdf");
    cr_assert(g_file_set_contents(path, "the old report", -1, NULL));
    bool ok = true;
    char *same = render(DOC("lang='en'", "<l:flow><l:p>" EMOJI "</l:p></l:flow>"), "a.pdf", &ok);
    cr_assert_not(ok);
    char *content = NULL;
    cr_assert(g_file_get_contents(path, &content, NULL, NULL));
    cr_assert_str_eq(content, "the old report");
    assert_listing("a.pdf");
    g_free(content);
    g_free(same);
    g_free(path);
}

Test(report_pdf, a_layout_that_is_not_valid_writes_no_file)
{
    bool ok = true;
    char *path = render(DOC("lang='en'", "<l:flow><l:bogus/></l:flow>"), "a.pdf", &ok);
    cr_assert_not(ok);
    cr_assert_geq(diag_count(d, DIAG_ERROR), 1);
    cr_assert_str_eq(diag_get(d, 0)->rule, "layout");
    assert_listing("");
    g_free(path);
}

Test(report_pdf, a_directory_that_does_not_exist_is_an_error)
{
    bool ok = true;
    char *path = render(DOC("lang='en'", "<l:flow><l:p>x</l:p></l:flow>"), "missing/a.pdf", &ok);
    cr_assert_not(ok);
    cr_assert_geq(diag_count(d, DIAG_ERROR), 1);
    assert_listing("");
    g_free(path);
}

/* ------------------------------------------------------------------ */
/* Set-up                                                              */
/* ------------------------------------------------------------------ */

Test(report_pdf, a_data_directory_without_fonts_is_an_error)
{
    diag *e = diag_new();
    cr_assert_null(report_pdf_new(dir, NULL, e));
    cr_assert_geq(diag_count(e, DIAG_ERROR), 1);
    diag_free(e);
}

Test(report_pdf, the_fonts_digest_is_that_of_the_fonts_directory)
{
    char *fonts_dir = g_build_filename(data, "fonts", NULL);
    fonts *f = fonts_new(fonts_dir, d);
    cr_assert_not_null(f);
    cr_assert_str_eq(report_pdf_fonts_digest(rp), fonts_digest(f));
    fonts_free(f);
    g_free(fonts_dir);
}

Test(report_pdf, the_versions_name_the_libraries)
{
    char *v = report_pdf_versions();
    char *cairo = g_strdup_printf("cairo %s", cairo_version_string());
    char *pango = g_strdup_printf("pango %s", pango_version_string());
    cr_assert(strstr(v, cairo) != NULL, "%s", v);
    cr_assert(strstr(v, pango) != NULL, "%s", v);
    cr_assert(strstr(v, "HarfBuzz ") != NULL, "%s", v);
    g_free(pango);
    g_free(cairo);
    g_free(v);
}

/* A data directory whose fonts/ also lists the host's DejaVu Sans. */
static char *data_dir_with_dejavu(void)
{
    char *top = in_dir("data");
    char *fonts_dir = g_build_filename(top, "fonts", NULL);
    cr_assert_eq(g_mkdir_with_parents(fonts_dir, 0755), 0);
    char *ours = g_build_filename(data, "fonts", NULL);
    GDir *gd = g_dir_open(ours, 0, NULL);
    cr_assert_not_null(gd);
    const char *name;
    while ((name = g_dir_read_name(gd)) != NULL) {
        char *from = g_build_filename(ours, name, NULL);
        char *to = g_build_filename(fonts_dir, name, NULL);
        if (strcmp(name, "fonts.list") == 0) {
            char *list = NULL;
            cr_assert(g_file_get_contents(from, &list, NULL, NULL));
            char *longer = g_strconcat(list, "DejaVuSans.ttf\tnone\n", NULL);
            cr_assert(g_file_set_contents(to, longer, -1, NULL));
            g_free(longer);
            g_free(list);
        } else {
            cr_assert_eq(symlink(from, to), 0);
        }
        g_free(to);
        g_free(from);
    }
    g_dir_close(gd);
    char *dejavu = g_build_filename(fonts_dir, "DejaVuSans.ttf", NULL);
    cr_assert_eq(symlink("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", dejavu), 0);
    g_free(dejavu);
    g_free(ours);
    g_free(fonts_dir);
    return top;
}

/* Renders a paragraph in DejaVu Sans with `p`; true if the PDF embeds it. */
static bool embeds_dejavu(report_pdf *p, const char *name)
{
    static const char xml[] = DOC("lang='en'", "<l:style name='dv' base='body' "
                                               "font='DejaVu Sans'/><l:flow><l:p style='dv'>"
                                               "Hello</l:p></l:flow>");
    xmlDoc *x = xmlReadMemory(xml, (int)strlen(xml), "layout.xml", NULL, XML_PARSE_NONET);
    char *path = in_dir(name);
    cr_assert(report_pdf_render_layout(p, x, "record.xml", path, d));
    xmlFreeDoc(x);
    gchar *pdf = NULL;
    gsize len = 0;
    cr_assert(g_file_get_contents(path, &pdf, &len, NULL));
    bool found = find(pdf, len, "+DejaVuSans") != NULL;
    g_free(pdf);
    g_free(path);
    return found;
}

Test(report_pdf, the_fonts_of_the_data_directory_are_the_ones_used)
{
    if (!g_file_test("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", G_FILE_TEST_EXISTS))
        cr_skip_test("no DejaVu Sans on this host");
    char *top = data_dir_with_dejavu();
    report_pdf *other = report_pdf_new(top, NULL, d);
    cr_assert_not_null(other);
    cr_assert_str_neq(report_pdf_fonts_digest(other), report_pdf_fonts_digest(rp));
    /* Listed there, so used (the first render of this process: see below). */
    cr_assert(embeds_dejavu(other, "other.pdf"));
    report_pdf_free(other);
    g_free(top);
}

/* Each thread keeps a pango font map, made over the fonts of the
 * report_pdf it last rendered with: another report_pdf over other fonts
 * gets a map of its own, never the first one's fonts. */
Test(report_pdf, a_second_report_pdf_in_a_thread_uses_its_own_fonts)
{
    if (!g_file_test("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", G_FILE_TEST_EXISTS))
        cr_skip_test("no DejaVu Sans on this host");
    cr_assert_not(embeds_dejavu(rp, "ours.pdf"));
    char *top = data_dir_with_dejavu();
    report_pdf *other = report_pdf_new(top, NULL, d);
    cr_assert_not_null(other);
    cr_assert(embeds_dejavu(other, "other.pdf"));
    report_pdf_free(other);
    g_free(top);
}

/* ------------------------------------------------------------------ */
/* A record                                                            */
/* ------------------------------------------------------------------ */

Test(report_pdf, a_record_is_rendered_on_the_paper_asked_for)
{
    char *styles = g_build_filename(data, "styles", NULL);
    char *catalogs = g_build_filename(styles, "catalogs", NULL);
    grammar_init();
    transform_init(styles, NULL);
    catalog_set *cats = catalog_set_load(catalogs, d);
    cr_assert_not_null(cats);
    transformer *t = transformer_new(cats);
    report_pdf *with_t = report_pdf_new(data, t, d);
    cr_assert_not_null(with_t);
    char *input = g_build_filename(data, "inputs", "igf2013-ws041.xml", NULL);
    record *rec = record_load(input, d);
    cr_assert_not_null(rec);
    char *letter = in_dir("ws041.letter.pdf");
    char *a4 = in_dir("ws041.a4.pdf");
    cr_assert(report_pdf_render(with_t, rec, "en", "letter", letter, d));
    cr_assert(report_pdf_render(with_t, rec, "en", NULL, a4, d));
    log_diag();
    cr_assert_eq(diag_count(d, DIAG_ERROR), 0);
    gchar *pdf = NULL;
    gsize len = 0;
    cr_assert(g_file_get_contents(letter, &pdf, &len, NULL));
    assert_has(pdf, len, "/MediaBox [ 0 0 612 792 ]");
    assert_has(pdf, len, "/Lang (en)");
    assert_xref_intact(pdf, len);
    g_free(pdf);
    cr_assert(g_file_get_contents(a4, &pdf, &len, NULL));
    assert_lacks(pdf, len, "/MediaBox [ 0 0 612 792 ]");
    assert_has(pdf, len, "/MediaBox [ 0 0 595.");
    g_free(pdf);
    g_free(a4);
    g_free(letter);
    record_free(rec);
    g_free(input);
    report_pdf_free(with_t);
    transformer_free(t);
    catalog_set_free(cats);
    transform_cleanup();
    g_free(catalogs);
    g_free(styles);
}
