/* Unit tests of catalog (generator/catalog.h): PO parsing, language
 * fallback, placeholders, and dates and numbers from the shipped catalogs. */
#include <criterion/criterion.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "catalog.h"

#define NNBSP "\xE2\x80\xAF" /* U+202F narrow no-break space (French) */
#define NBSP "\xC2\xA0"      /* U+00A0 no-break space (Russian) */

static const char header[] = "msgid \"\"\n"
                             "msgstr \"\"\n"
                             "\"Language: xx\\n\"\n"
                             "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
                             "\n";

/* Parses `po` as language "xx" from "t.po". */
static catalog_set *parse(const char *po, diag *d)
{
    return catalog_set_parse(po, strlen(po), "t.po", "xx", d);
}

static const char *lookup(const catalog_set *s, const char *key)
{
    return catalog_lookup(s, "xx", key, NULL);
}

static void assert_one_error(const diag *d, int line, const char *message)
{
    cr_assert_eq(diag_count(d, DIAG_ERROR), 1, "%zu errors", diag_count(d, DIAG_ERROR));
    const diag_entry *e = diag_get(d, 0);
    cr_assert_str_eq(e->file, "t.po");
    cr_assert_eq(e->line, line, "error at line %d, expected %d: %s", e->line, line, e->message);
    cr_assert_str_eq(e->rule, "catalog");
    cr_assert_str_eq(e->message, message);
}

/* ------------------------------------------------------------------ */
/* PO parsing                                                          */
/* ------------------------------------------------------------------ */

Test(catalog, msgctxt_is_the_key_and_msgstr_the_text)
{
    char *po = g_strconcat(header,
                           "#. A comment\n"
                           "msgctxt \"label.summary\"\n"
                           "msgid \"Summary\"\n"
                           "msgstr \"Résumé\"\n",
                           NULL);
    diag *d = diag_new();
    catalog_set *s = parse(po, d);
    cr_assert_not_null(s);
    cr_assert_eq(diag_length(d), 0);
    const char *found = NULL;
    cr_assert_str_eq(catalog_lookup(s, "xx", "label.summary", &found), "Résumé");
    cr_assert_str_eq(found, "xx");
    cr_assert_null(lookup(s, "Summary"), "msgid is not a key");
    cr_assert_null(lookup(s, ""), "the header is not a message");
    catalog_set_free(s);
    diag_free(d);
    g_free(po);
}

Test(catalog, file_without_header_parses)
{
    diag *d = diag_new();
    catalog_set *s = parse("msgctxt \"k\"\nmsgid \"K\"\nmsgstr \"V\"\n", d);
    cr_assert_not_null(s);
    cr_assert_str_eq(lookup(s, "k"), "V");
    const char *const *langs = catalog_languages(s);
    cr_assert_str_eq(langs[0], "xx");
    cr_assert_null(langs[1]);
    catalog_set_free(s);
    diag_free(d);
}

Test(catalog, continuation_lines_are_joined)
{
    char *po = g_strconcat(header,
                           "msgctxt \"label.\"\n"
                           "\"long\"\n"
                           "msgid \"\"\n"
                           "\"A long \"\n"
                           "\"label\"\n"
                           "msgstr \"\"\n"
                           "  \"Une étiquette \"\n"
                           "\t\"longue\"\n",
                           NULL);
    diag *d = diag_new();
    catalog_set *s = parse(po, d);
    cr_assert_not_null(s);
    cr_assert_str_eq(lookup(s, "label.long"), "Une étiquette longue");
    catalog_set_free(s);
    diag_free(d);
    g_free(po);
}

Test(catalog, escapes_are_decoded)
{
    diag *d = diag_new();
    catalog_set *s = parse("msgctxt \"k\"\nmsgid \"K\"\nmsgstr \"a\\\"b\\\\c\\nd\\te\\rf\"\n", d);
    cr_assert_not_null(s);
    cr_assert_str_eq(lookup(s, "k"), "a\"b\\c\nd\te\rf");
    catalog_set_free(s);
    diag_free(d);
}

Test(catalog, fuzzy_entries_are_skipped)
{
    char *po = g_strconcat(header,
                           "#, fuzzy\n"
                           "msgctxt \"unsure\"\n"
                           "msgid \"Unsure\"\n"
                           "msgstr \"Incertain\"\n"
                           "\n"
                           "#, c-format, fuzzy\n"
                           "msgctxt \"unsure2\"\n"
                           "msgid \"Unsure\"\n"
                           "msgstr \"Incertain\"\n"
                           "\n"
                           "#, c-format\n"
                           "msgctxt \"sure\"\n"
                           "msgid \"Sure\"\n"
                           "msgstr \"Sûr\"\n",
                           NULL);
    diag *d = diag_new();
    catalog_set *s = parse(po, d);
    cr_assert_not_null(s);
    cr_assert_eq(diag_length(d), 0);
    cr_assert_null(lookup(s, "unsure"));
    cr_assert_null(lookup(s, "unsure2"));
    cr_assert_str_eq(lookup(s, "sure"), "Sûr");
    catalog_set_free(s);
    diag_free(d);
    g_free(po);
}

