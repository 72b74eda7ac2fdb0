/* Unit tests of diag (generator/diag.h): the sink every stage reports into. */
#include <criterion/criterion.h>

#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "diag.h"

/* The formatted i-th entry, compared and freed. */
static void assert_formatted(const diag *d, size_t i, const char *expected)
{
    const diag_entry *e = diag_get(d, i);
    cr_assert_not_null(e, "no entry %zu", i);
    char *line = diag_format(e);
    cr_assert_str_eq(line, expected);
    g_free(line);
}

/* ------------------------------------------------------------------ */
/* Adding and counting                                                 */
/* ------------------------------------------------------------------ */

Test(diag, new_sink_is_empty)
{
    diag *d = diag_new();
    cr_assert_eq(diag_length(d), 0);
    cr_assert_eq(diag_count(d, DIAG_ERROR), 0);
    cr_assert_eq(diag_count(d, DIAG_WARNING), 0);
    cr_assert_eq(diag_count(d, DIAG_NOTE), 0);
    cr_assert_null(diag_get(d, 0));
    diag_free(d);
}

Test(diag, free_accepts_null)
{
    diag_free(NULL);
}

Test(diag, add_keeps_every_field)
{
    diag *d = diag_new();
    diag_add(d, DIAG_WARNING, "inputs/x.xml", 45, 7, "counts-gender",
             "female + male = %d but total = %d", 77, 80);
    cr_assert_eq(diag_length(d), 1);
    const diag_entry *e = diag_get(d, 0);
    cr_assert_str_eq(e->file, "inputs/x.xml");
    cr_assert_eq(e->line, 45);
    cr_assert_eq(e->col, 7);
    cr_assert_eq(e->severity, DIAG_WARNING);
    cr_assert_str_eq(e->message, "female + male = 77 but total = 80");
    cr_assert_str_eq(e->rule, "counts-gender");
    cr_assert_null(diag_get(d, 1));
    diag_free(d);
}

Test(diag, add_copies_its_strings)
{
    diag *d = diag_new();
    char file[] = "a.xml";
    char rule[] = "gap";
    diag_add(d, DIAG_NOTE, file, 1, 1, rule, "%s", "x");
    file[0] = 'b';
    rule[0] = 'n';
    cr_assert_str_eq(diag_get(d, 0)->file, "a.xml");
    cr_assert_str_eq(diag_get(d, 0)->rule, "gap");
    diag_free(d);
}

Test(diag, null_file_and_rule_stay_null)
{
    diag *d = diag_new();
    diag_add(d, DIAG_ERROR, NULL, 0, 0, NULL, "cannot open the catalogs");
    const diag_entry *e = diag_get(d, 0);
    cr_assert_null(e->file);
    cr_assert_null(e->rule);
    diag_free(d);
}

Test(diag, negative_line_and_column_mean_unknown)
{
    diag *d = diag_new();
    diag_add(d, DIAG_ERROR, "a.xml", -4, -1, NULL, "m");
    cr_assert_eq(diag_get(d, 0)->line, 0);
    cr_assert_eq(diag_get(d, 0)->col, 0);
    diag_free(d);
}

Test(diag, counts_are_kept_per_severity)
{
    diag *d = diag_new();
    diag_add(d, DIAG_ERROR, "a.xml", 1, 1, NULL, "e1");
    diag_add(d, DIAG_WARNING, "a.xml", 2, 1, NULL, "w1");
    diag_add(d, DIAG_ERROR, "a.xml", 3, 1, NULL, "e2");
    diag_add(d, DIAG_NOTE, "a.xml", 4, 1, NULL, "n1");
    diag_add(d, DIAG_WARNING, "a.xml", 5, 1, NULL, "w2");
    diag_add(d, DIAG_WARNING, "a.xml", 6, 1, NULL, "w3");
    cr_assert_eq(diag_count(d, DIAG_ERROR), 2);
    cr_assert_eq(diag_count(d, DIAG_WARNING), 3);
    cr_assert_eq(diag_count(d, DIAG_NOTE), 1);
    cr_assert_eq(diag_length(d), 6);
    diag_free(d);
}

Test(diag, clear_drops_entries_and_counts)
{
    diag *d = diag_new();
    diag_add(d, DIAG_ERROR, "a.xml", 1, 1, NULL, "e");
    diag_add(d, DIAG_WARNING, "a.xml", 1, 1, NULL, "w");
    diag_clear(d);
    cr_assert_eq(diag_length(d), 0);
    cr_assert_eq(diag_count(d, DIAG_ERROR), 0);
    cr_assert_eq(diag_count(d, DIAG_WARNING), 0);
    diag_add(d, DIAG_NOTE, "b.xml", 2, 2, NULL, "again");
    cr_assert_eq(diag_length(d), 1);
    cr_assert_str_eq(diag_get(d, 0)->message, "again");
    diag_free(d);
}

