/* Unit tests of chart (generator/chart.h): the bar chart's geometry,
 * colours, labels and mirroring, drawn with the fonts of fonts/ into a
 * cairo image surface and measured from its pixels. */
#include <criterion/criterion.h>

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <glib.h>
#include <libxml/parser.h>
#include <pango/pangocairo.h>

#include "chart.h"
#include "fonts.h"

/* Pixels per point: measurements are good to a quarter point. */
#define SCALE 4
#define TOL 0.3
/* Room around the chart, to see anything drawn outside its box. */
#define MARGIN 100.0
#define X0 MARGIN
#define Y0 20.0

/* The chart style: size 10, so a bar is 15 pt tall, 6 pt apart, padded
 * by 6 pt, and a title takes 10 x 1.4 + 6 = 20 pt. Bars are red, emphasized
 * bars green, text black. */
#define SIZE 10.0
#define BAR_H (1.5 * SIZE)
#define GAP (0.6 * SIZE)
#define PAD (0.6 * SIZE)
#define TITLE_H (SIZE * 1.4 + GAP)
#define RED 0xff0000u
#define GREEN 0x00ff00u
#define STYLE                                                                                      \
    "<l:style name='chart' font='Noto Sans' size='10' line-height='1.4' background='#ff0000' "     \
    "rule-color='#00ff00'/>"

static fonts *fnt;
static PangoFontMap *map;
static PangoContext *ltr;
static PangoContext *rtl;
static diag *d;
static layout_doc *doc;
static cairo_surface_t *surface;

static void setup(void)
{
    const char *data = getenv("RAPPORTEUR_DATA_DIR");
    cr_assert_not_null(data, "RAPPORTEUR_DATA_DIR is not set");
    char *dir = g_build_filename(data, "fonts", NULL);
    d = diag_new();
    fnt = fonts_new(dir, d);
    cr_assert_not_null(fnt, "cannot load %s", dir);
    g_free(dir);
    map = fonts_font_map(fnt);
    ltr = fonts_pdf_context(map, false);
    rtl = fonts_pdf_context(map, true);
}

static void teardown(void)
{
    if (surface != NULL)
        cairo_surface_destroy(surface);
    surface = NULL;
    layout_free(doc);
    doc = NULL;
    if (rtl != NULL)
        g_object_unref(rtl);
    if (ltr != NULL)
        g_object_unref(ltr);
    if (map != NULL)
        g_object_unref(map);
    rtl = ltr = NULL;
    map = NULL;
    fonts_free(fnt);
    fnt = NULL;
    diag_free(d);
    d = NULL;
}

TestSuite(chart, .init = setup, .fini = teardown);

/* ------------------------------------------------------------------ */
/* Fixtures                                                            */
/* ------------------------------------------------------------------ */

/* Reads a layout document whose flow is `flow` (STYLE defined), with the
 * root attributes `root`, and returns its first block, a chart. */
static const layout_block *chart_in(const char *root, const char *flow)
{
    char *xml = g_strconcat("<l:document xmlns:l='urn:rapporteur:layout:1' ", root, ">", STYLE,
                            "<l:flow>", flow, "</l:flow></l:document>", NULL);
    xmlDoc *x = xmlReadMemory(xml, (int)strlen(xml), "layout.xml", NULL, XML_PARSE_NONET);
    cr_assert_not_null(x, "not well-formed: %s", xml);
    layout_free(doc);
    doc = layout_read(x, "rec.xml", d);
    xmlFreeDoc(x);
    cr_assert_not_null(doc, "refused: %s", diag_length(d) > 0 ? diag_get(d, 0)->message : xml);
    g_free(xml);
    cr_assert_eq(doc->flow->n_children, 1);
    const layout_block *c = doc->flow->children[0];
    cr_assert_eq(c->kind, LAYOUT_CHART);
    return c;
}

static const layout_block *chart_of(const char *flow)
{
    return chart_in("", flow);
}

