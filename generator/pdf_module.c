/* pdf_module: loads rapporteur-pdf.so on first use and forwards the
 * functions of report_pdf.h to it (see pdf_module.h for why). */
#include "pdf_module.h"

#include <string.h>

#include <gmodule.h>

#ifndef RP_VERSION
#define RP_VERSION "0.0"
#endif
#ifndef RP_LIBDIR
#define RP_LIBDIR "/usr/local/lib/rapporteur"
#endif

static const pdf_module *loaded;
static char *load_error; /* why loading failed, kept for every later caller */

/* Where the module may be: beside the program (build/rapporteur in the source
 * tree), in ../lib/rapporteur (an installed tree, wherever it was moved), then
 * where `make install` put it. */
static GPtrArray *candidates(void)
{
    GPtrArray *paths = g_ptr_array_new_with_free_func(g_free);
    char *exe = g_file_read_link("/proc/self/exe", NULL);
    if (exe != NULL) {
        char *bin = g_path_get_dirname(exe);
        g_ptr_array_add(paths, g_build_filename(bin, PDF_MODULE_FILE, NULL));
        g_ptr_array_add(paths, g_build_filename(bin, "..", "lib", "rapporteur", PDF_MODULE_FILE,
                                                NULL));
        g_free(bin);
        g_free(exe);
    }
    g_ptr_array_add(paths, g_build_filename(RP_LIBDIR, PDF_MODULE_FILE, NULL));
    return paths;
}

/* Opens the first candidate that exists; a candidate that exists but does
 * not load is an error, not a reason to try an older copy elsewhere. */
static const pdf_module *load(char **error)
{
    GPtrArray *paths = candidates();
    const pdf_module *m = NULL;
    const char *path = NULL;
    for (guint i = 0; i < paths->len && path == NULL; i++) {
        if (g_file_test(paths->pdata[i], G_FILE_TEST_IS_REGULAR))
            path = paths->pdata[i];
    }
    if (path == NULL) {
        *error = g_strdup_printf("cannot find the PDF typesetter %s beside the program or in "
                                 "%s; build it with make, or reinstall (make install)",
                                 PDF_MODULE_FILE, RP_LIBDIR);
        g_ptr_array_unref(paths);
        return NULL;
    }
    GModule *module = g_module_open(path, G_MODULE_BIND_LOCAL);
    gpointer entry = NULL;
    if (module == NULL) {
        *error = g_strdup_printf("cannot load the PDF typesetter: %s", g_module_error());
    } else if (!g_module_symbol(module, PDF_MODULE_SYMBOL, &entry) || entry == NULL) {
        *error = g_strdup_printf("%s is not rapporteur's PDF typesetter (no %s)", path,
                                 PDF_MODULE_SYMBOL);
    } else {
        m = ((const pdf_module *(*)(void))entry)();
        if (m == NULL || strcmp(m->version, RP_VERSION) != 0 ||
            strcmp(m->abi, RP_MODULE_ABI) != 0) {
            *error = g_strdup_printf("%s was built for rapporteur %s (sources %s), this program "
                                     "is %s (sources %s); rebuild or reinstall both",
                                     path, m != NULL ? m->version : "?",
                                     m != NULL ? m->abi : "?", RP_VERSION, RP_MODULE_ABI);
            m = NULL;
        }
    }
    /* Never unloaded, even when refused: the libraries it brought in
     * (GObject types of pango among them) cannot be unloaded safely, and
     * what they allocated when loaded would then look like leaks. */
    if (module != NULL)
        g_module_make_resident(module);
    g_ptr_array_unref(paths);
    return m;
}

const pdf_module *pdf_module_get(diag *d)
{
    static gsize once;
    if (g_once_init_enter(&once)) {
        loaded = load(&load_error);
        g_once_init_leave(&once, 1);
    }
    if (loaded == NULL && d != NULL)
        diag_add(d, DIAG_ERROR, NULL, 0, 0, NULL, "%s", load_error);
    return loaded;
}

/* ------------------------------------------------------------------ */
/* report_pdf.h, forwarded                                             */
/* ------------------------------------------------------------------ */

report_pdf *report_pdf_new(const char *data_dir, transformer *t, diag *d)
{
    const pdf_module *m = pdf_module_get(d);
    return m != NULL ? m->new_pdf(data_dir, t, d) : NULL;
}

/* The calls below take a report_pdf, which only a loaded module makes. */
void report_pdf_free(report_pdf *p)
{
    if (p != NULL)
        loaded->free_pdf(p);
}

bool report_pdf_render(report_pdf *p, const record *rec, const char *lang, const char *paper,
                       const char *path, diag *d)
{
    return loaded->render(p, rec, lang, paper, path, d);
}

xmlDoc *report_pdf_layout(report_pdf *p, const record *rec, const char *lang, const char *paper,
                          diag *d)
{
    return loaded->layout(p, rec, lang, paper, d);
}

bool report_pdf_render_layout(report_pdf *p, xmlDoc *layout, const char *source,
                              const char *path, diag *d)
{
    return loaded->render_layout(p, layout, source, path, d);
}

bool report_pdf_use_processes(report_pdf *p, const char *program, unsigned n, diag *d)
{
    return loaded->use_processes(p, program, n, d);
}

const char *report_pdf_fonts_digest(const report_pdf *p)
{
    return loaded->fonts_digest(p);
}

int report_pdf_worker_main(const char *data_dir, diag *d)
{
    const pdf_module *m = pdf_module_get(d);
    return m != NULL ? m->worker_main(data_dir, d) : 2;
}

char *report_pdf_versions(void)
{
    const pdf_module *m = pdf_module_get(NULL);
    if (m == NULL)
        return g_strdup_printf("PDF typesetter not loaded: %s", load_error);
    return m->versions();
}
