/* corpus: corpus-wide checks and the archive site. */
#include "corpus.h"

#include <stdio.h>
#include <string.h>

#include "translations.h"

/* The *.xml files of dir, sorted, as full paths. g_strfreev() it. */
static char **list_records(const char *dir, diag *d)
{
    GError *err = NULL;
    GDir *gd = g_dir_open(dir, 0, &err);
    if (gd == NULL) {
        diag_add(d, DIAG_ERROR, dir, 0, 0, NULL, "cannot read the directory: %s", err->message);
        g_error_free(err);
        return NULL;
    }
    GPtrArray *files = g_ptr_array_new();
    const char *name;
    while ((name = g_dir_read_name(gd)) != NULL) {
        if (g_str_has_suffix(name, ".xml") && name[0] != '.')
            g_ptr_array_add(files, g_build_filename(dir, name, NULL));
    }
    g_dir_close(gd);
    g_ptr_array_sort(files, (GCompareFunc)g_strcmp0);
    g_ptr_array_add(files, NULL);
    return (char **)g_ptr_array_free(files, FALSE);
}

bool corpus_check_dir(renderer *r, const char *dir, bool translations, diag *d)
{
    char **files = list_records(dir, d);
    if (files == NULL)
        return false;
    bool ok = true;
    for (char **f = files; *f != NULL; f++) {
        record *rec = record_load(*f, d);
        if (rec == NULL) {
            ok = false;
            continue;
        }
        ok = validate_record(renderer_validator(r), rec, d) && ok;
        if (translations) {
            char *report = translations_report(rec, renderer_catalogs(r));
            fputs(report, stdout);
            g_free(report);
        }
        record_free(rec);
    }
    g_strfreev(files);
    return ok;
}

bool corpus_parse_shard(const char *spec, int *index, int *count)
{
    int k = 0, n = 0;
    char extra;
    if (sscanf(spec, "%d/%d%c", &k, &n, &extra) != 2 || n < 1 || k < 1 || k > n)
        return false;
    *index = k;
    *count = n;
    return true;
}

corpus_result corpus_build(renderer *r, const char *dir, const corpus_options *o, diag *d)
{
    (void)r; (void)dir; (void)o;
    diag_add(d, DIAG_ERROR, NULL, 0, 0, NULL, "archive is not available in this build");
    return CORPUS_ENVIRONMENT;
}

corpus_result corpus_verify(const char *site, diag *d)
{
    (void)site;
    diag_add(d, DIAG_ERROR, NULL, 0, 0, NULL, "verify is not available in this build");
    return CORPUS_ENVIRONMENT;
}
