/* fonts: the private fontconfig configuration over fonts/ and the font maps.
 *
 * Built once from fonts/fonts.conf and the files fonts/fonts.list names: the host's
 * fonts are never seen, so the same record gives the same PDF everywhere.
 * The configuration is shared read-only; each thread gets its own font map.
 */
#ifndef RP_FONTS_H
#define RP_FONTS_H

#include <pango/pango.h>

#include "diag.h"

typedef struct fonts fonts;

/* fonts_dir/FONTS_PATTERNS_FILE: what fontconfig makes of the listed files,
 * written by `make fonts` so that a process parses it (2 ms) instead of
 * scanning the files (6 to 11 ms). Optional: a missing or stale file, or
 * one this fontconfig reads differently, means the files are scanned. */
#define FONTS_PATTERNS_FILE "fonts.patterns"

/* Loads fonts_dir/fonts.conf over fonts_dir. Returns NULL with an error in
 * d if the directory has no fonts (run `make fonts`). Free with fonts_free(). */
fonts *fonts_new(const char *fonts_dir, diag *d);
void fonts_free(fonts *f);

/* Scans the listed fonts and writes FONTS_PATTERNS_FILE into fonts_dir
 * (atomically). Returns false with errors in d. */
bool fonts_write_patterns(const char *fonts_dir, diag *d);

/* Whether f's fonts came from FONTS_PATTERNS_FILE rather than a scan. */
bool fonts_from_patterns(const fonts *f);

/* A new font map over the private configuration, for one thread; unref it
 * with g_object_unref(). */
PangoFontMap *fonts_font_map(const fonts *f);

/* A pango context for PDF output over a font map: 72 dpi so that points are
 * user units, and no hinting or rounding, which are for screens and would
 * make glyph positions depend on the font rasterizer; rtl sets the base
 * direction. The caller unrefs it. */
PangoContext *fonts_pdf_context(PangoFontMap *map, bool rtl);

/* A digest of the font files (names, sizes and SHA-256 from fonts.list), for
 * incremental archive builds. Borrowed. */
const char *fonts_digest(const fonts *f);

#endif
