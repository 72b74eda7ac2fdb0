/* Unit tests of layout (generator/layout.h): reading the layout document
 * (urn:rapporteur:layout:1) into blocks, styles and spans, its defaults,
 * every refusal with its message, and the limits at their boundaries. */
#include <criterion/criterion.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "layout.h"

#define OPEN "<l:document xmlns:l=\"urn:rapporteur:layout:1\">"
#define CLOSE "</l:document>"
#define DOC(body) OPEN body CLOSE
#define FLOW(blocks) DOC("<l:flow>" blocks "</l:flow>")

#define LRI "\xe2\x81\xa6"
#define RLI "\xe2\x81\xa7"
#define FSI "\xe2\x81\xa8"
#define PDI "\xe2\x81\xa9"
#define WJ "\xe2\x81\xa0"   /* U+2060 WORD JOINER */
#define LSEP "\xe2\x80\xa8" /* U+2028 LINE SEPARATOR */

#define EPS 1e-9

static diag *d;
static layout_doc *l;

static void setup(void)
{
    d = diag_new();
    l = NULL;
}

static void teardown(void)
{
    layout_free(l);
    l = NULL;
    diag_free(d);
    d = NULL;
}

TestSuite(layout, .init = setup, .fini = teardown);

/* Every message of d, one per line (for failure reports). */
static char *messages(void)
{
    GString *s = g_string_new(NULL);
    for (size_t i = 0; i < diag_length(d); i++) {
        char *line = diag_format(diag_get(d, i));
        g_string_append_printf(s, "\n  %s", line);
        g_free(line);
    }
    return g_string_free(s, FALSE);
}

/* Parses xml (as a file "layout.xml") and reads it as the layout of
 * "rec.xml", dropping any earlier result and messages. The XML tree and the source string are freed
 * before the result is returned: everything the layout_doc holds must be its own. */
static layout_doc *read_layout(const char *xml)
{
    /* Several reads in one test: each starts afresh. */
    layout_free(l);
    l = NULL;
    diag_clear(d);
    xmlDoc *doc =
        xmlReadMemory(xml, (int)strlen(xml), "layout.xml", NULL, XML_PARSE_NONET | XML_PARSE_HUGE);
    cr_assert_not_null(doc, "the fixture is not well-formed XML: %s", xml);
    char *source = g_strdup("rec.xml");
    layout_doc *r = layout_read(doc, source, d);
    g_free(source);
    xmlFreeDoc(doc);
    return r;
}

/* Reads xml and asserts that it is accepted without any message. */
static const layout_doc *accepts(const char *xml)
{
    l = read_layout(xml);
    char *m = messages();
    cr_assert_not_null(l, "refused:%s", m);
    cr_assert_eq(diag_length(d), 0, "messages for a valid document:%s", m);
    g_free(m);
    return l;
}

/* Asserts that entry e is a layout error about `message` at line `line`
 * of the layout document, reported against the record file. */
static bool is_error(const diag_entry *e, int line, const char *message)
{
    char *want = g_strdup_printf("layout document, line %d: %s", line, message);
    bool same = strcmp(e->message, want) == 0;
    g_free(want);
    return same && e->severity == DIAG_ERROR;
}

static void assert_well_formed_entries(void)
{
    for (size_t i = 0; i < diag_length(d); i++) {
        const diag_entry *e = diag_get(d, i);
        cr_assert_eq(e->severity, DIAG_ERROR, "%s", e->message);
        cr_assert_str_eq(e->file, "rec.xml", "%s", e->message);
        cr_assert_str_eq(e->rule, "layout", "%s", e->message);
        /* A layout problem is a stylesheet's, not at a place in the
         * record: no record line or column, the layout line in the text. */
        cr_assert_eq(e->line, 0, "%s", e->message);
        cr_assert_eq(e->col, 0, "%s", e->message);
        cr_assert(g_str_has_prefix(e->message, "layout document, line "), "%s", e->message);
    }
}

/* Reads xml and asserts that it is refused with exactly one error. */
static void refuses(const char *xml, int line, const char *message)
{
    l = read_layout(xml);
    char *m = messages();
    cr_assert_null(l, "accepted; expected \"%s\"", message);
    cr_assert_eq(diag_length(d), 1, "expected only \"%s\", got:%s", message, m);
    cr_assert(is_error(diag_get(d, 0), line, message), "expected line %d: %s, got:%s", line,
              message, m);
    assert_well_formed_entries();
    g_free(m);
}

/* Reads xml and asserts that it is refused, with `message` among the errors. */
static void refuses_with(const char *xml, int line, const char *message)
{
    l = read_layout(xml);
    char *m = messages();
    cr_assert_null(l, "accepted; expected \"%s\"", message);
    bool found = false;
    for (size_t i = 0; i < diag_length(d); i++)
        found = found || is_error(diag_get(d, i), line, message);
    cr_assert(found, "expected line %d: %s, got:%s", line, message, m);
    assert_well_formed_entries();
    g_free(m);
}

static const layout_block *block(size_t i)
{
    cr_assert_not_null(l->flow);
    cr_assert(i < l->flow->n_children, "the flow has %zu blocks", l->flow->n_children);
    return l->flow->children[i];
}

static const layout_style *style_named(const char *name)
{
    for (size_t i = 0; i < l->n_styles; i++) {
        if (l->styles[i].name != NULL && strcmp(l->styles[i].name, name) == 0)
            return &l->styles[i];
    }
    cr_assert_fail("no style %s", name);
    return NULL;
}

static void assert_text(const layout_text *t, const char *want)
{
    cr_assert_not_null(t->text);
    cr_assert_eq(t->len, strlen(want), "length %zu, expected %zu: \"%s\"", t->len, strlen(want),
                 t->text);
    cr_assert_str_eq(t->text, want);
}

static void assert_color(layout_color c, unsigned rgb)
{
    cr_assert_float_eq(c.r, ((rgb >> 16) & 0xff) / 255.0, EPS);
    cr_assert_float_eq(c.g, ((rgb >> 8) & 0xff) / 255.0, EPS);
    cr_assert_float_eq(c.b, (rgb & 0xff) / 255.0, EPS);
}

/* The text that span i of t covers. */
static char *span_text(const layout_text *t, size_t i)
{
    cr_assert(i < t->n_spans, "%zu spans", t->n_spans);
    const layout_span *s = &t->spans[i];
    cr_assert(s->start <= s->end && s->end <= t->len, "span [%zu, %zu) in %zu bytes", s->start,
              s->end, t->len);
    return g_strndup(t->text + s->start, s->end - s->start);
}

static void assert_span_text(const layout_text *t, size_t i, const char *want)
{
    char *got = span_text(t, i);
    cr_assert_str_eq(got, want, "span %zu covers \"%s\", expected \"%s\"", i, got, want);
    g_free(got);
}

/* ------------------------------------------------------------------ */
/* The document and its defaults                                       */
/* ------------------------------------------------------------------ */

Test(layout, smallest_document_gets_the_documented_defaults)
{
    accepts(DOC("<l:flow/>"));
    cr_assert_str_eq(l->source, "rec.xml");
    cr_assert_str_eq(l->lang, "en");
    cr_assert_not(l->rtl);
    cr_assert_null(l->title);
    cr_assert_null(l->author);
    cr_assert_null(l->subject);
    cr_assert_null(l->keywords);
    cr_assert_null(l->creator);
    cr_assert_null(l->date);
    cr_assert_eq(l->line, 0);
    cr_assert_eq(l->n_styles, 0);
    cr_assert_not_null(l->arena);
    cr_assert_eq(l->flow->kind, LAYOUT_GROUP);
    cr_assert_eq(l->flow->n_children, 0);
    cr_assert_not_null(l->flow->children, "an empty flow still has a (terminated) array");
    cr_assert_str_eq(l->flow->lang, "en");
    /* A4 with 20 mm margins. */
    cr_assert_float_eq(l->page.width_pt, 595.28, EPS);
    cr_assert_float_eq(l->page.height_pt, 841.89, EPS);
    cr_assert_float_eq(l->page.margin_top_pt, 56.7, EPS);
    cr_assert_float_eq(l->page.margin_bottom_pt, 56.7, EPS);
    cr_assert_float_eq(l->page.margin_start_pt, 56.7, EPS);
    cr_assert_float_eq(l->page.margin_end_pt, 56.7, EPS);
    cr_assert_float_eq(l->page.header_gap_pt, 20, EPS);
    cr_assert_float_eq(l->page.footer_gap_pt, 24, EPS);
    cr_assert_not(l->page.header_on_first);
}

Test(layout, built_in_default_style_serves_flow_header_and_footer)
{
    accepts(DOC("<l:flow><l:p>x</l:p></l:flow>"));
    const layout_style *s = l->flow->style;
    cr_assert_eq(s, l->header_style);
    cr_assert_eq(s, l->footer_style);
    cr_assert_eq(block(0)->style, s);
    cr_assert_str_eq(s->font, "Noto Serif");
    cr_assert_float_eq(s->size_pt, 10, EPS);
    cr_assert_float_eq(s->line_height, 1.4, EPS);
    cr_assert_eq(s->weight, 400);
    cr_assert_not(s->italic);
    assert_color(s->color, 0x000000);
    cr_assert_eq(s->align, LAYOUT_ALIGN_START);
    assert_color(s->rule_color, 0x999999);
    assert_color(s->border_color, 0x999999);
    cr_assert_not(s->has_background);
    cr_assert_not(s->keep_with_next);
    cr_assert_float_eq(s->space_before_pt + s->space_after_pt + s->indent_start_pt +
                           s->indent_end_pt + s->first_indent_pt + s->marker_width_pt +
                           s->rule_after_pt + s->rule_gap_pt + s->padding_pt + s->border_pt,
                       0, EPS);
}

