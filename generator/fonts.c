/* fonts: fontconfig limited to fonts/, and pango font maps over it. */
#include "fonts.h"

#include <stdlib.h>
#include <string.h>

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

struct fonts {
    FcConfig *config;
    char *digest;
    bool from_patterns; /* read from fonts.patterns rather than scanned */
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

/* The files fonts.list names, in order; a name that is not a plain file
 * name of fonts/ itself (FcConfigAppFontAddFile() would scan a whole
 * directory) is an error. */
static char **listed_files(const char *list, const char *list_path, diag *d)
{
    GPtrArray *files = g_ptr_array_new();
    char **lines = g_strsplit(list, "\n", -1);
    bool ok = true;
    for (size_t i = 0; ok && lines[i] != NULL; i++) {
        if (lines[i][0] == '#' || lines[i][0] == '\0')
            continue;
        char *file = g_strndup(lines[i], strcspn(lines[i], "\t"));
        if (*file == '\0' || *file == '.' || strchr(file, '/') != NULL) {
            diag_add(d, DIAG_ERROR, NULL, 0, 0, NULL, "%s: \"%s\" is not a font file name",
                     list_path, file);
            ok = false;
        }
        g_ptr_array_add(files, file);
    }
    g_strfreev(lines);
    g_ptr_array_add(files, NULL);
    char **v = (char **)g_ptr_array_free(files, FALSE);
    if (!ok) {
        g_strfreev(v);
        return NULL;
    }
    return v;
}

/* Scans files[from..] into the configuration: fontconfig reads each file's
 * names and character coverage. Only the listed files, so a stray file in
 * fonts/ never changes a PDF; and no fontconfig cache, which would be
 * rewritten into fonts/ whenever SOURCE_DATE_EPOCH changes (fontconfig
 * clamps the cache's directory time to it). */
static bool scan_files(FcConfig *config, const char *fonts_dir, char **files, size_t from,
                       const char *list_path, diag *d)
{
    for (size_t i = from; files[i] != NULL; i++) {
        char *path = g_build_filename(fonts_dir, files[i], NULL);
        bool ok = g_file_test(path, G_FILE_TEST_IS_REGULAR) &&
                  FcConfigAppFontAddFile(config, (const FcChar8 *)path);
        if (!ok)
            diag_add(d, DIAG_ERROR, NULL, 0, 0, NULL,
                     "cannot load the font %s listed in %s; run `make fonts` (fonts/README.md)",
                     path, list_path);
        g_free(path);
        if (!ok)
            return false;
    }
    return true;
}

/* ------------------------------------------------------------------ */
/* fonts.patterns: the scan's result, kept by `make fonts`             */
/* ------------------------------------------------------------------ */

/* Scanning costs a PDF process 6 to 11 ms (the CJK faces' coverage most);
 * parsing the same patterns back from text costs 2. The file's first line
 * ties it to fonts.list's digest and fontconfig's version, and holds the
 * SHA-256 of the lines after it; any mismatch, and any doubt, means
 * scanning as before. */
static char *patterns_header(const char *list_digest, const char *body, size_t len)
{
    char *sum = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)body, len);
    char *h = g_strdup_printf("# rapporteur font patterns\tfonts.list %s\tfontconfig %d"
                              "\tsha256 %s",
                              list_digest, FcGetVersion(), sum);
    g_free(sum);
    return h;
}

/* A parsed pattern fit to stand for a scan: the elements font matching and
 * coverage rest on are there. */
static bool complete_pattern(FcPattern *pat)
{
    static const char *const needed[] = {FC_FAMILY, FC_STYLE, FC_WEIGHT, FC_SLANT,
                                         FC_INDEX,  FC_CHARSET, FC_LANG, NULL};
    for (const char *const *e = needed; *e != NULL; e++) {
        FcValue v;
        if (FcPatternGet(pat, *e, 0, &v) != FcResultMatch)
            return false;
    }
    return true;
}