/* The box typeset.c makes for a chart `width` wide. */
static box box_for(const layout_block *c, double width)
{
    box b;
    memset(&b, 0, sizeof b);
    b.kind = BOX_CHART;
    b.width_pt = width;
    b.height_pt = (c->title != NULL ? TITLE_H : 0) + (double)c->n_bars * (BAR_H + GAP);
    b.chart = c;
    b.chart_rtl = c->rtl;
    b.chart_lang = c->lang;
    b.chart_style = c->style;
    return b;
}

/* Draws b at (x, y) on a white canvas page_w x page_h points; returns what
 * chart_draw() returns. Shapes are not antialiased, so that a bar's pixels
 * are exactly its colour. */
static bool draw_at(const box *b, double x, double y, double page_w, double page_h)
{
    if (surface != NULL)
        cairo_surface_destroy(surface);
    surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)(page_w * SCALE),
                                         (int)(page_h * SCALE));
    cairo_t *cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, SCALE, SCALE);
    cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
    bool ok = chart_draw(cr, b->chart_rtl ? rtl : ltr, doc, b, x, y, d);
    cr_assert_eq(cairo_status(cr), CAIRO_STATUS_SUCCESS, "%s",
                 cairo_status_to_string(cairo_status(cr)));
    cairo_destroy(cr);
    cairo_surface_flush(surface);
    return ok;
}

/* Draws b at (X0, Y0) with room around it; asserts success and no message. */
static void draw(const box *b)
{
    cr_assert(draw_at(b, X0, Y0, b->width_pt + 2 * MARGIN, b->height_pt + 2 * Y0 + 20));
    cr_assert_eq(diag_length(d), 0, "%s", diag_length(d) > 0 ? diag_get(d, 0)->message : "");
}

static uint32_t pixel(int px, int py)
{
    const unsigned char *data = cairo_image_surface_get_data(surface);
    int stride = cairo_image_surface_get_stride(surface);
    return *(const uint32_t *)(const void *)(data + (size_t)py * (size_t)stride + (size_t)px * 4) &
           0xffffffu;
}

static bool near(uint32_t px, uint32_t rgb)
{
    for (int shift = 0; shift < 24; shift += 8) {
        int a = (int)((px >> shift) & 0xff);
        int b = (int)((rgb >> shift) & 0xff);
        if (abs(a - b) > 1)
            return false;
    }
    return true;
}

typedef enum { COLOUR, INK } match_kind;

/* Where pixels are found, in points from the canvas origin. */
typedef struct {
    size_t n;
    double left, right, top, bottom;
} extent;

/* The extent of the pixels in [left, right) x [top, bottom) (points) that
 * are of colour rgb (COLOUR), or not white (INK). */
static extent find(match_kind kind, uint32_t rgb, double left, double right, double top,
                   double bottom)
{
    int w = cairo_image_surface_get_width(surface);
    int h = cairo_image_surface_get_height(surface);
    int x0 = MAX(0, (int)floor(left * SCALE));
    int x1 = MIN(w, (int)ceil(right * SCALE));
    int y0 = MAX(0, (int)floor(top * SCALE));
    int y1 = MIN(h, (int)ceil(bottom * SCALE));
    extent e = {0, INFINITY, -INFINITY, INFINITY, -INFINITY};
    for (int py = y0; py < y1; py++) {
        for (int px = x0; px < x1; px++) {
            uint32_t p = pixel(px, py);
            bool hit = kind == COLOUR ? near(p, rgb) : p != 0xffffffu;
            if (!hit)
                continue;
            e.n++;
            e.left = fmin(e.left, (double)px / SCALE);
            e.right = fmax(e.right, (double)(px + 1) / SCALE);
            e.top = fmin(e.top, (double)py / SCALE);
            e.bottom = fmax(e.bottom, (double)(py + 1) / SCALE);
        }
    }
    return e;
}

static extent everywhere(match_kind kind, uint32_t rgb)
{
    return find(kind, rgb, 0, 1e6, 0, 1e6);
}

/* The top of bar row i, for a chart drawn at Y0. */
static double row_top(size_t i, bool titled)
{
    return Y0 + (titled ? TITLE_H : 0) + (double)i * (BAR_H + GAP);
}