Test(layout, root_attributes_become_the_metadata)
{
    accepts("<l:document xmlns:l=\"urn:rapporteur:layout:1\" lang=\"ar\" dir=\"rtl\" "
            "title=\"Workshop 41\" author=\"Jane Doe\" subject=\"IGF\" keywords=\"a, b\" "
            "creator=\"Rapporteur\" date=\"2013-10-24\" line=\"7\"><l:flow><l:p>x</l:p></l:flow>"
            "</l:document>");
    cr_assert_str_eq(l->lang, "ar");
    cr_assert(l->rtl);
    cr_assert_str_eq(l->title, "Workshop 41");
    cr_assert_str_eq(l->author, "Jane Doe");
    cr_assert_str_eq(l->subject, "IGF");
    cr_assert_str_eq(l->keywords, "a, b");
    cr_assert_str_eq(l->creator, "Rapporteur");
    cr_assert_str_eq(l->date, "2013-10-24");
    cr_assert_eq(l->line, 7);
    cr_assert_str_eq(block(0)->lang, "ar", "blocks inherit the document's language");
    cr_assert(block(0)->rtl, "blocks inherit the document's direction");
}

Test(layout, only_rtl_makes_the_document_right_to_left_and_namespaced_attributes_are_not_read)
{
    accepts("<l:document xmlns:l=\"urn:rapporteur:layout:1\" dir=\"auto\"><l:flow/></l:document>");
    cr_assert_not(l->rtl);
    accepts("<l:document xmlns:l=\"urn:rapporteur:layout:1\" xml:lang=\"fr\"><l:flow/>"
            "</l:document>");
    cr_assert_str_eq(l->lang, "en");
}

Test(layout, stray_text_and_all_flows_but_the_last_are_ignored_without_a_message)
{
    accepts(DOC("stray text<!-- a comment --><?pi x?><l:flow/>"));
    accepts(DOC("<l:flow><l:p>one</l:p></l:flow><l:flow><l:p>two</l:p></l:flow>"));
    cr_assert_eq(l->flow->n_children, 1);
    assert_text(&block(0)->text, "two");
}

Test(layout, every_sample_document_but_the_error_one_is_accepted)
{
    const char *data = getenv("RAPPORTEUR_DATA_DIR");
    cr_assert_not_null(data, "RAPPORTEUR_DATA_DIR is not set");
    char *dir = g_build_filename(data, "tests", "fuzz", "corpus", "layout", NULL);
    GDir *gd = g_dir_open(dir, 0, NULL);
    cr_assert_not_null(gd, "no %s", dir);
    int n = 0;
    const char *name;
    while ((name = g_dir_read_name(gd)) != NULL) {
        if (!g_str_has_suffix(name, ".xml") || strcmp(name, "13-errors.xml") == 0)
            continue;
        char *path = g_build_filename(dir, name, NULL);
        xmlDoc *doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
        cr_assert_not_null(doc, "%s is not well-formed", name);
        layout_doc *ld = layout_read(doc, name, d);
        char *m = messages();
        cr_assert_not_null(ld, "%s refused:%s", name, m);
        cr_assert_eq(diag_length(d), 0, "%s:%s", name, m);
        cr_assert_not_null(ld->flow);
        g_free(m);
        layout_free(ld);
        xmlFreeDoc(doc);
        g_free(path);
        n++;
    }
    g_dir_close(gd);
    g_free(dir);
    cr_assert_geq(n, 10, "only %d sample documents", n);
}

Test(layout, the_error_sample_reports_every_problem_not_just_the_first)
{
    const char *data = getenv("RAPPORTEUR_DATA_DIR");
    cr_assert_not_null(data, "RAPPORTEUR_DATA_DIR is not set");
    char *path = g_build_filename(data, "tests", "fuzz", "corpus", "layout", "13-errors.xml", NULL);
    xmlDoc *doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
    g_free(path);
    cr_assert_not_null(doc);
    l = layout_read(doc, "rec.xml", d);
    xmlFreeDoc(doc);
    cr_assert_null(l);
    static const struct {
        int line;
        const char *message;
    } want[] = {
        {2, "style base=\"missing\" is not defined before it"},
        {2, "size=\"0\" is not a number from 1 to 200"},
        {2, "line-height=\"9\" is not a number from 0.5 to 4"},
        {2, "weight=\"heavy\" is not normal, bold or 100-1000"},
        {2, "color=\"red\" is not a colour (#rrggbb)"},
        {2, "align=\"left\" is not start, end or center"},
        {3, "the text area is -85 x -85 pt; it must be at least 144 x 144"},
        {3, "<unknown> is not part of a layout document"},
        {3, "text directly in <flow>; put it in a <p>"},
        {3, "style=\"nope\" is not defined"},
        {3, "<b> is not inline content (span or br)"},
        {3, "widths=\"0 -1 x\": \"0\" is not a relative width such as 2*"},
        {3, "widths=\"0 -1 x\": \"-1\" is not a relative width such as 2*"},
        {3, "widths=\"0 -1 x\": \"x\" is not a relative width such as 2*"},
        {3, "<table> may only hold <row>, not <p>"},
        {3, "<list> may only hold <item>, not <p>"},
        {3, "a chart holds <bar> elements, not <p>"},
        {3, "<bogus> is not a block of the layout vocabulary"},
    };
    char *m = messages();
    cr_assert_eq(diag_length(d), G_N_ELEMENTS(want), "%zu messages:%s", diag_length(d), m);
    for (size_t i = 0; i < G_N_ELEMENTS(want); i++)
        cr_assert(is_error(diag_get(d, i), want[i].line, want[i].message),
                  "message %zu: expected line %d: %s; got:%s", i, want[i].line, want[i].message, m);
    g_free(m);
    assert_well_formed_entries();
}

/* ------------------------------------------------------------------ */
/* The root and the document's children                                */
/* ------------------------------------------------------------------ */

Test(layout, root_other_than_the_layout_document_is_refused_and_nothing_else_checked)
{
    static const char *const roots[] = {
        "<document><flow><bogus/></flow></document>",
        "<l:document xmlns:l=\"urn:rapporteur:layout:2\"><l:flow/></l:document>",
        "<l:flow xmlns:l=\"urn:rapporteur:layout:1\"/>",
    };
    for (size_t i = 0; i < G_N_ELEMENTS(roots); i++)
        refuses(roots[i], 1, "the root is not <document> in urn:rapporteur:layout:1");
    /* No root at all. */
    diag_clear(d);
    xmlDoc *doc = xmlNewDoc(BAD_CAST "1.0");
    l = layout_read(doc, "rec.xml", d);
    xmlFreeDoc(doc);
    cr_assert_null(l);
    cr_assert_eq(diag_length(d), 1);
    cr_assert(is_error(diag_get(d, 0), 0, "the root is not <document> in urn:rapporteur:layout:1"),
              "%s", diag_get(d, 0)->message);
    assert_well_formed_entries();
}

Test(layout, document_without_a_flow_is_refused_at_the_root_line)
{
    refuses("<?xml version=\"1.0\"?>\n\n" OPEN "\n<l:style name=\"body\"/>\n" CLOSE, 3,
            "the document has no <flow>");
}

Test(layout, unknown_or_foreign_child_of_the_document_is_refused_at_its_line)
{
    refuses(OPEN "\n\n\n<l:footnote/><l:flow/>" CLOSE, 4,
            "<footnote> is not part of a layout document");
    /* A layout name in another namespace is not a layout element. */
    refuses(OPEN "<x:style xmlns:x=\"urn:other\" name=\"body\"/><l:flow/>" CLOSE, 1,
            "<style> is not part of a layout document");
}

Test(layout, message_names_the_record_and_the_layout_line_of_the_fault)
{
    refuses_with("<?xml version=\"1.0\"?>\n" OPEN "\n<l:flow>\n<l:p>fine</l:p>\n"
                 "<l:p style=\"nope\">x</l:p>\n\n<l:bogus/>\n</l:flow>\n" CLOSE,
                 5, "style=\"nope\" is not defined");
    cr_assert_eq(diag_length(d), 2);
    cr_assert(is_error(diag_get(d, 1), 7, "<bogus> is not a block of the layout vocabulary"), "%s",
              diag_get(d, 1)->message);
}

/* ------------------------------------------------------------------ */
/* Page                                                                */
/* ------------------------------------------------------------------ */

Test(layout, page_lengths_are_read_in_any_unit)
{
    accepts(DOC("<l:page width=\"8.5in\" height=\"11in\" margin-top=\"1in\" margin-bottom=\"2cm\" "
                "margin-start=\"25.4mm\" margin-end=\"12pt\" header-gap=\"9\" footer-gap=\"16px\" "
                "header-on-first=\"yes\"/><l:flow/>"));
    cr_assert_float_eq(l->page.width_pt, 612, EPS);
    cr_assert_float_eq(l->page.height_pt, 792, EPS);
    cr_assert_float_eq(l->page.margin_top_pt, 72, EPS);
    cr_assert_float_eq(l->page.margin_bottom_pt, 2 * 72 / 2.54, EPS);
    cr_assert_float_eq(l->page.margin_start_pt, 72, EPS);
    cr_assert_float_eq(l->page.margin_end_pt, 12, EPS);
    cr_assert_float_eq(l->page.header_gap_pt, 9, EPS);
    cr_assert_float_eq(l->page.footer_gap_pt, 12, EPS);
    cr_assert(l->page.header_on_first);
}

