/* support: helpers shared by the unit tests. */
#include "support.h"

#include <stdlib.h>

#include <criterion/criterion.h>
#include <glib/gstdio.h>

#include "diag.h"
#include "grammar.h"
#include "outfile.h"
#include "transform.h"

void support_remove_tree(const char *path)
{
    GDir *gd = g_dir_open(path, 0, NULL);
    if (gd != NULL) {
        const char *name;
        while ((name = g_dir_read_name(gd)) != NULL) {
            char *child = g_build_filename(path, name, NULL);
            if (g_file_test(child, G_FILE_TEST_IS_DIR) &&
                !g_file_test(child, G_FILE_TEST_IS_SYMLINK)) {
                /* A test may have made it read-only. */
                g_chmod(child, 0755);
                support_remove_tree(child);
            } else {
                g_unlink(child);
            }
            g_free(child);
        }
        g_dir_close(gd);
    }
    g_rmdir(path);
}

void support_fonts_open(support_fonts *f)
{
    const char *data = getenv("RAPPORTEUR_DATA_DIR");
    cr_assert_not_null(data, "RAPPORTEUR_DATA_DIR is not set");
    char *dir = g_build_filename(data, "fonts", NULL);
    diag *d = diag_new();
    f->fonts = fonts_new(dir, d);
    cr_assert_not_null(f->fonts, "cannot load %s", dir);
    diag_free(d);
    g_free(dir);
    f->map = fonts_font_map(f->fonts);
    f->ltr = fonts_pdf_context(f->map, false);
    f->rtl = fonts_pdf_context(f->map, true);
}

void support_fonts_close(support_fonts *f)
{
    if (f->rtl != NULL)
        g_object_unref(f->rtl);
    if (f->ltr != NULL)
        g_object_unref(f->ltr);
    if (f->map != NULL)
        g_object_unref(f->map);
    fonts_free(f->fonts);
    *f = (support_fonts){0};
}

renderer *support_renderer_open(unsigned formats, char **data_dir)
{
    const char *env = getenv("RAPPORTEUR_DATA_DIR");
    cr_assert_not_null(env, "RAPPORTEUR_DATA_DIR is not set");
    *data_dir = g_strdup(env);
    grammar_init();
    outfile_init();
    char *styles = g_build_filename(env, "styles", NULL);
    transform_init(styles, NULL);
    g_free(styles);
    diag *d = diag_new();
    renderer *r = renderer_new(env, formats, d);
    cr_assert_not_null(r, "no renderer");
    cr_assert(renderer_prepare(r, formats, d));
    diag_free(d);
    return r;
}

void support_renderer_close(renderer *r)
{
    renderer_free(r);
    transform_cleanup();
}
