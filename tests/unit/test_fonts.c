/* Unit tests of fonts (generator/fonts.h): the private fontconfig
 * configuration holds exactly the files fonts/fonts.list names. */
#include <criterion/criterion.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <fontconfig/fontconfig.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include "fonts.h"
#include "support.h"

/* A font the host has but fonts/ does not: the host's fonts must stay
 * invisible. */
#define HOST_FONT "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
#define HOST_FAMILY "DejaVu Sans"

static char *fonts_dir; /* the project's fonts/ */
static char *tmp;       /* a scratch copy of it, or NULL */

static void setup(void)
{
    const char *data = getenv("RAPPORTEUR_DATA_DIR");
    cr_assert_not_null(data, "RAPPORTEUR_DATA_DIR is not set");
    fonts_dir = g_build_filename(data, "fonts", NULL);
}

static void teardown(void)
{
    if (tmp != NULL)
        support_remove_tree(tmp);
    g_free(tmp);
    tmp = NULL;
    g_free(fonts_dir);
    fonts_dir = NULL;
}

TestSuite(fonts, .init = setup, .fini = teardown);

static char *read_file(const char *path)
{
    char *s = NULL;
    cr_assert(g_file_get_contents(path, &s, NULL, NULL), "cannot read %s", path);
    return s;
}

static void write_file(const char *dir, const char *name, const char *content)
{
    char *path = g_build_filename(dir, name, NULL);
    cr_assert(g_file_set_contents(path, content, -1, NULL), "cannot write %s", path);
    g_free(path);
}

static void link_into(const char *dir, const char *name, const char *target)
{
    char *path = g_build_filename(dir, name, NULL);
    cr_assert_eq(symlink(target, path), 0, "cannot link %s", path);
    g_free(path);
}

/* The file names fonts.list names (the first field of its lines), in
 * order, NULL-terminated. */
static char **listed_files(const char *list)
{
    GPtrArray *names = g_ptr_array_new();
    char **lines = g_strsplit(list, "\n", -1);
    for (char **l = lines; *l != NULL; l++) {
        if (**l == '#' || **l == '\0')
            continue;
        g_ptr_array_add(names, g_strndup(*l, strcspn(*l, "\t")));
    }
    g_strfreev(lines);
    g_ptr_array_add(names, NULL);
    return (char **)g_ptr_array_free(names, FALSE);
}

/* A scratch fonts directory: fonts.conf copied, `list` as fonts.list (not
 * written if NULL), and a symlink to every font file of fonts/. */
static void make_copy(const char *list)
{
    tmp = g_dir_make_tmp("rp-fonts-XXXXXX", NULL);
    cr_assert_not_null(tmp);
    char *conf_path = g_build_filename(fonts_dir, "fonts.conf", NULL);
    char *conf = read_file(conf_path);
    write_file(tmp, "fonts.conf", conf);
    g_free(conf);
    g_free(conf_path);
    if (list != NULL)
        write_file(tmp, "fonts.list", list);
    GDir *gd = g_dir_open(fonts_dir, 0, NULL);
    cr_assert_not_null(gd);
    const char *name;
    while ((name = g_dir_read_name(gd)) != NULL) {
        if (!g_str_has_suffix(name, ".ttf") && !g_str_has_suffix(name, ".otf"))
            continue;
        char *target = g_build_filename(fonts_dir, name, NULL);
        link_into(tmp, name, target);
        g_free(target);
    }
    g_dir_close(gd);
}

static char *project_list(void)
{
    char *path = g_build_filename(fonts_dir, "fonts.list", NULL);
    char *list = read_file(path);
    g_free(path);
    return list;
}

/* fonts.list without the lines whose file name contains `drop`. */
static char *list_without(const char *drop)
{
    char *list = project_list();
    char **lines = g_strsplit(list, "\n", -1);
    GString *out = g_string_new(NULL);
    for (char **l = lines; *l != NULL; l++) {
        if (**l != '#' && strstr(*l, drop) != NULL)
            continue;
        g_string_append_printf(out, "%s\n", *l);
    }
    g_strfreev(lines);
    g_free(list);
    return g_string_free(out, FALSE);
}