/* Comments belong to the entry that follows them, blank line or not. */
Test(catalog, fuzzy_flag_belongs_to_the_next_entry_without_a_blank_line)
{
    diag *d = diag_new();
    catalog_set *s = parse("msgctxt \"a\"\n"
                           "msgid \"A\"\n"
                           "msgstr \"AA\"\n"
                           "#, fuzzy\n"
                           "msgctxt \"b\"\n"
                           "msgid \"B\"\n"
                           "msgstr \"BB\"\n",
                           d);
    cr_assert_not_null(s);
    cr_assert_str_eq(lookup(s, "a"), "AA", "the entry before the fuzzy flag was dropped");
    cr_assert_null(lookup(s, "b"), "the fuzzy entry was kept");
    catalog_set_free(s);
    diag_free(d);
}

Test(catalog, obsolete_entries_are_ignored)
{
    char *po = g_strconcat(header,
                           "#~ msgctxt \"old\"\n"
                           "#~ msgid \"Old\"\n"
                           "#~ msgstr \"Vieux\"\n"
                           "\n"
                           "msgctxt \"new\"\n"
                           "msgid \"New\"\n"
                           "msgstr \"Neuf\"\n",
                           NULL);
    diag *d = diag_new();
    catalog_set *s = parse(po, d);
    cr_assert_not_null(s);
    cr_assert_eq(diag_length(d), 0);
    cr_assert_null(lookup(s, "old"));
    cr_assert_str_eq(lookup(s, "new"), "Neuf");
    catalog_set_free(s);
    diag_free(d);
    g_free(po);
}

Test(catalog, untranslated_entries_are_absent)
{
    diag *d = diag_new();
    catalog_set *s = parse("msgctxt \"k\"\nmsgid \"K\"\nmsgstr \"\"\n", d);
    cr_assert_not_null(s);
    cr_assert_null(lookup(s, "k"));
    catalog_set_free(s);
    diag_free(d);
}

Test(catalog, plural_forms_use_the_first_string)
{
    diag *d = diag_new();
    catalog_set *s = parse("msgctxt \"k\"\n"
                           "msgid \"one file\"\n"
                           "msgid_plural \"{n} files\"\n"
                           "msgstr[0] \"un fichier\"\n"
                           "msgstr[1] \"{n} fichiers\"\n",
                           d);
    cr_assert_not_null(s);
    cr_assert_eq(diag_length(d), 0);
    cr_assert_str_eq(lookup(s, "k"), "un fichier");
    catalog_set_free(s);
    diag_free(d);
}

Test(catalog, crlf_line_endings_are_accepted)
{
    diag *d = diag_new();
    catalog_set *s = parse("msgctxt \"k\"\r\nmsgid \"K\"\r\nmsgstr \"V\"\r\n\r\n"
                           "msgctxt \"l\"\r\nmsgid \"L\"\r\nmsgstr \"W\"\r\n",
                           d);
    cr_assert_not_null(s);
    cr_assert_eq(diag_length(d), 0);
    cr_assert_str_eq(lookup(s, "k"), "V");
    cr_assert_str_eq(lookup(s, "l"), "W");
    catalog_set_free(s);
    diag_free(d);
}

/* ------------------------------------------------------------------ */
/* Malformed catalogs                                                  */
/* ------------------------------------------------------------------ */

Test(catalog, unterminated_string_is_an_error_at_its_line)
{
    diag *d = diag_new();
    catalog_set *s = parse("msgctxt \"k\"\nmsgid \"K\"\nmsgstr \"abc\n", d);
    cr_assert_null(s);
    assert_one_error(d, 3, "unterminated string; add the closing \"");
    cr_assert_eq(diag_get(d, 0)->col, 8);
    diag_free(d);
}

Test(catalog, unknown_escape_is_an_error_at_its_line)
{
    diag *d = diag_new();
    catalog_set *s = parse("msgctxt \"k\"\nmsgid \"K\"\nmsgstr \"V\"\nmsgctxt \"l\"\nmsgid \"L\"\n"
                           "msgstr \"a\\qb\"\n",
                           d);
    cr_assert_null(s);
    assert_one_error(d, 6, "unknown escape \\q in a string");
    diag_free(d);
}

