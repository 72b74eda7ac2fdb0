/* Unit tests of record (generator/record.h): safe loading and positions. */
#include <criterion/criterion.h>

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "record.h"

#define NS "urn:rapporteur:report:1"

static record *load(const char *xml, diag *d)
{
    return record_load_memory(xml, strlen(xml), "test.xml", d);
}

/* The first element named `name` in document order (any namespace). */
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

static xmlAttr *attr(xmlNode *el, const char *name)
{
    for (xmlAttr *a = el->properties; a != NULL; a = a->next) {
        if (xmlStrEqual(a->name, BAD_CAST name))
            return a;
    }
    cr_assert_fail("<%s> has no attribute %s", el->name, name);
    return NULL;
}

/* Where the first occurrence of `marker` starts in `text`: 1-based line,
 * and 1-based column in characters (UTF-8 continuation bytes do not
 * count), as an editor shows it. */
static void where(const char *text, const char *marker, int *line, int *col)
{
    const char *at = strstr(text, marker);
    cr_assert_not_null(at, "marker %s not in the fixture", marker);
    *line = 1;
    *col = 1;
    for (const char *p = text; p < at; p++) {
        if (*p == '\n') {
            (*line)++;
            *col = 1;
        } else if (((unsigned char)*p & 0xC0) != 0x80) {
            (*col)++;
        }
    }
}

static void assert_node_pos(const xmlNode *n, int line, int col)
{
    cr_assert_eq(record_node_line(n), line, "<%s> line %d, expected %d", n->name,
                 record_node_line(n), line);
    cr_assert_eq(record_node_col(n), col, "<%s> column %d, expected %d", n->name,
                 record_node_col(n), col);
}

static void assert_attr_pos(const xmlAttr *a, int line, int col)
{
    cr_assert_eq(record_attr_line(a), line, "@%s line %d, expected %d", a->name,
                 record_attr_line(a), line);
    cr_assert_eq(record_attr_col(a), col, "@%s column %d, expected %d", a->name, record_attr_col(a),
                 col);
}

/* Asserts that the element or attribute starts where `marker` does. */
static void assert_node_at_marker(const xmlNode *n, const char *text, const char *marker)
{
    int line, col;
    where(text, marker, &line, &col);
    assert_node_pos(n, line, col);
}

static void assert_attr_at_marker(const xmlAttr *a, const char *text, const char *marker)
{
    int line, col;
    where(text, marker, &line, &col);
    assert_attr_pos(a, line, col);
}

/* ------------------------------------------------------------------ */
/* Well-formed records                                                 */
/* ------------------------------------------------------------------ */

