/* Unit tests of transform (generator/transform.h): libxslt set up for
 * untrusted records, the extension functions, and the HTML layer. */
#include <criterion/criterion.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>

#include "catalog.h"
#include "grammar.h"
#include "html.h"
#include "record.h"
#include "transform.h"
#include "support.h"

#define NS "urn:rapporteur:report:1"

static char *styles;
static char *custom; /* a customization directory, or NULL */
static catalog_set *cats;
static transformer *t;

static void start(bool with_custom)
{
    const char *data = getenv("RAPPORTEUR_DATA_DIR");
    cr_assert_not_null(data, "RAPPORTEUR_DATA_DIR is not set");
    styles = g_build_filename(data, "styles", NULL);
    custom = with_custom ? g_dir_make_tmp("rp-custom-XXXXXX", NULL) : NULL;
    grammar_init();
    transform_init(styles, custom);
    char *dir = g_build_filename(styles, "catalogs", NULL);
    diag *d = diag_new();
    cats = catalog_set_load(dir, d);
    cr_assert_not_null(cats);
    diag_free(d);
    g_free(dir);
    t = transformer_new(cats);
}

static void setup_plain(void)
{
    start(false);
}

static void setup_custom(void)
{
    start(true);
}

static void teardown(void)
{
    transformer_free(t);
    catalog_set_free(cats);
    transform_cleanup();
    if (custom != NULL)
        support_remove_tree(custom);
    g_free(custom);
    g_free(styles);
    t = NULL;
    cats = NULL;
    custom = NULL;
    styles = NULL;
}

TestSuite(transform, .init = setup_plain, .fini = teardown);
TestSuite(ext, .init = setup_custom, .fini = teardown);
TestSuite(rtl);

static record *load(const char *xml)
{
    diag *d = diag_new();
    record *r = record_load_memory(xml, strlen(xml), "t.xml", d);
    cr_assert_not_null(r, "the fixture is not well-formed");
    diag_free(d);
    return r;
}

/* The diagnostics, shown with --verbose. */
static void log_diag(const diag *d)
{
    for (size_t i = 0; i < diag_length(d); i++) {
        char *line = diag_format(diag_get(d, i));
        cr_log_info("%s", line);
        g_free(line);
    }
}

/* ------------------------------------------------------------------ */
/* The HTML layer                                                      */
/* ------------------------------------------------------------------ */

static const char bilingual[] =
    "<report xmlns=\"" NS "\" version=\"1\" id=\"t1\" xml:lang=\"en\">\n"
    "  <meeting year=\"2013\"><name>Internet Governance Forum 2013</name></meeting>\n"
    "  <session type=\"workshop\" number=\"41\">\n"
    "    <title>Multistakeholder principles</title>\n"
    "    <title xml:lang=\"fr\" origin=\"human\">Principes multipartites</title>\n"
    "    <title xml:lang=\"es\" origin=\"machine\">Principios de múltiples partes</title>\n"
    "    <date when=\"2013-10-24\"/>\n"
    "    <theme>Access</theme><theme>Openness</theme>\n"
    "    <theme xml:lang=\"fr\" origin=\"human\">Accès</theme>"
    "<theme xml:lang=\"fr\" origin=\"human\">Ouverture</theme>\n"
    "  </session>\n"
    "  <content>\n"
    "    <summary><p>An English summary.</p></summary>\n"
    "    <conclusions xml:lang=\"fr\"><p>Des conclusions en français.</p></conclusions>\n"
    "  </content>\n"
    "  <attendance><count of=\"total\">12345</count></attendance>\n"
    "</report>\n";

/* The record rendered by html/report.xsl in `lang`, serialized. */
static char *render_html(const char *xml, const char *lang)
{
    record *r = load(xml);
    diag *d = diag_new();
    static const char *const params[] = {"languages", "en fr", NULL};
    xmlDoc *result =
        transform_apply(t, "html", "report.xsl", record_doc(r), "t.xml", lang, params, d);
    log_diag(d);
    cr_assert_not_null(result, "the html layer failed");
    cr_assert_eq(diag_count(d, DIAG_ERROR), 0);
    size_t len = 0;
    char *html = html_serialize(result, &len);
    xmlFreeDoc(result);
    record_free(r);
    diag_free(d);
    return html;
}