/* The patterns of fonts_dir/FONTS_PATTERNS_FILE in file order, each with
 * its full path, or NULL if the file is missing, stale or malformed, or
 * does not name the listed files in their order. */
static GPtrArray *read_patterns(const char *fonts_dir, char **files, const char *list_digest)
{
    char *path = g_build_filename(fonts_dir, FONTS_PATTERNS_FILE, NULL);
    char *text = NULL;
    gsize len = 0;
    bool ok = g_file_get_contents(path, &text, &len, NULL);
    g_free(path);
    if (!ok)
        return NULL;
    char *body = memchr(text, '\n', len);
    if (body == NULL) {
        g_free(text);
        return NULL;
    }
    *body++ = '\0';
    char *header = patterns_header(list_digest, body, len - (size_t)(body - text));
    ok = strcmp(text, header) == 0;
    g_free(header);
    GPtrArray *pats = g_ptr_array_new_with_free_func((GDestroyNotify)FcPatternDestroy);
    char **lines = g_strsplit(body, "\n", -1);
    g_free(text);
    size_t next = 0; /* the index in files of the next file expected */
    for (size_t i = 0; ok && lines[i] != NULL; i++) {
        if (lines[i][0] == '\0')
            continue;
        char *tab = strchr(lines[i], '\t');
        if (tab == NULL) {
            ok = false;
            break;
        }
        *tab = '\0';
        /* Faces of one file are consecutive; a new name must be the next file. */
        if (next == 0 || strcmp(lines[i], files[next - 1]) != 0) {
            ok = files[next] != NULL && strcmp(lines[i], files[next]) == 0;
            next++;
        }
        FcPattern *pat = ok ? FcNameParse((const FcChar8 *)tab + 1) : NULL;
        if (pat == NULL || !complete_pattern(pat)) {
            if (pat != NULL)
                FcPatternDestroy(pat);
            ok = false;
            break;
        }
        char *full = g_build_filename(fonts_dir, lines[i], NULL);
        FcPatternDel(pat, FC_FILE);
        FcPatternAddString(pat, FC_FILE, (const FcChar8 *)full);
        g_free(full);
        g_ptr_array_add(pats, pat);
    }
    g_strfreev(lines);
    if (!ok || files[next] != NULL || pats->len == 0) {
        g_ptr_array_unref(pats);
        return NULL;
    }
    return pats;
}

/* Adds the listed fonts from the patterns file when it is good. The first
 * file is scanned all the same: fontconfig has no public call that makes
 * its set of application fonts otherwise, and the scan's patterns must
 * equal the file's, a check that this fontconfig reads what was written. */
static bool add_cached(FcConfig *config, const char *fonts_dir, char **files,
                       const char *list_digest, const char *list_path, diag *d, bool *used)
{
    *used = false;
    GPtrArray *pats = read_patterns(fonts_dir, files, list_digest);
    if (!scan_files(config, fonts_dir, (char *[]){files[0], NULL}, 0, list_path, d)) {
        if (pats != NULL)
            g_ptr_array_unref(pats);
        return false;
    }
    if (pats == NULL)
        return true;
    FcFontSet *set = FcConfigGetFonts(config, FcSetApplication);
    int scanned = set != NULL ? set->nfont : 0;
    bool same = scanned > 0 && (guint)scanned <= pats->len;
    for (int i = 0; same && i < scanned; i++)
        same = FcPatternEqual(set->fonts[i], pats->pdata[i]);
    /* ... and the file has no more faces of the first font than the scan. */
    FcChar8 *first = NULL, *after = NULL;
    if (same && (guint)scanned < pats->len &&
        FcPatternGetString(set->fonts[0], FC_FILE, 0, &first) == FcResultMatch &&
        FcPatternGetString(pats->pdata[scanned], FC_FILE, 0, &after) == FcResultMatch)
        same = strcmp((const char *)first, (const char *)after) != 0;
    bool ok = true;
    for (guint i = (guint)scanned; same && ok && i < pats->len; i++) {
        /* The set takes the reference. */
        ok = FcFontSetAdd(set, FcPatternDuplicate(pats->pdata[i]));
    }
    g_ptr_array_unref(pats);
    if (!ok)
        diag_add(d, DIAG_ERROR, NULL, 0, 0, NULL, "out of memory while adding the fonts");
    *used = same && ok;
    return ok;
}


