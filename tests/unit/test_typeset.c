/* Unit tests of typeset (generator/typeset.h): layout blocks set into
 * lines, rows and keeps with pango over the fonts of fonts/. */
#include <criterion/criterion.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <libxml/parser.h>
#include <pango/pangocairo.h>

#include "diag.h"
#include "fonts.h"
#include "layout.h"
#include "typeset.h"
#include "support.h"

#define EPS 0.01

/* A layout document: the root's attributes, then its children. */
#define DOC(attrs, body)                                                                           \
    "<l:document xmlns:l='urn:rapporteur:layout:1' " attrs ">"                                     \
    "<l:style name='body' font='Noto Serif' size='10' line-height='1.4'/>" body "</l:document>"

/* A text area of 228 x 328 pt: narrow, so that short texts wrap. */
#define SMALL_PAGE                                                                                 \
    "<l:page width='300' height='400' margin-top='36' margin-bottom='36' margin-start='36' "       \
    "margin-end='36'/>"

#define LOREM                                                                                      \
    "The session discussed the multistakeholder model of Internet governance at length, "          \
    "with speakers from governments, civil society, the technical community and business, "        \
    "and agreed that further work was needed before the next meeting of the forum."

/* The fonts, map and contexts every test sets text with. */
static support_fonts sf;

static void setup(void)
{
    support_fonts_open(&sf);
}

static void teardown(void)
{
    support_fonts_close(&sf);
}

TestSuite(typeset, .init = setup, .fini = teardown);

/* One document read and set; free with done(). */
typedef struct {
    layout_doc *doc;
    typeset_result *ts;
    diag *d;
} set;

static set typeset_xml(const char *xml)
{
    set s = {NULL, NULL, diag_new()};
    xmlDoc *x = xmlReadMemory(xml, (int)strlen(xml), "test.xml", NULL, XML_PARSE_NONET);
    cr_assert_not_null(x, "not well-formed: %s", xml);
    s.doc = layout_read(x, "record.xml", s.d);
    xmlFreeDoc(x);
    for (size_t i = 0; i < diag_length(s.d); i++)
        cr_log_error("%s", diag_get(s.d, i)->message);
    cr_assert_not_null(s.doc, "the layout document is refused");
    s.ts = typeset_flow(s.doc, sf.ltr, sf.rtl, s.d);
    return s;
}

/* Read and set, and no errors expected. */
static set typeset_ok(const char *xml)
{
    set s = typeset_xml(xml);
    for (size_t i = 0; i < diag_length(s.d); i++)
        cr_log_error("%s", diag_get(s.d, i)->message);
    cr_assert_not_null(s.ts);
    cr_assert_eq(diag_length(s.d), 0);
    return s;
}

static void done(set *s)
{
    typeset_free(s->ts);
    layout_free(s->doc);
    diag_free(s->d);
}

/* The left and right edges of a line's text, from the box's x. */
static void line_edges(const box *b, double *left, double *right)
{
    PangoRectangle logical;
    pango_layout_line_get_extents(b->line, NULL, &logical);
    *left = b->origin_x_pt + pango_units_to_double(logical.x);
    *right = *left + pango_units_to_double(logical.width);
}

/* The text of a line, without the invisible characters layout.c inserts
 * (word joiners, isolates); g_free() it. */
static char *line_text(const box *b)
{
    const char *all = pango_layout_get_text(b->line->layout);
    GString *s = g_string_new(NULL);
    const char *end = all + b->line->start_index + b->line->length;
    for (const char *p = all + b->line->start_index; p < end; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (c != 0x2060 && !(c >= 0x2066 && c <= 0x2069))
            g_string_append_unichar(s, c);
    }
    return g_string_free(s, FALSE);
}

static size_t count_kind(const typeset_result *ts, box_kind kind)
{
    size_t n = 0;
    for (size_t i = 0; i < ts->n_boxes; i++)
        n += ts->boxes[i]->kind == kind;
    return n;
}

