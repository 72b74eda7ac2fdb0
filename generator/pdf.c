/* pdf: pages, furniture, tags, links and outline with cairo (paginate -> pdf). */
#include "pdf.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "chart.h"
#include "outfile.h"

/* Nesting of structure elements deeper than this is flattened: the layout
 * stylesheet never nests that deep, a hostile one might. */
#define PDF_MAX_TAG_DEPTH 32

typedef struct {
    const layout_doc *doc;
    cairo_t *cr;
    cairo_surface_t *surface;
    PangoContext *ltr;
    PangoContext *rtl;
    diag *d;
    ts_tag open[PDF_MAX_TAG_DEPTH];
    size_t n_open;
    GHashTable *dests;       /* names already emitted */
    GArray *outline;         /* of outline_entry */
    double left;             /* the text area's left edge on the page */
    double top;
    bool ok;
    GPtrArray *figure_alts;  /* each Figure element's text alternative, in order */
} writer;

typedef struct {
    const char *text;
    const char *dest;
    int level;
} outline_entry;

/* ------------------------------------------------------------------ */
/* Escaping                                                            */
/* ------------------------------------------------------------------ */

char *pdf_escape_uri(const char *uri)
{
    GString *out = g_string_new(NULL);
    for (const unsigned char *p = (const unsigned char *)uri; *p; p++) {
        bool keep = g_ascii_isalnum(*p) || strchr("-._~:/?#[]@!$&*+,;=%", *p) != NULL;
        /* "%" stays only as the start of an existing escape. */
        if (*p == '%' && !(g_ascii_isxdigit(p[1]) && g_ascii_isxdigit(p[2])))
            keep = false;
        if (keep)
            g_string_append_c(out, (char)*p);
        else
            g_string_append_printf(out, "%%%02X", *p);
    }
    return g_string_free(out, FALSE);
}

/* A value for a cairo tag attribute: single-quoted, with \ and ' escaped. */
static char *tag_string(const char *s)
{
    GString *out = g_string_new("'");
    for (const char *p = s; *p; p++) {
        if (*p == '\'' || *p == '\\')
            g_string_append_c(out, '\\');
        g_string_append_c(out, *p);
    }
    g_string_append_c(out, '\'');
    return g_string_free(out, FALSE);
}

/* A named destination's name as a tag attribute. cairo 1.16 writes the
 * names in the document's list of destinations as bytes but refers to them
 * from links and outline entries as UTF-16, so a name with non-ASCII
 * letters would never be found: names are kept to ASCII letters, digits,
 * '.', '_' and '-', anything else as "~XX" per byte (one to one). */
static char *dest_string(const char *name)
{
    GString *ascii = g_string_new(NULL);
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        if (g_ascii_isalnum(*p) || *p == '.' || *p == '_' || *p == '-')
            g_string_append_c(ascii, (char)*p);
        else
            g_string_append_printf(ascii, "~%02X", *p);
    }
    char *quoted = tag_string(ascii->str);
    g_string_free(ascii, TRUE);
    return quoted;
}

/* ------------------------------------------------------------------ */
/* Glyphs and the text they stand for                                  */
/* ------------------------------------------------------------------ */

/* Characters that shape nothing and must not reach the PDF's text: the
 * bidi isolates and marks we insert or records carry, the line separator,
 * the soft hyphen. */
static bool is_invisible(gunichar c)
{
    return (c >= 0x2066 && c <= 0x2069) || (c >= 0x202A && c <= 0x202E) || c == 0x200E ||
           c == 0x200F || c == 0x061C || c == 0x2028 || c == 0x00AD || c == 0x200B ||
           c == 0x2060;
}

/* Appends the visible characters of text[0..len) to out, reversed if
 * `reverse`; returns how many. */
static int append_chars(GString *out, const char *text, int len, bool reverse)
{
    gunichar chars[16];
    int n = 0;
    for (const char *p = text; p < text + len; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (is_invisible(c))
            continue;
        if (!reverse) {
            g_string_append_unichar(out, c);
        } else if (n < (int)G_N_ELEMENTS(chars)) {
            chars[n] = c;
        }
        n++;
    }
    /* Clusters are a few characters; a longer one keeps its order. */
    if (reverse && n <= (int)G_N_ELEMENTS(chars)) {
        for (int i = n - 1; i >= 0; i--)
            g_string_append_unichar(out, chars[i]);
    } else if (reverse) {
        return append_chars(out, text, len, false);
    }
    return n;
}

static const PangoColor *run_color(const PangoItem *item)
{
    for (GSList *l = item->analysis.extra_attrs; l != NULL; l = l->next) {
        const PangoAttribute *a = l->data;
        if (a->klass->type == PANGO_ATTR_FOREGROUND)
            return &((const PangoAttrColor *)a)->color;
    }
    return NULL;
}

