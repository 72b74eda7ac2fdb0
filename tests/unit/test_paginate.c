/* Unit tests of paginate (generator/paginate.h): made-up items broken into
 * pages, then typeset documents (typeset.h) broken as a reader expects. */
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
#include "paginate.h"
#include "typeset.h"
#include "support.h"

#define EPS 0.01

TestSuite(paginate);

/* An item of `h` points with `space` above it. */
static pg_item item(double h, double space)
{
    return (pg_item){h, space, false, -1, false, NULL, 0};
}

static pg_item kept(double h)
{
    pg_item it = item(h, 0);
    it.keep_with_next = true;
    return it;
}

static pg_item row(int table, double h, bool header)
{
    pg_item it = item(h, 0);
    it.table = table;
    it.table_header = header;
    it.keep_with_next = header;
    return it;
}

static const pg_placement *at(const page_list *p, size_t page, size_t i)
{
    cr_assert_lt(page, p->n_pages, "no page %zu of %zu", page, p->n_pages);
    cr_assert_lt(i, p->pages[page].n_placed, "no placement %zu on page %zu", i, page);
    return &p->pages[page].placed[i];
}

static const pg_placement *last_on(const page_list *p, size_t page)
{
    return at(p, page, p->pages[page].n_placed - 1);
}

/* What every page list must be: the items in order, each shown once
 * (parts in order, cut only at its cut points), stacked down each page
 * without overlap, within the page unless an item was set whole on a page
 * too short for it; repeated rows only header rows of the table that goes
 * on. */
static void check_invariants(const pg_item *items, size_t n, double page_h, const page_list *p)
{
    cr_assert_geq(p->n_pages, 1);
    size_t next = 0; /* the item expected */
    double from = 0; /* and the part of it */
    size_t overflows = 0;
    for (size_t pg = 0; pg < p->n_pages; pg++) {
        const pg_page *page = &p->pages[pg];
        double bottom = 0;
        bool overflowed = false;
        for (size_t i = 0; i < page->n_placed; i++) {
            const pg_placement *pl = &page->placed[i];
            cr_assert_geq(pl->y_pt, bottom - EPS, "page %zu, placement %zu overlaps", pg, i);
            cr_assert_lt(pl->from_pt, pl->to_pt);
            bottom = pl->y_pt + pl->to_pt - pl->from_pt;
            if (pl->repeated) {
                cr_assert(items[pl->item].table_header);
                cr_assert_lt(pl->item, next);
                cr_assert_lt(next, n);
                cr_assert_eq(items[pl->item].table, items[next].table);
                cr_assert_eq(pl->from_pt, 0);
                cr_assert_eq(pl->to_pt, items[pl->item].height_pt);
                continue;
            }
            cr_assert_eq(pl->item, next, "page %zu: item %zu instead of %zu", pg, pl->item, next);
            cr_assert_float_eq(pl->from_pt, from, EPS);
            const pg_item *it = &items[pl->item];
            if (pl->to_pt < it->height_pt - EPS) {
                bool allowed = false;
                for (size_t k = 0; k < it->n_split; k++)
                    allowed |= fabs(it->split_pt[k] - pl->to_pt) < EPS;
                cr_assert(allowed, "item %zu cut at %g", pl->item, pl->to_pt);
                from = pl->to_pt;
            } else {
                cr_assert_float_eq(pl->to_pt, it->height_pt, EPS);
                next++;
                from = 0;
            }
            if (bottom > page_h + EPS) {
                overflowed = true;
                overflows++;
            }
        }
        if (!overflowed)
            cr_assert_leq(page->used_pt, page_h + EPS, "page %zu is %g tall", pg, page->used_pt);
        cr_assert_float_eq(page->used_pt, bottom, EPS);
    }
    cr_assert_eq(next, n, "%zu of %zu items placed", next, n);
    cr_assert_eq(overflows, p->n_overflows);
}

static page_list *paginate_checked(const pg_item *items, size_t n, double page_h)
{
    page_list *p = paginate_flow(items, n, page_h);
    check_invariants(items, n, page_h, p);
    return p;
}

