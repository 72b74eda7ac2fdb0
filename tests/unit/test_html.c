/* Unit tests of html (generator/html.h): the result of an HTML stylesheet
 * serialized as an HTML5 document. The results are made by libxslt from
 * small stylesheets, as transform.c makes them from the real ones. */
#include <criterion/criterion.h>

#include <string.h>

#include <glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxslt/transform.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltutils.h>

#include "html.h"

#define HTML_OUTPUT "method=\"html\" encoding=\"UTF-8\" indent=\"no\""

static GPtrArray *stylesheets; /* of xsltStylesheet*, freed at the end */
static xmlDoc *input;

static void setup(void)
{
    stylesheets = g_ptr_array_new_with_free_func((GDestroyNotify)xsltFreeStylesheet);
    input = xmlReadMemory("<x/>", 4, "in.xml", NULL, 0);
    cr_assert_not_null(input);
}

static void teardown(void)
{
    xmlFreeDoc(input);
    g_ptr_array_free(stylesheets, TRUE);
    xsltCleanupGlobals();
    xmlCleanupParser();
}

TestSuite(html, .init = setup, .fini = teardown);

/* The result of a stylesheet with <xsl:output `output`/> whose only
 * template writes `body`. xmlFreeDoc() it. */
static xmlDoc *result_of(const char *output, const char *body)
{
    char *xsl = g_strdup_printf(
        "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">\n"
        "<xsl:output %s/>\n<xsl:template match=\"/\">%s</xsl:template>\n</xsl:stylesheet>\n",
        output, body);
    xmlDoc *doc = xmlReadMemory(xsl, (int)strlen(xsl), "t.xsl", NULL, 0);
    cr_assert_not_null(doc, "the test's stylesheet is not XML:\n%s", xsl);
    xsltStylesheet *ss = xsltParseStylesheetDoc(doc);
    cr_assert_not_null(ss, "the test's stylesheet is not XSLT:\n%s", xsl);
    g_ptr_array_add(stylesheets, ss);
    xmlDoc *res = xsltApplyStylesheet(ss, input, NULL);
    cr_assert_not_null(res);
    g_free(xsl);
    return res;
}

/* `body` (an HTML page) transformed and serialized; g_free() it. */
static char *page(const char *body)
{
    xmlDoc *res = result_of(HTML_OUTPUT, body);
    size_t len = 0;
    char *html = html_serialize(res, &len);
    cr_assert_eq(len, strlen(html));
    xmlFreeDoc(res);
    return html;
}

/* A page whose body is `content`. */
static char *page_with(const char *content)
{
    char *body = g_strconcat("<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>T</title>"
                             "</head><body>",
                             content, "</body></html>", NULL);
    char *html = page(body);
    g_free(body);
    return html;
}

/* The serialized body: what lies between <body> and </body>. */
static char *body_of(const char *html)
{
    const char *start = strstr(html, "<body>");
    const char *end = strstr(html, "</body>");
    cr_assert(start != NULL && end != NULL && start < end, "no body in:\n%s", html);
    start += strlen("<body>");
    return g_strndup(start, (gsize)(end - start));
}

static void assert_body(const char *content, const char *want)
{
    char *html = page_with(content);
    char *got = body_of(html);
    cr_assert_str_eq(got, want, "from %s", content);
    g_free(got);
    g_free(html);
}

static size_t occurrences(const char *s, const char *part)
{
    size_t n = 0;
    for (const char *p = strstr(s, part); p != NULL; p = strstr(p + 1, part))
        n++;
    return n;
}

/* The serialized page parsed by an HTML parser. */
static htmlDocPtr parse_back(const char *html)
{
    htmlDocPtr doc = htmlReadMemory(html, (int)strlen(html), "out.html", "UTF-8",
                                    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    cr_assert_not_null(doc);
    return doc;
}

static xmlNode *find(xmlNode *n, const char *name)
{
    for (; n != NULL; n = n->next) {
        if (n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, BAD_CAST name))
            return n;
        xmlNode *found = find(n->children, name);
        if (found != NULL)
            return found;
    }
    return NULL;
}

/* ------------------------------------------------------------------ */
/* The document                                                        */
/* ------------------------------------------------------------------ */

