/* record: safe loading of one record (record -> validate -> transform). */
#include "record.h"

#include <limits.h>
#include <stdint.h>
#include <string.h>

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xmlschemastypes.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>

struct record {
    xmlDoc *doc;
    char *path;
    char *sha256;
};

/* ------------------------------------------------------------------ */
/* Positions                                                           */
/* ------------------------------------------------------------------ */

/* libxml2 2.9 keeps a line per element but no column, and nothing for
 * attributes. At each start tag the parser stands just before its ">", with
 * the whole tag still in its buffer (it shrinks the buffer only before a
 * tag), so the tag's text can be rescanned to place the element and each
 * attribute. Positions are packed into the nodes' _private pointer, which
 * libxml2 leaves to the application. */
#if UINTPTR_MAX > 0xffffffffu
#define POS_SHIFT 32
#else
#define POS_SHIFT 16
#endif
#define POS_MASK ((((uintptr_t)1) << POS_SHIFT) - 1)

static void *pos_pack(int line, int col)
{
    uintptr_t l = (uintptr_t)(line > 0 ? line : 0) & POS_MASK;
    uintptr_t c = (uintptr_t)(col > 0 ? col : 0) & POS_MASK;
    return (void *)((l << POS_SHIFT) | c);
}

static int pos_line(const void *p)
{
    return (int)(((uintptr_t)p >> POS_SHIFT) & POS_MASK);
}

static int pos_col(const void *p)
{
    return (int)((uintptr_t)p & POS_MASK);
}

static bool is_utf8_lead(unsigned char c)
{
    return (c & 0xC0) != 0x80;
}

/* Characters in [from, to). */
static int count_chars(const xmlChar *from, const xmlChar *to)
{
    int n = 0;
    for (const xmlChar *p = from; p < to; p++) {
        if (is_utf8_lead(*p))
            n++;
    }
    return n;
}

typedef struct {
    int line;
    int col;
} text_pos;

static text_pos advance(text_pos at, const xmlChar *from, const xmlChar *to)
{
    for (const xmlChar *p = from; p < to; p++) {
        if (*p == '\n') {
            at.line++;
            at.col = 1;
        } else if (is_utf8_lead(*p)) {
            at.col++;
        }
    }
    return at;
}

static bool is_name_char(xmlChar c)
{
    return c != 0 && c != '=' && c != '>' && c != '/' && c != ' ' && c != '\t' && c != '\n' &&
           c != '\r';
}

/* Places the attributes of `el` by rescanning its start tag [lt, end).
 * If the tag's column is unknown (at.col == 0), attributes on its first
 * line get no column, those on later lines do. */
static void place_attributes(xmlNode *el, const xmlChar *lt, const xmlChar *end, text_pos at)
{
    bool known = at.col > 0;
    const xmlChar *p = lt + 1;
    while (p < end && is_name_char(*p))
        p++;
    at = advance(at, lt, p);
    while (p < end) {
        const xmlChar *ws = p;
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
            p++;
        if (memchr(ws, '\n', (size_t)(p - ws)) != NULL)
            known = true;
        at = advance(at, ws, p);
        if (p >= end || *p == '/' || *p == '>')
            break;
        const xmlChar *name = p;
        while (p < end && is_name_char(*p))
            p++;
        const xmlChar *colon = memchr(name, ':', (size_t)(p - name));
        const xmlChar *local = colon != NULL ? colon + 1 : name;
        size_t local_len = (size_t)(p - local);
        /* Namespace declarations are not attributes of the tree. */
        bool is_ns = (p - name == 5 && memcmp(name, "xmlns", 5) == 0) ||
                     (colon != NULL && colon - name == 5 && memcmp(name, "xmlns", 5) == 0);
        for (xmlAttr *a = is_ns ? NULL : el->properties; a != NULL; a = a->next) {
            if (a->_private == NULL && strlen((const char *)a->name) == local_len &&
                memcmp(a->name, local, local_len) == 0) {
                a->_private = pos_pack(at.line, known ? at.col : 0);
                break;
            }
        }
        at = advance(at, name, p);
        /* Skip "= 'value'"; a value cannot hold "<", and holds its own
         * quote character only as a reference. */
        const xmlChar *skip = p;
        while (p < end && *p != '"' && *p != '\'')
            p++;
        if (p < end) {
            xmlChar quote = *p++;
            while (p < end && *p != quote)
                p++;
            if (p < end)
                p++;
        }
        at = advance(at, skip, p);
    }
}

