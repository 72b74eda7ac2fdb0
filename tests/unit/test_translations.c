/* Unit tests of translations (generator/translations.h): which fields a
 * record has in each language. */
#include <criterion/criterion.h>

#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "grammar.h"
#include "record.h"
#include "translations.h"

#define NS "urn:rapporteur:report:1"

static catalog_set *cats;

static void setup(void)
{
    grammar_init();
    const char *data = getenv("RAPPORTEUR_DATA_DIR");
    cr_assert_not_null(data, "RAPPORTEUR_DATA_DIR is not set");
    char *dir = g_build_filename(data, "styles", "catalogs", NULL);
    diag *d = diag_new();
    cats = catalog_set_load(dir, d);
    cr_assert_not_null(cats);
    diag_free(d);
    g_free(dir);
}

static void teardown(void)
{
    catalog_set_free(cats);
    cats = NULL;
}

TestSuite(translations, .init = setup, .fini = teardown);

static char *report_of(const char *xml)
{
    diag *d = diag_new();
    record *r = record_load_memory(xml, strlen(xml), "r.xml", d);
    cr_assert_not_null(r, "the fixture is not well-formed");
    char *text = translations_report(r, cats);
    record_free(r);
    diag_free(d);
    return text;
}

static const char bilingual[] =
    "<report xmlns=\"" NS "\" version=\"1\" id=\"tr\" xml:lang=\"en\">\n"
    "  <meeting year=\"2013\"><name>IGF 2013</name>"
    "<name xml:lang=\"fr\" origin=\"human\">FGI 2013</name></meeting>\n"
    "  <session type=\"workshop\">\n"
    "    <title>Title</title>\n"
    "    <title xml:lang=\"fr\" origin=\"machine\">Titre</title>\n"
    "    <theme>Access</theme><theme>Openness</theme>\n"
    "  </session>\n"
    "  <cast><person xml:id=\"p1\"><name>Ann Smith</name></person></cast>\n"
    "  <content>\n"
    "    <summary><p>Summary with <name ref=\"p1\">Ann</name>.</p></summary>\n"
    "    <summary xml:lang=\"fr\" origin=\"human\"><p>Résumé</p></summary>\n"
    "    <conclusions xml:lang=\"fr\"><p>Conclusions</p></conclusions>\n"
    "  </content>\n"
    "</report>\n";

Test(translations, report_lists_present_missing_and_machine_fields_per_language)
{
    char *text = report_of(bilingual);
    cr_assert_str_eq(text, "r.xml: tr, 6 translatable fields, languages: en fr\n"
                           "  en: 5 present (5 original, 0 human, 0 machine, 0 unknown), "
                           "1 missing\n"
                           "    present:\n"
                           "      meeting/name (original)\n"
                           "      session/title (original)\n"
                           "      session/theme (original)\n"
                           "      cast/person[p1]/name (original)\n"
                           "      content/summary (original)\n"
                           "    missing:\n"
                           "      content/conclusions\n"
                           "  fr: 4 present (1 original, 2 human, 1 machine, 0 unknown), "
                           "2 missing\n"
                           "    present:\n"
                           "      meeting/name (human)\n"
                           "      session/title (machine)\n"
                           "      content/summary (human)\n"
                           "      content/conclusions (original)\n"
                           "    missing:\n"
                           "      session/theme\n"
                           "      cast/person[p1]/name\n"
                           "    machine-made:\n"
                           "      session/title (line 5)\n");
    g_free(text);
}

Test(translations, monolingual_record_has_one_block_and_nothing_missing)
{
    static const char mono[] = "<report xmlns=\"" NS "\" version=\"1\" id=\"m\" xml:lang=\"fr\">\n"
                               "  <meeting year=\"2013\"><name>FGI</name></meeting>\n"
                               "  <session type=\"workshop\"><title>Titre</title></session>\n"
                               "  <content><summary>Résumé</summary></content>\n"
                               "</report>\n";
    char *text = report_of(mono);
    cr_assert_str_eq(text, "r.xml: m, 3 translatable fields, languages: fr\n"
                           "  fr: 3 present (3 original, 0 human, 0 machine, 0 unknown), "
                           "0 missing\n"
                           "    present:\n"
                           "      meeting/name (original)\n"
                           "      session/title (original)\n"
                           "      content/summary (original)\n");
    g_free(text);
}