/* The pixels of colour rgb in bar row i (the whole canvas width). */
static extent bar(size_t i, bool titled, uint32_t rgb)
{
    double top = row_top(i, titled);
    return find(COLOUR, rgb, 0, 1e6, top - GAP / 2, top + BAR_H + GAP / 2);
}

/* The width pango gives a label in the chart's style (bold for emphasis). */
static double label_width(const layout_block *c, const char *text, bool bold)
{
    layout_style s = *c->style;
    if (bold)
        s.weight = 700;
    layout_text t = {text, strlen(text), NULL, 0};
    diag *scratch = diag_new();
    PangoLayout *pl = typeset_label(doc, c->rtl ? rtl : ltr, &s, &t, c->lang, scratch, 0);
    cr_assert_eq(diag_length(scratch), 0);
    diag_free(scratch);
    PangoRectangle logical;
    pango_layout_get_extents(pl, NULL, &logical);
    g_object_unref(pl);
    return pango_units_to_double(logical.width);
}

#define assert_near(got, want, ...) cr_assert_float_eq(got, want, TOL, __VA_ARGS__)

static void assert_bar(extent e, double left, double right, const char *what)
{
    cr_assert_gt(e.n, 0, "%s: no bar", what);
    assert_near(e.left, left, "%s starts at %g, expected %g", what, e.left, left);
    assert_near(e.right, right, "%s ends at %g, expected %g", what, e.right, right);
}

/* ------------------------------------------------------------------ */
/* Nothing to draw                                                     */
/* ------------------------------------------------------------------ */

Test(chart, chart_without_title_or_bars_draws_nothing)
{
    box b = box_for(chart_of("<l:chart style='chart'/>"), 300);
    draw(&b);
    cr_assert_eq(everywhere(INK, 0).n, 0, "something was drawn");
}

Test(chart, title_alone_is_drawn_within_its_line)
{
    const layout_block *c = chart_of("<l:chart style='chart' title='Participants'/>");
    box b = box_for(c, 300);
    draw(&b);
    extent ink = everywhere(INK, 0);
    cr_assert_gt(ink.n, 0, "no title");
    cr_assert_geq(ink.left, X0 - TOL);
    cr_assert_leq(ink.right, X0 + label_width(c, "Participants", true) + TOL);
    cr_assert_geq(ink.top, Y0);
    cr_assert_leq(ink.bottom, Y0 + TITLE_H, "the title reaches %g", ink.bottom);
    cr_assert_eq(everywhere(COLOUR, RED).n, 0, "a bar was drawn");
}

Test(chart, bars_of_zero_draw_no_bar_but_keep_their_labels)
{
    const layout_block *c = chart_of("<l:chart style='chart'><l:bar label='None' value='0'/>"
                                     "<l:bar label='Absent'/></l:chart>");
    box b = box_for(c, 300);
    draw(&b);
    cr_assert_eq(everywhere(COLOUR, RED).n, 0, "all values are 0: no bar, and no NaN one");
    double label_w = label_width(c, "Absent", false);
    for (size_t i = 0; i < 2; i++) {
        extent text =
            find(INK, 0, X0, X0 + label_w + TOL, row_top(i, false), row_top(i, false) + BAR_H);
        cr_assert_gt(text.n, 0, "no label in row %zu", i);
    }
}

/* ------------------------------------------------------------------ */
/* Geometry                                                            */
/* ------------------------------------------------------------------ */

Test(chart, one_bar_fills_the_area_between_labels_and_values)
{
    const layout_block *c =
        chart_of("<l:chart style='chart'><l:bar label='Female' value='38' text=''/></l:chart>");
    box b = box_for(c, 300);
    draw(&b);
    double label_w = label_width(c, "Female", false);
    assert_bar(bar(0, false, RED), X0 + label_w + PAD, X0 + 300 - PAD, "the bar");
}

