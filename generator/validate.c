/* validate: the schema and the spec's Validation rules, one function each. */
#include "validate.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/relaxng.h>

#include "grammar.h"

struct validator {
    xmlRelaxNGPtr schema;
};

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

typedef struct {
    const record *rec;
    diag *d;
    const char *file;
    GHashTable *ids; /* xml:id -> xmlNode* (org or person), borrowed */
} ctx;

static void report_at(ctx *c, diag_severity sev, const xmlNode *n, const char *rule,
                      const char *fmt, ...) G_GNUC_PRINTF(5, 6);
static void report_at(ctx *c, diag_severity sev, const xmlNode *n, const char *rule,
                      const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    diag_add(c->d, sev, c->file, record_node_line(n), record_node_col(n), rule, "%s", msg);
    g_free(msg);
}

static void report_attr(ctx *c, diag_severity sev, const xmlNode *el, const char *attr,
                        const char *rule, const char *fmt, ...) G_GNUC_PRINTF(6, 7);
static void report_attr(ctx *c, diag_severity sev, const xmlNode *el, const char *attr,
                        const char *rule, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    const xmlAttr *a = xmlHasNsProp(el, BAD_CAST attr, NULL);
    if (a != NULL)
        diag_add(c->d, sev, c->file, record_attr_line(a), record_attr_col(a), rule, "%s", msg);
    else
        diag_add(c->d, sev, c->file, record_node_line(el), record_node_col(el), rule, "%s", msg);
    g_free(msg);
}

static xmlNode *child(const xmlNode *el, const char *name)
{
    for (xmlNode *ch = el != NULL ? el->children : NULL; ch != NULL; ch = ch->next) {
        if (record_is(ch, name))
            return ch;
    }
    return NULL;
}

/* Calls fn on every record element below (and including) el, in document
 * order, without recursion (depth is bounded by the parser, but the walk
 * need not rely on it). */
typedef void (*visit_fn)(ctx *c, xmlNode *el);

static void walk(ctx *c, xmlNode *top, visit_fn fn)
{
    for (xmlNode *n = top; n != NULL; n = record_next_node(n, top)) {
        if (n->type == XML_ELEMENT_NODE)
            fn(c, n);
    }
}

static bool is_true(const char *v)
{
    return v != NULL && (strcmp(v, "true") == 0 || strcmp(v, "1") == 0);
}

static char *text_of(const xmlNode *el)
{
    xmlChar *t = xmlNodeGetContent(el);
    char *s = g_strstrip(g_strdup(t != NULL ? (const char *)t : ""));
    xmlFree(t);
    return s;
}

/* ------------------------------------------------------------------ */
/* IDs (design rule 3)                                                 */
/* ------------------------------------------------------------------ */

static void collect_id(ctx *c, xmlNode *el)
{
    xmlAttr *a = xmlHasNsProp(el, BAD_CAST "id", XML_XML_NAMESPACE);
    if (a == NULL || a->children == NULL)
        return;
    const char *id = (const char *)a->children->content;
    xmlNode *first = g_hash_table_lookup(c->ids, id);
    if (first != NULL) {
        diag_add(c->d, DIAG_ERROR, c->file, record_attr_line(a), record_attr_col(a),
                 "id-duplicate", "xml:id \"%s\" is already used at line %d; IDs must be unique",
                 id, record_node_line(first));
        return;
    }
    g_hash_table_insert(c->ids, (gpointer)id, el);
}

static void rule_ids_unique(ctx *c)
{
    walk(c, record_root(c->rec), collect_id);
}

/* Checks one reference; `want` is "org", "person" or NULL (either). */
static void check_ref(ctx *c, xmlNode *el, const char *attr, const char *id, const char *want)
{
    xmlNode *target = g_hash_table_lookup(c->ids, id);
    if (target == NULL) {
        report_attr(c, DIAG_ERROR, el, attr, "id-unresolved",
                    "%s on <%s> refers to \"%s\", which no person or org in <cast> declares",
                    attr, (const char *)el->name, id);
        return;
    }
    if (want != NULL && !record_is(target, want))
        report_attr(c, DIAG_ERROR, el, attr, "id-unresolved",
                    "%s on <%s> refers to \"%s\", a <%s> (line %d); it must name an <%s>", attr,
                    (const char *)el->name, id, (const char *)target->name,
                    record_node_line(target), want);
}

static void resolve_refs(ctx *c, xmlNode *el)
{
    const char *v;
    if (record_is(el, "role") && (v = record_attr(el, "who")) != NULL) {
        char **ids = g_strsplit_set(v, " \t\r\n", -1);
        for (char **id = ids; *id != NULL; id++) {
            if (**id != '\0' && grammar_is_ncname(*id))
                check_ref(c, el, "who", *id, NULL);
        }
        g_strfreev(ids);
    } else if (record_is(el, "affiliation") && (v = record_attr(el, "org")) != NULL) {
        check_ref(c, el, "org", v, "org");
    } else if (record_is(el, "presentation") && (v = record_attr(el, "by")) != NULL) {
        check_ref(c, el, "by", v, NULL);
    } else if (record_is(el, "name") && (v = record_attr(el, "ref")) != NULL) {
        check_ref(c, el, "ref", v, NULL);
    }
}