/* One cluster of a run: glyphs [g0, g1) of the glyph string and the text
 * bytes [t0, t1) of the item they show. */
typedef struct {
    int g0, g1;
    int t0, t1;
    bool spacing; /* some glyph advances the pen (not only marks) */
} run_cluster;

/* The clusters of a run, in glyph (visual) order. pango asks HarfBuzz for
 * one cluster per character where it can, so a mark (a haraka, an accent)
 * comes as a cluster of its own with no advance: it is joined to its base
 * letter here, which follows it in right-to-left runs and precedes it in
 * left-to-right ones. Readers (poppler's pdftotext among them) drop a
 * zero-width glyph drawn at its base's position as duplicated text. */
static GArray *run_clusters(const PangoGlyphItem *run, bool rtl)
{
    const PangoGlyphString *gs = run->glyphs;
    GArray *cl = g_array_new(FALSE, FALSE, sizeof(run_cluster));
    int i = 0;
    while (i < gs->num_glyphs) {
        int start = gs->log_clusters[i];
        int j = i;
        bool spacing = false;
        while (j < gs->num_glyphs && gs->log_clusters[j] == start) {
            if (gs->glyphs[j].geometry.width != 0)
                spacing = true;
            j++;
        }
        /* Its text runs to the next cluster's start in logical order: the
         * following glyph's in LTR, the preceding one's in RTL (glyphs are
         * in visual order, log_clusters monotonic within a run). */
        int end = run->item->length;
        if (!rtl && j < gs->num_glyphs)
            end = gs->log_clusters[j];
        else if (rtl && i > 0)
            end = gs->log_clusters[i - 1];
        run_cluster c = {i, j, start, end, spacing};
        g_array_append_val(cl, c);
        i = j;
    }
    /* Join marks to their bases. */
    GArray *out = g_array_new(FALSE, FALSE, sizeof(run_cluster));
    for (guint k = 0; k < cl->len; k++) {
        run_cluster c = g_array_index(cl, run_cluster, k);
        if (rtl) {
            /* Marks before their base: gather them into the base. */
            guint m = k;
            while (!g_array_index(cl, run_cluster, m).spacing && m + 1 < cl->len)
                m++;
            run_cluster base = g_array_index(cl, run_cluster, m);
            for (guint q = k; q < m; q++) {
                const run_cluster *mk = &g_array_index(cl, run_cluster, q);
                base.t0 = MIN(base.t0, mk->t0);
                base.t1 = MAX(base.t1, mk->t1);
            }
            base.g0 = c.g0;
            g_array_append_val(out, base);
            k = m;
        } else if (!c.spacing && out->len > 0) {
            run_cluster *prev = &g_array_index(out, run_cluster, out->len - 1);
            prev->g1 = c.g1;
            prev->t0 = MIN(prev->t0, c.t0);
            prev->t1 = MAX(prev->t1, c.t1);
        } else {
            g_array_append_val(out, c);
        }
    }
    g_array_free(cl, TRUE);
    return out;
}

/* One run: its glyphs, with clusters mapping them to the text they show.
 * A cluster of n glyphs for n characters, each with an advance (a lam-alef
 * drawn in two pieces), becomes n one-to-one clusters, pairing
 * right-to-left glyphs from the end; a ligature or a letter with its marks
 * stays one cluster, its characters listed in visual order, which is how
 * readers that rebuild right-to-left text from the page (pdftotext, evince,
 * pdf.js) put them back in logical order. Invisible controls map to
 * nothing. */
