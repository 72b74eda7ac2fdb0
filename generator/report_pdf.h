/* report_pdf: one record into one PDF (transform -> layout -> typeset ->
 * paginate -> pdf). Holds the font map and the layout stylesheet, shared
 * by threads; every render has its own per-call state.
 */
#ifndef RP_REPORT_PDF_H
#define RP_REPORT_PDF_H

#include <stdbool.h>

#include "diag.h"
#include "record.h"
#include "transform.h"

typedef struct report_pdf report_pdf;

/* Sets up fonts from <data_dir>/fonts. Returns NULL with errors in d. */
report_pdf *report_pdf_new(const char *data_dir, transformer *t, diag *d);
void report_pdf_free(report_pdf *p);

/* Renders `rec` in `lang` on `paper` ("a4" or "letter") to `path`,
 * atomically. Returns false with errors in d. */
bool report_pdf_render(report_pdf *p, const record *rec, const char *lang, const char *paper,
                       const char *path, diag *d);

/* The layout document of `rec` in `lang` on `paper` (the layout
 * stylesheet's output), or NULL with errors in d. Free with xmlFreeDoc().
 * report_pdf_render() is this, then report_pdf_render_layout(). */
xmlDoc *report_pdf_layout(report_pdf *p, const record *rec, const char *lang, const char *paper,
                          diag *d);

/* Sets a layout document (from any layout stylesheet) into a PDF at
 * `path`; `source` names the input in messages. */
bool report_pdf_render_layout(report_pdf *p, xmlDoc *layout, const char *source,
                              const char *path, diag *d);

/* Sets text in up to n child processes from now on (n > 1), so that n
 * threads can render at once: cairo 1.16 lets only one thread of a
 * process do it. `program` is rapporteur's executable, run as
 * `program --pdf-worker DATA_DIR`. With NULL or n < 2, sets text in this
 * process again. Either way the earlier children end (none may be busy);
 * returns false, with errors in d, if one ended badly. See pdf_worker.h. */
bool report_pdf_use_processes(report_pdf *p, const char *program, unsigned n, diag *d);

/* The body of a child started by report_pdf_use_processes(): `rapporteur
 * --pdf-worker DATA_DIR`. Returns the exit status; a child that cannot
 * load its fonts returns 2 with errors in d. */
int report_pdf_worker_main(const char *data_dir, diag *d);

/* A digest of the fonts, for incremental archive builds. Borrowed. */
const char *report_pdf_fonts_digest(const report_pdf *p);

/* "cairo 1.16.0, pango 1.50.12, ..." for --version; g_free() it. */
char *report_pdf_versions(void);

#endif
