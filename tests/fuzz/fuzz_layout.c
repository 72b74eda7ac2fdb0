/* libFuzzer harness: the typesetter. The input is parsed as a layout document with the
 * options record.c uses for records (no entity substitution, no DTD loading, no network),
 * then read (layout_read), set (typeset_flow), broken into pages (paginate_flow) and
 * written as a PDF (pdf_write) into a temporary directory, as report_pdf_render() does after
 * its XSLT step.
 *
 * Needs RAPPORTEUR_DATA_DIR (the directory holding fonts/ and styles/). The fonts and the
 * font map are made once; the pango contexts per input, as fonts_pdf_context()
 * (static there, so repeated here). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cairo.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <pango/pangocairo.h>

#include "diag.h"
#include "fonts.h"
#include "grammar.h"
#include "layout.h"
#include "outfile.h"
#include "paginate.h"
#include "pdf.h"
#include "transform.h"
#include "typeset.h"

/* record.c's RECORD_PARSE_OPTIONS: no NOENT, no DTDLOAD, no XInclude, no HUGE. */
#define LAYOUT_PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES)

static fonts *the_fonts;
static PangoFontMap *the_map;
static char *out_dir;
static char *out_path;

/* FUZZ_SKIP_KNOWN=1 (run.sh sets it while fuzzing, not for the replays of crashes/) skips the
 * inputs of crashes already reported, so that the fuzzer looks for others:
 * - a <style> without a name: find_style() calls strcmp(NULL, ...)
 *   (crashes/fuzz_layout/style-without-name*);
 * - a tag= that is not a PDF structure type cairo knows: cairo 1.16 leaks, or aborts on an
 *   assertion in cairo_surface_finish() (crashes/fuzz_layout/cairo-assert-unknown-struct-tag.xml).
 * FUZZ_VERBOSE=1 prints the messages and whether a PDF was written (to look at one input). */
static bool skip_known;
static bool verbose;

static bool known_tag(const char *t)
{
    static const char *const tags[] = {
        "none", "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI",
        "Index", "NonStruct", "Private", "H", "H1", "H2", "H3", "H4", "H5", "H6", "P", "L", "LI",
        "Lbl", "LBody", "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot", "Span", "Quote",
        "Note", "Reference", "BibEntry", "Code", "Link", "Annot", "Figure", "Formula", "Form",
        NULL};
    for (const char *const *k = tags; *k != NULL; k++) {
        if (strcmp(*k, t) == 0)
            return true;
    }
    return false;
}

static bool has_known_crash(const xmlNode *n, int depth)
{
    for (const xmlNode *c = n != NULL ? n->children : NULL; c != NULL; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (depth == 0 && xmlStrEqual(c->name, BAD_CAST "style") &&
            xmlHasNsProp(c, BAD_CAST "name", NULL) == NULL)
            return true;
        xmlChar *tag = xmlGetNoNsProp(c, BAD_CAST "tag");
        bool bad = tag != NULL && !known_tag((const char *)tag);
        xmlFree(tag);
        if (bad || has_known_crash(c, depth + 1))
            return true;
    }
    return false;
}

static void quiet_xml_errors(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

static void cleanup(void)
{
    if (out_path != NULL)
        g_unlink(out_path);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *data_dir = getenv("RAPPORTEUR_DATA_DIR");
    if (data_dir == NULL) {
        fprintf(stderr, "fuzz_layout: set RAPPORTEUR_DATA_DIR to the source tree\n");
        exit(2);
    }
    xmlInitParser();
    xmlSetGenericErrorFunc(NULL, quiet_xml_errors);
    grammar_init();
    char *styles = g_build_filename(data_dir, "styles", NULL);
    transform_init(styles, NULL);
    g_free(styles);
    outfile_set_durable(false); /* no fsync per input */
    diag *d = diag_new();
    char *fonts_dir = g_build_filename(data_dir, "fonts", NULL);
    the_fonts = fonts_new(fonts_dir, d);
    g_free(fonts_dir);
    if (the_fonts == NULL) {
        diag_print(d, stderr);
        exit(2);
    }
    diag_free(d);
    the_map = fonts_font_map(the_fonts);
    /* The PDFs go to FUZZ_OUT_DIR (run.sh: build-fuzz/work/pdf), else to the temporary
     * directory, as fuzz_layout-<pid>.pdf: libFuzzer's fork mode ends its jobs without
     * atexit(), so a directory per process would pile up. */
    const char *dir = getenv("FUZZ_OUT_DIR");
    out_dir = g_strdup(dir != NULL && *dir != '\0' ? dir : g_get_tmp_dir());
    char *name = g_strdup_printf("fuzz_layout-%ld.pdf", (long)getpid());
    out_path = g_build_filename(out_dir, name, NULL);
    g_free(name);
    atexit(cleanup);
    const char *skip = getenv("FUZZ_SKIP_KNOWN");
    skip_known = skip != NULL && strcmp(skip, "1") == 0;
    const char *v = getenv("FUZZ_VERBOSE");
    verbose = v != NULL && strcmp(v, "1") == 0;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 256 * 1024)
        return 0;
    xmlDoc *doc = xmlReadMemory((const char *)data, (int)size, "fuzz-layout.xml", NULL,
                                LAYOUT_PARSE_OPTIONS);
    if (doc == NULL)
        return 0;
    if (skip_known && has_known_crash(xmlDocGetRootElement(doc), 0)) {
        xmlFreeDoc(doc);
        return 0;
    }
    diag *d = diag_new();
    layout_doc *l = layout_read(doc, "fuzz.xml", d);
    if (l != NULL) {
        PangoContext *ltr = fonts_pdf_context(the_map, false);
        PangoContext *rtl = fonts_pdf_context(the_map, true);
        typeset_result *ts = typeset_flow(l, ltr, rtl, d);
        if (ts != NULL) {
            page_list *pages = paginate_flow(ts->items, ts->n_boxes, ts->text_height_pt);
            bool written =
                pdf_write(l, ts, pages, ltr, rtl, "2013-10-24T00:00:00Z", out_path, d);
            if (verbose)
                fprintf(stderr, "fuzz_layout: pdf_write %s, %zu pages, %zu errors\n",
                        written ? "wrote the PDF" : "failed", pages->n_pages,
                        diag_count(d, DIAG_ERROR));
            page_list_free(pages);
            typeset_free(ts);
        }
        g_object_unref(ltr);
        g_object_unref(rtl);
        layout_free(l);
    }
    diag_sort(d);
    for (size_t i = 0; i < diag_length(d); i++) {
        char *line = diag_format(diag_get(d, i));
        if (verbose)
            fprintf(stderr, "%s\n", line);
        g_free(line);
    }
    diag_free(d);
    xmlFreeDoc(doc);
    return 0;
}
