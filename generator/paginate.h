/* paginate: a vertical list of boxes, broken into pages.
 *
 * Input: items (lines of paragraphs, table rows, charts...) with heights,
 * the space above them, and what may not be separated. Output: pages of
 * placed item parts. The rules a typographer expects: no single line of a
 * paragraph alone at the foot or head of a page (the typesetter marks
 * those breaks as forbidden), headings kept with what follows, tables
 * broken between rows with their header rows repeated, an item taller than
 * a page cut at the places it allows (a row between lines of its cells),
 * and space dropped at the top of a page. No pango or cairo here: the unit
 * tests feed it made-up boxes.
 */
#ifndef RP_PAGINATE_H
#define RP_PAGINATE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    double height_pt;
    double space_before_pt;   /* dropped when the item opens a page */
    bool keep_with_next;      /* no page break between this item and the next */
    int table;                /* the table this row belongs to, or -1 */
    bool table_header;        /* a header row: repeated after a break in its table */
    const double *split_pt;   /* ascending offsets 0 < s < height where it may be cut */
    size_t n_split;
} pg_item;

typedef struct {
    size_t item;              /* index into the items */
    double from_pt;           /* the part shown: [from, to) of the item's height */
    double to_pt;
    double y_pt;              /* top of the part, from the top of the text area */
    bool repeated;            /* a table header row repeated on this page */
} pg_placement;

typedef struct {
    pg_placement *placed;
    size_t n_placed;
    double used_pt;           /* height used on the page */
} pg_page;

typedef struct {
    pg_page *pages;
    size_t n_pages;
    size_t n_forced;          /* breaks that had to ignore a keep (reported) */
    size_t n_overflows;       /* items taller than a page with no cut point */
} page_list;

/* Breaks items[0..n) into pages of `page_height_pt`. Always returns a list
 * (one empty page for no items); free it with page_list_free(). */
page_list *paginate_flow(const pg_item *items, size_t n, double page_height_pt);

void page_list_free(page_list *p);

#endif