static void rule_ids_resolved(ctx *c)
{
    walk(c, record_root(c->rec), resolve_refs);
}

/* ------------------------------------------------------------------ */
/* Translatable fields (design rule 2)                                 */
/* ------------------------------------------------------------------ */

/* What counts as one field: the element's name, and @by for a
 * presentation, @kind for a section. */
static char *field_key(const xmlNode *el)
{
    const char *extra = NULL;
    if (record_is(el, "presentation"))
        extra = record_attr(el, "by");
    else if (record_is(el, "section"))
        extra = record_attr(el, "kind");
    return g_strdup_printf("%s#%s", (const char *)el->name, extra != NULL ? extra : "");
}

static bool is_original(const xmlNode *el)
{
    const char *o = record_attr(el, "origin");
    return o == NULL || strcmp(o, "original") == 0;
}

static char *lang_key(const xmlNode *el)
{
    return g_ascii_strdown(record_node_lang(el), -1);
}

typedef struct {
    xmlNode *first_original;
    GHashTable *by_lang;   /* lang -> GPtrArray of xmlNode* (borrowed), owned */
    GPtrArray *langs;      /* languages in order of first appearance, borrowed keys */
} field_copies;

static void field_copies_free(gpointer p)
{
    field_copies *f = p;
    g_hash_table_destroy(f->by_lang);
    g_ptr_array_free(f->langs, TRUE);
    g_free(f);
}

static void check_fields_of(ctx *c, xmlNode *parent)
{
    GHashTable *fields =
        g_hash_table_new_full(g_str_hash, g_str_equal, g_free, field_copies_free);
    GPtrArray *order = g_ptr_array_new();
    for (xmlNode *el = parent->children; el != NULL; el = el->next) {
        if (el->type != XML_ELEMENT_NODE || !grammar_is_translatable(el))
            continue;
        char *key = field_key(el);
        field_copies *f = g_hash_table_lookup(fields, key);
        if (f == NULL) {
            f = g_new0(field_copies, 1);
            f->by_lang = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify)g_ptr_array_unref);
            f->langs = g_ptr_array_new();
            g_hash_table_insert(fields, key, f);
            g_ptr_array_add(order, key);
        } else {
            g_free(key);
        }
        char *lang = lang_key(el);
        GPtrArray *copies = g_hash_table_lookup(f->by_lang, lang);
        if (copies == NULL) {
            copies = g_ptr_array_new();
            g_ptr_array_add(f->langs, lang);
            g_hash_table_insert(f->by_lang, lang, copies);
        } else {
            g_free(lang);
            lang = NULL;
        }
        bool list = grammar_is_list_field(el);
        if (!list && copies->len > 0) {
            xmlNode *first = g_ptr_array_index(copies, 0);
            const char *l = record_node_lang(el);
            report_at(c, DIAG_ERROR, el, "field-language",
                      "a second <%s> in language \"%s\" (the first is at line %d); give each "
                      "translation its own xml:lang",
                      (const char *)el->name, *l ? l : "(none)", record_node_line(first));
        }
        g_ptr_array_add(copies, el);
        if (!list && is_original(el)) {
            if (f->first_original != NULL)
                report_at(c, DIAG_ERROR, el, "field-original",
                          "<%s> has a second original copy (the first is at line %d); mark "
                          "translations origin=\"human\" or origin=\"machine\"",
                          (const char *)el->name, record_node_line(f->first_original));
            else
                f->first_original = el;
        }
    }
    /* List fields pair up by position within each language: at most one
     * original per position. */
    for (guint i = 0; i < order->len; i++) {
        field_copies *f = g_hash_table_lookup(fields, g_ptr_array_index(order, i));
        if (f->langs->len < 2)
            continue;
        GPtrArray *first = g_hash_table_lookup(f->by_lang, g_ptr_array_index(f->langs, 0));
        if (!grammar_is_list_field(g_ptr_array_index(first, 0)))
            continue;
        guint longest = 0;
        for (guint l = 0; l < f->langs->len; l++) {
            GPtrArray *copies = g_hash_table_lookup(f->by_lang, g_ptr_array_index(f->langs, l));
            if (copies->len > longest)
                longest = copies->len;
        }
        for (guint pos = 0; pos < longest; pos++) {
            xmlNode *orig = NULL;
            for (guint l = 0; l < f->langs->len; l++) {
                GPtrArray *copies =
                    g_hash_table_lookup(f->by_lang, g_ptr_array_index(f->langs, l));
                if (pos >= copies->len)
                    continue;
                xmlNode *el = g_ptr_array_index(copies, pos);
                if (!is_original(el))
                    continue;
                if (orig != NULL)
                    report_at(c, DIAG_ERROR, el, "field-original",
                              "<%s> number %u in language \"%s\" is a second original (the "
                              "first is at line %d); mark translations origin=\"human\" or "
                              "origin=\"machine\"",
                              (const char *)el->name, pos + 1, record_node_lang(el),
                              record_node_line(orig));
                else
                    orig = el;
            }
        }
    }
    g_ptr_array_free(order, TRUE);
    g_hash_table_destroy(fields);
}