static void show_run(cairo_t *cr, const PangoGlyphItem *run, const char *all_text,
                     double x, double baseline)
{
    const PangoItem *item = run->item;
    const PangoGlyphString *gs = run->glyphs;
    if (gs->num_glyphs == 0)
        return;
    bool rtl = item->analysis.level % 2 == 1;
    const char *text = all_text + item->offset;
    double *pen_at = g_new(double, (gsize)gs->num_glyphs + 1);
    double pen = x;
    for (int k = 0; k < gs->num_glyphs; k++) {
        pen_at[k] = pen;
        pen += pango_units_to_double(gs->glyphs[k].geometry.width);
    }
    GArray *cl = run_clusters(run, rtl);
    cairo_glyph_t *glyphs = g_new(cairo_glyph_t, (gsize)gs->num_glyphs);
    cairo_text_cluster_t *clusters = g_new(cairo_text_cluster_t, (gsize)gs->num_glyphs * 2 + 1);
    GString *utf8 = g_string_new(NULL);
    int n_glyphs = 0;
    int n_clusters = 0;
    for (guint c = 0; c < cl->len; c++) {
        const run_cluster *rc = &g_array_index(cl, run_cluster, c);
        int first_glyph = n_glyphs;
        /* Letters before their marks: a reader places the cluster's text
         * where its first glyph is drawn, and a mark sits inside its base. */
        for (int pass = 0; pass < 2; pass++) {
            for (int k = rc->g0; k < rc->g1; k++) {
                const PangoGlyphInfo *gi = &gs->glyphs[k];
                if (gi->glyph == PANGO_GLYPH_EMPTY || (gi->glyph & PANGO_GLYPH_UNKNOWN_FLAG) ||
                    (gi->geometry.width != 0) != (pass == 0))
                    continue;
                glyphs[n_glyphs].index = gi->glyph;
                glyphs[n_glyphs].x = pen_at[k] + pango_units_to_double(gi->geometry.x_offset);
                glyphs[n_glyphs].y = baseline + pango_units_to_double(gi->geometry.y_offset);
                n_glyphs++;
            }
        }
        int cluster_glyphs = n_glyphs - first_glyph;
        const char *t = text + rc->t0;
        int len = rc->t1 - rc->t0;
        /* The common case, one glyph for one character, needs no copy. */
        const char *after = g_utf8_next_char(t);
        if (cluster_glyphs == 1 && after - t == len && !is_invisible(g_utf8_get_char(t))) {
            g_string_append_len(utf8, t, len);
            clusters[n_clusters].num_bytes = len;
            clusters[n_clusters].num_glyphs = 1;
            n_clusters++;
            continue;
        }
        GString *chars = g_string_new(NULL);
        int n_chars = append_chars(chars, t, len, false);
        bool all_spacing = true;
        for (int k = rc->g0; k < rc->g1; k++) {
            if (gs->glyphs[k].glyph != PANGO_GLYPH_EMPTY && gs->glyphs[k].geometry.width == 0)
                all_spacing = false;
        }
        if (cluster_glyphs > 1 && n_chars == cluster_glyphs && all_spacing) {
            const char *p = chars->str;
            const char **one = g_new0(const char *, (gsize)n_chars + 1);
            for (int k = 0; k < n_chars; k++) {
                one[k] = p;
                p = g_utf8_next_char(p);
            }
            one[n_chars] = p;
            for (int g = 0; g < cluster_glyphs; g++) {
                int k = rtl ? n_chars - 1 - g : g;
                int bytes = (int)(one[k + 1] - one[k]);
                g_string_append_len(utf8, one[k], bytes);
                clusters[n_clusters].num_bytes = bytes;
                clusters[n_clusters].num_glyphs = 1;
                n_clusters++;
            }
            g_free(one);
        } else if (cluster_glyphs > 0) {
            /* The letters carry the whole text; the marks (drawn after
             * them) carry none, so the text sits exactly on the letters. */
            int n_marks = 0;
            for (int k = rc->g0; k < rc->g1; k++) {
                const PangoGlyphInfo *gi = &gs->glyphs[k];
                if (gi->glyph != PANGO_GLYPH_EMPTY && !(gi->glyph & PANGO_GLYPH_UNKNOWN_FLAG) &&
                    gi->geometry.width == 0)
                    n_marks++;
            }
            if (n_marks == cluster_glyphs)
                n_marks = 0;
            size_t before = utf8->len;
            append_chars(utf8, t, len, rtl && n_chars > 1);
            clusters[n_clusters].num_bytes = (int)(utf8->len - before);
            clusters[n_clusters].num_glyphs = cluster_glyphs - n_marks;
            n_clusters++;
            if (n_marks > 0) {
                clusters[n_clusters].num_bytes = 0;
                clusters[n_clusters].num_glyphs = n_marks;
                n_clusters++;
            }
        }
        g_string_free(chars, TRUE);
    }
    if (n_glyphs > 0) {
        cairo_scaled_font_t *sf =
            pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(item->analysis.font));
        cairo_set_scaled_font(cr, sf);
        cairo_show_text_glyphs(cr, utf8->str, (int)utf8->len, glyphs, n_glyphs, clusters,
                               n_clusters, 0);
    }
    g_string_free(utf8, TRUE);
    g_free(clusters);
    g_free(glyphs);
    g_free(pen_at);
    g_array_free(cl, TRUE);
}

