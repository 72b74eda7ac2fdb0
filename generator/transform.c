/* transform: libxslt set up for untrusted records, and our extension functions. */
#include "transform.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libexslt/exslt.h>
#include <libxml/parserInternals.h>
#include <libxml/xpathInternals.h>
#include <libxslt/documents.h>
#include <libxslt/extensions.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "grammar.h"
#include "record.h"

#ifndef RP_VERSION
#define RP_VERSION "0.0"
#endif

/* Stylesheets and the documents they load are ours or the user's; still no
 * network, no DTD, no entity expansion (libxslt's default would expand). */
#define STYLE_PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA)

static char *styles_root;  /* canonical, owned */
static char *custom_root;  /* canonical or NULL, owned */
static xsltSecurityPrefsPtr security;

struct transformer {
    const catalog_set *catalogs;
    GMutex lock;
    GHashTable *sheets; /* "layer/sheet" -> xsltStylesheetPtr, owned */
};

/* Per-apply state, reached from extension functions through the
 * transform context's _private. */
typedef struct {
    const catalog_set *catalogs;
    const char *lang;
} apply_state;

/* ------------------------------------------------------------------ */
/* Paths: every file libxml2 or libxslt opens goes through here        */
/* ------------------------------------------------------------------ */

static bool is_inside(const char *path, const char *dir)
{
    if (dir == NULL)
        return false;
    size_t n = strlen(dir);
    return strncmp(path, dir, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

/* Maps a URI to an allowed local path, or NULL. "rapporteur:x" is x in
 * our styles; "file:" URIs and plain paths must resolve (symlinks
 * included) inside the styles or customization directory. */
static char *allowed_path(const char *uri)
{
    if (uri == NULL || styles_root == NULL)
        return NULL;
    char *path = NULL;
    if (g_str_has_prefix(uri, TRANSFORM_URI_SCHEME)) {
        path = g_build_filename(styles_root, uri + strlen(TRANSFORM_URI_SCHEME), NULL);
    } else if (g_str_has_prefix(uri, "file:")) {
        path = g_filename_from_uri(uri, NULL, NULL);
        if (path == NULL && g_str_has_prefix(uri, "file:/") && !g_str_has_prefix(uri, "file://"))
            path = g_strdup(uri + 5);
    } else if (g_uri_peek_scheme(uri) == NULL) {
        path = g_strdup(uri);
    }
    if (path == NULL)
        return NULL;
    char *real = realpath(path, NULL);
    g_free(path);
    if (real == NULL)
        return NULL;
    if (is_inside(real, styles_root) || (custom_root != NULL && is_inside(real, custom_root)))
        return real;
    free(real);
    return NULL;
}

/* The process's one external entity loader: what the record parser never
 * asks for (it has no DTD), the schema and stylesheet parsers get only
 * from the allowed directories. */
static xmlParserInputPtr safe_entity_loader(const char *url, const char *id,
                                            xmlParserCtxtPtr ctxt)
{
    (void)id;
    char *path = allowed_path(url);
    if (path == NULL)
        return NULL; /* the parser reports "failed to load external entity" */
    xmlParserInputPtr in = xmlNewInputFromFile(ctxt, path);
    free(path);
    return in;
}

/* libxslt's loader for stylesheets, imports and document(). Same checks,
 * safe options, and the stylesheet's dictionary as libxslt expects. */
static xmlDocPtr safe_doc_loader(const xmlChar *uri, xmlDictPtr dict, int options, void *ctxt,
                                 xsltLoadType type)
{
    (void)options;
    (void)type;
    char *path = allowed_path((const char *)uri);
    if (path == NULL) {
        xsltTransformContextPtr tctxt = type == XSLT_LOAD_DOCUMENT ? ctxt : NULL;
        xsltTransformError(tctxt, NULL, NULL,
                           "refused to load \"%s\": outside the styles directory\n", uri);
        return NULL;
    }
    xmlParserCtxtPtr pctxt = xmlNewParserCtxt();
    if (pctxt == NULL) {
        free(path);
        return NULL;
    }
    if (dict != NULL && pctxt->dict != NULL) {
        xmlDictFree(pctxt->dict);
        pctxt->dict = dict;
        xmlDictReference(dict);
    }
    xmlDocPtr doc = xmlCtxtReadFile(pctxt, path, NULL, STYLE_PARSE_OPTIONS);
    xmlFreeParserCtxt(pctxt);
    free(path);
    return doc;
}

static int check_read_file(xsltSecurityPrefsPtr sec, xsltTransformContextPtr ctxt,
                           const char *value)
{
    (void)sec;
    char *path = allowed_path(value);
    if (path == NULL) {
        xsltTransformError(ctxt, NULL, NULL, "refused to read \"%s\"\n", value);
        return 0;
    }
    free(path);
    return 1;
}

/* ------------------------------------------------------------------ */
/* Extension functions                                                 */
/* ------------------------------------------------------------------ */

static apply_state *state_of(xmlXPathParserContextPtr ctxt)
{
    xsltTransformContextPtr tctxt = xsltXPathGetTransformContext(ctxt);
    return tctxt != NULL ? tctxt->_private : NULL;
}

/* Pops nargs string arguments (the last first) into a new array. */
static char **pop_strings(xmlXPathParserContextPtr ctxt, int nargs)
{
    char **v = g_new0(char *, (gsize)nargs + 1);
    for (int i = nargs - 1; i >= 0; i--) {
        xmlChar *s = xmlXPathPopString(ctxt);
        v[i] = g_strdup(s != NULL ? (const char *)s : "");
        xmlFree(s);
    }
    return v;
}

static void push_string(xmlXPathParserContextPtr ctxt, const char *s)
{
    valuePush(ctxt, xmlXPathNewString(BAD_CAST(s != NULL ? s : "")));
}

/* rp:label(key [, lang]): the catalog text; a missing key shows itself. */
static void fn_label(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs < 1 || nargs > 2) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    apply_state *st = state_of(ctxt);
    char **a = pop_strings(ctxt, nargs);
    const char *lang = nargs == 2 ? a[1] : (st != NULL ? st->lang : CATALOG_BASE_LANG);
    const char *v = st != NULL ? catalog_lookup(st->catalogs, lang, a[0], NULL) : NULL;
    push_string(ctxt, v != NULL ? v : a[0]);
    g_strfreev(a);
}

/* rp:label-lang(key [, lang]): the language whose catalog answered. */
static void fn_label_lang(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs < 1 || nargs > 2) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    apply_state *st = state_of(ctxt);
    char **a = pop_strings(ctxt, nargs);
    const char *lang = nargs == 2 ? a[1] : (st != NULL ? st->lang : CATALOG_BASE_LANG);
    const char *found = NULL;
    if (st != NULL)
        catalog_lookup(st->catalogs, lang, a[0], &found);
    push_string(ctxt, found != NULL ? found : CATALOG_BASE_LANG);
    g_strfreev(a);
}