static void visit_field_parent(ctx *c, xmlNode *el)
{
    check_fields_of(c, el);
}

static void rule_fields(ctx *c)
{
    walk(c, record_root(c->rec), visit_field_parent);
}

/* ------------------------------------------------------------------ */
/* Links                                                               */
/* ------------------------------------------------------------------ */

/* record-spec.md allows http, https and mailto for link/@href. The same
 * holds here for resource/@href and source/@href: they are rendered as
 * links too, and a javascript: or data: URL in any of them is an attack. */
static void check_href(ctx *c, xmlNode *el)
{
    if (!record_is(el, "link") && !record_is(el, "resource") && !record_is(el, "source"))
        return;
    const char *href = record_attr(el, "href");
    if (href == NULL)
        return;
    char *scheme = g_uri_parse_scheme(href);
    bool ok = false;
    if (scheme != NULL) {
        if (g_ascii_strcasecmp(scheme, "mailto") == 0) {
            ok = strlen(href) > 7;
        } else if (g_ascii_strcasecmp(scheme, "http") == 0 ||
                   g_ascii_strcasecmp(scheme, "https") == 0) {
            GUri *uri = g_uri_parse(href, G_URI_FLAGS_ENCODED | G_URI_FLAGS_PARSE_RELAXED, NULL);
            ok = uri != NULL && g_uri_get_host(uri) != NULL && *g_uri_get_host(uri) != '\0';
            if (uri != NULL)
                g_uri_unref(uri);
        }
    }
    if (!ok) {
        char *shown = g_utf8_strlen(href, -1) > 60 ? g_utf8_substring(href, 0, 57)
                                                   : g_strdup(href);
        bool allowed_scheme = scheme != NULL && (g_ascii_strcasecmp(scheme, "http") == 0 ||
                                                 g_ascii_strcasecmp(scheme, "https") == 0 ||
                                                 g_ascii_strcasecmp(scheme, "mailto") == 0);
        if (scheme == NULL || allowed_scheme)
            report_attr(c, DIAG_ERROR, el, "href", "link-scheme",
                        "href \"%s%s\" on <%s> is not an absolute URL; write http://, https:// "
                        "or mailto:",
                        shown, strlen(shown) < strlen(href) ? "..." : "",
                        (const char *)el->name);
        else
            report_attr(c, DIAG_ERROR, el, "href", "link-scheme",
                        "href \"%s%s\" on <%s> uses the scheme \"%s\"; only http, https and "
                        "mailto links are allowed",
                        shown, strlen(shown) < strlen(href) ? "..." : "",
                        (const char *)el->name, scheme);
        g_free(shown);
    }
    g_free(scheme);
}

static void rule_link_scheme(ctx *c)
{
    walk(c, record_root(c->rec), check_href);
}

/* ------------------------------------------------------------------ */
/* Counts (design rule 5): warnings, summed per @role                  */
/* ------------------------------------------------------------------ */

enum { OF_TOTAL, OF_ONSITE, OF_ONLINE, OF_FEMALE, OF_MALE, OF_OTHER, OF_YOUTH,
       OF_DEVELOPING, OF_DEVELOPED, OF_LDC, N_OF };

static const char *const of_names[N_OF] = {"total", "onsite", "online", "female", "male",
                                           "other-gender", "youth", "developing", "developed",
                                           "ldc"};
static const char *const count_roles[] = {"participant", "speaker", "moderator"};
#define N_COUNT_ROLES 3

typedef struct {
    xmlNode *el[N_OF];
    long long n[N_OF];
    bool unsummable; /* a count too long to add up */
} count_set;

static int of_index(const char *of)
{
    for (int i = 0; i < N_OF; i++) {
        if (of != NULL && strcmp(of, of_names[i]) == 0)
            return i;
    }
    return -1;
}

static int role_index(const char *role)
{
    if (role == NULL)
        return 0;
    for (int i = 0; i < N_COUNT_ROLES; i++) {
        if (strcmp(role, count_roles[i]) == 0)
            return i;
    }
    return -1;
}

/* The count's value; false for one too long to be a head count (more than
 * GRAMMAR_MAX_COUNT_DIGITS significant digits), which is rendered as
 * written but left out of the sums. */
static bool count_value(const xmlNode *el, long long *out, bool *huge)
{
    char *t = text_of(el);
    bool ok = grammar_is_nonnegative_integer(t);
    *huge = false;
    if (ok) {
        const char *digits = t + strspn(t, "+0");
        if (strlen(digits) > GRAMMAR_MAX_COUNT_DIGITS) {
            *huge = true;
            ok = false;
        } else {
            *out = strtoll(digits, NULL, 10);
        }
    }
    g_free(t);
    return ok;
}

/* "speakers' " or "" in messages. */
static const char *role_prefix(int role)
{
    static const char *const p[] = {"", "speakers: ", "moderators: "};
    return p[role];
}

