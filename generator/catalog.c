/* catalog: PO catalogs, language fallback, dates and numbers by table. */
#include "catalog.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char *msgid;   /* the English source, for the placeholder check */
    char *msgstr;  /* the text shown */
    int line;      /* of the entry in the file, for messages */
} message;

typedef struct {
    char *lang;
    GHashTable *messages; /* key (msgctxt) -> message*, both owned */
    char *path;
} catalog;

struct catalog_set {
    GHashTable *by_lang;  /* lowercased lang -> catalog*, owned */
    char **langs;         /* sorted, NULL-terminated, owned */
    GMutex lock;          /* guards the digest, computed on demand */
    char *digest;
};

static void message_free(gpointer p)
{
    message *m = p;
    g_free(m->msgid);
    g_free(m->msgstr);
    g_free(m);
}

static void catalog_free(gpointer p)
{
    catalog *c = p;
    if (c == NULL)
        return;
    g_hash_table_destroy(c->messages);
    g_free(c->lang);
    g_free(c->path);
    g_free(c);
}

static const char *msg_str(const catalog *c, const char *key)
{
    const message *m = g_hash_table_lookup(c->messages, key);
    return m != NULL ? m->msgstr : NULL;
}

/* ------------------------------------------------------------------ */
/* PO parsing                                                          */
/* ------------------------------------------------------------------ */

/* The subset of the PO format that translators' tools write: comments,
 * msgctxt, msgid, msgid_plural, msgstr and msgstr[N], strings continued on
 * following lines, C escapes. Fuzzy entries are skipped, as msgfmt does:
 * a translator marked them unsure, and the English text is shown instead. */

typedef struct {
    const char *name;
    diag *d;
    bool ok;
    /* the entry being read */
    GString *ctxt, *id, *str;
    bool has_ctxt, has_id, has_str, fuzzy;
    int entry_line;
    GString **target; /* where continuation lines go */
    catalog *cat;
} po_parser;

static void po_error(po_parser *p, int line, int col, const char *fmt, ...) G_GNUC_PRINTF(4, 5);
static void po_error(po_parser *p, int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    diag_add(p->d, DIAG_ERROR, p->name, line, col, "catalog", "%s", msg);
    g_free(msg);
    p->ok = false;
}

/* Reads a quoted string starting at s (which points at '"'), appending its
 * unescaped text to out. Returns false on a malformed string. */
static bool read_quoted(po_parser *p, const char *s, int line, int col, GString *out)
{
    const char *q = s + 1;
    while (*q != '"') {
        if (*q == '\0') {
            po_error(p, line, col, "unterminated string; add the closing \"");
            return false;
        }
        if (*q != '\\') {
            g_string_append_c(out, *q++);
            continue;
        }
        q++;
        switch (*q) {
        case 'n': g_string_append_c(out, '\n'); break;
        case 't': g_string_append_c(out, '\t'); break;
        case 'r': g_string_append_c(out, '\r'); break;
        case '"': g_string_append_c(out, '"'); break;
        case '\\': g_string_append_c(out, '\\'); break;
        default:
            po_error(p, line, col + (int)(q - s), "unknown escape \\%c in a string",
                     *q != '\0' ? *q : ' ');
            return false;
        }
        q++;
    }
    const char *rest = q + 1;
    while (*rest == ' ' || *rest == '\t' || *rest == '\r')
        rest++;
    if (*rest != '\0') {
        po_error(p, line, col + (int)(rest - s), "unexpected text after the string");
        return false;
    }
    return true;
}

static void entry_reset(po_parser *p)
{
    g_string_truncate(p->ctxt, 0);
    g_string_truncate(p->id, 0);
    g_string_truncate(p->str, 0);
    p->has_ctxt = p->has_id = p->has_str = false;
    p->fuzzy = false;
    p->target = NULL;
    p->entry_line = 0;
}

static void header_field(po_parser *p, const char *header, const char *field, char **out)
{
    (void)p;
    char **lines = g_strsplit(header, "\n", -1);
    size_t n = strlen(field);
    for (char **l = lines; *l != NULL; l++) {
        if (g_ascii_strncasecmp(*l, field, n) == 0 && (*l)[n] == ':') {
            *out = g_strstrip(g_strdup(*l + n + 1));
            break;
        }
    }
    g_strfreev(lines);
}

