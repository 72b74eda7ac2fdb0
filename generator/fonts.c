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

fonts *fonts_new(const char *fonts_dir, diag *d)
{
    char *conf_path = g_build_filename(fonts_dir, "fonts.conf", NULL);
    char *template = NULL;
    char *list = NULL;
    fonts *f = NULL;
    FcConfig *config = NULL;
    if (!g_file_get_contents(conf_path, &template, NULL, NULL)) {
        diag_add(d, DIAG_ERROR, NULL, 0, 0, NULL, "cannot read %s", conf_path);
        goto out;
    }
    char *user_cache = g_build_filename(g_get_user_cache_dir(), "rapporteur", "fontconfig", NULL);
    char *escaped_dir = g_markup_escape_text(fonts_dir, -1);
    char *escaped_cache = g_markup_escape_text(user_cache, -1);
    GString *conf = g_string_new(template);
    g_string_replace(conf, "@FONTS_DIR@", escaped_dir, 0);
    g_string_replace(conf, "@USER_CACHE_DIR@", escaped_cache, 0);
    g_free(escaped_dir);
    g_free(escaped_cache);
    g_free(user_cache);

    config = FcConfigCreate();
    bool parsed = FcConfigParseAndLoadFromMemory(config, (const FcChar8 *)conf->str, FcTrue);
    g_string_free(conf, TRUE);
    if (!parsed || !FcConfigBuildFonts(config)) {
        diag_add(d, DIAG_ERROR, NULL, 0, 0, NULL, "cannot load the font configuration %s",
                 conf_path);
        goto out;
    }
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
    char *list_path = g_build_filename(fonts_dir, "fonts.list", NULL);
    gsize len = 0;
    if (g_file_get_contents(list_path, &list, &len, NULL))
        f->digest = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)list, len);
    else
        f->digest = g_strdup("none");
    g_free(list_path);
out:
    if (config != NULL)
        FcConfigDestroy(config);
    g_free(list);
    g_free(template);
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