/* The configuration behind a font map: what pango will choose from. */
static FcConfig *config_of(PangoFontMap *map)
{
    FcConfig *c = pango_fc_font_map_get_config(PANGO_FC_FONT_MAP(map));
    cr_assert_not_null(c);
    return c;
}

static bool has_pango_family(PangoFontMap *map, const char *family)
{
    PangoFontFamily **fams = NULL;
    int n = 0;
    pango_font_map_list_families(map, &fams, &n);
    bool found = false;
    for (int i = 0; i < n; i++) {
        if (g_ascii_strcasecmp(pango_font_family_get_name(fams[i]), family) == 0)
            found = true;
    }
    g_free(fams);
    return found;
}

static size_t count_fonts(FcConfig *c, FcSetName which)
{
    FcFontSet *set = FcConfigGetFonts(c, which);
    return set != NULL ? (size_t)set->nfont : 0;
}

/* Whether some message of d contains every one of the strings. */
static bool has_error(const diag *d, const char *a, const char *b)
{
    for (size_t i = 0; i < diag_length(d); i++) {
        const diag_entry *e = diag_get(d, i);
        if (e->severity == DIAG_ERROR && strstr(e->message, a) != NULL &&
            (b == NULL || strstr(e->message, b) != NULL))
            return true;
    }
    return false;
}

static void dump(const diag *d)
{
    for (size_t i = 0; i < diag_length(d); i++)
        cr_log_info("%s", diag_get(d, i)->message);
}

/* ------------------------------------------------------------------ */
/* What is loaded                                                      */
/* ------------------------------------------------------------------ */

Test(fonts, the_configuration_holds_exactly_the_listed_files)
{
    diag *d = diag_new();
    fonts *f = fonts_new(fonts_dir, d);
    cr_assert_not_null(f);
    cr_assert_eq(diag_length(d), 0);
    char *list = project_list();
    char **want = listed_files(list);
    PangoFontMap *map = fonts_font_map(f);
    FcConfig *c = config_of(map);
    /* No directory, so no system fonts at all. */
    cr_assert_eq(count_fonts(c, FcSetSystem), 0);
    FcFontSet *set = FcConfigGetFonts(c, FcSetApplication);
    cr_assert_not_null(set);
    cr_assert_eq((size_t)set->nfont, g_strv_length(want), "%d fonts for %u listed files",
                 set->nfont, g_strv_length(want));
    for (int i = 0; i < set->nfont; i++) {
        FcChar8 *file = NULL;
        cr_assert_eq(FcPatternGetString(set->fonts[i], FC_FILE, 0, &file), FcResultMatch);
        char *dir = g_path_get_dirname((const char *)file);
        char *base = g_path_get_basename((const char *)file);
        cr_assert_str_eq(dir, fonts_dir);
        cr_assert(g_strv_contains((const char *const *)want, base), "%s is not listed", base);
        g_free(dir);
        g_free(base);
    }
    g_object_unref(map);
    g_strfreev(want);
    g_free(list);
    fonts_free(f);
    diag_free(d);
}

Test(fonts, the_families_the_stylesheets_name_are_there)
{
    diag *d = diag_new();
    fonts *f = fonts_new(fonts_dir, d);
    cr_assert_not_null(f);
    PangoFontMap *map = fonts_font_map(f);
    static const char *const families[] = {
        "Noto Serif",       "Noto Sans",        "Noto Naskh Arabic", "Noto Sans Arabic",
        "Noto Sans CJK SC", "Noto Sans Hebrew", "Noto Sans Symbols"};
    for (size_t i = 0; i < G_N_ELEMENTS(families); i++)
        cr_assert(has_pango_family(map, families[i]), "no %s", families[i]);
    /* Only the Simplified Chinese face of the CJK collection. */
    cr_assert_not(has_pango_family(map, "Noto Sans CJK JP"));
    g_object_unref(map);
    fonts_free(f);
    diag_free(d);
}

