/* chart: horizontal bars with labels and values; mirrored right to left. */
#include "chart.h"

#include "pdf.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

static PangoLayout *label(const layout_doc *doc, PangoContext *ctx, const layout_style *s,
                          const char *text, const char *lang, diag *d, int line, bool bold)
{
    layout_text t = {text, strlen(text), NULL, 0};
    layout_style st = *s;
    if (bold)
        st.weight = 700;
    return typeset_label(doc, ctx, &st, &t, lang, d, line);
}

static double width_of(PangoLayout *pl)
{
    PangoRectangle logical;
    pango_layout_get_extents(pl, NULL, &logical);
    return pango_units_to_double(logical.width);
}

/* Draws pl with its baseline at y, starting at x (LTR) or ending at x (RTL
 * alignment is handled by the caller's choice of x). */
static void show(cairo_t *cr, PangoLayout *pl, double x, double baseline, layout_color c)
{
    pdf_show_layout(cr, pl, x, baseline, c);
}

bool chart_draw(cairo_t *cr, PangoContext *ctx, const layout_doc *doc, const box *b, double x,
                double y, diag *d)
{
    const layout_block *chart = b->chart;
    const layout_style *s = b->chart_style;
    size_t errors = diag_count(d, DIAG_ERROR);
    double bar_h = s->size_pt * 1.5;
    double gap = s->size_pt * 0.6;
    double top = y;
    bool rtl = b->chart_rtl;
    if (chart->title != NULL) {
        PangoLayout *t = label(doc, ctx, s, chart->title, b->chart_lang, d, chart->line, true);
        double w = width_of(t);
        double baseline = top + s->size_pt;
        show(cr, t, rtl ? x + b->width_pt - w : x, baseline, s->color);
        g_object_unref(t);
        top += s->size_pt * s->line_height + gap;
    }
    /* Labels take what they need, up to 55% of the width (catalog labels are short). */
    PangoLayout **labels = g_new0(PangoLayout *, chart->n_bars + 1);
    PangoLayout **values = g_new0(PangoLayout *, chart->n_bars + 1);
    double label_w = 0;
    double value_w = 0;
    double max = 0;
    for (size_t i = 0; i < chart->n_bars; i++) {
        const layout_bar *bar = &chart->bars[i];
        labels[i] = label(doc, ctx, s, bar->label, b->chart_lang, d, chart->line, bar->emphasis);
        values[i] = label(doc, ctx, s, bar->text != NULL ? bar->text : "", b->chart_lang, d,
                          chart->line, bar->emphasis);
        label_w = fmax(label_w, width_of(labels[i]));
        value_w = fmax(value_w, width_of(values[i]));
        max = fmax(max, bar->value);
    }
    label_w = fmin(label_w, b->width_pt * 0.55);
    /* A label wider than its column ends in an ellipsis, inside the chart. */
    for (size_t i = 0; i < chart->n_bars; i++) {
        if (width_of(labels[i]) > label_w + 0.01) {
            pango_layout_set_width(labels[i], pango_units_from_double(label_w));
            pango_layout_set_ellipsize(labels[i], PANGO_ELLIPSIZE_END);
        }
    }
    double pad = s->size_pt * 0.6;
    double area = b->width_pt - label_w - value_w - 2 * pad;
    if (area < 10)
        area = 10;
    layout_color bar_color = s->has_background ? s->background : (layout_color){0.18, 0.5, 0.72};
    for (size_t i = 0; i < chart->n_bars; i++) {
        const layout_bar *bar = &chart->bars[i];
        double row = top + (double)i * (bar_h + gap);
        double len = max > 0 ? bar->value / max * area : 0;
        double baseline = row + bar_h / 2 + s->size_pt * 0.35;
        double lw = fmin(width_of(labels[i]), label_w);
        layout_color c = bar->emphasis ? s->rule_color : bar_color;
        cairo_set_source_rgb(cr, c.r, c.g, c.b);
        if (!rtl) {
            cairo_rectangle(cr, x + label_w + pad, row, len, bar_h);
            cairo_fill(cr);
            show(cr, labels[i], x + label_w - lw, baseline, s->color);
            show(cr, values[i], x + label_w + pad + len + pad / 2, baseline, s->color);
        } else {
            double right = x + b->width_pt;
            cairo_rectangle(cr, right - label_w - pad - len, row, len, bar_h);
            cairo_fill(cr);
            show(cr, labels[i], right - lw, baseline, s->color);
            show(cr, values[i], right - label_w - pad - len - pad / 2 - width_of(values[i]),
                 baseline, s->color);
        }
    }
    for (size_t i = 0; i < chart->n_bars; i++) {
        g_object_unref(labels[i]);
        g_object_unref(values[i]);
    }
    g_free(labels);
    g_free(values);
    return diag_count(d, DIAG_ERROR) == errors;
}
