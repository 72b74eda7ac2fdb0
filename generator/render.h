/* render: one record into its reports, in each language and format.
 *
 * record -> validate -> for each language: transform (html | layout ->
 * typeset -> pdf). A renderer holds what is loaded once per process (schema,
 * catalogs, stylesheets, fonts) and is shared read-only by threads; each
 * call renders one record with its own per-call state.
 */
#ifndef RP_RENDER_H
#define RP_RENDER_H

#include <stdbool.h>

#include "catalog.h"
#include "report_pdf.h"
#include "diag.h"
#include "record.h"
#include "transform.h"
#include "validate.h"

enum {
    RENDER_HTML = 1 << 0,
    RENDER_PDF = 1 << 1,
};

typedef struct {
    unsigned formats;       /* RENDER_HTML | RENDER_PDF */
    const char *langs;      /* "record", "all", or "en,fr,..." */
    const char *out_dir;
    const char *paper;      /* "a4" or "letter" */
    const char *index_href; /* link from each report back to an index, or NULL */
    const char *css_href;   /* the stylesheet's URL from the report */
} render_options;

typedef struct renderer renderer;

/* Loads the schema from `data_dir` (which holds styles/ and fonts/).
 * `formats` (RENDER_HTML, RENDER_PDF, or 0) says what will be rendered:
 * their stylesheets and the PDF typesetter start loading at once, on
 * threads of their own, and renderer_prepare() waits for them; the
 * catalogs are loaded when first needed. Returns NULL with errors in d.
 * Free with renderer_free(). */
renderer *renderer_new(const char *data_dir, unsigned formats, diag *d);
void renderer_free(renderer *r);

/* Loads the label catalogs if they are not yet (thread-safe). Returns
 * false with errors in d if one is unreadable or malformed. */
bool renderer_load_catalogs(renderer *r, diag *d);

/* The catalogs: NULL until renderer_load_catalogs() or renderer_prepare()
 * has loaded them. Borrowed. */
const catalog_set *renderer_catalogs(const renderer *r);
const validator *renderer_validator(const renderer *r);
transformer *renderer_transformer(renderer *r);
const char *renderer_data_dir(const renderer *r);

/* The PDF typesetter (fonts loaded on first use); NULL with an error in d
 * if the fonts cannot be loaded. Borrowed. */
report_pdf *renderer_pdf(renderer *r, diag *d);

/* Loads the catalogs and compiles what `formats` need now, so that a broken
 * catalog or customization layer is reported once, before any record. */
bool renderer_prepare(renderer *r, unsigned formats, diag *d);

/* Checks a language list ("record", "all" or comma-separated tags).
 * Returns false with an error in d if a tag is malformed. */
bool render_check_langs(const char *spec, diag *d);

/* The languages a record holds: the language of every copy of a
 * translatable field, the record's own first, then in order of first
 * appearance. Free with g_strfreev(). */
char **render_record_languages(const record *rec);

/* The languages to render for `rec` under `spec`. Free with g_strfreev(). */
char **render_languages(const renderer *r, const record *rec, const char *spec);

/* Called for each file of render_files(), in the order given: its
 * messages (the callee may print and empty d) and whether it rendered. */
typedef void (*render_report_fn)(const char *path, diag *d, bool ok, void *ctx);

/* Loads, validates and renders each file, `jobs` at a time. Outputs are
 * written atomically as <out_dir>/<id>.<lang>.<ext>; a record with errors
 * renders nothing, and every output of a valid record is attempted. This
 * thread loads the records in order, workers validate and render them, and
 * `report` is called for each file in order. The first file with a given
 * id is rendered; a later one with the same id is an error, not a silent
 * overwrite. With jobs > 1, PDFs are set by typesetter processes running
 * `typesetter` (this program; see report_pdf_use_processes()). Returns
 * false, with errors in d, on an error of the environment that stopped
 * the batch (typesetters that cannot start or ended badly). */
bool render_files(renderer *r, char *const *files, const render_options *o, unsigned jobs,
                  const char *typesetter, render_report_fn report, void *ctx, diag *d);

/* Renders one validated record in one language and format to `path`.
 * `langs` lists every language rendered for the record (for the HTML
 * language switcher). */
bool render_one(renderer *r, const record *rec, const char *lang, const char *const *langs,
                unsigned format, const render_options *o, const char *path, diag *d);

/* Writes <out_dir>/<css_href> from styles/html/report.css unless it is
 * already there with the same bytes. */
bool render_write_css(renderer *r, const char *out_dir, diag *d);

#endif
