/* layout: the layout document's reader (transform -> layout -> typeset). */
#include "layout.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

typedef struct {
    layout_doc *doc;
    const char *source;
    diag *d;
    bool ok;
} reader;

static void fail(reader *r, const xmlNode *n, const char *fmt, ...) G_GNUC_PRINTF(3, 4);
static void fail(reader *r, const xmlNode *n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    /* A layout document is our stylesheet's output: a problem in it is a
     * stylesheet bug (or a customization layer's), reported as such. */
    diag_add(r->d, DIAG_ERROR, r->source, 0, 0, "layout", "layout document, line %ld: %s",
             n != NULL ? xmlGetLineNo(n) : 0L, msg);
    g_free(msg);
    r->ok = false;
}

static bool is_layout(const xmlNode *n, const char *name)
{
    return n != NULL && n->type == XML_ELEMENT_NODE && n->ns != NULL &&
           xmlStrEqual(n->ns->href, BAD_CAST LAYOUT_NS) &&
           (name == NULL || xmlStrEqual(n->name, BAD_CAST name));
}

/* An attribute's value copied into the arena, or NULL. */
static const char *attr(reader *r, const xmlNode *n, const char *name)
{
    xmlAttr *a = xmlHasNsProp(n, BAD_CAST name, NULL);
    if (a == NULL || a->children == NULL)
        return NULL;
    return arena_strdup(r->doc->arena, (const char *)a->children->content);
}

/* ------------------------------------------------------------------ */
/* Values                                                              */
/* ------------------------------------------------------------------ */

bool layout_parse_length(const char *s, double *pt)
{
    if (s == NULL)
        return false;
    char *end = NULL;
    double v = g_ascii_strtod(s, &end);
    if (end == s || !isfinite(v))
        return false;
    while (*end == ' ')
        end++;
    double factor = 1.0;
    if (*end == '\0' || strcmp(end, "pt") == 0)
        factor = 1.0;
    else if (strcmp(end, "mm") == 0)
        factor = 72.0 / 25.4;
    else if (strcmp(end, "cm") == 0)
        factor = 72.0 / 2.54;
    else if (strcmp(end, "in") == 0)
        factor = 72.0;
    else if (strcmp(end, "px") == 0)
        factor = 0.75;
    else
        return false;
    v *= factor;
    /* A hair of tolerance: 5080mm is 200in exactly, but not in binary. */
    if (fabs(v) > LAYOUT_MAX_LENGTH_PT * (1 + 1e-12))
        return false;
    v = CLAMP(v, -LAYOUT_MAX_LENGTH_PT, LAYOUT_MAX_LENGTH_PT);
    *pt = v;
    return true;
}

static void length_attr(reader *r, const xmlNode *n, const char *name, double *out)
{
    const char *v = attr(r, n, name);
    if (v != NULL && !layout_parse_length(v, out))
        fail(r, n, "%s=\"%s\" is not a length (such as 12pt, 20mm)", name, v);
}

static void number_attr(reader *r, const xmlNode *n, const char *name, double *out, double min,
                        double max)
{
    const char *v = attr(r, n, name);
    if (v == NULL)
        return;
    char *end = NULL;
    double x = g_ascii_strtod(v, &end);
    if (end == v || *end != '\0' || !isfinite(x) || x < min || x > max)
        fail(r, n, "%s=\"%s\" is not a number from %g to %g", name, v, min, max);
    else
        *out = x;
}

static bool bool_value(const char *v)
{
    return v != NULL && (strcmp(v, "true") == 0 || strcmp(v, "1") == 0 || strcmp(v, "yes") == 0);
}

static void color_attr(reader *r, const xmlNode *n, const char *name, layout_color *out,
                       bool *present)
{
    const char *v = attr(r, n, name);
    if (v == NULL)
        return;
    unsigned rgb = 0;
    if (v[0] != '#' || strlen(v) != 7 || strspn(v + 1, "0123456789abcdefABCDEF") != 6 ||
        sscanf(v + 1, "%6x", &rgb) != 1) {
        fail(r, n, "%s=\"%s\" is not a colour (#rrggbb)", name, v);
        return;
    }
    out->r = ((rgb >> 16) & 0xff) / 255.0;
    out->g = ((rgb >> 8) & 0xff) / 255.0;
    out->b = (rgb & 0xff) / 255.0;
    if (present != NULL)
        *present = true;
}