Test(catalog, duplicate_msgctxt_is_an_error_naming_the_first)
{
    char *po = g_strconcat(header,
                           "msgctxt \"k\"\n" /* line 6 */
                           "msgid \"K\"\n"
                           "msgstr \"V\"\n"
                           "\n"
                           "msgctxt \"k\"\n" /* line 10 */
                           "msgid \"K2\"\n"
                           "msgstr \"V2\"\n",
                           NULL);
    diag *d = diag_new();
    catalog_set *s = parse(po, d);
    cr_assert_null(s);
    assert_one_error(d, 10, "msgctxt \"k\" is defined twice (first at line 6)");
    diag_free(d);
    g_free(po);
}

Test(catalog, missing_msgctxt_is_an_error)
{
    char *po = g_strconcat(header, "msgid \"Summary\"\nmsgstr \"Résumé\"\n", NULL);
    diag *d = diag_new();
    catalog_set *s = parse(po, d);
    cr_assert_null(s);
    assert_one_error(d, 6,
                     "entry has no msgctxt; Rapporteur catalogs key every message by msgctxt");
    diag_free(d);
    g_free(po);
}

Test(catalog, msgid_without_msgstr_is_an_error)
{
    diag *d = diag_new();
    catalog_set *s =
        parse("msgctxt \"k\"\nmsgid \"K\"\n\nmsgctxt \"l\"\nmsgid \"L\"\nmsgstr \"V\"\n", d);
    cr_assert_null(s);
    assert_one_error(d, 1, "entry has a msgid but no msgstr");
    diag_free(d);
}

Test(catalog, msgstr_without_msgid_is_an_error)
{
    diag *d = diag_new();
    catalog_set *s = parse("msgctxt \"k\"\nmsgstr \"V\"\n", d);
    cr_assert_null(s);
    assert_one_error(d, 2, "msgstr without a msgid before it");
    diag_free(d);
}

Test(catalog, text_after_a_string_is_an_error)
{
    diag *d = diag_new();
    catalog_set *s = parse("msgctxt \"k\"\nmsgid \"K\"\nmsgstr \"V\" extra\n", d);
    cr_assert_null(s);
    assert_one_error(d, 3, "unexpected text after the string");
    diag_free(d);
}

Test(catalog, unknown_keyword_is_an_error)
{
    diag *d = diag_new();
    catalog_set *s = parse("msgctxt \"k\"\nmsgid \"K\"\nmsgtsr \"V\"\n", d);
    cr_assert_null(s);
    cr_assert_geq(diag_count(d, DIAG_ERROR), 1);
    cr_assert_eq(diag_get(d, 0)->line, 3);
    cr_assert_str_eq(diag_get(d, 0)->message,
                     "expected msgctxt, msgid, msgstr, a string or a comment");
    diag_free(d);
}

Test(catalog, string_that_continues_nothing_is_an_error)
{
    diag *d = diag_new();
    catalog_set *s = parse("\"orphan\"\n", d);
    cr_assert_null(s);
    assert_one_error(d, 1, "a string continues nothing; start it with msgid or msgstr");
    diag_free(d);
}

Test(catalog, every_error_of_a_file_is_reported)
{
    diag *d = diag_new();
    catalog_set *s = parse("msgctxt \"a\"\nmsgid \"A\"\nmsgstr \"x\\q\"\n\n"
                           "msgctxt \"b\"\nmsgid \"B\"\nmsgstr \"unterminated\n",
                           d);
    cr_assert_null(s);
    cr_assert_eq(diag_count(d, DIAG_ERROR), 2);
    cr_assert_eq(diag_get(d, 0)->line, 3);
    cr_assert_eq(diag_get(d, 1)->line, 7);
    diag_free(d);
}

Test(catalog, invalid_utf8_is_an_error_at_its_line)
{
    diag *d = diag_new();
    catalog_set *s = parse("msgctxt \"k\"\nmsgid \"K\"\nmsgstr \"caf\xE9\"\n", d);
    cr_assert_null(s);
    assert_one_error(d, 3, "invalid UTF-8 (or a NUL byte); catalogs are UTF-8 text");
    diag_free(d);
}

Test(catalog, nul_byte_is_an_error)
{
    static const char po[] = "msgctxt \"k\"\nmsgid \"K\"\nmsgstr \"a\0b\"\n";
    diag *d = diag_new();
    catalog_set *s = catalog_set_parse(po, sizeof po - 1, "t.po", "xx", d);
    cr_assert_null(s);
    assert_one_error(d, 3, "invalid UTF-8 (or a NUL byte); catalogs are UTF-8 text");
    diag_free(d);
}

