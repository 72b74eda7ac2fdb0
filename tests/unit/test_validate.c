/* Unit tests of validate (generator/validate.h): the schema and every rule
 * of record-spec.md's Validation section, on tiny records. */
#include <criterion/criterion.h>

#include <stdlib.h>
#include <string.h>

#include "grammar.h"
#include "record.h"
#include "validate.h"

#define NS "urn:rapporteur:report:1"
#define HEAD "<report xmlns=\"" NS "\" version=\"1\" id=\"t\" xml:lang=\"en\">\n"
#define MEETING "  <meeting year=\"2013\"><name>IGF 2013</name></meeting>\n"
#define SESSION "  <session type=\"workshop\"><title>T</title></session>\n"
#define CONTENT "  <content><summary>S</summary></content>\n"
#define END "</report>\n"

static validator *v;

static char *data_path(const char *a, const char *b, const char *c)
{
    const char *dir = getenv("RAPPORTEUR_DATA_DIR");
    cr_assert_not_null(dir, "RAPPORTEUR_DATA_DIR is not set");
    return g_build_filename(dir, a, b, c, NULL);
}

static void setup(void)
{
    grammar_init();
    char *schema = data_path("styles", "schema", "record.rng");
    diag *d = diag_new();
    v = validator_new(schema, d);
    cr_assert_not_null(v, "cannot load %s", schema);
    cr_assert_eq(diag_length(d), 0);
    diag_free(d);
    g_free(schema);
}

static void teardown(void)
{
    validator_free(v);
    v = NULL;
}

TestSuite(validate, .init = setup, .fini = teardown);

/* Validates `xml` (named "v.xml"); returns the verdict, the diagnostics
 * in *out, sorted. */
static bool check(const char *xml, diag **out)
{
    diag *d = diag_new();
    record *r = record_load_memory(xml, strlen(xml), "v.xml", d);
    cr_assert_not_null(r, "the fixture is not well-formed");
    bool ok = validate_record(v, r, d);
    record_free(r);
    if (diag_length(d) > 1)
        diag_sort(d);
    for (size_t i = 0; i < diag_length(d); i++) {
        char *line = diag_format(diag_get(d, i));
        cr_log_info("%s", line);
        g_free(line);
    }
    *out = d;
    return ok;
}

static size_t count_rule(const diag *d, const char *rule)
{
    size_t n = 0;
    for (size_t i = 0; i < diag_length(d); i++) {
        if (g_strcmp0(diag_get(d, i)->rule, rule) == 0)
            n++;
    }
    return n;
}

/* Line and column (in characters) where `marker` starts in `text`; the
 * n-th occurrence (1-based). */