/* ------------------------------------------------------------------ */
/* Filling pages                                                       */
/* ------------------------------------------------------------------ */

Test(paginate, no_items_give_one_empty_page)
{
    page_list *p = paginate_flow(NULL, 0, 700);
    cr_assert_eq(p->n_pages, 1);
    cr_assert_eq(p->pages[0].n_placed, 0);
    cr_assert_eq(p->pages[0].used_pt, 0);
    page_list_free(p);
}

Test(paginate, items_that_fit_are_stacked_with_the_space_between_them)
{
    pg_item items[] = {item(10, 5), item(20, 5), item(30, 8)};
    page_list *p = paginate_checked(items, 3, 100);
    cr_assert_eq(p->n_pages, 1);
    /* The first item loses its space: nothing is above it. */
    cr_assert_float_eq(at(p, 0, 0)->y_pt, 0, EPS);
    cr_assert_float_eq(at(p, 0, 1)->y_pt, 15, EPS);
    cr_assert_float_eq(at(p, 0, 2)->y_pt, 43, EPS);
    cr_assert_float_eq(p->pages[0].used_pt, 73, EPS);
    cr_assert_eq(p->n_forced, 0);
    cr_assert_eq(p->n_overflows, 0);
    page_list_free(p);
}

Test(paginate, an_item_that_fits_exactly_stays_on_the_page)
{
    pg_item items[] = {item(33.3, 0), item(33.3, 0), item(33.4, 0), item(1, 0)};
    page_list *p = paginate_checked(items, 4, 100);
    cr_assert_eq(p->n_pages, 2);
    cr_assert_eq(p->pages[0].n_placed, 3);
    page_list_free(p);
}

Test(paginate, space_is_dropped_at_the_top_of_a_page)
{
    pg_item items[] = {item(20, 0), item(20, 6), item(20, 6)};
    page_list *p = paginate_checked(items, 3, 50);
    cr_assert_eq(p->n_pages, 2);
    cr_assert_float_eq(at(p, 0, 1)->y_pt, 26, EPS);
    cr_assert_eq(at(p, 1, 0)->item, 2);
    cr_assert_float_eq(at(p, 1, 0)->y_pt, 0, EPS);
    cr_assert_float_eq(p->pages[1].used_pt, 20, EPS);
    page_list_free(p);
}

Test(paginate, the_page_count_grows_with_the_content)
{
    pg_item items[60];
    for (size_t i = 0; i < G_N_ELEMENTS(items); i++)
        items[i] = item(10, 0);
    size_t before = 0;
    for (size_t n = 1; n <= G_N_ELEMENTS(items); n++) {
        page_list *p = paginate_checked(items, n, 100);
        cr_assert_eq(p->n_pages, (n + 9) / 10, "%zu items", n);
        cr_assert_geq(p->n_pages, before);
        before = p->n_pages;
        page_list_free(p);
    }
}

Test(paginate, a_page_height_of_zero_still_ends)
{
    pg_item items[] = {item(10, 0), item(10, 0), item(10, 0)};
    page_list *p = paginate_checked(items, 3, 0);
    cr_assert_eq(p->n_pages, 3);
    cr_assert_eq(p->n_overflows, 3);
    page_list_free(p);
}

/* ------------------------------------------------------------------ */
/* Keeps                                                               */
/* ------------------------------------------------------------------ */

Test(paginate, a_kept_item_is_not_left_at_the_foot_of_a_page)
{
    /* Nine lines, a heading that would just fit, and the text after it. */
    pg_item items[12];
    for (size_t i = 0; i < 9; i++)
        items[i] = item(10, 0);
    items[9] = kept(10);
    items[10] = item(10, 0);
    items[11] = item(10, 0);
    page_list *p = paginate_checked(items, 12, 100);
    cr_assert_eq(p->n_pages, 2);
    cr_assert_eq(last_on(p, 0)->item, 8);
    cr_assert_eq(at(p, 1, 0)->item, 9);
    cr_assert_float_eq(at(p, 1, 0)->y_pt, 0, EPS);
    cr_assert_eq(p->n_forced, 0);
    page_list_free(p);
}