/* ------------------------------------------------------------------ */
/* Messages are one line                                               */
/* ------------------------------------------------------------------ */

Test(diag, trailing_newline_of_libxml2_messages_is_dropped)
{
    diag *d = diag_new();
    diag_add(d, DIAG_ERROR, "a.xml", 3, 1, "xml", "%s", "Opening and ending tag mismatch\n");
    cr_assert_str_eq(diag_get(d, 0)->message, "Opening and ending tag mismatch");
    diag_free(d);
}

Test(diag, control_characters_are_flattened_to_spaces)
{
    diag *d = diag_new();
    diag_add(d, DIAG_ERROR, "a.xml", 1, 1, NULL, "%s",
             "one\ntwo\tthree\rfour\x1b[31mred\x01"
             "end");
    cr_assert_str_eq(diag_get(d, 0)->message, "one two three four [31mred end");
    diag_free(d);
}

Test(diag, utf8_text_is_kept_as_is)
{
    diag *d = diag_new();
    diag_add(d, DIAG_WARNING, "a.xml", 1, 1, NULL, "%s", "«Résumé» 摘要 الموجز");
    cr_assert_str_eq(diag_get(d, 0)->message, "«Résumé» 摘要 الموجز");
    diag_free(d);
}

/* ------------------------------------------------------------------ */
/* Formatting                                                          */
/* ------------------------------------------------------------------ */

Test(diag, format_with_file_line_column_and_rule)
{
    diag *d = diag_new();
    diag_add(d, DIAG_WARNING, "inputs/x.xml", 45, 7, "counts-gender",
             "female + male = 77 but total = 80");
    assert_formatted(d, 0,
                     "inputs/x.xml:45:7: warning: female + male = 77 but total = 80 "
                     "[counts-gender]");
    diag_free(d);
}

Test(diag, format_without_column_prints_file_and_line)
{
    diag *d = diag_new();
    diag_add(d, DIAG_ERROR, "styles/catalogs/fr.po", 12, 0, "catalog", "unterminated string");
    assert_formatted(d, 0, "styles/catalogs/fr.po:12: error: unterminated string [catalog]");
    diag_free(d);
}

Test(diag, format_without_line_prints_the_file_only)
{
    diag *d = diag_new();
    diag_add(d, DIAG_ERROR, "big.xml", 0, 5, "size", "too big");
    assert_formatted(d, 0, "big.xml: error: too big [size]");
    diag_free(d);
}

Test(diag, format_without_rule_has_no_brackets)
{
    diag *d = diag_new();
    diag_add(d, DIAG_NOTE, "a.xml", 3, 2, NULL, "not rendered: the record has errors");
    assert_formatted(d, 0, "a.xml:3:2: note: not rendered: the record has errors");
    diag_free(d);
}

Test(diag, format_without_file_names_the_program)
{
    diag *d = diag_new();
    diag_add(d, DIAG_ERROR, NULL, 0, 0, NULL, "cannot open the catalogs: %s", "No such file");
    diag_add(d, DIAG_ERROR, NULL, 0, 0, "output", "cannot write out/x.html: Permission denied");
    assert_formatted(d, 0, "rapporteur: error: cannot open the catalogs: No such file");
    assert_formatted(d, 1,
                     "rapporteur: error: cannot write out/x.html: Permission denied [output]");
    diag_free(d);
}

Test(diag, format_without_file_ignores_line_and_column)
{
    diag *d = diag_new();
    diag_add(d, DIAG_WARNING, NULL, 4, 2, NULL, "m");
    assert_formatted(d, 0, "rapporteur: warning: m");
    diag_free(d);
}

Test(diag, print_writes_one_line_per_entry)
{
    diag *d = diag_new();
    diag_add(d, DIAG_ERROR, "a.xml", 1, 2, "xml", "first");
    diag_add(d, DIAG_WARNING, NULL, 0, 0, NULL, "second");
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    cr_assert_not_null(out);
    diag_print(d, out);
    fclose(out);
    cr_assert_str_eq(buf, "a.xml:1:2: error: first [xml]\nrapporteur: warning: second\n");
    free(buf);
    diag_free(d);
}

/* ------------------------------------------------------------------ */
/* Sorting                                                             */
/* ------------------------------------------------------------------ */