Test(catalog, charset_other_than_utf8_is_an_error)
{
    diag *d = diag_new();
    catalog_set *s = parse("msgid \"\"\n"
                           "msgstr \"\"\n"
                           "\"Content-Type: text/plain; charset=ISO-8859-1\\n\"\n",
                           d);
    cr_assert_null(s);
    assert_one_error(d, 1,
                     "the catalog must be UTF-8 (Content-Type says text/plain; "
                     "charset=ISO-8859-1)");
    diag_free(d);
}

Test(catalog, catalog_over_the_size_limit_is_refused)
{
    size_t len = (size_t)CATALOG_MAX_BYTES + 1;
    char *data = g_malloc(len);
    memset(data, '#', len);
    diag *d = diag_new();
    catalog_set *s = catalog_set_parse(data, len, "big.po", "xx", d);
    cr_assert_null(s);
    cr_assert_eq(diag_length(d), 1);
    cr_assert_str_eq(diag_get(d, 0)->message, "the catalog is 4194305 bytes; the limit is 4 MiB");
    diag_free(d);
    g_free(data);
}

/* ------------------------------------------------------------------ */
/* Placeholders                                                        */
/* ------------------------------------------------------------------ */

Test(catalog, fill_replaces_every_placeholder)
{
    const char *names[] = {"day", "month", "year"};
    const char *values[] = {"24", "octobre", "2013"};
    char *s = catalog_fill("{day} {month} {year}", names, values, 3);
    cr_assert_str_eq(s, "24 octobre 2013");
    g_free(s);
    s = catalog_fill("{year}年{month}月{day}日 ({day})", names, values, 3);
    cr_assert_str_eq(s, "2013年octobre月24日 (24)");
    g_free(s);
}

Test(catalog, fill_keeps_unknown_placeholders)
{
    const char *names[] = {"language"};
    const char *values[] = {"French"};
    char *s = catalog_fill("Original in {language} ({lang}) {} {", names, values, 1);
    cr_assert_str_eq(s, "Original in French ({lang}) {} {");
    g_free(s);
    s = catalog_fill("{language}", names, values, 0);
    cr_assert_str_eq(s, "{language}");
    g_free(s);
}

Test(catalog, fill_does_not_expand_values)
{
    const char *names[] = {"a", "b"};
    const char *values[] = {"{b}", "B"};
    char *s = catalog_fill("{a}{b}", names, values, 2);
    cr_assert_str_eq(s, "{b}B");
    g_free(s);
}

Test(catalog, fill_matches_whole_names_only)
{
    const char *names[] = {"day", "days"};
    const char *values[] = {"D", "DD"};
    char *s = catalog_fill("{days}/{day}/{da}", names, values, 2);
    cr_assert_str_eq(s, "DD/D/{da}");
    g_free(s);
    s = catalog_fill("", names, values, 2);
    cr_assert_str_eq(s, "");
    g_free(s);
}

/* ------------------------------------------------------------------ */
/* The shipped catalogs                                                */
/* ------------------------------------------------------------------ */

static catalog_set *shipped;

static void load_shipped(void)
{
    const char *dir = getenv("RAPPORTEUR_DATA_DIR");
    cr_assert_not_null(dir, "RAPPORTEUR_DATA_DIR is not set");
    char *path = g_build_filename(dir, "styles", "catalogs", NULL);
    diag *d = diag_new();
    shipped = catalog_set_load(path, d);
    cr_assert_not_null(shipped, "cannot load %s", path);
    cr_assert_eq(diag_length(d), 0);
    diag_free(d);
    g_free(path);
}

static void free_shipped(void)
{
    catalog_set_free(shipped);
    shipped = NULL;
}

TestSuite(shipped, .init = load_shipped, .fini = free_shipped);

Test(shipped, languages_are_listed_sorted)
{
    static const char *const want[] = {"ar", "en", "es", "fr", "pt", "ru", "zh-Hans", NULL};
    const char *const *langs = catalog_languages(shipped);
    for (size_t i = 0; want[i] != NULL; i++)
        cr_assert_str_eq(langs[i], want[i]);
    cr_assert_null(langs[7]);
}

Test(shipped, catalogs_pass_the_check)
{
    diag *d = diag_new();
    cr_assert(catalog_set_check(shipped, d));
    cr_assert_eq(diag_length(d), 0);
    diag_free(d);
}

Test(shipped, resolve_falls_back_to_shorter_tags)
{
    cr_assert_str_eq(catalog_resolve(shipped, "fr"), "fr");
    cr_assert_str_eq(catalog_resolve(shipped, "fr-CA"), "fr");
    cr_assert_str_eq(catalog_resolve(shipped, "pt-BR"), "pt");
    cr_assert_str_eq(catalog_resolve(shipped, "es-419"), "es");
    cr_assert_str_eq(catalog_resolve(shipped, "ar-EG"), "ar");
    cr_assert_str_eq(catalog_resolve(shipped, "en-GB-oxendict"), "en");
}

