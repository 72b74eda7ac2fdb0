/* layout: the layout document, read into a checked tree of blocks and runs.
 *
 * styles/layout/report.xsl turns a record into a small layout document
 * (namespace urn:rapporteur:layout:1; docs/layout.md describes it): page
 * setup, named styles, a running header and footer, and a flow of blocks
 * (paragraphs and headings of styled runs, lists, tables, charts, rules,
 * space). This module reads it into plain structs that the typesetter
 * walks; everything is allocated in one arena owned by the layout_doc.
 */
#ifndef RP_LAYOUT_H
#define RP_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>

#include "arena.h"
#include "diag.h"

#define LAYOUT_NS "urn:rapporteur:layout:1"

/* Limits on what a layout document may ask for: a stylesheet bug or a
 * hostile customization layer must not make the typesetter allocate
 * without bound. A record nests at most 256 deep (libxml2's limit), and
 * our layout at most about three levels per record level. */
#define LAYOUT_MAX_COLUMNS 64
#define LAYOUT_MAX_DEPTH 1024
#define LAYOUT_MAX_LENGTH_PT 14400.0 /* 5 m: larger than any paper */

typedef enum {
    LAYOUT_ALIGN_START,
    LAYOUT_ALIGN_END,
    LAYOUT_ALIGN_CENTER,
} layout_align;

typedef struct {
    double r, g, b;
} layout_color;

typedef struct {
    const char *name;
    const char *font;        /* pango family list: "Noto Serif, Noto Naskh Arabic" */
    double size_pt;
    double line_height;      /* baseline-to-baseline, as a factor of size_pt */
    int weight;              /* 400 normal, 700 bold */
    bool italic;
    layout_color color;
    layout_align align;
    double space_before_pt;
    double space_after_pt;
    double indent_start_pt;  /* on the start side: left in LTR, right in RTL */
    double indent_end_pt;
    double first_indent_pt;
    double marker_width_pt;  /* lists: the hanging indent holding the marker */
    bool keep_with_next;
    double rule_after_pt;    /* a rule under the block (headings), 0 for none */
    double rule_gap_pt;      /* between the text and that rule */
    layout_color rule_color;
    double padding_pt;       /* table cells */
    double border_pt;        /* tables: rules between rows, 0 for none */
    layout_color border_color;
    bool has_background;
    layout_color background;
    unsigned span_sets;      /* LAYOUT_SETS_*: what the style or its bases set themselves,
                                hence what a span with this style changes */
} layout_style;

/* The properties a style passes on to a span (layout_style.span_sets): a link
 * style that sets only a color keeps the size and font of the text around it. */
enum {
    LAYOUT_SETS_FONT = 1u << 0,
    LAYOUT_SETS_SIZE = 1u << 1,
    LAYOUT_SETS_WEIGHT = 1u << 2,
    LAYOUT_SETS_ITALIC = 1u << 3,
    LAYOUT_SETS_COLOR = 1u << 4,
};

/* An attribute range over a paragraph's text (byte offsets). */
typedef struct {
    size_t start;
    size_t end;
    const char *lang;     /* BCP 47, or NULL */
    int weight;           /* 0 = unchanged */
    int italic;           /* -1 = unchanged, 0, 1 */
    const char *font;     /* family list, or NULL */
    double size_pt;       /* 0 = unchanged */
    bool has_color;
    layout_color color;
    const char *href;     /* external link, or NULL */
    const char *dest;     /* internal link (named destination), or NULL */
} layout_span;

/* A paragraph's inline content: text with attribute ranges. Whitespace is
 * collapsed as in HTML; directional runs are isolated (U+2066-U+2069). */
typedef struct {
    const char *text;
    size_t len;
    layout_span *spans;
    size_t n_spans;
} layout_text;

typedef enum {
    LAYOUT_PARA,
    LAYOUT_HEADING,
    LAYOUT_LIST,
    LAYOUT_ITEM,
    LAYOUT_TABLE,
    LAYOUT_ROW,
    LAYOUT_CELL,
    LAYOUT_CHART,
    LAYOUT_RULE,
    LAYOUT_SPACE,
    LAYOUT_GROUP, /* the flow, or a cell's blocks */
} layout_block_kind;

typedef struct {
    const char *label;
    double value;
    const char *text;     /* the value as shown ("about 40") */
    bool emphasis;        /* drawn in the accent colour (the total) */
} layout_bar;

typedef struct layout_block layout_block;

struct layout_block {
    layout_block_kind kind;
    const layout_style *style;
    const char *lang;         /* resolved: own or inherited */
    bool rtl;                 /* resolved direction */
    int line;                 /* line of the record this came from, 0 if unknown */
    const char *tag;          /* structure tag: "P", "H2", "Caption"..., or NULL */
    bool keep_with_next;
    /* PARA, HEADING; a CELL's text when it holds runs directly */
    layout_text text;
    /* HEADING */
    int level;
    const char *id;           /* named destination */
    const char *outline;      /* outline entry text, or NULL for none */
    int outline_level;        /* 1 = top */
    /* ITEM */
    layout_text marker;
    /* TABLE */
    double *widths;           /* relative column widths */
    size_t n_cols;
    bool layout_only;         /* a layout table (side by side), not data */
    /* ROW */
    bool header;
    /* CELL */
    layout_align cell_align;
    bool has_cell_align;
    /* CHART */
    const char *title;
    const char *alt;
    layout_bar *bars;
    size_t n_bars;
    /* SPACE */
    double height_pt;
    /* children: LIST (items), ITEM (blocks), TABLE (rows), ROW (cells),
     * CELL and GROUP (blocks) */
    layout_block **children;
    size_t n_children;
};

typedef struct {
    double width_pt;
    double height_pt;
    double margin_top_pt;
    double margin_bottom_pt;
    double margin_start_pt;
    double margin_end_pt;
    double header_gap_pt;     /* header baseline above the text area */
    double footer_gap_pt;     /* footer baseline below the text area */
    bool header_on_first;     /* the first page has a title block instead */
} layout_page;

typedef struct {
    arena *arena;
    const char *source;       /* the record's path, for messages */
    const char *lang;
    bool rtl;
    const char *title;
    const char *author;
    const char *subject;
    const char *keywords;
    const char *creator;
    const char *date;         /* ISO 8601 creation date, or NULL */
    int line;                 /* the record's root line, for text without a block */
    layout_page page;
    const layout_style *header_style;
    const layout_style *footer_style;
    layout_text header[3];    /* start, center, end */
    layout_text footer[3];    /* may hold {page} and {pages} */
    layout_block *flow;       /* a GROUP */
    size_t n_styles;
    layout_style *styles;
} layout_doc;

/* Reads a layout document (the result of the layout stylesheet). `source`
 * is the record's path, used in messages. Returns NULL with errors in d if
 * the document does not follow the vocabulary. Free with layout_free(). */
layout_doc *layout_read(xmlDoc *doc, const char *source, diag *d);

void layout_free(layout_doc *l);

/* A length such as "25mm", "10.5pt", "1in" or "12" (points), in points;
 * false if s is not one. */
bool layout_parse_length(const char *s, double *pt);

#endif