Test(chart, bars_are_proportional_to_their_values)
{
    const layout_block *c = chart_of("<l:chart style='chart'><l:bar label='a' value='10' text=''/>"
                                     "<l:bar label='b' value='20' text=''/>"
                                     "<l:bar label='c' value='40' text=''/></l:chart>");
    box b = box_for(c, 300);
    draw(&b);
    double label_w = fmax(label_width(c, "a", false),
                          fmax(label_width(c, "b", false), label_width(c, "c", false)));
    double start = X0 + label_w + PAD;
    double area = 300 - label_w - 2 * PAD;
    assert_bar(bar(0, false, RED), start, start + area / 4, "10 of 40");
    assert_bar(bar(1, false, RED), start, start + area / 2, "20 of 40");
    assert_bar(bar(2, false, RED), start, start + area, "40 of 40");
}

Test(chart, bars_are_one_and_a_half_sizes_tall_and_0_6_sizes_apart)
{
    const layout_block *c = chart_of("<l:chart style='chart'><l:bar label='a' value='1'/>"
                                     "<l:bar label='b' value='1'/><l:bar label='c' value='1'/>"
                                     "</l:chart>");
    box b = box_for(c, 300);
    draw(&b);
    for (size_t i = 0; i < 3; i++) {
        extent e = bar(i, false, RED);
        cr_assert_gt(e.n, 0, "row %zu", i);
        assert_near(e.top, Y0 + (double)i * 21, "row %zu top %g", i, e.top);
        assert_near(e.bottom, Y0 + (double)i * 21 + 15, "row %zu bottom %g", i, e.bottom);
    }
}

Test(chart, title_moves_the_bars_down_by_a_line_and_a_gap)
{
    const layout_block *c =
        chart_of("<l:chart style='chart' title='Participants'><l:bar label='a' value='1'/>"
                 "<l:bar label='b' value='2'/></l:chart>");
    box b = box_for(c, 300);
    draw(&b);
    extent first = bar(0, true, RED);
    assert_near(first.top, Y0 + 20, "first bar at %g", first.top);
    assert_near(first.bottom, Y0 + 35, "first bar ends at %g", first.bottom);
    assert_near(bar(1, true, RED).top, Y0 + 41, "second bar");
    extent title = find(INK, 0, 0, 1e6, 0, Y0 + TITLE_H);
    cr_assert_gt(title.n, 0, "no title above the bars");
}

Test(chart, drawing_position_moves_the_whole_chart)
{
    const layout_block *c = chart_of("<l:chart style='chart' title='T'>"
                                     "<l:bar label='Female' value='38'/></l:chart>");
    box b = box_for(c, 300);
    cr_assert(draw_at(&b, 20, 10, 400, 100));
    extent at = find(COLOUR, RED, 0, 1e6, 0, 1e6);
    extent ink_at = everywhere(INK, 0);
    cr_assert(draw_at(&b, 50, 35, 400, 100));
    extent moved = find(COLOUR, RED, 0, 1e6, 0, 1e6);
    extent ink_moved = everywhere(INK, 0);
    assert_near(moved.left - at.left, 30, "bar left");
    assert_near(moved.right - at.right, 30, "bar right");
    assert_near(moved.top - at.top, 25, "bar top");
    assert_near(ink_moved.left - ink_at.left, 30, "ink left");
    assert_near(ink_moved.top - ink_at.top, 25, "ink top");
}

Test(chart, everything_stays_inside_the_box_typeset_reserves)
{
    const layout_block *c = chart_of(
        "<l:chart style='chart' title='Participants by gender'>"
        "<l:bar label='Female' value='38'/><l:bar label='Male' value='39' text='about 39'/>"
        "<l:bar label='Total' value='77' emphasis='true'/><l:bar label='Gypsy' value='0'/>"
        "</l:chart>");
    box b = box_for(c, 300);
    draw(&b);
    extent ink = everywhere(INK, 0);
    cr_assert_geq(ink.left, X0 - TOL, "ink from %g", ink.left);
    cr_assert_leq(ink.right, X0 + 300 + TOL, "ink to %g", ink.right);
    cr_assert_geq(ink.top, Y0 - TOL, "ink from %g", ink.top);
    cr_assert_leq(ink.bottom, Y0 + b.height_pt + TOL, "ink to %g, the box to %g", ink.bottom,
                  Y0 + b.height_pt);
}