Test(html, starts_with_the_html5_doctype_and_no_xml_declaration)
{
    char *html = page_with("<p>x</p>");
    cr_assert(g_str_has_prefix(html, "<!DOCTYPE html>\n<html lang=\"en\">"), "%s", html);
    cr_assert_eq(occurrences(html, "<!DOCTYPE"), 1, "%s", html);
    cr_assert_null(strstr(html, "<?xml"), "%s", html);
    g_free(html);
}

Test(html, ends_with_the_root_and_one_newline)
{
    char *html = page_with("<p>x</p>");
    cr_assert(g_str_has_suffix(html, "</body></html>\n"), "%s", html);
    cr_assert_not(g_str_has_suffix(html, "\n\n"), "%s", html);
    g_free(html);
}

Test(html, the_stylesheets_own_doctype_is_replaced_by_the_html5_one)
{
    xmlDoc *res = result_of("method=\"html\" encoding=\"UTF-8\" "
                            "doctype-public=\"-//W3C//DTD HTML 4.01//EN\" "
                            "doctype-system=\"http://www.w3.org/TR/html4/strict.dtd\"",
                            "<html><head><title>T</title></head><body/></html>");
    size_t len = 0;
    char *html = html_serialize(res, &len);
    cr_assert(g_str_has_prefix(html, "<!DOCTYPE html>\n<html>"), "%s", html);
    cr_assert_eq(occurrences(html, "<!DOCTYPE"), 1, "%s", html);
    cr_assert_null(strstr(html, "4.01"), "%s", html);
    g_free(html);
    xmlFreeDoc(res);
}

Test(html, a_result_of_the_xml_method_gets_no_xml_declaration_either)
{
    xmlDoc *res = result_of("method=\"xml\" encoding=\"UTF-8\"",
                            "<html><head><title>T</title></head><body><br/><div/></body></html>");
    size_t len = 0;
    char *html = html_serialize(res, &len);
    cr_assert_str_eq(html, "<!DOCTYPE html>\n<html><head><title>T</title></head>"
                           "<body><br><div></div></body></html>\n");
    g_free(html);
    xmlFreeDoc(res);
}

Test(html, length_counts_bytes_and_the_buffer_is_terminated)
{
    xmlDoc *res =
        result_of(HTML_OUTPUT, "<html><body><p>caf\xC3\xA9 \xE4\xB8\xAD</p></body></html>");
    size_t len = 0;
    char *html = html_serialize(res, &len);
    const char *want =
        "<!DOCTYPE html>\n<html><body><p>caf\xC3\xA9 \xE4\xB8\xAD</p></body></html>\n";
    cr_assert_eq(len, strlen(want), "len %zu, expected %zu", len, strlen(want));
    cr_assert_eq(memcmp(html, want, len + 1), 0, "%s", html);
    g_free(html);
    xmlFreeDoc(res);
}

Test(html, comments_before_the_root_are_kept_after_the_doctype)
{
    char *html = page("<xsl:comment> generated </xsl:comment><html><body/></html>");
    cr_assert_str_eq(html, "<!DOCTYPE html>\n<!-- generated --><html><body></body></html>\n");
    g_free(html);
}

Test(html, no_whitespace_is_added_between_elements)
{
    char *html = page_with("<p><span>a</span><span>b</span><em>c</em></p><ul><li>1</li><li>2</li>"
                           "</ul><table><tr><td>x</td></tr></table>");
    /* The doctype's newline and the last one: nothing else. */
    cr_assert_eq(occurrences(html, "\n"), 2, "%s", html);
    cr_assert_not_null(strstr(html, "<span>a</span><span>b</span><em>c</em>"), "%s", html);
    g_free(html);
}

/* ------------------------------------------------------------------ */
/* Elements                                                            */
/* ------------------------------------------------------------------ */

Test(html, void_elements_have_no_end_tag_and_no_slash)
{
    assert_body(
        "<br/><hr/><img src=\"a.png\" alt=\"\"/><input type=\"text\" name=\"q\"/>"
        "<table><colgroup><col/></colgroup></table><map name=\"m\"><area href=\"x\"/></map>",
        "<br><hr><img src=\"a.png\" alt=\"\"><input type=\"text\" name=\"q\">"
        "<table><colgroup><col></colgroup></table><map name=\"m\"><area href=\"x\"></map>");
}

