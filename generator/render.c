/* render: record -> validate -> transform -> html | pdf, for each language. */
#include "render.h"

#include <string.h>

#include "grammar.h"
#include "html.h"
#include "outfile.h"
#include "report_pdf.h"

/* Work started by renderer_new() on a thread of its own, joined by
 * renderer_prepare(): compiling stylesheets, loading the PDF typesetter. */
typedef struct {
    GThread *thread;
    diag *d;
    bool ok;
} background;

struct renderer {
    char *data_dir;
    catalog_set *catalogs; /* loaded on first need: checking records does without */
    validator *validator;
    transformer *transformer;
    report_pdf *pdf; /* fonts and typesetter state, created on first use */
    unsigned formats; /* what renderer_new() was told would be rendered */
    background sheets, typesetter;
    GMutex lock;     /* guards catalogs */
    GMutex pdf_lock; /* guards pdf, which takes a while to make */
};

static report_pdf *get_pdf(renderer *r, diag *d)
{
    g_mutex_lock(&r->pdf_lock);
    if (r->pdf == NULL)
        r->pdf = report_pdf_new(r->data_dir, r->transformer, d);
    report_pdf *p = r->pdf;
    g_mutex_unlock(&r->pdf_lock);
    return p;
}

static bool prepare_sheets(renderer *r, unsigned formats, diag *d)
{
    bool ok = true;
    if (formats & RENDER_HTML)
        ok = transform_prepare(r->transformer, "html", "report.xsl", d) && ok;
    if (formats & RENDER_PDF)
        ok = transform_prepare(r->transformer, "layout", "report.xsl", d) && ok;
    return ok;
}

static gpointer compile_sheets(gpointer data)
{
    renderer *r = data;
    r->sheets.ok = prepare_sheets(r, r->formats, r->sheets.d);
    return NULL;
}

static gpointer load_typesetter(gpointer data)
{
    renderer *r = data;
    r->typesetter.ok = get_pdf(r, r->typesetter.d) != NULL;
    return NULL;
}

static void start(background *b, const char *name, GThreadFunc fn, renderer *r)
{
    b->d = diag_new();
    b->thread = g_thread_new(name, fn, r);
}

/* Waits for b, if started, and moves its messages to d. */
static bool finish(background *b, diag *d)
{
    if (b->thread == NULL)
        return true;
    g_thread_join(b->thread);
    b->thread = NULL;
    if (d != NULL)
        diag_merge(d, b->d);
    diag_free(b->d);
    b->d = NULL;
    return b->ok;
}

renderer *renderer_new(const char *data_dir, unsigned formats, diag *d)
{
    renderer *r = g_new0(renderer, 1);
    r->data_dir = g_strdup(data_dir);
    r->formats = formats;
    g_mutex_init(&r->lock);
    g_mutex_init(&r->pdf_lock);
    r->transformer = transformer_new(NULL); /* catalogs: renderer_load_catalogs() */
    /* A one-record run spends as long on these as on the record: they run
     * on other cores while this thread compiles the schema and loads the
     * catalogs. */
    if (formats & (RENDER_HTML | RENDER_PDF))
        start(&r->sheets, "rp-sheets", compile_sheets, r);
    if (formats & RENDER_PDF)
        start(&r->typesetter, "rp-typesetter", load_typesetter, r);
    char *schema = g_build_filename(data_dir, "styles", "schema", "record.rng", NULL);
    r->validator = validator_new(schema, d);
    g_free(schema);
    if (r->validator == NULL) {
        renderer_free(r);
        return NULL;
    }
    return r;
}

void renderer_free(renderer *r)
{
    if (r == NULL)
        return;
    finish(&r->sheets, NULL);
    finish(&r->typesetter, NULL);
    report_pdf_free(r->pdf);
    transformer_free(r->transformer);
    validator_free(r->validator);
    catalog_set_free(r->catalogs);
    g_mutex_clear(&r->lock);
    g_mutex_clear(&r->pdf_lock);
    g_free(r->data_dir);
    g_free(r);
}