void pdf_show_layout(cairo_t *cr, PangoLayout *pl, double x, double baseline,
                     layout_color color)
{
    /* Lines of a layout, the first's baseline at `baseline`. */
    PangoLayoutIter *it = pango_layout_get_iter(pl);
    int first = pango_layout_iter_get_baseline(it);
    do {
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(it, NULL, &logical);
        double bl = baseline + pango_units_to_double(pango_layout_iter_get_baseline(it) - first);
        pdf_show_layout_line(cr, pango_layout_iter_get_line_readonly(it),
                             x + pango_units_to_double(logical.x), bl, color);
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
}

void pdf_show_layout_line(cairo_t *cr, PangoLayoutLine *line, double x, double baseline,
                          layout_color color)
{
    const char *text = pango_layout_get_text(line->layout);
    double pen = x;
    for (GSList *l = line->runs; l != NULL; l = l->next) {
        const PangoGlyphItem *run = l->data;
        const PangoColor *c = run_color(run->item);
        if (c != NULL)
            cairo_set_source_rgb(cr, c->red / 65535.0, c->green / 65535.0, c->blue / 65535.0);
        else
            cairo_set_source_rgb(cr, color.r, color.g, color.b);
        show_run(cr, run, text, pen, baseline);
        pen += pango_units_to_double(pango_glyph_string_get_width(run->glyphs));
    }
}

/* ------------------------------------------------------------------ */
/* Structure tags                                                      */
/* ------------------------------------------------------------------ */

static void close_tags_to(writer *w, size_t keep)
{
    while (w->n_open > keep) {
        w->n_open--;
        cairo_tag_end(w->cr, w->open[w->n_open].name);
    }
}

/* Opens and closes structure elements so that exactly b's are open. */
static void enter_tags(writer *w, const box *b)
{
    size_t n = MIN(b->n_tags, (size_t)PDF_MAX_TAG_DEPTH);
    size_t common = 0;
    while (common < n && common < w->n_open && w->open[common].id == b->tags[common].id)
        common++;
    close_tags_to(w, common);
    for (size_t i = common; i < n; i++) {
        cairo_tag_begin(w->cr, b->tags[i].name, NULL);
        w->open[w->n_open++] = b->tags[i];
        if (strcmp(b->tags[i].name, "Figure") == 0)
            g_ptr_array_add(w->figure_alts, (gpointer)(b->kind == BOX_CHART && b->chart != NULL
                                                           ? b->chart->alt
                                                           : NULL));
    }
}

/* ------------------------------------------------------------------ */
/* Boxes                                                               */
/* ------------------------------------------------------------------ */

static void draw_links(writer *w, const box *b, double x, double y)
{
    for (size_t i = 0; i < b->n_links; i++) {
        const ts_link *l = &b->links[i];
        char *attrs;
        if (l->href != NULL) {
            char *esc = pdf_escape_uri(l->href);
            char *quoted = tag_string(esc);
            attrs = g_strdup_printf("uri=%s rect=[%.2f %.2f %.2f %.2f]", quoted, x + l->x_pt,
                                    y + l->y_pt, l->w_pt, l->h_pt);
            g_free(quoted);
            g_free(esc);
        } else {
            char *quoted = dest_string(l->dest);
            attrs = g_strdup_printf("dest=%s rect=[%.2f %.2f %.2f %.2f]", quoted, x + l->x_pt,
                                    y + l->y_pt, l->w_pt, l->h_pt);
            g_free(quoted);
        }
        cairo_tag_begin(w->cr, CAIRO_TAG_LINK, attrs);
        cairo_tag_end(w->cr, CAIRO_TAG_LINK);
        g_free(attrs);
    }
}

static void draw_dest(writer *w, const box *b, double x, double y)
{
    if (b->dest == NULL || g_hash_table_contains(w->dests, b->dest))
        return;
    g_hash_table_add(w->dests, (gpointer)b->dest);
    char *quoted = dest_string(b->dest);
    char *attrs = g_strdup_printf("name=%s x=%.2f y=%.2f", quoted, x, y);
    cairo_tag_begin(w->cr, CAIRO_TAG_DEST, attrs);
    cairo_tag_end(w->cr, CAIRO_TAG_DEST);
    g_free(attrs);
    g_free(quoted);
    if (b->outline != NULL) {
        outline_entry e = {b->outline, b->dest, b->outline_level};
        g_array_append_val(w->outline, e);
    }
}

static void show_line(writer *w, const box *b, double x, double y)
{
    pdf_show_layout_line(w->cr, b->line, x + b->origin_x_pt, y + b->baseline_pt, b->color);
}

static void draw_box(writer *w, const box *b, double x, double y, double from, double to);

static void draw_row(writer *w, const box *b, double x, double y, double from, double to)
{
    cairo_t *cr = w->cr;
    bool cut = from > 0.01 || to < b->height_pt - 0.01;
    if (b->has_background) {
        cairo_set_source_rgb(cr, b->background.r, b->background.g, b->background.b);
        cairo_rectangle(cr, x, y + from, b->width_pt, to - from);
        cairo_fill(cr);
    }
    for (size_t i = 0; i < b->n_children; i++) {
        const box *k = b->children[i];
        /* A cut row shows the children that lie in [from, to): the cut
         * points never go through one. */
        if (cut && (k->y_pt < from - 0.01 || k->y_pt + k->height_pt > to + 0.01))
            continue;
        draw_box(w, k, x + k->x_pt, y + k->y_pt, 0, k->height_pt);
    }
    for (size_t i = 0; i < b->n_strokes; i++) {
        const ts_stroke *s = &b->strokes[i];
        if (s->y1_pt < from - 0.01 || s->y1_pt > to + 0.01)
            continue;
        cairo_set_source_rgb(cr, s->color.r, s->color.g, s->color.b);
        cairo_set_line_width(cr, s->width_pt);
        double sy = y + s->y1_pt - s->width_pt / 2;
        cairo_move_to(cr, x + s->x1_pt, sy);
        cairo_line_to(cr, x + s->x2_pt, sy);
        cairo_stroke(cr);
    }
}

static void draw_box(writer *w, const box *b, double x, double y, double from, double to)
{
    if (b->kind != BOX_ROW && b->kind != BOX_SPACE)
        enter_tags(w, b);
    switch (b->kind) {
    case BOX_LINE:
        draw_dest(w, b, x, y);
        if (b->marker != NULL)
            show_line(w, b->marker, b->marker->x_pt + (x - b->x_pt),
                      y + b->baseline_pt - b->marker->baseline_pt);
        show_line(w, b, x, y);
        draw_links(w, b, x, y);
        break;
    case BOX_ROW:
        if (b->n_tags > 0)
            enter_tags(w, b);
        draw_row(w, b, x, y, from, to);
        break;
    case BOX_CHART:
        if (!chart_draw(w->cr, b->chart_rtl ? w->rtl : w->ltr, w->doc, b, x, y, w->d))
            w->ok = false;
        break;
    case BOX_RULE:
        cairo_set_source_rgb(w->cr, b->rule_color.r, b->rule_color.g, b->rule_color.b);
        cairo_rectangle(w->cr, x, y + b->height_pt - b->thickness_pt, b->width_pt,
                        b->thickness_pt);
        cairo_fill(w->cr);
        break;
    case BOX_SPACE:
        break;
    }
}

/* ------------------------------------------------------------------ */
/* Running heads                                                       */
/* ------------------------------------------------------------------ */

/* A furniture text with {page} and {pages} filled in. */
static char *fill_page(const layout_text *t, size_t page, size_t pages)
{
    char p[24], n[24];
    g_snprintf(p, sizeof p, "%zu", page);
    g_snprintf(n, sizeof n, "%zu", pages);
    GString *s = g_string_new_len(t->text, (gssize)t->len);
    g_string_replace(s, "{page}", p, 0);
    g_string_replace(s, "{pages}", n, 0);
    return g_string_free(s, FALSE);
}

/* The widths the parts of a running head may take on a line of `total`
 * points: a part no wider than an equal share keeps its width, the others
 * share what is left; the sides never reach the centred part. */
static void furniture_widths(const double natural[3], double total, double gap, double out[3])
{
    int n = 0, n_wide = 0;
    for (int i = 0; i < 3; i++)
        n += natural[i] > 0;
    double room = total - gap * (n > 0 ? n - 1 : 0);
    double share = n > 0 ? room / n : room;
    double narrow = 0;
    for (int i = 0; i < 3; i++) {
        if (natural[i] > share)
            n_wide++;
        else
            narrow += natural[i];
    }
    for (int i = 0; i < 3; i++)
        out[i] = natural[i] > share ? (room - narrow) / n_wide : natural[i];
    if (natural[1] > 0) {
        double side = (total - out[1]) / 2 - gap;
        out[0] = MIN(out[0], MAX(side, 0));
        out[2] = MIN(out[2], MAX(side, 0));
    }
}

/* Draws start, center and end parts on one baseline; start is the left in
 * LTR and the right in RTL. A part too long for its share of the line ends
 * in an ellipsis rather than running into the next. */
static void draw_furniture(writer *w, const layout_text parts[3], const layout_style *style,
                           double baseline, size_t page, size_t pages)
{
    const layout_page *pg = &w->doc->page;
    bool rtl = w->doc->rtl;
    double left = rtl ? pg->margin_end_pt : pg->margin_start_pt;
    double right = pg->width_pt - (rtl ? pg->margin_start_pt : pg->margin_end_pt);
    PangoContext *ctx = rtl ? w->rtl : w->ltr;
    PangoLayout *pl[3] = {NULL, NULL, NULL};
    double natural[3] = {0, 0, 0};
    for (int i = 0; i < 3; i++) {
        if (parts[i].text == NULL || parts[i].len == 0)
            continue;
        char *filled = fill_page(&parts[i], page, pages);
        layout_text t = {filled, strlen(filled), NULL, 0};
        size_t errors = diag_count(w->d, DIAG_ERROR);
        pl[i] = typeset_label(w->doc, ctx, style, &t, w->doc->lang, w->d, 0);
        if (diag_count(w->d, DIAG_ERROR) > errors)
            w->ok = false;
        g_free(filled);
        PangoRectangle logical;
        pango_layout_get_extents(pl[i], NULL, &logical);
        natural[i] = MAX(pango_units_to_double(logical.width), 0.001);
    }
    double width[3];
    furniture_widths(natural, right - left, style->size_pt, width);
    for (int i = 0; i < 3; i++) {
        if (pl[i] == NULL)
            continue;
        if (width[i] < natural[i] - 0.01) {
            pango_layout_set_width(pl[i], pango_units_from_double(width[i]));
            pango_layout_set_ellipsize(pl[i], PANGO_ELLIPSIZE_END);
            PangoRectangle logical;
            pango_layout_get_extents(pl[i], NULL, &logical);
            width[i] = pango_units_to_double(logical.width);
        }
        double x;
        if (i == 1)
            x = (left + right - width[i]) / 2;
        else if ((i == 0) != rtl)
            x = left;
        else
            x = right - width[i];
        pdf_show_layout(w->cr, pl[i], x, baseline, style->color);
        g_object_unref(pl[i]);
    }
}

/* ------------------------------------------------------------------ */
/* The document                                                        */
/* ------------------------------------------------------------------ */

static cairo_status_t write_to_buffer(void *closure, const unsigned char *data,
                                      unsigned int length)
{
    g_byte_array_append(closure, data, length);
    return CAIRO_STATUS_SUCCESS;
}

/* ------------------------------------------------------------------ */
/* What cairo 1.16 cannot write, added to the file it wrote             */
/* ------------------------------------------------------------------ */

/* The last occurrence of NEEDLE in the LEN bytes at HAY: the file holds
 * binary streams, which the NUL-stopping g_strrstr_len would not cross. */
static const char *last_bytes(const char *hay, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = len >= n ? len - n + 1 : 0; i-- > 0;) {
        if (hay[i] == needle[0] && memcmp(hay + i, needle, n) == 0)
            return hay + i;
    }
    return NULL;
}