static void where_nth(const char *text, const char *marker, int nth, int *line, int *col)
{
    const char *at = text;
    for (int i = 0; i < nth; i++) {
        at = strstr(i == 0 ? at : at + 1, marker);
        cr_assert_not_null(at, "marker %s (%d) not in the fixture", marker, nth);
    }
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

/* Entry i has this severity, rule and message, at the n-th `marker`. */
static void assert_entry(const diag *d, size_t i, diag_severity sev, const char *rule,
                         const char *message, const char *text, const char *marker, int nth)
{
    const diag_entry *e = diag_get(d, i);
    cr_assert_not_null(e, "no diagnostic %zu (expected [%s] %s)", i, rule, message);
    cr_assert_eq(e->severity, sev, "entry %zu: severity %d, expected %d: %s", i, e->severity, sev,
                 e->message);
    cr_assert_str_eq(e->rule, rule, "entry %zu: %s", i, e->message);
    if (message != NULL)
        cr_assert_str_eq(e->message, message);
    cr_assert_str_eq(e->file, "v.xml");
    if (marker != NULL) {
        int line, col;
        where_nth(text, marker, nth, &line, &col);
        cr_assert_eq(e->line, line, "entry %zu [%s] at line %d, expected %d (%s)", i, rule, e->line,
                     line, marker);
        cr_assert_eq(e->col, col, "entry %zu [%s] at column %d, expected %d (%s)", i, rule, e->col,
                     col, marker);
    }
}

/* A record of the given parts between the meeting and the end. */
static char *rec(const char *head, const char *session, const char *cast_roles, const char *content,
                 const char *tail)
{
    return g_strconcat(head != NULL ? head : HEAD, MEETING, session != NULL ? session : SESSION,
                       cast_roles != NULL ? cast_roles : "", content != NULL ? content : CONTENT,
                       tail != NULL ? tail : "", END, NULL);
}

/* ------------------------------------------------------------------ */
/* Clean records                                                       */
/* ------------------------------------------------------------------ */

Test(validate, minimal_record_has_no_diagnostics)
{
    char *text = rec(NULL, NULL, NULL, NULL, NULL);
    diag *d = NULL;
    cr_assert(check(text, &d));
    cr_assert_eq(diag_length(d), 0);
    diag_free(d);
    g_free(text);
}

Test(validate, sample_record_has_three_warnings_and_no_errors)
{
    char *path = data_path("inputs", "igf2013-ws041.xml", NULL);
    diag *d = diag_new();
    record *r = record_load(path, d);
    cr_assert_not_null(r);
    cr_assert(validate_record(v, r, d));
    diag_sort(d);
    cr_assert_eq(diag_count(d, DIAG_ERROR), 0);
    cr_assert_eq(diag_count(d, DIAG_WARNING), 3);
    cr_assert_eq(diag_length(d), 3);
    static const struct {
        int line, col;
        const char *rule;
        const char *message;
    } want[] = {
        {71, 458, "gap", "text was lost in the source here (truncated-in-source)"},
        {100, 5, "counts-development",
         "developing + developed + ldc = 70 but total = 77 (without ldc, developing + "
         "developed = 65)"},
        {106, 5, "resource-href",
         "resource of kind \"transcript\" has no href; readers cannot reach it"},
    };
    for (size_t i = 0; i < 3; i++) {
        const diag_entry *e = diag_get(d, i);
        cr_assert_str_eq(e->file, path);
        cr_assert_eq(e->line, want[i].line, "%s", e->message);
        cr_assert_eq(e->col, want[i].col, "%s", e->message);
        cr_assert_str_eq(e->rule, want[i].rule);
        cr_assert_str_eq(e->message, want[i].message);
    }
    record_free(r);
    diag_free(d);
    g_free(path);
}

Test(validate, skeleton_of_rapporteur_new_passes_check)
{
    char *path = data_path("styles", "new", "record.xml");
    char *text = NULL;
    cr_assert(g_file_get_contents(path, &text, NULL, NULL));
    char **a = g_strsplit(text, "{id}", -1);
    char *b = g_strjoinv("ws1", a);
    char **c = g_strsplit(b, "{lang}", -1);
    char *xml = g_strjoinv("fr", c);
    diag *d = NULL;
    cr_assert(check(xml, &d));
    cr_assert_eq(diag_length(d), 0);
    diag_free(d);
    g_free(xml);
    g_strfreev(c);
    g_free(b);
    g_strfreev(a);
    g_free(text);
    g_free(path);
}

Test(validate, works_without_a_schema)
{
    validator_free(v);
    v = NULL;
    char *text = rec(NULL, NULL, NULL, "  <content><summary/></content>\n", NULL);
    diag *d = NULL;
    cr_assert(check(text, &d));
    cr_assert_eq(diag_length(d), 1);
    cr_assert_str_eq(diag_get(d, 0)->rule, "empty");
    diag_free(d);
    g_free(text);
}

Test(validate, missing_schema_is_an_error)
{
    diag *d = diag_new();
    validator *none = validator_new("/nonexistent/record.rng", d);
    cr_assert_null(none);
    cr_assert_geq(diag_count(d, DIAG_ERROR), 1);
    const diag_entry *last = diag_get(d, diag_length(d) - 1);
    cr_assert_str_eq(last->message, "cannot load the schema /nonexistent/record.rng");
    diag_free(d);
}

Test(validate, verdict_ignores_errors_already_in_the_sink)
{
    char *text = rec(NULL, NULL, NULL, NULL, NULL);
    diag *d = diag_new();
    diag_add(d, DIAG_ERROR, "other.xml", 1, 1, "xml", "another record's error");
    record *r = record_load_memory(text, strlen(text), "v.xml", d);
    cr_assert_not_null(r);
    cr_assert(validate_record(v, r, d));
    cr_assert_eq(diag_length(d), 1);
    record_free(r);
    diag_free(d);
    g_free(text);
}

Test(validate, wrong_root_is_one_error_and_no_rule_runs)
{
    static const char text[] = "<report xmlns=\"urn:other\"><content><summary/></content>"
                               "<attendance><count of=\"female\">9</count>"
                               "<count of=\"total\">1</count></attendance></report>";
    diag *d = NULL;
    cr_assert_not(check(text, &d));
    cr_assert_eq(diag_length(d), 1);
    cr_assert_str_eq(diag_get(d, 0)->rule, "root");
    diag_free(d);
}

Test(validate, structural_errors_come_from_the_grammar_once)
{
    char *text =
        rec(NULL, "  <session type=\"workshp\"><title>T</title></session>\n", NULL, NULL, NULL);
    diag *d = NULL;
    cr_assert_not(check(text, &d));
    /* Not repeated by the schema's own message. */
    cr_assert_eq(diag_length(d), 1);
    assert_entry(d, 0, DIAG_ERROR, "enum", NULL, text, "type=", 1);
    diag_free(d);
    g_free(text);
}

/* ------------------------------------------------------------------ */
/* The rules table                                                     */
/* ------------------------------------------------------------------ */

Test(validate, rules_table_ends_with_a_null_id)
{
    const validate_rule_info *rules = validate_rules();
    size_t n = 0;
    while (rules[n].id != NULL) {
        cr_assert_lt(n, 200, "no NULL id after 200 rules");
        n++;
    }
    cr_assert_geq(n, 20);
}

Test(validate, rule_ids_are_unique_with_a_severity_and_summary)
{
    const validate_rule_info *rules = validate_rules();
    for (size_t i = 0; rules[i].id != NULL; i++) {
        cr_assert(grammar_is_ncname(rules[i].id), "rule id %s", rules[i].id);
        cr_assert(strcmp(rules[i].severity, "error") == 0 ||
                      strcmp(rules[i].severity, "warning") == 0,
                  "%s: severity %s", rules[i].id, rules[i].severity);
        cr_assert_not_null(rules[i].summary);
        cr_assert_gt(strlen(rules[i].summary), 0);
        for (size_t j = 0; j < i; j++)
            cr_assert_str_neq(rules[i].id, rules[j].id, "rule %s listed twice", rules[i].id);
    }
}

static const validate_rule_info *rule_info(const char *id)
{
    const validate_rule_info *rules = validate_rules();
    for (size_t i = 0; rules[i].id != NULL; i++) {
        if (strcmp(rules[i].id, id) == 0)
            return &rules[i];
    }
    return NULL;
}

Test(validate, rules_of_the_spec_are_listed_with_their_severity)
{
    static const char *const errors[] = {"xml",
                                         "doctype",
                                         "root",
                                         "schema",
                                         "enum",
                                         "count-value",
                                         "date",
                                         "report-id",
                                         "id-duplicate",
                                         "id-unresolved",
                                         "field-language",
                                         "field-original",
                                         "link-scheme",
                                         NULL};
    static const char *const warnings[] = {
        "counts-gender",       "counts-development", "counts-mode",   "count-above-total",
        "women-share",         "session-date",       "gap",           "empty",
        "stakeholder-missing", "resource-href",      "form-required", NULL};
    for (const char *const *id = errors; *id != NULL; id++) {
        const validate_rule_info *r = rule_info(*id);
        cr_assert_not_null(r, "rule %s is not listed", *id);
        cr_assert_str_eq(r->severity, "error", "rule %s", *id);
    }
    for (const char *const *id = warnings; *id != NULL; id++) {
        const validate_rule_info *r = rule_info(*id);
        cr_assert_not_null(r, "rule %s is not listed", *id);
        cr_assert_str_eq(r->severity, "warning", "rule %s", *id);
    }
}

/* `rapporteur help rules` lists the table: every rule id a record can be
 * reported under must be in it. */
Test(validate, every_rule_id_a_record_can_get_is_listed)
{
    diag *d = diag_new();
    /* A bad time (grammar.c, under [date])... */
    char *text = rec(NULL,
                     "  <session type=\"workshop\"><title>T</title>"
                     "<date start=\"25:00\"/></session>\n",
                     NULL, NULL, NULL);
    record *r = record_load_memory(text, strlen(text), "v.xml", d);
    cr_assert_not_null(r);
    validate_record(v, r, d);
    record_free(r);
    /* ...and a file over the size limit (record.c). */
    size_t len = (size_t)RECORD_MAX_BYTES + 1;
    char *big = g_malloc0(len);
    cr_assert_null(record_load_memory(big, len, "big.xml", d));
    g_free(big);
    cr_assert_eq(diag_length(d), 2);
    for (size_t i = 0; i < diag_length(d); i++) {
        const char *id = diag_get(d, i)->rule;
        cr_assert_not_null(id);
        cr_assert_not_null(rule_info(id), "rule [%s] (\"%s\") is not in validate_rules()", id,
                           diag_get(d, i)->message);
    }
    diag_free(d);
    g_free(text);
}

/* ------------------------------------------------------------------ */
/* IDs (design rule 3)                                                 */
/* ------------------------------------------------------------------ */

Test(validate, duplicate_xml_id_is_an_error_at_the_second)
{
    char *text = rec(NULL, NULL,
                     "  <cast>\n"
                     "    <org xml:id=\"p\" stakeholder=\"academia\"><name>O</name></org>\n"
                     "    <person xml:id=\"p\" stakeholder=\"academia\"><name>N</name></person>\n"
                     "  </cast>\n",
                     NULL, NULL);
    /* The record is well-formed XML: the loader must leave IDs to the
     * validator, which says which rule failed and goes on checking. */
    diag *d = diag_new();
    record *r = record_load_memory(text, strlen(text), "v.xml", d);
    cr_assert_not_null(r, "a well-formed record with a duplicate xml:id was refused at load: %s",
                       diag_length(d) > 0 ? diag_get(d, 0)->message : "");
    cr_assert_not(validate_record(v, r, d));
    record_free(r);
    cr_assert_eq(diag_length(d), 1);
    assert_entry(d, 0, DIAG_ERROR, "id-duplicate",
                 "xml:id \"p\" is already used at line 5; IDs must be unique", text, "xml:id", 2);
    diag_free(d);
    g_free(text);
}

Test(validate, unresolved_who_is_an_error_at_the_attribute)
{
    char *text = rec(NULL, NULL,
                     "  <cast><person xml:id=\"p1\"><name>N</name></person></cast>\n"
                     "  <roles><role type=\"organizer\" who=\"p1 nobody\"/></roles>\n",
                     NULL, NULL);
    diag *d = NULL;
    cr_assert_not(check(text, &d));
    cr_assert_eq(diag_length(d), 1);
    assert_entry(d, 0, DIAG_ERROR, "id-unresolved",
                 "who on <role> refers to \"nobody\", which no person or org in <cast> declares",
                 text, "who=", 1);
    diag_free(d);
    g_free(text);
}

Test(validate, affiliation_must_name_an_org)
{
    char *text = rec(NULL, NULL,
                     "  <cast>\n"
                     "    <person xml:id=\"p1\"><name>A</name></person>\n"
                     "    <person xml:id=\"p2\"><name>B</name><affiliation org=\"p1\"/></person>\n"
                     "  </cast>\n",
                     NULL, NULL);
    diag *d = NULL;
    cr_assert_not(check(text, &d));
    cr_assert_eq(diag_length(d), 1);
    assert_entry(d, 0, DIAG_ERROR, "id-unresolved",
                 "org on <affiliation> refers to \"p1\", a <person> (line 5); it must name an "
                 "<org>",
                 text, "org=", 1);
    diag_free(d);
    g_free(text);
}

Test(validate, presentation_by_and_name_ref_must_resolve)
{
    char *text = rec(NULL, NULL, "  <cast><person xml:id=\"p1\"><name>A</name></person></cast>\n",
                     "  <content>\n"
                     "    <presentation by=\"ghost\">P</presentation>\n"
                     "    <summary><p>As <name ref=\"p1\">A</name> and <name ref=\"p9\">X</name>"
                     " said</p></summary>\n"
                     "  </content>\n",
                     NULL);
    diag *d = NULL;
    cr_assert_not(check(text, &d));
    cr_assert_eq(diag_length(d), 2);
    assert_entry(d, 0, DIAG_ERROR, "id-unresolved",
                 "by on <presentation> refers to \"ghost\", which no person or org in <cast> "
                 "declares",
                 text, "by=", 1);
    assert_entry(d, 1, DIAG_ERROR, "id-unresolved",
                 "ref on <name> refers to \"p9\", which no person or org in <cast> declares", text,
                 "ref=\"p9\"", 1);
    diag_free(d);
    g_free(text);
}

Test(validate, references_to_declared_people_and_orgs_pass)
{
    char *text = rec(NULL, NULL,
                     "  <cast>\n"
                     "    <org xml:id=\"o1\" stakeholder=\"academia\"><name>O</name></org>\n"
                     "    <person xml:id=\"p1\"><name>A</name><affiliation org=\"o1\"/></person>\n"
                     "  </cast>\n"
                     "  <roles><role type=\"speaker\" who=\"p1\"/>"
                     "<role type=\"organizer-entity\" who=\"o1\"/></roles>\n",
                     "  <content><presentation by=\"p1\">P</presentation>"
                     "<summary><p><name ref=\"o1\"/> hosted.</p></summary></content>\n",
                     NULL);
    diag *d = NULL;
    cr_assert(check(text, &d));
    cr_assert_eq(diag_length(d), 0);
    diag_free(d);
    g_free(text);
}

/* ------------------------------------------------------------------ */
/* Translatable fields (design rule 2)                                 */
/* ------------------------------------------------------------------ */

Test(validate, two_copies_of_a_field_in_one_language)
{
    char *text = rec(NULL,
                     "  <session type=\"workshop\">\n"
                     "    <title>T</title>\n"
                     "    <title origin=\"human\">T again</title>\n"
                     "  </session>\n",
                     NULL, NULL, NULL);
    diag *d = NULL;
    cr_assert_not(check(text, &d));
    cr_assert_eq(diag_length(d), 1);
    assert_entry(d, 0, DIAG_ERROR, "field-language",
                 "a second <title> in language \"en\" (the first is at line 4); give each "
                 "translation its own xml:lang",
                 text, "<title", 2);
    diag_free(d);
    g_free(text);
}

Test(validate, language_case_does_not_make_another_copy)
{
    char *text = rec(NULL,
                     "  <session type=\"workshop\"><title>T</title>"
                     "<title xml:lang=\"EN\" origin=\"human\">T</title></session>\n",
                     NULL, NULL, NULL);
    diag *d = NULL;
    cr_assert_not(check(text, &d));
    cr_assert_eq(diag_length(d), 1);
    cr_assert_str_eq(diag_get(d, 0)->rule, "field-language");
    diag_free(d);
    g_free(text);
}

Test(validate, two_originals_of_one_field)
{
    char *text = rec(NULL, NULL, NULL,
                     "  <content>\n"
                     "    <summary>S</summary>\n"
                     "    <summary xml:lang=\"fr\">Résumé</summary>\n"
                     "  </content>\n",
                     NULL);
    diag *d = NULL;
    cr_assert_not(check(text, &d));
    cr_assert_eq(diag_length(d), 1);
    assert_entry(d, 0, DIAG_ERROR, "field-original",
                 "<summary> has a second original copy (the first is at line 5); mark "
                 "translations origin=\"human\" or origin=\"machine\"",
                 text, "<summary", 2);
    diag_free(d);
    g_free(text);
}

Test(validate, translations_marked_human_machine_or_unknown_pass)
{
    char *text = rec(NULL,
                     "  <session type=\"workshop\"><title>T</title>"
                     "<title xml:lang=\"fr\" origin=\"human\">T</title>"
                     "<title xml:lang=\"es\" origin=\"machine\">T</title>"
                     "<title xml:lang=\"ru\" origin=\"unknown\">T</title></session>\n",
                     NULL, NULL, NULL);
    diag *d = NULL;
    cr_assert(check(text, &d));
    cr_assert_eq(diag_length(d), 0);
    diag_free(d);
    g_free(text);
}

Test(validate, one_original_in_another_language_than_the_report_passes)
{
    /* The French summary on an English form (the 2013 sample). */
    char *text = rec(NULL, NULL, NULL,
                     "  <content><summary xml:lang=\"fr\">Résumé</summary>"
                     "<summary origin=\"machine\">Summary</summary></content>\n",
                     NULL);
    diag *d = NULL;
    cr_assert(check(text, &d));
    cr_assert_eq(diag_length(d), 0);
    diag_free(d);
    g_free(text);
}

Test(validate, list_fields_repeat_within_one_language)
{
    char *text = rec(NULL,
                     "  <session type=\"workshop\"><title>T</title>"
                     "<theme>A</theme><theme>B</theme><theme>C</theme></session>\n",
                     NULL, NULL, NULL);
    diag *d = NULL;
    cr_assert(check(text, &d));
    cr_assert_eq(diag_length(d), 0);
    diag_free(d);
    g_free(text);
}

Test(validate, list_fields_have_one_original_per_position)
{
    char *text = rec(NULL,
                     "  <session type=\"workshop\"><title>T</title>\n"
                     "    <theme>A</theme><theme>B</theme>\n"
                     "    <theme xml:lang=\"fr\">A'</theme><theme xml:lang=\"fr\">B'</theme>\n"
                     "  </session>\n",
                     NULL, NULL, NULL);
    diag *d = NULL;
    cr_assert_not(check(text, &d));
    cr_assert_eq(diag_length(d), 2);
    assert_entry(d, 0, DIAG_ERROR, "field-original",
                 "<theme> number 1 in language \"fr\" is a second original (the first is at line "
                 "4); mark translations origin=\"human\" or origin=\"machine\"",
                 text, "<theme", 3);
    assert_entry(d, 1, DIAG_ERROR, "field-original",
                 "<theme> number 2 in language \"fr\" is a second original (the first is at line "
                 "4); mark translations origin=\"human\" or origin=\"machine\"",
                 text, "<theme", 4);
    diag_free(d);
    g_free(text);
}

Test(validate, list_field_translations_pair_up_by_position)
{
    char *text = rec(NULL,
                     "  <session type=\"workshop\"><title>T</title>"
                     "<theme>A</theme><theme>B</theme>"
                     "<theme xml:lang=\"fr\" origin=\"human\">A'</theme>"
                     "<theme xml:lang=\"fr\" origin=\"machine\">B'</theme></session>\n",
                     NULL, NULL, NULL);
    diag *d = NULL;
    cr_assert(check(text, &d));
    cr_assert_eq(diag_length(d), 0);
    diag_free(d);
    g_free(text);
}

Test(validate, presentations_are_one_field_per_speaker)
{
    char *text = rec(NULL, NULL,
                     "  <cast><person xml:id=\"a\"><name>A</name></person>"
                     "<person xml:id=\"b\"><name>B</name></person></cast>\n",
                     "  <content>\n"
                     "    <presentation by=\"a\">PA</presentation>\n"
                     "    <presentation by=\"b\">PB</presentation>\n"
                     "    <presentation by=\"a\" origin=\"human\">PA again</presentation>\n"
                     "  </content>\n",
                     NULL);
    diag *d = NULL;
    cr_assert_not(check(text, &d));
    cr_assert_eq(diag_length(d), 1);
    assert_entry(d, 0, DIAG_ERROR, "field-language",
                 "a second <presentation> in language \"en\" (the first is at line 6); give "
                 "each translation its own xml:lang",
                 text, "<presentation", 3);
    diag_free(d);
    g_free(text);
}

Test(validate, sections_are_one_field_per_kind)
{
    char *text = rec(NULL, NULL, NULL,
                     "  <content>\n"
                     "    <section kind=\"a\" label=\"A\">1</section>\n"
                     "    <section kind=\"b\" label=\"B\">2</section>\n"
                     "    <section kind=\"a\" label=\"A\" xml:lang=\"fr\">1</section>\n"
                     "  </content>\n",
                     NULL);
    diag *d = NULL;
    cr_assert_not(check(text, &d));
    /* Kind a has two originals; kind b is another field. */
    cr_assert_eq(diag_length(d), 1);
    assert_entry(d, 0, DIAG_ERROR, "field-original", NULL, text, "<section", 3);
    diag_free(d);
    g_free(text);
}

/* ------------------------------------------------------------------ */
/* Links                                                               */
/* ------------------------------------------------------------------ */

static char *with_link(const char *href)
{
    char *content = g_strdup_printf(
        "  <content><summary><p>See <link href=\"%s\">this</link>.</p></summary></content>\n",
        href);
    char *text = rec(NULL, NULL, NULL, content, NULL);
    g_free(content);
    return text;
}

Test(validate, http_https_and_mailto_links_pass)
{
    static const char *const ok[] = {"http://example.org/", "https://www.intgovforum.org/x?a=1",
                                     "HTTPS://EXAMPLE.ORG", "mailto:rapporteur@example.org", NULL};
    for (const char *const *href = ok; *href != NULL; href++) {
        char *text = with_link(*href);
        diag *d = NULL;
        cr_assert(check(text, &d), "%s", *href);
        cr_assert_eq(diag_length(d), 0, "%s", *href);
        diag_free(d);
        g_free(text);
    }
}

Test(validate, javascript_link_is_an_error_at_its_href)
{
    char *text = with_link("javascript:alert(1)");
    diag *d = NULL;
    cr_assert_not(check(text, &d));
    cr_assert_eq(diag_length(d), 1);
    assert_entry(d, 0, DIAG_ERROR, "link-scheme",
                 "href \"javascript:alert(1)\" on <link> uses the scheme \"javascript\"; only "
                 "http, https and mailto links are allowed",
                 text, "href=", 1);
    diag_free(d);
    g_free(text);
}

Test(validate, relative_link_is_not_an_absolute_url)
{
    char *text = with_link("report.html");
    diag *d = NULL;
    cr_assert_not(check(text, &d));
    cr_assert_eq(diag_length(d), 1);
    assert_entry(d, 0, DIAG_ERROR, "link-scheme",
                 "href \"report.html\" on <link> is not an absolute URL; write http://, https:// "
                 "or mailto:",
                 text, "href=", 1);
    diag_free(d);
    g_free(text);
}

Test(validate, links_without_host_or_address_are_errors)
{
    static const char *const bad[] = {"mailto:",          "http:///path",       "https://",
                                      "data:text/html,x", "file:///etc/passwd", NULL};
    for (const char *const *href = bad; *href != NULL; href++) {
        char *text = with_link(*href);
        diag *d = NULL;
        cr_assert_not(check(text, &d), "%s", *href);
        cr_assert_eq(count_rule(d, "link-scheme"), 1, "%s", *href);
        diag_free(d);
        g_free(text);
    }
}

Test(validate, long_hrefs_are_cut_in_messages)
{
    char *href = g_strconcat(
        "javascript:", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        NULL);
    char *text = with_link(href);
    diag *d = NULL;
    cr_assert_not(check(text, &d));
    cr_assert_eq(diag_length(d), 1);
    cr_assert(g_str_has_prefix(diag_get(d, 0)->message,
                               "href \"javascript:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                               "...\" on <link>"),
              "%s", diag_get(d, 0)->message);
    diag_free(d);
    g_free(text);
    g_free(href);
}

Test(validate, resource_and_source_hrefs_follow_the_link_rule)
{
    char *text = rec(NULL, NULL, NULL, NULL,
                     "  <resources><resource kind=\"video\" href=\"ftp://example.org/v\">"
                     "<label>V</label></resource><resource kind=\"photo\" "
                     "href=\"https://example.org/p\"><label>P</label></resource></resources>\n");
    /* meta goes first: build it by hand. */
    char **parts = g_strsplit(text, MEETING, 2);
    char *full =
        g_strjoin("", parts[0], "  <meta><source href=\"data:text/html,x\">s</source></meta>\n",
                  MEETING, parts[1], NULL);
    diag *d = NULL;
    cr_assert_not(check(full, &d));
    cr_assert_eq(diag_length(d), 2);
    assert_entry(d, 0, DIAG_ERROR, "link-scheme", NULL, full, "href=", 1);
    assert_entry(d, 1, DIAG_ERROR, "link-scheme",
                 "href \"ftp://example.org/v\" on <resource> uses the scheme \"ftp\"; only http, "
                 "https and mailto links are allowed",
                 full, "href=", 2);
    diag_free(d);
    g_free(full);
    g_strfreev(parts);
    g_free(text);
}

/* ------------------------------------------------------------------ */
/* Counts (design rule 5)                                              */
/* ------------------------------------------------------------------ */

static char *with_attendance(const char *attendance)
{
    return rec(NULL, NULL, NULL, NULL, attendance);
}

Test(validate, gender_counts_must_add_up_to_the_total)
{
    char *text = with_attendance("  <attendance>\n"
                                 "    <count of=\"female\">38</count>\n"
                                 "    <count of=\"male\">39</count>\n"
                                 "    <count of=\"total\">80</count>\n"
                                 "  </attendance>\n");
    diag *d = NULL;
    cr_assert(check(text, &d), "sums are warnings, never errors");
    cr_assert_eq(diag_length(d), 1);
    assert_entry(d, 0, DIAG_WARNING, "counts-gender", "female + male = 77 but total = 80", text,
                 "<count of=\"female\"", 1);
    diag_free(d);
    g_free(text);
}

Test(validate, other_gender_counts_in_the_gender_sum)
{
    char *text = with_attendance("  <attendance><count of=\"female\">38</count>"
                                 "<count of=\"male\">39</count>"
                                 "<count of=\"other-gender\">3</count>"
                                 "<count of=\"total\">80</count></attendance>\n");
    diag *d = NULL;
    cr_assert(check(text, &d));
    cr_assert_eq(diag_length(d), 0);
    diag_free(d);
    g_free(text);
}

Test(validate, one_part_alone_says_nothing_about_the_sum)
{
    char *text = with_attendance("  <attendance><count of=\"female\">38</count>"
                                 "<count of=\"onsite\">50</count>"
                                 "<count of=\"total\">80</count></attendance>\n");
    diag *d = NULL;
    cr_assert(check(text, &d));
    cr_assert_eq(diag_length(d), 0);
    diag_free(d);
    g_free(text);
}

Test(validate, counts_are_summed_per_role)
{
    /* Speakers' counts against the speakers' total, participants' against
     * the participants'. */
    char *text = with_attendance("  <attendance>\n"
                                 "    <count of=\"female\">10</count>\n"
                                 "    <count of=\"male\">10</count>\n"
                                 "    <count of=\"total\">20</count>\n"
                                 "    <count of=\"female\" role=\"speaker\">2</count>\n"
                                 "    <count of=\"male\" role=\"speaker\">2</count>\n"
                                 "    <count of=\"total\" role=\"speaker\">5</count>\n"
                                 "    <count of=\"female\" role=\"moderator\">1</count>\n"
                                 "    <count of=\"total\" role=\"moderator\">1</count>\n"
                                 "  </attendance>\n");
    diag *d = NULL;
    cr_assert(check(text, &d));
    cr_assert_eq(diag_length(d), 1);
    assert_entry(d, 0, DIAG_WARNING, "counts-gender", "speakers: female + male = 4 but total = 5",
                 text, "<count of=\"female\" role=\"speaker\"", 1);
    diag_free(d);
    g_free(text);
}

Test(validate, explicit_participant_role_is_the_default_role)
{
    char *text = with_attendance("  <attendance><count of=\"female\" role=\"participant\">5</count>"
                                 "<count of=\"male\">5</count>"
                                 "<count of=\"total\">12</count></attendance>\n");
    diag *d = NULL;
    cr_assert(check(text, &d));
    cr_assert_eq(diag_length(d), 1);
    cr_assert_str_eq(diag_get(d, 0)->message, "female + male = 10 but total = 12");
    diag_free(d);
    g_free(text);
}

Test(validate, onsite_and_online_must_add_up_to_the_total)
{
    char *text = with_attendance("  <attendance><count of=\"onsite\">40</count>"
                                 "<count of=\"online\">10</count>"
                                 "<count of=\"total\">60</count></attendance>\n");
    diag *d = NULL;
    cr_assert(check(text, &d));
    cr_assert_eq(diag_length(d), 1);
    assert_entry(d, 0, DIAG_WARNING, "counts-mode", "onsite + online = 50 but total = 60", text,
                 "<count of=\"onsite\"", 1);
    diag_free(d);
    g_free(text);
}

Test(validate, a_count_above_the_total)
{
    char *text = with_attendance("  <attendance><count of=\"youth\">90</count>"
                                 "<count of=\"total\">80</count></attendance>\n");
    diag *d = NULL;
    cr_assert(check(text, &d));
    cr_assert_eq(diag_length(d), 1);
    assert_entry(d, 0, DIAG_WARNING, "count-above-total", "youth = 90 is more than total = 80",
                 text, "<count of=\"youth\"", 1);
    diag_free(d);
    g_free(text);
}

Test(validate, a_count_given_twice)
{
    char *text = with_attendance("  <attendance>\n"
                                 "    <count of=\"female\">5</count>\n"
                                 "    <count of=\"female\">6</count>\n"
                                 "  </attendance>\n");
    diag *d = NULL;
    cr_assert(check(text, &d));
    cr_assert_eq(diag_length(d), 1);
    assert_entry(d, 0, DIAG_WARNING, "count-duplicate",
                 "a second count of \"female\" (the first is at line 6); only the first is used",
                 text, "<count", 2);
    diag_free(d);
    g_free(text);
}

Test(validate, development_counts_without_ldc)
{
    char *text = with_attendance("  <attendance><count of=\"developing\">20</count>"
                                 "<count of=\"developed\">45</count>"
                                 "<count of=\"total\">77</count></attendance>\n");
    diag *d = NULL;
    cr_assert(check(text, &d));
    cr_assert_eq(diag_length(d), 1);
    assert_entry(d, 0, DIAG_WARNING, "counts-development",
                 "developing + developed = 65 but total = 77", text, "<count of=\"developing\"", 1);
    diag_free(d);
    g_free(text);
}

static char *development(const char *ldc_in, int developing, int developed, int ldc, int total)
{
    char *att =
        g_strdup_printf("  <attendance%s%s%s><count of=\"developing\">%d</count>"
                        "<count of=\"developed\">%d</count><count of=\"ldc\">%d</count>"
                        "<count of=\"total\">%d</count></attendance>\n",
                        ldc_in != NULL ? " ldcInDeveloping=\"" : "", ldc_in != NULL ? ldc_in : "",
                        ldc_in != NULL ? "\"" : "", developing, developed, ldc, total);
    char *text = with_attendance(att);
    g_free(att);
    return text;
}

static size_t development_warnings(const char *ldc_in, int developing, int developed, int ldc,
                                   int total, diag **out)
{
    char *text = development(ldc_in, developing, developed, ldc, total);
    cr_assert(check(text, out));
    g_free(text);
    cr_assert_eq(diag_length(*out), count_rule(*out, "counts-development"));
    return diag_length(*out);
}

Test(validate, ldc_unknown_accepts_either_reading)
{
    diag *d = NULL;
    /* LDCs apart, as 2013 forms counted them: 20 + 52 + 5 = 77. */
    cr_assert_eq(development_warnings(NULL, 20, 52, 5, 77, &d), 0);
    diag_free(d);
    /* LDCs within developing, as in UN usage: 25 + 52 = 77. */
    cr_assert_eq(development_warnings("unknown", 25, 52, 5, 77, &d), 0);
    diag_free(d);
}

Test(validate, ldc_unknown_that_fits_neither_reading_says_both_sums)
{
    diag *d = NULL;
    cr_assert_eq(development_warnings("unknown", 20, 45, 5, 77, &d), 1);
    cr_assert_str_eq(diag_get(d, 0)->message,
                     "developing + developed + ldc = 70 but total = 77 (without ldc, developing "
                     "+ developed = 65)");
    diag_free(d);
}

Test(validate, ldc_within_developing)
{
    diag *d = NULL;
    cr_assert_eq(development_warnings("yes", 25, 52, 5, 77, &d), 0);
    diag_free(d);
    /* Adds up only with the LDCs counted apart: wrong for "yes". */
    cr_assert_eq(development_warnings("yes", 20, 52, 5, 77, &d), 1);
    cr_assert_str_eq(diag_get(d, 0)->message,
                     "developing + developed = 72 but total = 77 (LDCs are counted within "
                     "developing countries here)");
    diag_free(d);
}

Test(validate, ldc_within_developing_cannot_exceed_developing)
{
    diag *d = NULL;
    cr_assert_eq(development_warnings("yes", 25, 52, 30, 77, &d), 1);
    cr_assert_str_eq(diag_get(d, 0)->message,
                     "ldc = 30 exceeds developing = 25, which includes them");
    diag_free(d);
}

Test(validate, ldc_apart_from_developing)
{
    diag *d = NULL;
    cr_assert_eq(development_warnings("no", 20, 52, 5, 77, &d), 0);
    diag_free(d);
    /* Adds up only without the LDCs: wrong for "no". */
    cr_assert_eq(development_warnings("no", 25, 52, 5, 77, &d), 1);
    cr_assert_str_eq(diag_get(d, 0)->message,
                     "developing + developed + ldc = 82 but total = 77 (without ldc, developing "
                     "+ developed = 77)");
    diag_free(d);
}

/* ------------------------------------------------------------------ */
/* Women's share                                                       */
/* ------------------------------------------------------------------ */

static char *with_gender(const char *gender, const char *attendance)
{
    char *tail = g_strconcat(gender, attendance != NULL ? attendance : "", NULL);
    char *text = rec(NULL, NULL, NULL, NULL, tail);
    g_free(tail);
    return text;
}

Test(validate, women_share_band_that_fits_the_counts_passes)
{
    char *text =
        with_gender("  <gender><womenShare band=\"about-half\" percent=\"49\">Half</womenShare>"
                    "</gender>\n",
                    "  <attendance><count of=\"female\">38</count>"
                    "<count of=\"male\">39</count><count of=\"total\">77</count>"
                    "</attendance>\n");
    diag *d = NULL;
    cr_assert(check(text, &d));
    cr_assert_eq(diag_length(d), 0);
    diag_free(d);
    g_free(text);
}

Test(validate, women_share_band_contradicting_the_counts)
{
    char *text =
        with_gender("  <gender><womenShare band=\"about-half\">Half</womenShare></gender>\n",
                    "  <attendance><count of=\"female\">10</count>"
                    "<count of=\"total\">100</count></attendance>\n");
    diag *d = NULL;
    cr_assert(check(text, &d));
    cr_assert_eq(diag_length(d), 1);
    assert_entry(d, 0, DIAG_WARNING, "women-share",
                 "band \"about-half\" contradicts the counts: female/total = 10/100 (10%)", text,
                 "band=", 1);
    diag_free(d);
    g_free(text);
}

Test(validate, women_share_band_contradicting_its_percent)
{
    char *text =
        with_gender("  <gender><womenShare band=\"about-half\" percent=\"10\">Half</womenShare>"
                    "</gender>\n",
                    NULL);
    diag *d = NULL;
    cr_assert(check(text, &d));
    cr_assert_eq(diag_length(d), 1);
    assert_entry(d, 0, DIAG_WARNING, "women-share",
                 "band \"about-half\" contradicts percent=\"10\"", text, "band=", 1);
    diag_free(d);
    g_free(text);
}

Test(validate, women_share_percent_contradicting_the_counts)
{
    char *text = with_gender("  <gender><womenShare percent=\"50\">Half</womenShare></gender>\n",
                             "  <attendance><count of=\"female\">10</count>"
                             "<count of=\"total\">100</count></attendance>\n");
    diag *d = NULL;
    cr_assert(check(text, &d));
    cr_assert_eq(diag_length(d), 1);
    assert_entry(d, 0, DIAG_WARNING, "women-share",
                 "percent=\"50\" contradicts the counts: female/total = 10/100 (10%)", text,
                 "percent=", 1);
    diag_free(d);
    g_free(text);
}

Test(validate, women_share_compares_with_participants_not_speakers)
{
    char *text = with_gender("  <gender><womenShare band=\"all\">All</womenShare></gender>\n",
                             "  <attendance><count of=\"female\" role=\"speaker\">1</count>"
                             "<count of=\"total\" role=\"speaker\">10</count></attendance>\n");
    diag *d = NULL;
    cr_assert(check(text, &d));
    cr_assert_eq(diag_length(d), 0);
    diag_free(d);
    g_free(text);
}

/* ------------------------------------------------------------------ */
/* Dates                                                               */
/* ------------------------------------------------------------------ */

static char *with_dates(const char *dates, const char *date)
{
    char *meeting =
        g_strdup_printf("  <meeting year=\"2013\"><name>IGF 2013</name>%s</meeting>\n", dates);
    char *session =
        g_strdup_printf("  <session type=\"workshop\"><title>T</title>%s</session>\n", date);
    char *text = g_strconcat(HEAD, meeting, session, CONTENT, END, NULL);
    g_free(meeting);
    g_free(session);
    return text;
}

Test(validate, session_date_within_the_meeting_passes)
{
    char *text = with_dates("<dates from=\"2013-10-22\" to=\"2013-10-25\"/>",
                            "<date when=\"2013-10-25\" start=\"10:00\" end=\"11:30\"/>");
    diag *d = NULL;
    cr_assert(check(text, &d));
    cr_assert_eq(diag_length(d), 0);
    diag_free(d);
    g_free(text);
}

Test(validate, session_date_outside_the_meeting_dates)
{
    char *text =
        with_dates("<dates from=\"2013-10-22\" to=\"2013-10-25\"/>", "<date when=\"2013-10-26\"/>");
    diag *d = NULL;
    cr_assert(check(text, &d));
    cr_assert_eq(diag_length(d), 1);
    assert_entry(d, 0, DIAG_WARNING, "session-date",
                 "the session date 2013-10-26 is outside the meeting dates 2013-10-22 to "
                 "2013-10-25",
                 text, "when=", 1);
    diag_free(d);
    g_free(text);
}

Test(validate, session_date_before_an_open_ended_meeting)
{
    char *text = with_dates("<dates from=\"2013-10-22\"/>", "<date when=\"2013-10-21\"/>");
    diag *d = NULL;
    cr_assert(check(text, &d));
    cr_assert_eq(diag_length(d), 1);
    cr_assert_str_eq(diag_get(d, 0)->message,
                     "the session date 2013-10-21 is outside the meeting dates 2013-10-22 to ?");
    diag_free(d);
    g_free(text);
}

Test(validate, meeting_that_ends_before_it_starts)
{
    char *text = with_dates("<dates from=\"2013-10-25\" to=\"2013-10-22\"/>", "");
    diag *d = NULL;
    cr_assert(check(text, &d));
    cr_assert_eq(diag_length(d), 1);
    assert_entry(d, 0, DIAG_WARNING, "date-order",
                 "the meeting ends (2013-10-22) before it starts (2013-10-25)", text, "to=", 1);
    diag_free(d);
    g_free(text);
}

Test(validate, session_that_ends_before_it_starts)
{
    char *text = with_dates("", "<date when=\"2013-10-24\" start=\"11:30\" end=\"10:00\"/>");
    diag *d = NULL;
    cr_assert(check(text, &d));
    cr_assert_eq(diag_length(d), 1);
    assert_entry(d, 0, DIAG_WARNING, "date-order",
                 "the session ends (10:00) before it starts (11:30)", text, "end=", 1);
    diag_free(d);
    g_free(text);
}

Test(validate, session_times_are_ordered_without_a_day_too)
{
    /* A form may give the times and not the day: the order still holds. */
    char *text = with_dates("", "<date start=\"11:30\" end=\"10:00\"/>");
    diag *d = NULL;
    cr_assert(check(text, &d));
    cr_assert_eq(diag_length(d), 1);
    assert_entry(d, 0, DIAG_WARNING, "date-order",
                 "the session ends (10:00) before it starts (11:30)", text, "end=", 1);
    diag_free(d);
    g_free(text);
}

/* ------------------------------------------------------------------ */
/* Text: gaps, empty elements, bidi controls                           */
/* ------------------------------------------------------------------ */

Test(validate, gap_is_a_warning_where_it_stands)
{
    char *text = rec(NULL, NULL, NULL,
                     "  <content><summary><p>Lost: <gap reason=\"illegible\"/>; and "
                     "<gap/>.</p></summary></content>\n",
                     NULL);
    diag *d = NULL;
    cr_assert(check(text, &d));
    cr_assert_eq(diag_length(d), 2);
    assert_entry(d, 0, DIAG_WARNING, "gap", "text was lost in the source here (illegible)", text,
                 "<gap", 1);
    assert_entry(d, 1, DIAG_WARNING, "gap", "text was lost in the source here", text, "<gap", 2);
    diag_free(d);
    g_free(text);
}

Test(validate, empty_element_is_a_warning)
{
    char *text =
        rec(NULL, NULL, NULL,
            "  <content><summary>S</summary><conclusions>  </conclusions></content>\n", NULL);
    diag *d = NULL;
    cr_assert(check(text, &d));
    cr_assert_eq(diag_length(d), 1);
    assert_entry(d, 0, DIAG_WARNING, "empty",
                 "<conclusions> is empty; remove it if nothing was recorded, or say na=\"true\" "
                 "if the answer was N/A",
                 text, "<conclusions>", 1);
    diag_free(d);
    g_free(text);
}

Test(validate, empty_with_na_is_an_answer)
{
    char *text = rec(NULL, NULL, NULL,
                     "  <content><summary>S</summary><conclusions na=\"true\"/>"
                     "<wayForward na=\"1\"/></content>\n",
                     NULL);
    diag *d = NULL;
    cr_assert(check(text, &d));
    cr_assert_eq(diag_length(d), 0);
    diag_free(d);
    g_free(text);
}

Test(validate, elements_that_are_normally_empty_are_not_warned)
{
    char *text =
        with_dates("<dates from=\"2013-10-22\"/>", "<date when=\"2013-10-22\"/><sdg goal=\"9\"/>");
    diag *d = NULL;
    cr_assert(check(text, &d));
    cr_assert_eq(diag_length(d), 0);
    diag_free(d);
    g_free(text);
}

/* A resource's value is its @kind and @href (its label is optional, and
 * the reports label it by kind): nothing is missing. */
Test(validate, resource_with_an_href_and_no_label_is_not_empty)
{
    char *text = rec(NULL, NULL, NULL, NULL,
                     "  <resources><resource kind=\"video\" href=\"https://example.org/v\"/>"
                     "</resources>\n");
    diag *d = NULL;
    cr_assert(check(text, &d));
    cr_assert_eq(diag_length(d), 0);
    diag_free(d);
    g_free(text);
}

/* The gender questions are answered by @band, @percent and @extent, as
 * priorIGFExperience is by @value; their text is optional. */
Test(validate, gender_answers_given_by_attribute_are_not_empty)
{
    char *text = rec(NULL, NULL, NULL, NULL,
                     "  <gender><womenShare band=\"about-third\" percent=\"30\"/>"
                     "<genderTopic extent=\"not-mentioned\"/></gender>\n");
    diag *d = NULL;
    cr_assert(check(text, &d));
    cr_assert_eq(diag_length(d), 0);
    diag_free(d);
    g_free(text);
}

Test(validate, inline_name_with_ref_may_be_empty_but_a_paragraph_may_not)
{
    char *text =
        rec(NULL, NULL, "  <cast><person xml:id=\"p\"><name>P</name></person></cast>\n",
            "  <content><summary><p><name ref=\"p\"/> spoke.</p><p/></summary></content>\n", NULL);
    diag *d = NULL;
    cr_assert(check(text, &d));
    cr_assert_eq(diag_length(d), 1);
    assert_entry(d, 0, DIAG_WARNING, "empty", NULL, text, "<p/>", 1);
    diag_free(d);
    g_free(text);
}

Test(validate, bidi_control_character_is_a_warning)
{
    char *text = rec(
        NULL, "  <session type=\"workshop\"><title>evil\xE2\x80\xAEmoc.live</title></session>\n",
        NULL, NULL, NULL);
    diag *d = NULL;
    cr_assert(check(text, &d));
    cr_assert_eq(diag_length(d), 1);
    assert_entry(d, 0, DIAG_WARNING, "bidi-control",
                 "<title> holds the bidirectional control character U+202E, which reorders "
                 "text; it is shown isolated, but check it is meant",
                 text, "<title>", 1);
    diag_free(d);
    g_free(text);
}

/* ------------------------------------------------------------------ */
/* People                                                              */
/* ------------------------------------------------------------------ */

Test(validate, speaker_without_stakeholder_group)
{
    char *text = rec(NULL, NULL,
                     "  <cast>\n"
                     "    <person xml:id=\"p1\"><name>A</name></person>\n"
                     "  </cast>\n"
                     "  <roles><role type=\"speaker\" who=\"p1\"/></roles>\n",
                     NULL, NULL);
    diag *d = NULL;
    cr_assert(check(text, &d));
    cr_assert_eq(diag_length(d), 1);
    assert_entry(d, 0, DIAG_WARNING, "stakeholder-missing",
                 "speaker \"p1\" has no stakeholder group; add stakeholder=\"...\" here or on an "
                 "affiliated org",
                 text, "<person", 1);
    diag_free(d);
    g_free(text);
}

Test(validate, stakeholder_group_through_the_affiliation)
{
    char *text = rec(NULL, NULL,
                     "  <cast>\n"
                     "    <org xml:id=\"o1\" stakeholder=\"government\"><name>O</name></org>\n"
                     "    <person xml:id=\"p1\"><name>A</name><affiliation org=\"o1\"/></person>\n"
                     "    <person xml:id=\"p2\" stakeholder=\"academia\"><name>B</name></person>\n"
                     "  </cast>\n"
                     "  <roles><role type=\"speaker\" who=\"p1 p2\"/>"
                     "<role type=\"moderator\" who=\"p1\"/></roles>\n",
                     NULL, NULL);
    diag *d = NULL;
    cr_assert(check(text, &d));
    cr_assert_eq(diag_length(d), 0);
    diag_free(d);
    g_free(text);
}

Test(validate, affiliation_to_an_org_without_group_does_not_help)
{
    char *text = rec(NULL, NULL,
                     "  <cast>\n"
                     "    <org xml:id=\"o1\"><name>O</name></org>\n"
                     "    <person xml:id=\"p1\"><name>A</name><affiliation org=\"o1\"/>"
                     "<affiliation>Free text</affiliation></person>\n"
                     "  </cast>\n"
                     "  <roles><role type=\"moderator\" who=\"p1\"/></roles>\n",
                     NULL, NULL);
    diag *d = NULL;
    cr_assert(check(text, &d));
    cr_assert_eq(diag_length(d), 1);
    assert_entry(d, 0, DIAG_WARNING, "stakeholder-missing", NULL, text, "<person", 1);
    cr_assert(g_str_has_prefix(diag_get(d, 0)->message, "moderator \"p1\" "), "%s",
              diag_get(d, 0)->message);
    diag_free(d);
    g_free(text);
}

Test(validate, one_warning_per_person_whatever_their_roles)
{
    char *text =
        rec(NULL, NULL,
            "  <cast><person xml:id=\"p1\"><name>A</name></person></cast>\n"
            "  <roles><role type=\"moderator\" who=\"p1\"/><role type=\"speaker\" who=\"p1\"/>"
            "<role type=\"online-moderator\" who=\"p1\"/></roles>\n",
            NULL, NULL);
    diag *d = NULL;
    cr_assert(check(text, &d));
    cr_assert_eq(diag_length(d), 1);
    cr_assert_str_eq(diag_get(d, 0)->rule, "stakeholder-missing");
    diag_free(d);
    g_free(text);
}

Test(validate, organizers_and_rapporteurs_need_no_stakeholder_group)
{
    char *text = rec(NULL, NULL,
                     "  <cast><person xml:id=\"p1\"><name>A</name></person></cast>\n"
                     "  <roles><role type=\"organizer\" who=\"p1\"/>"
                     "<role type=\"rapporteur\" who=\"p1\"/></roles>\n",
                     NULL, NULL);
    diag *d = NULL;
    cr_assert(check(text, &d));
    cr_assert_eq(diag_length(d), 0);
    diag_free(d);
    g_free(text);
}

/* ------------------------------------------------------------------ */
/* Resources and forms                                                 */
/* ------------------------------------------------------------------ */

Test(validate, resource_without_href)
{
    char *text = rec(NULL, NULL, NULL, NULL,
                     "  <resources>\n"
                     "    <resource kind=\"transcript\"><label>Transcript</label></resource>\n"
                     "    <resource kind=\"video\" href=\"https://example.org/v\">"
                     "<label>Video</label></resource>\n"
                     "  </resources>\n");
    diag *d = NULL;
    cr_assert(check(text, &d));
    cr_assert_eq(diag_length(d), 1);
    assert_entry(d, 0, DIAG_WARNING, "resource-href",
                 "resource of kind \"transcript\" has no href; readers cannot reach it", text,
                 "<resource kind", 1);
    diag_free(d);
    g_free(text);
}

Test(validate, form_2013_requires_rapporteur_summary_and_attendance)
{
    char *text = rec("<report xmlns=\"" NS "\" version=\"1\" id=\"t\" xml:lang=\"en\"\n"
                     "        form=\"igf-2013-workshop-report\">\n",
                     NULL, NULL, "  <content><description>D</description></content>\n", NULL);
    diag *d = NULL;
    cr_assert(check(text, &d));
    cr_assert_eq(diag_length(d), 3);
    assert_entry(d, 0, DIAG_WARNING, "form-required",
                 "the igf-2013-workshop-report form asks for a role of type rapporteur, which "
                 "this record lacks",
                 text, "form=", 1);
    assert_entry(d, 1, DIAG_WARNING, "form-required",
                 "the igf-2013-workshop-report form asks for summary, which this record lacks",
                 text, "form=", 1);
    assert_entry(d, 2, DIAG_WARNING, "form-required",
                 "the igf-2013-workshop-report form asks for attendance, which this record lacks",
                 text, "form=", 1);
    diag_free(d);
    g_free(text);
}

Test(validate, form_2013_satisfied)
{
    char *text = rec("<report xmlns=\"" NS "\" version=\"1\" id=\"t\" xml:lang=\"en\""
                     " form=\"igf-2013-workshop-report\">\n",
                     NULL,
                     "  <cast><person xml:id=\"p\"><name>R</name></person></cast>\n"
                     "  <roles><role type=\"rapporteur\" who=\"p\"/></roles>\n",
                     NULL, "  <attendance><count of=\"total\">5</count></attendance>\n");
    diag *d = NULL;
    cr_assert(check(text, &d));
    cr_assert_eq(diag_length(d), 0);
    diag_free(d);
    g_free(text);
}

Test(validate, native_and_unknown_forms_require_nothing)
{
    static const char *const forms[] = {"native", "igf-2031-new-form", NULL};
    for (const char *const *f = forms; *f != NULL; f++) {
        char *head = g_strdup_printf("<report xmlns=\"" NS "\" version=\"1\" id=\"t\" "
                                     "xml:lang=\"en\" form=\"%s\">\n",
                                     *f);
        char *text =
            rec(head, NULL, NULL, "  <content><description>D</description></content>\n", NULL);
        diag *d = NULL;
        cr_assert(check(text, &d), "%s", *f);
        cr_assert_eq(diag_length(d), 0, "%s", *f);
        diag_free(d);
        g_free(text);
        g_free(head);
    }
}