Test(paginate, a_chain_of_keeps_moves_as_a_whole)
{
    /* A heading, then a paragraph's first two lines glued to it (orphan). */
    pg_item items[10];
    for (size_t i = 0; i < 7; i++)
        items[i] = item(10, 0);
    items[7] = kept(10);
    items[8] = kept(10);
    items[9] = item(10, 0);
    page_list *p = paginate_checked(items, 10, 95);
    cr_assert_eq(p->n_pages, 2);
    cr_assert_eq(last_on(p, 0)->item, 6);
    cr_assert_eq(p->pages[1].n_placed, 3);
    page_list_free(p);
}

Test(paginate, a_chain_of_keeps_longer_than_a_page_breaks_before_what_does_not_fit)
{
    pg_item items[15];
    for (size_t i = 0; i < 15; i++)
        items[i] = kept(10);
    page_list *p = paginate_checked(items, 15, 100);
    cr_assert_eq(p->n_pages, 2);
    cr_assert_eq(p->pages[0].n_placed, 10);
    cr_assert_eq(p->n_forced, 1);
    page_list_free(p);
}

Test(paginate, a_break_after_the_last_kept_item_is_allowed_when_it_keeps_nothing)
{
    /* keep_with_next on the last item: nothing follows, nothing to move. */
    pg_item items[] = {item(60, 0), kept(30)};
    page_list *p = paginate_checked(items, 2, 100);
    cr_assert_eq(p->n_pages, 1);
    cr_assert_eq(p->n_forced, 0);
    page_list_free(p);
}

/* ------------------------------------------------------------------ */
/* Tables                                                              */
/* ------------------------------------------------------------------ */

Test(paginate, table_header_rows_are_repeated_after_a_break)
{
    /* Two header rows and twenty body rows of table 0. */
    pg_item items[23];
    items[0] = item(15, 0);
    items[1] = row(0, 10, true);
    items[2] = row(0, 5, true);
    for (size_t i = 3; i < 23; i++)
        items[i] = row(0, 10, false);
    page_list *p = paginate_checked(items, 23, 100);
    cr_assert_eq(p->n_pages, 3);
    cr_assert_not(at(p, 0, 1)->repeated);
    for (size_t pg = 1; pg < p->n_pages; pg++) {
        cr_assert_eq(at(p, pg, 0)->item, 1);
        cr_assert(at(p, pg, 0)->repeated);
        cr_assert_float_eq(at(p, pg, 0)->y_pt, 0, EPS);
        cr_assert_eq(at(p, pg, 1)->item, 2);
        cr_assert(at(p, pg, 1)->repeated);
        cr_assert_float_eq(at(p, pg, 1)->y_pt, 10, EPS);
        cr_assert_not(at(p, pg, 2)->repeated);
        cr_assert_float_eq(at(p, pg, 2)->y_pt, 15, EPS);
    }
    page_list_free(p);
}

Test(paginate, only_the_broken_tables_headers_are_repeated)
{
    /* Table 0 ends on page 1; table 1, without header rows, goes on. */
    pg_item items[14];
    items[0] = row(0, 10, true);
    items[1] = row(0, 10, false);
    for (size_t i = 2; i < 14; i++)
        items[i] = row(1, 10, false);
    page_list *p = paginate_checked(items, 14, 100);
    cr_assert_eq(p->n_pages, 2);
    cr_assert_eq(at(p, 1, 0)->item, 10);
    cr_assert_not(at(p, 1, 0)->repeated);
    page_list_free(p);
}

Test(paginate, nothing_is_repeated_before_what_follows_a_table)
{
    pg_item items[12];
    items[0] = row(0, 10, true);
    for (size_t i = 1; i < 10; i++)
        items[i] = row(0, 10, false);
    items[10] = item(10, 0);
    items[11] = item(10, 0);
    page_list *p = paginate_checked(items, 12, 100);
    cr_assert_eq(p->n_pages, 2);
    cr_assert_eq(at(p, 1, 0)->item, 10);
    cr_assert_eq(p->pages[1].n_placed, 2);
    page_list_free(p);
}