static void check_sum(ctx *c, const count_set *s, int role, const int *parts, int n_parts,
                      const char *rule)
{
    if (s->el[OF_TOTAL] == NULL)
        return;
    long long sum = 0;
    int present = 0;
    GString *names = g_string_new(NULL);
    for (int i = 0; i < n_parts; i++) {
        if (s->el[parts[i]] == NULL)
            continue;
        present++;
        sum += s->n[parts[i]];
        if (names->len > 0)
            g_string_append(names, " + ");
        g_string_append(names, of_names[parts[i]]);
    }
    /* A single part says nothing about a sum; two or more must add up. */
    if (present >= 2 && sum != s->n[OF_TOTAL])
        report_at(c, DIAG_WARNING, s->el[parts[0]] != NULL ? s->el[parts[0]] : s->el[OF_TOTAL],
                  rule, "%s%s = %lld but total = %lld", role_prefix(role), names->str, sum,
                  s->n[OF_TOTAL]);
    g_string_free(names, TRUE);
}

static void check_development(ctx *c, const count_set *s, int role, const char *ldc_in_dev)
{
    if (s->el[OF_TOTAL] == NULL || s->el[OF_DEVELOPING] == NULL || s->el[OF_DEVELOPED] == NULL)
        return;
    long long total = s->n[OF_TOTAL];
    long long without = s->n[OF_DEVELOPING] + s->n[OF_DEVELOPED];
    bool has_ldc = s->el[OF_LDC] != NULL;
    long long with = without + (has_ldc ? s->n[OF_LDC] : 0);
    xmlNode *at = s->el[OF_DEVELOPING];
    if (ldc_in_dev != NULL && strcmp(ldc_in_dev, "yes") == 0) {
        if (without != total)
            report_at(c, DIAG_WARNING, at, "counts-development",
                      "%sdeveloping + developed = %lld but total = %lld (LDCs are counted "
                      "within developing countries here)",
                      role_prefix(role), without, total);
        if (has_ldc && s->n[OF_LDC] > s->n[OF_DEVELOPING])
            report_at(c, DIAG_WARNING, s->el[OF_LDC], "counts-development",
                      "%sldc = %lld exceeds developing = %lld, which includes them",
                      role_prefix(role), s->n[OF_LDC], s->n[OF_DEVELOPING]);
        return;
    }
    if (!has_ldc) {
        if (without != total)
            report_at(c, DIAG_WARNING, at, "counts-development",
                      "%sdeveloping + developed = %lld but total = %lld", role_prefix(role),
                      without, total);
        return;
    }
    bool unknown = ldc_in_dev == NULL || strcmp(ldc_in_dev, "unknown") == 0;
    /* UN usage counts LDCs within developing countries, 2013 forms apart:
     * unless the record says which, either reading may add up. */
    if (with != total && !(unknown && without == total))
        report_at(c, DIAG_WARNING, at, "counts-development",
                  "%sdeveloping + developed + ldc = %lld but total = %lld (without ldc, "
                  "developing + developed = %lld)",
                  role_prefix(role), with, total, without);
}

/* Bands of womenShare, as shares of participants with a tolerance of one
 * eighth either side of the named fraction (about-third: 21% to 46%). */
static bool band_fits(const char *band, double share)
{
    static const struct {
        const char *band;
        double mid;
    } bands[] = {{"none", 0.0},        {"about-quarter", 0.25}, {"about-third", 1.0 / 3},
                 {"about-half", 0.5},  {"about-three-quarters", 0.75}, {"all", 1.0}};
    for (size_t i = 0; i < G_N_ELEMENTS(bands); i++) {
        if (strcmp(band, bands[i].band) == 0)
            return share >= bands[i].mid - 0.125 && share <= bands[i].mid + 0.125;
    }
    return true; /* not-stated */
}

static void check_women_share(ctx *c, const count_set *participants)
{
    xmlNode *gender = child(record_root(c->rec), "gender");
    if (gender == NULL)
        return;
    for (xmlNode *ws = gender->children; ws != NULL; ws = ws->next) {
        if (!record_is(ws, "womenShare"))
            continue;
        const char *band = record_attr(ws, "band");
        const char *pct = record_attr(ws, "percent");
        double percent = pct != NULL ? g_ascii_strtod(pct, NULL) : -1;
        if (band != NULL && percent >= 0 && !band_fits(band, percent / 100.0))
            report_attr(c, DIAG_WARNING, ws, "band", "women-share",
                        "band \"%s\" contradicts percent=\"%s\"", band, pct);
        if (participants->el[OF_FEMALE] == NULL || participants->el[OF_TOTAL] == NULL ||
            participants->n[OF_TOTAL] == 0)
            continue;
        double share = (double)participants->n[OF_FEMALE] / (double)participants->n[OF_TOTAL];
        if (band != NULL && !band_fits(band, share))
            report_attr(c, DIAG_WARNING, ws, "band", "women-share",
                        "band \"%s\" contradicts the counts: female/total = %lld/%lld (%.0f%%)",
                        band, participants->n[OF_FEMALE], participants->n[OF_TOTAL],
                        share * 100);
        if (percent >= 0 && (percent / 100.0 - share > 0.05 || share - percent / 100.0 > 0.05))
            report_attr(c, DIAG_WARNING, ws, "percent", "women-share",
                        "percent=\"%s\" contradicts the counts: female/total = %lld/%lld "
                        "(%.0f%%)",
                        pct, participants->n[OF_FEMALE], participants->n[OF_TOTAL],
                        share * 100);
    }
}

