/* dump_layout: writes the layout document of each record (the layout stylesheet's output,
 * which fuzz_layout reads), for seeding the layout fuzzer with what the stylesheet really
 * produces. Usage: RAPPORTEUR_DATA_DIR=. dump_layout OUTDIR RECORD.xml...
 * Writes OUTDIR/<record's base name>.<lang>.xml for each language of each valid record. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <libxml/parser.h>

#include "diag.h"
#include "grammar.h"
#include "record.h"
#include "render.h"
#include "transform.h"
#include "validate.h"

int main(int argc, char **argv)
{
    const char *data_dir = getenv("RAPPORTEUR_DATA_DIR");
    if (data_dir == NULL || argc < 3) {
        fprintf(stderr, "usage: RAPPORTEUR_DATA_DIR=DIR dump_layout OUTDIR RECORD.xml...\n");
        return 2;
    }
    xmlInitParser();
    grammar_init();
    char *styles = g_build_filename(data_dir, "styles", NULL);
    transform_init(styles, NULL);
    g_free(styles);
    diag *d = diag_new();
    renderer *r = renderer_new(data_dir, 0, d);
    if (r == NULL || !renderer_load_catalogs(r, d)) {
        diag_print(d, stderr);
        renderer_free(r);
        diag_free(d);
        return 2;
    }
    int written = 0;
    for (int i = 2; i < argc; i++) {
        record *rec = record_load(argv[i], d);
        if (rec == NULL || !validate_record(renderer_validator(r), rec, d)) {
            record_free(rec);
            diag_clear(d);
            continue;
        }
        char **langs = render_record_languages(rec);
        for (char **l = langs; *l != NULL; l++) {
            const char *params[] = {"paper", "a4", NULL};
            xmlDoc *ldoc = transform_apply(renderer_transformer(r), "layout", "report.xsl",
                                           record_doc(rec), argv[i], *l, params, d);
            if (ldoc == NULL)
                continue;
            char *base = g_path_get_basename(argv[i]);
            char *dot = strrchr(base, '.');
            if (dot != NULL)
                *dot = '\0';
            char *name = g_strdup_printf("%s.%s.xml", base, *l);
            char *path = g_build_filename(argv[1], name, NULL);
            if (xmlSaveFile(path, ldoc) >= 0)
                written++;
            g_free(path);
            g_free(name);
            g_free(base);
            xmlFreeDoc(ldoc);
        }
        g_strfreev(langs);
        record_free(rec);
        diag_clear(d);
    }
    renderer_free(r);
    diag_free(d);
    transform_cleanup();
    xmlCleanupParser();
    printf("%d layout documents in %s\n", written, argv[1]);
    /* None at all means the stylesheet no longer runs here: say so. */
    return written > 0 ? 0 : 1;
}