/* rp:format(key, name1, value1, ...): the label with placeholders filled. */
static void fn_format(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs < 1 || nargs % 2 == 0) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    apply_state *st = state_of(ctxt);
    char **a = pop_strings(ctxt, nargs);
    const char *pattern = st != NULL ? catalog_lookup(st->catalogs, st->lang, a[0], NULL) : NULL;
    size_t n = (size_t)(nargs - 1) / 2;
    const char **names = g_new0(const char *, n + 1);
    const char **values = g_new0(const char *, n + 1);
    for (size_t i = 0; i < n; i++) {
        names[i] = a[1 + 2 * i];
        values[i] = a[2 + 2 * i];
    }
    char *out = catalog_fill(pattern != NULL ? pattern : a[0], names, values, n);
    push_string(ctxt, out);
    g_free(out);
    g_free(names);
    g_free(values);
    g_strfreev(a);
}

/* rp:date(iso [, lang]): a date by the catalog's table, or iso unchanged. */
static void fn_date(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs < 1 || nargs > 2) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    apply_state *st = state_of(ctxt);
    char **a = pop_strings(ctxt, nargs);
    const char *lang = nargs == 2 ? a[1] : (st != NULL ? st->lang : CATALOG_BASE_LANG);
    char *out = st != NULL ? catalog_format_date(st->catalogs, lang, a[0]) : NULL;
    push_string(ctxt, out != NULL ? out : a[0]);
    g_free(out);
    g_strfreev(a);
}