/* A PDF text string of any Unicode text: UTF-16BE with its byte order mark,
 * in hexadecimal (nothing to escape). */
static char *pdf_text_string(const char *utf8)
{
    glong n = 0;
    gunichar2 *units = g_utf8_to_utf16(utf8, -1, NULL, &n, NULL);
    if (units == NULL)
        return NULL;
    GString *s = g_string_new("<FEFF");
    for (glong i = 0; i < n; i++)
        g_string_append_printf(s, "%04X", units[i]);
    g_string_append_c(s, '>');
    g_free(units);
    return g_string_free(s, FALSE);
}

typedef struct {
    size_t at;  /* offset in the file, before the cross-reference table */
    char *text; /* owned */
} pdf_insertion;

static void clear_insertion(gpointer p)
{
    g_free(((pdf_insertion *)p)->text);
}

static gint by_offset(gconstpointer a, gconstpointer b)
{
    size_t x = ((const pdf_insertion *)a)->at, y = ((const pdf_insertion *)b)->at;
    return x < y ? -1 : x > y;
}

/* Inserts texts into the objects of a PDF as cairo writes it (one
 * cross-reference table of "oooooooooo ggggg n \n" entries, then startxref)
 * and moves every offset after them. If the file is not laid out so, it is
 * left as it was: these additions are never worth a broken file. */
