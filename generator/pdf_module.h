/* pdf_module: the PDF half of rapporteur, a shared module loaded on first use.
 *
 * Only PDF output needs cairo, pango, fontconfig, HarfBuzz and FreeType: with
 * what they pull in, some thirty shared libraries whose loading and symbol
 * lookups cost a process about 7 ms. So they live in rapporteur-pdf.so
 * (report_pdf and the modules under it), and the program proper, which checks
 * records and writes HTML, loads it only when a PDF is asked for.
 *
 * The program defines the functions of report_pdf.h as calls through the
 * table below (pdf_module.c); the module defines them for real and exports
 * only the table. The module calls back into the program's own modules (diag,
 * transform, record, outfile), which the program exports (-rdynamic). Unit
 * tests link report_pdf and its modules directly, without this layer.
 */
#ifndef RP_PDF_MODULE_H
#define RP_PDF_MODULE_H

#include "report_pdf.h"

/* The module's file name, looked for beside the program (build/) and in
 * PREFIX/lib/rapporteur when installed. */
#define PDF_MODULE_FILE "rapporteur-pdf.so"
/* The one symbol the module exports. */
#define PDF_MODULE_SYMBOL "rapporteur_pdf_module"

/* What both sides are built from: a digest of the headers (Makefile). */
#ifndef RP_MODULE_ABI
#define RP_MODULE_ABI "unversioned"
#endif

typedef struct {
    const char *version; /* RP_VERSION of the build: a stale module is refused */
    const char *abi;     /* RP_MODULE_ABI: so is one built from other headers */
    report_pdf *(*new_pdf)(const char *data_dir, transformer *t, diag *d);
    void (*free_pdf)(report_pdf *p);
    bool (*render)(report_pdf *p, const record *rec, const char *lang, const char *paper,
                   const char *path, diag *d);
    xmlDoc *(*layout)(report_pdf *p, const record *rec, const char *lang, const char *paper,
                      diag *d);
    bool (*render_layout)(report_pdf *p, xmlDoc *layout, const char *source, const char *path,
                          diag *d);
    bool (*use_processes)(report_pdf *p, const char *program, unsigned n, diag *d);
    int (*worker_main)(const char *data_dir, diag *d);
    const char *(*fonts_digest)(const report_pdf *p);
    char *(*versions)(void);
} pdf_module;

/* Defined by the module (report_pdf.c), the only symbol it exports. */
const pdf_module *rapporteur_pdf_module(void);

/* The program's side: the module, loaded once (thread-safe), or NULL with
 * an error in d saying which file could not be loaded and why. */
const pdf_module *pdf_module_get(diag *d);

#endif