Test(html, void_elements_of_the_head_have_no_end_tag)
{
    char *html = page("<html><head><meta charset=\"utf-8\"/><base href=\"/\"/>"
                      "<link rel=\"stylesheet\" href=\"report.css\"/><title>T</title></head>"
                      "<body/></html>");
    cr_assert_str_eq(html, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><base href=\"/\">"
                           "<link rel=\"stylesheet\" href=\"report.css\"><title>T</title></head>"
                           "<body></body></html>\n");
    g_free(html);
}

Test(html, empty_elements_that_are_not_void_keep_their_end_tag)
{
    /* <script src/> or <div/> would swallow the rest of the page. */
    assert_body("<script src=\"x.js\"></script><div/><p/><span/><a id=\"top\"/><textarea/>"
                "<td/><iframe src=\"f\"/>",
                "<script src=\"x.js\"></script><div></div><p></p><span></span><a id=\"top\"></a>"
                "<textarea></textarea><td></td><iframe src=\"f\"></iframe>");
}

/* HTML5's void elements that libxml2 2.9 does not know (wbr, source, track, embed) get no end tag. */
Test(html, html5_void_elements_have_no_end_tag)
{
    assert_body("<p>a<wbr/>b</p><video><source src=\"a.mp4\"/><track src=\"a.vtt\"/></video>"
                "<embed src=\"x\"/>",
                "<p>a<wbr>b</p><video><source src=\"a.mp4\"><track src=\"a.vtt\"></video>"
                "<embed src=\"x\">");
}

Test(html, svg_keeps_its_namespace_and_the_case_of_its_attributes)
{
    char *html = page_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\" "
                           "role=\"img\"><title>a &lt; b</title><rect width=\"1\" height=\"2\"/>"
                           "<text x=\"1\">5 &amp; 6</text></svg>");
    char *body = body_of(html);
    cr_assert(g_str_has_prefix(body, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                                     "viewBox=\"0 0 10 10\" role=\"img\"><title>a &lt; b</title>"),
              "%s", body);
    /* The rect is closed before the text, one way or the other. */
    cr_assert(strstr(body, "<rect width=\"1\" height=\"2\"/><text") != NULL ||
                  strstr(body, "<rect width=\"1\" height=\"2\"></rect><text") != NULL,
              "%s", body);
    cr_assert(g_str_has_suffix(body, "<text x=\"1\">5 &amp; 6</text></svg>"), "%s", body);
    g_free(body);
    g_free(html);
}

/* ------------------------------------------------------------------ */
/* Escaping                                                            */
/* ------------------------------------------------------------------ */

Test(html, text_escapes_markup_characters)
{
    assert_body("<p>a &lt; b &amp;&amp; c &gt; d; &lt;/p&gt;&lt;script&gt;</p>",
                "<p>a &lt; b &amp;&amp; c &gt; d; &lt;/p&gt;&lt;script&gt;</p>");
}

Test(html, non_ascii_text_is_written_as_utf8_not_as_references)
{
    assert_body("<p title=\"\xC3\xA9t\xC3\xA9\">caf\xC3\xA9 \xE4\xB8\xAD\xE6\x96\x87 "
                "\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A \xF0\x9F\x98\x80</p>",
                "<p title=\"\xC3\xA9t\xC3\xA9\">caf\xC3\xA9 \xE4\xB8\xAD\xE6\x96\x87 "
                "\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A \xF0\x9F\x98\x80</p>");
}

Test(html, script_and_style_content_is_not_escaped)
{
    char *html = page("<html><head><style>nav > a::after { content: \"&amp;\" }</style>"
                      "<script>if (a &lt; b &amp;&amp; c) { x = \"&gt;\"; }</script></head>"
                      "<body/></html>");
    cr_assert_not_null(strstr(html, "<style>nav > a::after { content: \"&\" }</style>"), "%s",
                       html);
    cr_assert_not_null(strstr(html, "<script>if (a < b && c) { x = \">\"; }</script>"), "%s", html);
    g_free(html);
}

/* An attribute written with `value` reads back as `value`. */
static void assert_attribute_survives(const char *xml_value, const char *value)
{
    char *content = g_strdup_printf("<p title=\"%s\" data-x=\"%s\">x</p>", xml_value, xml_value);
    char *html = page_with(content);
    htmlDocPtr doc = parse_back(html);
    xmlNode *p = find(xmlDocGetRootElement(doc), "p");
    cr_assert_not_null(p, "%s", html);
    const char *names[] = {"title", "data-x"};
    for (size_t i = 0; i < G_N_ELEMENTS(names); i++) {
        xmlChar *got = xmlGetProp(p, BAD_CAST names[i]);
        cr_assert_not_null(got, "no %s in %s", names[i], html);
        cr_assert_str_eq((const char *)got, value, "%s read back from:\n%s", names[i], html);
        xmlFree(got);
    }
    xmlFreeDoc(doc);
    g_free(html);
    g_free(content);
}