/* align="start|end|center" into *out; true if given and valid. */
static bool align_attr(reader *r, const xmlNode *n, layout_align *out)
{
    const char *v = attr(r, n, "align");
    if (v == NULL)
        return false;
    if (strcmp(v, "start") == 0)
        *out = LAYOUT_ALIGN_START;
    else if (strcmp(v, "end") == 0)
        *out = LAYOUT_ALIGN_END;
    else if (strcmp(v, "center") == 0)
        *out = LAYOUT_ALIGN_CENTER;
    else {
        fail(r, n, "align=\"%s\" is not start, end or center", v);
        return false;
    }
    return true;
}

static int weight_value(const char *v)
{
    if (v == NULL)
        return 0;
    if (strcmp(v, "bold") == 0)
        return 700;
    if (strcmp(v, "normal") == 0)
        return 400;
    int w = atoi(v);
    return w >= 100 && w <= 1000 ? w : 0;
}

/* ------------------------------------------------------------------ */
/* Styles                                                              */
/* ------------------------------------------------------------------ */

static const layout_style default_style = {
    .name = "default",
    .font = "Noto Serif",
    .size_pt = 10.0,
    .line_height = 1.4,
    .weight = 400,
    .align = LAYOUT_ALIGN_START,
    .border_color = {0.6, 0.6, 0.6},
    .rule_color = {0.6, 0.6, 0.6},
};

static const layout_style *find_style(const layout_doc *l, const char *name)
{
    for (size_t i = 0; i < l->n_styles; i++) {
        if (l->styles[i].name != NULL && name != NULL && strcmp(l->styles[i].name, name) == 0)
            return &l->styles[i];
    }
    return NULL;
}

static void read_style(reader *r, const xmlNode *n, layout_style *s)
{
    const char *base = attr(r, n, "base");
    const layout_style *b = base != NULL ? find_style(r->doc, base) : &default_style;
    if (b == NULL) {
        fail(r, n, "style base=\"%s\" is not defined before it", base);
        b = &default_style;
    }
    *s = *b;
    s->name = attr(r, n, "name");
    const char *font = attr(r, n, "font");
    if (font != NULL) {
        s->font = font;
        s->span_sets |= LAYOUT_SETS_FONT;
    }
    if (attr(r, n, "size") != NULL)
        s->span_sets |= LAYOUT_SETS_SIZE;
    number_attr(r, n, "size", &s->size_pt, 1, 200);
    number_attr(r, n, "line-height", &s->line_height, 0.5, 4);
    const char *w = attr(r, n, "weight");
    if (w != NULL) {
        s->weight = weight_value(w);
        s->span_sets |= LAYOUT_SETS_WEIGHT;
        if (s->weight == 0)
            fail(r, n, "weight=\"%s\" is not normal, bold or 100-1000", w);
    }
    const char *it = attr(r, n, "italic");
    if (it != NULL) {
        s->italic = bool_value(it);
        s->span_sets |= LAYOUT_SETS_ITALIC;
    }
    if (attr(r, n, "color") != NULL)
        s->span_sets |= LAYOUT_SETS_COLOR;
    color_attr(r, n, "color", &s->color, NULL);
    align_attr(r, n, &s->align);
    length_attr(r, n, "space-before", &s->space_before_pt);
    length_attr(r, n, "space-after", &s->space_after_pt);
    length_attr(r, n, "indent-start", &s->indent_start_pt);
    length_attr(r, n, "indent-end", &s->indent_end_pt);
    length_attr(r, n, "first-indent", &s->first_indent_pt);
    length_attr(r, n, "marker-width", &s->marker_width_pt);
    length_attr(r, n, "rule-after", &s->rule_after_pt);
    length_attr(r, n, "rule-gap", &s->rule_gap_pt);
    color_attr(r, n, "rule-color", &s->rule_color, NULL);
    length_attr(r, n, "padding", &s->padding_pt);
    length_attr(r, n, "border", &s->border_pt);
    color_attr(r, n, "border-color", &s->border_color, NULL);
    color_attr(r, n, "background", &s->background, &s->has_background);
    const char *kwn = attr(r, n, "keep-with-next");
    if (kwn != NULL)
        s->keep_with_next = bool_value(kwn);
    if (s->name == NULL)
        fail(r, n, "a style needs a name");
}