/* rp:date-range(from, to): "22–25 October 2013". */
static void fn_date_range(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs != 2) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    apply_state *st = state_of(ctxt);
    char **a = pop_strings(ctxt, 2);
    char *out = st != NULL ? catalog_format_date_range(st->catalogs, st->lang, a[0], a[1]) : NULL;
    push_string(ctxt, out != NULL ? out : a[0]);
    g_free(out);
    g_strfreev(a);
}

/* rp:number(n [, lang]): an integer with the language's grouping. */
static void fn_number(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs < 1 || nargs > 2) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    apply_state *st = state_of(ctxt);
    char **a = pop_strings(ctxt, nargs);
    const char *lang = nargs == 2 ? a[1] : (st != NULL ? st->lang : CATALOG_BASE_LANG);
    char *trimmed = g_strstrip(g_strdup(a[0]));
    const char *digits = trimmed[0] == '+' ? trimmed + 1 : trimmed;
    /* Digits of any length, grouped as text: no overflow, no rounding. */
    while (digits[0] == '0' && digits[1] != '\0')
        digits++;
    if (st != NULL && *digits != '\0' && strspn(digits, "0123456789") == strlen(digits)) {
        char *out = catalog_format_digits(st->catalogs, lang, digits);
        push_string(ctxt, out);
        g_free(out);
    } else {
        push_string(ctxt, a[0]);
    }
    g_free(trimmed);
    g_strfreev(a);
}

/* rp:line(nodes), rp:col(nodes): where the first node starts in the
 * record, so late stages can say file:line. */
static void fn_position(xmlXPathParserContextPtr ctxt, int nargs, bool want_col)
{
    if (nargs != 1) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    xmlNodeSetPtr set = xmlXPathPopNodeSet(ctxt);
    int v = 0;
    if (set != NULL && set->nodeNr > 0) {
        xmlNodePtr n = set->nodeTab[0];
        if (n->type == XML_ATTRIBUTE_NODE)
            v = want_col ? record_attr_col((xmlAttr *)n) : record_attr_line((xmlAttr *)n);
        else
            v = want_col ? record_node_col(n) : record_node_line(n);
    }
    xmlXPathFreeNodeSet(set);
    valuePush(ctxt, xmlXPathNewFloat(v));
}

static void fn_line(xmlXPathParserContextPtr ctxt, int nargs)
{
    fn_position(ctxt, nargs, false);
}

static void fn_col(xmlXPathParserContextPtr ctxt, int nargs)
{
    fn_position(ctxt, nargs, true);
}

/* BCP 47 matching in both directions: "zh" serves "zh-Hans" and back. */
static bool lang_matches(const char *a, const char *b)
{
    if (a == NULL || b == NULL || *a == '\0' || *b == '\0')
        return false;
    size_t la = strlen(a);
    size_t lb = strlen(b);
    if (la == lb)
        return g_ascii_strcasecmp(a, b) == 0;
    const char *shorter = la < lb ? a : b;
    const char *longer = la < lb ? b : a;
    size_t n = la < lb ? la : lb;
    return g_ascii_strncasecmp(shorter, longer, n) == 0 && longer[n] == '-';
}

static bool copy_is_original(const xmlNode *n)
{
    const char *o = record_attr(n, "origin");
    return o == NULL || strcmp(o, "original") == 0;
}

/* rp:pick(copies [, lang]): the spec's fallback (design rule 2). A report
 * in language L shows the L copy; failing that the original, failing that
 * the first. List fields (theme, name...) give every copy in the chosen
 * language, in order. */