static void rule_counts(ctx *c)
{
    xmlNode *att = child(record_root(c->rec), "attendance");
    count_set sets[N_COUNT_ROLES];
    memset(sets, 0, sizeof sets);
    for (xmlNode *el = att != NULL ? att->children : NULL; el != NULL; el = el->next) {
        if (!record_is(el, "count"))
            continue;
        int of = of_index(record_attr(el, "of"));
        int role = role_index(record_attr(el, "role"));
        long long v = 0;
        bool huge;
        if (of < 0 || role < 0)
            continue; /* grammar.c has reported it */
        count_set *s = &sets[role];
        if (!count_value(el, &v, &huge)) {
            if (huge) {
                report_at(c, DIAG_WARNING, el, "count-implausible",
                          "%s%s has more than %d digits; no session has that many people, "
                          "and the sums of these counts are not checked",
                          role_prefix(role), of_names[of], GRAMMAR_MAX_COUNT_DIGITS);
                s->unsummable = true;
            }
            continue; /* grammar.c has reported a malformed one */
        }
        if (s->el[of] != NULL) {
            report_at(c, DIAG_WARNING, el, "count-duplicate",
                      "%sa second count of \"%s\" (the first is at line %d); only the first is "
                      "used",
                      role_prefix(role), of_names[of], record_node_line(s->el[of]));
            continue;
        }
        s->el[of] = el;
        s->n[of] = v;
    }
    const char *ldc_in_dev = att != NULL ? record_attr(att, "ldcInDeveloping") : NULL;
    static const int gender_parts[] = {OF_FEMALE, OF_MALE, OF_OTHER};
    static const int mode_parts[] = {OF_ONSITE, OF_ONLINE};
    for (int r = 0; r < N_COUNT_ROLES; r++) {
        count_set *s = &sets[r];
        if (s->unsummable)
            continue;
        check_sum(c, s, r, gender_parts, 3, "counts-gender");
        check_development(c, s, r, ldc_in_dev);
        check_sum(c, s, r, mode_parts, 2, "counts-mode");
        if (s->el[OF_TOTAL] == NULL)
            continue;
        for (int of = 1; of < N_OF; of++) {
            if (s->el[of] != NULL && s->n[of] > s->n[OF_TOTAL])
                report_at(c, DIAG_WARNING, s->el[of], "count-above-total",
                          "%s%s = %lld is more than total = %lld", role_prefix(r), of_names[of],
                          s->n[of], s->n[OF_TOTAL]);
        }
    }
    if (!sets[0].unsummable)
        check_women_share(c, &sets[0]);
}

/* ------------------------------------------------------------------ */
/* Dates                                                               */
/* ------------------------------------------------------------------ */

static void rule_session_date(ctx *c)
{
    xmlNode *root = record_root(c->rec);
    xmlNode *dates = child(child(root, "meeting"), "dates");
    xmlNode *date = child(child(root, "session"), "date");
    const char *from = dates != NULL ? record_attr(dates, "from") : NULL;
    const char *to = dates != NULL ? record_attr(dates, "to") : NULL;
    const char *when = date != NULL ? record_attr(date, "when") : NULL;
    if (from != NULL && to != NULL && grammar_is_date(from) && grammar_is_date(to) &&
        strncmp(from, to, 10) > 0)
        report_attr(c, DIAG_WARNING, dates, "to", "date-order",
                    "the meeting ends (%s) before it starts (%s)", to, from);
    const char *start = record_attr(date, "start");
    const char *end = record_attr(date, "end");
    if (start != NULL && end != NULL && grammar_is_time(start) && grammar_is_time(end) &&
        strncmp(start, end, 5) > 0)
        report_attr(c, DIAG_WARNING, date, "end", "date-order",
                    "the session ends (%s) before it starts (%s)", end, start);
    if (when == NULL || !grammar_is_date(when))
        return;
    /* ISO dates compare as strings; zones are ignored, days are days. */
    if ((from != NULL && grammar_is_date(from) && strncmp(when, from, 10) < 0) ||
        (to != NULL && grammar_is_date(to) && strncmp(when, to, 10) > 0))
        report_attr(c, DIAG_WARNING, date, "when", "session-date",
                    "the session date %s is outside the meeting dates %s to %s", when,
                    from != NULL ? from : "?", to != NULL ? to : "?");
}

/* ------------------------------------------------------------------ */
/* Text: gaps, empty elements, bidi controls                           */
/* ------------------------------------------------------------------ */

static void check_gap(ctx *c, xmlNode *el)
{
    if (!record_is(el, "gap"))
        return;
    const char *reason = record_attr(el, "reason");
    if (reason != NULL)
        report_at(c, DIAG_WARNING, el, "gap", "text was lost in the source here (%s)", reason);
    else
        report_at(c, DIAG_WARNING, el, "gap", "text was lost in the source here");
}

static void rule_gap(ctx *c)
{
    walk(c, record_root(c->rec), check_gap);
}