static const layout_style *style_of(reader *r, const xmlNode *n, const layout_style *inherited)
{
    const char *name = attr(r, n, "style");
    if (name == NULL)
        return inherited;
    const layout_style *s = find_style(r->doc, name);
    if (s == NULL) {
        fail(r, n, "style=\"%s\" is not defined", name);
        return inherited;
    }
    return s;
}

/* ------------------------------------------------------------------ */
/* Inline content                                                      */
/* ------------------------------------------------------------------ */

typedef struct {
    GString *text;
    GArray *spans;     /* of layout_span */
    bool space_pending;
    bool at_space;     /* the text so far ends in a space or a line break (or is empty) */
    int depth;
} text_builder;

/* Writes the space white space has left pending, if any. */
static void flush_space(text_builder *b)
{
    if (b->space_pending) {
        g_string_append_c(b->text, ' ');
        b->space_pending = false;
        b->at_space = true;
    }
}

static bool is_xml_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Appends text with HTML-like whitespace collapsing: runs of XML white
 * space become one space, none at the start. */
static void append_text(text_builder *b, const char *s)
{
    for (const char *p = s; *p; p++) {
        /* White space collapses to one space, across span boundaries too. */
        if (is_xml_space(*p)) {
            if (!b->at_space)
                b->space_pending = true;
            continue;
        }
        flush_space(b);
        g_string_append_c(b->text, *p);
        b->at_space = false;
        /* No line break after a hyphen: pdftotext would take it for a
         * soft hyphen and join "entry-" and "level" into "entrylevel". A
         * word joiner (U+2060) forbids the break; a word too long for a
         * line still breaks between characters. */
        if (*p == '-' && p[1] != '\0' && !is_xml_space(p[1]))
            g_string_append(b->text, "\xe2\x81\xa0");
    }
}

/* Directional isolates (Unicode 6.3): LRI, RLI, FSI and PDI. */
#define LRI "\xe2\x81\xa6"
#define RLI "\xe2\x81\xa7"
#define FSI "\xe2\x81\xa8"
#define PDI "\xe2\x81\xa9"

/* Characters that are not text: isolates, the line separator. */
static void append_raw(text_builder *b, const char *s)
{
    flush_space(b);
    g_string_append(b->text, s);
}

static void read_runs(reader *r, const xmlNode *parent, text_builder *b);

static void read_span(reader *r, const xmlNode *n, text_builder *b)
{
    if (b->depth >= LAYOUT_MAX_DEPTH) {
        fail(r, n, "inline content nested deeper than %d", LAYOUT_MAX_DEPTH);
        return;
    }
    layout_span sp = {0};
    sp.italic = -1;
    const char *style_name = attr(r, n, "style");
    if (style_name != NULL) {
        const layout_style *s = find_style(r->doc, style_name);
        if (s == NULL) {
            fail(r, n, "style=\"%s\" is not defined", style_name);
        } else {
            /* Only what the style sets: the rest is the surrounding text's. */
            if (s->span_sets & LAYOUT_SETS_FONT)
                sp.font = s->font;
            if (s->span_sets & LAYOUT_SETS_SIZE)
                sp.size_pt = s->size_pt;
            if (s->span_sets & LAYOUT_SETS_WEIGHT)
                sp.weight = s->weight;
            if (s->span_sets & LAYOUT_SETS_ITALIC)
                sp.italic = s->italic;
            sp.has_color = (s->span_sets & LAYOUT_SETS_COLOR) != 0;
            sp.color = s->color;
        }
    }
    const char *w = attr(r, n, "weight");
    if (w != NULL) {
        sp.weight = weight_value(w);
        if (sp.weight == 0)
            fail(r, n, "weight=\"%s\" is not normal, bold or 100-1000", w);
    }
    const char *it = attr(r, n, "italic");
    if (it != NULL)
        sp.italic = bool_value(it) ? 1 : 0;
    const char *font = attr(r, n, "font");
    if (font != NULL)
        sp.font = font;
    color_attr(r, n, "color", &sp.color, &sp.has_color);
    sp.lang = attr(r, n, "lang");
    sp.href = attr(r, n, "href");
    sp.dest = attr(r, n, "dest");
    const char *dir = attr(r, n, "dir");
    bool isolate = bool_value(attr(r, n, "isolate"));
    const char *open = NULL;
    if (dir != NULL && strcmp(dir, "ltr") == 0)
        open = LRI;
    else if (dir != NULL && strcmp(dir, "rtl") == 0)
        open = RLI;
    else if (isolate || (dir != NULL && strcmp(dir, "auto") == 0))
        open = FSI;

    if (open != NULL)
        append_raw(b, open);
    /* A pending space belongs before the span, not inside it. */
    if (n->children != NULL)
        flush_space(b);
    sp.start = b->text->len;
    /* The span takes its place before the spans inside it: pango lets the
     * attribute inserted later win, and the inner span must win. */
    guint slot = b->spans->len;
    g_array_append_val(b->spans, sp);
    b->depth++;
    read_runs(r, n, b);
    b->depth--;
    size_t end = b->text->len;
    if (open != NULL) {
        bool pending = b->space_pending;
        b->space_pending = false;
        g_string_append(b->text, PDI);
        b->space_pending = pending;
    }
    if (end > sp.start)
        g_array_index(b->spans, layout_span, slot).end = end;
    else
        g_array_remove_index(b->spans, slot);
}