static void start_element(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                          const xmlChar *uri, int n_namespaces, const xmlChar **namespaces,
                          int n_attributes, int n_defaulted, const xmlChar **attributes)
{
    xmlParserCtxtPtr ctxt = ctx;
    xmlSAX2StartElementNs(ctx, localname, prefix, uri, n_namespaces, namespaces, n_attributes,
                          n_defaulted, attributes);
    xmlNode *el = ctxt->node;
    xmlParserInputPtr in = ctxt->input;
    if (el == NULL || in == NULL || in->cur == NULL || in->base == NULL)
        return;
    const xmlChar *lt = in->cur;
    while (lt > in->base && *lt != '<')
        lt--;
    if (*lt != '<')
        return;
    /* Line and column of "<": count back from the parser's position. */
    int newlines = 0;
    for (const xmlChar *p = lt; p < in->cur; p++) {
        if (*p == '\n')
            newlines++;
    }
    text_pos at = {in->line - newlines, 0};
    if (newlines == 0) {
        at.col = in->col - count_chars(lt, in->cur);
    } else {
        /* The line's start is known if it is still in the buffer, or if
         * the buffer was never shrunk (then base is the file's start). */
        const xmlChar *bol = lt;
        while (bol > in->base && bol[-1] != '\n')
            bol--;
        if (bol > in->base || in->consumed == 0)
            at.col = count_chars(bol, lt) + 1;
    }
    if (at.col < 1)
        at.col = 0;
    el->_private = pos_pack(at.line, at.col);
    place_attributes(el, lt, in->cur, at);
}

/* What the parser's callbacks need: the sink, and whether a fatal error
 * was already reported (libxml2 stops at the first, but may add follow-on
 * messages about the same place, such as "Premature end of data"). */
typedef struct {
    diag *d;
    const char *name;
    bool had_fatal;
} parse_state;

/* Line and column of the "<" of the construct the parser is just after,
 * scanning back at most to `limit` characters. */
static text_pos position_of_lt(xmlParserInputPtr in, const char *opener)
{
    text_pos at = {in->line, 0};
    if (in->cur == NULL || in->base == NULL)
        return at;
    size_t n = strlen(opener);
    const xmlChar *p = in->cur;
    while (p > in->base && !(p + n <= in->end && memcmp(p, opener, n) == 0))
        p--;
    if (memcmp(p, opener, n) != 0)
        return at;
    int newlines = 0;
    for (const xmlChar *q = p; q < in->cur; q++)
        newlines += *q == '\n';
    at.line = in->line - newlines;
    const xmlChar *bol = p;
    while (bol > in->base && bol[-1] != '\n')
        bol--;
    if (bol > in->base || in->consumed == 0)
        at.col = count_chars(bol, p) + 1;
    return at;
}

/* record-spec.md has no DTD, and a DOCTYPE is where external entities and
 * entity bombs live: refuse it before its internal subset is read. */
static void internal_subset(void *ctx, const xmlChar *name, const xmlChar *external_id,
                            const xmlChar *system_id)
{
    (void)name;
    (void)external_id;
    (void)system_id;
    xmlParserCtxtPtr ctxt = ctx;
    parse_state *ps = ctxt->_private;
    text_pos at = ctxt->input != NULL ? position_of_lt(ctxt->input, "<!DOCTYPE")
                                      : (text_pos){0, 0};
    diag_add(ps->d, DIAG_ERROR, ps->name, at.line, at.col, "doctype",
             "a DOCTYPE is not allowed in a record (DTDs and entities are refused); delete it");
    ps->had_fatal = true;
    xmlStopParser(ctxt);
}

/* libxml2's messages for this parse. Validity messages about xml:id
 * (duplicates, non-NCNames) are left to grammar.c and validate.c, which
 * place them better and do not stop at the first. */
static void parse_error(void *user, xmlErrorPtr err)
{
    xmlParserCtxtPtr ctxt = user;
    parse_state *ps = ctxt->_private;
    if (err == NULL || err->domain == XML_FROM_VALID || err->domain == XML_FROM_DTD ||
        err->code == XML_DTD_ID_REDEFINED || err->code == XML_DTD_XMLID_VALUE)
        return;
    if (err->level == XML_ERR_FATAL) {
        if (ps->had_fatal)
            return;
        ps->had_fatal = true;
    }
    diag_severity sev = err->level == XML_ERR_WARNING ? DIAG_WARNING : DIAG_ERROR;
    const char *msg = err->message != NULL ? err->message : "not well-formed";
    diag_add(ps->d, sev, ps->name, err->line, err->int2, "xml", "%s", msg);
}