Test(shipped, resolve_is_case_insensitive)
{
    cr_assert_str_eq(catalog_resolve(shipped, "FR"), "fr");
    cr_assert_str_eq(catalog_resolve(shipped, "Fr-ca"), "fr");
    cr_assert_str_eq(catalog_resolve(shipped, "ZH-HANS"), "zh-Hans");
    cr_assert_str_eq(catalog_resolve(shipped, "zh-hans"), "zh-Hans");
}

Test(shipped, chinese_without_script_is_simplified)
{
    cr_assert_str_eq(catalog_resolve(shipped, "zh"), "zh-Hans");
    cr_assert_str_eq(catalog_resolve(shipped, "zh-CN"), "zh-Hans");
    cr_assert_str_eq(catalog_resolve(shipped, "zh-SG"), "zh-Hans");
    cr_assert_str_eq(catalog_resolve(shipped, "zh-Hans-CN"), "zh-Hans");
}

Test(shipped, traditional_chinese_is_not_served_by_simplified)
{
    cr_assert_null(catalog_resolve(shipped, "zh-TW"));
    cr_assert_null(catalog_resolve(shipped, "zh-HK"));
    cr_assert_null(catalog_resolve(shipped, "zh-MO"));
    cr_assert_null(catalog_resolve(shipped, "zh-Hant"));
    cr_assert_null(catalog_resolve(shipped, "zh-Hant-TW"));
}

Test(shipped, traditional_chinese_in_lower_case_is_not_served_by_simplified)
{
    /* BCP 47 tags are case-insensitive: zh-tw is zh-TW. */
    cr_assert_null(catalog_resolve(shipped, "zh-tw"));
    cr_assert_null(catalog_resolve(shipped, "zh-hant"));
    cr_assert_null(catalog_resolve(shipped, "zh-hk"));
}

Test(shipped, languages_without_a_catalog_resolve_to_null)
{
    cr_assert_null(catalog_resolve(shipped, "de"));
    cr_assert_null(catalog_resolve(shipped, "de-CH"));
    cr_assert_null(catalog_resolve(shipped, "e"));
    cr_assert_null(catalog_resolve(shipped, "english"));
    cr_assert_null(catalog_resolve(shipped, ""));
    cr_assert_null(catalog_resolve(shipped, NULL));
}

Test(shipped, lookup_in_the_language_or_in_english)
{
    const char *found = NULL;
    cr_assert_str_eq(catalog_lookup(shipped, "fr", "label.summary", &found), "Résumé");
    cr_assert_str_eq(found, "fr");
    cr_assert_str_eq(catalog_lookup(shipped, "fr-CA", "label.summary", &found), "Résumé");
    cr_assert_str_eq(found, "fr");
    cr_assert_str_eq(catalog_lookup(shipped, "zh", "label.summary", &found), "摘要");
    cr_assert_str_eq(found, "zh-Hans");
    cr_assert_str_eq(catalog_lookup(shipped, "de", "label.summary", &found), "Summary");
    cr_assert_str_eq(found, "en");
    cr_assert_str_eq(catalog_lookup(shipped, NULL, "label.summary", &found), "Summary");
    cr_assert_str_eq(found, "en");
}

Test(shipped, unknown_key_is_null_everywhere)
{
    const char *found = "unchanged";
    cr_assert_null(catalog_lookup(shipped, "fr", "label.no-such-key", &found));
    cr_assert_null(found);
    cr_assert_null(catalog_lookup(shipped, "fr", "label.no-such-key", NULL));
}

static char *date(const char *lang, const char *iso)
{
    return catalog_format_date(shipped, lang, iso);
}

static void assert_date(const char *lang, const char *iso, const char *want)
{
    char *s = date(lang, iso);
    cr_assert_not_null(s, "%s %s", lang, iso);
    cr_assert_str_eq(s, want, "%s %s", lang, iso);
    g_free(s);
}

Test(shipped, dates_in_english)
{
    assert_date("en", "2013-10-24", "24 October 2013");
    assert_date("en", "2024-06-01", "1 June 2024");
}

Test(shipped, dates_in_french)
{
    assert_date("fr", "2013-10-24", "24 octobre 2013");
    assert_date("fr-CA", "2013-10-24", "24 octobre 2013");
}

Test(shipped, french_first_of_month_is_1er)
{
    assert_date("fr", "2024-06-01", "1er juin 2024");
    assert_date("fr", "2024-06-02", "2 juin 2024");
}