static void pdf_insert(GByteArray *pdf, GArray *ins)
{
    const char *start = (const char *)pdf->data;
    const char *xref = last_bytes(start, pdf->len, "\nxref\n0 ");
    const char *sx = last_bytes(start, pdf->len, "\nstartxref\n");
    char *endp = NULL;
    guint64 xref_at = sx != NULL ? g_ascii_strtoull(sx + 11, &endp, 10) : 0;
    if (ins->len == 0 || xref == NULL || sx == NULL || sx < xref || endp == sx + 11 ||
        xref_at != (guint64)(xref + 1 - start))
        return;
    char *q = NULL;
    guint64 count = g_ascii_strtoull(xref + 8, &q, 10);
    const char *entries = q != xref + 8 && *q == '\n' ? q + 1 : NULL;
    if (entries == NULL || count > (guint64)(sx - entries) / 20 ||
        memcmp(entries + 20 * count, "trailer", 7) != 0)
        return;
    g_array_sort(ins, by_offset);
    if (g_array_index(ins, pdf_insertion, ins->len - 1).at > (size_t)(xref + 1 - start))
        return;
    GByteArray *out = g_byte_array_sized_new(pdf->len + 256);
    size_t from = 0, added = 0;
    for (guint k = 0; k < ins->len; k++) {
        const pdf_insertion *in = &g_array_index(ins, pdf_insertion, k);
        g_byte_array_append(out, pdf->data + from, (guint)(in->at - from));
        g_byte_array_append(out, (const guint8 *)in->text, (guint)strlen(in->text));
        from = in->at;
    }
    g_byte_array_append(out, pdf->data + from, (guint)((size_t)(entries - start) - from));
    for (guint64 e = 0; e < count; e++) {
        char line[21];
        memcpy(line, entries + 20 * e, 20);
        line[20] = '\0';
        if (line[17] == 'n') {
            guint64 off = g_ascii_strtoull(line, NULL, 10);
            size_t moved = 0;
            for (guint k = 0; k < ins->len && g_array_index(ins, pdf_insertion, k).at <= off; k++)
                moved += strlen(g_array_index(ins, pdf_insertion, k).text);
            char fixed[32];
            g_snprintf(fixed, sizeof fixed, "%010" G_GUINT64_FORMAT, off + moved);
            memcpy(line, fixed, 10);
        }
        g_byte_array_append(out, (const guint8 *)line, 20);
    }
    for (guint k = 0; k < ins->len; k++)
        added += strlen(g_array_index(ins, pdf_insertion, k).text);
    const char *rest = entries + 20 * count;
    g_byte_array_append(out, (const guint8 *)rest, (guint)(sx + 11 - rest));
    char *number = g_strdup_printf("%" G_GUINT64_FORMAT, xref_at + added);
    g_byte_array_append(out, (const guint8 *)number, (guint)strlen(number));
    g_free(number);
    g_byte_array_append(out, (const guint8 *)endp, (guint)(start + pdf->len - endp));
    g_byte_array_set_size(pdf, 0);
    g_byte_array_append(pdf, out->data, out->len);
    g_byte_array_unref(out);
}