Test(layout, page_sets_only_what_it_carries)
{
    accepts(DOC("<l:page width=\"600\"/><l:page margin-top=\"10\"/><l:flow/>"));
    cr_assert_float_eq(l->page.width_pt, 600, EPS);
    cr_assert_float_eq(l->page.height_pt, 841.89, EPS);
    cr_assert_float_eq(l->page.margin_top_pt, 10, EPS);
    cr_assert_float_eq(l->page.margin_start_pt, 56.7, EPS);
}

Test(layout, text_area_of_exactly_144_by_144_points_is_accepted)
{
    accepts(DOC("<l:page width=\"2in\" height=\"164\" margin-start=\"0\" margin-end=\"0\" "
                "margin-top=\"10\" margin-bottom=\"10\"/><l:flow/>"));
    cr_assert_float_eq(l->page.width_pt, 144, EPS);
}

Test(layout, text_area_one_point_too_narrow_or_too_short_is_refused)
{
    refuses(DOC("<l:page width=\"143\" height=\"144\" margin-start=\"0\" margin-end=\"0\" "
                "margin-top=\"0\" margin-bottom=\"0\"/><l:flow/>"),
            1, "the text area is 143 x 144 pt; it must be at least 144 x 144");
    refuses(DOC("<l:page width=\"144\" height=\"164\" margin-start=\"0\" margin-end=\"0\" "
                "margin-top=\"10\" margin-bottom=\"11\"/><l:flow/>"),
            1, "the text area is 144 x 143 pt; it must be at least 144 x 144");
}

Test(layout, page_is_checked_against_the_default_margins_and_its_lengths)
{
    refuses(DOC("<l:page width=\"200\"/><l:flow/>"), 1,
            "the text area is 87 x 728 pt; it must be at least 144 x 144");
    refuses(DOC("<l:page margin-top=\"wide\"/><l:flow/>"), 1,
            "margin-top=\"wide\" is not a length (such as 12pt, 20mm)");
}

/* ------------------------------------------------------------------ */
/* Lengths                                                             */
/* ------------------------------------------------------------------ */

static double length_of(const char *s)
{
    double pt = -12345;
    cr_assert(layout_parse_length(s, &pt), "\"%s\" refused", s);
    return pt;
}

static void assert_not_a_length(const char *s)
{
    double pt = -12345;
    cr_assert_not(layout_parse_length(s, &pt), "\"%s\" accepted as %g pt", s, pt);
    cr_assert_float_eq(pt, -12345, 0, "\"%s\": the output changed on failure", s);
}

Test(layout, length_units_convert_to_points)
{
    cr_assert_float_eq(length_of("12"), 12, EPS);
    cr_assert_float_eq(length_of("10.5pt"), 10.5, EPS);
    cr_assert_float_eq(length_of("25.4mm"), 72, EPS);
    cr_assert_float_eq(length_of("2.54cm"), 72, EPS);
    cr_assert_float_eq(length_of("1in"), 72, EPS);
    cr_assert_float_eq(length_of("16px"), 12, EPS);
    cr_assert_float_eq(length_of("0"), 0, EPS);
    cr_assert_float_eq(length_of("-3pt"), -3, EPS);
    cr_assert_float_eq(length_of(".5in"), 36, EPS);
    cr_assert_float_eq(length_of("10.25"), 10.25, EPS);
    cr_assert_float_eq(length_of("12 pt"), 12, EPS, "spaces may precede the unit");
    cr_assert_float_eq(length_of("20  mm"), 20 * 72 / 25.4, EPS);
}

Test(layout, things_that_are_not_lengths_are_refused)
{
    double pt = 0;
    cr_assert_not(layout_parse_length(NULL, &pt));
    assert_not_a_length("");
    assert_not_a_length("pt");
    assert_not_a_length("12em");
    assert_not_a_length("12PT");
    assert_not_a_length("12 pt x");
    assert_not_a_length("12ptpt");
    assert_not_a_length("nan");
    assert_not_a_length("inf");
    assert_not_a_length("-inf");
    assert_not_a_length("1e999");
    assert_not_a_length("10,25");
}

Test(layout, length_of_exactly_the_limit_is_accepted_in_every_unit)
{
    cr_assert_float_eq(length_of("14400"), LAYOUT_MAX_LENGTH_PT, EPS);
    cr_assert_float_eq(length_of("-14400pt"), -LAYOUT_MAX_LENGTH_PT, EPS);
    cr_assert_float_eq(length_of("200in"), LAYOUT_MAX_LENGTH_PT, EPS);
    cr_assert_float_eq(length_of("508cm"), LAYOUT_MAX_LENGTH_PT, EPS);
    cr_assert_float_eq(length_of("19200px"), LAYOUT_MAX_LENGTH_PT, EPS);
}

Test(layout, length_just_past_the_limit_is_refused)
{
    assert_not_a_length("14400.01");
    assert_not_a_length("-14400.01pt");
    assert_not_a_length("200.01in");
    assert_not_a_length("5081mm");
    assert_not_a_length("1e6");
}

/* 5080 mm is exactly 200 in, but 5080 * (72 / 25.4) comes out a hair above
 * 14400 in binary floating point. */
Test(layout, length_of_exactly_the_limit_in_millimetres_is_accepted)
{
    cr_assert_float_eq(length_of("5080mm"), LAYOUT_MAX_LENGTH_PT, EPS);
}

/* ------------------------------------------------------------------ */
/* Styles                                                              */
/* ------------------------------------------------------------------ */

Test(layout, style_with_only_a_name_copies_the_built_in_default)
{
    accepts(DOC("<l:style name=\"s\"/><l:flow/>"));
    cr_assert_eq(l->n_styles, 1);
    const layout_style *s = &l->styles[0];
    cr_assert_str_eq(s->name, "s");
    cr_assert_str_eq(s->font, "Noto Serif");
    cr_assert_float_eq(s->size_pt, 10, EPS);
    cr_assert_float_eq(s->line_height, 1.4, EPS);
    cr_assert_eq(s->weight, 400);
    assert_color(s->rule_color, 0x999999);
    assert_color(s->border_color, 0x999999);
    cr_assert_not(s->has_background);
}

Test(layout, every_style_attribute_is_read)
{
    accepts(DOC("<l:style name=\"all\" font=\"Noto Sans, Noto Naskh Arabic\" size=\"8.5\" "
                "line-height=\"1.65\" weight=\"bold\" italic=\"true\" color=\"#1b1f24\" "
                "align=\"end\" space-before=\"15\" space-after=\"2mm\" indent-start=\"1cm\" "
                "indent-end=\"0.5in\" first-indent=\"-12pt\" marker-width=\"18\" "
                "keep-with-next=\"yes\" rule-after=\"0.6\" rule-gap=\"3\" rule-color=\"#c9d1d9\" "
                "padding=\"4px\" border=\"0.5\" border-color=\"#00558C\" background=\"#e6f0f7\"/>"
                "<l:flow/>"));
    const layout_style *s = style_named("all");
    cr_assert_str_eq(s->font, "Noto Sans, Noto Naskh Arabic");
    cr_assert_float_eq(s->size_pt, 8.5, EPS);
    cr_assert_float_eq(s->line_height, 1.65, EPS);
    cr_assert_eq(s->weight, 700);
    cr_assert(s->italic);
    assert_color(s->color, 0x1b1f24);
    cr_assert_eq(s->align, LAYOUT_ALIGN_END);
    cr_assert_float_eq(s->space_before_pt, 15, EPS);
    cr_assert_float_eq(s->space_after_pt, 2 * 72 / 25.4, EPS);
    cr_assert_float_eq(s->indent_start_pt, 72 / 2.54, EPS);
    cr_assert_float_eq(s->indent_end_pt, 36, EPS);
    cr_assert_float_eq(s->first_indent_pt, -12, EPS);
    cr_assert_float_eq(s->marker_width_pt, 18, EPS);
    cr_assert(s->keep_with_next);
    cr_assert_float_eq(s->rule_after_pt, 0.6, EPS);
    cr_assert_float_eq(s->rule_gap_pt, 3, EPS);
    assert_color(s->rule_color, 0xc9d1d9);
    cr_assert_float_eq(s->padding_pt, 3, EPS);
    cr_assert_float_eq(s->border_pt, 0.5, EPS);
    assert_color(s->border_color, 0x00558c);
    cr_assert(s->has_background);
    assert_color(s->background, 0xe6f0f7);
}

Test(layout, base_style_is_copied_then_overridden)
{
    accepts(DOC("<l:style name=\"body\" font=\"Noto Serif\" size=\"11\" color=\"#1b1f24\" "
                "background=\"#eeeeee\" space-after=\"5\"/>"
                "<l:style name=\"h2\" base=\"body\" font=\"Noto Sans\" weight=\"bold\"/>"
                "<l:flow/>"));
    const layout_style *h2 = style_named("h2");
    cr_assert_str_eq(h2->name, "h2", "the copy keeps its own name, not the base's");
    cr_assert_str_eq(h2->font, "Noto Sans");
    cr_assert_eq(h2->weight, 700);
    cr_assert_float_eq(h2->size_pt, 11, EPS);
    cr_assert_float_eq(h2->space_after_pt, 5, EPS);
    assert_color(h2->color, 0x1b1f24);
    cr_assert(h2->has_background);
    cr_assert_eq(style_named("body")->weight, 400, "the base is unchanged");
}