static void read_runs(reader *r, const xmlNode *parent, text_builder *b)
{
    for (const xmlNode *n = parent->children; n != NULL; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            append_text(b, (const char *)n->content);
        } else if (is_layout(n, "span")) {
            read_span(r, n, b);
        } else if (is_layout(n, "br")) {
            b->space_pending = false; /* no space before a line break, nor after it */
            append_raw(b, "\xe2\x80\xa8"); /* U+2028 LINE SEPARATOR: pango breaks there */
            b->at_space = true;
        } else if (n->type == XML_ELEMENT_NODE) {
            fail(r, n, "<%s> is not inline content (span or br)", (const char *)n->name);
        }
    }
}

static layout_text read_text(reader *r, const xmlNode *n)
{
    text_builder b = {g_string_new(NULL), g_array_new(FALSE, TRUE, sizeof(layout_span)), false, true,
                      0};
    read_runs(r, n, &b);
    layout_text t;
    t.len = b.text->len;
    t.text = arena_strndup(r->doc->arena, b.text->str, b.text->len);
    t.n_spans = b.spans->len;
    t.spans = arena_array(r->doc->arena, b.spans->len + 1, sizeof(layout_span));
    for (size_t i = 0; i < b.spans->len; i++) {
        layout_span sp = g_array_index(b.spans, layout_span, i);
        if (sp.end > t.len)
            sp.end = t.len;
        t.spans[i] = sp;
    }
    g_string_free(b.text, TRUE);
    g_array_free(b.spans, TRUE);
    return t;
}

static bool has_element_children(const xmlNode *n)
{
    for (const xmlNode *c = n->children; c != NULL; c = c->next) {
        if (c->type == XML_ELEMENT_NODE && !is_layout(c, "span") && !is_layout(c, "br"))
            return true;
    }
    return false;
}

/* ------------------------------------------------------------------ */
/* Blocks                                                              */
/* ------------------------------------------------------------------ */

typedef struct {
    const layout_style *style;
    const char *lang;
    bool rtl;
    int depth;
} context;

/* The standard structure types (ISO 32000-1, 14.8.4) a block may be
 * tagged with; cairo 1.16 aborts on unknown ones. */
static bool is_structure_type(const char *t)
{
    static const char *const types[] = {"P",    "H1",  "H2",  "H3",     "H4",    "H5",
                                        "H6",   "L",   "LI",  "Lbl",    "LBody", "Table",
                                        "TR",   "TH",  "TD",  "Caption", "Figure", "Span",
                                        "Quote", "Note", "Sect", "Div",  "BlockQuote", "none",
                                        NULL};
    return g_strv_contains(types, t);
}