Test(fonts, the_hosts_fonts_are_never_visible)
{
    /* The host does have the font: otherwise this test proves nothing. */
    if (!g_file_test(HOST_FONT, G_FILE_TEST_EXISTS))
        cr_skip_test("no %s on this host", HOST_FONT);

    diag *d = diag_new();
    fonts *f = fonts_new(fonts_dir, d);
    cr_assert_not_null(f);
    PangoFontMap *map = fonts_font_map(f);
    cr_assert_not(has_pango_family(map, HOST_FAMILY));
    /* Asking for it by name gets a font of fonts/ (Noto Serif). */
    PangoContext *ctx = pango_font_map_create_context(map);
    PangoFontDescription *want = pango_font_description_from_string(HOST_FAMILY " 10");
    PangoFont *font = pango_font_map_load_font(map, ctx, want);
    cr_assert_not_null(font);
    PangoFontDescription *got = pango_font_describe(font);
    cr_assert_str_eq(pango_font_description_get_family(got), "Noto Serif");
    pango_font_description_free(got);
    g_object_unref(font);
    pango_font_description_free(want);
    g_object_unref(ctx);
    g_object_unref(map);
    fonts_free(f);
    diag_free(d);
}

Test(fonts, a_stray_font_file_in_the_directory_is_not_loaded)
{
    if (!g_file_test(HOST_FONT, G_FILE_TEST_EXISTS))
        cr_skip_test("no %s on this host", HOST_FONT);
    char *list = project_list();
    make_copy(list);
    link_into(tmp, "Stray.ttf", HOST_FONT);
    diag *d = diag_new();
    fonts *f = fonts_new(tmp, d);
    cr_assert_not_null(f);
    PangoFontMap *map = fonts_font_map(f);
    char **want = listed_files(list);
    cr_assert_eq(count_fonts(config_of(map), FcSetApplication), g_strv_length(want));
    cr_assert_not(has_pango_family(map, HOST_FAMILY));
    g_strfreev(want);
    g_object_unref(map);
    fonts_free(f);
    diag_free(d);
    g_free(list);
}

Test(fonts, a_file_added_to_the_list_is_loaded)
{
    /* The counterpart of the test above: listing the stray makes it count. */
    if (!g_file_test(HOST_FONT, G_FILE_TEST_EXISTS))
        cr_skip_test("no %s on this host", HOST_FONT);
    char *list = project_list();
    char *longer = g_strconcat(list, "Stray.ttf\tnone\n", NULL);
    make_copy(longer);
    link_into(tmp, "Stray.ttf", HOST_FONT);
    diag *d = diag_new();
    fonts *f = fonts_new(tmp, d);
    cr_assert_not_null(f);
    PangoFontMap *map = fonts_font_map(f);
    cr_assert(has_pango_family(map, HOST_FAMILY));
    g_object_unref(map);
    fonts_free(f);
    diag_free(d);
    g_free(longer);
    g_free(list);
}

/* ------------------------------------------------------------------ */
/* The digest                                                          */
/* ------------------------------------------------------------------ */

Test(fonts, the_digest_is_stable_and_hexadecimal)
{
    diag *d = diag_new();
    fonts *a = fonts_new(fonts_dir, d);
    fonts *b = fonts_new(fonts_dir, d);
    cr_assert(a != NULL && b != NULL);
    const char *da = fonts_digest(a);
    cr_assert_eq(strlen(da), 64);
    for (const char *p = da; *p; p++)
        cr_assert(g_ascii_isxdigit(*p), "%s", da);
    cr_assert_str_eq(da, fonts_digest(b));
    fonts_free(a);
    fonts_free(b);
    diag_free(d);
}

Test(fonts, the_digest_does_not_depend_on_where_the_fonts_are)
{
    char *list = project_list();
    make_copy(list);
    diag *d = diag_new();
    fonts *here = fonts_new(fonts_dir, d);
    fonts *there = fonts_new(tmp, d);
    cr_assert(here != NULL && there != NULL);
    cr_assert_str_eq(fonts_digest(here), fonts_digest(there));
    fonts_free(here);
    fonts_free(there);
    diag_free(d);
    g_free(list);
}