/* Whether some element whose text begins with `text` has the start tag
 * `want`; the tags found are logged otherwise. */
static void assert_tag(const char *html, const char *text, const char *want)
{
    char *needle = g_strconcat(">", text, NULL);
    GString *seen = g_string_new(NULL);
    bool found = false;
    for (const char *at = strstr(html, needle); at != NULL && !found; at = strstr(at + 1, needle)) {
        const char *lt = at;
        while (lt > html && *lt != '<')
            lt--;
        char *tag = g_strndup(lt, (gsize)(at - lt + 1));
        found = strcmp(tag, want) == 0;
        g_string_append_printf(seen, " %s", tag);
        g_free(tag);
    }
    cr_assert(found, "no %s\"%s\" in the page; found:%s", want, text,
              seen->len > 0 ? seen->str : " nothing");
    g_string_free(seen, TRUE);
    g_free(needle);
}

static void assert_has(const char *html, const char *part)
{
    cr_assert_not_null(strstr(html, part), "the page lacks %s", part);
}

static void assert_lacks(const char *html, const char *part)
{
    cr_assert_null(strstr(html, part), "the page has %s", part);
}

Test(transform, french_report_has_french_labels_and_lang)
{
    char *html = render_html(bilingual, "fr");
    cr_assert(g_str_has_prefix(html, "<!DOCTYPE html>\n"));
    assert_has(html, "<html lang=\"fr\" dir=\"ltr\">");
    assert_tag(html, "Résumé", "<h2 id=\"h-summary\">");
    assert_has(html, "24 octobre 2013");
    /* Numbers are grouped the French way. */
    assert_has(html, "12\xE2\x80\xAF"
                     "345");
    g_free(html);
}

Test(transform, english_field_in_a_french_report_says_its_language)
{
    char *html = render_html(bilingual, "fr");
    assert_tag(html, "An English summary.", "<p>");
    assert_has(html, "<div class=\"field\" lang=\"en\"><p>An English summary.</p>");
    assert_has(html, "Original en anglais");
    g_free(html);
}

Test(transform, french_copy_is_shown_in_the_french_report_without_lang)
{
    char *html = render_html(bilingual, "fr");
    assert_tag(html, "Principes multipartites", "<h1>");
    assert_lacks(html, ">Multistakeholder principles</h1>");
    /* The French original conclusions: no notice, no lang. */
    assert_has(html, "<div class=\"field\"><p>Des conclusions en français.</p>");
    g_free(html);
}

Test(transform, machine_translation_is_shown_with_a_notice)
{
    char *html = render_html(bilingual, "es");
    assert_tag(html, "Principios de múltiples partes", "<h1>");
    assert_has(html, "Traducción automática");
    g_free(html);
}

Test(transform, original_is_shown_when_the_language_has_no_copy)
{
    char *html = render_html(bilingual, "ru");
    assert_has(html, "<html lang=\"ru\" dir=\"ltr\">");
    assert_tag(html, "Multistakeholder principles", "<h1 lang=\"en\">");
    assert_has(html, "Язык оригинала: английский");
    g_free(html);
}

Test(transform, english_report_marks_the_french_field)
{
    char *html = render_html(bilingual, "en");
    assert_has(html, "<html lang=\"en\" dir=\"ltr\">");
    assert_tag(html, "Multistakeholder principles", "<h1>");
    assert_tag(html, "Summary", "<h2 id=\"h-summary\">");
    assert_has(html, "<div class=\"field\" lang=\"fr\"><p>Des conclusions en français.</p>");
    assert_has(html, "Original in French");
    assert_has(html, "12,345");
    g_free(html);
}

Test(transform, arabic_report_is_rtl_and_isolates_english_fields)
{
    char *html = render_html(bilingual, "ar");
    assert_has(html, "<html lang=\"ar\" dir=\"rtl\">");
    assert_tag(html, "Multistakeholder principles", "<h1 lang=\"en\" dir=\"ltr\">");
    assert_tag(html, "الموجز", "<h2 id=\"h-summary\">");
    assert_has(html, "24 تشرين الأول/أكتوبر 2013");
    g_free(html);
}