Test(shipped, dates_in_spanish)
{
    assert_date("es", "2013-10-24", "24 de octubre de 2013");
}

Test(shipped, dates_in_russian_take_the_genitive_and_goda)
{
    assert_date("ru", "2013-10-24", "24 октября 2013 года");
    assert_date("ru", "2024-06-01", "1 июня 2024 года");
}

Test(shipped, dates_in_chinese)
{
    assert_date("zh-Hans", "2013-10-24", "2013年10月24日");
    assert_date("zh", "2024-06-01", "2024年6月1日");
}

Test(shipped, dates_in_arabic)
{
    assert_date("ar", "2013-10-24", "24 تشرين الأول/أكتوبر 2013");
}

Test(shipped, dates_in_portuguese)
{
    assert_date("pt", "2013-10-24", "24 de outubro de 2013");
    assert_date("pt", "2024-06-01", "1º de junho de 2024");
}

Test(shipped, dates_without_a_catalog_are_english)
{
    assert_date("de", "2013-10-24", "24 October 2013");
}

Test(shipped, dates_that_are_not_yyyy_mm_dd_are_null)
{
    static const char *const bad[] = {"2013-10",    "2013/10/24", "24-10-2013", "2013-13-01",
                                      "2013-00-01", "2013-10-32", "2013-10-00", "abcd-ef-gh",
                                      "",           NULL};
    for (const char *const *iso = bad; *iso != NULL; iso++) {
        char *s = date("en", *iso);
        cr_assert_null(s, "\"%s\" gave \"%s\"", *iso, s);
    }
    cr_assert_null(date("en", NULL));
}

static void assert_range(const char *lang, const char *from, const char *to, const char *want)
{
    char *s = catalog_format_date_range(shipped, lang, from, to);
    cr_assert_not_null(s, "%s %s %s", lang, from, to);
    cr_assert_str_eq(s, want, "%s %s..%s", lang, from, to);
    g_free(s);
}

Test(shipped, range_within_a_month_shares_month_and_year)
{
    assert_range("en", "2013-10-22", "2013-10-25", "22–25 October 2013");
    assert_range("fr", "2013-10-22", "2013-10-25", "22–25 octobre 2013");
    assert_range("ru", "2013-10-22", "2013-10-25", "22–25 октября 2013 года");
    assert_range("zh-Hans", "2013-10-22", "2013-10-25", "2013年10月22–25日");
}

Test(shipped, range_across_months_gives_both_dates)
{
    assert_range("en", "2013-10-30", "2013-11-02", "30 October 2013 – 2 November 2013");
    assert_range("en", "2013-12-30", "2014-01-02", "30 December 2013 – 2 January 2014");
    assert_range("zh-Hans", "2013-10-30", "2013-11-02", "2013年10月30日至2013年11月2日");
}

Test(shipped, range_of_one_day_is_that_day)
{
    assert_range("en", "2013-10-22", "2013-10-22", "22 October 2013");
    assert_range("en", "2013-10-22", NULL, "22 October 2013");
    assert_range("en", NULL, "2013-10-25", "25 October 2013");
}

Test(shipped, range_with_a_malformed_date_is_null)
{
    cr_assert_null(catalog_format_date_range(shipped, "en", "2013-10-22", "soon"));
    cr_assert_null(catalog_format_date_range(shipped, "en", "22/10/2013", "2013-10-25"));
}

/* The catalogs name days by date.day.N ("1er" in French, "1º" in
 * Portuguese), in ranges as in single dates. */
Test(shipped, french_range_from_the_first_of_the_month_says_1er)
{
    assert_range("fr", "2024-06-01", "2024-06-03", "1er–3 juin 2024");
    assert_range("pt", "2024-06-01", "2024-06-03", "1º–3 de junho de 2024");
}

static void assert_number(const char *lang, long long n, const char *want)
{
    char *s = catalog_format_number(shipped, lang, n);
    cr_assert_str_eq(s, want, "%s %lld", lang, n);
    g_free(s);
}

Test(shipped, english_groups_from_four_digits)
{
    assert_number("en", 0, "0");
    assert_number("en", 123, "123");
    assert_number("en", 1234, "1,234");
    assert_number("en", 1234567, "1,234,567");
    assert_number("en", -1234, "-1,234");
    assert_number("en", -12, "-12");
}

Test(shipped, french_groups_from_five_digits_with_a_narrow_space)
{
    assert_number("fr", 1234, "1234");
    assert_number("fr", 12345, "12" NNBSP "345");
    assert_number("fr", 1234567, "1" NNBSP "234" NNBSP "567");
}