Test(fonts, the_digest_changes_with_fonts_list)
{
    char *list = project_list();
    char *edited = g_strconcat(list, "# a comment changes nothing loaded, but the list\n", NULL);
    make_copy(edited);
    diag *d = diag_new();
    fonts *before = fonts_new(fonts_dir, d);
    fonts *after = fonts_new(tmp, d);
    cr_assert(before != NULL && after != NULL);
    cr_assert_str_neq(fonts_digest(before), fonts_digest(after));
    fonts_free(before);
    fonts_free(after);
    diag_free(d);
    g_free(edited);
    g_free(list);
}

/* ------------------------------------------------------------------ */
/* Errors                                                              */
/* ------------------------------------------------------------------ */

Test(fonts, a_missing_fonts_list_is_an_error)
{
    make_copy(NULL);
    diag *d = diag_new();
    cr_assert_null(fonts_new(tmp, d));
    dump(d);
    cr_assert_eq(diag_count(d, DIAG_ERROR), 1);
    char *path = g_build_filename(tmp, "fonts.list", NULL);
    cr_assert(has_error(d, path, NULL));
    g_free(path);
    diag_free(d);
}

Test(fonts, a_missing_fonts_conf_is_an_error)
{
    char *list = project_list();
    make_copy(list);
    char *conf = g_build_filename(tmp, "fonts.conf", NULL);
    cr_assert_eq(g_unlink(conf), 0);
    diag *d = diag_new();
    cr_assert_null(fonts_new(tmp, d));
    cr_assert(has_error(d, conf, NULL));
    g_free(conf);
    diag_free(d);
    g_free(list);
}

Test(fonts, a_directory_that_does_not_exist_is_an_error)
{
    char *nowhere = g_build_filename(fonts_dir, "no-such-directory", NULL);
    diag *d = diag_new();
    cr_assert_null(fonts_new(nowhere, d));
    cr_assert_geq(diag_count(d, DIAG_ERROR), 1);
    diag_free(d);
    g_free(nowhere);
}

Test(fonts, a_listed_file_that_is_missing_is_an_error_naming_it)
{
    char *list = project_list();
    make_copy(list);
    char *gone = g_build_filename(tmp, "NotoSansThai-Bold.ttf", NULL);
    cr_assert_eq(g_unlink(gone), 0);
    diag *d = diag_new();
    cr_assert_null(fonts_new(tmp, d));
    dump(d);
    cr_assert_eq(diag_count(d, DIAG_ERROR), 1);
    cr_assert(has_error(d, gone, "fonts.list"));
    cr_assert(has_error(d, "make fonts", NULL));
    g_free(gone);
    diag_free(d);
    g_free(list);
}

Test(fonts, a_listed_file_that_is_not_a_font_is_an_error)
{
    char *list = project_list();
    char *longer = g_strconcat(list, "notes.txt\tnone\n", NULL);
    make_copy(longer);
    write_file(tmp, "notes.txt", "not a font\n");
    diag *d = diag_new();
    cr_assert_null(fonts_new(tmp, d));
    cr_assert(has_error(d, "notes.txt", "fonts.list"));
    diag_free(d);
    g_free(longer);
    g_free(list);
}

Test(fonts, a_listed_name_with_a_directory_is_refused)
{
    /* Only files of the fonts directory itself: sub/Extra.ttf exists and
     * is a font, and still is not loaded. */
    if (!g_file_test(HOST_FONT, G_FILE_TEST_EXISTS))
        cr_skip_test("no %s on this host", HOST_FONT);
    char *list = project_list();
    char *longer = g_strconcat(list, "sub/Extra.ttf\tnone\n", NULL);
    make_copy(longer);
    char *sub = g_build_filename(tmp, "sub", NULL);
    cr_assert_eq(g_mkdir(sub, 0755), 0);
    link_into(sub, "Extra.ttf", HOST_FONT);
    diag *d = diag_new();
    cr_assert_null(fonts_new(tmp, d));
    cr_assert(has_error(d, "sub/Extra.ttf", "fonts.list"));
    diag_free(d);
    g_free(sub);
    g_free(longer);
    g_free(list);
}

