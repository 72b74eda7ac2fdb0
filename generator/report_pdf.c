/* report_pdf: record -> layout document -> boxes -> pages -> PDF. */
#include "report_pdf.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <harfbuzz/hb.h>
#include <pango/pangocairo.h>

#include "fonts.h"
#include "layout.h"
#include "paginate.h"
#include "pdf_module.h"
#include "pdf.h"
#include "pdf_worker.h"
#include "typeset.h"

struct report_pdf {
    char *data_dir;
    fonts *fonts;
    transformer *transformer;
    guint serial;             /* tells this one's fonts from those of any other report_pdf */
    pdf_worker_pool *workers; /* NULL: text is set in this process */
};

/* Pango font maps are not shared between threads: each thread that
 * renders gets its own, over the report_pdf's fontconfig configuration. */
typedef struct {
    guint serial;
    PangoFontMap *map;
} thread_map;

/* Held while pango and cairo set text: see report_pdf_render_layout(). */
static GMutex cairo_lock;

static void thread_map_free(gpointer p)
{
    thread_map *tm = p;
    g_mutex_lock(&cairo_lock);
    if (tm->map != NULL)
        g_object_unref(tm->map);
    g_mutex_unlock(&cairo_lock);
    g_free(tm);
}

static GPrivate font_map_key = G_PRIVATE_INIT(thread_map_free);
static guint next_serial;

report_pdf *report_pdf_new(const char *data_dir, transformer *t, diag *d)
{
    char *fonts_dir = g_build_filename(data_dir, "fonts", NULL);
    fonts *f = fonts_new(fonts_dir, d);
    g_free(fonts_dir);
    if (f == NULL)
        return NULL;
    report_pdf *p = g_new0(report_pdf, 1);
    p->data_dir = g_strdup(data_dir);
    p->fonts = f;
    p->transformer = t;
    p->serial = (guint)g_atomic_int_add(&next_serial, 1) + 1;
    return p;
}

void report_pdf_free(report_pdf *p)
{
    if (p == NULL)
        return;
    pdf_worker_pool_free(p->workers, NULL);
    fonts_free(p->fonts);
    g_free(p->data_dir);
    g_free(p);
}

bool report_pdf_use_processes(report_pdf *p, const char *program, unsigned n, diag *d)
{
    bool ok = pdf_worker_pool_free(p->workers, d);
    p->workers = NULL;
    if (program != NULL && n > 1) {
        const char *argv[] = {program, PDF_WORKER_ARG, p->data_dir, NULL};
        p->workers = pdf_worker_pool_new(argv, n);
    }
    return ok;
}

const char *report_pdf_fonts_digest(const report_pdf *p)
{
    return fonts_digest(p->fonts);
}

char *report_pdf_versions(void)
{
    return g_strdup_printf("cairo %s, pango %s, fontconfig %d.%d.%d, HarfBuzz %s",
                           cairo_version_string(), pango_version_string(), FC_MAJOR, FC_MINOR,
                           FC_REVISION, hb_version_string());
}

static PangoFontMap *thread_font_map(const report_pdf *p)
{
    thread_map *tm = g_private_get(&font_map_key);
    if (tm == NULL) {
        tm = g_new0(thread_map, 1);
        g_private_set(&font_map_key, tm);
    }
    if (tm->map == NULL || tm->serial != p->serial) {
        if (tm->map != NULL)
            g_object_unref(tm->map);
        tm->map = fonts_font_map(p->fonts);
        tm->serial = p->serial;
    }
    return tm->map;
}

/* The PDF's creation date: SOURCE_DATE_EPOCH if set (reproducible builds),
 * else the record's own date, never the clock. */
static char *creation_date(const layout_doc *l, diag *d)
{
    const char *epoch = g_getenv("SOURCE_DATE_EPOCH");
    if (epoch != NULL && *epoch != '\0') {
        char *end = NULL;
        gint64 secs = g_ascii_strtoll(epoch, &end, 10);
        GDateTime *dt = end != NULL && *end == '\0' ? g_date_time_new_from_unix_utc(secs) : NULL;
        if (dt != NULL) {
            char *s = g_date_time_format(dt, "%Y-%m-%dT%H:%M:%SZ");
            g_date_time_unref(dt);
            return s;
        }
        diag_add(d, DIAG_WARNING, NULL, 0, 0, NULL,
                 "SOURCE_DATE_EPOCH=\"%s\" is not a number of seconds; using the record's date",
                 epoch);
    }
    if (l->date != NULL && strlen(l->date) >= 10)
        return g_strdup_printf("%.10sT00:00:00Z", l->date);
    return g_strdup("2006-01-01T00:00:00Z");
}