static const char small[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<report xmlns=\"" NS "\" version=\"1\" id=\"igf2013-ws041\" xml:lang=\"en\">\n"
    "  <session type=\"workshop\"><title>T</title></session>\n"
    "</report>\n";

Test(record, well_formed_record_loads_without_diagnostics)
{
    diag *d = diag_new();
    record *r = load(small, d);
    cr_assert_not_null(r);
    cr_assert_eq(diag_length(d), 0);
    cr_assert_not_null(record_doc(r));
    xmlNode *root = record_root(r);
    cr_assert(record_is(root, "report"));
    cr_assert_str_eq(record_path(r), "test.xml");
    cr_assert_str_eq(record_id(r), "igf2013-ws041");
    cr_assert_str_eq(record_lang(r), "en");
    record_free(r);
    diag_free(d);
}

Test(record, free_accepts_null)
{
    record_free(NULL);
}

Test(record, id_and_lang_are_null_or_empty_when_absent)
{
    diag *d = diag_new();
    record *r = load("<report xmlns=\"" NS "\"/>", d);
    cr_assert_not_null(r);
    cr_assert_null(record_id(r));
    cr_assert_str_eq(record_lang(r), "");
    record_free(r);
    diag_free(d);
}

Test(record, load_reads_a_file_and_names_it)
{
    diag *d = diag_new();
    char *dir = g_dir_make_tmp("rp-record-XXXXXX", NULL);
    char *path = g_build_filename(dir, "r.xml", NULL);
    cr_assert(g_file_set_contents(path, small, -1, NULL));
    record *r = record_load(path, d);
    cr_assert_not_null(r);
    cr_assert_eq(diag_length(d), 0);
    cr_assert_str_eq(record_path(r), path);
    cr_assert_str_eq(record_id(r), "igf2013-ws041");
    record_free(r);
    g_unlink(path);
    g_rmdir(dir);
    g_free(path);
    g_free(dir);
    diag_free(d);
}

Test(record, missing_file_is_an_error_naming_it)
{
    diag *d = diag_new();
    record *r = record_load("/nonexistent/rapporteur/r.xml", d);
    cr_assert_null(r);
    cr_assert_eq(diag_count(d, DIAG_ERROR), 1);
    const diag_entry *e = diag_get(d, 0);
    cr_assert_str_eq(e->file, "/nonexistent/rapporteur/r.xml");
    cr_assert(g_str_has_prefix(e->message, "cannot read the record: "), "%s", e->message);
    diag_free(d);
}

/* ------------------------------------------------------------------ */
/* Positions                                                           */
/* ------------------------------------------------------------------ */

static const char positions[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<report xmlns=\"" NS "\" version=\"1\"\n"
    "        id=\"r1\"\n"
    "        xml:lang=\"en\">\n"
    "  <meeting year=\"2013\" kind=\"global\"><name>IGF</name></meeting>\n"
    "\t<session\n"
    "     type=\"workshop\" number=\"41\"\n"
    "  ><title xml:lang=\"fr\">T</title></session>\n"
    "</report>\n";

Test(record, element_on_one_line_has_its_line_and_column)
{
    diag *d = diag_new();
    record *r = load(positions, d);
    cr_assert_not_null(r);
    xmlNode *meeting = find(record_root(r), "meeting");
    assert_node_pos(meeting, 5, 3);
    assert_node_pos(find(meeting, "name"), 5, 38);
    record_free(r);
    diag_free(d);
}

Test(record, attributes_on_the_start_tag_line)
{
    diag *d = diag_new();
    record *r = load(positions, d);
    cr_assert_not_null(r);
    xmlNode *meeting = find(record_root(r), "meeting");
    assert_attr_pos(attr(meeting, "year"), 5, 12);
    assert_attr_pos(attr(meeting, "kind"), 5, 24);
    record_free(r);
    diag_free(d);
}

Test(record, root_of_a_multi_line_start_tag_is_where_its_angle_bracket_is)
{
    diag *d = diag_new();
    record *r = load(positions, d);
    cr_assert_not_null(r);
    assert_node_pos(record_root(r), 2, 1);
    assert_attr_pos(attr(record_root(r), "version"), 2, 41);
    record_free(r);
    diag_free(d);
}

Test(record, attributes_on_later_lines_of_a_start_tag)
{
    diag *d = diag_new();
    record *r = load(positions, d);
    cr_assert_not_null(r);
    xmlNode *root = record_root(r);
    assert_attr_pos(attr(root, "id"), 3, 9);
    /* xml:lang is placed too, by its prefixed name. */
    assert_attr_pos(attr(root, "lang"), 4, 9);
    record_free(r);
    diag_free(d);
}

Test(record, element_whose_start_tag_ends_on_a_later_line)
{
    diag *d = diag_new();
    record *r = load(positions, d);
    cr_assert_not_null(r);
    xmlNode *session = find(record_root(r), "session");
    /* A tab is one column. */
    assert_node_pos(session, 6, 2);
    assert_attr_pos(attr(session, "type"), 7, 6);
    assert_attr_pos(attr(session, "number"), 7, 22);
    assert_node_pos(find(session, "title"), 8, 4);
    assert_attr_pos(attr(find(session, "title"), "lang"), 8, 11);
    record_free(r);
    diag_free(d);
}

Test(record, positions_agree_with_the_text_of_the_fixture)
{
    diag *d = diag_new();
    record *r = load(positions, d);
    cr_assert_not_null(r);
    xmlNode *root = record_root(r);
    assert_node_at_marker(find(root, "meeting"), positions, "<meeting");
    assert_node_at_marker(find(root, "name"), positions, "<name");
    assert_attr_at_marker(attr(find(root, "meeting"), "kind"), positions, "kind=");
    assert_attr_at_marker(attr(find(root, "session"), "number"), positions, "number=");
    record_free(r);
    diag_free(d);
}

static const char utf8[] =
    "<report xmlns=\"" NS "\" xml:lang=\"fr\">\n"
    "<p>Développer é <em>x</em> 会议 <strong>y</strong> 🙂<q>z</q></p>\n"
    "<org name=\"Société générale\" abbr=\"SG\" stakeholder=\"private-sector\"/>\n"
    "<p>«\n"
    " à»<link\n"
    "   href=\"http://é.example\" label=\"ü\" kind=\"x\"/></p>\n"
    "</report>\n";

Test(record, utf8_characters_before_an_element_count_one_column_each)
{
    diag *d = diag_new();
    record *r = load(utf8, d);
    cr_assert_not_null(r);
    xmlNode *root = record_root(r);
    /* "<p>Développer é " is 16 characters (19 bytes). */
    assert_node_pos(find(root, "em"), 2, 17);
    /* then "<em>x</em> 会议 " (14 characters, 18 bytes). */
    assert_node_pos(find(root, "strong"), 2, 31);
    /* then "<strong>y</strong> 🙂" (20 characters; the emoji is 4 bytes). */
    assert_node_pos(find(root, "q"), 2, 51);
    record_free(r);
    diag_free(d);
}

Test(record, utf8_in_an_attribute_value_counts_one_column_per_character)
{
    diag *d = diag_new();
    record *r = load(utf8, d);
    cr_assert_not_null(r);
    xmlNode *org = find(record_root(r), "org");
    assert_node_pos(org, 3, 1);
    assert_attr_pos(attr(org, "name"), 3, 6);
    assert_attr_pos(attr(org, "abbr"), 3, 30);
    assert_attr_pos(attr(org, "stakeholder"), 3, 40);
    record_free(r);
    diag_free(d);
}

Test(record, utf8_before_a_multi_line_start_tag)
{
    diag *d = diag_new();
    record *r = load(utf8, d);
    cr_assert_not_null(r);
    xmlNode *link = find(record_root(r), "link");
    assert_node_pos(link, 5, 4);
    assert_attr_pos(attr(link, "href"), 6, 4);
    assert_attr_pos(attr(link, "label"), 6, 28);
    assert_attr_pos(attr(link, "kind"), 6, 38);
    record_free(r);
    diag_free(d);
}

Test(record, positions_deep_in_a_large_record)
{
    /* Far enough into the file that the parser has dropped the start of
     * its buffer. */
    GString *s = g_string_new("<report xmlns=\"" NS "\" xml:lang=\"en\">\n");
    for (int i = 0; i < 5000; i++)
        g_string_append(s, "  <p>Lorem ipsum dolor sit amet, consectetur adipiscing elit.</p>\n");
    g_string_append(s, "  <last a=\"1\"\n      b=\"2\"/>\n");
    g_string_append(s, "</report>\n");
    diag *d = diag_new();
    record *r = record_load_memory(s->str, s->len, "big.xml", d);
    cr_assert_not_null(r);
    xmlNode *last = find(record_root(r), "last");
    assert_node_pos(last, 5002, 3);
    assert_attr_pos(attr(last, "a"), 5002, 9);
    assert_attr_pos(attr(last, "b"), 5003, 7);
    record_free(r);
    diag_free(d);
    g_string_free(s, TRUE);
}

/* Real paragraphs are long lines. A start tag wrapped inside one, near
 * the end of the file (where libxml2 drops the start of its buffer), still
 * places the attributes on its later lines: their lines and columns are
 * known from the tag's own text. */
Test(record, attribute_on_a_later_line_of_a_tag_wrapped_in_a_long_line)
{
    GString *s = g_string_new("<report xmlns=\"" NS "\" xml:lang=\"en\">\n<content><summary>\n<p>");
    for (int i = 0; i < 450; i++)
        g_string_append_c(s, 'y');
    g_string_append(s, " <link\n   href=\"http://example.org/t\">x</link></p>\n"
                       "</summary></content>\n</report>\n");
    diag *d = diag_new();
    record *r = record_load_memory(s->str, s->len, "long.xml", d);
    cr_assert_not_null(r);
    xmlNode *link = find(record_root(r), "link");
    cr_assert_eq(record_node_line(link), 3);
    assert_attr_pos(attr(link, "href"), 4, 4);
    record_free(r);
    diag_free(d);
    g_string_free(s, TRUE);
}

Test(record, namespace_declaration_is_not_taken_for_an_attribute)
{
    /* xmlns:id declares a prefix; it is not the attribute id. */
    static const char text[] = "<report xmlns=\"" NS "\" xmlns:id=\"urn:other\" id=\"r\"/>";
    diag *d = diag_new();
    record *r = load(text, d);
    cr_assert_not_null(r);
    /* "<report xmlns=\"...\" " is 40 characters, xmlns:id=\"urn:other\" 20
     * more and a space. */
    assert_attr_pos(attr(record_root(r), "id"), 1, 62);
    record_free(r);
    diag_free(d);
}

Test(record, attribute_line_falls_back_to_its_element)
{
    diag *d = diag_new();
    record *r = load(positions, d);
    cr_assert_not_null(r);
    xmlNode *meeting = find(record_root(r), "meeting");
    /* An attribute added after loading has no place of its own. */
    xmlAttr *added = xmlNewProp(meeting, BAD_CAST "edition", BAD_CAST "8");
    cr_assert_eq(record_attr_line(added), 5);
    cr_assert_eq(record_attr_col(added), 0);
    record_free(r);
    diag_free(d);
}

Test(record, positions_of_null_and_text_nodes)
{
    diag *d = diag_new();
    record *r = load(positions, d);
    cr_assert_not_null(r);
    cr_assert_eq(record_node_line(NULL), 0);
    cr_assert_eq(record_node_col(NULL), 0);
    cr_assert_eq(record_attr_line(NULL), 0);
    cr_assert_eq(record_attr_col(NULL), 0);
    xmlNode *text = find(record_root(r), "name")->children;
    cr_assert_eq(text->type, XML_TEXT_NODE);
    cr_assert_eq(record_node_line(text), 5);
    cr_assert_eq(record_node_col(text), 0);
    record_free(r);
    diag_free(d);
}

/* ------------------------------------------------------------------ */
/* DOCTYPE and entities                                                */
/* ------------------------------------------------------------------ */

Test(record, doctype_is_refused_before_entities_expand)
{
    /* A billion laughs: 10^9 "lol"s if the entities were expanded. */
    static const char bomb[] =
        "<?xml version=\"1.0\"?>\n"
        "<!DOCTYPE report [\n"
        " <!ENTITY lol \"lol\">\n"
        " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
        " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
        " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
        " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
        " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
        " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
        " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
        " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
        " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
        "]>\n"
        "<report xmlns=\"" NS "\"><summary>&lol9;</summary></report>\n";
    diag *d = diag_new();
    gint64 start = g_get_monotonic_time();
    record *r = load(bomb, d);
    gint64 elapsed = g_get_monotonic_time() - start;
    cr_assert_null(r);
    cr_assert_lt(elapsed, 500 * 1000, "loading took %lld us", (long long)elapsed);
    cr_assert_eq(diag_count(d, DIAG_ERROR), 1);
    const diag_entry *e = diag_get(d, 0);
    cr_assert_str_eq(e->rule, "doctype");
    cr_assert_str_eq(e->file, "test.xml");
    cr_assert_eq(e->line, 2);
    cr_assert_eq(e->col, 1);
    diag_free(d);
}

Test(record, doctype_with_only_an_external_id_is_refused)
{
    static const char ext[] = "<?xml version=\"1.0\"?>\n"
                              "<!DOCTYPE report SYSTEM \"file:///etc/passwd\">\n"
                              "<report xmlns=\"" NS "\"/>\n";
    diag *d = diag_new();
    record *r = load(ext, d);
    cr_assert_null(r);
    cr_assert_eq(diag_count(d, DIAG_ERROR), 1);
    cr_assert_str_eq(diag_get(d, 0)->rule, "doctype");
    cr_assert_eq(diag_get(d, 0)->line, 2);
    diag_free(d);
}

Test(record, doctype_error_is_placed_at_its_angle_bracket)
{
    static const char after_decl[] = "<?xml version=\"1.0\"?><!DOCTYPE report [\n"
                                     "<!ENTITY a \"b\">\n"
                                     "]>\n"
                                     "<report xmlns=\"" NS "\">&a;</report>\n";
    diag *d = diag_new();
    cr_assert_null(load(after_decl, d));
    cr_assert_eq(diag_count(d, DIAG_ERROR), 1);
    cr_assert_str_eq(diag_get(d, 0)->rule, "doctype");
    cr_assert_eq(diag_get(d, 0)->line, 1);
    cr_assert_eq(diag_get(d, 0)->col, 22);
    diag_free(d);
}

Test(record, doctype_spread_over_lines_is_placed_at_its_start)
{
    static const char spread[] = "<?xml version=\"1.0\"?>\n"
                                 "  <!DOCTYPE\n"
                                 "    report\n"
                                 "    SYSTEM \"x.dtd\">\n"
                                 "<report xmlns=\"" NS "\"/>\n";
    diag *d = diag_new();
    cr_assert_null(load(spread, d));
    cr_assert_eq(diag_count(d, DIAG_ERROR), 1);
    cr_assert_str_eq(diag_get(d, 0)->rule, "doctype");
    cr_assert_eq(diag_get(d, 0)->line, 2);
    cr_assert_eq(diag_get(d, 0)->col, 3);
    diag_free(d);
}

Test(record, undeclared_entity_is_not_well_formed)
{
    diag *d = diag_new();
    record *r = load("<report xmlns=\"" NS "\">\n<p>a&nbsp;b</p>\n</report>", d);
    cr_assert_null(r);
    cr_assert_geq(diag_count(d, DIAG_ERROR), 1);
    cr_assert_str_eq(diag_get(d, 0)->rule, "xml");
    cr_assert_eq(diag_get(d, 0)->line, 2);
    diag_free(d);
}

Test(record, predefined_and_character_references_are_kept)
{
    diag *d = diag_new();
    record *r = load("<report xmlns=\"" NS "\"><p>&lt;&amp;&#233;&#x4F1A;</p></report>", d);
    cr_assert_not_null(r);
    xmlChar *text = xmlNodeGetContent(find(record_root(r), "p"));
    cr_assert_str_eq((const char *)text, "<&é会");
    xmlFree(text);
    record_free(r);
    diag_free(d);
}

Test(record, xinclude_is_not_processed)
{
    static const char xi[] =
        "<report xmlns=\"" NS "\" xmlns:xi=\"http://www.w3.org/2001/XInclude\">"
        "<xi:include href=\"/etc/passwd\" parse=\"text\"/></report>";
    diag *d = diag_new();
    record *r = load(xi, d);
    cr_assert_not_null(r);
    xmlNode *inc = find(record_root(r), "include");
    cr_assert_not_null(inc, "the xi:include element was replaced");
    xmlChar *text = xmlNodeGetContent(record_root(r));
    cr_assert_str_eq((const char *)text, "");
    xmlFree(text);
    record_free(r);
    diag_free(d);
}

Test(record, nesting_beyond_the_parser_depth_limit_is_refused)
{
    GString *s = g_string_new("<report xmlns=\"" NS "\">");
    for (int i = 0; i < 2000; i++)
        g_string_append(s, "<span>");
    for (int i = 0; i < 2000; i++)
        g_string_append(s, "</span>");
    g_string_append(s, "</report>");
    diag *d = diag_new();
    record *r = record_load_memory(s->str, s->len, "deep.xml", d);
    cr_assert_null(r);
    cr_assert_geq(diag_count(d, DIAG_ERROR), 1);
    cr_assert_str_eq(diag_get(d, 0)->file, "deep.xml");
    cr_assert_str_eq(diag_get(d, 0)->rule, "xml");
    diag_free(d);
    g_string_free(s, TRUE);
}

/* ------------------------------------------------------------------ */
/* Not well-formed                                                     */
/* ------------------------------------------------------------------ */

Test(record, mismatched_tag_is_an_error_at_its_line)
{
    static const char bad[] = "<report xmlns=\"" NS "\">\n"
                              "  <meeting>\n"
                              "  <session/>\n"
                              "</report>\n";
    diag *d = diag_new();
    record *r = load(bad, d);
    cr_assert_null(r);
    cr_assert_geq(diag_count(d, DIAG_ERROR), 1);
    const diag_entry *e = diag_get(d, 0);
    cr_assert_str_eq(e->file, "test.xml");
    cr_assert_eq(e->line, 4);
    cr_assert_str_eq(e->rule, "xml");
    cr_assert_null(strchr(e->message, '\n'));
    diag_free(d);
}

Test(record, unquoted_attribute_is_an_error_at_its_line)
{
    diag *d = diag_new();
    record *r = load("<report xmlns=\"" NS "\"\n  id=x/>", d);
    cr_assert_null(r);
    cr_assert_geq(diag_count(d, DIAG_ERROR), 1);
    cr_assert_eq(diag_get(d, 0)->line, 2);
    cr_assert_str_eq(diag_get(d, 0)->rule, "xml");
    diag_free(d);
}

Test(record, empty_input_is_not_a_record)
{
    diag *d = diag_new();
    record *r = record_load_memory("", 0, "empty.xml", d);
    cr_assert_null(r);
    cr_assert_eq(diag_count(d, DIAG_ERROR), 1);
    cr_assert_str_eq(diag_get(d, 0)->file, "empty.xml");
    cr_assert_str_eq(diag_get(d, 0)->rule, "xml");
    diag_free(d);
}

Test(record, text_after_the_root_is_an_error)
{
    diag *d = diag_new();
    record *r = load("<report xmlns=\"" NS "\"/>\n<report/>\n", d);
    cr_assert_null(r);
    cr_assert_geq(diag_count(d, DIAG_ERROR), 1);
    cr_assert_eq(diag_get(d, 0)->line, 2);
    diag_free(d);
}

Test(record, errors_are_added_to_existing_ones)
{
    diag *d = diag_new();
    diag_add(d, DIAG_ERROR, "earlier.xml", 1, 1, NULL, "an earlier error");
    record *r = load(small, d);
    cr_assert_not_null(r, "an earlier error in the sink made a good record fail");
    cr_assert_eq(diag_length(d), 1);
    record_free(r);
    diag_free(d);
}

/* Well-formed is all the loader judges; IDs are the validator's rules
 * (id-duplicate, and the grammar's NCName check), which name the rule and
 * go on to report every other problem of the record. */
Test(record, duplicate_xml_id_is_left_to_the_validator)
{
    static const char text[] = "<report xmlns=\"" NS "\"><cast>\n"
                               "<org xml:id=\"p\"/>\n"
                               "<person xml:id=\"p\"/>\n"
                               "</cast></report>";
    diag *d = diag_new();
    record *r = load(text, d);
    cr_assert_not_null(r, "refused: %s", diag_length(d) > 0 ? diag_get(d, 0)->message : "");
    cr_assert_eq(diag_length(d), 0);
    record_free(r);
    diag_free(d);
}

Test(record, xml_id_that_is_not_an_ncname_is_left_to_the_validator)
{
    static const char text[] = "<report xmlns=\"" NS "\"><cast><person xml:id=\"1p\"/>"
                               "</cast></report>";
    diag *d = diag_new();
    record *r = load(text, d);
    cr_assert_not_null(r, "refused: %s", diag_length(d) > 0 ? diag_get(d, 0)->message : "");
    cr_assert_eq(diag_length(d), 0);
    record_free(r);
    diag_free(d);
}

/* ------------------------------------------------------------------ */
/* Size limit                                                          */
/* ------------------------------------------------------------------ */

Test(record, memory_over_the_size_limit_is_refused_without_parsing)
{
    size_t len = (size_t)RECORD_MAX_BYTES + 1;
    /* Not XML at all: a parse would add an "xml" error. */
    char *data = g_malloc(len);
    memset(data, '<', len);
    diag *d = diag_new();
    record *r = record_load_memory(data, len, "big.xml", d);
    cr_assert_null(r);
    cr_assert_eq(diag_length(d), 1);
    const diag_entry *e = diag_get(d, 0);
    cr_assert_eq(e->severity, DIAG_ERROR);
    cr_assert_str_eq(e->rule, "size");
    cr_assert_str_eq(e->file, "big.xml");
    cr_assert_str_eq(e->message, "the file is 16777217 bytes; records are limited to 16 MiB");
    g_free(data);
    diag_free(d);
}

Test(record, file_over_the_size_limit_is_refused_before_reading)
{
    char *dir = g_dir_make_tmp("rp-record-XXXXXX", NULL);
    char *path = g_build_filename(dir, "huge.xml", NULL);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    cr_assert_geq(fd, 0);
    /* Sparse: 1 GiB that takes no disk space and must not be read. */
    cr_assert_eq(ftruncate(fd, (off_t)1 << 30), 0);
    close(fd);
    diag *d = diag_new();
    record *r = record_load(path, d);
    cr_assert_null(r);
    cr_assert_eq(diag_length(d), 1);
    cr_assert_str_eq(diag_get(d, 0)->rule, "size");
    cr_assert_str_eq(diag_get(d, 0)->file, path);
    cr_assert_str_eq(diag_get(d, 0)->message,
                     "the file is 1073741824 bytes; records are limited to 16 MiB");
    diag_free(d);
    g_unlink(path);
    g_rmdir(dir);
    g_free(path);
    g_free(dir);
}

Test(record, record_of_exactly_the_limit_is_accepted)
{
    /* Paragraphs up to exactly RECORD_MAX_BYTES: the limit is inclusive.
     * (Whatever the size, libxml2's own limits still hold: one text node
     * or one run of blanks of 10 MB is refused.) */
    static const char tail[] = "</report>\n";
    GString *s = g_string_new("<report xmlns=\"" NS "\" id=\"big\">\n");
    while (s->len + 64 + strlen(tail) < RECORD_MAX_BYTES)
        g_string_append(s, "<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit.</p>\n");
    while (s->len + strlen(tail) < RECORD_MAX_BYTES)
        g_string_append_c(s, ' ');
    g_string_append(s, tail);
    cr_assert_eq(s->len, (size_t)RECORD_MAX_BYTES);
    diag *d = diag_new();
    record *r = record_load_memory(s->str, s->len, "limit.xml", d);
    cr_assert_not_null(r);
    cr_assert_eq(diag_length(d), 0);
    cr_assert_str_eq(record_id(r), "big");
    record_free(r);
    g_string_free(s, TRUE);
    diag_free(d);
}

/* ------------------------------------------------------------------ */
/* Node helpers                                                        */
/* ------------------------------------------------------------------ */

static const char langs[] = "<report xmlns=\"" NS "\" xml:lang=\"en\">"
                            "<session><title>T</title>"
                            "<title xml:lang=\"fr\">T<span>s</span></title></session>"
                            "<resources><resource xml:lang=\"es\"><label>L</label></resource>"
                            "</resources>"
                            "<content><summary xml:lang=\"\"><p>x</p></summary></content>"
                            "</report>";

Test(record, lang_of_the_root)
{
    diag *d = diag_new();
    record *r = load(langs, d);
    cr_assert_not_null(r);
    cr_assert_str_eq(record_node_lang(record_root(r)), "en");
    record_free(r);
    diag_free(d);
}

Test(record, lang_is_inherited_from_the_nearest_ancestor)
{
    diag *d = diag_new();
    record *r = load(langs, d);
    cr_assert_not_null(r);
    xmlNode *root = record_root(r);
    xmlNode *title = find(root, "title");
    cr_assert_str_eq(record_node_lang(title), "en");
    cr_assert_str_eq(record_node_lang(title->next), "fr");
    cr_assert_str_eq(record_node_lang(find(root, "span")), "fr");
    /* A label inside a resource xml:lang="es" is Spanish (design rule 2). */
    cr_assert_str_eq(record_node_lang(find(root, "label")), "es");
    record_free(r);
    diag_free(d);
}

Test(record, lang_without_any_xml_lang_is_empty)
{
    diag *d = diag_new();
    record *r = load("<report xmlns=\"" NS "\"><session/></report>", d);
    cr_assert_not_null(r);
    cr_assert_str_eq(record_node_lang(find(record_root(r), "session")), "");
    cr_assert_str_eq(record_node_lang(NULL), "");
    record_free(r);
    diag_free(d);
}

Test(record, empty_xml_lang_undeclares_the_language)
{
    diag *d = diag_new();
    record *r = load(langs, d);
    cr_assert_not_null(r);
    /* xml:lang="" is the nearest xml:lang: no language, not the root's. */
    cr_assert_str_eq(record_node_lang(find(record_root(r), "summary")), "");
    cr_assert_str_eq(record_node_lang(find(record_root(r), "p")), "");
    record_free(r);
    diag_free(d);
}

Test(record, attr_reads_attributes_without_namespace)
{
    diag *d = diag_new();
    record *r = load("<report xmlns=\"" NS "\" xmlns:o=\"urn:other\" id=\"x\" o:kind=\"k\""
                     " xml:lang=\"en\" empty=\"\"/>",
                     d);
    cr_assert_not_null(r);
    xmlNode *root = record_root(r);
    cr_assert_str_eq(record_attr(root, "id"), "x");
    cr_assert_str_eq(record_attr(root, "empty"), "");
    cr_assert_null(record_attr(root, "lang"), "xml:lang is not an attribute without namespace");
    cr_assert_null(record_attr(root, "kind"), "o:kind is not an attribute without namespace");
    cr_assert_null(record_attr(root, "missing"));
    cr_assert_null(record_attr(NULL, "id"));
    record_free(r);
    diag_free(d);
}

Test(record, attr_decodes_references)
{
    diag *d = diag_new();
    record *r = load("<report xmlns=\"" NS "\" recorded=\"APC &amp; ISOC &#233;\"/>", d);
    cr_assert_not_null(r);
    cr_assert_str_eq(record_attr(record_root(r), "recorded"), "APC & ISOC é");
    record_free(r);
    diag_free(d);
}

Test(record, is_checks_namespace_and_name)
{
    diag *d = diag_new();
    record *r = load("<report xmlns=\"" NS "\"><meta/><meta xmlns=\"urn:other\"/>"
                     "<meta xmlns=\"\"/></report>",
                     d);
    cr_assert_not_null(r);
    xmlNode *root = record_root(r);
    xmlNode *ours = root->children;
    cr_assert(record_is(root, "report"));
    cr_assert(record_is(ours, "meta"));
    cr_assert_not(record_is(ours, "report"));
    cr_assert_not(record_is(ours->next, "meta"));
    cr_assert_not(record_is(ours->next->next, "meta"));
    cr_assert_not(record_is(NULL, "meta"));
    record_free(r);
    diag_free(d);
}

/* ------------------------------------------------------------------ */
/* SHA-256                                                             */
/* ------------------------------------------------------------------ */

Test(record, sha256_is_of_the_exact_bytes)
{
    static const char a[] = "<r xmlns=\"" NS "\"/>";
    static const char b[] = "<r xmlns=\"" NS "\"/>\n";
    diag *d = diag_new();
    record *ra = load(a, d);
    record *rb = load(b, d);
    cr_assert_not_null(ra);
    cr_assert_not_null(rb);
    cr_assert_str_eq(record_sha256(ra),
                     "856dfb9f22237aec6a62b2435b1487947eaefe401ba901a23aefbdcc84adcae4");
    /* One more newline, another digest, though the documents are equal. */
    cr_assert_str_eq(record_sha256(rb),
                     "ef3cbd8b70e7e6b5fba3c4f6b6a6acb7c0d999d85cc4c3c81a018146141c06f9");
    record_free(ra);
    record_free(rb);
    diag_free(d);
}

Test(record, sha256_of_a_file_is_that_of_its_bytes)
{
    char *dir = g_dir_make_tmp("rp-record-XXXXXX", NULL);
    char *path = g_build_filename(dir, "r.xml", NULL);
    cr_assert(g_file_set_contents(path, small, -1, NULL));
    diag *d = diag_new();
    record *r = record_load(path, d);
    cr_assert_not_null(r);
    char *want = g_compute_checksum_for_string(G_CHECKSUM_SHA256, small, -1);
    cr_assert_str_eq(record_sha256(r), want);
    g_free(want);
    record_free(r);
    diag_free(d);
    g_unlink(path);
    g_rmdir(dir);
    g_free(path);
    g_free(dir);
}