static fonts *open_fonts(const char *fonts_dir, bool use_patterns, diag *d)
{
    char *conf_path = g_build_filename(fonts_dir, "fonts.conf", NULL);
    char *list_path = g_build_filename(fonts_dir, "fonts.list", NULL);
    char *conf = NULL;
    char *list = NULL;
    gsize list_len = 0;
    char **files = NULL;
    char *digest = NULL;
    bool used = false;
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
    files = listed_files(list, list_path, d);
    if (files == NULL)
        goto out;
    /* fonts.list pins every file's SHA-256: hashing it stands for hashing
     * the 40 MB of fonts. */
    digest = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)list, list_len);
    config = FcConfigCreate();
    if (!FcConfigParseAndLoadFromMemory(config, (const FcChar8 *)conf, FcTrue) ||
        !FcConfigBuildFonts(config)) {
        diag_add(d, DIAG_ERROR, NULL, 0, 0, NULL, "cannot load the font configuration %s",
                 conf_path);
        goto out;
    }
    if (files[0] == NULL) {
        diag_add(d, DIAG_ERROR, NULL, 0, 0, NULL, "%s names no fonts", list_path);
        goto out;
    }
    if (use_patterns && !add_cached(config, fonts_dir, files, digest, list_path, d, &used))
        goto out;
    if (!used && !scan_files(config, fonts_dir, files, use_patterns ? 1 : 0, list_path, d))
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
    f->digest = digest;
    f->from_patterns = used;
    config = NULL;
    digest = NULL;
out:
    if (config != NULL)
        FcConfigDestroy(config);
    g_free(digest);
    g_strfreev(files);
    g_free(list);
    g_free(conf);
    g_free(list_path);
    g_free(conf_path);
    return f;
}

fonts *fonts_new(const char *fonts_dir, diag *d)
{
    return open_fonts(fonts_dir, true, d);
}

bool fonts_from_patterns(const fonts *f)
{
    return f->from_patterns;
}

bool fonts_write_patterns(const char *fonts_dir, diag *d)
{
    fonts *f = open_fonts(fonts_dir, false, d);
    if (f == NULL)
        return false;
    GString *out = g_string_new(NULL);
    FcFontSet *set = FcConfigGetFonts(f->config, FcSetApplication);
    for (int i = 0; set != NULL && i < set->nfont; i++) {
        FcChar8 *file = NULL;
        FcPatternGetString(set->fonts[i], FC_FILE, 0, &file);
        /* The file's name only: fonts/ may be moved or installed. */
        FcPattern *pat = FcPatternDuplicate(set->fonts[i]);
        FcPatternDel(pat, FC_FILE);
        FcChar8 *text = FcNameUnparse(pat);
        char *base = g_path_get_basename((const char *)file);
        g_string_append_printf(out, "%s\t%s\n", base, (const char *)text);
        g_free(base);
        free(text);
        FcPatternDestroy(pat);
    }
    char *header = patterns_header(f->digest, out->str, out->len);
    g_string_prepend_c(out, '\n');
    g_string_prepend(out, header);
    g_free(header);
    char *path = g_build_filename(fonts_dir, FONTS_PATTERNS_FILE, NULL);
    GError *err = NULL;
    bool ok = g_file_set_contents(path, out->str, (gssize)out->len, &err);
    if (!ok) {
        diag_add(d, DIAG_ERROR, NULL, 0, 0, NULL, "cannot write %s: %s", path, err->message);
        g_error_free(err);
    }
    g_free(path);
    g_string_free(out, TRUE);
    fonts_free(f);
    return ok;
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