Test(diag, sort_orders_by_file_then_line_then_column)
{
    diag *d = diag_new();
    diag_add(d, DIAG_ERROR, "b.xml", 1, 1, NULL, "b1");
    diag_add(d, DIAG_ERROR, "a.xml", 10, 3, NULL, "a10.3");
    diag_add(d, DIAG_ERROR, "a.xml", 2, 9, NULL, "a2.9");
    diag_add(d, DIAG_ERROR, "a.xml", 10, 1, NULL, "a10.1");
    diag_add(d, DIAG_ERROR, "a.xml", 9, 40, NULL, "a9.40");
    diag_sort(d);
    static const char *const want[] = {"a2.9", "a9.40", "a10.1", "a10.3", "b1"};
    cr_assert_eq(diag_length(d), 5);
    for (size_t i = 0; i < 5; i++)
        cr_assert_str_eq(diag_get(d, i)->message, want[i], "entry %zu", i);
    diag_free(d);
}

Test(diag, sort_compares_lines_as_numbers_not_text)
{
    diag *d = diag_new();
    diag_add(d, DIAG_ERROR, "a.xml", 100, 1, NULL, "100");
    diag_add(d, DIAG_ERROR, "a.xml", 20, 1, NULL, "20");
    diag_add(d, DIAG_ERROR, "a.xml", 3, 1, NULL, "3");
    diag_sort(d);
    cr_assert_str_eq(diag_get(d, 0)->message, "3");
    cr_assert_str_eq(diag_get(d, 1)->message, "20");
    cr_assert_str_eq(diag_get(d, 2)->message, "100");
    diag_free(d);
}

Test(diag, sort_is_stable_for_one_place)
{
    diag *d = diag_new();
    /* An error and its notes at one place keep their order, whatever
     * comes between them. */
    diag_add(d, DIAG_ERROR, "a.xml", 5, 5, NULL, "first");
    diag_add(d, DIAG_WARNING, "a.xml", 1, 1, NULL, "earlier");
    diag_add(d, DIAG_NOTE, "a.xml", 5, 5, NULL, "second");
    diag_add(d, DIAG_ERROR, "a.xml", 5, 5, NULL, "third");
    diag_add(d, DIAG_NOTE, "a.xml", 5, 5, NULL, "fourth");
    diag_sort(d);
    static const char *const want[] = {"earlier", "first", "second", "third", "fourth"};
    for (size_t i = 0; i < 5; i++)
        cr_assert_str_eq(diag_get(d, i)->message, want[i], "entry %zu", i);
    diag_free(d);
}

Test(diag, sort_is_stable_over_many_entries)
{
    diag *d = diag_new();
    /* Enough entries that an unstable sort would show itself. */
    for (int i = 0; i < 200; i++)
        diag_add(d, DIAG_WARNING, (i % 2) ? "b.xml" : "a.xml", i % 3, 0, NULL, "%d", i);
    diag_sort(d);
    cr_assert_eq(diag_length(d), 200);
    for (size_t i = 1; i < 200; i++) {
        const diag_entry *x = diag_get(d, i - 1);
        const diag_entry *y = diag_get(d, i);
        int c = strcmp(x->file, y->file);
        cr_assert(c < 0 || (c == 0 && x->line < y->line) ||
                      (c == 0 && x->line == y->line && atoi(x->message) < atoi(y->message)),
                  "entries %zu (%s:%d #%s) and %zu (%s:%d #%s) out of order", i - 1, x->file,
                  x->line, x->message, i, y->file, y->line, y->message);
    }
    diag_free(d);
}

Test(diag, sort_puts_entries_without_file_first)
{
    diag *d = diag_new();
    diag_add(d, DIAG_ERROR, "a.xml", 1, 1, NULL, "placed");
    diag_add(d, DIAG_ERROR, NULL, 0, 0, NULL, "general");
    diag_sort(d);
    cr_assert_str_eq(diag_get(d, 0)->message, "general");
    cr_assert_str_eq(diag_get(d, 1)->message, "placed");
    diag_free(d);
}

Test(diag, sort_puts_unknown_line_before_known_lines)
{
    diag *d = diag_new();
    diag_add(d, DIAG_ERROR, "a.xml", 3, 1, NULL, "line 3");
    diag_add(d, DIAG_ERROR, "a.xml", 0, 0, "xml", "not a well-formed XML document");
    diag_sort(d);
    cr_assert_str_eq(diag_get(d, 0)->message, "not a well-formed XML document");
    diag_free(d);
}