Test(layout, base_must_be_defined_before_so_not_the_style_itself)
{
    refuses(DOC("<l:style name=\"h2\" base=\"body\"/><l:style name=\"body\"/><l:flow/>"), 1,
            "style base=\"body\" is not defined before it");
    refuses(DOC("<l:style name=\"a\" base=\"a\"/><l:flow/>"), 1,
            "style base=\"a\" is not defined before it");
}

Test(layout, style_needs_a_name)
{
    refuses(DOC("<l:style size=\"12\"/><l:flow/>"), 1, "a style needs a name");
}

Test(layout, first_style_of_a_name_wins)
{
    accepts(DOC("<l:style name=\"body\" size=\"11\"/><l:style name=\"body\" size=\"20\"/>"
                "<l:flow><l:p>x</l:p></l:flow>"));
    cr_assert_eq(l->n_styles, 2);
    cr_assert_eq(l->flow->style, &l->styles[0]);
    cr_assert_float_eq(block(0)->style->size_pt, 11, EPS);
}

Test(layout, size_from_1_to_200_and_line_height_from_half_to_4_are_accepted)
{
    accepts(DOC("<l:style name=\"min\" size=\"1\" line-height=\"0.5\"/>"
                "<l:style name=\"max\" size=\"200\" line-height=\"4\"/><l:flow/>"));
    cr_assert_float_eq(style_named("min")->size_pt, 1, EPS);
    cr_assert_float_eq(style_named("max")->size_pt, 200, EPS);
    cr_assert_float_eq(style_named("min")->line_height, 0.5, EPS);
    cr_assert_float_eq(style_named("max")->line_height, 4, EPS);
}

Test(layout, size_just_outside_1_to_200_or_with_a_unit_is_refused)
{
    refuses(DOC("<l:style name=\"s\" size=\"0.99\"/><l:flow/>"), 1,
            "size=\"0.99\" is not a number from 1 to 200");
    refuses(DOC("<l:style name=\"s\" size=\"200.01\"/><l:flow/>"), 1,
            "size=\"200.01\" is not a number from 1 to 200");
    refuses(DOC("<l:style name=\"s\" size=\"10pt\"/><l:flow/>"), 1,
            "size=\"10pt\" is not a number from 1 to 200");
    refuses(DOC("<l:style name=\"s\" size=\"NaN\"/><l:flow/>"), 1,
            "size=\"NaN\" is not a number from 1 to 200");
}

Test(layout, line_height_just_outside_is_refused)
{
    refuses_with(DOC("<l:style name=\"a\" line-height=\"0.49\"/>"
                     "<l:style name=\"b\" line-height=\"4.01\"/><l:flow/>"),
                 1, "line-height=\"0.49\" is not a number from 0.5 to 4");
    cr_assert_eq(diag_length(d), 2);
    cr_assert(is_error(diag_get(d, 1), 1, "line-height=\"4.01\" is not a number from 0.5 to 4"));
}

Test(layout, weights_by_name_and_number)
{
    accepts(DOC("<l:style name=\"b\" weight=\"bold\"/><l:style name=\"n\" base=\"b\" "
                "weight=\"normal\"/><l:style name=\"lo\" weight=\"100\"/>"
                "<l:style name=\"hi\" weight=\"1000\"/><l:style name=\"mid\" weight=\"600\"/>"
                "<l:flow/>"));
    cr_assert_eq(style_named("b")->weight, 700);
    cr_assert_eq(style_named("n")->weight, 400);
    cr_assert_eq(style_named("lo")->weight, 100);
    cr_assert_eq(style_named("hi")->weight, 1000);
    cr_assert_eq(style_named("mid")->weight, 600);
}

Test(layout, weight_just_outside_100_to_1000_or_of_another_name_is_refused)
{
    refuses(DOC("<l:style name=\"s\" weight=\"99\"/><l:flow/>"), 1,
            "weight=\"99\" is not normal, bold or 100-1000");
    refuses(DOC("<l:style name=\"s\" weight=\"1001\"/><l:flow/>"), 1,
            "weight=\"1001\" is not normal, bold or 100-1000");
    refuses(DOC("<l:style name=\"s\" weight=\"Bold\"/><l:flow/>"), 1,
            "weight=\"Bold\" is not normal, bold or 100-1000");
}

Test(layout, alignments_are_logical)
{
    accepts(DOC("<l:style name=\"s\" align=\"start\"/><l:style name=\"c\" align=\"center\"/>"
                "<l:style name=\"e\" align=\"end\"/><l:style name=\"back\" base=\"e\" "
                "align=\"start\"/><l:flow/>"));
    cr_assert_eq(style_named("s")->align, LAYOUT_ALIGN_START);
    cr_assert_eq(style_named("c")->align, LAYOUT_ALIGN_CENTER);
    cr_assert_eq(style_named("e")->align, LAYOUT_ALIGN_END);
    cr_assert_eq(style_named("back")->align, LAYOUT_ALIGN_START);
}

Test(layout, physical_alignment_is_refused)
{
    refuses(DOC("<l:style name=\"s\" align=\"right\"/><l:flow/>"), 1,
            "align=\"right\" is not start, end or center");
}

Test(layout, colours_are_hex_rrggbb_in_either_case)
{
    accepts(DOC("<l:style name=\"lo\" color=\"#00558c\"/><l:style name=\"up\" color=\"#FFAA00\"/>"
                "<l:style name=\"w\" color=\"#ffffff\"/><l:flow/>"));
    assert_color(style_named("lo")->color, 0x00558c);
    assert_color(style_named("up")->color, 0xffaa00);
    assert_color(style_named("w")->color, 0xffffff);
}

static void assert_not_a_colour(const char *attribute, const char *value)
{
    char *xml = g_strdup_printf(DOC("<l:style name=\"s\" %s=\"%s\"/><l:flow/>"), attribute, value);
    char *msg = g_strdup_printf("%s=\"%s\" is not a colour (#rrggbb)", attribute, value);
    refuses(xml, 1, msg);
    g_free(msg);
    g_free(xml);
}

Test(layout, colours_of_other_forms_are_refused)
{
    assert_not_a_colour("color", "red");
    assert_not_a_colour("color", "#fff");
    assert_not_a_colour("color", "#00558c0");
    assert_not_a_colour("color", "00558c");
    assert_not_a_colour("color", "");
    assert_not_a_colour("rule-color", "rgb(0,0,0)");
    assert_not_a_colour("border-color", "#ggg000");
    assert_not_a_colour("background", "#00558");
}

/* sscanf("%6x") alone would read "#12345g" as #012345, skip the space of
 * "# 12345", and take "0x" and signs. */
Test(layout, colours_with_stray_characters_are_refused)
{
    assert_not_a_colour("color", "#12345g");
    assert_not_a_colour("color", "# 12345");
    assert_not_a_colour("color", "#0x1234");
    assert_not_a_colour("color", "#-00001");
    assert_not_a_colour("color", "#+12345");
}

Test(layout, background_is_present_only_when_given)
{
    accepts(DOC("<l:style name=\"with\" background=\"#000000\"/><l:style name=\"without\"/>"
                "<l:style name=\"inherits\" base=\"with\"/><l:flow/>"));
    cr_assert(style_named("with")->has_background, "black is a background too");
    cr_assert_not(style_named("without")->has_background);
    cr_assert(style_named("inherits")->has_background);
}

Test(layout, booleans_are_true_1_or_yes_and_anything_else_is_false)
{
    accepts(DOC("<l:style name=\"t1\" italic=\"true\"/><l:style name=\"t2\" italic=\"1\"/>"
                "<l:style name=\"t3\" italic=\"yes\"/><l:style name=\"f1\" base=\"t1\" "
                "italic=\"TRUE\"/><l:style name=\"f2\" base=\"t1\" italic=\"on\"/>"
                "<l:style name=\"f3\" base=\"t1\" italic=\"false\"/><l:style name=\"f4\" "
                "base=\"t1\" italic=\"no\"/><l:flow/>"));
    cr_assert(style_named("t1")->italic);
    cr_assert(style_named("t2")->italic);
    cr_assert(style_named("t3")->italic);
    cr_assert_not(style_named("f1")->italic);
    cr_assert_not(style_named("f2")->italic);
    cr_assert_not(style_named("f3")->italic);
    cr_assert_not(style_named("f4")->italic);
}

Test(layout, style_length_that_is_not_one_or_past_the_limit_is_refused)
{
    refuses(DOC("<l:style name=\"s\" space-after=\"5em\"/><l:flow/>"), 1,
            "space-after=\"5em\" is not a length (such as 12pt, 20mm)");
    refuses(DOC("<l:style name=\"s\" indent-start=\"201in\"/><l:flow/>"), 1,
            "indent-start=\"201in\" is not a length (such as 12pt, 20mm)");
}

/* ------------------------------------------------------------------ */
/* Blocks: styles, language, direction, common attributes              */
/* ------------------------------------------------------------------ */