Test(transform, language_without_a_catalog_is_a_page_in_the_labels_language)
{
    char *html = render_html(bilingual, "de");
    /* No German catalog: the page's own language is that of its labels,
     * English; fields shown in German would say lang="de". */
    assert_has(html, "<html lang=\"en\" dir=\"ltr\">");
    assert_tag(html, "Summary", "<h2 id=\"h-summary\">");
    assert_tag(html, "Multistakeholder principles", "<h1>");
    g_free(html);
}

Test(transform, list_field_shows_every_copy_of_the_chosen_language)
{
    char *html = render_html(bilingual, "fr");
    assert_has(html, ">Accès<");
    assert_has(html, ">Ouverture<");
    assert_lacks(html, ">Access<");
    assert_lacks(html, ">Openness<");
    g_free(html);
    html = render_html(bilingual, "es");
    /* No Spanish theme: both English originals. */
    assert_has(html, ">Access<");
    assert_has(html, ">Openness<");
    assert_lacks(html, ">Accès<");
    g_free(html);
}

Test(transform, report_language_region_uses_the_language_copy)
{
    char *html = render_html(bilingual, "fr-CA");
    assert_has(html, "<html lang=\"fr-CA\" dir=\"ltr\">");
    /* The copy says it is French; French serves fr-CA without a notice. */
    assert_tag(html, "Principes multipartites", "<h1 lang=\"fr\">");
    assert_tag(html, "Résumé", "<h2 id=\"h-summary\">");
    g_free(html);
}

Test(transform, record_text_is_escaped_in_the_page)
{
    static const char hostile[] =
        "<report xmlns=\"" NS "\" version=\"1\" id=\"x\" xml:lang=\"en\">"
        "<meeting year=\"2013\"><name>IGF</name></meeting>"
        "<session type=\"workshop\"><title>&lt;script&gt;alert(1)&lt;/script&gt;</title></session>"
        "<content><summary>S</summary></content></report>";
    char *html = render_html(hostile, "en");
    assert_lacks(html, "<script>");
    assert_has(html, "&lt;script&gt;alert(1)&lt;/script&gt;");
    g_free(html);
}

/* ------------------------------------------------------------------ */
/* Security                                                            */
/* ------------------------------------------------------------------ */

static bool has_message(const diag *d, const char *part)
{
    for (size_t i = 0; i < diag_length(d); i++) {
        if (strstr(diag_get(d, i)->message, part) != NULL)
            return true;
    }
    return false;
}

Test(transform, stylesheet_outside_the_styles_directory_is_refused)
{
    /* A valid stylesheet, outside styles/, reached through "..". */
    char *outside = g_dir_make_tmp("rp-outside-XXXXXX", NULL);
    char *sheet = g_build_filename(outside, "evil.xsl", NULL);
    cr_assert(g_file_set_contents(sheet,
                                  "<xsl:stylesheet version=\"1.0\" "
                                  "xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">"
                                  "<xsl:template match=\"/\"><owned/></xsl:template>"
                                  "</xsl:stylesheet>",
                                  -1, NULL));
    char *layer = g_strconcat("../../../../../../../../../../..", outside, NULL);
    diag *d = diag_new();
    bool prepared = transform_prepare(t, layer, "evil.xsl", d);
    /* Nor can it be applied. */
    record *r = load(bilingual);
    xmlDoc *result = transform_apply(t, layer, "evil.xsl", record_doc(r), "t.xml", "en", NULL, d);
    g_unlink(sheet);
    g_rmdir(outside);
    log_diag(d);
    cr_assert_not(prepared);
    cr_assert_null(result);
    cr_assert_geq(diag_count(d, DIAG_ERROR), 1);
    cr_assert(has_message(d, "refused"), "no refusal among the errors");
    record_free(r);
    diag_free(d);
    g_free(layer);
    g_free(sheet);
    g_free(outside);
}