/* Sets the text and writes the PDF in this process. */
static bool render_here(report_pdf *p, xmlDoc *ldoc, const char *source, const char *path, diag *d)
{
    bool ok = false;
    typeset_result *ts = NULL;
    page_list *pages = NULL;
    PangoContext *ltr = NULL;
    PangoContext *rtl = NULL;
    char *date = NULL;
    layout_doc *l = layout_read(ldoc, source, d);
    if (l == NULL)
        goto out;
    /* cairo 1.16 shares its FreeType-backed scaled fonts between threads
     * (one per font file and size, whatever the font map) and crashes when
     * two threads lay out or subset with them at once (glyph extents,
     * cairo_surface_finish): in a process, text is set and written one
     * thread at a time. Parallel builds set it in child processes instead
     * (report_pdf_use_processes). */
    g_mutex_lock(&cairo_lock);
    PangoFontMap *map = thread_font_map(p);
    ltr = fonts_pdf_context(map, false);
    rtl = fonts_pdf_context(map, true);
    ts = typeset_flow(l, ltr, rtl, d);
    if (ts != NULL) {
        pages = paginate_flow(ts->items, ts->n_boxes, ts->text_height_pt);
        date = creation_date(l, d);
        ok = pdf_write(l, ts, pages, ltr, rtl, date, path, d);
    }
    g_object_unref(ltr);
    g_object_unref(rtl);
    ltr = rtl = NULL;
    g_mutex_unlock(&cairo_lock);
out:
    g_free(date);
    page_list_free(pages);
    typeset_free(ts);
    if (ltr != NULL)
        g_object_unref(ltr);
    if (rtl != NULL)
        g_object_unref(rtl);
    layout_free(l);
    return ok;
}

bool report_pdf_render_layout(report_pdf *p, xmlDoc *ldoc, const char *source, const char *path,
                              diag *d)
{
    if (p->workers != NULL)
        return pdf_worker_pool_render(p->workers, ldoc, source, path, d);
    return render_here(p, ldoc, source, path, d);
}

static bool serve_layout(void *ctx, xmlDoc *ldoc, const char *source, const char *path, diag *d)
{
    return render_here(ctx, ldoc, source, path, d);
}

int report_pdf_worker_main(const char *data_dir, diag *d)
{
    report_pdf *p = report_pdf_new(data_dir, NULL, d);
    if (p == NULL)
        return 2;
    int rc = pdf_worker_serve(STDIN_FILENO, STDOUT_FILENO, serve_layout, p);
    report_pdf_free(p);
    return rc;
}

xmlDoc *report_pdf_layout(report_pdf *p, const record *rec, const char *lang, const char *paper,
                          diag *d)
{
    const char *params[] = {"paper", paper != NULL ? paper : "a4", NULL};
    return transform_apply(p->transformer, "layout", "report.xsl", record_doc(rec),
                           record_path(rec), lang, params, d);
}

bool report_pdf_render(report_pdf *p, const record *rec, const char *lang, const char *paper,
                       const char *path, diag *d)
{
    xmlDoc *ldoc = report_pdf_layout(p, rec, lang, paper, d);
    if (ldoc == NULL)
        return false;
    bool ok = report_pdf_render_layout(p, ldoc, record_path(rec), path, d);
    xmlFreeDoc(ldoc);
    return ok;
}

/* The module's entry point (pdf_module.h): the one symbol rapporteur-pdf.so
 * exports, the module being built with hidden visibility. */
__attribute__((visibility("default"))) const pdf_module *rapporteur_pdf_module(void)
{
    static const pdf_module table = {
        .version = RP_VERSION,
        .abi = RP_MODULE_ABI,
        .new_pdf = report_pdf_new,
        .free_pdf = report_pdf_free,
        .render = report_pdf_render,
        .layout = report_pdf_layout,
        .render_layout = report_pdf_render_layout,
        .use_processes = report_pdf_use_processes,
        .worker_main = report_pdf_worker_main,
        .fonts_digest = report_pdf_fonts_digest,
        .versions = report_pdf_versions,
    };
    return &table;
}
