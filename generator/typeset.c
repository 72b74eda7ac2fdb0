/* typeset: layout blocks -> boxes, with pango (layout -> typeset -> paginate). */
#include "typeset.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

/* Blocks nested deeper than the layout reader allows are not set. */
#define TS_MAX_DEPTH LAYOUT_MAX_DEPTH

typedef struct {
    const layout_doc *doc;
    arena *arena;
    PangoContext *ltr;
    PangoContext *rtl;
    diag *d;
    GPtrArray *layouts;
    int next_tag;
    int next_table;
    bool ok;
} ts;

/* One entry of a vertical list: a box and how it joins the one before. */
typedef struct {
    box *b;
    double space_before;
    bool keep_with_next;
    int table;
    bool table_header;
    double *splits;
    size_t n_splits;
} ventry;

typedef struct {
    const ts_tag *tags;
    size_t n;
} tagpath;

static double pu_to_pt(int pu)
{
    return pango_units_to_double(pu);
}

static tagpath tag_push(ts *t, tagpath p, const char *name)
{
    ts_tag *tags = arena_array(t->arena, p.n + 1, sizeof(ts_tag));
    if (p.n > 0)
        memcpy(tags, p.tags, p.n * sizeof(ts_tag));
    tags[p.n].name = name;
    tags[p.n].id = ++t->next_tag;
    return (tagpath){tags, p.n + 1};
}

static box *new_box(ts *t, box_kind kind, tagpath tags)
{
    box *b = arena_alloc(t->arena, sizeof *b);
    b->kind = kind;
    b->tags = tags.tags;
    b->n_tags = tags.n;
    return b;
}

static ventry *push_entry(GArray *list, box *b, double space_before)
{
    ventry e = {b, space_before, false, -1, false, NULL, 0};
    g_array_append_val(list, e);
    return &g_array_index(list, ventry, list->len - 1);
}

/* ------------------------------------------------------------------ */
/* Fonts and attributes                                                */
/* ------------------------------------------------------------------ */

