/* chart: the participant counts as a horizontal bar chart, drawn in vectors.
 *
 * The same figures as the table beside it and as the HTML page's SVG chart
 * (styles/common/counts.xsl). Labels are real text, so the chart reads back
 * through pdftotext and screen readers.
 */
#ifndef RP_CHART_H
#define RP_CHART_H

#include <cairo.h>
#include <pango/pango.h>

#include "diag.h"
#include "layout.h"
#include "typeset.h"

/* Draws chart box b with its top-left corner at (x, y). Returns false if a
 * label holds a character no font covers (reported to d). */
bool chart_draw(cairo_t *cr, PangoContext *ctx, const layout_doc *doc, const box *b, double x,
                double y, diag *d);

#endif