Test(transform, missing_stylesheet_is_an_error)
{
    diag *d = diag_new();
    cr_assert_not(transform_prepare(t, "html", "no-such-sheet.xsl", d));
    cr_assert_geq(diag_count(d, DIAG_ERROR), 1);
    const diag_entry *last = diag_get(d, diag_length(d) - 1);
    cr_assert_str_eq(last->message, "the stylesheet has errors");
    cr_assert_str_eq(last->rule, "xslt");
    diag_free(d);
}

Test(transform, html_layer_compiles)
{
    diag *d = diag_new();
    cr_assert(transform_prepare(t, "html", "report.xsl", d));
    log_diag(d);
    cr_assert_eq(diag_count(d, DIAG_ERROR), 0);
    /* Compiled once, reused. */
    cr_assert(transform_prepare(t, "html", "report.xsl", d));
    diag_free(d);
}

Test(transform, styles_dir_is_canonical)
{
    char *real = realpath(styles, NULL);
    cr_assert_str_eq(transform_styles_dir(), real);
    free(real);
}

/* ------------------------------------------------------------------ */
/* Extension functions, through stylesheets of a customization layer  */
/* ------------------------------------------------------------------ */

static int n_probes;

/* Writes <custom>/<layer>.xsl with `body` as the result of "/", applies
 * it to `xml` in `lang`, and returns the text of the result (or NULL on
 * failure, with the diagnostics in *out if out is not NULL). */
static char *run_probe(const char *xml, const char *lang, const char *top, const char *body,
                       diag **out)
{
    char layer[32];
    g_snprintf(layer, sizeof layer, "probe%d", ++n_probes);
    char *name = g_strconcat(layer, ".xsl", NULL);
    char *path = g_build_filename(custom, name, NULL);
    char *sheet =
        g_strconcat("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<xsl:stylesheet version=\"1.0\"\n"
                    "    xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\"\n"
                    "    xmlns:r=\"" NS "\" xmlns:rp=\"" TRANSFORM_EXT_NS "\"\n"
                    "    xmlns:exsl=\"http://exslt.org/common\"\n"
                    "    extension-element-prefixes=\"exsl\" exclude-result-prefixes=\"r rp\">\n",
                    top != NULL ? top : "",
                    "  <xsl:param name=\"lang\" select=\"'en'\"/>\n"
                    "  <xsl:template match=\"/\"><out>",
                    body,
                    "</out></xsl:template>\n"
                    "</xsl:stylesheet>\n",
                    NULL);
    cr_assert(g_file_set_contents(path, sheet, -1, NULL));
    record *r = load(xml);
    diag *d = diag_new();
    xmlDoc *result = transform_apply(t, layer, "report.xsl", record_doc(r), "t.xml", lang, NULL, d);
    char *text = NULL;
    if (result != NULL) {
        xmlChar *c = xmlNodeGetContent(xmlDocGetRootElement(result));
        text = g_strdup((const char *)c);
        xmlFree(c);
        xmlFreeDoc(result);
    }
    if (out != NULL) {
        *out = d;
    } else {
        log_diag(d);
        diag_free(d);
    }
    record_free(r);
    g_free(sheet);
    g_free(path);
    g_free(name);
    return text;
}

/* The string value of the XPath expression `expr`, in a report in `lang`. */
static char *eval(const char *xml, const char *lang, const char *expr)
{
    char *body = g_strdup_printf("<xsl:value-of select=\"%s\"/>", expr);
    char *text = run_probe(xml, lang, NULL, body, NULL);
    g_free(body);
    cr_assert_not_null(text, "%s failed", expr);
    return text;
}

static void assert_eval(const char *xml, const char *lang, const char *expr, const char *want)
{
    char *got = eval(xml, lang, expr);
    cr_assert_str_eq(got, want, "%s in %s", expr, lang);
    g_free(got);
}