/* A fonts.list line whose file name is empty (a line starting with a tab),
 * "." or ".." would name a directory, which FcConfigAppFontAddFile() scans
 * whole, stray files included: such a name is an error like "sub/x.ttf". */
Test(fonts, a_listed_name_that_is_the_directory_itself_is_refused)
{
    if (!g_file_test(HOST_FONT, G_FILE_TEST_EXISTS))
        cr_skip_test("no %s on this host", HOST_FONT);
    static const char *const lines[] = {"\tfonts-noto-core\n", ".\tnone\n"};
    for (size_t i = 0; i < G_N_ELEMENTS(lines); i++) {
        char *list = project_list();
        char *longer = g_strconcat(list, lines[i], NULL);
        make_copy(longer);
        link_into(tmp, "Stray.ttf", HOST_FONT);
        diag *d = diag_new();
        fonts *f = fonts_new(tmp, d);
        if (f != NULL) {
            PangoFontMap *map = fonts_font_map(f);
            cr_assert_not(has_pango_family(map, HOST_FAMILY), "line %zu loads the stray font", i);
            g_object_unref(map);
        }
        cr_assert_null(f, "line %zu is accepted", i);
        cr_assert_geq(diag_count(d, DIAG_ERROR), 1);
        diag_free(d);
        support_remove_tree(tmp);
        g_free(tmp);
        tmp = NULL;
        g_free(longer);
        g_free(list);
    }
}

Test(fonts, a_list_without_a_required_family_is_an_error_naming_it)
{
    /* Both CJK faces left out: everything listed loads, but the stylesheets'
     * Chinese family is missing. */
    char *list = list_without("CJK");
    make_copy(list);
    diag *d = diag_new();
    cr_assert_null(fonts_new(tmp, d));
    dump(d);
    cr_assert_eq(diag_count(d, DIAG_ERROR), 1);
    cr_assert(has_error(d, "\"Noto Sans CJK SC\"", "make fonts"));
    diag_free(d);
    g_free(list);
}

Test(fonts, fonts_free_accepts_null)
{
    fonts_free(NULL);
}

/* ------------------------------------------------------------------ */
/* fonts.patterns: the scan kept by `make fonts`                       */
/* ------------------------------------------------------------------ */

/* The application fonts of f's configuration. */
static FcFontSet *app_fonts(const fonts *f, PangoFontMap **map)
{
    *map = fonts_font_map(f);
    FcFontSet *set = FcConfigGetFonts(config_of(*map), FcSetApplication);
    cr_assert_not_null(set);
    return set;
}

/* Loads dir's fonts and asserts whether they came from fonts.patterns and
 * that they are exactly what a scan of the listed files gives. */