static bool is_empty_element(const xmlNode *el)
{
    for (const xmlNode *ch = el->children; ch != NULL; ch = ch->next) {
        if (ch->type == XML_ELEMENT_NODE)
            return false;
        if (ch->type == XML_TEXT_NODE || ch->type == XML_CDATA_SECTION_NODE) {
            for (const xmlChar *p = ch->content; p != NULL && *p; p++) {
                if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
                    return false;
            }
        }
    }
    return true;
}

static void check_empty(ctx *c, xmlNode *el)
{
    if (el->ns == NULL || !xmlStrEqual(el->ns->href, BAD_CAST RECORD_NS))
        return;
    if (grammar_may_be_empty(el) || is_true(record_attr(el, "na")) || !is_empty_element(el))
        return;
    /* Attributes other than language and provenance carry content: a band,
     * an extent, a code, an inline name's @ref. */
    static const char *const bare[] = {"lang", "origin", "src", "recorded", "label", "na", NULL};
    for (const xmlAttr *a = el->properties; a != NULL; a = a->next) {
        if (!g_strv_contains(bare, (const char *)a->name))
            return;
    }
    if (grammar_is_required(el))
        report_at(c, DIAG_WARNING, el, "empty", "<%s> is empty; fill it in",
                  (const char *)el->name);
    else
        report_at(c, DIAG_WARNING, el, "empty",
                  "<%s> is empty; remove it if nothing was recorded, or say na=\"true\" if "
                  "the answer was N/A",
                  (const char *)el->name);
}

static void rule_empty(ctx *c)
{
    walk(c, record_root(c->rec), check_empty);
}

/* U+202A-U+202E and U+2066-U+2069 reorder text; in a name they can make
 * "evil.com" read as "moc.live". The renderers isolate every name and
 * fragment, so this is a warning: the text is kept, and flagged. */
static void check_bidi(ctx *c, xmlNode *el)
{
    for (xmlNode *ch = el->children; ch != NULL; ch = ch->next) {
        if (ch->type != XML_TEXT_NODE || ch->content == NULL)
            continue;
        for (const char *p = (const char *)ch->content; *p; p = g_utf8_next_char(p)) {
            gunichar u = g_utf8_get_char(p);
            if ((u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069)) {
                report_at(c, DIAG_WARNING, el, "bidi-control",
                          "<%s> holds the bidirectional control character U+%04X, which "
                          "reorders text; it is shown isolated, but check it is meant",
                          (const char *)el->name, u);
                return;
            }
        }
    }
}

static void rule_bidi(ctx *c)
{
    walk(c, record_root(c->rec), check_bidi);
}

/* ------------------------------------------------------------------ */
/* People                                                              */
/* ------------------------------------------------------------------ */

static bool has_stakeholder(ctx *c, const xmlNode *who)
{
    if (record_attr(who, "stakeholder") != NULL)
        return true;
    for (xmlNode *a = who->children; a != NULL; a = a->next) {
        if (!record_is(a, "affiliation"))
            continue;
        const char *org = record_attr(a, "org");
        xmlNode *o = org != NULL ? g_hash_table_lookup(c->ids, org) : NULL;
        if (o != NULL && record_attr(o, "stakeholder") != NULL)
            return true;
    }
    return false;
}

static void rule_stakeholder(ctx *c)
{
    static const char *const checked[] = {"speaker", "keynote", "discussant", "moderator",
                                          "online-moderator", NULL};
    xmlNode *roles = child(record_root(c->rec), "roles");
    GHashTable *warned = g_hash_table_new(g_str_hash, g_str_equal);
    for (xmlNode *role = roles != NULL ? roles->children : NULL; role != NULL; role = role->next) {
        const char *type = record_attr(role, "type");
        const char *who = record_attr(role, "who");
        if (!record_is(role, "role") || type == NULL || who == NULL ||
            !g_strv_contains(checked, type))
            continue;
        char **ids = g_strsplit_set(who, " \t\r\n", -1);
        for (char **id = ids; *id != NULL; id++) {
            xmlNode *p = g_hash_table_lookup(c->ids, *id);
            if (p == NULL || has_stakeholder(c, p) || g_hash_table_contains(warned, p))
                continue;
            g_hash_table_add(warned, p);
            report_at(c, DIAG_WARNING, p, "stakeholder-missing",
                      "%s \"%s\" has no stakeholder group; add stakeholder=\"...\" here or on "
                      "an affiliated org",
                      type, *id);
        }
        g_strfreev(ids);
    }
    g_hash_table_destroy(warned);
}

/* ------------------------------------------------------------------ */
/* Resources and forms                                                 */
/* ------------------------------------------------------------------ */

static void rule_resource_href(ctx *c)
{
    xmlNode *res = child(record_root(c->rec), "resources");
    for (xmlNode *r = res != NULL ? res->children : NULL; r != NULL; r = r->next) {
        if (record_is(r, "resource") && record_attr(r, "href") == NULL)
            report_at(c, DIAG_WARNING, r, "resource-href",
                      "resource of kind \"%s\" has no href; readers cannot reach it",
                      record_attr(r, "kind") != NULL ? record_attr(r, "kind") : "?");
    }
}