/* Each node of rp:pick(`nodes`) as "lang:text;". */
static char *picked(const char *xml, const char *lang, const char *nodes)
{
    char *body = g_strdup_printf(
        "<xsl:for-each select=\"rp:pick(%s)\">"
        "<xsl:value-of select=\"concat(ancestor-or-self::*[@xml:lang][1]/@xml:lang, ':', "
        "normalize-space(.), ';')\"/></xsl:for-each>",
        nodes);
    char *text = run_probe(xml, lang, NULL, body, NULL);
    g_free(body);
    cr_assert_not_null(text, "rp:pick(%s) failed", nodes);
    return text;
}

static void assert_picked(const char *xml, const char *lang, const char *nodes, const char *want)
{
    char *got = picked(xml, lang, nodes);
    cr_assert_str_eq(got, want, "rp:pick(%s) in %s", nodes, lang);
    g_free(got);
}

static const char copies[] =
    "<report xmlns=\"" NS "\" version=\"1\" id=\"c\" xml:lang=\"en\">\n"
    "  <meeting year=\"2013\"><name>IGF</name><name xml:lang=\"fr\" origin=\"human\">FGI</name>"
    "</meeting>\n"
    "  <session type=\"workshop\">\n"
    "    <title xml:lang=\"fr\" origin=\"human\">Titre</title>\n"
    "    <title>Title</title>\n"
    "    <title xml:lang=\"zh-Hans\" origin=\"machine\">标题</title>\n"
    "    <theme>A</theme><theme>B</theme><theme xml:lang=\"fr\" origin=\"human\">A-fr</theme>"
    "<theme xml:lang=\"fr\" origin=\"human\">B-fr</theme>\n"
    "    <topic xml:lang=\"es\" origin=\"human\">T-es</topic>"
    "<topic xml:lang=\"fr\" origin=\"machine\">T-fr</topic>\n"
    "  </session>\n"
    "  <content><summary><p>S</p></summary></content>\n"
    "</report>\n";

Test(ext, pick_takes_the_copy_in_the_report_language)
{
    assert_picked(copies, "fr", "/r:report/r:session/r:title", "fr:Titre;");
    assert_picked(copies, "en", "/r:report/r:session/r:title", "en:Title;");
    assert_picked(copies, "zh-Hans", "/r:report/r:session/r:title", "zh-Hans:标题;");
}

Test(ext, pick_matches_languages_by_prefix_either_way)
{
    assert_picked(copies, "fr-CA", "/r:report/r:session/r:title", "fr:Titre;");
    assert_picked(copies, "zh", "/r:report/r:session/r:title", "zh-Hans:标题;");
}

Test(ext, pick_falls_back_to_the_original)
{
    /* No Russian copy: the original, wherever it stands. */
    assert_picked(copies, "ru", "/r:report/r:session/r:title", "en:Title;");
}

Test(ext, pick_falls_back_to_the_first_without_an_original)
{
    assert_picked(copies, "ru", "/r:report/r:session/r:topic", "es:T-es;");
}

Test(ext, pick_gives_all_copies_of_a_list_field_in_the_chosen_language)
{
    assert_picked(copies, "fr", "/r:report/r:session/r:theme", "fr:A-fr;fr:B-fr;");
    assert_picked(copies, "ru", "/r:report/r:session/r:theme", "en:A;en:B;");
    assert_picked(copies, "fr", "/r:report/r:meeting/r:name", "fr:FGI;");
}

Test(ext, pick_with_an_explicit_language)
{
    assert_picked(copies, "en", "/r:report/r:session/r:title, 'fr'", "fr:Titre;");
}

Test(ext, pick_of_nothing_is_nothing)
{
    assert_picked(copies, "en", "/r:report/r:session/r:subtheme", "");
    assert_eval(copies, "en", "count(rp:pick(/r:report/r:session/r:title))", "1");
}

Test(ext, label_from_the_catalog_of_the_report_language)
{
    assert_eval(copies, "fr", "rp:label('label.summary')", "Résumé");
    assert_eval(copies, "de", "rp:label('label.summary')", "Summary");
    assert_eval(copies, "en", "rp:label('label.summary', 'zh')", "摘要");
    assert_eval(copies, "fr", "rp:label('no.such.key')", "no.such.key");
}