static void insert_after(GArray *ins, const GByteArray *pdf, const char *at, char *text)
{
    pdf_insertion in = {(size_t)(at - (const char *)pdf->data), text};
    g_array_append_val(ins, in);
}

/* Each Figure structure element's text alternative (/Alt). cairo writes
 * the elements in the order their tags were begun, each as "<< /Type
 * /StructElem\n   /S /Figure\n". If the elements found do not match the
 * figures drawn one to one, none is given. */
static void add_figure_alts(GArray *ins, const GByteArray *pdf, const GPtrArray *alts)
{
    static const char figure[] = "<< /Type /StructElem\n   /S /Figure\n";
    const size_t flen = sizeof figure - 1;
    const char *start = (const char *)pdf->data;
    if (alts->len == 0)
        return;
    GPtrArray *at = g_ptr_array_new();
    for (size_t i = 0; i + flen <= pdf->len; i++) {
        if (start[i] == '<' && memcmp(start + i, figure, flen) == 0)
            g_ptr_array_add(at, (gpointer)(start + i + flen));
    }
    for (guint k = 0; at->len == alts->len && k < at->len; k++) {
        const char *alt = g_ptr_array_index(alts, k);
        char *text = alt != NULL && *alt ? pdf_text_string(alt) : NULL;
        if (text != NULL)
            insert_after(ins, pdf, g_ptr_array_index(at, k), g_strdup_printf("   /Alt %s\n", text));
        g_free(text);
    }
    g_ptr_array_free(at, TRUE);
}

/* The document's language (/Lang, read by screen readers), and viewers
 * asked to show the title rather than the file name: a tagged PDF needs
 * both (PDF/UA). */
static void add_catalog_entries(GArray *ins, const GByteArray *pdf, const char *lang)
{
    static const char catalog[] = "<< /Type /Catalog\n";
    const char *cat = last_bytes((const char *)pdf->data, pdf->len, catalog);
    for (const char *p = lang; *p; p++) {
        if (!g_ascii_isalnum(*p) && *p != '-')
            return;
    }
    if (cat != NULL)
        insert_after(ins, pdf, cat + strlen(catalog),
                     g_strdup_printf("   /Lang (%s)\n   /ViewerPreferences << /DisplayDocTitle "
                                     "true >>\n",
                                     lang));
}

/* cairo 1.16 writes the document's dates without the "D:" a PDF date
 * starts with (ISO 32000-1, 7.9.4). */
static void add_date_prefixes(GArray *ins, const GByteArray *pdf)
{
    static const char *const keys[] = {"/CreationDate (", "/ModDate ("};
    for (size_t i = 0; i < G_N_ELEMENTS(keys); i++) {
        const char *k = last_bytes((const char *)pdf->data, pdf->len, keys[i]);
        const char *v = k != NULL ? k + strlen(keys[i]) : NULL;
        if (v != NULL && g_ascii_isdigit(*v))
            insert_after(ins, pdf, v, g_strdup("D:"));
    }
}

static void complete_pdf(GByteArray *pdf, const char *lang, const GPtrArray *figure_alts)
{
    GArray *ins = g_array_new(FALSE, FALSE, sizeof(pdf_insertion));
    g_array_set_clear_func(ins, clear_insertion);
    add_figure_alts(ins, pdf, figure_alts);
    add_catalog_entries(ins, pdf, lang);
    add_date_prefixes(ins, pdf);
    pdf_insert(pdf, ins);
    g_array_free(ins, TRUE);
}