Test(paginate, header_rows_taller_than_half_a_page_are_not_repeated)
{
    pg_item items[8];
    items[0] = row(0, 55, true);
    for (size_t i = 1; i < 8; i++)
        items[i] = row(0, 10, false);
    page_list *p = paginate_checked(items, 8, 100);
    cr_assert_eq(p->n_pages, 2);
    cr_assert_eq(at(p, 1, 0)->item, 5);
    cr_assert_not(at(p, 1, 0)->repeated);
    page_list_free(p);
}

Test(paginate, a_header_row_is_never_alone_at_the_foot_of_a_page)
{
    pg_item items[12];
    for (size_t i = 0; i < 9; i++)
        items[i] = item(10, 0);
    items[9] = row(0, 10, true);
    items[10] = row(0, 10, false);
    items[11] = row(0, 10, false);
    page_list *p = paginate_checked(items, 12, 100);
    cr_assert_eq(p->n_pages, 2);
    cr_assert_eq(last_on(p, 0)->item, 8);
    cr_assert_eq(at(p, 1, 0)->item, 9);
    /* Moved, not repeated: it was never shown before. */
    cr_assert_not(at(p, 1, 0)->repeated);
    cr_assert_eq(p->pages[1].n_placed, 3);
    page_list_free(p);
}

Test(paginate, a_row_that_does_not_fit_moves_whole_even_if_it_could_be_cut)
{
    static const double cuts[] = {10, 20, 30, 40};
    pg_item items[2] = {item(60, 0), row(0, 50, false)};
    items[1].split_pt = cuts;
    items[1].n_split = 4;
    page_list *p = paginate_checked(items, 2, 100);
    cr_assert_eq(p->n_pages, 2);
    cr_assert_eq(at(p, 1, 0)->item, 1);
    cr_assert_float_eq(at(p, 1, 0)->from_pt, 0, EPS);
    cr_assert_float_eq(at(p, 1, 0)->to_pt, 50, EPS);
    page_list_free(p);
}

Test(paginate, a_row_taller_than_a_page_is_cut_at_the_lowest_cut_point_that_fits)
{
    static const double cuts[] = {30, 60, 90, 120, 150, 180, 210, 240};
    pg_item items[3] = {row(0, 20, true), row(0, 250, false), item(10, 0)};
    items[1].split_pt = cuts;
    items[1].n_split = G_N_ELEMENTS(cuts);
    page_list *p = paginate_checked(items, 3, 100);
    /* Page 1: the header and [0, 60); then the header again above each part. */
    cr_assert_eq(p->n_pages, 4);
    cr_assert_float_eq(at(p, 0, 1)->to_pt, 60, EPS);
    cr_assert(at(p, 1, 0)->repeated);
    cr_assert_float_eq(at(p, 1, 1)->from_pt, 60, EPS);
    cr_assert_float_eq(at(p, 1, 1)->to_pt, 120, EPS);
    cr_assert_float_eq(at(p, 1, 1)->y_pt, 20, EPS);
    cr_assert_float_eq(at(p, 2, 1)->to_pt, 180, EPS);
    cr_assert_float_eq(at(p, 3, 1)->from_pt, 180, EPS);
    cr_assert_float_eq(at(p, 3, 1)->to_pt, 250, EPS);
    cr_assert_eq(at(p, 3, 2)->item, 2);
    cr_assert_eq(p->n_overflows, 0);
    page_list_free(p);
}

Test(paginate, an_item_taller_than_a_page_without_cut_points_runs_off_alone)
{
    pg_item items[] = {item(30, 0), item(150, 0), item(30, 0)};
    page_list *p = paginate_checked(items, 3, 100);
    cr_assert_eq(p->n_pages, 3);
    cr_assert_eq(p->pages[1].n_placed, 1);
    cr_assert_float_eq(p->pages[1].used_pt, 150, EPS);
    cr_assert_eq(p->n_overflows, 1);
    cr_assert_eq(at(p, 2, 0)->item, 2);
    page_list_free(p);
}