static void assert_loaded(const char *dir, bool from_patterns)
{
    diag *d = diag_new();
    fonts *f = fonts_new(dir, d);
    dump(d);
    cr_assert_not_null(f);
    cr_assert_eq(diag_count(d, DIAG_ERROR), 0);
    cr_assert_eq(fonts_from_patterns(f), from_patterns, "from fonts.patterns: %d, expected %d",
                 fonts_from_patterns(f), from_patterns);
    /* The reference: a copy of the same list without fonts.patterns. */
    char *list_path = g_build_filename(dir, "fonts.list", NULL);
    char *list = read_file(list_path);
    char *saved = tmp;
    tmp = NULL;
    make_copy(list);
    fonts *scanned = fonts_new(tmp, d);
    cr_assert_not_null(scanned);
    cr_assert_not(fonts_from_patterns(scanned));
    PangoFontMap *map_a, *map_b;
    FcFontSet *a = app_fonts(f, &map_a);
    FcFontSet *b = app_fonts(scanned, &map_b);
    cr_assert_eq(a->nfont, b->nfont);
    for (int i = 0; i < a->nfont; i++) {
        /* Equal but for the directory the files are in. */
        FcPattern *pa = FcPatternDuplicate(a->fonts[i]);
        FcPattern *pb = FcPatternDuplicate(b->fonts[i]);
        FcChar8 *fa, *fb;
        cr_assert_eq(FcPatternGetString(pa, FC_FILE, 0, &fa), FcResultMatch);
        cr_assert_eq(FcPatternGetString(pb, FC_FILE, 0, &fb), FcResultMatch);
        char *ba = g_path_get_basename((const char *)fa);
        char *bb = g_path_get_basename((const char *)fb);
        cr_assert_str_eq(ba, bb, "font %d: %s, scanned %s", i, ba, bb);
        FcPatternDel(pa, FC_FILE);
        FcPatternDel(pb, FC_FILE);
        cr_assert(FcPatternEqual(pa, pb), "font %d (%s) differs from its scan", i, ba);
        g_free(ba);
        g_free(bb);
        FcPatternDestroy(pa);
        FcPatternDestroy(pb);
    }
    g_object_unref(map_a);
    g_object_unref(map_b);
    fonts_free(scanned);
    support_remove_tree(tmp);
    g_free(tmp);
    tmp = saved;
    g_free(list);
    g_free(list_path);
    fonts_free(f);
    diag_free(d);
}

/* A scratch copy of fonts/ with fonts.patterns written by fonts_write_patterns. */
static void make_copy_with_patterns(void)
{
    char *list = project_list();
    make_copy(list);
    g_free(list);
    diag *d = diag_new();
    cr_assert(fonts_write_patterns(tmp, d));
    cr_assert_eq(diag_length(d), 0);
    diag_free(d);
}

/* Rewrites line `n` (0 is the header) of tmp's fonts.patterns with fn;
 * with `reseal`, then puts the edited lines' SHA-256 in the header, so that
 * what is checked is the content and not only the checksum. */
static void edit_patterns_line(size_t n, char *(*fn)(const char *line), bool reseal)
{
    char *path = g_build_filename(tmp, FONTS_PATTERNS_FILE, NULL);
    char *text = read_file(path);
    char **lines = g_strsplit(text, "\n", -1);
    cr_assert(n < g_strv_length(lines));
    char *edited = fn(lines[n]);
    g_free(lines[n]);
    lines[n] = edited;
    char *out = g_strjoinv("\n", lines);
    if (reseal) {
        char *body = strchr(out, '\n') + 1;
        char *sum = g_compute_checksum_for_string(G_CHECKSUM_SHA256, body, -1);
        char *at = strstr(out, "\tsha256 ");
        cr_assert_not_null(at);
        cr_assert_lt(at, body);
        memcpy(at + strlen("\tsha256 "), sum, strlen(sum));
        g_free(sum);
    }
    write_file(tmp, FONTS_PATTERNS_FILE, out);
    g_free(out);
    g_strfreev(lines);
    g_free(text);
    g_free(path);
}

Test(fonts, the_projects_fonts_come_from_the_patterns_make_fonts_wrote)
{
    assert_loaded(fonts_dir, true);
}

Test(fonts, patterns_written_then_read_equal_the_scan)
{
    make_copy_with_patterns();
    char *path = g_build_filename(tmp, FONTS_PATTERNS_FILE, NULL);
    char *text = read_file(path);
    cr_assert(g_str_has_prefix(text, "# rapporteur font patterns\tfonts.list "));
    /* File names only: the directory may move. */
    cr_assert_null(strstr(text, tmp));
    g_free(text);
    g_free(path);
    assert_loaded(tmp, true);
}

Test(fonts, patterns_of_another_fonts_list_are_not_used)
{
    make_copy_with_patterns();
    /* Same files, another list: its digest no longer matches. */
    char *list = project_list();
    char *changed = g_strconcat("# edited\n", list, NULL);
    write_file(tmp, "fonts.list", changed);
    assert_loaded(tmp, false);
    g_free(changed);
    g_free(list);
}