static layout_block *new_block(reader *r, layout_block_kind kind, const xmlNode *n,
                               const context *ctx)
{
    layout_block *b = arena_alloc(r->doc->arena, sizeof *b);
    b->kind = kind;
    b->style = style_of(r, n, ctx->style);
    const char *lang = attr(r, n, "lang");
    b->lang = lang != NULL ? lang : ctx->lang;
    const char *dir = attr(r, n, "dir");
    b->rtl = dir != NULL ? strcmp(dir, "rtl") == 0 : ctx->rtl;
    const char *line = attr(r, n, "line");
    b->line = line != NULL ? atoi(line) : 0;
    b->tag = attr(r, n, "tag");
    if (b->tag != NULL && !is_structure_type(b->tag)) {
        fail(r, n, "tag=\"%s\" is not a PDF structure type (P, H1-H6, L, LI, Lbl, LBody, "
                   "Table, TR, TH, TD, Caption, Figure, Span, Quote, Note, Sect, Div, "
                   "BlockQuote, none)",
             b->tag);
        b->tag = NULL;
    }
    const char *kwn = attr(r, n, "keep-with-next");
    b->keep_with_next = kwn != NULL ? bool_value(kwn) : b->style->keep_with_next;
    return b;
}

static layout_block *read_block(reader *r, const xmlNode *n, const context *ctx);

static void read_children(reader *r, const xmlNode *n, layout_block *b, const context *ctx,
                          const char *only)
{
    if (ctx->depth >= LAYOUT_MAX_DEPTH) {
        fail(r, n, "blocks nested deeper than %d", LAYOUT_MAX_DEPTH);
        return;
    }
    context inner = {b->style, b->lang, b->rtl, ctx->depth + 1};
    GPtrArray *kids = g_ptr_array_new();
    for (const xmlNode *c = n->children; c != NULL; c = c->next) {
        if (c->type == XML_TEXT_NODE) {
            for (const xmlChar *p = c->content; p != NULL && *p; p++) {
                if (!is_xml_space((char)*p)) {
                    fail(r, c, "text directly in <%s>; put it in a <p>", (const char *)n->name);
                    break;
                }
            }
            continue;
        }
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (only != NULL && !is_layout(c, only)) {
            fail(r, c, "<%s> may only hold <%s>, not <%s>", (const char *)n->name, only,
                 (const char *)c->name);
            continue;
        }
        layout_block *kid = read_block(r, c, &inner);
        if (kid != NULL)
            g_ptr_array_add(kids, kid);
    }
    b->n_children = kids->len;
    b->children = arena_array(r->doc->arena, kids->len + 1, sizeof(layout_block *));
    for (guint i = 0; i < kids->len; i++)
        b->children[i] = g_ptr_array_index(kids, i);
    g_ptr_array_free(kids, TRUE);
}

static void read_table(reader *r, const xmlNode *n, layout_block *b, const context *ctx)
{
    const char *widths = attr(r, n, "widths");
    char **parts = g_strsplit_set(widths != NULL ? widths : "1", " ,", -1);
    GArray *w = g_array_new(FALSE, FALSE, sizeof(double));
    for (char **p = parts; *p != NULL; p++) {
        if (**p == '\0')
            continue;
        char *end = NULL;
        double x = g_ascii_strtod(*p, &end);
        if (end == *p || (*end != '\0' && strcmp(end, "*") != 0) || !(x > 0) || x > 1000) {
            fail(r, n, "widths=\"%s\": \"%s\" is not a relative width such as 2*", widths, *p);
            x = 1;
        }
        g_array_append_val(w, x);
    }
    g_strfreev(parts);
    if (w->len == 0 || w->len > LAYOUT_MAX_COLUMNS) {
        fail(r, n, "a table has 1 to %d columns", LAYOUT_MAX_COLUMNS);
        g_array_set_size(w, 1);
        g_array_index(w, double, 0) = 1;
    }
    b->n_cols = w->len;
    b->widths = arena_array(r->doc->arena, w->len, sizeof(double));
    if (w->len > 0)
        memcpy(b->widths, w->data, w->len * sizeof(double));
    g_array_free(w, TRUE);
    b->layout_only = bool_value(attr(r, n, "layout"));
    read_children(r, n, b, ctx, "row");
    for (size_t i = 0; i < b->n_children; i++) {
        if (b->children[i]->n_children > b->n_cols)
            fail(r, n, "a row has %zu cells but the table %zu columns",
                 b->children[i]->n_children, b->n_cols);
    }
}