static void entry_finish(po_parser *p)
{
    if (!p->has_id) {
        entry_reset(p);
        return;
    }
    if (!p->has_str) {
        po_error(p, p->entry_line, 1, "entry has a msgid but no msgstr");
    } else if (p->id->len == 0 && !p->has_ctxt) {
        /* The header. */
        char *ct = NULL;
        header_field(p, p->str->str, "Content-Type", &ct);
        if (ct != NULL && strstr(ct, "charset=") != NULL &&
            g_ascii_strcasecmp(strstr(ct, "charset=") + 8, "UTF-8") != 0)
            po_error(p, p->entry_line, 1, "the catalog must be UTF-8 (Content-Type says %s)", ct);
        g_free(ct);
    } else if (!p->has_ctxt) {
        po_error(p, p->entry_line, 1,
                 "entry has no msgctxt; Rapporteur catalogs key every message by msgctxt");
    } else if (!p->fuzzy && p->str->len > 0) {
        const message *first = g_hash_table_lookup(p->cat->messages, p->ctxt->str);
        if (first != NULL) {
            po_error(p, p->entry_line, 1, "msgctxt \"%s\" is defined twice (first at line %d)",
                     p->ctxt->str, first->line);
        } else {
            message *m = g_new(message, 1);
            m->msgid = g_strdup(p->id->str);
            m->msgstr = g_strdup(p->str->str);
            m->line = p->entry_line;
            g_hash_table_insert(p->cat->messages, g_strdup(p->ctxt->str), m);
        }
    }
    entry_reset(p);
}

static bool keyword(const char *line, const char *kw, const char **rest)
{
    size_t n = strlen(kw);
    if (strncmp(line, kw, n) != 0 || (line[n] != ' ' && line[n] != '\t'))
        return false;
    const char *r = line + n;
    while (*r == ' ' || *r == '\t')
        r++;
    *rest = r;
    return true;
}

static void parse_line(po_parser *p, char *line, int lineno)
{
    size_t len = strlen(line);
    if (len > 0 && line[len - 1] == '\r')
        line[--len] = '\0';
    const char *s = line;
    while (*s == ' ' || *s == '\t')
        s++;
    if (*s == '\0') {
        entry_finish(p);
        return;
    }
    if (*s == '#') {
        /* A comment after a complete entry starts the next one, even
         * without a blank line between them. */
        if (p->has_str)
            entry_finish(p);
        if (s[1] == ',' && strstr(s, "fuzzy") != NULL)
            p->fuzzy = true;
        return; /* comments, including obsolete "#~" entries */
    }
    int col = (int)(s - line) + 1;
    const char *rest = NULL;
    if (*s == '"') {
        if (p->target == NULL) {
            po_error(p, lineno, col, "a string continues nothing; start it with msgid or msgstr");
            return;
        }
        read_quoted(p, s, lineno, col, *p->target);
        return;
    }
    if (keyword(s, "msgctxt", &rest)) {
        if (p->has_id)
            entry_finish(p);
        p->entry_line = lineno;
        p->has_ctxt = true;
        p->target = &p->ctxt;
    } else if (keyword(s, "msgid", &rest)) {
        if (p->has_id)
            entry_finish(p);
        if (p->entry_line == 0)
            p->entry_line = lineno;
        p->has_id = true;
        p->target = &p->id;
    } else if (keyword(s, "msgid_plural", &rest)) {
        p->target = NULL; /* plurals are not used by Rapporteur: ignored */
        return;
    } else if (keyword(s, "msgstr", &rest) || keyword(s, "msgstr[0]", &rest)) {
        if (!p->has_id) {
            po_error(p, lineno, col, "msgstr without a msgid before it");
            return;
        }
        p->has_str = true;
        p->target = &p->str;
    } else if (strncmp(s, "msgstr[", 7) == 0) {
        p->target = NULL;
        return;
    } else {
        po_error(p, lineno, col, "expected msgctxt, msgid, msgstr, a string or a comment");
        return;
    }
    if (*rest != '"') {
        po_error(p, lineno, col + (int)(rest - s), "expected a quoted string");
        p->target = NULL;
        return;
    }
    read_quoted(p, rest, lineno, col + (int)(rest - s), *p->target);
}