Test(translations, presentations_and_sections_are_told_apart)
{
    static const char text_xml[] =
        "<report xmlns=\"" NS "\" version=\"1\" id=\"p\" xml:lang=\"en\">\n"
        "  <meeting year=\"2013\"><name>IGF</name></meeting>\n"
        "  <session type=\"workshop\"><title>T</title></session>\n"
        "  <cast><person xml:id=\"a\"><name>A</name></person>"
        "<person xml:id=\"b\"><name>B</name></person></cast>\n"
        "  <content>\n"
        "    <presentation by=\"a\">PA</presentation>\n"
        "    <presentation by=\"b\">PB</presentation>\n"
        "    <presentation by=\"a\" xml:lang=\"es\" origin=\"unknown\">PA-es</presentation>\n"
        "    <section kind=\"k1\" label=\"K1\">1</section>\n"
        "    <section kind=\"k2\" label=\"K2\">2</section>\n"
        "  </content>\n"
        "  <resources><resource kind=\"video\"><label>Video</label></resource></resources>\n"
        "</report>\n";
    char *text = report_of(text_xml);
    cr_assert_str_eq(text, "r.xml: p, 9 translatable fields, languages: en es\n"
                           "  en: 9 present (9 original, 0 human, 0 machine, 0 unknown), "
                           "0 missing\n"
                           "    present:\n"
                           "      meeting/name (original)\n"
                           "      session/title (original)\n"
                           "      cast/person[a]/name (original)\n"
                           "      cast/person[b]/name (original)\n"
                           "      content/presentation[a] (original)\n"
                           "      content/presentation[b] (original)\n"
                           "      content/section[k1] (original)\n"
                           "      content/section[k2] (original)\n"
                           "      resources/resource[video]/label (original)\n"
                           "  es: 1 present (0 original, 0 human, 0 machine, 1 unknown), "
                           "8 missing\n"
                           "    present:\n"
                           "      content/presentation[a] (unknown)\n"
                           "    missing:\n"
                           "      meeting/name\n"
                           "      session/title\n"
                           "      cast/person[a]/name\n"
                           "      cast/person[b]/name\n"
                           "      content/presentation[b]\n"
                           "      content/section[k1]\n"
                           "      content/section[k2]\n"
                           "      resources/resource[video]/label\n");
    g_free(text);
}

Test(translations, a_regional_copy_serves_its_language)
{
    static const char regional[] =
        "<report xmlns=\"" NS "\" version=\"1\" id=\"r\" xml:lang=\"fr\">\n"
        "  <meeting year=\"2013\"><name>FGI</name></meeting>\n"
        "  <session type=\"workshop\"><title>Titre</title>"
        "<title xml:lang=\"fr-CA\" origin=\"human\">Titre (Canada)</title></session>\n"
        "  <content><summary>Résumé</summary></content>\n"
        "</report>\n";
    char *text = report_of(regional);
    /* A fr-CA copy serves fr too, but French copies do not serve fr-CA. */
    cr_assert(g_str_has_prefix(text, "r.xml: r, 3 translatable fields, languages: fr fr-CA\n"),
              "%s", text);
    cr_assert_not_null(strstr(text, "  fr: 3 present (3 original, 0 human, 0 machine, 0 "
                                    "unknown), 0 missing\n"),
                       "%s", text);
    cr_assert_not_null(strstr(text, "  fr-CA: 1 present (0 original, 1 human, 0 machine, 0 "
                                    "unknown), 2 missing\n"),
                       "%s", text);
    g_free(text);
}
