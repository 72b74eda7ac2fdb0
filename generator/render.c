/* render: record -> validate -> transform -> html | pdf, for each language. */
#include "render.h"

#include <string.h>

#include "grammar.h"
#include "html.h"
#include "outfile.h"
#include "report_pdf.h"

struct renderer {
    char *data_dir;
    catalog_set *catalogs;
    validator *validator;
    transformer *transformer;
    report_pdf *pdf; /* fonts and typesetter state, created on first use */
    GMutex lock;
};

renderer *renderer_new(const char *data_dir, diag *d)
{
    char *schema = g_build_filename(data_dir, "styles", "schema", "record.rng", NULL);
    char *catalogs = g_build_filename(data_dir, "styles", "catalogs", NULL);
    renderer *r = g_new0(renderer, 1);
    r->data_dir = g_strdup(data_dir);
    g_mutex_init(&r->lock);
    r->validator = validator_new(schema, d);
    r->catalogs = catalog_set_load(catalogs, d);
    g_free(schema);
    g_free(catalogs);
    if (r->validator == NULL || r->catalogs == NULL) {
        renderer_free(r);
        return NULL;
    }
    r->transformer = transformer_new(r->catalogs);
    return r;
}

void renderer_free(renderer *r)
{
    if (r == NULL)
        return;
    report_pdf_free(r->pdf);
    transformer_free(r->transformer);
    validator_free(r->validator);
    catalog_set_free(r->catalogs);
    g_mutex_clear(&r->lock);
    g_free(r->data_dir);
    g_free(r);
}

const catalog_set *renderer_catalogs(const renderer *r)
{
    return r->catalogs;
}

const validator *renderer_validator(const renderer *r)
{
    return r->validator;
}

transformer *renderer_transformer(renderer *r)
{
    return r->transformer;
}

const char *renderer_data_dir(const renderer *r)
{
    return r->data_dir;
}

static report_pdf *get_pdf(renderer *r, diag *d)
{
    g_mutex_lock(&r->lock);
    if (r->pdf == NULL)
        r->pdf = report_pdf_new(r->data_dir, r->transformer, d);
    report_pdf *p = r->pdf;
    g_mutex_unlock(&r->lock);
    return p;
}

report_pdf *renderer_pdf(renderer *r, diag *d)
{
    return get_pdf(r, d);
}

bool renderer_prepare(renderer *r, unsigned formats, diag *d)
{
    bool ok = true;
    if (formats & RENDER_HTML)
        ok = transform_prepare(r->transformer, "html", "report.xsl", d) && ok;
    if (formats & RENDER_PDF) {
        ok = transform_prepare(r->transformer, "layout", "report.xsl", d) && ok;
        ok = get_pdf(r, d) != NULL && ok;
    }
    return ok;
}

/* ------------------------------------------------------------------ */
/* Languages                                                           */
/* ------------------------------------------------------------------ */

bool render_check_langs(const char *spec, diag *d)
{
    if (strcmp(spec, "record") == 0 || strcmp(spec, "all") == 0)
        return true;
    if (*spec == '\0') {
        diag_add(d, DIAG_ERROR, NULL, 0, 0, NULL,
                 "-l is empty; it takes record, all, or tags such as en,fr,zh-Hans");
        return false;
    }
    char **tags = g_strsplit(spec, ",", -1);
    bool ok = tags[0] != NULL;
    for (char **t = tags; *t != NULL; t++) {
        if (!grammar_is_language(*t)) {
            diag_add(d, DIAG_ERROR, NULL, 0, 0, NULL,
                     "\"%s\" is not a language tag; -l takes record, all, or tags such as "
                     "en,fr,zh-Hans",
                     *t);
            ok = false;
        }
    }
    g_strfreev(tags);
    return ok;
}

static void add_lang(GPtrArray *langs, const char *lang)
{
    if (lang == NULL || *lang == '\0')
        return;
    for (guint i = 0; i < langs->len; i++) {
        if (g_ascii_strcasecmp(g_ptr_array_index(langs, i), lang) == 0)
            return;
    }
    g_ptr_array_add(langs, g_strdup(lang));
}

char **render_record_languages(const record *rec)
{
    GPtrArray *langs = g_ptr_array_new();
    add_lang(langs, record_lang(rec));
    xmlNode *root = record_root(rec);
    for (xmlNode *n = root; n != NULL; n = record_next_node(n, root)) {
        if (n->type == XML_ELEMENT_NODE && grammar_is_translatable(n))
            add_lang(langs, record_node_lang(n));
    }
    g_ptr_array_add(langs, NULL);
    return (char **)g_ptr_array_free(langs, FALSE);
}

