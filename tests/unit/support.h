/* support: helpers shared by the unit tests (linked into each of them). */
#ifndef RP_TEST_SUPPORT_H
#define RP_TEST_SUPPORT_H

#include <stdbool.h>

#include <pango/pango.h>

#include "fonts.h"
#include "render.h"

/* Removes a directory and everything under it, read-only directories
 * included; symbolic links are removed, not followed. */
void support_remove_tree(const char *path);

/* The fonts of $RAPPORTEUR_DATA_DIR/fonts with a font map and the two PDF
 * contexts (left to right, right to left), as report_pdf sets them up. */
typedef struct {
    fonts *fonts;
    PangoFontMap *map;
    PangoContext *ltr;
    PangoContext *rtl;
} support_fonts;

/* Fills f, failing the test if the fonts cannot be loaded. */
void support_fonts_open(support_fonts *f);

/* Releases what support_fonts_open() made and clears f. */
void support_fonts_close(support_fonts *f);

/* A renderer over $RAPPORTEUR_DATA_DIR, the process set up as main() sets it
 * up (grammar, outfile, transform) and `formats` prepared (RENDER_HTML,
 * RENDER_PDF); the data directory in *data_dir (g_free() it). Fails the
 * test if anything is missing. */
renderer *support_renderer_open(unsigned formats, char **data_dir);

/* Frees r (may be NULL) and undoes the transform set-up. */
void support_renderer_close(renderer *r);

#endif