/* ------------------------------------------------------------------ */
/* Labels and values                                                   */
/* ------------------------------------------------------------------ */

Test(chart, labels_end_where_the_bars_begin_less_a_gap)
{
    const layout_block *c = chart_of("<l:chart style='chart'><l:bar label='Female' value='38'/>"
                                     "<l:bar label='Participants' value='77'/></l:chart>");
    box b = box_for(c, 300);
    draw(&b);
    double label_w = label_width(c, "Participants", false);
    for (size_t i = 0; i < 2; i++) {
        extent e = bar(i, false, RED);
        assert_near(e.left, X0 + label_w + PAD, "row %zu", i);
        /* The labels are right-aligned in their column: ink ends close to
         * its edge, never in the gap. */
        extent text =
            find(INK, 0, X0 - 5, e.left - TOL, row_top(i, false), row_top(i, false) + BAR_H);
        cr_assert_gt(text.n, 0, "no label in row %zu", i);
        cr_assert_leq(text.right, X0 + label_w + TOL, "row %zu label ink to %g", i, text.right);
        cr_assert_geq(text.right, X0 + label_w - 2, "row %zu label not right-aligned", i);
    }
}

Test(chart, value_is_written_just_after_its_bar)
{
    const layout_block *c = chart_of("<l:chart style='chart'><l:bar label='a' value='10'/>"
                                     "<l:bar label='b' value='40' text='about 40'/></l:chart>");
    box b = box_for(c, 300);
    draw(&b);
    double value_w = label_width(c, "about 40", false);
    for (size_t i = 0; i < 2; i++) {
        extent e = bar(i, false, RED);
        extent text =
            find(INK, 0, e.right + TOL, 1e6, row_top(i, false) - 1, row_top(i, false) + BAR_H + 1);
        cr_assert_gt(text.n, 0, "no value after bar %zu", i);
        cr_assert_geq(text.left, e.right + PAD / 2 - TOL, "row %zu value at %g", i, text.left);
        cr_assert_leq(text.left, e.right + PAD / 2 + 2, "row %zu value at %g", i, text.left);
    }
    /* The longest bar leaves exactly room for the widest value. */
    extent longest = bar(1, false, RED);
    assert_near(longest.right, X0 + 300 - value_w - PAD, "the longest bar ends at %g",
                longest.right);
}

Test(chart, value_text_defaults_to_the_value_as_written)
{
    const layout_block *c = chart_of("<l:chart style='chart'><l:bar label='a' value='1e15'/>"
                                     "</l:chart>");
    box b = box_for(c, 300);
    draw(&b);
    double value_w = label_width(c, "1e15", false);
    assert_near(bar(0, false, RED).right, X0 + 300 - value_w - PAD, "room left for \"1e15\"");
}

Test(chart, labels_take_at_most_55_percent_of_the_width)
{
    const layout_block *c = chart_of(
        "<l:chart style='chart'><l:bar label='Representatives of intergovernmental organizations "
        "and the technical community' value='5' text=''/></l:chart>");
    box b = box_for(c, 300);
    draw(&b);
    assert_bar(bar(0, false, RED), X0 + 165 + PAD, X0 + 300 - PAD, "the bar");
}

Test(chart, bar_area_is_never_narrower_than_10_points)
{
    const layout_block *c = chart_of(
        "<l:chart style='chart'><l:bar label='A label much wider than the chart' value='5' "
        "text='1,234,567,890 participants'/></l:chart>");
    box b = box_for(c, 120);
    draw(&b);
    extent e = bar(0, false, RED);
    assert_bar(e, X0 + 66 + PAD, X0 + 66 + PAD + 10, "the bar");
}

Test(chart, emphasized_label_is_measured_in_bold)
{
    const layout_block *c =
        chart_of("<l:chart style='chart'><l:bar label='Total' value='4' text='' "
                 "emphasis='true'/><l:bar label='Total' value='2' text=''/></l:chart>");
    box b = box_for(c, 300);
    draw(&b);
    double bold = label_width(c, "Total", true);
    double regular = label_width(c, "Total", false);
    cr_assert_gt(bold - regular, 2 * TOL, "the fixture needs a visibly wider bold label");
    assert_near(bar(0, false, GREEN).left, X0 + bold + PAD, "emphasized bar");
    assert_near(bar(1, false, RED).left, X0 + bold + PAD, "plain bar");
}