static void fn_pick(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs < 1 || nargs > 2) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    apply_state *st = state_of(ctxt);
    char *lang = NULL;
    if (nargs == 2) {
        xmlChar *l = xmlXPathPopString(ctxt);
        lang = g_strdup((const char *)l);
        xmlFree(l);
    } else {
        lang = g_strdup(st != NULL ? st->lang : CATALOG_BASE_LANG);
    }
    xmlNodeSetPtr set = xmlXPathPopNodeSet(ctxt);
    xmlNodeSetPtr out = xmlXPathNodeSetCreate(NULL);
    if (set != NULL && set->nodeNr > 0) {
        xmlXPathNodeSetSort(set);
        const char *chosen = NULL;
        for (int i = 0; i < set->nodeNr && chosen == NULL; i++) {
            if (lang_matches(record_node_lang(set->nodeTab[i]), lang))
                chosen = record_node_lang(set->nodeTab[i]);
        }
        for (int i = 0; i < set->nodeNr && chosen == NULL; i++) {
            if (copy_is_original(set->nodeTab[i]))
                chosen = record_node_lang(set->nodeTab[i]);
        }
        if (chosen == NULL)
            chosen = record_node_lang(set->nodeTab[0]);
        bool list = grammar_is_list_field(set->nodeTab[0]);
        for (int i = 0; i < set->nodeNr; i++) {
            xmlNodePtr n = set->nodeTab[i];
            if (g_ascii_strcasecmp(record_node_lang(n), chosen) != 0)
                continue;
            xmlXPathNodeSetAdd(out, n);
            if (!list)
                break;
        }
    }
    xmlXPathFreeNodeSet(set);
    g_free(lang);
    valuePush(ctxt, xmlXPathWrapNodeSet(out));
}

/* rp:same-lang(a, b): BCP 47 prefix match either way. */
static void fn_same_lang(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs != 2) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    char **a = pop_strings(ctxt, 2);
    valuePush(ctxt, xmlXPathNewBoolean(lang_matches(a[0], a[1])));
    g_strfreev(a);
}

/* rp:lang-name(code [, in-lang]): a language's name, from language.<tag>
 * or language.<primary subtag>, else the code itself. */
static void fn_lang_name(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs < 1 || nargs > 2) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    apply_state *st = state_of(ctxt);
    char **a = pop_strings(ctxt, nargs);
    const char *in = nargs == 2 ? a[1] : (st != NULL ? st->lang : CATALOG_BASE_LANG);
    const char *v = NULL;
    if (st != NULL) {
        char *key = g_strconcat("language.", a[0], NULL);
        v = catalog_lookup(st->catalogs, in, key, NULL);
        g_free(key);
        if (v == NULL) {
            char *primary = g_strdup(a[0]);
            char *dash = strchr(primary, '-');
            if (dash != NULL)
                *dash = '\0';
            key = g_strconcat("language.", primary, NULL);
            v = catalog_lookup(st->catalogs, in, key, NULL);
            g_free(key);
            g_free(primary);
        }
    }
    push_string(ctxt, v != NULL ? v : a[0]);
    g_strfreev(a);
}

/* rp:self-name(code): a language named in itself ("Français"), for the
 * language switcher; from that language's own catalog. */
static void fn_self_name(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs != 1) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    apply_state *st = state_of(ctxt);
    char **a = pop_strings(ctxt, 1);
    const char *v = NULL;
    if (st != NULL && catalog_resolve(st->catalogs, a[0]) != NULL)
        v = catalog_lookup(st->catalogs, a[0], "language.self", NULL);
    if (v == NULL && st != NULL) {
        char *key = g_strconcat("language.", a[0], NULL);
        v = catalog_lookup(st->catalogs, a[0], key, NULL);
        g_free(key);
    }
    push_string(ctxt, v != NULL ? v : a[0]);
    g_strfreev(a);
}

/* rp:ui-lang([lang]): the catalog language that labels a report in lang. */
static void fn_ui_lang(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs > 1) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    apply_state *st = state_of(ctxt);
    char **a = pop_strings(ctxt, nargs);
    const char *lang = nargs == 1 ? a[0] : (st != NULL ? st->lang : CATALOG_BASE_LANG);
    const char *ui = st != NULL ? catalog_resolve(st->catalogs, lang) : NULL;
    push_string(ctxt, ui != NULL ? ui : CATALOG_BASE_LANG);
    g_strfreev(a);
}