static char *garble(const char *line)
{
    char *tab = strchr(line, '\t');
    cr_assert_not_null(tab);
    return g_strdup_printf("%.*s\t:::=\\", (int)(tab - line), line);
}

static char *rename_file(const char *line)
{
    return g_strdup_printf("Other.ttf%s", strchr(line, '\t'));
}

static char *heavier(const char *line)
{
    char *at = strstr(line, ":weight=");
    cr_assert_not_null(at);
    return g_strdup_printf("%.*s:weight=210%s", (int)(at - line), line,
                           strchr(at + 1, ':'));
}

static char *no_tab(const char *line)
{
    char *s = g_strdup(line);
    *strchr(s, '\t') = ' ';
    return s;
}

static char *other_version(const char *line)
{
    return g_strdup_printf("%s0", line);
}

static char *twice(const char *line)
{
    return g_strdup_printf("%s\n%s", line, line);
}

static char *empty(const char *line)
{
    (void)line;
    return g_strdup("");
}

Test(fonts, an_edited_pattern_breaks_the_checksum_and_means_a_scan)
{
    make_copy_with_patterns();
    edit_patterns_line(9, heavier, false);
    assert_loaded(tmp, false);
}

Test(fonts, a_pattern_fontconfig_cannot_parse_means_a_scan)
{
    make_copy_with_patterns();
    edit_patterns_line(5, garble, true);
    assert_loaded(tmp, false);
}

Test(fonts, a_pattern_naming_an_unlisted_file_means_a_scan)
{
    make_copy_with_patterns();
    edit_patterns_line(3, rename_file, true);
    assert_loaded(tmp, false);
}

Test(fonts, a_line_without_its_file_name_means_a_scan)
{
    make_copy_with_patterns();
    edit_patterns_line(2, no_tab, true);
    assert_loaded(tmp, false);
}

Test(fonts, patterns_missing_a_listed_file_mean_a_scan)
{
    make_copy_with_patterns();
    edit_patterns_line(7, empty, true);
    assert_loaded(tmp, false);
}

Test(fonts, patterns_of_another_fontconfig_version_mean_a_scan)
{
    make_copy_with_patterns();
    edit_patterns_line(0, other_version, false);
    assert_loaded(tmp, false);
}

Test(fonts, a_first_pattern_that_disagrees_with_its_scan_means_a_scan)
{
    /* The first file is always scanned too: a fontconfig that reads the
     * patterns differently from how it scans is caught there. */
    make_copy_with_patterns();
    edit_patterns_line(1, heavier, true);
    assert_loaded(tmp, false);
}

Test(fonts, an_extra_face_of_the_first_file_means_a_scan)
{
    make_copy_with_patterns();
    edit_patterns_line(1, twice, true);
    assert_loaded(tmp, false);
}

Test(fonts, a_resealed_change_of_a_later_pattern_is_used_as_written)
{
    /* What the checks cannot see: a well-formed, resealed change to a face
     * other than the first is taken as written. This pins down what
     * fonts.patterns is trusted with, so that the tests above mean something. */
    make_copy_with_patterns();
    edit_patterns_line(9, heavier, true);
    diag *d = diag_new();
    fonts *f = fonts_new(tmp, d);
    cr_assert_not_null(f);
    cr_assert(fonts_from_patterns(f));
    fonts_free(f);
    diag_free(d);
}

Test(fonts, writing_patterns_into_a_directory_without_fonts_is_an_error)
{
    tmp = g_dir_make_tmp("rp-fonts-XXXXXX", NULL);
    diag *d = diag_new();
    cr_assert_not(fonts_write_patterns(tmp, d));
    cr_assert(has_error(d, "fonts.conf", NULL));
    char *path = g_build_filename(tmp, FONTS_PATTERNS_FILE, NULL);
    cr_assert_not(g_file_test(path, G_FILE_TEST_EXISTS));
    g_free(path);
    diag_free(d);
}