char **render_languages(const renderer *r, const record *rec, const char *spec)
{
    if (strcmp(spec, "record") == 0)
        return render_record_languages(rec);
    if (strcmp(spec, "all") == 0)
        return g_strdupv((char **)catalog_languages(r->catalogs));
    GPtrArray *langs = g_ptr_array_new();
    char **tags = g_strsplit(spec, ",", -1);
    for (char **t = tags; *t != NULL; t++)
        add_lang(langs, *t);
    g_strfreev(tags);
    g_ptr_array_add(langs, NULL);
    return (char **)g_ptr_array_free(langs, FALSE);
}

/* ------------------------------------------------------------------ */
/* Rendering                                                           */
/* ------------------------------------------------------------------ */

bool render_write_css(renderer *r, const char *out_dir, diag *d)
{
    char *src = g_build_filename(r->data_dir, "styles", "html", "report.css", NULL);
    char *dst = g_build_filename(out_dir, "report.css", NULL);
    char *data = NULL;
    gsize len = 0;
    bool ok = false;
    GError *err = NULL;
    if (!g_file_get_contents(src, &data, &len, &err)) {
        diag_add(d, DIAG_ERROR, NULL, 0, 0, NULL, "cannot read %s: %s", src, err->message);
        g_error_free(err);
    } else {
        char *old = NULL;
        gsize old_len = 0;
        /* Unchanged files are not rewritten: a rebuild with nothing new
         * writes nothing. */
        if (g_file_get_contents(dst, &old, &old_len, NULL) && old_len == len &&
            memcmp(old, data, len) == 0)
            ok = true;
        else
            ok = outfile_save(dst, data, len, d);
        g_free(old);
    }
    g_free(data);
    g_free(src);
    g_free(dst);
    return ok;
}

static bool render_html(renderer *r, const record *rec, const char *lang,
                        const char *const *langs, const render_options *o, const char *path,
                        diag *d)
{
    char *siblings = g_strjoinv(" ", (char **)langs);
    const char *params[] = {"languages", siblings,
                            "css-href", o->css_href != NULL ? o->css_href : "report.css",
                            "index-href", o->index_href != NULL ? o->index_href : "",
                            NULL};
    xmlDoc *result = transform_apply(r->transformer, "html", "report.xsl", record_doc(rec),
                                     record_path(rec), lang, params, d);
    g_free(siblings);
    if (result == NULL)
        return false;
    size_t len = 0;
    char *bytes = html_serialize(result, &len);
    xmlFreeDoc(result);
    bool ok = outfile_save(path, bytes, len, d);
    g_free(bytes);
    return ok;
}

bool render_one(renderer *r, const record *rec, const char *lang, const char *const *langs,
                unsigned format, const render_options *o, const char *path, diag *d)
{
    if (format == RENDER_HTML)
        return render_html(r, rec, lang, langs, o, path, d);
    report_pdf *pdf = get_pdf(r, d);
    if (pdf == NULL)
        return false;
    return report_pdf_render(pdf, rec, lang, o->paper, path, d);
}

bool render_file(renderer *r, const char *path, const render_options *o, diag *d)
{
    record *rec = record_load(path, d);
    if (rec == NULL)
        return false;
    bool ok = validate_record(r->validator, rec, d);
    if (!ok) {
        diag_add(d, DIAG_NOTE, path, 0, 0, NULL, "not rendered: the record has errors");
        record_free(rec);
        return false;
    }
    char **langs = render_languages(r, rec, o->langs);
    const char *id = record_id(rec);
    for (char **l = langs; *l != NULL && ok; l++) {
        static const struct {
            unsigned format;
            const char *ext;
        } formats[] = {{RENDER_HTML, "html"}, {RENDER_PDF, "pdf"}};
        for (size_t f = 0; f < G_N_ELEMENTS(formats); f++) {
            if (!(o->formats & formats[f].format))
                continue;
            char *name = g_strdup_printf("%s.%s.%s", id, *l, formats[f].ext);
            char *out = g_build_filename(o->out_dir, name, NULL);
            ok = render_one(r, rec, *l, (const char *const *)langs, formats[f].format, o, out,
                            d) &&
                 ok;
            g_free(out);
            g_free(name);
        }
    }
    g_strfreev(langs);
    record_free(rec);
    return ok;
}