Test(ext, label_lang_names_the_catalog_that_answered)
{
    assert_eval(copies, "fr", "rp:label-lang('label.summary')", "fr");
    assert_eval(copies, "fr-CA", "rp:label-lang('label.summary')", "fr");
    assert_eval(copies, "de", "rp:label-lang('label.summary')", "en");
    assert_eval(copies, "fr", "rp:label-lang('label.summary', 'ru')", "ru");
}

Test(ext, format_fills_placeholders)
{
    assert_eval(copies, "fr", "rp:format('notice.original-in', 'language', 'anglais')",
                "Original en anglais");
    assert_eval(copies, "en", "rp:format('ui.generated-by', 'version', '1.2')",
                "Generated by Rapporteur 1.2");
    /* An unknown key is its own pattern. */
    assert_eval(copies, "en", "rp:format('{a} and {b}', 'a', '1', 'b', '2')", "1 and 2");
}

Test(ext, date_by_the_catalogs_table)
{
    assert_eval(copies, "fr", "rp:date('2024-06-01')", "1er juin 2024");
    assert_eval(copies, "en", "rp:date('2013-10-24', 'ru')", "24 октября 2013 года");
    assert_eval(copies, "zh", "rp:date('2013-10-24')", "2013年10月24日");
    assert_eval(copies, "en", "rp:date('24/10/2013')", "24/10/2013");
}

Test(ext, number_with_the_language_grouping)
{
    assert_eval(copies, "en", "rp:number('1234567')", "1,234,567");
    assert_eval(copies, "fr", "rp:number(12345)",
                "12\xE2\x80\xAF"
                "345");
    assert_eval(copies, "en", "rp:number(' +12345 ')", "12,345");
    assert_eval(copies, "en", "rp:number('12 apples')", "12 apples");
    assert_eval(copies, "en", "rp:number('')", "");
}

Test(ext, line_and_col_of_record_nodes)
{
    assert_eval(copies, "en", "rp:line(/r:report/r:session/r:title[2])", "5");
    assert_eval(copies, "en", "rp:col(/r:report/r:session/r:title[2])", "5");
    assert_eval(copies, "en", "rp:line(/r:report/r:session/@type)", "3");
    assert_eval(copies, "en", "rp:col(/r:report/r:session/@type)", "12");
    assert_eval(copies, "en", "rp:line(/r:report/r:nothing)", "0");
}

Test(ext, same_lang_is_a_prefix_match)
{
    assert_eval(copies, "en", "rp:same-lang('zh', 'zh-Hans')", "true");
    assert_eval(copies, "en", "rp:same-lang('EN-gb', 'en')", "true");
    assert_eval(copies, "en", "rp:same-lang('en', 'es')", "false");
    assert_eval(copies, "en", "rp:same-lang('zh-Hans', 'zh-Hant')", "false");
    assert_eval(copies, "en", "rp:same-lang('e', 'en')", "false");
    assert_eval(copies, "en", "rp:same-lang('', '')", "false");
}

Test(ext, language_names)
{
    assert_eval(copies, "en", "rp:lang-name('fr')", "French");
    assert_eval(copies, "fr", "rp:lang-name('en')", "anglais");
    assert_eval(copies, "en", "rp:lang-name('fr-CA')", "French");
    assert_eval(copies, "en", "rp:lang-name('zh-Hans')", "Chinese");
    assert_eval(copies, "en", "rp:lang-name('qaa')", "qaa");
    assert_eval(copies, "en", "rp:self-name('fr')", "Français");
    assert_eval(copies, "en", "rp:self-name('zh')", "中文");
}

Test(ext, ui_lang_and_dir)
{
    assert_eval(copies, "fr-CA", "rp:ui-lang()", "fr");
    assert_eval(copies, "zh-CN", "rp:ui-lang()", "zh-Hans");
    assert_eval(copies, "de", "rp:ui-lang()", "en");
    assert_eval(copies, "en", "rp:ui-lang('ar')", "ar");
    assert_eval(copies, "en", "rp:dir('ar')", "rtl");
    assert_eval(copies, "en", "rp:dir('fr')", "ltr");
    assert_eval(copies, "en", "rp:version()", RP_VERSION);
}