/* A body row that fits on a page, but not below the table's repeated
 * header rows, is set on a page of its own without them: only rows taller
 * than a whole page may run off (docs/layout.md). */
Test(paginate, a_row_that_fits_a_page_never_runs_off_below_repeated_headers)
{
    pg_item items[3] = {row(0, 10, true), row(0, 95, false), row(0, 95, false)};
    page_list *p = paginate_checked(items, 3, 100);
    cr_assert_eq(p->n_overflows, 0);
    for (size_t pg = 0; pg < p->n_pages; pg++)
        cr_assert_leq(p->pages[pg].used_pt, 100 + EPS, "page %zu is %g tall", pg,
                      p->pages[pg].used_pt);
    page_list_free(p);
}

/* ------------------------------------------------------------------ */
/* Mixed flows                                                         */
/* ------------------------------------------------------------------ */

/* A made-up flow of n items from a seed: lines, keeps, tables with header
 * rows, rows with cut points, the odd overlong item. */
static pg_item *random_flow(guint32 seed, size_t n, double **cuts_out)
{
    GRand *r = g_rand_new_with_seed(seed);
    pg_item *items = g_new0(pg_item, n);
    double *cuts = g_new0(double, n * 8);
    int table = -1;
    for (size_t i = 0; i < n; i++) {
        int kind = g_rand_int_range(r, 0, 10);
        items[i] = item(g_rand_int_range(r, 4, 30), g_rand_int_range(r, 0, 3) * 4.0);
        items[i].keep_with_next = g_rand_int_range(r, 0, 4) == 0;
        if (kind >= 6) {
            if (table < 0 || kind == 9) {
                table++;
                items[i].table_header = true;
                items[i].keep_with_next = true;
            }
            items[i].table = table;
            if (kind == 8) {
                items[i].height_pt = g_rand_int_range(r, 60, 400);
                size_t nc = 0;
                for (double c = 17; c < items[i].height_pt && nc < 8; c += 17 + nc * 9)
                    cuts[i * 8 + nc++] = c;
                items[i].split_pt = &cuts[i * 8];
                items[i].n_split = nc;
            }
        } else if (kind == 5 && g_rand_int_range(r, 0, 5) == 0) {
            items[i].height_pt = 180;
        }
    }
    g_rand_free(r);
    *cuts_out = cuts;
    return items;
}

Test(paginate, mixed_flows_keep_every_item_in_order_and_on_its_pages)
{
    size_t repeated = 0, cut = 0, forced = 0, overflows = 0;
    for (guint32 seed = 1; seed <= 200; seed++) {
        double *cuts = NULL;
        pg_item *items = random_flow(seed, 80, &cuts);
        page_list *p = paginate_checked(items, 80, 120);
        for (size_t pg = 0; pg < p->n_pages; pg++) {
            for (size_t i = 0; i < p->pages[pg].n_placed; i++) {
                const pg_placement *pl = &p->pages[pg].placed[i];
                repeated += pl->repeated;
                cut += pl->from_pt > 0;
            }
        }
        forced += p->n_forced;
        overflows += p->n_overflows;
        page_list_free(p);
        g_free(cuts);
        g_free(items);
    }
    /* The flows did meet every rule. */
    cr_assert(repeated > 0 && cut > 0 && forced > 0 && overflows > 0,
              "repeated %zu, cut %zu, forced %zu, overflows %zu", repeated, cut, forced, overflows);
}

Test(paginate, the_same_items_give_the_same_pages)
{
    double *cuts = NULL;
    pg_item *items = random_flow(7, 200, &cuts);
    page_list *a = paginate_flow(items, 200, 150);
    page_list *b = paginate_flow(items, 200, 150);
    cr_assert_eq(a->n_pages, b->n_pages);
    cr_assert_eq(a->n_forced, b->n_forced);
    for (size_t pg = 0; pg < a->n_pages; pg++) {
        cr_assert_eq(a->pages[pg].n_placed, b->pages[pg].n_placed);
        cr_assert_eq(a->pages[pg].used_pt, b->pages[pg].used_pt);
        for (size_t i = 0; i < a->pages[pg].n_placed; i++) {
            const pg_placement *x = &a->pages[pg].placed[i], *y = &b->pages[pg].placed[i];
            cr_assert(x->item == y->item && x->from_pt == y->from_pt && x->to_pt == y->to_pt &&
                          x->y_pt == y->y_pt && x->repeated == y->repeated,
                      "page %zu, placement %zu", pg, i);
        }
    }
    page_list_free(a);
    page_list_free(b);
    g_free(cuts);
    g_free(items);
}