/* ------------------------------------------------------------------ */
/* Edge values                                                         */
/* ------------------------------------------------------------------ */

Test(chart, huge_value_beside_a_tiny_one)
{
    const layout_block *c = chart_of("<l:chart style='chart'><l:bar label='x' value='1e15' "
                                     "text=''/><l:bar label='y' value='0.5' text=''/></l:chart>");
    box b = box_for(c, 300);
    draw(&b);
    double start = X0 + label_width(c, "x", false) + PAD;
    assert_bar(bar(0, false, RED), start, X0 + 300 - PAD, "1e15");
    cr_assert_eq(bar(1, false, RED).n, 0, "0.5 of 1e15 is drawn %g pt long",
                 bar(1, false, RED).right - bar(1, false, RED).left);
}

Test(chart, largest_allowed_values_do_not_overflow)
{
    const layout_block *c = chart_of("<l:chart style='chart'><l:bar label='x' value='1e300' "
                                     "text=''/><l:bar label='x' value='1e300' text=''/>"
                                     "<l:bar label='x' value='5e299' text=''/></l:chart>");
    box b = box_for(c, 300);
    draw(&b);
    double start = X0 + label_width(c, "x", false) + PAD;
    double end = X0 + 300 - PAD;
    assert_bar(bar(0, false, RED), start, end, "first 1e300");
    assert_bar(bar(1, false, RED), start, end, "second 1e300");
    assert_bar(bar(2, false, RED), start, start + (end - start) / 2, "5e299");
}

Test(chart, zero_value_leaves_its_row_empty_between_others)
{
    const layout_block *c = chart_of("<l:chart style='chart'><l:bar label='a' value='3'/>"
                                     "<l:bar label='b' value='0'/><l:bar label='c' value='3'/>"
                                     "</l:chart>");
    box b = box_for(c, 300);
    draw(&b);
    cr_assert_gt(bar(0, false, RED).n, 0);
    cr_assert_eq(find(COLOUR, RED, 0, 1e6, row_top(1, false), row_top(1, false) + BAR_H).n, 0);
    assert_near(bar(2, false, RED).top, row_top(2, false), "the third row keeps its place");
}

/* ------------------------------------------------------------------ */
/* Colours                                                             */
/* ------------------------------------------------------------------ */

Test(chart, emphasized_bar_is_drawn_in_the_rule_colour)
{
    const layout_block *c = chart_of("<l:chart style='chart'><l:bar label='Female' value='38'/>"
                                     "<l:bar label='Total' value='77' emphasis='yes'/>"
                                     "</l:chart>");
    box b = box_for(c, 300);
    draw(&b);
    cr_assert_gt(bar(0, false, RED).n, 0);
    cr_assert_eq(bar(0, false, GREEN).n, 0);
    cr_assert_gt(bar(1, false, GREEN).n, 0);
    cr_assert_eq(bar(1, false, RED).n, 0);
}

Test(chart, bars_without_a_background_are_the_default_blue)
{
    const layout_block *c = chart_of("<l:chart><l:bar label='a' value='1'/></l:chart>");
    box b = box_for(c, 300);
    draw(&b);
    /* {0.18, 0.5, 0.72} in 8 bits per channel. */
    cr_assert_gt(everywhere(COLOUR, 0x2e80b8).n, 100, "no default-coloured bar");
}

/* ------------------------------------------------------------------ */
/* Right to left                                                       */
/* ------------------------------------------------------------------ */

#define MIRRORED_BARS                                                                              \
    "<l:bar label='Female' value='38'/><l:bar label='Male' value='39' text='about 39'/>"           \
    "<l:bar label='Total' value='77' emphasis='true'/>"