int transform_is_rtl(const char *lang)
{
    static const char *const rtl_langs[] = {"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks",
                                            "ps", "sd", "syr", "ug", "ur", "yi", NULL};
    if (lang == NULL || *lang == '\0')
        return 0;
    char **parts = g_strsplit(lang, "-", -1);
    int rtl = -1;
    for (char **p = parts + 1; *p != NULL && rtl < 0; p++) {
        if (strlen(*p) != 4)
            continue;
        if (g_ascii_strcasecmp(*p, "Arab") == 0 || g_ascii_strcasecmp(*p, "Hebr") == 0 ||
            g_ascii_strcasecmp(*p, "Thaa") == 0 || g_ascii_strcasecmp(*p, "Syrc") == 0 ||
            g_ascii_strcasecmp(*p, "Nkoo") == 0 || g_ascii_strcasecmp(*p, "Adlm") == 0)
            rtl = 1;
        else
            rtl = 0; /* an explicit script that is not RTL: az-Latn, ku-Latn */
    }
    if (rtl < 0) {
        char *primary = g_ascii_strdown(parts[0], -1);
        rtl = g_strv_contains(rtl_langs, primary) ? 1 : 0;
        g_free(primary);
    }
    g_strfreev(parts);
    return rtl;
}

/* rp:dir(lang): "rtl" or "ltr". */
static void fn_dir(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs != 1) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    char **a = pop_strings(ctxt, 1);
    push_string(ctxt, transform_is_rtl(a[0]) ? "rtl" : "ltr");
    g_strfreev(a);
}

/* rp:slug(text): a file-name-safe key: lowercase ASCII letters, digits
 * and dashes; text with other characters gets a short hash instead, so
 * that every theme has a stable page name. */
static void fn_slug(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs != 1) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    char **a = pop_strings(ctxt, 1);
    char *norm = g_utf8_normalize(a[0], -1, G_NORMALIZE_NFKD);
    GString *slug = g_string_new(NULL);
    bool ascii = true;
    for (const char *p = norm != NULL ? norm : ""; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (g_ascii_isalnum(c)) {
            g_string_append_c(slug, g_ascii_tolower((char)c));
        } else if (c < 0x80) {
            if (slug->len > 0 && slug->str[slug->len - 1] != '-')
                g_string_append_c(slug, '-');
        } else if (c >= 0xC0) {
            /* A non-ASCII letter (combining marks of NFKD are dropped). */
            gunichar u = g_utf8_get_char(p);
            if (!g_unichar_ismark(u))
                ascii = false;
        }
    }
    while (slug->len > 0 && slug->str[slug->len - 1] == '-')
        g_string_truncate(slug, slug->len - 1);
    if (!ascii || slug->len == 0 || slug->len > 60) {
        char *sum = g_compute_checksum_for_string(G_CHECKSUM_SHA1, a[0], -1);
        g_string_truncate(slug, MIN(slug->len, 40));
        g_string_append_printf(slug, "%s%.10s", slug->len > 0 ? "-" : "t-", sum);
        g_free(sum);
    }
    push_string(ctxt, slug->str);
    g_string_free(slug, TRUE);
    g_free(norm);
    g_strfreev(a);
}

/* rp:version(): the generator's version, for footers and metadata. */
static void fn_version(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs != 0) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    push_string(ctxt, RP_VERSION);
}

static void register_functions(void)
{
    static const struct {
        const char *name;
        xmlXPathFunction fn;
    } fns[] = {
        {"label", fn_label},         {"label-lang", fn_label_lang}, {"format", fn_format},
        {"date", fn_date},           {"date-range", fn_date_range}, {"number", fn_number},         {"line", fn_line},
        {"col", fn_col},             {"pick", fn_pick},             {"same-lang", fn_same_lang},
        {"lang-name", fn_lang_name}, {"self-name", fn_self_name},   {"ui-lang", fn_ui_lang},
        {"dir", fn_dir},             {"version", fn_version},       {"slug", fn_slug},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(fns); i++)
        xsltRegisterExtModuleFunction(BAD_CAST fns[i].name, BAD_CAST TRANSFORM_EXT_NS, fns[i].fn);
}