Test(layout, flow_takes_the_body_style_and_blocks_inherit_their_parents)
{
    accepts(DOC("<l:style name=\"other\"/><l:style name=\"body\" size=\"11\"/>"
                "<l:style name=\"list\" base=\"body\" marker-width=\"18\"/>"
                "<l:flow><l:p>a</l:p><l:list style=\"list\"><l:item><l:p>b</l:p></l:item>"
                "</l:list></l:flow>"));
    cr_assert_eq(l->flow->style, style_named("body"));
    cr_assert_eq(block(0)->style, style_named("body"));
    const layout_block *list = block(1);
    cr_assert_eq(list->style, style_named("list"));
    cr_assert_eq(list->children[0]->style, style_named("list"));
    cr_assert_eq(list->children[0]->children[0]->style, style_named("list"));
}

Test(layout, blocks_may_name_styles_defined_after_the_flow)
{
    accepts(DOC("<l:flow><l:p style=\"late\">x</l:p></l:flow><l:style name=\"late\" size=\"7\"/>"));
    cr_assert_eq(block(0)->style, style_named("late"));
}

Test(layout, block_naming_an_unknown_style_is_refused)
{
    refuses(FLOW("<l:p style=\"nope\">x</l:p>"), 1, "style=\"nope\" is not defined");
}

Test(layout, language_and_direction_are_inherited_and_overridden)
{
    accepts("<l:document xmlns:l=\"urn:rapporteur:layout:1\" lang=\"ar\" dir=\"rtl\"><l:flow>"
            "<l:p>a</l:p>"
            "<l:list lang=\"en\" dir=\"ltr\"><l:item><l:p>b</l:p></l:item></l:list>"
            "<l:p lang=\"fr\">c</l:p>"
            "<l:p dir=\"auto\">d</l:p>"
            "</l:flow></l:document>");
    cr_assert_str_eq(block(0)->lang, "ar");
    cr_assert(block(0)->rtl);
    const layout_block *inner = block(1)->children[0]->children[0];
    cr_assert_str_eq(inner->lang, "en");
    cr_assert_not(inner->rtl);
    cr_assert_str_eq(block(2)->lang, "fr");
    cr_assert(block(2)->rtl, "a language alone does not change the direction");
    cr_assert_not(block(3)->rtl, "any dir other than rtl is left to right");
}

Test(layout, line_is_the_blocks_own_and_not_inherited)
{
    accepts(FLOW("<l:list line=\"40\"><l:item><l:p>x</l:p></l:item></l:list>"
                 "<l:p line=\"41\">y</l:p>"));
    cr_assert_eq(block(0)->line, 40);
    cr_assert_eq(block(0)->children[0]->children[0]->line, 0);
    cr_assert_eq(block(1)->line, 41);
}

Test(layout, structure_tags_are_kept)
{
    accepts(FLOW("<l:p tag=\"Caption\">a</l:p><l:p tag=\"H3\">b</l:p><l:p tag=\"none\">c</l:p>"
                 "<l:p tag=\"BlockQuote\">d</l:p><l:p>e</l:p>"));
    cr_assert_str_eq(block(0)->tag, "Caption");
    cr_assert_str_eq(block(1)->tag, "H3");
    cr_assert_str_eq(block(2)->tag, "none");
    cr_assert_str_eq(block(3)->tag, "BlockQuote");
    cr_assert_null(block(4)->tag);
}

Test(layout, unknown_structure_tag_is_refused_and_tags_are_case_sensitive)
{
    refuses(FLOW("<l:p tag=\"Paragraph\">a</l:p>"), 1,
            "tag=\"Paragraph\" is not a PDF structure type (P, H1-H6, L, LI, Lbl, LBody, "
            "Table, TR, TH, TD, Caption, Figure, Span, Quote, Note, Sect, Div, BlockQuote, "
            "none)");
    refuses(FLOW("<l:p tag=\"p\">a</l:p>"), 1,
            "tag=\"p\" is not a PDF structure type (P, H1-H6, L, LI, Lbl, LBody, "
            "Table, TR, TH, TD, Caption, Figure, Span, Quote, Note, Sect, Div, "
            "BlockQuote, none)");
}

Test(layout, keep_with_next_comes_from_the_style_unless_the_block_says)
{
    accepts(DOC("<l:style name=\"k\" keep-with-next=\"true\"/><l:flow>"
                "<l:p style=\"k\">a</l:p><l:p style=\"k\" keep-with-next=\"false\">b</l:p>"
                "<l:p keep-with-next=\"yes\">c</l:p><l:p>d</l:p></l:flow>"));
    cr_assert(block(0)->keep_with_next);
    cr_assert_not(block(1)->keep_with_next);
    cr_assert(block(2)->keep_with_next);
    cr_assert_not(block(3)->keep_with_next);
}

Test(layout, unknown_block_or_one_from_another_namespace_is_refused)
{
    refuses(FLOW("<l:p>ok</l:p><l:image/>"), 1, "<image> is not a block of the layout vocabulary");
    refuses(FLOW("<p xmlns=\"http://www.w3.org/1999/xhtml\">x</p>"), 1,
            "<p> is not a block of the layout vocabulary");
}

Test(layout, text_directly_in_the_flow_is_refused_but_white_space_is_not)
{
    accepts(FLOW("\n  \t<l:p>x</l:p>\r\n  "));
    refuses(FLOW("  stray <l:p>x</l:p>"), 1, "text directly in <flow>; put it in a <p>");
}

Test(layout, comments_and_processing_instructions_among_blocks_are_ignored)
{
    accepts(FLOW("<!-- c --><l:p>x</l:p><?pi y?><l:rule/>"));
    cr_assert_eq(l->flow->n_children, 2);
    cr_assert_eq(block(1)->kind, LAYOUT_RULE);
}

/* ------------------------------------------------------------------ */
/* Paragraphs and headings                                             */
/* ------------------------------------------------------------------ */

Test(layout, paragraph_holds_its_text)
{
    accepts(FLOW("<l:p>Hello.</l:p><l:p/>"));
    cr_assert_eq(block(0)->kind, LAYOUT_PARA);
    assert_text(&block(0)->text, "Hello.");
    cr_assert_eq(block(0)->text.n_spans, 0);
    cr_assert_eq(block(1)->kind, LAYOUT_PARA);
    assert_text(&block(1)->text, "");
}

Test(layout, heading_defaults)
{
    accepts(FLOW("<l:heading>Title</l:heading>"));
    const layout_block *h = block(0);
    cr_assert_eq(h->kind, LAYOUT_HEADING);
    assert_text(&h->text, "Title");
    cr_assert_eq(h->level, 1);
    cr_assert_null(h->id);
    cr_assert_null(h->outline);
    cr_assert_eq(h->outline_level, 1);
    cr_assert(h->keep_with_next, "a heading is kept with what follows");
}

Test(layout, heading_attributes)
{
    accepts(FLOW("<l:heading level=\"6\" id=\"sec2\" outline=\"Two\" outline-level=\"3\" "
                 "keep-with-next=\"false\">Two</l:heading>"));
    const layout_block *h = block(0);
    cr_assert_eq(h->level, 6);
    cr_assert_str_eq(h->id, "sec2");
    cr_assert_str_eq(h->outline, "Two");
    cr_assert_eq(h->outline_level, 3);
    cr_assert(h->keep_with_next, "keep-with-next=false does not unkeep a heading");
    /* A level is truncated to an integer. */
    accepts(FLOW("<l:heading level=\"2.9\">x</l:heading>"));
    cr_assert_eq(block(0)->level, 2);
}

Test(layout, heading_levels_outside_1_to_6_are_refused)
{
    refuses(FLOW("<l:heading level=\"7\">x</l:heading>"), 1,
            "level=\"7\" is not a number from 1 to 6");
    refuses(FLOW("<l:heading level=\"0\">x</l:heading>"), 1,
            "level=\"0\" is not a number from 1 to 6");
    refuses(FLOW("<l:heading outline-level=\"6.5\">x</l:heading>"), 1,
            "outline-level=\"6.5\" is not a number from 1 to 6");
}

/* ------------------------------------------------------------------ */
/* Lists                                                               */
/* ------------------------------------------------------------------ */

Test(layout, list_holds_items_with_markers_and_blocks)
{
    accepts(FLOW("<l:list><l:item marker=\"1.\"><l:p>First</l:p></l:item>"
                 "<l:item marker=\"\xe2\x80\xa2\"><l:p>a</l:p><l:p>b</l:p></l:item>"
                 "<l:item/></l:list>"));
    const layout_block *list = block(0);
    cr_assert_eq(list->kind, LAYOUT_LIST);
    cr_assert_eq(list->n_children, 3);
    const layout_block *first = list->children[0];
    cr_assert_eq(first->kind, LAYOUT_ITEM);
    assert_text(&first->marker, "1.");
    cr_assert_eq(first->n_children, 1);
    assert_text(&first->children[0]->text, "First");
    assert_text(&list->children[1]->marker, "\xe2\x80\xa2");
    cr_assert_eq(list->children[1]->n_children, 2);
    assert_text(&list->children[2]->marker, "");
    cr_assert_eq(list->children[2]->n_children, 0);
}

Test(layout, item_outside_a_list_is_accepted)
{
    accepts(FLOW("<l:item marker=\"*\"><l:p>alone</l:p></l:item>"));
    cr_assert_eq(block(0)->kind, LAYOUT_ITEM);
}