Test(html, attribute_values_with_quotes_read_back_as_they_were)
{
    assert_attribute_survives("say &quot;hi&quot;", "say \"hi\"");
    assert_attribute_survives("it&apos;s", "it's");
    assert_attribute_survives("it&apos;s &quot;x&quot;", "it's \"x\"");
}

Test(html, attribute_values_with_markup_characters_read_back_as_they_were)
{
    assert_attribute_survives("a &amp; b &lt;c&gt; &amp;amp; &amp;copy", "a & b <c> &amp; &copy");
}

Test(html, attribute_values_escape_ampersands_and_quotes)
{
    char *html = page_with("<p title=\"a &amp; &lt;b&gt; &quot;c&quot;\">x</p>");
    char *body = body_of(html);
    /* Double quotes escaped, or the value single-quoted. */
    cr_assert(strcmp(body, "<p title=\"a &amp; &lt;b&gt; &quot;c&quot;\">x</p>") == 0 ||
                  strcmp(body, "<p title='a &amp; &lt;b&gt; \"c\"'>x</p>") == 0,
              "%s", body);
    g_free(body);
    g_free(html);
}

Test(html, an_ampersand_in_a_link_is_escaped)
{
    char *html = page_with("<a href=\"search?a=1&amp;copy=2\">l</a>");
    cr_assert_not_null(strstr(html, "href=\"search?a=1&amp;copy=2\""), "%s", html);
    g_free(html);
}

Test(html, boolean_and_empty_attributes_keep_their_meaning)
{
    char *html = page_with("<input type=\"checkbox\" checked=\"checked\"/><img src=\"a\" alt=\"\"/>"
                           "<p hidden=\"\">h</p>");
    htmlDocPtr doc = parse_back(html);
    xmlNode *input_el = find(xmlDocGetRootElement(doc), "input");
    xmlNode *img = find(xmlDocGetRootElement(doc), "img");
    xmlNode *p = find(xmlDocGetRootElement(doc), "p");
    cr_assert(input_el != NULL && img != NULL && p != NULL, "%s", html);
    cr_assert_not_null(xmlHasProp(input_el, BAD_CAST "checked"), "%s", html);
    xmlChar *alt = xmlGetProp(img, BAD_CAST "alt");
    cr_assert_not_null(alt, "an empty alt must stay (it says: decorative): %s", html);
    cr_assert_str_empty((const char *)alt);
    xmlFree(alt);
    cr_assert_not_null(xmlHasProp(p, BAD_CAST "hidden"), "%s", html);
    xmlFreeDoc(doc);
    g_free(html);
}

/* ------------------------------------------------------------------ */
/* The one <meta charset>                                              */
/* ------------------------------------------------------------------ */

/* A result whose head holds, besides <meta charset>, the http-equiv meta
 * libxslt's html method may add, spelled as given. */
static xmlDoc *result_with_http_equiv(const char *spelling)
{
    xmlDoc *res = result_of(HTML_OUTPUT, "<html><head><meta charset=\"utf-8\"/><title>T</title>"
                                         "</head><body><p>x</p></body></html>");
    xmlNode *head = find(xmlDocGetRootElement(res), "head");
    cr_assert_not_null(head);
    xmlNode *meta = xmlNewDocNode(res, NULL, BAD_CAST "meta", NULL);
    xmlSetProp(meta, BAD_CAST "http-equiv", BAD_CAST spelling);
    xmlSetProp(meta, BAD_CAST "content", BAD_CAST "text/html; charset=UTF-8");
    xmlAddPrevSibling(head->children, meta);
    return res;
}

Test(html, libxslts_content_type_meta_is_dropped)
{
    const char *spellings[] = {"Content-Type", "content-type", "CONTENT-TYPE"};
    for (size_t i = 0; i < G_N_ELEMENTS(spellings); i++) {
        xmlDoc *res = result_with_http_equiv(spellings[i]);
        size_t len = 0;
        char *html = html_serialize(res, &len);
        cr_assert_str_eq(html,
                         "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>T"
                         "</title></head><body><p>x</p></body></html>\n",
                         "http-equiv=\"%s\"", spellings[i]);
        g_free(html);
        xmlFreeDoc(res);
    }
}