static catalog *parse_po(const char *data, size_t len, const char *name, const char *lang,
                         diag *d)
{
    if (len > CATALOG_MAX_BYTES) {
        diag_add(d, DIAG_ERROR, name, 1, 1, "catalog", "the catalog is %zu bytes; the limit is %d MiB",
                 len, (int)(CATALOG_MAX_BYTES >> 20));
        return NULL;
    }
    if (!g_utf8_validate(data, (gssize)len, NULL)) {
        const char *end = NULL;
        g_utf8_validate(data, (gssize)len, &end);
        int line = 1;
        for (const char *q = data; q < end; q++)
            line += *q == '\n';
        diag_add(d, DIAG_ERROR, name, line, 0, "catalog",
                 "invalid UTF-8 (or a NUL byte); catalogs are UTF-8 text");
        return NULL;
    }
    catalog *c = g_new0(catalog, 1);
    c->lang = g_strdup(lang);
    c->path = g_strdup(name);
    c->messages = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, message_free);
    po_parser p = {name, d, true, g_string_new(NULL), g_string_new(NULL), g_string_new(NULL),
                   false, false, false, false, 0, NULL, c};
    char *copy = g_strndup(data, len);
    char *line = copy;
    int lineno = 1;
    while (line != NULL) {
        char *nl = strchr(line, '\n');
        if (nl != NULL)
            *nl = '\0';
        parse_line(&p, line, lineno);
        line = nl != NULL ? nl + 1 : NULL;
        lineno++;
    }
    entry_finish(&p);
    g_free(copy);
    g_string_free(p.ctxt, TRUE);
    g_string_free(p.id, TRUE);
    g_string_free(p.str, TRUE);
    if (!p.ok) {
        catalog_free(c);
        return NULL;
    }
    return c;
}

/* ------------------------------------------------------------------ */
/* Sets                                                                */
/* ------------------------------------------------------------------ */

static catalog_set *set_new(void)
{
    catalog_set *s = g_new0(catalog_set, 1);
    s->by_lang = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, catalog_free);
    g_mutex_init(&s->lock);
    return s;
}

static void set_add(catalog_set *s, catalog *c)
{
    g_hash_table_insert(s->by_lang, g_ascii_strdown(c->lang, -1), c);
}