Test(layout, list_holds_only_items_and_an_item_only_blocks)
{
    refuses(FLOW("<l:list><l:item/><l:p>x</l:p></l:list>"), 1,
            "<list> may only hold <item>, not <p>");
    refuses(FLOW("<l:list><l:item>loose</l:item></l:list>"), 1,
            "text directly in <item>; put it in a <p>");
}

/* ------------------------------------------------------------------ */
/* Tables                                                              */
/* ------------------------------------------------------------------ */

Test(layout, table_structure_and_attributes)
{
    accepts(FLOW("<l:table widths=\"2* 1,0.5\" layout=\"true\">"
                 "<l:row header=\"true\"><l:cell>Category</l:cell><l:cell align=\"end\">N</l:cell>"
                 "<l:cell align=\"center\">%</l:cell></l:row>"
                 "<l:row><l:cell>Female</l:cell><l:cell align=\"start\">38</l:cell></l:row>"
                 "</l:table>"));
    const layout_block *t = block(0);
    cr_assert_eq(t->kind, LAYOUT_TABLE);
    cr_assert_eq(t->n_cols, 3);
    cr_assert_float_eq(t->widths[0], 2, EPS);
    cr_assert_float_eq(t->widths[1], 1, EPS);
    cr_assert_float_eq(t->widths[2], 0.5, EPS);
    cr_assert(t->layout_only);
    cr_assert_eq(t->n_children, 2);
    const layout_block *head = t->children[0];
    cr_assert_eq(head->kind, LAYOUT_ROW);
    cr_assert(head->header);
    cr_assert_eq(head->n_children, 3);
    cr_assert_eq(head->children[0]->kind, LAYOUT_CELL);
    assert_text(&head->children[0]->text, "Category");
    cr_assert_not(head->children[0]->has_cell_align);
    cr_assert(head->children[1]->has_cell_align);
    cr_assert_eq(head->children[1]->cell_align, LAYOUT_ALIGN_END);
    cr_assert_eq(head->children[2]->cell_align, LAYOUT_ALIGN_CENTER);
    const layout_block *row = t->children[1];
    cr_assert_not(row->header);
    cr_assert_eq(row->n_children, 2, "a row may have fewer cells than columns");
    cr_assert(row->children[1]->has_cell_align);
    cr_assert_eq(row->children[1]->cell_align, LAYOUT_ALIGN_START);
}

Test(layout, cell_align_other_than_start_end_or_center_is_refused)
{
    refuses(FLOW("<l:table><l:row><l:cell align=\"left\">x</l:cell></l:row></l:table>"), 1,
            "align=\"left\" is not start, end or center");
}

Test(layout, table_defaults_to_one_column_of_a_data_table)
{
    accepts(FLOW("<l:table><l:row><l:cell>x</l:cell></l:row></l:table>"));
    cr_assert_eq(block(0)->n_cols, 1);
    cr_assert_float_eq(block(0)->widths[0], 1, EPS);
    cr_assert_not(block(0)->layout_only);
}

Test(layout, cell_holds_either_blocks_or_inline_text)
{
    accepts(FLOW("<l:table widths=\"1 1 1\"><l:row><l:cell><l:p>one</l:p><l:p>two</l:p></l:cell>"
                 "<l:cell>a <l:span weight=\"bold\">b</l:span><l:br/>c</l:cell><l:cell/>"
                 "</l:row></l:table>"));
    const layout_block *row = block(0)->children[0];
    const layout_block *blocks = row->children[0];
    cr_assert_eq(blocks->n_children, 2);
    assert_text(&blocks->children[1]->text, "two");
    cr_assert_eq(blocks->text.len, 0);
    const layout_block *inline_cell = row->children[1];
    cr_assert_eq(inline_cell->n_children, 0);
    assert_text(&inline_cell->text, "a b" LSEP "c");
    cr_assert_eq(inline_cell->text.n_spans, 1);
    const layout_block *empty = row->children[2];
    cr_assert_eq(empty->n_children, 0);
    assert_text(&empty->text, "");
}

Test(layout, text_beside_blocks_in_a_cell_is_refused)
{
    refuses(FLOW("<l:table><l:row><l:cell>loose<l:p>x</l:p></l:cell></l:row></l:table>"), 1,
            "text directly in <cell>; put it in a <p>");
}

static char *table_of(size_t columns, size_t cells)
{
    GString *s = g_string_new(OPEN "<l:flow><l:table widths=\"");
    for (size_t i = 0; i < columns; i++)
        g_string_append(s, i > 0 ? " 1*" : "1*");
    g_string_append(s, "\"><l:row>");
    for (size_t i = 0; i < cells; i++)
        g_string_append_printf(s, "<l:cell>%zu</l:cell>", i);
    g_string_append(s, "</l:row></l:table></l:flow>" CLOSE);
    return g_string_free(s, FALSE);
}

Test(layout, table_of_exactly_64_full_columns_is_accepted)
{
    char *xml = table_of(LAYOUT_MAX_COLUMNS, LAYOUT_MAX_COLUMNS);
    accepts(xml);
    g_free(xml);
    cr_assert_eq(block(0)->n_cols, 64);
    cr_assert_eq(block(0)->children[0]->n_children, 64);
    cr_assert_float_eq(block(0)->widths[63], 1, EPS);
}

Test(layout, table_of_65_columns_or_of_none_is_refused)
{
    char *xml = table_of(LAYOUT_MAX_COLUMNS + 1, 1);
    refuses(xml, 1, "a table has 1 to 64 columns");
    g_free(xml);
    refuses(FLOW("<l:table widths=\" , \"/>"), 1, "a table has 1 to 64 columns");
}

Test(layout, row_with_one_cell_more_than_the_columns_is_refused)
{
    char *xml = table_of(2, 3);
    refuses(xml, 1, "a row has 3 cells but the table 2 columns");
    g_free(xml);
}

Test(layout, relative_widths_up_to_1000_are_accepted)
{
    accepts(FLOW("<l:table widths=\"1000* 0.001\"/>"));
    cr_assert_float_eq(block(0)->widths[0], 1000, EPS);
    cr_assert_float_eq(block(0)->widths[1], 0.001, EPS);
}

Test(layout, relative_width_above_1000_zero_or_malformed_is_refused)
{
    refuses(FLOW("<l:table widths=\"1 1000.5\"/>"), 1,
            "widths=\"1 1000.5\": \"1000.5\" is not a relative width such as 2*");
    refuses(FLOW("<l:table widths=\"0*\"/>"), 1,
            "widths=\"0*\": \"0*\" is not a relative width such as 2*");
    refuses(FLOW("<l:table widths=\"2** 1\"/>"), 1,
            "widths=\"2** 1\": \"2**\" is not a relative width such as 2*");
    refuses(FLOW("<l:table widths=\"nan\"/>"), 1,
            "widths=\"nan\": \"nan\" is not a relative width such as 2*");
}

Test(layout, table_holds_only_rows_and_rows_only_cells)
{
    refuses(FLOW("<l:table><l:cell>x</l:cell></l:table>"), 1,
            "<table> may only hold <row>, not <cell>");
    refuses(FLOW("<l:table><l:row><l:p>x</l:p></l:row></l:table>"), 1,
            "<row> may only hold <cell>, not <p>");
}

/* ------------------------------------------------------------------ */
/* Charts, rules and space                                             */
/* ------------------------------------------------------------------ */

Test(layout, chart_reads_title_alt_and_bars)
{
    accepts(FLOW("<l:chart title=\"Participants\" alt=\"Female 38, male 39\">"
                 "<l:bar label=\"Female\" value=\"38\"/>"
                 "<l:bar label=\"Male\" value=\"39.5\" text=\"about 40\"/>"
                 "<l:bar label=\"Total\" value=\"77\" emphasis=\"true\"/>"
                 "<l:bar/></l:chart>"));
    const layout_block *c = block(0);
    cr_assert_eq(c->kind, LAYOUT_CHART);
    cr_assert_str_eq(c->title, "Participants");
    cr_assert_str_eq(c->alt, "Female 38, male 39");
    cr_assert_eq(c->n_bars, 4);
    cr_assert_str_eq(c->bars[0].label, "Female");
    cr_assert_float_eq(c->bars[0].value, 38, EPS);
    cr_assert_str_eq(c->bars[0].text, "38", "the value as written is shown by default");
    cr_assert_not(c->bars[0].emphasis);
    cr_assert_float_eq(c->bars[1].value, 39.5, EPS);
    cr_assert_str_eq(c->bars[1].text, "about 40");
    cr_assert(c->bars[2].emphasis);
    cr_assert_str_eq(c->bars[3].label, "", "a bar without a label has an empty one");
    cr_assert_float_eq(c->bars[3].value, 0, EPS);
    cr_assert_null(c->bars[3].text);
}

Test(layout, chart_text_is_shown_as_written)
{
    accepts(FLOW("<l:chart><l:bar value=\"1e15\"/><l:bar value=\"007\"/></l:chart>"));
    cr_assert_float_eq(block(0)->bars[0].value, 1e15, 1);
    cr_assert_str_eq(block(0)->bars[0].text, "1e15");
    cr_assert_str_eq(block(0)->bars[1].text, "007");
}

Test(layout, empty_chart_is_accepted)
{
    accepts(FLOW("<l:chart/>"));
    cr_assert_eq(block(0)->n_bars, 0);
    cr_assert_not_null(block(0)->bars);
    cr_assert_null(block(0)->title);
}