PangoFontDescription *typeset_font(const layout_style *style)
{
    PangoFontDescription *fd = pango_font_description_new();
    pango_font_description_set_family(fd, style->font);
    pango_font_description_set_size(fd, (int)lround(style->size_pt * PANGO_SCALE));
    pango_font_description_set_weight(fd, (PangoWeight)style->weight);
    pango_font_description_set_style(fd, style->italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    return fd;
}

static guint16 channel(double c)
{
    return (guint16)lround(fmin(fmax(c, 0), 1) * 65535);
}

static void insert_attr(PangoAttrList *list, PangoAttribute *a, size_t start, size_t end)
{
    a->start_index = (guint)start;
    a->end_index = (guint)end;
    pango_attr_list_insert(list, a);
}

static PangoAttrList *attributes_for(const layout_text *text, const char *lang)
{
    PangoAttrList *list = pango_attr_list_new();
    if (lang != NULL)
        insert_attr(list, pango_attr_language_new(pango_language_from_string(lang)), 0,
                    text->len);
    for (size_t i = 0; i < text->n_spans; i++) {
        const layout_span *s = &text->spans[i];
        if (s->lang != NULL)
            insert_attr(list, pango_attr_language_new(pango_language_from_string(s->lang)),
                        s->start, s->end);
        if (s->font != NULL)
            insert_attr(list, pango_attr_family_new(s->font), s->start, s->end);
        if (s->size_pt > 0)
            insert_attr(list, pango_attr_size_new((int)lround(s->size_pt * PANGO_SCALE)),
                        s->start, s->end);
        if (s->weight > 0)
            insert_attr(list, pango_attr_weight_new((PangoWeight)s->weight), s->start, s->end);
        if (s->italic >= 0)
            insert_attr(list,
                        pango_attr_style_new(s->italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL),
                        s->start, s->end);
        if (s->has_color)
            insert_attr(list,
                        pango_attr_foreground_new(channel(s->color.r), channel(s->color.g),
                                                  channel(s->color.b)),
                        s->start, s->end);
    }
    return list;
}

/* Reports every character no font could show (pango marks its glyph with
 * PANGO_GLYPH_UNKNOWN_FLAG), once each. */
static bool check_glyphs(ts *t, PangoLayout *pl, int source_line)
{
    if (pango_layout_get_unknown_glyphs_count(pl) == 0)
        return true;
    GHashTable *seen = g_hash_table_new(g_direct_hash, g_direct_equal);
    PangoLayoutIter *it = pango_layout_get_iter(pl);
    do {
        PangoLayoutRun *run = pango_layout_iter_get_run_readonly(it);
        if (run == NULL)
            continue;
        for (int g = 0; g < run->glyphs->num_glyphs; g++) {
            PangoGlyph glyph = run->glyphs->glyphs[g].glyph;
            if (!(glyph & PANGO_GLYPH_UNKNOWN_FLAG))
                continue;
            gunichar ch = glyph & ~PANGO_GLYPH_UNKNOWN_FLAG;
            if (g_hash_table_contains(seen, GUINT_TO_POINTER(ch)))
                continue;
            g_hash_table_add(seen, GUINT_TO_POINTER(ch));
            char utf8[8] = {0};
            if (g_unichar_isprint(ch))
                g_unichar_to_utf8(ch, utf8);
            diag_add(t->d, DIAG_ERROR, t->doc->source,
                     source_line > 0 ? source_line : t->doc->line, 0, "glyph",
                     "the character U+%04X%s%s%s cannot be set in the PDF: no font in fonts/ "
                     "has it",
                     ch, *utf8 ? " \"" : "", utf8, *utf8 ? "\"" : "");
        }
    } while (pango_layout_iter_next_run(it));
    pango_layout_iter_free(it);
    g_hash_table_destroy(seen);
    t->ok = false;
    return false;
}

/* ------------------------------------------------------------------ */
/* Paragraphs                                                          */
/* ------------------------------------------------------------------ */

static PangoAlignment physical_alignment(layout_align a, bool rtl)
{
    switch (a) {
    case LAYOUT_ALIGN_CENTER:
        return PANGO_ALIGN_CENTER;
    case LAYOUT_ALIGN_END:
        return rtl ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT;
    case LAYOUT_ALIGN_START:
        break;
    }
    return rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
}

static PangoLayout *new_layout(ts *t, const layout_style *style, const layout_text *text,
                               const char *lang, bool rtl, double width_pt, layout_align align,
                               double first_indent_pt)
{
    PangoLayout *pl = pango_layout_new(rtl ? t->rtl : t->ltr);
    g_ptr_array_add(t->layouts, pl);
    /* The paragraph's direction is the language's, never the first
     * letter's: an Arabic paragraph that starts with "IGF 2014" is RTL. */
    pango_layout_set_auto_dir(pl, FALSE);
    PangoFontDescription *fd = typeset_font(style);
    pango_layout_set_font_description(pl, fd);
    pango_font_description_free(fd);
    if (width_pt > 0) {
        pango_layout_set_width(pl, (int)lround(width_pt * PANGO_SCALE));
        /* Words longer than the line (URLs) are broken between characters
         * rather than overflowing the margin. */
        pango_layout_set_wrap(pl, PANGO_WRAP_WORD_CHAR);
    }
    pango_layout_set_alignment(pl, physical_alignment(align, rtl));
    if (first_indent_pt != 0)
        pango_layout_set_indent(pl, (int)lround(first_indent_pt * PANGO_SCALE));
    PangoAttrList *attrs = attributes_for(text, lang);
    pango_layout_set_text(pl, text->text, (int)text->len);
    pango_layout_set_attributes(pl, attrs);
    pango_attr_list_unref(attrs);
    return pl;
}

/* The link rectangles of one line, from the text's href/dest spans. */
static void line_links(ts *t, box *b, const layout_text *text, PangoLayoutLine *line,
                       double line_left_pt)
{
    size_t n = 0;
    for (size_t i = 0; i < text->n_spans; i++) {
        if (text->spans[i].href != NULL || text->spans[i].dest != NULL)
            n++;
    }
    if (n == 0)
        return;
    GArray *links = g_array_new(FALSE, TRUE, sizeof(ts_link));
    int line_start = line->start_index;
    int line_end = line->start_index + line->length;
    for (size_t i = 0; i < text->n_spans; i++) {
        const layout_span *s = &text->spans[i];
        if (s->href == NULL && s->dest == NULL)
            continue;
        int start = MAX((int)s->start, line_start);
        int end = MIN((int)s->end, line_end);
        if (start >= end)
            continue;
        int *ranges = NULL;
        int n_ranges = 0;
        pango_layout_line_get_x_ranges(line, start, end, &ranges, &n_ranges);
        for (size_t r = 0; r < (size_t)n_ranges; r++) {
            ts_link l = {line_left_pt + pu_to_pt(ranges[2 * r]), 0,
                         pu_to_pt(ranges[(2 * r) + 1] - ranges[2 * r]), b->height_pt, s->href,
                         s->dest};
            if (l.w_pt > 0.5)
                g_array_append_val(links, l);
        }
        g_free(ranges);
    }
    b->n_links = links->len;
    b->links = arena_array(t->arena, links->len + 1, sizeof(ts_link));
    if (links->len > 0)
        memcpy(b->links, links->data, links->len * sizeof(ts_link));
    g_array_free(links, TRUE);
}

/* Sets text into lines, appended to `out`. Returns the number of lines. */
static size_t set_text(ts *t, const layout_block *blk, const layout_style *style,
                       const layout_text *text, double x, double width, tagpath tags,
                       GArray *out, double space_before, layout_align align)
{
    if (text->len == 0)
        return 0;
    double left = blk->rtl ? style->indent_end_pt : style->indent_start_pt;
    double right = blk->rtl ? style->indent_start_pt : style->indent_end_pt;
    double avail = width - left - right;
    if (avail < style->size_pt * 2)
        avail = style->size_pt * 2;
    PangoLayout *pl = new_layout(t, style, text, blk->lang, blk->rtl, avail, align,
                                 style->first_indent_pt);
    if (!check_glyphs(t, pl, blk->line))
        return 0;
    double leading = style->size_pt * style->line_height;
    size_t n = (size_t)pango_layout_get_line_count(pl);
    size_t first = out->len;
    PangoLayoutIter *it = pango_layout_get_iter(pl);
    size_t i = 0;
    do {
        PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(it, NULL, &logical);
        int baseline = pango_layout_iter_get_baseline(it);
        PangoRectangle line_logical;
        pango_layout_line_get_extents(line, NULL, &line_logical);
        double natural = pu_to_pt(logical.height);
        double h = fmax(leading, natural);
        box *b = new_box(t, BOX_LINE, tags);
        b->x_pt = x + left;
        b->width_pt = avail;
        b->height_pt = h;
        b->line = line;
        /* The layout's line extents include the alignment offset; the line
         * is drawn from its own origin. */
        b->origin_x_pt = pu_to_pt(logical.x - line_logical.x);
        b->baseline_pt = (h - natural) / 2 + pu_to_pt(baseline - logical.y);
        b->color = style->color;
        line_links(t, b, text, line, pu_to_pt(logical.x - line_logical.x));
        push_entry(out, b, i == 0 ? space_before : 0);
        i++;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    /* No single line alone at the foot (orphan) or head (widow) of a page. */
    if (n >= 2)
        g_array_index(out, ventry, first).keep_with_next = true;
    if (n >= 3)
        g_array_index(out, ventry, first + n - 2).keep_with_next = true;
    return n;
}

/* ------------------------------------------------------------------ */
/* Blocks                                                              */
/* ------------------------------------------------------------------ */

typedef struct {
    double pending_after; /* the previous block's space after */
    bool first;           /* nothing set yet in this list */
} flow_state;

static void set_blocks(ts *t, layout_block *const *blocks, size_t n, double x, double width,
                       tagpath tags, GArray *out, flow_state *fs, int depth);

static double space_for(flow_state *fs, const layout_style *s)
{
    double sb = fs->first ? s->space_before_pt : fmax(fs->pending_after, s->space_before_pt);
    fs->first = false;
    return sb;
}

static void set_para(ts *t, const layout_block *b, double x, double width, tagpath tags,
                     GArray *out, flow_state *fs)
{
    const layout_style *s = b->style;
    const char *tag = b->tag != NULL ? b->tag : "P";
    if (b->kind == LAYOUT_HEADING && b->tag == NULL) {
        static const char *const h[] = {"H1", "H2", "H3", "H4", "H5", "H6"};
        tag = h[CLAMP(b->level, 1, 6) - 1];
    }
    tagpath inner = strcmp(tag, "none") == 0 ? tags : tag_push(t, tags, tag);
    size_t first = out->len;
    size_t n = set_text(t, b, s, &b->text, x, width, inner, out, space_for(fs, s), s->align);
    if (n == 0) {
        fs->pending_after = fmax(fs->pending_after, s->space_after_pt);
        return;
    }
    ventry *e0 = &g_array_index(out, ventry, first);
    if (b->kind == LAYOUT_HEADING) {
        e0->b->dest = b->id;
        e0->b->outline = b->outline;
        e0->b->outline_level = b->outline_level > 0 ? b->outline_level : 1;
    }
    if (b->keep_with_next) {
        for (size_t i = first; i < out->len; i++)
            g_array_index(out, ventry, i).keep_with_next = true;
    }
    if (s->rule_after_pt > 0) {
        box *r = new_box(t, BOX_RULE, tags);
        r->x_pt = x;
        r->width_pt = width;
        r->height_pt = s->rule_gap_pt + s->rule_after_pt;
        r->thickness_pt = s->rule_after_pt;
        r->rule_color = s->rule_color;
        g_array_index(out, ventry, out->len - 1).keep_with_next = true;
        ventry *e = push_entry(out, r, 0);
        e->keep_with_next = b->keep_with_next;
    }
    fs->pending_after = s->space_after_pt;
}

/* A list marker, laid out alone, placed in the hanging indent. */
static box *marker_box(ts *t, const layout_block *item, double x, double marker_w)
{
    if (item->marker.len == 0)
        return NULL;
    const layout_style *s = item->style;
    layout_text text = item->marker;
    PangoLayout *pl = new_layout(t, s, &text, item->lang, item->rtl, 0, LAYOUT_ALIGN_START, 0);
    if (!check_glyphs(t, pl, item->line))
        return NULL;
    PangoLayoutLine *line = pango_layout_get_line_readonly(pl, 0);
    PangoRectangle logical;
    pango_layout_line_get_extents(line, NULL, &logical);
    double w = pu_to_pt(logical.width);
    double gap = s->size_pt * 0.4;
    box *m = new_box(t, BOX_LINE, (tagpath){NULL, 0});
    m->line = line;
    m->width_pt = w;
    m->height_pt = pu_to_pt(logical.height);
    m->baseline_pt = pu_to_pt(-logical.y);
    m->color = s->color;
    /* Right-aligned against the text in LTR, left-aligned in RTL. */
    m->x_pt = item->rtl ? x : x + marker_w - gap - w;
    if (!item->rtl && m->x_pt < x)
        m->x_pt = x;
    m->origin_x_pt = pu_to_pt(-logical.x);
    return m;
}

static void set_item(ts *t, const layout_block *item, double x, double width, tagpath tags,
                     GArray *out, flow_state *fs, int depth)
{
    const layout_style *s = item->style;
    double mw = s->marker_width_pt > 0 ? s->marker_width_pt : s->size_pt * 1.8;
    tagpath li = tag_push(t, tags, "LI");
    double content_x = item->rtl ? x : x + mw;
    double content_w = width - mw;
    size_t first = out->len;
    flow_state inner = {0, true};
    double sb = space_for(fs, s);
    set_blocks(t, item->children, item->n_children, content_x, content_w, li, out, &inner,
               depth + 1);
    if (out->len == first) {
        fs->pending_after = s->space_after_pt;
        return;
    }
    ventry *e0 = &g_array_index(out, ventry, first);
    e0->space_before = fmax(sb, e0->space_before);
    double marker_x = item->rtl ? x + width - mw : x;
    box *m = marker_box(t, item, item->rtl ? marker_x + s->size_pt * 0.4 : marker_x, mw);
    if (m != NULL) {
        /* The marker sits on the baseline of the item's first line. */
        for (size_t i = first; i < out->len; i++) {
            box *b = g_array_index(out, ventry, i).b;
            if (b->kind == BOX_LINE) {
                b->marker = m;
                break;
            }
        }
    }
    fs->pending_after = fmax(inner.pending_after, s->space_after_pt);
}

static void set_list(ts *t, const layout_block *list, double x, double width, tagpath tags,
                     GArray *out, flow_state *fs, int depth)
{
    tagpath l = tag_push(t, tags, "L");
    double indent_left = list->rtl ? list->style->indent_end_pt : list->style->indent_start_pt;
    double indent_right = list->rtl ? list->style->indent_start_pt : list->style->indent_end_pt;
    double sb = space_for(fs, list->style);
    size_t first = out->len;
    flow_state inner = {0, true};
    for (size_t i = 0; i < list->n_children; i++)
        set_item(t, list->children[i], x + indent_left, width - indent_left - indent_right, l,
                 out, &inner, depth);
    if (out->len > first) {
        ventry *e0 = &g_array_index(out, ventry, first);
        e0->space_before = fmax(sb, e0->space_before);
    }
    fs->pending_after = fmax(inner.pending_after, list->style->space_after_pt);
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Cut points of a row: between its cells' lines, never through one. A
 * sweep over the boxes sorted by top: a cell of ten thousand lines must
 * not cost ten thousand squared. */
static void row_splits(ts *t, ventry *e)
{
    box *row = e->b;
    size_t n = row->n_children;
    double *cands = g_new(double, n + 1);
    double *tops = g_new(double, 2 * n + 1); /* pairs: top, bottom */
    size_t n_cands = 0;
    for (size_t i = 0; i < n; i++) {
        const box *k = row->children[i];
        double bottom = k->y_pt + k->height_pt;
        if (bottom > 0.5 && bottom < row->height_pt - 0.5)
            cands[n_cands++] = bottom;
        tops[2 * i] = k->y_pt;
        tops[2 * i + 1] = bottom;
    }
    qsort(cands, n_cands, sizeof(double), compare_doubles);
    qsort(tops, n, 2 * sizeof(double), compare_doubles); /* by top */
    double *ok = arena_array(t->arena, n_cands + 1, sizeof(double));
    size_t n_ok = 0, next = 0;
    double reach = -1; /* the lowest bottom of the boxes starting above y */
    for (size_t c = 0; c < n_cands; c++) {
        double y = cands[c];
        for (; next < n && tops[2 * next] < y - 0.01; next++)
            reach = fmax(reach, tops[2 * next + 1]);
        bool straddles = reach > y + 0.01;
        bool dup = n_ok > 0 && fabs(ok[n_ok - 1] - y) < 0.01;
        if (!straddles && !dup)
            ok[n_ok++] = y;
    }
    e->n_splits = n_ok;
    e->splits = ok; /* ascending, for paginate_flow() */
    g_free(cands);
    g_free(tops);
}

/* The baseline of the first line among kids[from, to), from the row's
 * top, or 0 if there is none. */
static double first_baseline(GPtrArray *kids, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++) {
        const box *b = g_ptr_array_index(kids, i);
        if (b->kind == BOX_LINE)
            return b->y_pt + b->baseline_pt;
    }
    return 0;
}

static void add_stroke(GArray *strokes, double x1, double y1, double x2, double y2, double w,
                       layout_color c)
{
    ts_stroke s = {x1, y1, x2, y2, w, c};
    g_array_append_val(strokes, s);
}

static void set_table(ts *t, const layout_block *table, double x, double width, tagpath tags,
                      GArray *out, flow_state *fs, int depth)
{
    const layout_style *ts_style = table->style;
    bool data = !table->layout_only;
    tagpath tt = data ? tag_push(t, tags, "Table") : tags;
    int table_id = t->next_table++;
    double total = 0;
    for (size_t c = 0; c < table->n_cols; c++)
        total += table->widths[c];
    double *col_x = arena_array(t->arena, table->n_cols + 1, sizeof(double));
    double *col_w = arena_array(t->arena, table->n_cols + 1, sizeof(double));
    double acc = 0;
    for (size_t c = 0; c < table->n_cols; c++) {
        col_w[c] = width * table->widths[c] / total;
        /* Columns run from the start side: right to left in RTL. */
        col_x[c] = table->rtl ? width - acc - col_w[c] : acc;
        acc += col_w[c];
    }
    double sb = space_for(fs, ts_style);
    size_t first = out->len;
    for (size_t r = 0; r < table->n_children; r++) {
        const layout_block *row = table->children[r];
        const layout_style *rs = row->style;
        tagpath tr = data ? tag_push(t, tt, "TR") : tt;
        box *rb = new_box(t, BOX_ROW, tr);
        rb->x_pt = x;
        rb->width_pt = width;
        rb->has_background = rs->has_background;
        rb->background = rs->background;
        GPtrArray *kids = g_ptr_array_new();
        double height = 0;
        size_t *cell_start = arena_array(t->arena, table->n_cols + 1, sizeof(size_t));
        size_t *cell_end = arena_array(t->arena, table->n_cols + 1, sizeof(size_t));
        double *cell_bottom = arena_array(t->arena, table->n_cols + 1, sizeof(double));
        for (size_t c = 0; c < row->n_children && c < table->n_cols; c++) {
            const layout_block *cell = row->children[c];
            const layout_style *cs = cell->style;
            double pad = cs->padding_pt;
            tagpath td = data ? tag_push(t, tr, row->header ? "TH" : "TD") : tr;
            GArray *cell_out = g_array_new(FALSE, TRUE, sizeof(ventry));
            flow_state cfs = {0, true};
            double cx = col_x[c] + pad;
            double cw = col_w[c] - 2 * pad;
            if (cell->n_children > 0) {
                set_blocks(t, cell->children, cell->n_children, cx, cw, td, cell_out, &cfs,
                           depth + 1);
            } else if (cell->text.len > 0) {
                layout_align a = cell->has_cell_align ? cell->cell_align : cs->align;
                set_text(t, cell, cs, &cell->text, cx, cw, data ? tag_push(t, td, "P") : td,
                         cell_out, 0, a);
            }
            /* Stack the cell's boxes from the top of the row. */
            double y = pad;
            size_t cell_first = kids->len;
            for (guint i = 0; i < cell_out->len; i++) {
                ventry *e = &g_array_index(cell_out, ventry, i);
                y += i == 0 ? 0 : e->space_before;
                e->b->y_pt = y;
                y += e->b->height_pt;
                g_ptr_array_add(kids, e->b);
            }
            cell_start[c] = cell_first;
            cell_end[c] = kids->len;
            cell_bottom[c] = y + pad;
            g_array_free(cell_out, TRUE);
        }
        /* The first lines of a row's cells share one baseline, as a label
         * in a small sans and its value in the text face should. */
        double top_baseline = 0;
        for (size_t c = 0; c < table->n_cols; c++)
            top_baseline = fmax(top_baseline, first_baseline(kids, cell_start[c], cell_end[c]));
        for (size_t c = 0; c < table->n_cols; c++) {
            double b0 = first_baseline(kids, cell_start[c], cell_end[c]);
            double shift = b0 > 0 ? top_baseline - b0 : 0;
            for (size_t i = cell_start[c]; i < cell_end[c]; i++)
                ((box *)g_ptr_array_index(kids, i))->y_pt += shift;
            height = fmax(height, cell_bottom[c] + shift);
        }
        rb->height_pt = height;
        rb->n_children = kids->len;
        rb->children = arena_array(t->arena, kids->len + 1, sizeof(box *));
        for (guint i = 0; i < kids->len; i++)
            rb->children[i] = g_ptr_array_index(kids, i);
        g_ptr_array_free(kids, TRUE);
        GArray *strokes = g_array_new(FALSE, FALSE, sizeof(ts_stroke));
        double border = rs->border_pt > 0 ? rs->border_pt : ts_style->border_pt;
        layout_color bc = rs->border_pt > 0 ? rs->border_color : ts_style->border_color;
        if (border > 0)
            add_stroke(strokes, 0, height, width, height, border, bc);
        rb->n_strokes = strokes->len;
        rb->strokes = arena_array(t->arena, strokes->len + 1, sizeof(ts_stroke));
        if (strokes->len > 0)
            memcpy(rb->strokes, strokes->data, strokes->len * sizeof(ts_stroke));
        g_array_free(strokes, TRUE);

        ventry *e = push_entry(out, rb, r == 0 ? sb : 0);
        e->table = table_id;
        e->table_header = row->header;
        e->keep_with_next = row->header || row->keep_with_next;
        row_splits(t, e);
    }
    if (out->len > first && table->keep_with_next)
        g_array_index(out, ventry, out->len - 1).keep_with_next = true;
    fs->pending_after = ts_style->space_after_pt;
}

static void set_chart(ts *t, const layout_block *chart, double x, double width, tagpath tags,
                      GArray *out, flow_state *fs)
{
    const layout_style *s = chart->style;
    box *b = new_box(t, BOX_CHART, tag_push(t, tags, "Figure"));
    b->x_pt = x;
    b->width_pt = width;
    /* Geometry shared with chart.c: a title line, then one bar per count. */
    double bar = s->size_pt * 1.5;
    double gap = s->size_pt * 0.6;
    double title = chart->title != NULL ? s->size_pt * s->line_height + gap : 0;
    b->height_pt = title + (double)chart->n_bars * (bar + gap);
    b->chart = chart;
    b->chart_rtl = chart->rtl;
    b->chart_lang = chart->lang;
    b->chart_style = s;
    ventry *e = push_entry(out, b, space_for(fs, s));
    e->keep_with_next = chart->keep_with_next;
    fs->pending_after = s->space_after_pt;
}

static void set_blocks(ts *t, layout_block *const *blocks, size_t n, double x, double width,
                       tagpath tags, GArray *out, flow_state *fs, int depth)
{
    if (depth > TS_MAX_DEPTH)
        return;
    for (size_t i = 0; i < n && t->ok; i++) {
        const layout_block *b = blocks[i];
        switch (b->kind) {
        case LAYOUT_PARA:
        case LAYOUT_HEADING:
            set_para(t, b, x, width, tags, out, fs);
            break;
        case LAYOUT_LIST:
            set_list(t, b, x, width, tags, out, fs, depth);
            break;
        case LAYOUT_ITEM: {
            /* An item outside a list: a list of one. */
            set_item(t, b, x, width, tag_push(t, tags, "L"), out, fs, depth);
            break;
        }
        case LAYOUT_TABLE:
            set_table(t, b, x, width, tags, out, fs, depth);
            break;
        case LAYOUT_CHART:
            set_chart(t, b, x, width, tags, out, fs);
            break;
        case LAYOUT_RULE: {
            box *r = new_box(t, BOX_RULE, tags);
            r->x_pt = x;
            r->width_pt = width;
            r->thickness_pt = b->style->rule_after_pt > 0 ? b->style->rule_after_pt : 0.5;
            r->height_pt = r->thickness_pt + b->style->rule_gap_pt;
            r->rule_color = b->style->rule_color;
            push_entry(out, r, space_for(fs, b->style));
            fs->pending_after = b->style->space_after_pt;
            break;
        }
        case LAYOUT_SPACE: {
            /* Explicit space adds to the pending space. */
            fs->pending_after += b->height_pt;
            break;
        }
        case LAYOUT_GROUP:
        case LAYOUT_CELL:
            set_blocks(t, b->children, b->n_children, x, width, tags, out, fs, depth + 1);
            break;
        case LAYOUT_ROW:
            break;
        }
    }
}

/* ------------------------------------------------------------------ */
/* Entry points                                                        */
/* ------------------------------------------------------------------ */

typeset_result *typeset_flow(const layout_doc *doc, PangoContext *ltr, PangoContext *rtl,
                             diag *d)
{
    typeset_result *r = g_new0(typeset_result, 1);
    r->layouts = g_ptr_array_new_with_free_func(g_object_unref);
    const layout_page *p = &doc->page;
    r->text_width_pt = p->width_pt - p->margin_start_pt - p->margin_end_pt;
    r->text_height_pt = p->height_pt - p->margin_top_pt - p->margin_bottom_pt;
    ts t = {doc, doc->arena, ltr, rtl, d, r->layouts, 0, 0, true};
    GArray *out = g_array_new(FALSE, TRUE, sizeof(ventry));
    flow_state fs = {0, true};
    tagpath root = {NULL, 0};
    set_blocks(&t, doc->flow->children, doc->flow->n_children, 0, r->text_width_pt, root, out,
               &fs, 0);
    if (!t.ok) {
        g_array_free(out, TRUE);
        typeset_free(r);
        return NULL;
    }
    r->n_boxes = out->len;
    r->boxes = arena_array(doc->arena, out->len + 1, sizeof(box *));
    r->items = arena_array(doc->arena, out->len + 1, sizeof(pg_item));
    for (guint i = 0; i < out->len; i++) {
        const ventry *e = &g_array_index(out, ventry, i);
        r->boxes[i] = e->b;
        r->items[i] = (pg_item){e->b->height_pt, e->space_before, e->keep_with_next, e->table,
                                e->table_header, e->splits, e->n_splits};
    }
    g_array_free(out, TRUE);
    return r;
}

void typeset_free(typeset_result *t)
{
    if (t == NULL)
        return;
    g_ptr_array_free(t->layouts, TRUE);
    g_free(t);
}

PangoLayout *typeset_label(const layout_doc *doc, PangoContext *ctx, const layout_style *style,
                           const layout_text *text, const char *lang, diag *d, int source_line)
{
    GPtrArray *layouts = g_ptr_array_new();
    ts t = {doc, doc->arena, ctx, ctx, d, layouts, 0, 0, true};
    PangoLayout *pl =
        new_layout(&t, style, text, lang, doc->rtl, 0, LAYOUT_ALIGN_START, 0);
    g_ptr_array_free(layouts, TRUE);
    check_glyphs(&t, pl, source_line);
    return pl;
}
