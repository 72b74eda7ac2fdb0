/* pdf: paginated boxes drawn into a PDF with cairo.
 *
 * Input: the typeset flow and its pages. Output: a PDF written atomically,
 * with running header and footer ("page N of M"), an outline from the
 * headings, links (external URIs escaped; internal ones through named
 * destinations, since cairo 1.16's page-number links are dead), metadata,
 * page labels and a structure tree (tagged PDF). Running heads are drawn
 * untagged: cairo 1.16 crashes on the Artifact tag.
 */
#ifndef RP_PDF_H
#define RP_PDF_H

#include <stdbool.h>

#include <cairo.h>
#include <pango/pango.h>

#include "diag.h"
#include "layout.h"
#include "paginate.h"
#include "typeset.h"

/* Writes the document to `path` (atomically). `creation_date` is ISO 8601
 * ("2013-10-24T00:00:00Z"). Returns false with errors in d. */
bool pdf_write(const layout_doc *doc, const typeset_result *ts, const page_list *pages,
               PangoContext *ltr, PangoContext *rtl, const char *creation_date,
               const char *path, diag *d);

/* Draws one line of text with its origin at (x, baseline), in `color`
 * where the text sets none, mapping glyphs to text so that PDF readers get
 * the words back (right to left included). */
void pdf_show_layout_line(cairo_t *cr, PangoLayoutLine *line, double x, double baseline,
                          layout_color color);

/* Draws every line of a layout, the first line's baseline at `baseline`. */
void pdf_show_layout(cairo_t *cr, PangoLayout *pl, double x, double baseline,
                     layout_color color);

/* Escapes a URI for a cairo link attribute and the PDF string it becomes:
 * non-ASCII bytes, spaces, quotes, backslashes and parentheses are
 * percent-encoded; existing %XX escapes are kept. g_free() the result. */
char *pdf_escape_uri(const char *uri);

#endif