/* ------------------------------------------------------------------ */
/* After parsing                                                       */
/* ------------------------------------------------------------------ */

/* Attributes whose value is free text; every other attribute of the format
 * is a token of an XML Schema type (an enumeration, a date, an ID...),
 * whose white space collapses, as the RELAX NG schema says. Collapsing once
 * here lets every later stage compare values plainly. */
static const char *const free_text_attrs[] = {"recorded", "label", "by", "reason", "track",
                                              "abbr", NULL};

static void collapse(xmlAttr *a)
{
    xmlChar *v = xmlNodeGetContent((xmlNode *)a);
    /* NULL when there is nothing to collapse. */
    xmlChar *collapsed = v != NULL ? xmlSchemaCollapseString(v) : NULL;
    if (collapsed != NULL) {
        void *pos = a->_private;
        xmlNodeSetContent((xmlNode *)a, collapsed);
        a->_private = pos;
        xmlFree(collapsed);
    }
    xmlFree(v);
}

xmlNode *record_next_node(const xmlNode *n, const xmlNode *root)
{
    if (n->type == XML_ELEMENT_NODE && n->children != NULL)
        return n->children;
    while (n != NULL && n != root && n->next == NULL)
        n = n->parent;
    return n == NULL || n == root ? NULL : n->next;
}

static void normalize_attributes(xmlNode *root)
{
    for (xmlNode *n = root; n != NULL; n = record_next_node(n, root)) {
        if (n->type == XML_ELEMENT_NODE) {
            for (xmlAttr *a = n->properties; a != NULL; a = a->next) {
                if (!g_strv_contains(free_text_attrs, (const char *)a->name))
                    collapse(a);
            }
        }
    }
}

/* A record declared in a legacy encoding whose bytes are valid UTF-8 with
 * non-ASCII text was most likely saved as UTF-8 and mislabelled: every
 * accented letter would come out garbled. */
static void warn_encoding(xmlDoc *doc, const char *data, size_t len, const char *name, diag *d)
{
    const char *enc = (const char *)doc->encoding;
    if (enc == NULL || g_ascii_strcasecmp(enc, "UTF-8") == 0 ||
        g_ascii_strcasecmp(enc, "UTF8") == 0)
        return;
    bool non_ascii = false;
    for (size_t i = 0; i < len && !non_ascii; i++)
        non_ascii = (unsigned char)data[i] >= 0x80;
    if (non_ascii && g_utf8_validate(data, (gssize)len, NULL))
        diag_add(d, DIAG_WARNING, name, 1, 1, "encoding",
                 "the record declares encoding=\"%s\" but its bytes are UTF-8; its accented "
                 "letters will come out garbled: declare UTF-8",
                 enc);
}

/* ------------------------------------------------------------------ */
/* Loading                                                             */
/* ------------------------------------------------------------------ */

/* No XML_PARSE_NOENT (entities stay unexpanded), no DTD loading or
 * attribute defaulting, no XInclude, and never XML_PARSE_HUGE, which would
 * lift the depth and size limits. */
#define RECORD_PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES)

record *record_load_memory(const char *data, size_t len, const char *name, diag *d)
{
    record *r = NULL;
    xmlParserCtxtPtr ctxt = NULL;

    if (len > RECORD_MAX_BYTES) {
        diag_add(d, DIAG_ERROR, name, 1, 1, "size",
                 "the file is %zu bytes; records are limited to %d MiB", len,
                 (int)(RECORD_MAX_BYTES >> 20));
        return NULL;
    }
    if (len > INT_MAX)
        return NULL;

    size_t errors_before = diag_count(d, DIAG_ERROR);
    parse_state ps = {d, name, false};
    diag_capture_begin(d, name);
    ctxt = xmlNewParserCtxt();
    if (ctxt == NULL)
        goto out;
    ctxt->_private = &ps;
    ctxt->sax->serror = parse_error;
    ctxt->sax->startElementNs = start_element;
    ctxt->sax->internalSubset = internal_subset;
    ctxt->sax->externalSubset = NULL;
    ctxt->sax->resolveEntity = NULL;