Test(layout, bar_values_from_0_to_1e300_are_accepted)
{
    accepts(FLOW("<l:chart><l:bar value=\"0\"/><l:bar value=\"1e300\"/></l:chart>"));
    cr_assert_float_eq(block(0)->bars[0].value, 0, 0);
    cr_assert(block(0)->bars[1].value == 1e300);
}

Test(layout, bar_value_below_0_above_1e300_or_not_a_number_is_refused)
{
    refuses(FLOW("<l:chart><l:bar value=\"-1\"/></l:chart>"), 1,
            "value=\"-1\" is not a number from 0 to 1e+300");
    refuses(FLOW("<l:chart><l:bar value=\"1.1e300\"/></l:chart>"), 1,
            "value=\"1.1e300\" is not a number from 0 to 1e+300");
    refuses(FLOW("<l:chart><l:bar value=\"38 people\"/></l:chart>"), 1,
            "value=\"38 people\" is not a number from 0 to 1e+300");
}

Test(layout, chart_holding_anything_but_bars_is_refused)
{
    refuses(FLOW("<l:chart><l:bar/><l:p>x</l:p></l:chart>"), 1,
            "a chart holds <bar> elements, not <p>");
}

Test(layout, rule_and_space)
{
    accepts(FLOW("<l:rule/><l:space height=\"30pt\"/><l:space/><l:space height=\"-1cm\"/>"));
    cr_assert_eq(block(0)->kind, LAYOUT_RULE);
    cr_assert_eq(block(1)->kind, LAYOUT_SPACE);
    cr_assert_float_eq(block(1)->height_pt, 30, EPS);
    cr_assert_float_eq(block(2)->height_pt, 0, EPS);
    cr_assert_float_eq(block(3)->height_pt, -72 / 2.54, EPS);
}

Test(layout, space_height_that_is_not_a_length_is_refused)
{
    refuses(FLOW("<l:space height=\"tall\"/>"), 1,
            "height=\"tall\" is not a length (such as 12pt, 20mm)");
}

/* ------------------------------------------------------------------ */
/* Inline content                                                      */
/* ------------------------------------------------------------------ */

static const layout_text *para(const char *inline_xml)
{
    char *xml = g_strconcat(OPEN "<l:style name=\"link\" font=\"Noto Sans\" size=\"8.5\" "
                                 "weight=\"bold\" italic=\"true\" color=\"#00558c\"/><l:flow><l:p>",
                            inline_xml, "</l:p></l:flow>" CLOSE, NULL);
    accepts(xml);
    g_free(xml);
    return &block(0)->text;
}

Test(layout, white_space_collapses_as_in_html)
{
    assert_text(para("  \n\tHello \r\n\t  wide   world  \n"), "Hello wide world");
}

Test(layout, cdata_references_and_no_break_spaces_are_text)
{
    assert_text(para("a <![CDATA[<b> & c]]>"), "a <b> & c");
    assert_text(para("A&amp;B &#x41;&#1575;"), "A&B A\xd8\xa7");
    assert_text(para("10\xc2\xa0km"), "10\xc2\xa0km");
}

Test(layout, span_covers_its_text_by_byte_offsets)
{
    const layout_text *t = para("Plain <l:span weight=\"bold\">bold</l:span> end");
    assert_text(t, "Plain bold end");
    cr_assert_eq(t->n_spans, 1);
    const layout_span *s = &t->spans[0];
    cr_assert_eq(s->start, 6);
    cr_assert_eq(s->end, 10);
    cr_assert_eq(s->weight, 700);
    cr_assert_eq(s->italic, -1, "italic unchanged");
    cr_assert_null(s->font);
    cr_assert_float_eq(s->size_pt, 0, 0, "size unchanged");
    cr_assert_not(s->has_color);
    cr_assert_null(s->lang);
    cr_assert_null(s->href);
    cr_assert_null(s->dest);
}

Test(layout, span_offsets_count_utf8_bytes)
{
    const layout_text *t = para("Le <l:span lang=\"fr\">fran\xc3\xa7"
                                "ais</l:span>.");
    cr_assert_eq(t->spans[0].start, 3);
    cr_assert_eq(t->spans[0].end, 12);
    assert_span_text(t, 0,
                     "fran\xc3\xa7"
                     "ais");
    cr_assert_str_eq(t->spans[0].lang, "fr");
}

Test(layout, span_attributes_are_read)
{
    const layout_text *t =
        para("<l:span italic=\"1\">a</l:span> <l:span italic=\"no\">b</l:span> "
             "<l:span font=\"Noto Sans\" color=\"#ff0000\" weight=\"300\">c</l:span> "
             "<l:span href=\"https://example.org/a?b=1&amp;c=2\">d</l:span> "
             "<l:span dest=\"sec2\">e</l:span>");
    cr_assert_eq(t->n_spans, 5);
    cr_assert_eq(t->spans[0].italic, 1);
    cr_assert_eq(t->spans[1].italic, 0);
    cr_assert_str_eq(t->spans[2].font, "Noto Sans");
    cr_assert(t->spans[2].has_color);
    assert_color(t->spans[2].color, 0xff0000);
    cr_assert_eq(t->spans[2].weight, 300);
    cr_assert_str_eq(t->spans[3].href, "https://example.org/a?b=1&c=2");
    cr_assert_null(t->spans[3].dest);
    cr_assert_str_eq(t->spans[4].dest, "sec2");
    assert_span_text(t, 4, "e");
}

Test(layout, span_style_sets_font_size_weight_italic_and_colour)
{
    const layout_text *t = para("<l:span style=\"link\">x</l:span>");
    const layout_span *s = &t->spans[0];
    cr_assert_str_eq(s->font, "Noto Sans");
    cr_assert_float_eq(s->size_pt, 8.5, EPS);
    cr_assert_eq(s->weight, 700);
    cr_assert_eq(s->italic, 1);
    cr_assert(s->has_color);
    assert_color(s->color, 0x00558c);
}

Test(layout, span_style_changes_only_what_the_style_sets)
{
    accepts(DOC("<l:style name=\"body\" font=\"Noto Serif\" size=\"10\"/>"
                "<l:style name=\"link\" base=\"body\" color=\"#00558c\"/>"
                "<l:style name=\"only-colour\" color=\"#ff0000\"/>"
                "<l:style name=\"big\" size=\"14\"/>"
                "<l:flow><l:p><l:span style=\"only-colour\">a</l:span> "
                "<l:span style=\"link\">b</l:span> <l:span style=\"big\">c</l:span>"
                "</l:p></l:flow>"));
    const layout_text *t = &block(0)->text;
    const layout_span *colour = &t->spans[0];
    cr_assert(colour->has_color);
    assert_color(colour->color, 0xff0000);
    cr_assert_null(colour->font, "the surrounding text's font");
    cr_assert_float_eq(colour->size_pt, 0, 0, "the surrounding text's size");
    cr_assert_eq(colour->weight, 0, "the surrounding text's weight");
    cr_assert_eq(colour->italic, -1, "the surrounding text's slant");
    /* What a base sets counts as set by the style. */
    const layout_span *link = &t->spans[1];
    assert_color(link->color, 0x00558c);
    cr_assert_str_eq(link->font, "Noto Serif");
    cr_assert_float_eq(link->size_pt, 10, EPS);
    cr_assert_eq(link->weight, 0);
    const layout_span *big = &t->spans[2];
    cr_assert_float_eq(big->size_pt, 14, EPS);
    cr_assert_not(big->has_color, "a style without a colour leaves the text's");
}

Test(layout, span_attributes_override_its_style)
{
    const layout_text *t =
        para("<l:span style=\"link\" weight=\"normal\" italic=\"false\" font=\"Noto Serif\" "
             "color=\"#000001\">x</l:span>");
    const layout_span *s = &t->spans[0];
    cr_assert_eq(s->weight, 400);
    cr_assert_eq(s->italic, 0);
    cr_assert_str_eq(s->font, "Noto Serif");
    assert_color(s->color, 0x000001);
    cr_assert_float_eq(s->size_pt, 8.5, EPS, "the style's size stays");
}

Test(layout, span_with_an_unknown_style_a_bad_colour_or_weight_is_refused)
{
    refuses(FLOW("<l:p><l:span weight=\"heavy\">x</l:span></l:p>"), 1,
            "weight=\"heavy\" is not normal, bold or 100-1000");
    refuses(FLOW("<l:p><l:span style=\"nope\">x</l:span></l:p>"), 1,
            "style=\"nope\" is not defined");
    refuses(FLOW("<l:p><l:span color=\"blue\">x</l:span></l:p>"), 1,
            "color=\"blue\" is not a colour (#rrggbb)");
}

Test(layout, space_before_a_span_stays_outside_it)
{
    const layout_text *t = para("a <l:span weight=\"bold\">b</l:span> c");
    assert_text(t, "a b c");
    assert_span_text(t, 0, "b");
}

/* The space written before a span must not be followed by a second one
 * from the span's own leading white space ("a  b", and a span starting with
 * a space). */
Test(layout, white_space_on_both_sides_of_a_span_start_collapses_to_one_space)
{
    const layout_text *t = para("a   <l:span weight=\"bold\">  b  </l:span>  c");
    assert_text(t, "a b c");
    assert_span_text(t, 0, "b");
}