bool renderer_load_catalogs(renderer *r, diag *d)
{
    g_mutex_lock(&r->lock);
    if (r->catalogs == NULL) {
        char *dir = g_build_filename(r->data_dir, "styles", "catalogs", NULL);
        r->catalogs = catalog_set_load(dir, d);
        g_free(dir);
        if (r->catalogs != NULL)
            transformer_set_catalogs(r->transformer, r->catalogs);
    }
    bool ok = r->catalogs != NULL;
    g_mutex_unlock(&r->lock);
    return ok;
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

report_pdf *renderer_pdf(renderer *r, diag *d)
{
    return get_pdf(r, d);
}

bool renderer_prepare(renderer *r, unsigned formats, diag *d)
{
    bool ok = renderer_load_catalogs(r, d);
    /* In the order they would have run here: stylesheets, then fonts. */
    ok = finish(&r->sheets, d) && ok;
    ok = finish(&r->typesetter, d) && ok;
    if (!ok)
        return false;
    /* What renderer_new() was not told of (compiled once either way). */
    ok = prepare_sheets(r, formats, d);
    if (formats & RENDER_PDF)
        ok = get_pdf(r, d) != NULL && ok;
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
    return pdf != NULL && report_pdf_render(pdf, rec, lang, o->paper, path, d);
}

/* ------------------------------------------------------------------ */
/* One record                                                          */
/* ------------------------------------------------------------------ */

/* One output of a record: a language in a format. Its messages are kept
 * apart and merged in order, so that they come out the same whether its
 * PDF was set here or, at the same time as the others, by a typesetter
 * process. */
typedef struct {
    renderer *r;
    xmlDoc *layout; /* a PDF's layout document, owned until set */
    const char *source;
    char *path;
    diag *d;
    bool ok;
    bool finished;
    GMutex *lock; /* the record's, with `done` */
    GCond *done;
} output;

/* Sets one PDF's text; on a thread of the typesetting pool. */
static void set_output(gpointer data, gpointer user)
{
    (void)user;
    output *out = data;
    report_pdf *pdf = get_pdf(out->r, out->d);
    out->ok = pdf != NULL && report_pdf_render_layout(pdf, out->layout, out->source, out->path,
                                                      out->d);
    xmlFreeDoc(out->layout);
    out->layout = NULL;
    g_mutex_lock(out->lock);
    out->finished = true;
    g_cond_broadcast(out->done);
    g_mutex_unlock(out->lock);
}

/* Validates and renders one loaded record in each language and format.
 * With a typesetting pool, its PDFs are set there while the next outputs
 * are made. Every output is attempted; returns false if any failed. */
static bool render_record(renderer *r, const record *rec, const render_options *o,
                          GThreadPool *typesetting, diag *d)
{
    static const struct {
        unsigned format;
        const char *ext;
    } formats[] = {{RENDER_HTML, "html"}, {RENDER_PDF, "pdf"}};
    const char *path = record_path(rec);
    if (!validate_record(r->validator, rec, d)) {
        diag_add(d, DIAG_NOTE, path, 0, 0, NULL, "not rendered: the record has errors");
        return false;
    }
    char **langs = render_languages(r, rec, o->langs);
    const char *id = record_id(rec);
    GMutex lock;
    GCond done;
    g_mutex_init(&lock);
    g_cond_init(&done);
    GPtrArray *outs = g_ptr_array_new();
    for (char **l = langs; *l != NULL; l++) {
        for (size_t f = 0; f < G_N_ELEMENTS(formats); f++) {
            if (!(o->formats & formats[f].format))
                continue;
            output *out = g_new0(output, 1);
            char *name = g_strdup_printf("%s.%s.%s", id, *l, formats[f].ext);
            out->r = r;
            out->source = path;
            out->path = g_build_filename(o->out_dir, name, NULL);
            out->d = diag_new();
            out->lock = &lock;
            out->done = &done;
            g_free(name);
            g_ptr_array_add(outs, out);
            if (formats[f].format == RENDER_PDF && typesetting != NULL) {
                report_pdf *pdf = get_pdf(r, out->d);
                out->layout = pdf != NULL ? report_pdf_layout(pdf, rec, *l, o->paper, out->d)
                                          : NULL;
                if (out->layout != NULL) {
                    g_thread_pool_push(typesetting, out, NULL);
                    continue;
                }
            } else {
                out->ok = render_one(r, rec, *l, (const char *const *)langs, formats[f].format, o,
                                     out->path, out->d);
            }
            out->finished = true;
        }
    }
    bool ok = true;
    for (guint i = 0; i < outs->len; i++) {
        output *out = outs->pdata[i];
        g_mutex_lock(&lock);
        while (!out->finished)
            g_cond_wait(&done, &lock);
        g_mutex_unlock(&lock);
        ok = ok && out->ok;
        diag_merge(d, out->d);
        diag_free(out->d);
        g_free(out->path);
        g_free(out);
    }
    g_ptr_array_free(outs, TRUE);
    g_cond_clear(&done);
    g_mutex_clear(&lock);
    g_strfreev(langs);
    return ok;
}

/* ------------------------------------------------------------------ */
/* Many files                                                          */
/* ------------------------------------------------------------------ */

/* One file of a batch: loaded in order by the calling thread, validated
 * and rendered by a worker, reported in order by the calling thread. */
typedef struct {
    const char *path;
    record *rec; /* owned until rendered */
    diag *d;
    bool ok;
    bool finished;
} batch_job;

typedef struct {
    renderer *r;
    const render_options *o;
    GThreadPool *typesetting; /* PDFs set by typesetter processes, or NULL */
    GMutex lock;
    GCond finished; /* signalled as each job finishes */
} batch;

static void batch_render(gpointer data, gpointer user)
{
    batch_job *job = data;
    batch *b = user;
    job->ok = render_record(b->r, job->rec, b->o, b->typesetting, job->d);
    record_free(job->rec);
    job->rec = NULL;
    g_mutex_lock(&b->lock);
    job->finished = true;
    g_cond_broadcast(&b->finished);
    g_mutex_unlock(&b->lock);
}

/* Loads job's record and claims its id, which the first file to hold it
 * keeps: a later one would overwrite its reports. Returns false, with
 * errors in job->d, if the job has nothing to render. */
static bool batch_load(batch_job *job, GHashTable *ids)
{
    if (!g_file_test(job->path, G_FILE_TEST_EXISTS)) {
        diag_add(job->d, DIAG_ERROR, job->path, 0, 0, "read", "no such file");
        return false;
    }
    job->rec = record_load(job->path, job->d);
    if (job->rec == NULL)
        return false;
    const char *id = record_id(job->rec);
    const char *first = id != NULL ? g_hash_table_lookup(ids, id) : NULL;
    if (first != NULL) {
        diag_add(job->d, DIAG_ERROR, job->path, record_node_line(record_root(job->rec)),
                 record_node_col(record_root(job->rec)), "duplicate-id",
                 "id \"%s\" is also the id of %s, given before this file; reports are named "
                 "by id, so this record is not rendered",
                 id, first);
        record_free(job->rec);
        job->rec = NULL;
        return false;
    }
    if (id != NULL)
        g_hash_table_insert(ids, g_strdup(id), (gpointer)job->path);
    return true;
}

/* Has PDFs set by `jobs` typesetter processes from now on: cairo sets text
 * in one thread per process (pdf_worker.h). They start on first use. */
static bool start_typesetting(batch *b, unsigned jobs, const char *typesetter, diag *d)
{
    report_pdf *pdf = get_pdf(b->r, d);
    if (pdf == NULL || !report_pdf_use_processes(pdf, typesetter, jobs, d))
        return false;
    b->typesetting = g_thread_pool_new(set_output, NULL, (gint)jobs, FALSE, NULL);
    return true;
}

/* Whether the PDFs of a batch are worth typesetter processes: two or more
 * of them, and more than one job. For a single file, known once loaded. */
static bool wants_typesetters(const batch *b, unsigned jobs, size_t n, const record *first)
{
    if (jobs < 2 || !(b->o->formats & RENDER_PDF))
        return false;
    if (n > 1)
        return true;
    if (first == NULL)
        return false;
    char **langs = render_languages(b->r, first, b->o->langs);
    bool many = g_strv_length(langs) > 1;
    g_strfreev(langs);
    return many;
}

bool render_files(renderer *r, char *const *files, const render_options *o, unsigned jobs,
                  const char *typesetter, render_report_fn report, void *ctx, diag *d)
{
    size_t n = 0;
    while (files[n] != NULL)
        n++;
    if (jobs < 1)
        jobs = 1;
    unsigned record_jobs = jobs > n ? (unsigned)MAX(n, 1) : jobs;
    batch b = {r, o, NULL, {0}, {0}};
    g_mutex_init(&b.lock);
    g_cond_init(&b.finished);
    bool ok = true;
    if (n > 1 && typesetter != NULL && wants_typesetters(&b, jobs, n, NULL))
        ok = start_typesetting(&b, jobs, typesetter, d);
    GThreadPool *pool =
        ok && record_jobs > 1 ? g_thread_pool_new(batch_render, &b, (gint)record_jobs, TRUE, NULL)
                              : NULL;
    GHashTable *ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    batch_job *all = g_new0(batch_job, n);
    /* Records in memory at once: enough to keep the workers busy while
     * this thread loads the next, no more. */
    size_t window = (size_t)record_jobs * 2;
    size_t next_report = 0;
    for (size_t i = 0; ok && i <= n; i++) {
        /* Report the finished jobs in order, waiting when the window is full
         * and, at the end, for every job. */
        while (next_report < i) {
            batch_job *job = &all[next_report];
            g_mutex_lock(&b.lock);
            while (!job->finished && (i - next_report >= window || i == n))
                g_cond_wait(&b.finished, &b.lock);
            bool done = job->finished;
            g_mutex_unlock(&b.lock);
            if (!done)
                break;
            report(job->path, job->d, job->ok, ctx);
            diag_free(job->d);
            job->d = NULL;
            next_report++;
        }
        if (i == n)
            break;
        batch_job *job = &all[i];
        job->path = files[i];
        job->d = diag_new();
        if (!batch_load(job, ids)) {
            job->finished = true;
            continue;
        }
        if (n == 1 && typesetter != NULL && wants_typesetters(&b, jobs, n, job->rec) &&
            !start_typesetting(&b, jobs, typesetter, d)) {
            /* Reported in d; the record is not rendered. */
            record_free(job->rec);
            job->rec = NULL;
            job->finished = true;
            ok = false;
            continue;
        }
        if (pool != NULL)
            g_thread_pool_push(pool, job, NULL);
        else
            batch_render(job, &b);
    }
    if (pool != NULL)
        g_thread_pool_free(pool, FALSE, TRUE);
    if (b.typesetting != NULL) {
        g_thread_pool_free(b.typesetting, FALSE, TRUE);
        /* The typesetters end here; one that ended badly fails the batch. */
        if (!report_pdf_use_processes(get_pdf(r, d), NULL, 0, d))
            ok = false;
    }
    /* What a failed start left unreported. */
    for (; next_report < n && all[next_report].d != NULL; next_report++) {
        report(all[next_report].path, all[next_report].d, false, ctx);
        diag_free(all[next_report].d);
    }
    g_hash_table_destroy(ids);
    g_free(all);
    g_cond_clear(&b.finished);
    g_mutex_clear(&b.lock);
    return ok;
}