Test(shipped, numbers_grouped_per_catalog)
{
    assert_number("ru", 1234, "1234");
    assert_number("ru", 12345, "12" NBSP "345");
    assert_number("es", 1234, "1234");
    assert_number("es", 12345, "12.345");
    assert_number("pt", 1234, "1.234");
    assert_number("zh-Hans", 1234, "1,234");
    assert_number("ar", 1234567, "1,234,567");
    assert_number("de", 1234, "1,234");
}

Test(shipped, number_extremes)
{
    assert_number("en", LLONG_MAX, "9,223,372,036,854,775,807");
    assert_number("en", LLONG_MIN, "-9,223,372,036,854,775,808");
}

Test(shipped, digest_is_stable_and_hex)
{
    const char *digest = catalog_set_digest(shipped);
    cr_assert_eq(strlen(digest), 64);
    for (const char *p = digest; *p; p++)
        cr_assert(g_ascii_isxdigit(*p));
    const char *dir = getenv("RAPPORTEUR_DATA_DIR");
    char *path = g_build_filename(dir, "styles", "catalogs", NULL);
    diag *d = diag_new();
    catalog_set *again = catalog_set_load(path, d);
    cr_assert_not_null(again);
    cr_assert_str_eq(catalog_set_digest(again), digest);
    catalog_set_free(again);
    diag_free(d);
    g_free(path);
}

/* ------------------------------------------------------------------ */
/* Sets built in a temporary directory                                 */
/* ------------------------------------------------------------------ */

static char *tmp;

static void make_tmp(void)
{
    tmp = g_dir_make_tmp("rp-catalog-XXXXXX", NULL);
    cr_assert_not_null(tmp);
}

static void remove_tmp(void)
{
    GDir *dir = g_dir_open(tmp, 0, NULL);
    const char *name;
    while (dir != NULL && (name = g_dir_read_name(dir)) != NULL) {
        char *path = g_build_filename(tmp, name, NULL);
        g_unlink(path);
        g_free(path);
    }
    if (dir != NULL)
        g_dir_close(dir);
    g_rmdir(tmp);
    g_free(tmp);
    tmp = NULL;
}

static char *write_po(const char *name, const char *text)
{
    char *path = g_build_filename(tmp, name, NULL);
    cr_assert(g_file_set_contents(path, text, -1, NULL));
    return path;
}

TestSuite(set, .init = make_tmp, .fini = remove_tmp);

static const char en_po[] = "msgctxt \"a\"\n" /* 1 */
                            "msgid \"A\"\n"
                            "msgstr \"A\"\n"
                            "\n"
                            "msgctxt \"greeting\"\n" /* 5 */
                            "msgid \"Hello {name}\"\n"
                            "msgstr \"Hello {name}\"\n"
                            "\n"
                            "msgctxt \"range\"\n" /* 9 */
                            "msgid \"{from} to {to}\"\n"
                            "msgstr \"{from} to {to}\"\n";

Test(set, check_reports_missing_placeholder_and_unknown_keys)
{
    g_free(write_po("en.po", en_po));
    char *xx = write_po("xx.po", "msgctxt \"greeting\"\n" /* 1 */
                                 "msgid \"Hello {name}\"\n"
                                 "msgstr \"Bonjour {nom}\"\n"
                                 "\n"
                                 "msgctxt \"range\"\n" /* 5 */
                                 "msgid \"{from} to {to}\"\n"
                                 "msgstr \"de {to} à {from}\"\n"
                                 "\n"
                                 "msgctxt \"b\"\n" /* 9 */
                                 "msgid \"B\"\n"
                                 "msgstr \"B\"\n");
    diag *d = diag_new();
    catalog_set *s = catalog_set_load(tmp, d);
    cr_assert_not_null(s, "a set with gaps still loads; the check judges it");
    cr_assert_eq(diag_length(d), 0);
    cr_assert_not(catalog_set_check(s, d));
    diag_sort(d);
    cr_assert_eq(diag_length(d), 3);
    /* Sorted by line: the missing key has none. */
    const diag_entry *missing = diag_get(d, 0);
    cr_assert_str_eq(missing->rule, "catalog-missing");
    cr_assert_str_eq(missing->file, xx);
    cr_assert_str_eq(missing->message, "no translation of \"a\" (msgctxt)");
    const diag_entry *placeholders = diag_get(d, 1);
    cr_assert_str_eq(placeholders->rule, "catalog-placeholders");
    cr_assert_str_eq(placeholders->file, xx);
    cr_assert_eq(placeholders->line, 1);
    cr_assert_str_eq(placeholders->message,
                     "\"greeting\" has placeholders {nom} but the English has {name}");
    const diag_entry *unknown = diag_get(d, 2);
    cr_assert_str_eq(unknown->rule, "catalog-unknown");
    cr_assert_str_eq(unknown->file, xx);
    cr_assert_eq(unknown->line, 9);
    cr_assert_str_eq(unknown->message, "\"b\" is not a key of en.po (a typo, or a retired label)");
    catalog_set_free(s);
    diag_free(d);
    g_free(xx);
}