Test(layout, empty_span_makes_no_range)
{
    const layout_text *t = para("a<l:span weight=\"bold\"/><l:span weight=\"bold\">  </l:span>b");
    assert_text(t, "a b");
    cr_assert_eq(t->n_spans, 0);
}

Test(layout, nested_spans_each_get_a_range)
{
    const layout_text *t =
        para("<l:span italic=\"true\">out <l:span weight=\"bold\">in</l:span> side</l:span>");
    assert_text(t, "out in side");
    cr_assert_eq(t->n_spans, 2);
    /* Outer before inner: pango lets the attribute inserted later win, and
     * the inner span must win. */
    assert_span_text(t, 0, "out in side");
    cr_assert_eq(t->spans[0].italic, 1);
    cr_assert_eq(t->spans[0].weight, 0);
    assert_span_text(t, 1, "in");
    cr_assert_eq(t->spans[1].weight, 700);
    cr_assert_eq(t->spans[1].italic, -1);
}

Test(layout, spans_starting_together_keep_outer_before_inner)
{
    const layout_text *t = para("<l:span font=\"A\"><l:span font=\"B\">x</l:span>y</l:span>");
    cr_assert_eq(t->n_spans, 2);
    cr_assert_str_eq(t->spans[0].font, "A");
    assert_span_text(t, 0, "xy");
    cr_assert_str_eq(t->spans[1].font, "B");
    assert_span_text(t, 1, "x");
}

Test(layout, direction_isolates_wrap_the_span)
{
    const layout_text *t =
        para("a <l:span dir=\"rtl\">R</l:span> <l:span dir=\"ltr\">L</l:span> "
             "<l:span dir=\"auto\">F</l:span> <l:span isolate=\"true\">I</l:span> "
             "<l:span>N</l:span>");
    assert_text(t, "a " RLI "R" PDI " " LRI "L" PDI " " FSI "F" PDI " " FSI "I" PDI " N");
    cr_assert_eq(t->n_spans, 5);
    assert_span_text(t, 0, "R");
    assert_span_text(t, 1, "L");
    assert_span_text(t, 2, "F");
    assert_span_text(t, 3, "I");
    assert_span_text(t, 4, "N");
    /* dir wins over isolate. */
    assert_text(para("<l:span dir=\"ltr\" isolate=\"true\">x</l:span>"), LRI "x" PDI);
    /* A trailing space in an isolate goes after its end. */
    assert_text(para("<l:span dir=\"rtl\">R </l:span>x"), RLI "R" PDI " x");
}

Test(layout, br_is_a_line_separator)
{
    assert_text(para("one<l:br/>two<l:br/>"), "one" LSEP "two" LSEP);
    assert_text(para("<l:span weight=\"bold\">a<l:br/>b</l:span>"), "a" LSEP "b");
    assert_span_text(&block(0)->text, 0, "a" LSEP "b");
}

Test(layout, white_space_around_a_line_break_is_dropped)
{
    assert_text(para("one <l:br/> two"), "one" LSEP "two");
    assert_text(para("one\n<l:br/>\n<l:br/>\n<l:span>two</l:span>"), "one" LSEP LSEP "two");
    assert_span_text(&block(0)->text, 0, "two");
}

Test(layout, hyphen_inside_a_word_gets_a_word_joiner)
{
    assert_text(para("entry-level"), "entry-" WJ "level");
}

Test(layout, hyphen_before_a_space_or_at_the_end_of_a_text_node_gets_none)
{
    assert_text(para("a - b end-"), "a - b end-");
    assert_text(para("pre-<l:span>fix</l:span>"), "pre-fix");
}

Test(layout, element_that_is_not_inline_is_refused_in_text)
{
    refuses(FLOW("<l:p>a <l:b>x</l:b></l:p>"), 1, "<b> is not inline content (span or br)");
    refuses(FLOW("<l:p>a <l:p>x</l:p></l:p>"), 1, "<p> is not inline content (span or br)");
}

/* ------------------------------------------------------------------ */
/* Header and footer                                                   */
/* ------------------------------------------------------------------ */

Test(layout, header_and_footer_parts_are_inline_text)
{
    accepts(DOC("<l:style name=\"small\" size=\"8\"/>"
                "<l:header style=\"small\"><l:start>IGF <l:span weight=\"bold\">2013</l:span>"
                "</l:start><l:end>Workshop  41</l:end></l:header>"
                "<l:footer><l:center>Page {page} of {pages}</l:center></l:footer><l:flow/>"));
    cr_assert_eq(l->header_style, style_named("small"));
    assert_text(&l->header[0], "IGF 2013");
    cr_assert_eq(l->header[0].n_spans, 1);
    cr_assert_null(l->header[1].text, "a missing part stays empty");
    assert_text(&l->header[2], "Workshop 41");
    assert_text(&l->footer[1], "Page {page} of {pages}");
    cr_assert_str_eq(l->footer_style->name, "default", "not body: the built-in default");
}

Test(layout, footer_without_style_does_not_take_body)
{
    accepts(DOC("<l:style name=\"body\" size=\"12\"/><l:footer><l:end>x</l:end></l:footer>"
                "<l:flow/>"));
    cr_assert_float_eq(l->footer_style->size_pt, 10, EPS);
    cr_assert_float_eq(l->flow->style->size_pt, 12, EPS);
}

Test(layout, header_names_only_earlier_styles_and_holds_only_its_parts)
{
    refuses(DOC("<l:header style=\"small\"><l:start>x</l:start></l:header>"
                "<l:style name=\"small\"/><l:flow/>"),
            1, "style=\"small\" is not defined");
    refuses(DOC("<l:header><l:middle>x</l:middle></l:header><l:flow/>"), 1,
            "<header> holds start, center and end, not <middle>");
}

Test(layout, later_footer_replaces_the_parts_it_has)
{
    accepts(DOC("<l:footer><l:start>a</l:start><l:end>b</l:end></l:footer>"
                "<l:footer><l:end>c</l:end></l:footer><l:flow/>"));
    assert_text(&l->footer[0], "a");
    assert_text(&l->footer[2], "c");
}

/* ------------------------------------------------------------------ */
/* Nesting limits                                                      */
/* ------------------------------------------------------------------ */

/* A paragraph at block depth `depth` (the flow's children are at depth 1):
 * depth - 1 nested items around it. */
static char *paragraph_at_depth(int depth)
{
    GString *s = g_string_new(OPEN "<l:flow>");
    for (int i = 1; i < depth; i++)
        g_string_append(s, "<l:item>");
    g_string_append(s, "<l:p>deep</l:p>");
    for (int i = 1; i < depth; i++)
        g_string_append(s, "</l:item>");
    g_string_append(s, "</l:flow>" CLOSE);
    return g_string_free(s, FALSE);
}

Test(layout, block_at_the_depth_limit_is_accepted)
{
    char *xml = paragraph_at_depth(LAYOUT_MAX_DEPTH);
    accepts(xml);
    g_free(xml);
    const layout_block *b = block(0);
    int depth = 1;
    while (b->kind == LAYOUT_ITEM) {
        cr_assert_eq(b->n_children, 1);
        b = b->children[0];
        depth++;
    }
    cr_assert_eq(b->kind, LAYOUT_PARA);
    cr_assert_eq(depth, LAYOUT_MAX_DEPTH);
    assert_text(&b->text, "deep");
}

Test(layout, block_one_past_the_depth_limit_is_refused)
{
    char *xml = paragraph_at_depth(LAYOUT_MAX_DEPTH + 1);
    refuses(xml, 1, "blocks nested deeper than 1024");
    g_free(xml);
}

static char *spans_nested(int n)
{
    GString *s = g_string_new(OPEN "<l:flow><l:p>");
    for (int i = 0; i < n; i++)
        g_string_append(s, "<l:span>");
    g_string_append(s, "x");
    for (int i = 0; i < n; i++)
        g_string_append(s, "</l:span>");
    g_string_append(s, "</l:p></l:flow>" CLOSE);
    return g_string_free(s, FALSE);
}

Test(layout, spans_nested_to_the_limit_are_accepted)
{
    char *xml = spans_nested(LAYOUT_MAX_DEPTH);
    accepts(xml);
    g_free(xml);
    const layout_text *t = &block(0)->text;
    assert_text(t, "x");
    cr_assert_eq(t->n_spans, LAYOUT_MAX_DEPTH);
}

Test(layout, spans_nested_one_past_the_limit_are_refused)
{
    char *xml = spans_nested(LAYOUT_MAX_DEPTH + 1);
    refuses(xml, 1, "inline content nested deeper than 1024");
    g_free(xml);
}

/* ------------------------------------------------------------------ */
/* Ownership                                                           */
/* ------------------------------------------------------------------ */

Test(layout, refused_document_leaves_nothing_to_free)
{
    /* Errors in every part, so that the reader allocates before it gives
     * up; valgrind checks that nothing leaks. */
    l = read_layout(DOC("<l:style name=\"a\" size=\"0\"/><l:header><l:x/></l:header>"
                        "<l:flow><l:table widths=\"1\"><l:row><l:cell>a</l:cell><l:cell>b</l:cell>"
                        "</l:row></l:table><l:chart><l:bar value=\"-1\"/></l:chart>"
                        "<l:p><l:span style=\"q\">x</l:span></l:p></l:flow>"));
    cr_assert_null(l);
    cr_assert_eq(diag_count(d, DIAG_ERROR), 5, "%zu errors", diag_count(d, DIAG_ERROR));
    layout_free(NULL);
}
