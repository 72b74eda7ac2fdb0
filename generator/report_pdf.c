/* report_pdf: the PDF pipeline's driver (not built yet). */
#include "report_pdf.h"

struct report_pdf {
    int unused;
};

report_pdf *report_pdf_new(const char *data_dir, transformer *t, diag *d)
{
    (void)data_dir;
    (void)t;
    diag_add(d, DIAG_ERROR, NULL, 0, 0, NULL, "PDF output is not available in this build");
    return NULL;
}

void report_pdf_free(report_pdf *p)
{
    g_free(p);
}

bool report_pdf_render(report_pdf *p, const record *rec, const char *lang, const char *paper,
                       const char *path, diag *d)
{
    (void)p; (void)rec; (void)lang; (void)paper; (void)path; (void)d;
    return false;
}

char *report_pdf_versions(void)
{
    return NULL;
}
