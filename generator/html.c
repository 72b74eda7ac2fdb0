/* html: HTML5 serialization of the HTML layer's result. */
#include "html.h"

#include <string.h>

#include <glib.h>
#include <libxml/HTMLtree.h>
#include <libxml/xmlIO.h>

/* libxslt's html output method adds <meta http-equiv="Content-Type"> to
 * the head; our pages already say <meta charset="utf-8">, and HTML5 allows
 * only one of the two. */
static void drop_http_equiv(xmlNode *node)
{
    for (xmlNode *n = node; n != NULL;) {
        xmlNode *next = n->next;
        if (n->type == XML_ELEMENT_NODE) {
            if (xmlStrcasecmp(n->name, BAD_CAST "meta") == 0) {
                xmlChar *he = xmlGetProp(n, BAD_CAST "http-equiv");
                bool drop = he != NULL && xmlStrcasecmp(he, BAD_CAST "Content-Type") == 0;
                xmlFree(he);
                if (drop) {
                    xmlUnlinkNode(n);
                    xmlFreeNode(n);
                    n = next;
                    continue;
                }
            } else if (xmlStrcasecmp(n->name, BAD_CAST "body") != 0) {
                drop_http_equiv(n->children);
            }
        }
        n = next;
    }
}

char *html_serialize(xmlDoc *result, size_t *len)
{
    xmlNode *root = xmlDocGetRootElement(result);
    drop_http_equiv(root);
    xmlBufferPtr buf = xmlBufferCreate();
    xmlOutputBufferPtr out = xmlOutputBufferCreateBuffer(buf, NULL);
    xmlOutputBufferWriteString(out, "<!DOCTYPE html>\n");
    for (xmlNode *n = result->children; n != NULL; n = n->next) {
        if (n->type == XML_DTD_NODE)
            continue;
        htmlNodeDumpFormatOutput(out, result, n, "UTF-8", 0);
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