/* What each known form asked for (record-spec.md, "Why it looks like
 * this"). The spec names the 2013 form's; the others follow the eras: the
 * 2016 template's speakers, key issues and way forward, the 2019 report's
 * policy questions and recommendations, the 2023 report's takeaways, calls
 * to action and counts. Unknown forms require nothing. */
typedef struct {
    const char *form;
    const char *fields; /* "role:rapporteur content/summary attendance ..." */
} form_rule;

static const form_rule forms[] = {
    {"igf-2013-workshop-report", "role:rapporteur content/summary attendance"},
    {"igf-2016-template", "role:speaker content/keyIssues content/wayForward"},
    {"igf-2019-report", "session/policyQuestion content/policyRecommendations"},
    {"igf-2023-report",
     "role:rapporteur content/keyTakeaways content/callsToAction content/summary attendance"},
};

static bool has_field(ctx *c, const char *field)
{
    xmlNode *root = record_root(c->rec);
    if (g_str_has_prefix(field, "role:")) {
        xmlNode *roles = child(root, "roles");
        for (xmlNode *r = roles != NULL ? roles->children : NULL; r != NULL; r = r->next) {
            if (record_is(r, "role") && g_strcmp0(record_attr(r, "type"), field + 5) == 0)
                return true;
        }
        return false;
    }
    const char *slash = strchr(field, '/');
    if (slash == NULL)
        return child(root, field) != NULL;
    char *parent = g_strndup(field, (gsize)(slash - field));
    bool found = child(child(root, parent), slash + 1) != NULL;
    g_free(parent);
    return found;
}

static void rule_form_required(ctx *c)
{
    xmlNode *root = record_root(c->rec);
    const char *form = record_attr(root, "form");
    if (form == NULL)
        return;
    for (size_t i = 0; i < G_N_ELEMENTS(forms); i++) {
        if (strcmp(forms[i].form, form) != 0)
            continue;
        char **fields = g_strsplit(forms[i].fields, " ", -1);
        for (char **f = fields; *f != NULL; f++) {
            if (has_field(c, *f))
                continue;
            const char *shown = g_str_has_prefix(*f, "role:") ? *f + 5 : strrchr(*f, '/');
            shown = shown != NULL && *shown == '/' ? shown + 1 : (shown != NULL ? shown : *f);
            report_attr(c, DIAG_WARNING, root, "form", "form-required",
                        "the %s form asks for %s%s, which this record lacks", form,
                        g_str_has_prefix(*f, "role:") ? "a role of type " : "",
                        shown);
        }
        g_strfreev(fields);
    }
}

/* ------------------------------------------------------------------ */
/* The table                                                           */
/* ------------------------------------------------------------------ */

typedef void (*rule_fn)(ctx *c);

typedef struct {
    validate_rule_info info;
    rule_fn fn; /* NULL: checked by grammar.c or record.c */
} rule_entry;

/* Order matters once: IDs are collected before anything resolves them. */
static const rule_entry table[] = {
    {{"read", "error", "the file can be read"}, NULL},
    {{"size", "error", "the file is at most 16 MiB"}, NULL},
    {{"xml", "error", "the file is well-formed XML"}, NULL},
    {{"encoding", "warning", "the declared encoding matches the bytes"}, NULL},
    {{"doctype", "error", "no DOCTYPE (no DTD, no entities)"}, NULL},
    {{"root", "error", "the root is <report> in namespace urn:rapporteur:report:1"}, NULL},
    {{"schema", "error", "required elements and attributes are present, nothing unknown"}, NULL},
    {{"enum", "error", "enumerated attributes hold one of their values"}, NULL},
    {{"count-value", "error", "counts are non-negative whole numbers"}, NULL},
    {{"date", "error", "dates are valid calendar dates (YYYY-MM-DD)"}, NULL},
    {{"report-id", "error", "the report's @id is an NCName"}, NULL},
    {{"id-duplicate", "error", "every xml:id is unique"}, rule_ids_unique},
    {{"id-unresolved", "error", "@who, @org, @by and name/@ref name declared cast members"},
     rule_ids_resolved},
    {{"field-language", "error", "one copy of a translatable field per language"}, rule_fields},
    {{"field-original", "error", "at most one original copy per field"}, NULL},
    {{"link-scheme", "error", "links are absolute http, https or mailto URLs"},
     rule_link_scheme},
    {{"counts-gender", "warning", "female + male + other-gender = total"}, rule_counts},
    {{"counts-development", "warning", "developing + developed (+ ldc) = total"}, NULL},
    {{"counts-mode", "warning", "onsite + online = total"}, NULL},
    {{"count-above-total", "warning", "no count exceeds the total"}, NULL},
    {{"count-duplicate", "warning", "each count is given once per role"}, NULL},
    {{"count-implausible", "warning", "a count has at most 15 digits"}, NULL},
    {{"women-share", "warning", "the women's share band agrees with female/total"}, NULL},
    {{"session-date", "warning", "the session date lies within the meeting dates"},
     rule_session_date},
    {{"date-order", "warning", "ends come after starts"}, NULL},
    {{"gap", "warning", "text lost in the source (<gap>) is reported"}, rule_gap},
    {{"empty", "warning", "no element is empty (say na=\"true\" for N/A)"}, rule_empty},
    {{"bidi-control", "warning", "no bidirectional control characters in text"}, rule_bidi},
    {{"stakeholder-missing", "warning", "speakers and moderators have a stakeholder group"},
     rule_stakeholder},
    {{"resource-href", "warning", "every resource has an href"}, rule_resource_href},
    {{"form-required", "warning", "the fields the record's @form asks for are present"},
     rule_form_required},
    {{"glyph", "error", "every character can be set in the PDF (fonts/)"}, NULL},
};