Test(chart, right_to_left_chart_mirrors_the_left_to_right_one)
{
    box b =
        box_for(chart_of("<l:chart style='chart' title='Count'>" MIRRORED_BARS "</l:chart>"), 300);
    draw(&b);
    extent ltr_bars[3] = {bar(0, true, RED), bar(1, true, RED), bar(2, true, GREEN)};
    extent ltr_ink = everywhere(INK, 0);
    box mirrored = box_for(
        chart_of("<l:chart style='chart' title='Count' dir='rtl'>" MIRRORED_BARS "</l:chart>"),
        300);
    cr_assert(mirrored.chart_rtl);
    draw(&mirrored);
    extent rtl_bars[3] = {bar(0, true, RED), bar(1, true, RED), bar(2, true, GREEN)};
    double right = X0 + 300;
    for (size_t i = 0; i < 3; i++) {
        cr_assert_gt(rtl_bars[i].n, 0, "no bar %zu", i);
        assert_near(rtl_bars[i].left - X0, right - ltr_bars[i].right, "bar %zu left", i);
        assert_near(rtl_bars[i].right - X0, right - ltr_bars[i].left, "bar %zu right", i);
        assert_near(rtl_bars[i].top, ltr_bars[i].top, "bar %zu top", i);
    }
    extent rtl_ink = everywhere(INK, 0);
    cr_assert_leq(rtl_ink.right, right + TOL, "ink past the right edge");
    cr_assert_geq(rtl_ink.left, X0 - TOL, "ink past the left edge");
    /* The labels sit at the right edge, the title too. */
    extent labels =
        find(INK, 0, rtl_bars[0].right + TOL, 1e6, row_top(0, true), row_top(0, true) + BAR_H);
    cr_assert_gt(labels.n, 0, "no label right of the bar");
    cr_assert_geq(labels.right, right - 2, "label not against the right edge");
    extent title = find(INK, 0, 0, 1e6, 0, Y0 + TITLE_H);
    cr_assert_geq(title.right, right - 2, "title not against the right edge");
    cr_assert_gt(title.left, X0 + 150, "title not at the right");
    cr_assert_leq(ltr_ink.left, X0 + 2, "the LTR title and labels start at the left edge");
}

Test(chart, right_to_left_values_are_written_left_of_their_bars)
{
    box b = box_for(chart_of("<l:chart style='chart' dir='rtl'>" MIRRORED_BARS "</l:chart>"), 300);
    draw(&b);
    for (size_t i = 0; i < 2; i++) {
        extent e = bar(i, false, RED);
        extent text =
            find(INK, 0, 0, e.left - TOL, row_top(i, false) - 1, row_top(i, false) + BAR_H + 1);
        cr_assert_gt(text.n, 0, "no value before bar %zu", i);
        cr_assert_leq(text.right, e.left - PAD / 2 + TOL, "row %zu value ends at %g", i,
                      text.right);
        cr_assert_geq(text.right, e.left - PAD / 2 - 2, "row %zu value ends at %g", i, text.right);
    }
}

Test(chart, right_to_left_arabic_labels_are_set)
{
    box b =
        box_for(chart_in("lang='ar' dir='rtl'",
                         "<l:chart style='chart'><l:bar label='\xd9\x86\xd8\xb3\xd8\xa7\xd8\xa1' "
                         "value='10'/><l:bar label='\xd8\xb1\xd8\xac\xd8\xa7\xd9\x84' "
                         "value='20'/></l:chart>"),
                300);
    cr_assert(b.chart_rtl);
    draw(&b);
    extent e = bar(1, false, RED);
    double value_w = fmax(label_width(b.chart, "10", false), label_width(b.chart, "20", false));
    assert_near(e.left, X0 + value_w + PAD,
                "the longest bar leaves room for its value on the left");
    cr_assert_gt(find(INK, 0, e.right + TOL, 1e6, row_top(1, false), row_top(1, false) + BAR_H).n,
                 0, "no Arabic label right of the bar");
}

/* The label column is 55% of 300 pt: a longer label is cut there (with an
 * ellipsis) instead of running under its bar or, right to left, out of the
 * chart past its right edge (as it did when drawn from right - label_w at
 * its full width). */
