/* paginate: greedy page breaking with keeps, cuts and repeated table headers. */
#include "paginate.h"

#include <glib.h>

/* Rounding of heights summed over a page must not push out a line that
 * fits: a hundredth of a point is invisible. */
#define FIT_EPSILON_PT 0.01

/* Repeated header rows may take at most this share of a page, so that a
 * body row always has room after them. */
#define HEADER_MAX_SHARE 0.5

typedef struct {
    const pg_item *items;
    size_t n;
    double height;
    GArray *pages;         /* of pg_page */
    GArray *cur;           /* of pg_placement, the page being filled */
    double y;
    GHashTable *headers;   /* table id -> GArray of item indices */
    page_list *out;
} state;

static void place(state *s, size_t item, double from, double to, double y, bool repeated)
{
    pg_placement p = {item, from, to, y, repeated};
    g_array_append_val(s->cur, p);
}

static bool page_is_empty(const state *s)
{
    for (guint i = 0; i < s->cur->len; i++) {
        if (!g_array_index(s->cur, pg_placement, i).repeated)
            return false;
    }
    return true;
}

static void finish_page(state *s)
{
    pg_page page;
    page.n_placed = s->cur->len;
    page.placed = (pg_placement *)g_array_free(s->cur, FALSE);
    page.used_pt = s->y;
    g_array_append_val(s->pages, page);
    s->cur = g_array_new(FALSE, FALSE, sizeof(pg_placement));
    s->y = 0;
}

/* Opens a new page for item `next`; a row continuing its table gets the
 * table's header rows first. */
static void new_page(state *s, size_t next, double from)
{
    finish_page(s);
    if (next >= s->n)
        return;
    const pg_item *it = &s->items[next];
    if (it->table < 0 || (it->table_header && from == 0))
        return;
    GArray *hdr = g_hash_table_lookup(s->headers, GINT_TO_POINTER(it->table + 1));
    if (hdr == NULL)
        return;
    double total = 0;
    for (guint i = 0; i < hdr->len; i++)
        total += s->items[g_array_index(hdr, size_t, i)].height_pt;
    if (total > s->height * HEADER_MAX_SHARE)
        return;
    for (guint i = 0; i < hdr->len; i++) {
        size_t h = g_array_index(hdr, size_t, i);
        place(s, h, 0, s->items[h].height_pt, s->y, true);
        s->y += s->items[h].height_pt;
    }
}

static void remember_header(state *s, size_t i)
{
    const pg_item *it = &s->items[i];
    if (it->table < 0 || !it->table_header)
        return;
    gpointer key = GINT_TO_POINTER(it->table + 1);
    GArray *hdr = g_hash_table_lookup(s->headers, key);
    if (hdr == NULL) {
        hdr = g_array_new(FALSE, FALSE, sizeof(size_t));
        g_hash_table_insert(s->headers, key, hdr);
    }
    for (guint k = 0; k < hdr->len; k++) {
        if (g_array_index(hdr, size_t, k) == i)
            return;
    }
    g_array_append_val(hdr, i);
}

/* May the page end after this placement? Not inside a keep, but always
 * after the first part of a cut item. */
static bool break_allowed_after(const state *s, const pg_placement *p)
{
    const pg_item *it = &s->items[p->item];
    return p->to_pt < it->height_pt - FIT_EPSILON_PT || !it->keep_with_next;
}

/* The largest cut point of item it in (from, from + room], or -1. */
static double cut_within(const pg_item *it, double from, double room)
{
    double best = -1;
    for (size_t k = 0; k < it->n_split; k++) {
        double c = it->split_pt[k];
        if (c > from + FIT_EPSILON_PT && c - from <= room + FIT_EPSILON_PT)
            best = c;
    }
    return best;
}

page_list *paginate_flow(const pg_item *items, size_t n, double page_height_pt)
{
    state s = {items, n, page_height_pt > 1 ? page_height_pt : 1,
               g_array_new(FALSE, FALSE, sizeof(pg_page)),
               g_array_new(FALSE, FALSE, sizeof(pg_placement)), 0,
               g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL,
                                     (GDestroyNotify)g_array_unref),
               g_new0(page_list, 1)};
    size_t i = 0;
    double from = 0;
    while (i < n) {
        const pg_item *it = &items[i];
        if (from == 0)
            remember_header(&s, i);
        bool empty = page_is_empty(&s);
        double sb = empty ? 0 : it->space_before_pt;
        double rest = it->height_pt - from;
        if (s.y + sb + rest <= s.height + FIT_EPSILON_PT) {
            place(&s, i, from, it->height_pt, s.y + sb, false);
            s.y += sb + rest;
            i++;
            from = 0;
            continue;
        }
        if (empty) {
            /* Taller than what is left of an empty page: cut it. */
            double cut = cut_within(it, from, s.height - s.y);
            if (cut > 0) {
                place(&s, i, from, cut, s.y, false);
                s.y += cut - from;
                from = cut;
                new_page(&s, i, from);
                continue;
            }
            /* A row that would fit a page, but not below the table's
             * repeated header rows: the headers give way. */
            if (s.cur->len > 0 && rest <= s.height + FIT_EPSILON_PT) {
                g_array_set_size(s.cur, 0);
                s.y = 0;
                continue;
            }
            /* No cut point fits: the item is set whole and overflows. */
            place(&s, i, from, it->height_pt, s.y, false);
            s.y += rest;
            s.out->n_overflows++;
            i++;
            from = 0;
            if (i < n)
                new_page(&s, i, 0);
            continue;
        }
        /* Find the last place on this page where a break is allowed. */
        gint k = (gint)s.cur->len - 1;
        while (k >= 0) {
            const pg_placement *p = &g_array_index(s.cur, pg_placement, k);
            if (p->repeated) {
                k = -1;
                break;
            }
            if (break_allowed_after(&s, p))
                break;
            k--;
        }
        if (k >= 0) {
            guint first_moved = (guint)k + 1;
            if (first_moved < s.cur->len) {
                const pg_placement *m = &g_array_index(s.cur, pg_placement, first_moved);
                i = m->item;
                from = m->from_pt;
                /* The page's height is what stays on it. */
                const pg_placement *last = &g_array_index(s.cur, pg_placement, k);
                s.y = last->y_pt + (last->to_pt - last->from_pt);
                g_array_set_size(s.cur, first_moved);
            }
            new_page(&s, i, from);
            continue;
        }
        /* One chain of keeps fills the page: it must be broken somewhere.
         * A cuttable item taller than a page is cut here; otherwise the
         * break goes before the item that does not fit. */
        if (rest > s.height) {
            double cut = cut_within(it, from, s.height - s.y - sb);
            if (cut > 0) {
                place(&s, i, from, cut, s.y + sb, false);
                s.y += sb + cut - from;
                from = cut;
                new_page(&s, i, from);
                continue;
            }
        }
        s.out->n_forced++;
        new_page(&s, i, from);
    }
    if (s.cur->len > 0 || s.pages->len == 0)
        finish_page(&s);
    g_array_free(s.cur, TRUE);
    g_hash_table_destroy(s.headers);
    s.out->n_pages = s.pages->len;
    s.out->pages = (pg_page *)g_array_free(s.pages, FALSE);
    return s.out;
}

void page_list_free(page_list *p)
{
    if (p == NULL)
        return;
    for (size_t i = 0; i < p->n_pages; i++)
        g_free(p->pages[i].placed);
    g_free(p->pages);
    g_free(p);
}