Test(set, lookup_falls_back_to_english_for_a_missing_key)
{
    g_free(write_po("en.po", en_po));
    g_free(write_po("fr.po", "msgctxt \"a\"\nmsgid \"A\"\nmsgstr \"Á\"\n"));
    diag *d = diag_new();
    catalog_set *s = catalog_set_load(tmp, d);
    cr_assert_not_null(s);
    const char *found = NULL;
    cr_assert_str_eq(catalog_lookup(s, "fr", "a", &found), "Á");
    cr_assert_str_eq(found, "fr");
    cr_assert_str_eq(catalog_lookup(s, "fr", "greeting", &found), "Hello {name}");
    cr_assert_str_eq(found, "en");
    catalog_set_free(s);
    diag_free(d);
}

Test(set, fuzzy_translation_falls_back_to_english)
{
    g_free(write_po("en.po", en_po));
    g_free(write_po("fr.po", "#, fuzzy\nmsgctxt \"a\"\nmsgid \"A\"\nmsgstr \"Á\"\n"));
    diag *d = diag_new();
    catalog_set *s = catalog_set_load(tmp, d);
    cr_assert_not_null(s);
    const char *found = NULL;
    cr_assert_str_eq(catalog_lookup(s, "fr", "a", &found), "A");
    cr_assert_str_eq(found, "en");
    catalog_set_free(s);
    diag_free(d);
}

Test(set, base_catalog_is_required)
{
    g_free(write_po("fr.po", "msgctxt \"a\"\nmsgid \"A\"\nmsgstr \"Á\"\n"));
    diag *d = diag_new();
    catalog_set *s = catalog_set_load(tmp, d);
    cr_assert_null(s);
    cr_assert_eq(diag_count(d, DIAG_ERROR), 1);
    char *want = g_strdup_printf("no en.po in %s: the base catalog is missing", tmp);
    cr_assert_str_eq(diag_get(d, 0)->message, want);
    g_free(want);
    diag_free(d);
}

Test(set, a_malformed_catalog_fails_the_set)
{
    g_free(write_po("en.po", en_po));
    char *bad = write_po("xx.po", "msgctxt \"a\"\nmsgid \"A\"\nmsgstr \"unterminated\n");
    diag *d = diag_new();
    catalog_set *s = catalog_set_load(tmp, d);
    cr_assert_null(s);
    cr_assert_eq(diag_count(d, DIAG_ERROR), 1);
    cr_assert_str_eq(diag_get(d, 0)->file, bad);
    cr_assert_eq(diag_get(d, 0)->line, 3);
    diag_free(d);
    g_free(bad);
}

Test(set, other_files_are_ignored)
{
    g_free(write_po("en.po", en_po));
    g_free(write_po("README", "not a catalog"));
    g_free(write_po("fr.po~", "garbage \""));
    diag *d = diag_new();
    catalog_set *s = catalog_set_load(tmp, d);
    cr_assert_not_null(s);
    cr_assert_str_eq(catalog_languages(s)[0], "en");
    cr_assert_null(catalog_languages(s)[1]);
    catalog_set_free(s);
    diag_free(d);
}

Test(set, missing_directory_is_an_error)
{
    char *none = g_build_filename(tmp, "nowhere", NULL);
    diag *d = diag_new();
    cr_assert_null(catalog_set_load(none, d));
    cr_assert_eq(diag_count(d, DIAG_ERROR), 1);
    cr_assert(g_str_has_prefix(diag_get(d, 0)->message, "cannot open the catalogs: "), "%s",
              diag_get(d, 0)->message);
    diag_free(d);
    g_free(none);
}

Test(set, digest_changes_with_a_message)
{
    g_free(write_po("en.po", en_po));
    diag *d = diag_new();
    catalog_set *a = catalog_set_load(tmp, d);
    g_free(write_po("en.po", "msgctxt \"a\"\nmsgid \"A\"\nmsgstr \"A!\"\n"));
    catalog_set *b = catalog_set_load(tmp, d);
    cr_assert_not_null(a);
    cr_assert_not_null(b);
    cr_assert_str_neq(catalog_set_digest(a), catalog_set_digest(b));
    catalog_set_free(a);
    catalog_set_free(b);
    diag_free(d);
}

Test(catalog, free_accepts_null)
{
    catalog_set_free(NULL);
}