static void read_chart(reader *r, const xmlNode *n, layout_block *b)
{
    b->title = attr(r, n, "title");
    b->alt = attr(r, n, "alt");
    GArray *bars = g_array_new(FALSE, TRUE, sizeof(layout_bar));
    for (const xmlNode *c = n->children; c != NULL; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (!is_layout(c, "bar")) {
            fail(r, c, "a chart holds <bar> elements, not <%s>", (const char *)c->name);
            continue;
        }
        layout_bar bar = {0};
        bar.label = attr(r, c, "label");
        bar.text = attr(r, c, "text");
        number_attr(r, c, "value", &bar.value, 0, 1e300);
        bar.emphasis = bool_value(attr(r, c, "emphasis"));
        if (bar.label == NULL)
            bar.label = "";
        if (bar.text == NULL)
            bar.text = attr(r, c, "value");
        g_array_append_val(bars, bar);
    }
    b->n_bars = bars->len;
    b->bars = arena_array(r->doc->arena, bars->len + 1, sizeof(layout_bar));
    if (bars->len > 0)
        memcpy(b->bars, bars->data, bars->len * sizeof(layout_bar));
    g_array_free(bars, TRUE);
}

static layout_block *read_block(reader *r, const xmlNode *n, const context *ctx)
{
    layout_block *b = NULL;
    if (is_layout(n, "p")) {
        b = new_block(r, LAYOUT_PARA, n, ctx);
        b->text = read_text(r, n);
    } else if (is_layout(n, "heading")) {
        b = new_block(r, LAYOUT_HEADING, n, ctx);
        b->text = read_text(r, n);
        double level = 1;
        number_attr(r, n, "level", &level, 1, 6);
        b->level = (int)level;
        b->id = attr(r, n, "id");
        b->outline = attr(r, n, "outline");
        double ol = 1;
        number_attr(r, n, "outline-level", &ol, 1, 6);
        b->outline_level = (int)ol;
        b->keep_with_next = true; /* a heading is never the last line of a page */
    } else if (is_layout(n, "list")) {
        b = new_block(r, LAYOUT_LIST, n, ctx);
        read_children(r, n, b, ctx, "item");
    } else if (is_layout(n, "item")) {
        b = new_block(r, LAYOUT_ITEM, n, ctx);
        const char *marker = attr(r, n, "marker");
        b->marker.text = marker != NULL ? marker : "";
        b->marker.len = strlen(b->marker.text);
        read_children(r, n, b, ctx, NULL);
    } else if (is_layout(n, "table")) {
        b = new_block(r, LAYOUT_TABLE, n, ctx);
        read_table(r, n, b, ctx);
    } else if (is_layout(n, "row")) {
        b = new_block(r, LAYOUT_ROW, n, ctx);
        b->header = bool_value(attr(r, n, "header"));
        read_children(r, n, b, ctx, "cell");
    } else if (is_layout(n, "cell")) {
        b = new_block(r, LAYOUT_CELL, n, ctx);
        b->has_cell_align = align_attr(r, n, &b->cell_align);
        if (has_element_children(n))
            read_children(r, n, b, ctx, NULL);
        else
            b->text = read_text(r, n);
    } else if (is_layout(n, "chart")) {
        b = new_block(r, LAYOUT_CHART, n, ctx);
        read_chart(r, n, b);
    } else if (is_layout(n, "rule")) {
        b = new_block(r, LAYOUT_RULE, n, ctx);
    } else if (is_layout(n, "space")) {
        b = new_block(r, LAYOUT_SPACE, n, ctx);
        length_attr(r, n, "height", &b->height_pt);
    } else {
        fail(r, n, "<%s> is not a block of the layout vocabulary", (const char *)n->name);
    }
    return b;
}

/* ------------------------------------------------------------------ */
/* The document                                                        */
/* ------------------------------------------------------------------ */