static void assert_label_kept_in_its_column(bool right_to_left)
{
    box b = box_for(chart_of(right_to_left
                                 ? "<l:chart style='chart' dir='rtl'><l:bar label='Representatives "
                                   "of the technical community' value='5' text=''/></l:chart>"
                                 : "<l:chart style='chart'><l:bar label='Representatives of the "
                                   "technical community' value='5' text=''/></l:chart>"),
                    300);
    draw(&b);
    double top = row_top(0, false);
    double column_left = right_to_left ? X0 + 300 - 165 : X0;
    double column_right = right_to_left ? X0 + 300 : X0 + 165;
    extent e = bar(0, false, RED);
    if (right_to_left)
        assert_bar(e, X0 + PAD, column_left - PAD, "the bar");
    else
        assert_bar(e, column_right + PAD, X0 + 300 - PAD, "the bar");
    extent label = right_to_left ? find(INK, 0, e.right + TOL, 1e6, top, top + BAR_H)
                                 : find(INK, 0, 0, e.left - TOL, top, top + BAR_H);
    cr_assert_gt(label.n, 0, "no label");
    cr_assert_geq(label.left, column_left - TOL, "label from %g", label.left);
    cr_assert_leq(label.right, column_right + TOL, "label to %g, its column to %g", label.right,
                  column_right);
    cr_assert_eq(find(COLOUR, 0x000000, e.left, e.right, top, top + BAR_H).n, 0,
                 "text drawn over the bar");
}

Test(chart, long_label_is_cut_to_its_column_left_to_right)
{
    assert_label_kept_in_its_column(false);
}

Test(chart, long_label_is_cut_to_its_column_right_to_left)
{
    assert_label_kept_in_its_column(true);
}

/* ------------------------------------------------------------------ */
/* Missing glyphs                                                      */
/* ------------------------------------------------------------------ */

#define CHEROKEE "\xe1\x8f\xa3\xe1\x8e\xb3\xe1\x8e\xa9" /* U+13E3 U+13B3 U+13A9, in no font */

Test(chart, label_no_font_covers_is_an_error_at_the_charts_line)
{
    box b = box_for(chart_of("<l:chart style='chart' line='12'><l:bar label='" CHEROKEE
                             "' value='3'/></l:chart>"),
                    300);
    cr_assert_not(draw_at(&b, X0, Y0, 500, 100));
    cr_assert_geq(diag_count(d, DIAG_ERROR), 1);
    const diag_entry *e = diag_get(d, 0);
    cr_assert_str_eq(e->file, "rec.xml");
    cr_assert_eq(e->line, 12);
    cr_assert_str_eq(e->rule, "glyph");
    cr_assert(strstr(e->message, "U+13E3") != NULL, "%s", e->message);
}

Test(chart, title_no_font_covers_is_an_error_at_the_documents_line)
{
    box b = box_for(chart_in("line='3'", "<l:chart style='chart' title='" CHEROKEE "'>"
                                         "<l:bar label='a' value='1'/></l:chart>"),
                    300);
    cr_assert_not(draw_at(&b, X0, Y0, 500, 100));
    cr_assert_geq(diag_count(d, DIAG_ERROR), 1);
    cr_assert_eq(diag_get(d, 0)->line, 3, "no line on the chart: the document's");
    cr_assert_str_eq(diag_get(d, 0)->rule, "glyph");
}

Test(chart, value_no_font_covers_is_an_error)
{
    box b = box_for(chart_of("<l:chart style='chart'><l:bar label='a' value='1' text='" CHEROKEE
                             "'/></l:chart>"),
                    300);
    cr_assert_not(draw_at(&b, X0, Y0, 500, 100));
    cr_assert_geq(diag_count(d, DIAG_ERROR), 1);
}

Test(chart, earlier_errors_in_the_sink_do_not_fail_a_good_chart)
{
    box b = box_for(chart_of("<l:chart style='chart'><l:bar label='a' value='1'/></l:chart>"), 300);
    diag_add(d, DIAG_ERROR, "other.xml", 1, 1, "test", "an earlier error");
    cr_assert(draw_at(&b, X0, Y0, 500, 100));
    cr_assert_eq(diag_length(d), 1, "the chart added a message");
}
