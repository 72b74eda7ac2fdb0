/* html: HTML5 serialization of the HTML layer's result. */
#include "html.h"

#include <stdbool.h>
#include <string.h>

#include <glib.h>
#include <libxml/HTMLtree.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlIO.h>

/* libxslt's html output method adds <meta http-equiv="Content-Type"> to
 * the head; our pages already say <meta charset="utf-8">, and HTML5 allows
 * only one of the two. */
static bool is_http_equiv_meta(xmlNode *n)
{
    if (n->type != XML_ELEMENT_NODE || xmlStrcasecmp(n->name, BAD_CAST "meta") != 0)
        return false;
    xmlChar *he = xmlGetProp(n, BAD_CAST "http-equiv");
    bool is = he != NULL && xmlStrcasecmp(he, BAD_CAST "Content-Type") == 0;
    xmlFree(he);
    return is;
}

/* Removes such metas from the children of `node`, down to (not into) body. */
static void drop_http_equiv(xmlNode *node)
{
    for (xmlNode *n = node->children; n != NULL;) {
        xmlNode *next = n->next;
        if (is_http_equiv_meta(n)) {
            xmlUnlinkNode(n);
            xmlFreeNode(n);
        } else if (n->type == XML_ELEMENT_NODE && xmlStrcasecmp(n->name, BAD_CAST "body") != 0) {
            drop_http_equiv(n);
        }
        n = next;
    }
}

/* HTML5's void elements that libxml2 2.9 does not know as such: it would
 * write them with an end tag (<wbr></wbr>), which HTML5 refuses. Each is
 * replaced by its start tag as raw text (a "textnoenc" node, which the
 * serializer writes as it is); a void element has no content to lose. */
static bool is_unknown_void(const xmlNode *n)
{
    static const char *const names[] = {"wbr", "source", "track", "embed", NULL};
    return n->type == XML_ELEMENT_NODE &&
           (n->ns == NULL || xmlStrEqual(n->ns->href, BAD_CAST "http://www.w3.org/1999/xhtml")) &&
           g_strv_contains(names, (const char *)n->name);
}

static void append_attr_value(GString *s, const xmlChar *v)
{
    for (const xmlChar *p = v; p != NULL && *p; p++) {
        if (*p == '&')
            g_string_append(s, "&amp;");
        else if (*p == '"')
            g_string_append(s, "&quot;");
        else
            g_string_append_c(s, (char)*p);
    }
}

static void write_unknown_voids(xmlDoc *doc, xmlNode *node)
{
    for (xmlNode *n = node->children; n != NULL;) {
        xmlNode *next = n->next;
        if (is_unknown_void(n)) {
            GString *tag = g_string_new("<");
            g_string_append(tag, (const char *)n->name);
            for (xmlAttr *a = n->properties; a != NULL; a = a->next) {
                xmlChar *v = xmlNodeListGetString(doc, a->children, 1);
                g_string_append_printf(tag, " %s=\"", (const char *)a->name);
                append_attr_value(tag, v);
                g_string_append_c(tag, '"');
                xmlFree(v);
            }
            g_string_append_c(tag, '>');
            xmlNode *raw = xmlNewDocTextLen(doc, BAD_CAST tag->str, (int)tag->len);
            raw->name = xmlStringTextNoenc;
            g_string_free(tag, TRUE);
            xmlReplaceNode(n, raw);
            xmlFreeNode(n);
        } else if (n->type == XML_ELEMENT_NODE) {
            write_unknown_voids(doc, n);
        }
        n = next;
    }
}

static char *serialize(xmlDoc *doc, xmlNode *first, bool siblings, size_t *len)
{
    xmlBufferPtr buf = xmlBufferCreate();
    xmlOutputBufferPtr out = xmlOutputBufferCreateBuffer(buf, NULL);
    xmlOutputBufferWriteString(out, "<!DOCTYPE html>\n");
    for (xmlNode *n = first; n != NULL; n = siblings ? n->next : NULL) {
        if (n->type == XML_DTD_NODE)
            continue;
        drop_http_equiv(n);
        if (n->type == XML_ELEMENT_NODE)
            write_unknown_voids(doc, n);
        htmlNodeDumpFormatOutput(out, doc, n, "UTF-8", 0);
    }
    xmlOutputBufferWriteString(out, "\n");
    xmlOutputBufferClose(out);
    size_t n = (size_t)xmlBufferLength(buf);
    char *bytes = g_malloc(n + 1);
    memcpy(bytes, xmlBufferContent(buf), n);
    bytes[n] = '\0';
    xmlBufferFree(buf);
    *len = n;
    return bytes;
}

char *html_serialize(xmlDoc *result, size_t *len)
{
    return serialize(result, result->children, true, len);
}

char *html_serialize_element(xmlDoc *result, xmlNode *html, size_t *len)
{
    return serialize(result, html, false, len);
}