Test(diag, sort_keeps_counts)
{
    diag *d = diag_new();
    diag_add(d, DIAG_WARNING, "b.xml", 1, 1, NULL, "w");
    diag_add(d, DIAG_ERROR, "a.xml", 1, 1, NULL, "e");
    diag_sort(d);
    cr_assert_eq(diag_count(d, DIAG_ERROR), 1);
    cr_assert_eq(diag_count(d, DIAG_WARNING), 1);
    cr_assert_eq(diag_length(d), 2);
    diag_free(d);
}

Test(diag, sort_of_an_empty_sink_does_nothing)
{
    diag *d = diag_new();
    diag_sort(d);
    cr_assert_eq(diag_length(d), 0);
    diag_free(d);
}

/* ------------------------------------------------------------------ */
/* Merging                                                             */
/* ------------------------------------------------------------------ */

Test(diag, merge_moves_entries_and_counts)
{
    diag *to = diag_new();
    diag *from = diag_new();
    diag_add(to, DIAG_WARNING, "a.xml", 1, 1, NULL, "kept");
    diag_add(from, DIAG_ERROR, "b.xml", 2, 2, "xml", "moved 1");
    diag_add(from, DIAG_NOTE, "b.xml", 3, 3, NULL, "moved 2");
    diag_merge(to, from);
    cr_assert_eq(diag_length(to), 3);
    cr_assert_str_eq(diag_get(to, 0)->message, "kept");
    cr_assert_str_eq(diag_get(to, 1)->message, "moved 1");
    cr_assert_str_eq(diag_get(to, 1)->rule, "xml");
    cr_assert_str_eq(diag_get(to, 2)->message, "moved 2");
    cr_assert_eq(diag_count(to, DIAG_ERROR), 1);
    cr_assert_eq(diag_count(to, DIAG_WARNING), 1);
    cr_assert_eq(diag_count(to, DIAG_NOTE), 1);
    diag_free(to);
    diag_free(from);
}

Test(diag, merge_leaves_the_source_empty_and_usable)
{
    diag *to = diag_new();
    diag *from = diag_new();
    diag_add(from, DIAG_ERROR, "b.xml", 2, 2, NULL, "moved");
    diag_merge(to, from);
    cr_assert_eq(diag_length(from), 0);
    cr_assert_eq(diag_count(from, DIAG_ERROR), 0);
    diag_add(from, DIAG_WARNING, "c.xml", 1, 1, NULL, "new");
    cr_assert_eq(diag_length(from), 1);
    cr_assert_eq(diag_count(from, DIAG_WARNING), 1);
    /* The moved entry belongs to `to` alone: freeing `from` leaves it. */
    diag_free(from);
    cr_assert_str_eq(diag_get(to, 0)->message, "moved");
    cr_assert_str_eq(diag_get(to, 0)->file, "b.xml");
    diag_free(to);
}

Test(diag, merge_of_an_empty_sink_changes_nothing)
{
    diag *to = diag_new();
    diag *from = diag_new();
    diag_add(to, DIAG_ERROR, "a.xml", 1, 1, NULL, "e");
    diag_merge(to, from);
    cr_assert_eq(diag_length(to), 1);
    cr_assert_eq(diag_count(to, DIAG_ERROR), 1);
    diag_free(to);
    diag_free(from);
}

/* ------------------------------------------------------------------ */
/* Threads                                                             */
/* ------------------------------------------------------------------ */

static gpointer add_many(gpointer data)
{
    diag *d = data;
    for (int i = 0; i < 500; i++)
        diag_add(d, (i % 2) ? DIAG_WARNING : DIAG_ERROR, "t.xml", i, 1, NULL, "%d", i);
    return NULL;
}

Test(diag, add_is_thread_safe)
{
    diag *d = diag_new();
    GThread *threads[4];
    for (int i = 0; i < 4; i++)
        threads[i] = g_thread_new("adder", add_many, d);
    for (int i = 0; i < 4; i++)
        g_thread_join(threads[i]);
    cr_assert_eq(diag_length(d), 2000);
    cr_assert_eq(diag_count(d, DIAG_ERROR), 1000);
    cr_assert_eq(diag_count(d, DIAG_WARNING), 1000);
    diag_free(d);
}

/* ------------------------------------------------------------------ */
/* libxml2 and libxslt messages                                        */
/* ------------------------------------------------------------------ */