const validate_rule_info *validate_rules(void)
{
    static validate_rule_info infos[G_N_ELEMENTS(table) + 1];
    static gsize done;
    if (g_once_init_enter(&done)) {
        for (size_t i = 0; i < G_N_ELEMENTS(table); i++)
            infos[i] = table[i].info;
        g_once_init_leave(&done, 1);
    }
    return infos;
}

/* ------------------------------------------------------------------ */
/* Entry points                                                        */
/* ------------------------------------------------------------------ */

validator *validator_new(const char *schema_path, diag *d)
{
    validator *v = NULL;
    diag_capture_begin(d, schema_path);
    xmlRelaxNGParserCtxtPtr pctxt = xmlRelaxNGNewParserCtxt(schema_path);
    xmlRelaxNGPtr schema = pctxt != NULL ? xmlRelaxNGParse(pctxt) : NULL;
    xmlRelaxNGFreeParserCtxt(pctxt);
    diag_capture_end();
    if (schema == NULL) {
        diag_add(d, DIAG_ERROR, NULL, 0, 0, NULL, "cannot load the schema %s", schema_path);
        return NULL;
    }
    v = g_new0(validator, 1);
    v->schema = schema;
    return v;
}

void validator_free(validator *v)
{
    if (v == NULL)
        return;
    xmlRelaxNGFree(v->schema);
    g_free(v);
}

/* libxml2's RELAX NG validation takes time quadratic in the number of
 * children of an element whose content is a choice of mixed patterns
 * (prose: blocks or inline text): 60,000 paragraphs take seconds. Real
 * records have at most a few hundred children per element; beyond this
 * many, grammar.c, which checks the same linearly, is the only judge. */
#define VALIDATE_SCHEMA_MAX_CHILDREN 2000

static bool has_fewer_children_than(const xmlNode *el, int limit)
{
    int n = 0;
    for (const xmlNode *ch = el->children; ch != NULL; ch = ch->next) {
        if (ch->type != XML_ELEMENT_NODE)
            continue;
        if (++n >= limit || !has_fewer_children_than(ch, limit))
            return false;
    }
    return true;
}

/* The RELAX NG schema is the contract; grammar.c says the same more
 * precisely. It runs on records grammar.c accepted and its messages show
 * only what grammar.c missed (a bug there), but it never lets a bad record
 * through. */
static void run_schema(const validator *v, const record *r, diag *d)
{
    if (!has_fewer_children_than(record_root(r), VALIDATE_SCHEMA_MAX_CHILDREN))
        return;
    diag *scratch = diag_new();
    diag_capture_begin(scratch, record_path(r));
    xmlRelaxNGValidCtxtPtr vctxt = xmlRelaxNGNewValidCtxt(v->schema);
    int rc = vctxt != NULL ? xmlRelaxNGValidateDoc(vctxt, record_doc(r)) : -1;
    xmlRelaxNGFreeValidCtxt(vctxt);
    diag_capture_end();
    if (rc != 0) {
        /* Some of libxml2's RELAX NG messages (an interleave's) carry no
         * place: they are about the document, so they get the root's. */
        int root_line = record_node_line(record_root(r));
        for (size_t i = 0; i < diag_length(scratch); i++) {
            const diag_entry *e = diag_get(scratch, i);
            diag_add(d, e->severity, record_path(r), e->line > 0 ? e->line : root_line,
                     e->line > 0 ? e->col : 0, e->rule, "%s", e->message);
        }
        if (diag_count(scratch, DIAG_ERROR) == 0)
            diag_add(d, DIAG_ERROR, record_path(r), root_line, 0, "schema",
                     "the record does not match the schema");
    }
    diag_free(scratch);
}

bool validate_record(const validator *v, const record *r, diag *d)
{
    /* A sink of its own: d may be shared with other records (and threads). */
    diag *mine = diag_new();
    bool grammar_ok = grammar_check(r, mine);
    xmlNode *root = record_root(r);
    if (root != NULL && record_is(root, "report")) {
        if (v != NULL && grammar_ok)
            run_schema(v, r, mine);
        ctx c = {r, mine, record_path(r), g_hash_table_new(g_str_hash, g_str_equal)};
        for (size_t i = 0; i < G_N_ELEMENTS(table); i++) {
            if (table[i].fn != NULL)
                table[i].fn(&c);
        }
        g_hash_table_destroy(c.ids);
    }
    bool ok = diag_count(mine, DIAG_ERROR) == 0;
    diag_merge(d, mine);
    diag_free(mine);
    return ok;
}
