/* fonts: fontconfig limited to fonts/, and pango font maps over it. */
#include "fonts.h"

#include <string.h>

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

struct fonts {
    FcConfig *config;
    char *digest;
};

/* The families the stylesheets name; if one is missing the fonts were not
 * installed into fonts/ (make fonts). */
static const char *const required_families[] = {"Noto Serif", "Noto Sans", "Noto Naskh Arabic",
                                                "Noto Sans CJK SC", NULL};

static bool has_family(FcConfig *config, const char *family)
{
    FcPattern *pat = FcPatternCreate();
    FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family);
    FcObjectSet *os = FcObjectSetBuild(FC_FAMILY, NULL);
    FcFontSet *set = FcFontList(config, pat, os);
    bool found = set != NULL && set->nfont > 0;
    FcFontSetDestroy(set);
    FcObjectSetDestroy(os);
    FcPatternDestroy(pat);
    return found;
}

/* Adds the files fonts.list names, and only those: a stray file in fonts/
 * never changes a PDF. Files are scanned, not cached: fontconfig's cache
 * would be rewritten into fonts/ whenever SOURCE_DATE_EPOCH changes (it
 * clamps the cache's directory time to it), and scanning these twenty
 * files costs no measurable time. */
static bool add_listed_fonts(FcConfig *config, const char *fonts_dir, const char *list,
                             const char *list_path, diag *d)
{
    char **lines = g_strsplit(list, "\n", -1);
    bool ok = true;
    for (size_t i = 0; ok && lines[i] != NULL; i++) {
        if (lines[i][0] == '#' || lines[i][0] == '\0')
            continue;
        char *file = g_strndup(lines[i], strcspn(lines[i], "\t"));
        char *path = g_build_filename(fonts_dir, file, NULL);
        /* A file of fonts/ itself: FcConfigAppFontAddFile() would scan a
         * directory whole. */
        if (*file == '\0' || *file == '.' || strchr(file, '/') != NULL ||
            !g_file_test(path, G_FILE_TEST_IS_REGULAR) ||
            !FcConfigAppFontAddFile(config, (const FcChar8 *)path)) {
            diag_add(d, DIAG_ERROR, NULL, 0, 0, NULL,
                     "cannot load the font %s listed in %s; run `make fonts` (fonts/README.md)",
                     path, list_path);
            ok = false;
        }
        g_free(path);
        g_free(file);
    }
    g_strfreev(lines);
    return ok;
}

fonts *fonts_new(const char *fonts_dir, diag *d)
{
    char *conf_path = g_build_filename(fonts_dir, "fonts.conf", NULL);
    char *list_path = g_build_filename(fonts_dir, "fonts.list", NULL);
    char *conf = NULL;
    char *list = NULL;
    gsize list_len = 0;
    fonts *f = NULL;
    FcConfig *config = NULL;
    if (!g_file_get_contents(conf_path, &conf, NULL, NULL)) {
        diag_add(d, DIAG_ERROR, NULL, 0, 0, NULL, "cannot read %s", conf_path);
        goto out;
    }
    if (!g_file_get_contents(list_path, &list, &list_len, NULL)) {
        diag_add(d, DIAG_ERROR, NULL, 0, 0, NULL, "cannot read %s", list_path);
        goto out;
    }
    config = FcConfigCreate();
    if (!FcConfigParseAndLoadFromMemory(config, (const FcChar8 *)conf, FcTrue) ||
        !FcConfigBuildFonts(config)) {
        diag_add(d, DIAG_ERROR, NULL, 0, 0, NULL, "cannot load the font configuration %s",
                 conf_path);
        goto out;
    }
    if (!add_listed_fonts(config, fonts_dir, list, list_path, d))
        goto out;
    for (const char *const *fam = required_families; *fam != NULL; fam++) {
        if (!has_family(config, *fam)) {
            diag_add(d, DIAG_ERROR, NULL, 0, 0, NULL,
                     "the font \"%s\" is not in %s; run `make fonts` (fonts/README.md)", *fam,
                     fonts_dir);
            goto out;
        }
    }
    /* Make it the process's configuration too: pango starts FcInit() in a
     * thread of its own, which would otherwise load the host's whole font
     * configuration (for nothing, and on the CPU the renderers need). */
    FcConfigSetCurrent(config);
    f = g_new0(fonts, 1);
    f->config = config;
    config = NULL;
    /* fonts.list pins every file's SHA-256: hashing it stands for hashing
     * the 40 MB of fonts. */
    f->digest = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)list, list_len);
out:
    if (config != NULL)
        FcConfigDestroy(config);
    g_free(list);
    g_free(conf);
    g_free(list_path);
    g_free(conf_path);
    return f;
}

void fonts_free(fonts *f)
{
    if (f == NULL)
        return;
    FcConfigDestroy(f->config);
    g_free(f->digest);
    g_free(f);
}

PangoFontMap *fonts_font_map(const fonts *f)
{
    PangoFontMap *map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), f->config);
    return map;
}

const char *fonts_digest(const fonts *f)
{
    return f->digest;
}

PangoContext *fonts_pdf_context(PangoFontMap *map, bool rtl)
{
    PangoContext *ctx = pango_font_map_create_context(map);
    pango_cairo_context_set_resolution(ctx, 72);
    cairo_font_options_t *opts = cairo_font_options_create();
    cairo_font_options_set_hint_style(opts, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(opts, CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options(ctx, opts);
    cairo_font_options_destroy(opts);
    pango_context_set_round_glyph_positions(ctx, FALSE);
    pango_context_set_base_dir(ctx, rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
    return ctx;
}