Test(html, other_metas_are_kept)
{
    char *html = page("<html><head><meta charset=\"utf-8\"/><meta http-equiv=\"refresh\" "
                      "content=\"30\"/><meta name=\"generator\" content=\"Rapporteur\"/></head>"
                      "<body/></html>");
    cr_assert_eq(occurrences(html, "<meta"), 3, "%s", html);
    cr_assert_not_null(strstr(html, "<meta http-equiv=\"refresh\" content=\"30\">"), "%s", html);
    g_free(html);
}

Test(html, a_content_type_meta_inside_the_body_is_not_looked_for)
{
    char *html = page("<html><head><meta charset=\"utf-8\"/></head><body><div><meta "
                      "http-equiv=\"Content-Type\" content=\"x\"/></div></body></html>");
    cr_assert_eq(occurrences(html, "http-equiv"), 1, "%s", html);
    g_free(html);
}

/* ------------------------------------------------------------------ */
/* Determinism                                                         */
/* ------------------------------------------------------------------ */

#define RICH_PAGE                                                                                  \
    "<html lang=\"fr\" dir=\"ltr\"><head><meta charset=\"utf-8\"/><title>R\xC3\xA9sum\xC3\xA9"     \
    "</title></head><body><h1 id=\"t\" class=\"a b\">x &amp; y</h1><p title=\"&quot;\">"           \
    "<a href=\"#t\">1</a><br/></p></body></html>"

Test(html, serializing_twice_gives_the_same_bytes)
{
    xmlDoc *res = result_with_http_equiv("Content-Type");
    size_t l1 = 0, l2 = 0;
    char *first = html_serialize(res, &l1);
    char *second = html_serialize(res, &l2);
    cr_assert_eq(l1, l2);
    cr_assert_str_eq(first, second);
    g_free(first);
    g_free(second);
    xmlFreeDoc(res);
}

Test(html, two_transformations_of_the_same_page_give_the_same_bytes)
{
    char *a = page(RICH_PAGE);
    char *b = page(RICH_PAGE);
    cr_assert_str_eq(a, b);
    g_free(a);
    g_free(b);
}

/* ------------------------------------------------------------------ */
/* One page of several                                                 */
/* ------------------------------------------------------------------ */

Test(html, one_element_of_a_result_holding_several_pages_is_a_page_of_its_own)
{
    xmlDoc *res =
        result_of(HTML_OUTPUT, "<pages><page path=\"index.en.html\"><html lang=\"en\"><head>"
                               "<meta charset=\"utf-8\"/><title>Index</title></head><body>A</body>"
                               "</html></page><page path=\"years/2009.en.html\"><html lang=\"en\">"
                               "<head><meta charset=\"utf-8\"/><title>2009</title></head>"
                               "<body>B<br/></body></html></page></pages>");
    xmlNode *pages = xmlDocGetRootElement(res);
    cr_assert_not_null(pages);
    xmlNode *second = pages->children->next->children;
    cr_assert_str_eq((const char *)second->name, "html");
    /* The http-equiv meta is dropped from this page too. */
    xmlNode *head = second->children;
    xmlNode *meta = xmlNewDocNode(res, NULL, BAD_CAST "meta", NULL);
    xmlSetProp(meta, BAD_CAST "http-equiv", BAD_CAST "Content-Type");
    xmlAddChild(head, meta);
    size_t len = 0;
    char *html = html_serialize_element(res, second, &len);
    cr_assert_eq(len, strlen(html));
    cr_assert_str_eq(html, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                           "<title>2009</title></head><body>B<br></body></html>\n");
    g_free(html);
    xmlFreeDoc(res);
}

Test(html, a_page_does_not_run_into_its_next_sibling)
{
    xmlDoc *res = result_of(HTML_OUTPUT, "<pages><html><body>A</body></html>"
                                         "<html><body>B</body></html></pages>");
    xmlNode *first = xmlDocGetRootElement(res)->children;
    size_t len = 0;
    char *html = html_serialize_element(res, first, &len);
    cr_assert_str_eq(html, "<!DOCTYPE html>\n<html><body>A</body></html>\n");
    g_free(html);
    xmlFreeDoc(res);
}