/* ------------------------------------------------------------------ */
/* Typeset documents                                                   */
/* ------------------------------------------------------------------ */

/* The fonts, map and contexts every test sets text with. */
static support_fonts sf;

static void setup_fonts(void)
{
    support_fonts_open(&sf);
}

static void teardown_fonts(void)
{
    support_fonts_close(&sf);
}

TestSuite(paginate_typeset, .init = setup_fonts, .fini = teardown_fonts);

typedef struct {
    layout_doc *doc;
    typeset_result *ts;
    page_list *pages;
} paged;

/* A document of `body` (the flow's content) set and paginated. */
static paged paginate_xml(const char *styles, const char *body)
{
    char *xml = g_strdup_printf(
        "<l:document xmlns:l='urn:rapporteur:layout:1' lang='en'>"
        "<l:style name='body' font='Noto Serif' size='10' line-height='1.4' space-after='5'/>"
        "<l:style name='h2' base='body' font='Noto Sans' size='13' weight='bold' "
        "space-before='12' rule-after='0.5' rule-gap='2'/>%s<l:flow>%s</l:flow></l:document>",
        styles, body);
    xmlDoc *x = xmlReadMemory(xml, (int)strlen(xml), "test.xml", NULL, XML_PARSE_NONET);
    cr_assert_not_null(x);
    diag *d = diag_new();
    paged r = {layout_read(x, "record.xml", d), NULL, NULL};
    xmlFreeDoc(x);
    cr_assert_not_null(r.doc);
    r.ts = typeset_flow(r.doc, sf.ltr, sf.rtl, d);
    cr_assert_not_null(r.ts);
    cr_assert_eq(diag_length(d), 0);
    diag_free(d);
    g_free(xml);
    r.pages = paginate_flow(r.ts->items, r.ts->n_boxes, r.ts->text_height_pt);
    check_invariants(r.ts->items, r.ts->n_boxes, r.ts->text_height_pt, r.pages);
    return r;
}

static void paged_free(paged *r)
{
    page_list_free(r->pages);
    typeset_free(r->ts);
    layout_free(r->doc);
}

static const char *tag_of(const box *b)
{
    return b->n_tags > 0 ? b->tags[b->n_tags - 1].name : "";
}

/* `n` sections of a heading and a paragraph of varying length. */
static char *sections(size_t n)
{
    GString *s = g_string_new(NULL);
    for (size_t i = 1; i <= n; i++) {
        g_string_append_printf(s,
                               "<l:heading level='2' style='h2' id='s%zu'>Section %zu"
                               "</l:heading><l:p>",
                               i, i);
        for (size_t k = 0; k < 1 + (i * 7) % 11; k++)
            g_string_append(s, "The session talked about everything and nothing at length. ");
        g_string_append(s, "</l:p>");
    }
    return g_string_free(s, FALSE);
}

