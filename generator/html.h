/* html: the HTML stylesheet's result, serialized as an HTML5 document.
 *
 * Input: the result tree of styles/html/report.xsl (or any HTML layer).
 * Output: bytes starting with <!DOCTYPE html>, UTF-8, with the one
 * <meta charset> the stylesheet wrote and nothing libxslt adds.
 */
#ifndef RP_HTML_H
#define RP_HTML_H

#include <stddef.h>

#include <libxml/tree.h>

/* Serializes `result`; returns a new buffer (free with g_free()) of *len
 * bytes. The result tree may be modified (libxslt's extra meta removed). */
char *html_serialize(xmlDoc *result, size_t *len);

/* The same for one element of a result holding several pages (the
 * archive's pages of one language, made in one transformation). */
char *html_serialize_element(xmlDoc *result, xmlNode *html, size_t *len);

#endif