static const diag_entry *only_error(const diag *d)
{
    cr_assert_eq(diag_count(d, DIAG_ERROR), 1, "%zu errors", diag_count(d, DIAG_ERROR));
    for (size_t i = 0; i < diag_length(d); i++) {
        if (diag_get(d, i)->severity == DIAG_ERROR)
            return diag_get(d, i);
    }
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Lines                                                               */
/* ------------------------------------------------------------------ */

Test(typeset, no_line_is_wider_than_the_measure)
{
    /* Indents, a first-line indent, and a URL longer than any line. */
    set s = typeset_ok(DOC("lang='en'", SMALL_PAGE
                           "<l:style name='ind' base='body' indent-start='20' indent-end='15' "
                           "first-indent='12'/>"
                           "<l:flow><l:p>" LOREM "</l:p><l:p style='ind'>" LOREM
                           " https://www.intgovforum.org/multilingual/content/"
                           "igf-2013-workshop-41-a-very-long-address-without-any-space</l:p>"
                           "</l:flow>"));
    cr_assert_gt(s.ts->n_boxes, 8);
    cr_assert_float_eq(s.ts->text_width_pt, 228, EPS);
    for (size_t i = 0; i < s.ts->n_boxes; i++) {
        const box *b = s.ts->boxes[i];
        cr_assert_eq(b->kind, BOX_LINE);
        cr_assert_geq(b->x_pt, 0);
        cr_assert_leq(b->x_pt + b->width_pt, s.ts->text_width_pt + EPS);
        double left, right;
        line_edges(b, &left, &right);
        cr_assert_geq(left, -EPS, "line %zu starts at %g", i, left);
        cr_assert_leq(right, b->width_pt + EPS, "line %zu is %g wide in %g", i, right, b->width_pt);
    }
    g_autofree char *last = line_text(s.ts->boxes[s.ts->n_boxes - 1]);
    cr_assert(g_str_has_suffix(last, "space"), "%s", last);
    done(&s);
}

Test(typeset, indents_narrow_the_measure_and_first_indent_moves_the_first_line)
{
    set s = typeset_ok(DOC("lang='en'", SMALL_PAGE
                           "<l:style name='ind' base='body' indent-start='20' indent-end='15' "
                           "first-indent='12'/>"
                           "<l:flow><l:p style='ind'>" LOREM "</l:p></l:flow>"));
    cr_assert_gt(s.ts->n_boxes, 2);
    for (size_t i = 0; i < s.ts->n_boxes; i++) {
        const box *b = s.ts->boxes[i];
        cr_assert_float_eq(b->x_pt, 20, EPS);
        cr_assert_float_eq(b->width_pt, 228 - 20 - 15, EPS);
        double left, right;
        line_edges(b, &left, &right);
        cr_assert_float_eq(left, i == 0 ? 12 : 0, 0.05, "line %zu starts at %g", i, left);
    }
    done(&s);
}

Test(typeset, the_lines_hold_the_whole_text_in_order)
{
    set s = typeset_ok(DOC("lang='en'", SMALL_PAGE "<l:flow><l:p>" LOREM "</l:p></l:flow>"));
    cr_assert_gt(s.ts->n_boxes, 3);
    GString *all = g_string_new(NULL);
    int next = 0;
    for (size_t i = 0; i < s.ts->n_boxes; i++) {
        const PangoLayoutLine *l = s.ts->boxes[i]->line;
        cr_assert_eq(l->start_index, next, "line %zu", i);
        next = l->start_index + l->length;
        g_autofree char *t = line_text(s.ts->boxes[i]);
        g_string_append(all, t);
    }
    cr_assert_str_eq(all->str, LOREM);
    g_string_free(all, TRUE);
    done(&s);
}

Test(typeset, lines_are_as_tall_as_size_times_line_height_or_the_font)
{
    set s = typeset_ok(DOC("lang='en'", SMALL_PAGE
                           "<l:style name='airy' base='body' line-height='2'/>"
                           "<l:style name='tight' base='body' line-height='0.5'/>"
                           "<l:flow><l:p style='airy'>" LOREM "</l:p><l:p style='tight'>Tight "
                           "lines</l:p></l:flow>"));
    const box *first = s.ts->boxes[0];
    cr_assert_float_eq(first->height_pt, 20, EPS);
    /* The baseline is inside the line, the glyphs centred in the extra space. */
    cr_assert_gt(first->baseline_pt, 10);
    cr_assert_lt(first->baseline_pt, 20);
    /* Below the font's own height, line-height has no effect. */
    const box *tight = s.ts->boxes[s.ts->n_boxes - 1];
    cr_assert_gt(tight->height_pt, 12);
    cr_assert_lt(tight->height_pt, 16);
    done(&s);
}

Test(typeset, a_narrower_page_gives_more_lines)
{
    set wide = typeset_ok(DOC("lang='en'", "<l:flow><l:p>" LOREM "</l:p></l:flow>"));
    set narrow = typeset_ok(DOC("lang='en'", SMALL_PAGE "<l:flow><l:p>" LOREM "</l:p></l:flow>"));
    cr_assert_gt(narrow.ts->n_boxes, wide.ts->n_boxes);
    done(&wide);
    done(&narrow);
}

Test(typeset, a_line_never_ends_after_a_hyphen)
{
    /* Hyphenated compounds all over a narrow column: layout.c glues each
     * hyphen to what follows, so no break comes after one. */
    set s = typeset_ok(
        DOC("lang='en'", SMALL_PAGE
            "<l:flow><l:p>multi-stakeholder entry-level follow-up cross-border long-term "
            "well-known high-level open-ended state-of-the-art multi-stakeholder entry-level "
            "follow-up cross-border long-term well-known high-level open-ended co-chair "
            "non-governmental</l:p></l:flow>"));
    cr_assert_gt(s.ts->n_boxes, 3);
    for (size_t i = 0; i + 1 < s.ts->n_boxes; i++) {
        g_autofree char *t = line_text(s.ts->boxes[i]);
        g_strchomp(t);
        cr_assert_not(g_str_has_suffix(t, "-"), "line %zu: \"%s\"", i, t);
    }
    done(&s);
}

Test(typeset, an_empty_paragraph_sets_nothing_and_an_empty_flow_is_no_error)
{
    set s = typeset_ok(DOC("lang='en'", "<l:flow><l:p/><l:p>   </l:p></l:flow>"));
    cr_assert_eq(s.ts->n_boxes, 0);
    done(&s);
    set e = typeset_ok(DOC("lang='en'", "<l:flow/>"));
    cr_assert_eq(e.ts->n_boxes, 0);
    cr_assert_float_eq(e.ts->text_height_pt, 841.89 - 2 * 56.7, EPS);
    done(&e);
}

/* ------------------------------------------------------------------ */
/* Direction                                                           */
/* ------------------------------------------------------------------ */

#define ARABIC "ناقشت الجلسة نموذج أصحاب المصلحة المتعددين"

Test(typeset, an_arabic_block_is_set_right_to_left_even_if_it_starts_in_latin)
{
    set s = typeset_ok(DOC("lang='ar' dir='rtl'",
                           "<l:style name='ar' base='body' font='Noto Naskh Arabic'/>"
                           "<l:flow><l:p style='ar'>IGF 2014 " ARABIC "</l:p></l:flow>"));
    cr_assert_eq(s.ts->n_boxes, 1);
    const box *b = s.ts->boxes[0];
    cr_assert_eq(b->line->resolved_dir, PANGO_DIRECTION_RTL);
    /* Aligned to the start, which is the right. */
    double left, right;
    line_edges(b, &left, &right);
    cr_assert_float_eq(right, b->width_pt, 0.05);
    cr_assert_gt(left, b->width_pt / 2);
    done(&s);
}

Test(typeset, an_english_block_is_set_left_to_right_even_if_it_starts_in_arabic)
{
    set s = typeset_ok(DOC("lang='en'",
                           "<l:style name='b' base='body' font='Noto Serif, Noto Naskh Arabic'/>"
                           "<l:flow><l:p style='b'>" ARABIC " was the title</l:p></l:flow>"));
    const box *b = s.ts->boxes[0];
    cr_assert_eq(b->line->resolved_dir, PANGO_DIRECTION_LTR);
    double left, right;
    line_edges(b, &left, &right);
    cr_assert_float_eq(left, 0, 0.05);
    done(&s);
}

Test(typeset, a_rtl_block_in_an_ltr_document_is_rtl)
{
    set s =
        typeset_ok(DOC("lang='en'", "<l:style name='ar' base='body' font='Noto Naskh Arabic'/>"
                                    "<l:flow><l:p>English first.</l:p><l:p style='ar' lang='ar' "
                                    "dir='rtl'>" ARABIC "</l:p></l:flow>"));
    cr_assert_eq(s.ts->n_boxes, 2);
    cr_assert_eq(s.ts->boxes[0]->line->resolved_dir, PANGO_DIRECTION_LTR);
    cr_assert_eq(s.ts->boxes[1]->line->resolved_dir, PANGO_DIRECTION_RTL);
    done(&s);
}

Test(typeset, in_rtl_the_start_indent_is_on_the_right)
{
    set s = typeset_ok(DOC("lang='ar' dir='rtl'",
                           SMALL_PAGE "<l:style name='ar' base='body' font='Noto Naskh Arabic' "
                                      "indent-start='40'/>"
                                      "<l:flow><l:p style='ar'>" ARABIC "</l:p></l:flow>"));
    const box *b = s.ts->boxes[0];
    cr_assert_float_eq(b->x_pt, 0, EPS);
    cr_assert_float_eq(b->x_pt + b->width_pt, 228 - 40, EPS);
    done(&s);
}

Test(typeset, in_rtl_table_columns_and_list_markers_run_from_the_right)
{
    set s = typeset_ok(DOC("lang='ar' dir='rtl'",
                           "<l:style name='ar' base='body' font='Noto Naskh Arabic'/>"
                           "<l:flow><l:table style='ar' widths='1 3'><l:row><l:cell>الاسم</l:cell>"
                           "<l:cell>القيمة</l:cell></l:row></l:table>"
                           "<l:list style='ar'><l:item marker='١.'><l:p>أولا</l:p></l:item>"
                           "</l:list></l:flow>"));
    cr_assert_eq(s.ts->n_boxes, 2);
    const box *row = s.ts->boxes[0];
    cr_assert_eq(row->kind, BOX_ROW);
    cr_assert_eq(row->n_children, 2);
    double w = s.ts->text_width_pt;
    /* The first column, a quarter wide, is the rightmost. */
    cr_assert_geq(row->children[0]->x_pt, w * 3 / 4 - EPS);
    cr_assert_lt(row->children[1]->x_pt + row->children[1]->width_pt, w * 3 / 4 + EPS);
    const box *item = s.ts->boxes[1];
    cr_assert_not_null(item->marker);
    cr_assert_gt(item->marker->x_pt, item->x_pt + item->width_pt - EPS);
    done(&s);
}

Test(typeset, in_ltr_list_markers_hang_left_of_the_text)
{
    set s = typeset_ok(DOC("lang='en'", "<l:style name='list' base='body' marker-width='18'/>"
                                        "<l:flow><l:list style='list'><l:item marker='1.'><l:p>"
                                        "First</l:p></l:item></l:list></l:flow>"));
    const box *b = s.ts->boxes[0];
    cr_assert_float_eq(b->x_pt, 18, EPS);
    cr_assert_not_null(b->marker);
    /* Right-aligned in the hanging indent, 0.4 x size before the text. */
    cr_assert_float_eq(b->marker->x_pt + b->marker->width_pt, 18 - 4, 0.05);
    done(&s);
}

/* ------------------------------------------------------------------ */
/* Chinese                                                             */
/* ------------------------------------------------------------------ */

#define CHINESE                                                                                                                            \
    "会议讨论了多利益相关方模式。这是一个很长的段落，用来测试中文的换行，没有空格也应该正确换" \
    "行到下一行去，直到结束。互联网治理论坛的与会者来自政府、民间社会、技术界和私营部门。"

static bool is_han(gunichar c)
{
    return g_unichar_get_script(c) == G_UNICODE_SCRIPT_HAN;
}

Test(typeset, chinese_breaks_between_ideographs_without_spaces)
{
    set s = typeset_ok(DOC("lang='zh-Hans'", SMALL_PAGE
                           "<l:style name='zh' base='body' font='Noto Sans CJK SC' size='9.6'/>"
                           "<l:flow><l:p style='zh'>" CHINESE "</l:p></l:flow>"));
    cr_assert_gt(s.ts->n_boxes, 2);
    size_t between_han = 0;
    for (size_t i = 0; i < s.ts->n_boxes; i++) {
        const box *b = s.ts->boxes[i];
        double left, right;
        line_edges(b, &left, &right);
        cr_assert_leq(right, b->width_pt + EPS, "line %zu", i);
        g_autofree char *t = line_text(b);
        cr_assert_null(strchr(t, ' '));
        gunichar first = g_utf8_get_char(t);
        /* Closing punctuation never starts a line. */
        cr_assert(first != 0xFF0C && first != 0x3002 && first != 0x3001, "line %zu: %s", i, t);
        if (i > 0) {
            g_autofree char *prev = line_text(s.ts->boxes[i - 1]);
            gunichar last = g_utf8_get_char(g_utf8_prev_char(prev + strlen(prev)));
            between_han += is_han(last) && is_han(first);
        }
    }
    cr_assert_gt(between_han, 0);
    /* The full-width lines are nearly full: breaks are not kept for spaces. */
    double left, right;
    line_edges(s.ts->boxes[0], &left, &right);
    cr_assert_gt(right, s.ts->boxes[0]->width_pt - 2 * 9.6);
    done(&s);
}

/* ------------------------------------------------------------------ */
/* Glyphs no font has                                                  */
/* ------------------------------------------------------------------ */

Test(typeset, a_character_no_font_has_is_an_error_at_its_blocks_line)
{
    set s = typeset_xml(DOC("lang='en' line='3'",
                            "<l:flow><l:p line='12'>Emoji \xF0\x9F\x98\x80 here</l:p></l:flow>"));
    cr_assert_null(s.ts);
    const diag_entry *e = only_error(s.d);
    cr_assert_str_eq(e->file, "record.xml");
    cr_assert_eq(e->line, 12);
    cr_assert_str_eq(e->rule, "glyph");
    cr_assert(strstr(e->message, "U+1F600 \"\xF0\x9F\x98\x80\"") != NULL, "%s", e->message);
    done(&s);
}

Test(typeset, a_block_without_a_line_falls_back_to_the_documents)
{
    set s = typeset_xml(
        DOC("lang='en' line='3'", "<l:flow><l:p>Tangut \xF0\x97\x80\x80</l:p></l:flow>"));
    cr_assert_null(s.ts);
    const diag_entry *e = only_error(s.d);
    cr_assert_eq(e->line, 3);
    cr_assert(strstr(e->message, "U+17000") != NULL, "%s", e->message);
    done(&s);
}

Test(typeset, each_missing_character_is_reported_once)
{
    set s = typeset_xml(DOC("lang='en'", "<l:flow><l:p line='5'>\xF0\x9F\x98\x80 and "
                                         "\xF0\x9F\x98\x80 and \xF0\x97\x80\x80 and "
                                         "\xF0\x9F\x98\x80</l:p></l:flow>"));
    cr_assert_null(s.ts);
    cr_assert_eq(diag_count(s.d, DIAG_ERROR), 2);
    bool emoji = false, tangut = false;
    for (size_t i = 0; i < diag_length(s.d); i++) {
        const diag_entry *e = diag_get(s.d, i);
        cr_assert_eq(e->line, 5);
        emoji |= strstr(e->message, "U+1F600") != NULL;
        tangut |= strstr(e->message, "U+17000") != NULL;
    }
    cr_assert(emoji && tangut);
    done(&s);
}

Test(typeset, setting_stops_at_the_first_block_with_a_missing_character)
{
    /* As documented (docs/layout.md, Errors): later blocks are not checked. */
    set s = typeset_xml(DOC("lang='en'", "<l:flow><l:p line='5'>Fine.</l:p>"
                                         "<l:p line='6'>\xF0\x9F\x98\x80</l:p>"
                                         "<l:p line='7'>\xF0\x97\x80\x80</l:p></l:flow>"));
    cr_assert_null(s.ts);
    cr_assert_eq(only_error(s.d)->line, 6);
    done(&s);
}

Test(typeset, a_missing_character_in_a_cell_or_a_marker_is_reported_at_its_line)
{
    set cell = typeset_xml(DOC("lang='en'", "<l:flow><l:table widths='1 1' line='20'><l:row>"
                                            "<l:cell line='21'>ok</l:cell><l:cell line='22'>"
                                            "\xF0\x9F\x98\x80</l:cell></l:row></l:table>"
                                            "</l:flow>"));
    cr_assert_null(cell.ts);
    cr_assert_eq(only_error(cell.d)->line, 22);
    done(&cell);
    set marker = typeset_xml(DOC("lang='en'", "<l:flow><l:list><l:item line='30' "
                                              "marker='\xF0\x9F\x98\x80'><l:p line='31'>"
                                              "text</l:p></l:item></l:list></l:flow>"));
    cr_assert_null(marker.ts);
    cr_assert_eq(only_error(marker.d)->line, 30);
    done(&marker);
}

Test(typeset, a_script_the_block_font_lacks_falls_back_to_another_font_of_fonts)
{
    /* Noto Serif has no Thai or Devanagari: fontconfig finds them. */
    set s = typeset_ok(DOC("lang='en'", "<l:flow><l:p>ไทย हिन्दी Ελληνικά עברית</l:p></l:flow>"));
    cr_assert_eq(pango_layout_get_unknown_glyphs_count(s.ts->boxes[0]->line->layout), 0);
    done(&s);
}

Test(typeset, a_label_reports_a_missing_character_at_the_line_given)
{
    set s = typeset_ok(DOC("lang='en'", "<l:flow/>"));
    const char *text = "Page 1 \xF0\x9F\x98\x80";
    layout_text t = {text, strlen(text), NULL, 0};
    PangoLayout *pl = typeset_label(s.doc, sf.ltr, s.doc->flow->style, &t, "en", s.d, 42);
    cr_assert_not_null(pl);
    const diag_entry *e = only_error(s.d);
    cr_assert_eq(e->line, 42);
    cr_assert_str_eq(e->rule, "glyph");
    /* One line, however long: labels are not wrapped. */
    cr_assert_eq(pango_layout_get_line_count(pl), 1);
    g_object_unref(pl);
    done(&s);
}

/* ------------------------------------------------------------------ */
/* Keeps and space                                                     */
/* ------------------------------------------------------------------ */

/* Index of the first box whose line text starts with `prefix`. */
static size_t find_line(const typeset_result *ts, const char *prefix)
{
    for (size_t i = 0; i < ts->n_boxes; i++) {
        if (ts->boxes[i]->kind != BOX_LINE)
            continue;
        g_autofree char *t = line_text(ts->boxes[i]);
        if (g_str_has_prefix(t, prefix))
            return i;
    }
    cr_assert_fail("no line starts with %s", prefix);
    return 0;
}

Test(typeset, a_heading_is_kept_with_what_follows_whatever_it_says)
{
    set s = typeset_ok(DOC("lang='en'",
                           "<l:style name='h' base='body' size='14' rule-after='1' rule-gap='3'/>"
                           "<l:flow><l:p>Before.</l:p><l:heading level='2' style='h' id='s1' "
                           "keep-with-next='false'>Section</l:heading><l:p>After.</l:p>"
                           "</l:flow>"));
    cr_assert_eq(s.ts->n_boxes, 4);
    cr_assert_not(s.ts->items[0].keep_with_next);
    cr_assert(s.ts->items[1].keep_with_next);
    /* Its rule belongs to it, and is kept with what follows too. */
    cr_assert_eq(s.ts->boxes[2]->kind, BOX_RULE);
    cr_assert_float_eq(s.ts->boxes[2]->thickness_pt, 1, EPS);
    cr_assert(s.ts->items[2].keep_with_next);
    cr_assert_not(s.ts->items[3].keep_with_next);
    /* The heading's first line carries its destination and tag. */
    cr_assert_str_eq(s.ts->boxes[1]->dest, "s1");
    cr_assert_str_eq(s.ts->boxes[1]->tags[s.ts->boxes[1]->n_tags - 1].name, "H2");
    done(&s);
}

Test(typeset, paragraphs_keep_two_lines_together_at_each_end)
{
    set s = typeset_ok(DOC("lang='en'", SMALL_PAGE "<l:flow><l:p>One line.</l:p><l:p>" LOREM
                                                   "</l:p><l:p>Two lines: the session talked "
                                                   "about everything and nothing at "
                                                   "length.</l:p></l:flow>"));
    size_t lorem = find_line(s.ts, "The session");
    size_t two = find_line(s.ts, "Two lines");
    size_t n = two - lorem;
    cr_assert_geq(n, 5, "%zu lines", n);
    cr_assert_eq(s.ts->n_boxes - two, 2, "the last paragraph has two lines");
    cr_assert_not(s.ts->items[0].keep_with_next);
    for (size_t i = 0; i < n; i++) {
        bool want = i == 0 || i == n - 2;
        cr_assert_eq(s.ts->items[lorem + i].keep_with_next, want, "line %zu of %zu", i, n);
    }
    cr_assert(s.ts->items[two].keep_with_next);
    cr_assert_not(s.ts->items[two + 1].keep_with_next);
    done(&s);
}

Test(typeset, keep_with_next_on_a_paragraph_keeps_all_its_lines)
{
    set s = typeset_ok(DOC("lang='en'", SMALL_PAGE "<l:flow><l:p keep-with-next='true'>" LOREM
                                                   "</l:p><l:p>After.</l:p></l:flow>"));
    cr_assert_gt(s.ts->n_boxes, 4);
    for (size_t i = 0; i + 1 < s.ts->n_boxes; i++)
        cr_assert(s.ts->items[i].keep_with_next, "line %zu", i);
    cr_assert_not(s.ts->items[s.ts->n_boxes - 1].keep_with_next);
    done(&s);
}

Test(typeset, space_between_blocks_is_the_larger_not_the_sum)
{
    set s = typeset_ok(DOC("lang='en'", "<l:style name='a' base='body' space-before='3' "
                                        "space-after='8'/>"
                                        "<l:style name='b' base='body' space-before='5'/>"
                                        "<l:style name='c' base='body' space-before='20'/>"
                                        "<l:flow><l:p style='a'>A</l:p><l:p style='b'>B</l:p>"
                                        "<l:p style='c'>C</l:p><l:space height='30pt'/>"
                                        "<l:p style='b'>D</l:p></l:flow>"));
    cr_assert_eq(s.ts->n_boxes, 4);
    /* The first block of the flow: its own space before. */
    cr_assert_float_eq(s.ts->items[0].space_before_pt, 3, EPS);
    cr_assert_float_eq(s.ts->items[1].space_before_pt, 8, EPS);
    cr_assert_float_eq(s.ts->items[2].space_before_pt, 20, EPS);
    /* A space element adds to the space after. */
    cr_assert_float_eq(s.ts->items[3].space_before_pt, 30, EPS);
    done(&s);
}

/* ------------------------------------------------------------------ */
/* Tables                                                              */
/* ------------------------------------------------------------------ */

Test(typeset, table_rows_know_their_table_and_header_rows_are_kept)
{
    set s = typeset_ok(DOC("lang='en'",
                           "<l:flow><l:p>Before</l:p>"
                           "<l:table widths='1 1'><l:row header='true'><l:cell>H</l:cell>"
                           "<l:cell>H</l:cell></l:row><l:row><l:cell>a</l:cell><l:cell>1</l:cell>"
                           "</l:row><l:row keep-with-next='true'><l:cell>b</l:cell></l:row>"
                           "<l:row><l:cell>c</l:cell></l:row></l:table>"
                           "<l:table widths='1' keep-with-next='true'><l:row><l:cell>x</l:cell>"
                           "</l:row></l:table><l:p>After</l:p></l:flow>"));
    cr_assert_eq(s.ts->n_boxes, 7);
    const pg_item *it = s.ts->items;
    cr_assert_eq(it[0].table, -1);
    for (size_t i = 1; i <= 4; i++) {
        cr_assert_eq(s.ts->boxes[i]->kind, BOX_ROW);
        cr_assert_eq(it[i].table, it[1].table);
        cr_assert_eq(it[i].table_header, i == 1);
    }
    cr_assert_neq(it[5].table, it[1].table);
    cr_assert_geq(it[5].table, 0);
    cr_assert_eq(it[6].table, -1);
    cr_assert(it[1].keep_with_next, "a header row is kept with the next row");
    cr_assert_not(it[2].keep_with_next);
    cr_assert(it[3].keep_with_next, "the row's own keep-with-next");
    cr_assert_not(it[4].keep_with_next);
    cr_assert(it[5].keep_with_next, "the table's keep-with-next on its last row");
    done(&s);
}

Test(typeset, the_cells_of_a_row_sit_in_their_columns)
{
    set s = typeset_ok(DOC("lang='en'", "<l:style name='cell' base='body' padding='3'/>"
                                        "<l:flow><l:table widths='1* 3*'><l:row><l:cell "
                                        "style='cell'>Name</l:cell><l:cell style='cell'>" LOREM
                                        "</l:cell></l:row></l:table></l:flow>"));
    const box *row = s.ts->boxes[0];
    double w = s.ts->text_width_pt;
    cr_assert_float_eq(row->width_pt, w, EPS);
    cr_assert_gt(row->n_children, 2);
    for (size_t i = 0; i < row->n_children; i++) {
        const box *k = row->children[i];
        bool first_col = k->x_pt < w / 4;
        double lo = first_col ? 3 : w / 4 + 3;
        double hi = first_col ? w / 4 - 3 : w - 3;
        cr_assert_geq(k->x_pt, lo - EPS);
        cr_assert_leq(k->x_pt + k->width_pt, hi + EPS, "child %zu", i);
        double left, right;
        line_edges(k, &left, &right);
        cr_assert_leq(right, k->width_pt + EPS);
        cr_assert_leq(k->y_pt + k->height_pt, row->height_pt + EPS);
    }
    done(&s);
}

Test(typeset, a_row_may_be_cut_only_between_lines_that_nothing_straddles)
{
    /* The left cell's big line straddles the first lines of the right one. */
    set s = typeset_ok(DOC("lang='en'",
                           "<l:style name='big' base='body' size='30' line-height='1'/>"
                           "<l:flow><l:table widths='1 1'><l:row><l:cell><l:p style='big'>Big"
                           "</l:p><l:p>under</l:p></l:cell><l:cell><l:p>one</l:p><l:p>two</l:p>"
                           "<l:p>three</l:p><l:p>four</l:p><l:p>five</l:p><l:p>six</l:p></l:cell>"
                           "</l:row></l:table></l:flow>"));
    const box *row = s.ts->boxes[0];
    const pg_item *it = &s.ts->items[0];
    cr_assert_gt(it->n_split, 2);
    double prev = 0;
    for (size_t k = 0; k < it->n_split; k++) {
        double y = it->split_pt[k];
        cr_assert_gt(y, prev, "ascending");
        cr_assert_lt(y, row->height_pt);
        prev = y;
        bool at_a_bottom = false;
        for (size_t c = 0; c < row->n_children; c++) {
            const box *b = row->children[c];
            cr_assert_not(b->y_pt < y - EPS && b->y_pt + b->height_pt > y + EPS,
                          "the cut at %g goes through a line (%g to %g)", y, b->y_pt,
                          b->y_pt + b->height_pt);
            at_a_bottom |= fabs(b->y_pt + b->height_pt - y) < EPS;
        }
        cr_assert(at_a_bottom, "a cut at %g is at no line's bottom", y);
    }
    /* Every line bottom that nothing straddles is one, found the slow way:
     * "Big" straddles the bottom of "one", and "under" that of "two". */
    size_t want = 0;
    for (size_t c = 0; c < row->n_children; c++) {
        double y = row->children[c]->y_pt + row->children[c]->height_pt;
        bool straddled = false;
        for (size_t o = 0; o < row->n_children; o++) {
            const box *b = row->children[o];
            straddled |= b->y_pt < y - EPS && b->y_pt + b->height_pt > y + EPS;
        }
        want += !straddled && y < row->height_pt - 0.5;
    }
    cr_assert_eq(it->n_split, want);
    cr_assert_gt(it->split_pt[0], row->children[1]->y_pt + row->children[1]->height_pt);
    done(&s);
}

Test(typeset, a_layout_table_has_no_table_tags)
{
    set s = typeset_ok(DOC("lang='en'", "<l:flow><l:table layout='true' widths='1 1'><l:row>"
                                        "<l:cell><l:p>Side</l:p></l:cell><l:cell><l:p>by side"
                                        "</l:p></l:cell></l:row></l:table>"
                                        "<l:table widths='1'><l:row><l:cell>data</l:cell>"
                                        "</l:row></l:table></l:flow>"));
    const box *layout_row = s.ts->boxes[0];
    const box *cell = layout_row->children[0];
    cr_assert_eq(cell->n_tags, 1);
    cr_assert_str_eq(cell->tags[0].name, "P");
    const box *data_cell = s.ts->boxes[1]->children[0];
    cr_assert_eq(data_cell->n_tags, 4);
    cr_assert_str_eq(data_cell->tags[0].name, "Table");
    cr_assert_str_eq(data_cell->tags[1].name, "TR");
    cr_assert_str_eq(data_cell->tags[2].name, "TD");
    cr_assert_str_eq(data_cell->tags[3].name, "P");
    done(&s);
}

/* ------------------------------------------------------------------ */
/* Links, charts, rules                                                */
/* ------------------------------------------------------------------ */

Test(typeset, a_link_covers_its_text_on_each_line)
{
    set s = typeset_ok(DOC("lang='en'", SMALL_PAGE
                           "<l:flow><l:p>See <l:span href='https://example.org/'>the "
                           "example site of the forum, whose name runs over two lines</l:span> "
                           "and <l:span dest='s2'>below</l:span>.</l:p></l:flow>"));
    size_t hrefs = 0, dests = 0;
    for (size_t i = 0; i < s.ts->n_boxes; i++) {
        const box *b = s.ts->boxes[i];
        double left, right;
        line_edges(b, &left, &right);
        for (size_t k = 0; k < b->n_links; k++) {
            const ts_link *l = &b->links[k];
            cr_assert_gt(l->w_pt, 0.5);
            cr_assert_geq(l->x_pt, left - EPS);
            cr_assert_leq(l->x_pt + l->w_pt, right + EPS);
            cr_assert_float_eq(l->h_pt, b->height_pt, EPS);
            if (l->href != NULL) {
                cr_assert_str_eq(l->href, "https://example.org/");
                hrefs++;
            } else {
                cr_assert_str_eq(l->dest, "s2");
                dests++;
            }
        }
    }
    cr_assert_geq(hrefs, 2, "the link runs over two lines");
    cr_assert_eq(dests, 1);
    done(&s);
}

Test(typeset, a_chart_is_one_box_as_tall_as_its_bars)
{
    set s = typeset_ok(DOC("lang='en'", "<l:style name='chart' base='body' size='10' "
                                        "line-height='1.5'/>"
                                        "<l:flow><l:chart style='chart' title='Participants'>"
                                        "<l:bar label='Female' value='38'/><l:bar label='Male' "
                                        "value='39'/></l:chart><l:rule/></l:flow>"));
    cr_assert_eq(s.ts->n_boxes, 2);
    const box *c = s.ts->boxes[0];
    cr_assert_eq(c->kind, BOX_CHART);
    /* Title: size x line-height + 0.6 size; each bar 1.5 size and a 0.6 size gap. */
    cr_assert_float_eq(c->height_pt, 15 + 6 + 2 * (15 + 6), EPS);
    cr_assert_eq(count_kind(s.ts, BOX_RULE), 1);
    cr_assert_float_eq(s.ts->boxes[1]->thickness_pt, 0.5, EPS);
    done(&s);
}

/* ------------------------------------------------------------------ */
/* Determinism                                                         */
/* ------------------------------------------------------------------ */

static void assert_same_boxes(const box *a, const box *b)
{
    cr_assert_eq(a->kind, b->kind);
    cr_assert_eq(a->x_pt, b->x_pt);
    cr_assert_eq(a->y_pt, b->y_pt);
    cr_assert_eq(a->width_pt, b->width_pt);
    cr_assert_eq(a->height_pt, b->height_pt);
    cr_assert_eq(a->baseline_pt, b->baseline_pt);
    cr_assert_eq(a->origin_x_pt, b->origin_x_pt);
    cr_assert_eq(a->n_children, b->n_children);
    if (a->kind == BOX_LINE) {
        cr_assert_eq(a->line->start_index, b->line->start_index);
        cr_assert_eq(a->line->length, b->line->length);
        PangoRectangle ra, rb;
        pango_layout_line_get_extents(a->line, NULL, &ra);
        pango_layout_line_get_extents(b->line, NULL, &rb);
        cr_assert_eq(ra.width, rb.width);
    }
    for (size_t i = 0; i < a->n_children; i++)
        assert_same_boxes(a->children[i], b->children[i]);
}

Test(typeset, the_same_document_is_set_the_same_way_twice)
{
    static const char xml[] =
        DOC("lang='en'", SMALL_PAGE "<l:flow><l:heading level='1'>Title</l:heading><l:p>" LOREM
                                    "</l:p><l:table widths='1 2'><l:row header='true'><l:cell>A"
                                    "</l:cell><l:cell>B</l:cell></l:row><l:row><l:cell>" LOREM
                                    "</l:cell><l:cell>" CHINESE "</l:cell></l:row></l:table>"
                                    "<l:p lang='ar' dir='rtl'>" ARABIC "</l:p></l:flow>");
    set a = typeset_ok(xml);
    set b = typeset_ok(xml);
    cr_assert_eq(a.ts->n_boxes, b.ts->n_boxes);
    for (size_t i = 0; i < a.ts->n_boxes; i++) {
        assert_same_boxes(a.ts->boxes[i], b.ts->boxes[i]);
        const pg_item *x = &a.ts->items[i], *y = &b.ts->items[i];
        cr_assert_eq(x->height_pt, y->height_pt);
        cr_assert_eq(x->space_before_pt, y->space_before_pt);
        cr_assert_eq(x->keep_with_next, y->keep_with_next);
        cr_assert_eq(x->n_split, y->n_split);
        for (size_t k = 0; k < x->n_split; k++)
            cr_assert_eq(x->split_pt[k], y->split_pt[k]);
    }
    done(&a);
    done(&b);
}