/* ------------------------------------------------------------------ */
/* Set-up                                                              */
/* ------------------------------------------------------------------ */

void transform_init(const char *styles_dir, const char *custom_dir)
{
    g_free(styles_root);
    g_free(custom_root);
    char *real = realpath(styles_dir, NULL);
    styles_root = g_strdup(real != NULL ? real : styles_dir);
    free(real);
    custom_root = NULL;
    if (custom_dir != NULL) {
        real = realpath(custom_dir, NULL);
        custom_root = g_strdup(real != NULL ? real : custom_dir);
        free(real);
    }
    xmlSetExternalEntityLoader(safe_entity_loader);
    xsltSetLoaderFunc(safe_doc_loader);
    if (security == NULL) {
        security = xsltNewSecurityPrefs();
        xsltSetSecurityPrefs(security, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
        xsltSetSecurityPrefs(security, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
        xsltSetSecurityPrefs(security, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
        /* libxslt takes any scheme but file: for the network, ours too. */
        xsltSetSecurityPrefs(security, XSLT_SECPREF_READ_NETWORK, check_read_file);
        xsltSetSecurityPrefs(security, XSLT_SECPREF_READ_FILE, check_read_file);
        xsltSetDefaultSecurityPrefs(security);
        exsltRegisterAll();
        register_functions();
    }
}

void transform_cleanup(void)
{
    xsltSetDefaultSecurityPrefs(NULL);
    xsltFreeSecurityPrefs(security);
    security = NULL;
    xsltCleanupGlobals();
    g_free(styles_root);
    g_free(custom_root);
    styles_root = custom_root = NULL;
}

char *transform_serialize(transformer *t, const char *layer, const char *sheet, xmlDoc *result,
                          size_t *len)
{
    g_mutex_lock(&t->lock);
    char *key = g_strconcat(layer, "/", sheet, NULL);
    xsltStylesheetPtr style = g_hash_table_lookup(t->sheets, key);
    g_free(key);
    g_mutex_unlock(&t->lock);
    xmlChar *buf = NULL;
    int n = 0;
    if (style == NULL || xsltSaveResultToString(&buf, &n, result, style) != 0) {
        *len = 0;
        return g_strdup("");
    }
    char *out = g_strndup((const char *)buf, (gsize)n);
    xmlFree(buf);
    *len = (size_t)n;
    return out;
}

const char *transform_styles_dir(void)
{
    return styles_root;
}

transformer *transformer_new(const catalog_set *catalogs)
{
    transformer *t = g_new0(transformer, 1);
    t->catalogs = catalogs;
    g_mutex_init(&t->lock);
    t->sheets = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify)xsltFreeStylesheet);
    return t;
}

void transformer_set_catalogs(transformer *t, const catalog_set *catalogs)
{
    /* Not under t->lock, which a stylesheet's compilation holds for a while. */
    g_atomic_pointer_set(&t->catalogs, catalogs);
}

void transformer_free(transformer *t)
{
    if (t == NULL)
        return;
    g_hash_table_destroy(t->sheets);
    g_mutex_clear(&t->lock);
    g_free(t);
}

static char *sheet_path(const char *layer, const char *sheet)
{
    if (custom_root != NULL && strcmp(sheet, "report.xsl") == 0) {
        char *name = g_strconcat(layer, ".xsl", NULL);
        char *custom = g_build_filename(custom_root, name, NULL);
        g_free(name);
        if (g_file_test(custom, G_FILE_TEST_IS_REGULAR))
            return custom;
        g_free(custom);
    }
    return g_build_filename(styles_root, layer, sheet, NULL);
}

/* The compiled stylesheet, compiling it on first use. Called with the lock
 * held; the result stays valid while the transformer lives. */
static xsltStylesheetPtr get_sheet(transformer *t, const char *layer, const char *sheet,
                                   diag *d)
{
    char *key = g_strconcat(layer, "/", sheet, NULL);
    xsltStylesheetPtr style = g_hash_table_lookup(t->sheets, key);
    if (style != NULL) {
        g_free(key);
        return style;
    }
    char *path = sheet_path(layer, sheet);
    diag_capture_begin(d, NULL);
    xsltSetGenericErrorFunc(d, diag_xslt_error);
    style = xsltParseStylesheetFile(BAD_CAST path);
    xsltSetGenericErrorFunc(NULL, NULL);
    diag_capture_end();
    if (style == NULL || style->errors > 0) {
        diag_add(d, DIAG_ERROR, path, 0, 0, "xslt", "the stylesheet has errors");
        xsltFreeStylesheet(style);
        style = NULL;
        g_free(key);
    } else {
        g_hash_table_insert(t->sheets, key, style);
    }
    g_free(path);
    return style;
}

bool transform_prepare(transformer *t, const char *layer, const char *sheet, diag *d)
{
    g_mutex_lock(&t->lock);
    xsltStylesheetPtr style = get_sheet(t, layer, sheet, d);
    g_mutex_unlock(&t->lock);
    return style != NULL;
}

xmlDoc *transform_apply(transformer *t, const char *layer, const char *sheet, xmlDoc *doc,
                        const char *file, const char *lang, const char *const *params, diag *d)
{
    g_mutex_lock(&t->lock);
    xsltStylesheetPtr style = get_sheet(t, layer, sheet, d);
    g_mutex_unlock(&t->lock);
    const catalog_set *catalogs = g_atomic_pointer_get(&t->catalogs);
    if (style == NULL)
        return NULL;
    /* A caller's mistake, not an input's: every label would be its key. */
    g_return_val_if_fail(catalogs != NULL, NULL);

    xmlDoc *result = NULL;
    size_t errors_before = diag_count(d, DIAG_ERROR);
    apply_state st = {catalogs, lang};
    xsltTransformContextPtr tctxt = xsltNewTransformContext(style, doc);
    if (tctxt == NULL)
        return NULL;
    tctxt->_private = &st;
    xsltSetCtxtSecurityPrefs(security, tctxt);
    xsltSetCtxtParseOptions(tctxt, STYLE_PARSE_OPTIONS);
    xsltSetTransformErrorFunc(tctxt, d, diag_xslt_error);
    diag_capture_begin(d, file);

    GPtrArray *p = g_ptr_array_new();
    g_ptr_array_add(p, (gpointer) "lang");
    g_ptr_array_add(p, (gpointer)lang);
    for (const char *const *q = params; q != NULL && q[0] != NULL && q[1] != NULL; q += 2) {
        g_ptr_array_add(p, (gpointer)q[0]);
        g_ptr_array_add(p, (gpointer)q[1]);
    }
    g_ptr_array_add(p, NULL);
    /* xsltQuoteUserParams quotes each value as an XPath string literal. */
    /* For developers: RAPPORTEUR_PROFILE_XSLT=1 prints libxslt's time per
     * template to stderr. */
    FILE *profile = g_getenv("RAPPORTEUR_PROFILE_XSLT") != NULL ? stderr : NULL;
    if (xsltQuoteUserParams(tctxt, (const char **)p->pdata) == 0)
        result = xsltApplyStylesheetUser(style, doc, NULL, NULL, profile, tctxt);
    g_ptr_array_free(p, TRUE);

    /* A refused security check or xsl:message terminate="yes" may still
     * leave a result: the state says whether the transform finished. */
    if (result != NULL &&
        (tctxt->state != XSLT_STATE_OK || diag_count(d, DIAG_ERROR) > errors_before)) {
        xmlFreeDoc(result);
        result = NULL;
    }
    if (result == NULL && diag_count(d, DIAG_ERROR) == errors_before)
        diag_add(d, DIAG_ERROR, file, 0, 0, "xslt", "the %s stylesheet failed", layer);
    diag_capture_end();
    xsltFreeTransformContext(tctxt);
    return result;
}