static void read_page(reader *r, const xmlNode *n)
{
    layout_page *p = &r->doc->page;
    length_attr(r, n, "width", &p->width_pt);
    length_attr(r, n, "height", &p->height_pt);
    length_attr(r, n, "margin-top", &p->margin_top_pt);
    length_attr(r, n, "margin-bottom", &p->margin_bottom_pt);
    length_attr(r, n, "margin-start", &p->margin_start_pt);
    length_attr(r, n, "margin-end", &p->margin_end_pt);
    length_attr(r, n, "header-gap", &p->header_gap_pt);
    length_attr(r, n, "footer-gap", &p->footer_gap_pt);
    p->header_on_first = bool_value(attr(r, n, "header-on-first"));
    double text_w = p->width_pt - p->margin_start_pt - p->margin_end_pt;
    double text_h = p->height_pt - p->margin_top_pt - p->margin_bottom_pt;
    /* A text area under 2 inches is a mistake, and would make pagination
     * degenerate (one line per page). */
    if (text_w < 144 || text_h < 144)
        fail(r, n, "the text area is %.0f x %.0f pt; it must be at least 144 x 144", text_w,
             text_h);
}

static void read_furniture(reader *r, const xmlNode *n, layout_text parts[3],
                           const layout_style **style)
{
    *style = style_of(r, n, &default_style);
    static const char *const names[3] = {"start", "center", "end"};
    for (const xmlNode *c = n->children; c != NULL; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        int which = -1;
        for (int i = 0; i < 3; i++) {
            if (is_layout(c, names[i]))
                which = i;
        }
        if (which < 0)
            fail(r, c, "<%s> holds start, center and end, not <%s>", (const char *)n->name,
                 (const char *)c->name);
        else
            parts[which] = read_text(r, c);
    }
}

layout_doc *layout_read(xmlDoc *doc, const char *source, diag *d)
{
    xmlNode *root = xmlDocGetRootElement(doc);
    layout_doc *l = g_new0(layout_doc, 1);
    l->arena = arena_new();
    l->source = arena_strdup(l->arena, source);
    reader r = {l, source, d, true};
    if (!is_layout(root, "document")) {
        fail(&r, root, "the root is not <document> in %s", LAYOUT_NS);
        layout_free(l);
        return NULL;
    }
    l->lang = attr(&r, root, "lang");
    if (l->lang == NULL)
        l->lang = "en";
    const char *dir = attr(&r, root, "dir");
    l->rtl = dir != NULL && strcmp(dir, "rtl") == 0;
    l->title = attr(&r, root, "title");
    l->author = attr(&r, root, "author");
    l->subject = attr(&r, root, "subject");
    l->keywords = attr(&r, root, "keywords");
    l->creator = attr(&r, root, "creator");
    l->date = attr(&r, root, "date");
    const char *line = attr(&r, root, "line");
    l->line = line != NULL ? atoi(line) : 0;
    /* A4 with 20 mm margins unless the document says otherwise. */
    l->page = (layout_page){595.28, 841.89, 56.7, 56.7, 56.7, 56.7, 20, 24, false};
    l->header_style = l->footer_style = &default_style;

    size_t n_styles = 0;
    for (xmlNode *c = root->children; c != NULL; c = c->next) {
        if (is_layout(c, "style"))
            n_styles++;
    }
    l->styles = arena_array(l->arena, n_styles + 1, sizeof(layout_style));
    xmlNode *flow = NULL;
    for (xmlNode *c = root->children; c != NULL; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (is_layout(c, "style")) {
            read_style(&r, c, &l->styles[l->n_styles]);
            l->n_styles++; /* visible to later styles' base= */
        } else if (is_layout(c, "page")) {
            read_page(&r, c);
        } else if (is_layout(c, "header")) {
            read_furniture(&r, c, l->header, &l->header_style);
        } else if (is_layout(c, "footer")) {
            read_furniture(&r, c, l->footer, &l->footer_style);
        } else if (is_layout(c, "flow")) {
            flow = c;
        } else {
            fail(&r, c, "<%s> is not part of a layout document", (const char *)c->name);
        }
    }
    if (flow == NULL) {
        fail(&r, root, "the document has no <flow>");
    } else {
        const layout_style *body = find_style(l, "body");
        context ctx = {body != NULL ? body : &default_style, l->lang, l->rtl, 0};
        l->flow = new_block(&r, LAYOUT_GROUP, flow, &ctx);
        read_children(&r, flow, l->flow, &ctx, NULL);
    }
    if (!r.ok) {
        layout_free(l);
        return NULL;
    }
    return l;
}

void layout_free(layout_doc *l)
{
    if (l == NULL)
        return;
    arena_free(l->arena);
    g_free(l);
}
