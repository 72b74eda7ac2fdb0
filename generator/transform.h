/* transform: the XSLT stage (record -> HTML tree, record -> layout document).
 *
 * Stylesheets of styles/ are compiled once per process and shared read-only
 * by threads; each apply gets its own transform context. The module owns
 * libxslt: the security preferences (no file writes, no network, reads only
 * from the styles directories), the one loader every import, include and
 * document() goes through, and the extension functions (namespace
 * urn:rapporteur:ext) that give stylesheets the catalogs and the spec's
 * language fallback.
 */
#ifndef RP_TRANSFORM_H
#define RP_TRANSFORM_H

#include <libxml/tree.h>

#include "catalog.h"
#include "diag.h"

#define TRANSFORM_EXT_NS "urn:rapporteur:ext"

/* Where stylesheets can import ours from, wherever we are installed:
 * <xsl:import href="rapporteur:html/report.xsl"/>. */
#define TRANSFORM_URI_SCHEME "rapporteur:"

typedef struct transformer transformer;

/* Sets up libxslt for untrusted input (once per process; main calls it
 * before anything parses): the loader, the security preferences, EXSLT
 * and our extension functions. `styles_dir` and `custom_dir` (may be NULL)
 * are the only directories stylesheets and document() may read. */
void transform_init(const char *styles_dir, const char *custom_dir);

/* Releases what transform_init() set up (for leak checkers). */
void transform_cleanup(void);

/* A transformer using `catalogs` (borrowed; must outlive it), or NULL to
 * set them later, before any transform. Stylesheets are compiled on first
 * use. Free with transformer_free(). */
transformer *transformer_new(const catalog_set *catalogs);
void transformer_free(transformer *t);

/* Sets the catalogs of a transformer made without them, before its first
 * transform. */
void transformer_set_catalogs(transformer *t, const catalog_set *catalogs);

/* Compiles a stylesheet now, to report its errors early. `layer` is "html",
 * "layout" or "archive"...: the file is <custom_dir>/<layer>.xsl if the user
 * gave one, else <styles_dir>/<layer>/<sheet>. Returns false with errors in
 * d. Thread-safe. */
bool transform_prepare(transformer *t, const char *layer, const char *sheet, diag *d);

/* Applies the stylesheet to `doc`. `lang` is the report's language;
 * `params` are name/value pairs of string parameters ending with NULL
 * (values are quoted here). `file` names the input in messages. Returns the
 * result document (the caller frees it with xmlFreeDoc) or NULL, with
 * errors in d, if the stylesheet failed or refused something. */
xmlDoc *transform_apply(transformer *t, const char *layer, const char *sheet, xmlDoc *doc,
                        const char *file, const char *lang, const char *const *params, diag *d);

/* A result serialized as its stylesheet's xsl:output says (text for the
 * CSV). The stylesheet must have been applied before. g_free() it. */
char *transform_serialize(transformer *t, const char *layer, const char *sheet, xmlDoc *result,
                          size_t *len);

/* The directory of our stylesheets (borrowed). */
const char *transform_styles_dir(void);

/* 1 if `lang` is written right to left (Arabic, Hebrew, Persian, Urdu...),
 * judged by its script subtag or its language. */
int transform_is_rtl(const char *lang);

#endif