static void set_metadata(cairo_surface_t *s, const layout_doc *doc, const char *date)
{
    if (doc->title != NULL)
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, doc->title);
    if (doc->author != NULL && *doc->author)
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, doc->author);
    if (doc->subject != NULL)
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT, doc->subject);
    if (doc->keywords != NULL && *doc->keywords)
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_KEYWORDS, doc->keywords);
    if (doc->creator != NULL)
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, doc->creator);
    /* cairo 1.16 stamps the current time unless told: set both dates. */
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, date);
}

static void add_outline(writer *w)
{
    int parents[8] = {CAIRO_PDF_OUTLINE_ROOT};
    for (guint i = 0; i < w->outline->len; i++) {
        const outline_entry *e = &g_array_index(w->outline, outline_entry, i);
        int level = CLAMP(e->level, 1, 7);
        /* A level deeper than its predecessor's child hangs on the nearest. */
        while (level > 1 && parents[level - 1] == 0)
            level--;
        char *quoted = dest_string(e->dest);
        char *link = g_strdup_printf("dest=%s", quoted);
        int id = cairo_pdf_surface_add_outline(w->surface, parents[level - 1], e->text, link,
                                               CAIRO_PDF_OUTLINE_FLAG_OPEN);
        g_free(link);
        g_free(quoted);
        parents[level] = id;
        for (int k = level + 1; k < 8; k++)
            parents[k] = 0;
    }
}

bool pdf_write(const layout_doc *doc, const typeset_result *ts, const page_list *pages,
               PangoContext *ltr, PangoContext *rtl, const char *creation_date,
               const char *path, diag *d)
{
    outfile *out = outfile_open(path, d);
    if (out == NULL)
        return false;
    const layout_page *pg = &doc->page;
    GByteArray *bytes = g_byte_array_new();
    cairo_surface_t *surface =
        cairo_pdf_surface_create_for_stream(write_to_buffer, bytes, pg->width_pt, pg->height_pt);
    cairo_t *cr = cairo_create(surface);
    writer w = {doc, cr, surface, ltr, rtl, d, {{0}}, 0,
                g_hash_table_new(g_str_hash, g_str_equal),
                g_array_new(FALSE, FALSE, sizeof(outline_entry)), 0, 0, true,
                g_ptr_array_new()};
    w.left = doc->rtl ? pg->margin_end_pt : pg->margin_start_pt;
    w.top = pg->margin_top_pt;
    set_metadata(surface, doc, creation_date);

    /* Each page's content sits in a Document element of its own, so that
     * the running heads can be drawn outside every structure element:
     * cairo marks content only inside an open tag, and its Artifact tag
     * crashes (1.16). */
    for (size_t p = 0; p < pages->n_pages && w.ok; p++) {
        char label[24];
        g_snprintf(label, sizeof label, "%zu", p + 1);
        cairo_pdf_surface_set_page_label(surface, label);
        if (p > 0 || pg->header_on_first)
            draw_furniture(&w, doc->header, doc->header_style,
                           pg->margin_top_pt - pg->header_gap_pt, p + 1, pages->n_pages);
        cairo_tag_begin(cr, "Document", NULL);
        const pg_page *page = &pages->pages[p];
        for (size_t i = 0; i < page->n_placed; i++) {
            const pg_placement *pl = &page->placed[i];
            const box *b = ts->boxes[pl->item];
            double y = w.top + pl->y_pt - pl->from_pt;
            bool cut = pl->from_pt > 0.01 || pl->to_pt < b->height_pt - 0.01;
            if (cut) {
                cairo_save(cr);
                cairo_rectangle(cr, 0, w.top + pl->y_pt, pg->width_pt, pl->to_pt - pl->from_pt);
                cairo_clip(cr);
            }
            draw_box(&w, b, w.left + b->x_pt, y, pl->from_pt, pl->to_pt);
            if (cut)
                cairo_restore(cr);
        }
        close_tags_to(&w, 0);
        cairo_tag_end(cr, "Document");
        draw_furniture(&w, doc->footer, doc->footer_style,
                       pg->height_pt - pg->margin_bottom_pt + pg->footer_gap_pt, p + 1,
                       pages->n_pages);
        cairo_show_page(cr);
    }
    add_outline(&w);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    cairo_status_t status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    g_hash_table_destroy(w.dests);
    g_array_free(w.outline, TRUE);
    if (status != CAIRO_STATUS_SUCCESS && w.ok) {
        diag_add(d, DIAG_ERROR, NULL, 0, 0, "output", "cannot write %s: %s", path,
                 cairo_status_to_string(status));
        w.ok = false;
    }
    if (!w.ok) {
        g_ptr_array_free(w.figure_alts, TRUE);
        g_byte_array_unref(bytes);
        outfile_abort(out);
        return false;
    }
    complete_pdf(bytes, doc->lang, w.figure_alts);
    g_ptr_array_free(w.figure_alts, TRUE);
    outfile_write(out, bytes->data, bytes->len);
    g_byte_array_unref(bytes);
    return outfile_commit(out, d);
}