static int compare_strings(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static const catalog *catalog_of(const catalog_set *s, const char *lang)
{
    char *low = g_ascii_strdown(lang, -1);
    const catalog *c = g_hash_table_lookup(s->by_lang, low);
    g_free(low);
    return c;
}

/* The sorted list of languages. */
static void set_finish(catalog_set *s)
{
    GPtrArray *langs = g_ptr_array_new();
    GHashTableIter it;
    gpointer v;
    g_hash_table_iter_init(&it, s->by_lang);
    while (g_hash_table_iter_next(&it, NULL, &v))
        g_ptr_array_add(langs, g_strdup(((catalog *)v)->lang));
    g_ptr_array_sort(langs, compare_strings);
    g_ptr_array_add(langs, NULL);
    s->langs = (char **)g_ptr_array_free(langs, FALSE);
}

/* A digest over sorted (lang, key, message) triples: only archive builds
 * need it, so it is computed on first use. */
static char *compute_digest(const catalog_set *s)
{
    GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
    for (char **l = s->langs; *l != NULL; l++) {
        const catalog *c = catalog_of(s, *l);
        GList *keys = g_list_sort(g_hash_table_get_keys(c->messages), (GCompareFunc)strcmp);
        g_checksum_update(sum, (const guchar *)c->lang, -1);
        for (GList *k = keys; k != NULL; k = k->next) {
            g_checksum_update(sum, (const guchar *)"\n", 1);
            g_checksum_update(sum, k->data, -1);
            g_checksum_update(sum, (const guchar *)"\t", 1);
            g_checksum_update(sum, (const guchar *)msg_str(c, k->data), -1);
        }
        g_list_free(keys);
        g_checksum_update(sum, (const guchar *)"\n\n", 2);
    }
    char *digest = g_strdup(g_checksum_get_string(sum));
    g_checksum_free(sum);
    return digest;
}

catalog_set *catalog_set_parse(const char *data, size_t len, const char *name, const char *lang,
                               diag *d)
{
    catalog *c = parse_po(data, len, name, lang, d);
    if (c == NULL)
        return NULL;
    catalog_set *s = set_new();
    set_add(s, c);
    set_finish(s);
    return s;
}

catalog_set *catalog_set_load(const char *dir, diag *d)
{
    GError *err = NULL;
    GDir *gd = g_dir_open(dir, 0, &err);
    if (gd == NULL) {
        diag_add(d, DIAG_ERROR, NULL, 0, 0, NULL, "cannot open the catalogs: %s", err->message);
        g_error_free(err);
        return NULL;
    }
    catalog_set *s = set_new();
    bool ok = true;
    const char *entry;
    while ((entry = g_dir_read_name(gd)) != NULL) {
        if (!g_str_has_suffix(entry, ".po"))
            continue;
        char *path = g_build_filename(dir, entry, NULL);
        char *lang = g_strndup(entry, strlen(entry) - 3);
        char *data = NULL;
        gsize len = 0;
        if (!g_file_get_contents(path, &data, &len, &err)) {
            diag_add(d, DIAG_ERROR, path, 0, 0, "catalog", "cannot read: %s", err->message);
            g_clear_error(&err);
            ok = false;
        } else {
            catalog *c = parse_po(data, len, path, lang, d);
            if (c != NULL)
                set_add(s, c);
            else
                ok = false;
        }
        g_free(data);
        g_free(lang);
        g_free(path);
    }
    g_dir_close(gd);
    if (ok && !g_hash_table_contains(s->by_lang, CATALOG_BASE_LANG)) {
        diag_add(d, DIAG_ERROR, NULL, 0, 0, NULL, "no %s.po in %s: the base catalog is missing",
                 CATALOG_BASE_LANG, dir);
        ok = false;
    }
    if (!ok) {
        catalog_set_free(s);
        return NULL;
    }
    set_finish(s);
    return s;
}

void catalog_set_free(catalog_set *s)
{
    if (s == NULL)
        return;
    g_mutex_clear(&s->lock);
    g_hash_table_destroy(s->by_lang);
    g_strfreev(s->langs);
    g_free(s->digest);
    g_free(s);
}

const char *const *catalog_languages(const catalog_set *s)
{
    return (const char *const *)s->langs;
}

const char *catalog_set_digest(const catalog_set *s)
{
    catalog_set *m = (catalog_set *)s;
    g_mutex_lock(&m->lock);
    if (m->digest == NULL)
        m->digest = compute_digest(s);
    g_mutex_unlock(&m->lock);
    return m->digest;
}

/* ------------------------------------------------------------------ */
/* Lookup and fallback                                                 */
/* ------------------------------------------------------------------ */

static const catalog *find_catalog(const catalog_set *s, const char *lang)
{
    if (lang == NULL || *lang == '\0')
        return NULL;
    char *tag = g_ascii_strdown(lang, -1);
    const catalog *c = NULL;
    /* BCP 47 lookup: drop subtags from the end until a catalog answers. */
    while (c == NULL) {
        c = g_hash_table_lookup(s->by_lang, tag);
        if (c != NULL)
            break;
        /* Chinese without a script: Simplified is the UN's Chinese. The
         * traditional-script regions (TW, HK, MO) are not served by it. */
        if (strcmp(tag, "zh") == 0 || strcmp(tag, "zh-cn") == 0 || strcmp(tag, "zh-sg") == 0) {
            c = g_hash_table_lookup(s->by_lang, "zh-hans");
            break;
        }
        char *dash = strrchr(tag, '-');
        if (dash == NULL)
            break;
        *dash = '\0';
        /* cppcheck-suppress knownConditionTrueFalse ; "zh-tw" becomes "zh" here */
        if (strcmp(tag, "zh") == 0) {
            char *low = g_ascii_strdown(lang, -1);
            bool traditional = strstr(low, "-tw") || strstr(low, "-hk") || strstr(low, "-mo") ||
                               strstr(low, "-hant");
            g_free(low);
            if (traditional)
                break;
        }
    }
    g_free(tag);
    return c;
}

const char *catalog_resolve(const catalog_set *s, const char *lang)
{
    const catalog *c = find_catalog(s, lang);
    return c != NULL ? c->lang : NULL;
}

const char *catalog_lookup(const catalog_set *s, const char *lang, const char *key,
                           const char **found_lang)
{
    const catalog *c = find_catalog(s, lang);
    const char *v = c != NULL ? msg_str(c, key) : NULL;
    if (v == NULL) {
        c = g_hash_table_lookup(s->by_lang, CATALOG_BASE_LANG);
        v = c != NULL ? msg_str(c, key) : NULL;
    }
    if (found_lang != NULL)
        *found_lang = v != NULL ? c->lang : NULL;
    return v;
}

char *catalog_fill(const char *pattern, const char *const *names, const char *const *values,
                   size_t n)
{
    GString *out = g_string_new(NULL);
    const char *p = pattern;
    while (*p) {
        const char *open = strchr(p, '{');
        if (open == NULL) {
            g_string_append(out, p);
            break;
        }
        g_string_append_len(out, p, open - p);
        const char *close = strchr(open, '}');
        if (close == NULL) {
            g_string_append(out, open);
            break;
        }
        size_t len = (size_t)(close - open - 1);
        const char *value = NULL;
        for (size_t i = 0; i < n; i++) {
            if (strlen(names[i]) == len && strncmp(names[i], open + 1, len) == 0) {
                value = values[i];
                break;
            }
        }
        if (value != NULL)
            g_string_append(out, value);
        else
            g_string_append_len(out, open, close - open + 1);
        p = close + 1;
    }
    return g_string_free(out, FALSE);
}

static char *group_digits(const catalog_set *s, const char *lang, const char *digits,
                          bool negative);

char *catalog_format_number(const catalog_set *s, const char *lang, long long n)
{
    char digits[32];
    /* Negating LLONG_MIN overflows: print through unsigned. */
    unsigned long long magnitude = n < 0 ? 0ULL - (unsigned long long)n : (unsigned long long)n;
    g_snprintf(digits, sizeof digits, "%llu", magnitude);
    return group_digits(s, lang, digits, n < 0);
}

char *catalog_format_digits(const catalog_set *s, const char *lang, const char *digits)
{
    return group_digits(s, lang, digits, false);
}

static char *group_digits(const catalog_set *s, const char *lang, const char *digits,
                          bool negative)
{
    const char *sep = catalog_lookup(s, lang, "number.group-separator", NULL);
    size_t len = strlen(digits);
    GString *out = g_string_new(negative ? "-" : "");
    /* Groups of three from the right, from 10 000 up: UN style leaves
     * four-digit numbers ungrouped in most languages... except English,
     * which writes 1,234. The catalog decides via number.group-min. */
    const char *min_s = catalog_lookup(s, lang, "number.group-min", NULL);
    size_t min = min_s != NULL ? (size_t)g_ascii_strtoull(min_s, NULL, 10) : 4;
    for (size_t i = 0; i < len; i++) {
        g_string_append_c(out, digits[i]);
        size_t left = len - i - 1;
        if (sep != NULL && len >= min && left > 0 && left % 3 == 0)
            g_string_append(out, sep);
    }
    return g_string_free(out, FALSE);
}

char *catalog_format_date(const catalog_set *s, const char *lang, const char *iso)
{
    if (iso == NULL || strlen(iso) < 10 || iso[4] != '-' || iso[7] != '-')
        return NULL;
    for (int i = 0; i < 10; i++) {
        if (i != 4 && i != 7 && !g_ascii_isdigit(iso[i]))
            return NULL;
    }
    int year = atoi(iso);
    int month = atoi(iso + 5);
    int day = atoi(iso + 8);
    if (month < 1 || month > 12 || day < 1 || day > 31)
        return NULL;
    char key[32];
    g_snprintf(key, sizeof key, "month.%d", month);
    const char *month_name = catalog_lookup(s, lang, key, NULL);
    g_snprintf(key, sizeof key, "date.day.%d", day);
    const char *day_name = catalog_lookup(s, lang, key, NULL);
    char day_s[8], year_s[8], month_s[8];
    g_snprintf(day_s, sizeof day_s, "%d", day);
    g_snprintf(year_s, sizeof year_s, "%d", year);
    g_snprintf(month_s, sizeof month_s, "%d", month);
    const char *pattern = catalog_lookup(s, lang, "date.format", NULL);
    const char *names[] = {"day", "month", "year"};
    const char *values[] = {day_name != NULL ? day_name : day_s,
                            month_name != NULL ? month_name : month_s, year_s};
    return catalog_fill(pattern != NULL ? pattern : "{year}-{month}-{day}", names, values, 3);
}

char *catalog_format_date_range(const catalog_set *s, const char *lang, const char *from,
                                const char *to)
{
    if (from == NULL || to == NULL || strncmp(from, to, 10) == 0)
        return catalog_format_date(s, lang, from != NULL ? from : to);
    char *a = catalog_format_date(s, lang, from);
    char *b = catalog_format_date(s, lang, to);
    if (a == NULL || b == NULL) {
        g_free(a);
        g_free(b);
        return NULL;
    }
    char *out = NULL;
    /* Within one month the days share the month and year, in every
     * language's own order: "22–25 October 2013", "2013年10月22–25日". */
    if (strncmp(from, to, 7) == 0) {
        char key[32];
        g_snprintf(key, sizeof key, "month.%d", atoi(from + 5));
        const char *month = catalog_lookup(s, lang, key, NULL);
        char days[96], year[8], key1[32], key2[32], d1[8], d2[8];
        g_snprintf(key1, sizeof key1, "date.day.%d", atoi(from + 8));
        g_snprintf(key2, sizeof key2, "date.day.%d", atoi(to + 8));
        g_snprintf(d1, sizeof d1, "%d", atoi(from + 8));
        g_snprintf(d2, sizeof d2, "%d", atoi(to + 8));
        const char *n1 = catalog_lookup(s, lang, key1, NULL);
        const char *n2 = catalog_lookup(s, lang, key2, NULL);
        g_snprintf(days, sizeof days, "%s\u2013%s", n1 != NULL ? n1 : d1, n2 != NULL ? n2 : d2);
        g_snprintf(year, sizeof year, "%.4s", from);
        const char *pattern = catalog_lookup(s, lang, "date.format", NULL);
        const char *names[] = {"day", "month", "year"};
        const char *values[] = {days, month != NULL ? month : from + 5, year};
        out = catalog_fill(pattern != NULL ? pattern : "{day} {month} {year}", names, values, 3);
    } else {
        const char *pattern = catalog_lookup(s, lang, "date.range", NULL);
        const char *names[] = {"from", "to"};
        const char *values[] = {a, b};
        out = catalog_fill(pattern != NULL ? pattern : "{from} – {to}", names, values, 2);
    }
    g_free(a);
    g_free(b);
    return out;
}

/* ------------------------------------------------------------------ */
/* Consistency                                                         */
/* ------------------------------------------------------------------ */

/* The sorted placeholders of a message, as "{a}{b}{b}". */
static char *placeholders(const char *msg)
{
    GPtrArray *found = g_ptr_array_new_with_free_func(g_free);
    for (const char *p = strchr(msg, '{'); p != NULL; p = strchr(p + 1, '{')) {
        const char *close = strchr(p, '}');
        if (close == NULL)
            break;
        g_ptr_array_add(found, g_strndup(p, (gsize)(close - p + 1)));
    }
    g_ptr_array_sort(found, compare_strings);
    GString *out = g_string_new(NULL);
    for (guint i = 0; i < found->len; i++)
        g_string_append(out, g_ptr_array_index(found, i));
    g_ptr_array_free(found, TRUE);
    return g_string_free(out, FALSE);
}

bool catalog_set_check(const catalog_set *s, diag *d)
{
    const catalog *base = g_hash_table_lookup(s->by_lang, CATALOG_BASE_LANG);
    if (base == NULL) {
        diag_add(d, DIAG_ERROR, NULL, 0, 0, "catalog", "the base catalog %s is missing",
                 CATALOG_BASE_LANG);
        return false;
    }
    bool ok = true;
    GList *keys = g_list_sort(g_hash_table_get_keys(base->messages), (GCompareFunc)strcmp);
    for (char **l = s->langs; *l != NULL; l++) {
        const catalog *c = catalog_of(s, *l);
        for (GList *k = keys; k != NULL; k = k->next) {
            const message *m = g_hash_table_lookup(c->messages, k->data);
            if (m == NULL) {
                diag_add(d, DIAG_ERROR, c->path, 0, 0, "catalog-missing",
                         "no translation of \"%s\" (msgctxt)", (const char *)k->data);
                ok = false;
                continue;
            }
            char *want = placeholders(msg_str(base, k->data));
            char *have = placeholders(m->msgstr);
            if (strcmp(want, have) != 0) {
                diag_add(d, DIAG_ERROR, c->path, m->line, 0, "catalog-placeholders",
                         "\"%s\" has placeholders %s but the English has %s",
                         (const char *)k->data, *have ? have : "(none)", *want ? want : "(none)");
                ok = false;
            }
            g_free(want);
            g_free(have);
        }
        GHashTableIter it;
        gpointer key, value;
        g_hash_table_iter_init(&it, c->messages);
        while (g_hash_table_iter_next(&it, &key, &value)) {
            if (!g_hash_table_contains(base->messages, key)) {
                diag_add(d, DIAG_ERROR, c->path, ((const message *)value)->line, 0,
                         "catalog-unknown",
                         "\"%s\" is not a key of %s.po (a typo, or a retired label)",
                         (const char *)key, CATALOG_BASE_LANG);
                ok = false;
            }
        }
    }
    g_list_free(keys);
    return ok;
}