Test(diag, capture_routes_libxml2_errors_with_place_and_rule)
{
    diag *d = diag_new();
    static const char bad[] = "<a>\n  <b>\n</a>\n";
    diag_capture_begin(d, "bad.xml");
    xmlDoc *doc = xmlReadMemory(bad, (int)strlen(bad), "ignored.xml", NULL, XML_PARSE_NONET);
    diag_capture_end();
    xmlFreeDoc(doc);
    cr_assert_null(doc);
    cr_assert_geq(diag_count(d, DIAG_ERROR), 1);
    const diag_entry *e = diag_get(d, 0);
    /* The capture's name wins over the parser's. */
    cr_assert_str_eq(e->file, "bad.xml");
    cr_assert_eq(e->line, 3);
    cr_assert_str_eq(e->rule, "xml");
    cr_assert_null(strchr(e->message, '\n'));
    diag_free(d);
}

Test(diag, capture_nests_and_restores_the_outer_sink)
{
    diag *outer = diag_new();
    diag *inner = diag_new();
    static const char bad[] = "<a>";
    diag_capture_begin(outer, "outer.xml");
    diag_capture_begin(inner, "inner.xml");
    xmlFreeDoc(xmlReadMemory(bad, 3, "x", NULL, XML_PARSE_NONET));
    diag_capture_end();
    size_t inner_n = diag_length(inner);
    xmlFreeDoc(xmlReadMemory(bad, 3, "x", NULL, XML_PARSE_NONET));
    diag_capture_end();
    cr_assert_geq(inner_n, 1);
    cr_assert_str_eq(diag_get(inner, 0)->file, "inner.xml");
    cr_assert_geq(diag_length(outer), 1);
    cr_assert_str_eq(diag_get(outer, 0)->file, "outer.xml");
    cr_assert_eq(diag_length(inner), inner_n, "the inner sink got errors after its end");
    diag_free(outer);
    diag_free(inner);
}

Test(diag, xslt_message_in_one_call)
{
    diag *d = diag_new();
    diag_xslt_error(d, "%s\n", "xsl:message terminated the transform");
    cr_assert_eq(diag_length(d), 1);
    assert_formatted(d, 0, "rapporteur: error: xsl:message terminated the transform [xslt]");
    diag_free(d);
}

Test(diag, xslt_fragments_are_joined_until_a_newline)
{
    diag *d = diag_new();
    diag_xslt_error(d, "%s", "Undefined ");
    diag_xslt_error(d, "%s", "variable");
    cr_assert_eq(diag_length(d), 0);
    diag_xslt_error(d, " %s\n", "x");
    cr_assert_eq(diag_length(d), 1);
    cr_assert_str_eq(diag_get(d, 0)->message, "Undefined variable x");
    diag_free(d);
}

Test(diag, xslt_header_and_message_in_one_call_give_the_place)
{
    diag *d = diag_new();
    diag_xslt_error(d, "runtime error: file %s line %d element %s\n%s\n", "styles/html/meta.xsl",
                    42, "value-of", "Undefined variable");
    cr_assert_eq(diag_length(d), 1);
    assert_formatted(d, 0, "styles/html/meta.xsl:42: error: Undefined variable [xslt]");
    diag_free(d);
}

/* libxslt's xsltTransformError() prints the context with one call (its own
 * line, ending with "\n"), then the message with another: the header's
 * place belongs to the message that follows it. */
Test(diag, xslt_header_names_the_place_of_the_next_message)
{
    diag *d = diag_new();
    diag_xslt_error(d, "runtime error: file %s line %d element %s\n", "styles/html/meta.xsl", 42,
                    "value-of");
    diag_xslt_error(d, "%s\n", "Undefined variable");
    cr_assert_eq(diag_length(d), 1);
    assert_formatted(d, 0, "styles/html/meta.xsl:42: error: Undefined variable [xslt]");
    diag_free(d);
}

Test(diag, xslt_compilation_header_names_the_place_of_the_next_message)
{
    diag *d = diag_new();
    diag_xslt_error(d, "compilation error: file %s line %d element %s\n", "custom/html.xsl", 7,
                    "template");
    diag_xslt_error(d, "%s\n", "xsl:template : error parsing match pattern");
    cr_assert_eq(diag_length(d), 1);
    assert_formatted(d, 0,
                     "custom/html.xsl:7: error: xsl:template : error parsing match pattern "
                     "[xslt]");
    diag_free(d);
}

/* Without a place, libxslt's context line is the bare word "error": it
 * introduces the message that follows and is no message of its own. */
Test(diag, xslt_context_line_without_a_place_is_not_a_message)
{
    diag *d = diag_new();
    diag_xslt_error(d, "%s\n", "error");
    diag_xslt_error(d, "%s\n", "xsl:import: read rights for x.xsl denied");
    cr_assert_eq(diag_length(d), 1);
    assert_formatted(d, 0, "rapporteur: error: xsl:import: read rights for x.xsl denied [xslt]");
    diag_free(d);
}