Test(ext, lang_parameter_is_the_report_language)
{
    assert_eval(copies, "pt-BR", "$lang", "pt-BR");
}

Test(ext, wrong_arity_fails_the_transform)
{
    diag *d = NULL;
    char *text = run_probe(copies, "en", NULL, "<xsl:value-of select=\"rp:label()\"/>", &d);
    log_diag(d);
    cr_assert_null(text);
    cr_assert_geq(diag_count(d, DIAG_ERROR), 1);
    diag_free(d);
}

/* A runtime error is reported at its place in the stylesheet: the probe's
 * body is on line 8 of probe1.xsl. */
Test(ext, runtime_error_names_the_stylesheet_and_line)
{
    diag *d = NULL;
    char *text = run_probe(copies, "en", NULL, "<xsl:value-of select=\"rp:label()\"/>", &d);
    cr_assert_null(text);
    char *sheet = g_build_filename(custom, "probe1.xsl", NULL);
    bool placed = false;
    for (size_t i = 0; i < diag_length(d); i++) {
        const diag_entry *e = diag_get(d, i);
        if (g_strcmp0(e->rule, "xslt") == 0 && g_strcmp0(e->file, sheet) == 0 && e->line == 8)
            placed = true;
    }
    log_diag(d);
    cr_assert(placed, "no [xslt] error at %s:8", sheet);
    g_free(sheet);
    diag_free(d);
}

Test(ext, xsl_message_terminate_fails_the_transform)
{
    diag *d = NULL;
    char *text =
        run_probe(copies, "en", NULL, "<xsl:message terminate=\"yes\">stop here</xsl:message>", &d);
    log_diag(d);
    cr_assert_null(text);
    cr_assert(has_message(d, "stop here"));
    diag_free(d);
}

/* ------------------------------------------------------------------ */
/* Security of a customization layer                                   */
/* ------------------------------------------------------------------ */

Test(ext, document_outside_the_allowed_directories_is_refused)
{
    static const char *const uris[] = {"/etc/passwd", "file:///etc/passwd",
                                       "../../../../../../../../etc/passwd",
                                       "http://example.org/x.xml", NULL};
    for (const char *const *uri = uris; *uri != NULL; uri++) {
        char *body = g_strdup_printf("<xsl:value-of select=\"count(document('%s')/*)\"/>", *uri);
        diag *d = NULL;
        char *text = run_probe(copies, "en", NULL, body, &d);
        cr_assert(text == NULL || strcmp(text, "0") == 0, "%s was read: %s", *uri, text);
        cr_assert_geq(diag_count(d, DIAG_ERROR), 1, "%s: no error", *uri);
        g_free(text);
        diag_free(d);
        g_free(body);
    }
}

Test(ext, document_inside_the_styles_directory_is_allowed)
{
    assert_eval(copies, "en", "count(document('rapporteur:schema/record.rng')/*)", "1");
}

Test(ext, document_through_a_symlink_leading_out_is_refused)
{
    char *outside = g_dir_make_tmp("rp-outside-XXXXXX", NULL);
    char *secret = g_build_filename(outside, "secret.xml", NULL);
    cr_assert(g_file_set_contents(secret, "<secret>s3cr3t</secret>", -1, NULL));
    char *link = g_build_filename(custom, "secret.xml", NULL);
    cr_assert_eq(symlink(secret, link), 0);
    diag *d = NULL;
    char *text =
        run_probe(copies, "en", NULL, "<xsl:value-of select=\"document('secret.xml')\"/>", &d);
    g_unlink(link);
    g_unlink(secret);
    g_rmdir(outside);
    cr_assert(text == NULL || strstr(text, "s3cr3t") == NULL, "the secret was read: %s", text);
    cr_assert_geq(diag_count(d, DIAG_ERROR), 1);
    g_free(text);
    diag_free(d);
    g_free(link);
    g_free(secret);
    g_free(outside);
}

Test(ext, import_from_outside_is_refused)
{
    diag *d = NULL;
    char *text = run_probe(copies, "en", "  <xsl:import href=\"/etc/hostname\"/>\n", "x", &d);
    log_diag(d);
    cr_assert_null(text);
    cr_assert(has_message(d, "refused"));
    diag_free(d);
}