Test(paginate_typeset, headings_widows_and_orphans_are_never_stranded)
{
    char *body = sections(60);
    paged r = paginate_xml("", body);
    cr_assert_gt(r.pages->n_pages, 3);
    for (size_t pg = 0; pg < r.pages->n_pages; pg++) {
        const pg_page *page = &r.pages->pages[pg];
        const box *last = r.ts->boxes[page->placed[page->n_placed - 1].item];
        const box *first = r.ts->boxes[page->placed[0].item];
        if (pg + 1 < r.pages->n_pages) {
            cr_assert_str_neq(tag_of(last), "H2", "page %zu ends with a heading", pg + 1);
            cr_assert_neq(last->kind, BOX_RULE, "page %zu ends with a heading's rule", pg + 1);
            /* No first line of a paragraph alone at the foot (orphan)... */
            if (last->kind == BOX_LINE && pango_layout_get_line_count(last->line->layout) > 1)
                cr_assert_neq(last->line->start_index, 0, "orphan at the foot of page %zu", pg + 1);
        }
        /* ... nor its last line alone at the head of the next (widow). */
        if (pg > 0 && first->kind == BOX_LINE) {
            PangoLayout *pl = first->line->layout;
            int n = pango_layout_get_line_count(pl);
            cr_assert(n == 1 || first->line != pango_layout_get_line_readonly(pl, n - 1),
                      "widow at the head of page %zu", pg + 1);
        }
    }
    paged_free(&r);
    g_free(body);
}

Test(paginate_typeset, the_page_count_grows_with_the_content)
{
    size_t before = 0;
    static const size_t counts[] = {1, 10, 40, 120};
    for (size_t i = 0; i < G_N_ELEMENTS(counts); i++) {
        char *body = sections(counts[i]);
        paged r = paginate_xml("", body);
        cr_assert_gt(r.pages->n_pages, i == 0 ? 0 : before, "%zu sections", counts[i]);
        before = r.pages->n_pages;
        paged_free(&r);
        g_free(body);
    }
}

Test(paginate_typeset, a_long_tables_header_row_is_repeated_on_each_page)
{
    GString *s = g_string_new("<l:table widths='1 3'><l:row header='true'><l:cell>Name</l:cell>"
                              "<l:cell>Affiliation</l:cell></l:row>");
    for (int i = 1; i <= 120; i++)
        g_string_append_printf(s,
                               "<l:row><l:cell>Speaker %d</l:cell><l:cell><l:p>Organization "
                               "%d</l:p><l:p>with a second line</l:p></l:cell></l:row>",
                               i, i);
    g_string_append(s, "</l:table>");
    paged r = paginate_xml("", s->str);
    cr_assert_gt(r.pages->n_pages, 2);
    const box *header = r.ts->boxes[0];
    cr_assert(r.ts->items[0].table_header);
    for (size_t pg = 1; pg < r.pages->n_pages; pg++) {
        const pg_placement *p0 = at(r.pages, pg, 0);
        cr_assert(p0->repeated, "page %zu", pg + 1);
        cr_assert_eq(r.ts->boxes[p0->item], header);
        cr_assert_float_eq(at(r.pages, pg, 1)->y_pt, header->height_pt, EPS);
    }
    paged_free(&r);
    g_string_free(s, TRUE);
}

Test(paginate_typeset, a_row_taller_than_a_page_is_cut_between_its_lines)
{
    GString *s = g_string_new("<l:table widths='1 3'><l:row><l:cell>Notes</l:cell><l:cell>");
    for (int i = 1; i <= 150; i++)
        g_string_append_printf(s, "<l:p>Paragraph %d of a cell that runs over pages.</l:p>", i);
    g_string_append(s, "</l:cell></l:row></l:table><l:p>After the table.</l:p>");
    paged r = paginate_xml("", s->str);
    cr_assert_gt(r.pages->n_pages, 2);
    const box *rowb = r.ts->boxes[0];
    cr_assert_gt(rowb->height_pt, r.ts->text_height_pt);
    cr_assert_gt(r.ts->items[0].n_split, 100);
    cr_assert_eq(r.pages->n_overflows, 0);
    /* Every part ends at the bottom of a line of the tall cell, and shows
     * only whole lines (check_invariants saw that they are cut points). */
    for (size_t pg = 0; pg + 1 < r.pages->n_pages; pg++) {
        const pg_placement *p = at(r.pages, pg, 0);
        cr_assert_eq(p->item, 0);
        cr_assert_lt(p->to_pt, rowb->height_pt);
        cr_assert_gt(p->to_pt - p->from_pt, r.ts->text_height_pt - 2 * 14);
    }
    paged_free(&r);
    g_string_free(s, TRUE);
}
