/* typeset: blocks into boxes: pango shapes and breaks the text into lines.
 *
 * Input: a layout document (layout.h). Output: the flow as a vertical list
 * of boxes (lines of paragraphs, table rows holding their cells' boxes,
 * charts, rules) with what the paginator needs (heights, space, keeps,
 * cut points) and what the PDF writer needs (pango lines, links,
 * destinations, outline entries, structure tags). A character that no font
 * of fonts/ can show is an error at the record's line, never a box in the
 * PDF. Everything lives in the layout document's arena, except the pango
 * layouts, which typeset_free() releases.
 */
#ifndef RP_TYPESET_H
#define RP_TYPESET_H

#include <stdbool.h>

#include <pango/pango.h>

#include "diag.h"
#include "layout.h"
#include "paginate.h"

typedef enum {
    BOX_LINE,   /* one line of text */
    BOX_ROW,    /* a table row: its cells' boxes as children */
    BOX_CHART,  /* a bar chart (chart.c) */
    BOX_RULE,   /* a horizontal rule */
    BOX_SPACE,  /* nothing drawn */
} box_kind;

/* A structure element (tagged PDF) a box is drawn inside. */
typedef struct {
    const char *name;   /* "P", "H2", "L", "LI", "Table", "TR", "TD", "Figure"... */
    int id;             /* one element per id */
} ts_tag;

typedef struct {
    double x_pt, y_pt, w_pt, h_pt;  /* relative to the box */
    const char *href;               /* external */
    const char *dest;               /* internal */
} ts_link;

typedef struct {
    double x1_pt, y1_pt, x2_pt, y2_pt;  /* relative to the row */
    double width_pt;
    layout_color color;
} ts_stroke;

typedef struct box box;

struct box {
    box_kind kind;
    double x_pt, y_pt;              /* top-left; y is relative to the parent row, 0 in the flow */
    double width_pt, height_pt;
    const ts_tag *tags;             /* outermost first */
    size_t n_tags;
    /* LINE */
    PangoLayoutLine *line;
    double origin_x_pt;             /* where the line's origin goes, from x_pt */
    double baseline_pt;             /* from y_pt */
    layout_color color;
    box *marker;                    /* a list marker drawn beside this line */
    ts_link *links;
    size_t n_links;
    const char *dest;               /* a named destination at this line */
    const char *outline;            /* an outline entry pointing at dest */
    int outline_level;
    /* ROW */
    box **children;
    size_t n_children;
    ts_stroke *strokes;
    size_t n_strokes;
    bool has_background;
    layout_color background;
    /* CHART */
    const layout_block *chart;
    bool chart_rtl;
    const char *chart_lang;
    const layout_style *chart_style;
    /* RULE */
    double thickness_pt;
    layout_color rule_color;
};

typedef struct {
    box **boxes;                    /* the flow, in order */
    size_t n_boxes;
    pg_item *items;                 /* one per box, for paginate_flow() */
    double text_width_pt;
    double text_height_pt;
    GPtrArray *layouts;             /* PangoLayouts the lines belong to, owned */
} typeset_result;

/* Sets the layout document's flow. `ltr` and `rtl` are pango contexts with
 * those base directions (paragraph direction comes from the language, not
 * from the first letter). Returns NULL with errors in d, such as a
 * character no font covers. Free with typeset_free(). */
typeset_result *typeset_flow(const layout_doc *doc, PangoContext *ltr, PangoContext *rtl,
                             diag *d);

void typeset_free(typeset_result *t);

/* Lays out a short text (running heads, chart labels) in one line,
 * without wrapping; the caller unrefs the layout. Unknown characters are
 * reported to d against `source_line`. */
PangoLayout *typeset_label(const layout_doc *doc, PangoContext *ctx, const layout_style *style,
                           const layout_text *text, const char *lang, diag *d, int source_line);

/* A pango font description for a style (caller frees). */
PangoFontDescription *typeset_font(const layout_style *style);

#endif