Test(ext, writing_files_is_forbidden)
{
    char *target = g_build_filename(custom, "written.txt", NULL);
    char *body =
        g_strdup_printf("<exsl:document href=\"%s\" method=\"text\">pwned</exsl:document>", target);
    diag *d = NULL;
    char *text = run_probe(copies, "en", NULL, body, &d);
    cr_assert_null(text, "the transform succeeded");
    cr_assert_geq(diag_count(d, DIAG_ERROR), 1);
    cr_assert_not(g_file_test(target, G_FILE_TEST_EXISTS), "the file was written");
    diag_free(d);
    g_free(body);
    g_free(target);
}

Test(ext, record_cannot_bring_a_dtd_through_document)
{
    /* A document() target with a DOCTYPE and an external entity. */
    char *evil = g_build_filename(custom, "evil.xml", NULL);
    cr_assert(g_file_set_contents(evil,
                                  "<?xml version=\"1.0\"?>\n"
                                  "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n"
                                  "<x>&e;</x>\n",
                                  -1, NULL));
    diag *d = NULL;
    char *text =
        run_probe(copies, "en", NULL, "<xsl:value-of select=\"document('evil.xml')\"/>", &d);
    cr_assert(text == NULL || strstr(text, "root:") == NULL, "/etc/passwd leaked: %s", text);
    g_free(text);
    diag_free(d);
    g_free(evil);
}

Test(ext, custom_layer_imports_ours_by_the_rapporteur_scheme)
{
    char *path = g_build_filename(custom, "html.xsl", NULL);
    cr_assert(g_file_set_contents(
        path,
        "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">\n"
        "  <xsl:import href=\"rapporteur:html/report.xsl\"/>\n"
        "  <xsl:template name=\"user.footer\"><p class=\"mine\">Custom footer</p></xsl:template>\n"
        "</xsl:stylesheet>\n",
        -1, NULL));
    char *html = render_html(bilingual, "fr");
    assert_has(html, "<p class=\"mine\">Custom footer</p>");
    assert_tag(html, "Résumé", "<h2 id=\"h-summary\">");
    g_free(html);
    g_free(path);
}

/* ------------------------------------------------------------------ */
/* Right to left                                                       */
/* ------------------------------------------------------------------ */

Test(rtl, right_to_left_languages)
{
    static const char *const rtl[] = {"ar", "fa",  "he", "ur",    "ps",    "sd",    "ug",     "yi",
                                      "dv", "ckb", "AR", "ar-EG", "he-IL", "fa-AF", "ar-001", NULL};
    for (const char *const *l = rtl; *l != NULL; l++)
        cr_assert_eq(transform_is_rtl(*l), 1, "%s should be rtl", *l);
}

Test(rtl, script_subtag_decides)
{
    cr_assert_eq(transform_is_rtl("az-Arab"), 1);
    cr_assert_eq(transform_is_rtl("az-Arab-IR"), 1);
    cr_assert_eq(transform_is_rtl("pa-Arab"), 1);
    cr_assert_eq(transform_is_rtl("ku-arab"), 1);
    cr_assert_eq(transform_is_rtl("yi-Hebr"), 1);
    cr_assert_eq(transform_is_rtl("az-Latn"), 0);
    cr_assert_eq(transform_is_rtl("ku-Latn"), 0);
    cr_assert_eq(transform_is_rtl("sd-Deva"), 0);
    cr_assert_eq(transform_is_rtl("ar-Latn"), 0);
}

Test(rtl, left_to_right_languages)
{
    static const char *const ltr[] = {"en",      "fr", "zh-Hans", "zh",        "ru", "es", "az",
                                      "az-Latn", "ja", "en-US",   "x-klingon", "",   NULL};
    for (const char *const *l = ltr; *l != NULL; l++)
        cr_assert_eq(transform_is_rtl(*l), 0, "%s should be ltr", *l);
    cr_assert_eq(transform_is_rtl(NULL), 0);
}