    xmlDoc *doc = xmlCtxtReadMemory(ctxt, data, (int)len, name, NULL, RECORD_PARSE_OPTIONS);
    bool failed = diag_count(d, DIAG_ERROR) > errors_before;
    if (doc == NULL || !ctxt->wellFormed || failed) {
        if (!failed)
            diag_add(d, DIAG_ERROR, name, 0, 0, "xml", "not a well-formed XML document");
        xmlFreeDoc(doc);
        goto out;
    }
    normalize_attributes(xmlDocGetRootElement(doc));
    warn_encoding(doc, data, len, name, d);
    r = g_new0(record, 1);
    r->doc = doc;
    r->path = g_strdup(name);
    r->sha256 = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)data, len);

out:
    xmlFreeParserCtxt(ctxt);
    diag_capture_end();
    return r;
}

record *record_load(const char *path, diag *d)
{
    char *data = NULL;
    gsize len = 0;
    GError *err = NULL;

    /* Read through GLib rather than libxml2's I/O: the record is then the
     * only thing the parser reads, and the size is checked first. */
    GStatBuf st;
    if (g_stat(path, &st) == 0 && st.st_size > RECORD_MAX_BYTES) {
        diag_add(d, DIAG_ERROR, path, 1, 1, "size",
                 "the file is %lld bytes; records are limited to %d MiB", (long long)st.st_size,
                 (int)(RECORD_MAX_BYTES >> 20));
        return NULL;
    }
    if (!g_file_get_contents(path, &data, &len, &err)) {
        diag_add(d, DIAG_ERROR, path, 0, 0, "read", "cannot read the record: %s", err->message);
        g_error_free(err);
        return NULL;
    }
    record *r = record_load_memory(data, len, path, d);
    g_free(data);
    return r;
}

void record_free(record *r)
{
    if (r == NULL)
        return;
    xmlFreeDoc(r->doc);
    g_free(r->path);
    g_free(r->sha256);
    g_free(r);
}

xmlDoc *record_doc(const record *r)
{
    return r->doc;
}

xmlNode *record_root(const record *r)
{
    return xmlDocGetRootElement(r->doc);
}

const char *record_path(const record *r)
{
    return r->path;
}

const char *record_sha256(const record *r)
{
    return r->sha256;
}

const char *record_id(const record *r)
{
    return record_attr(record_root(r), "id");
}

const char *record_lang(const record *r)
{
    xmlNode *root = record_root(r);
    return root != NULL ? record_node_lang(root) : NULL;
}

/* ------------------------------------------------------------------ */
/* Node helpers                                                        */
/* ------------------------------------------------------------------ */

int record_node_line(const xmlNode *node)
{
    if (node == NULL)
        return 0;
    if (node->type == XML_ELEMENT_NODE && node->_private != NULL)
        return pos_line(node->_private);
    long line = xmlGetLineNo(node);
    return line > 0 && line < INT_MAX ? (int)line : 0;
}

int record_node_col(const xmlNode *node)
{
    if (node == NULL || node->type != XML_ELEMENT_NODE)
        return 0;
    return pos_col(node->_private);
}

int record_attr_line(const xmlAttr *attr)
{
    if (attr == NULL)
        return 0;
    if (attr->_private != NULL)
        return pos_line(attr->_private);
    return record_node_line(attr->parent);
}

int record_attr_col(const xmlAttr *attr)
{
    return attr != NULL && attr->_private != NULL ? pos_col(attr->_private) : 0;
}

const char *record_node_lang(const xmlNode *node)
{
    for (const xmlNode *n = node; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent) {
        xmlAttr *a = xmlHasNsProp(n, BAD_CAST "lang", XML_XML_NAMESPACE);
        if (a != NULL && a->children != NULL && a->children->content != NULL)
            return (const char *)a->children->content;
    }
    return "";
}

bool record_is(const xmlNode *el, const char *name)
{
    return el != NULL && el->type == XML_ELEMENT_NODE && el->ns != NULL &&
           xmlStrEqual(el->ns->href, BAD_CAST RECORD_NS) && xmlStrEqual(el->name, BAD_CAST name);
}

const char *record_attr(const xmlNode *el, const char *name)
{
    if (el == NULL || el->type != XML_ELEMENT_NODE)
        return NULL;
    xmlAttr *a = xmlHasNsProp(el, BAD_CAST name, NULL);
    if (a == NULL || a->type != XML_ATTRIBUTE_NODE)
        return NULL;
    if (a->children == NULL)
        return "";
    return (const char *)a->children->content;
}
