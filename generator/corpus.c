/* corpus: corpus-wide checks, and the archive: scan, plan, render, publish. */
#include "corpus.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xmlsave.h>

#include "cli.h"
#include "html.h"
#include "manifest.h"
#include "outfile.h"
#include "report_pdf.h"
#include "translations.h"

#ifndef RP_VERSION
#define RP_VERSION "0.0"
#endif

#define CORPUS_NS "urn:rapporteur:corpus:1"

/* A corpus larger than this many records is refused: far beyond the IGF's
 * few thousand, and it bounds the summaries kept in memory (a few KB each). */
#define CORPUS_MAX_RECORDS 1000000

/* ------------------------------------------------------------------ */
/* Records                                                             */
/* ------------------------------------------------------------------ */

/* For g_ptr_array_sort(), which passes pointers to the elements. */
static int compare_strings(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The *.xml files of dir, sorted, as names. g_strfreev() it. */
static char **list_records(const char *dir, diag *d)
{
    GError *err = NULL;
    GDir *gd = g_dir_open(dir, 0, &err);
    if (gd == NULL) {
        diag_add(d, DIAG_ERROR, dir, 0, 0, NULL, "cannot read the directory: %s", err->message);
        g_error_free(err);
        return NULL;
    }
    GPtrArray *files = g_ptr_array_new();
    const char *name;
    while ((name = g_dir_read_name(gd)) != NULL) {
        if (g_str_has_suffix(name, ".xml") && name[0] != '.')
            g_ptr_array_add(files, g_strdup(name));
    }
    g_dir_close(gd);
    g_ptr_array_sort(files, compare_strings);
    if (files->len > CORPUS_MAX_RECORDS) {
        diag_add(d, DIAG_ERROR, dir, 0, 0, NULL, "more than %d records", CORPUS_MAX_RECORDS);
        g_ptr_array_set_free_func(files, g_free);
        g_ptr_array_free(files, TRUE);
        return NULL;
    }
    g_ptr_array_add(files, NULL);
    return (char **)g_ptr_array_free(files, FALSE);
}

typedef struct {
    char *file;       /* "x.xml" */
    char *path;       /* dir/x.xml */
    char *sha256;     /* of the file's bytes */
    char *id;
    char **langs;     /* rendered languages */
    xmlNode *entry;   /* c:entry in the corpus document (owned by it) */
    int report_line;
    bool ok;          /* loaded and valid */
    bool cached;      /* summary reused from the previous build */
    bool unrenderable; /* valid, but a report of it could not be made (a glyph no font has) */
    char *translations; /* check --translations: the record's report, or NULL */
} rec_info;

static void rec_free(gpointer p)
{
    rec_info *r = p;
    /* An entry not linked into the corpus document (check DIR builds them
     * but publishes nothing) is the record's to free, before that
     * document: it uses the document's dictionary. */
    if (r->entry != NULL && r->entry->parent == NULL)
        xmlFreeNode(r->entry);
    g_free(r->translations);
    g_free(r->file);
    g_free(r->path);
    g_free(r->sha256);
    g_free(r->id);
    g_strfreev(r->langs);
    g_free(r);
}

static xmlNode *child_ns(const xmlNode *el, const char *ns, const char *name)
{
    for (xmlNode *c = el != NULL ? el->children : NULL; c != NULL; c = c->next) {
        if (c->type == XML_ELEMENT_NODE && c->ns != NULL && xmlStrEqual(c->ns->href, BAD_CAST ns) &&
            xmlStrEqual(c->name, BAD_CAST name))
            return c;
    }
    return NULL;
}

static const char *prop(const xmlNode *el, const char *name)
{
    xmlAttr *a = el != NULL ? xmlHasNsProp(el, BAD_CAST name, NULL) : NULL;
    return a != NULL && a->children != NULL ? (const char *)a->children->content : NULL;
}

/* The summary of a loaded, valid record (archive/summary.xsl), as a new
 * c:entry element of `corpus`. Callers hold the corpus lock: the entry is
 * built in the shared corpus document, and the summary's result shares a
 * dictionary with it (running the transformation outside the lock
 * crashed). */
static xmlNode *summarize(renderer *r, const record *rec, xmlDoc *corpus, const char *file,
                          const char *const *langs, diag *d)
{
    xmlDoc *sum = transform_apply(renderer_transformer(r), "archive", "summary.xsl",
                                  record_doc(rec), record_path(rec), record_lang(rec), NULL, d);
    if (sum == NULL)
        return NULL;
    xmlNode *entry = xmlNewDocNode(corpus, NULL, BAD_CAST "entry", NULL);
    xmlNs *ns = xmlNewNs(entry, BAD_CAST CORPUS_NS, BAD_CAST "c");
    xmlSetNs(entry, ns);
    xmlSetProp(entry, BAD_CAST "file", BAD_CAST file);
    xmlSetProp(entry, BAD_CAST "sha256", BAD_CAST record_sha256(rec));
    char *joined = g_strjoinv(" ", (char **)langs);
    xmlSetProp(entry, BAD_CAST "langs", BAD_CAST joined);
    g_free(joined);
    xmlNode *root = xmlDocGetRootElement(sum);
    for (xmlNode *c = root != NULL ? root->children : NULL; c != NULL; c = c->next)
        xmlAddChild(entry, xmlDocCopyNode(c, corpus, 1));
    xmlFreeDoc(sum);
    return entry;
}

/* ------------------------------------------------------------------ */
/* Corpus-wide rules                                                   */
/* ------------------------------------------------------------------ */

/* A name reduced for comparison: lowercase letters and digits without
 * accents, its words sorted ("Weise Constance" = "Constance Weise"). */
static char *name_key(const char *name)
{
    char *nfkd = g_utf8_normalize(name, -1, G_NORMALIZE_NFKD);
    GString *clean = g_string_new(NULL);
    for (const char *p = nfkd != NULL ? nfkd : ""; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (g_unichar_ismark(c))
            continue;
        if (g_unichar_isalnum(c))
            g_string_append_unichar(clean, g_unichar_tolower(c));
        else
            g_string_append_c(clean, ' ');
    }
    g_free(nfkd);
    char **words = g_strsplit(clean->str, " ", -1);
    g_string_free(clean, TRUE);
    GPtrArray *kept = g_ptr_array_new();
    for (char **w = words; *w != NULL; w++) {
        if (**w != '\0')
            g_ptr_array_add(kept, *w);
    }
    g_ptr_array_sort(kept, compare_strings);
    g_ptr_array_add(kept, NULL);
    char *key = g_strjoinv(" ", (char **)kept->pdata);
    g_ptr_array_free(kept, TRUE);
    g_strfreev(words);
    return key;
}

typedef struct {
    const char *raw;
    const char *file;
    int line;
    const char *kind; /* "person" or "org" */
} name_use;

/* Files `u` under `key`, once per spelling: a name used in a thousand
 * records is one entry, and the pairs compared stay few. */
static void add_variant(GHashTable *index, const char *key, name_use *u)
{
    GPtrArray *list = g_hash_table_lookup(index, key);
    if (list == NULL) {
        list = g_ptr_array_new();
        g_hash_table_insert(index, g_strdup(key), list);
    }
    for (guint i = 0; i < list->len; i++) {
        const name_use *o = g_ptr_array_index(list, i);
        if (strcmp(o->raw, u->raw) == 0 && g_strcmp0(o->kind, u->kind) == 0)
            return;
    }
    g_ptr_array_add(list, u);
}

/* Names that are the same person or organization spelled differently:
 * the same key, or keys one edit apart (found by indexing every key and
 * its one-character deletions, so no pair is compared in vain). */
static void check_names(GPtrArray *recs, diag *d)
{
    GHashTable *index = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify)g_ptr_array_unref);
    GPtrArray *uses = g_ptr_array_new_with_free_func(g_free);
    GPtrArray *keys = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < recs->len; i++) {
        rec_info *ri = g_ptr_array_index(recs, i);
        if (ri->entry == NULL)
            continue;
        for (xmlNode *p = ri->entry->children; p != NULL; p = p->next) {
            if (p->type != XML_ELEMENT_NODE || !xmlStrEqual(p->name, BAD_CAST "person"))
                continue;
            xmlNode *n = child_ns(p, CORPUS_NS, "name");
            xmlChar *raw = n != NULL ? xmlNodeGetContent(n) : NULL;
            if (raw == NULL || g_utf8_strlen((const char *)raw, -1) < 5) {
                xmlFree(raw);
                continue;
            }
            name_use *u = g_new0(name_use, 1);
            u->raw = (const char *)raw; /* freed with the corpus: kept in keys */
            g_ptr_array_add(keys, raw);
            u->file = ri->path;
            u->line = prop(p, "line") != NULL ? atoi(prop(p, "line")) : 0;
            u->kind = prop(p, "kind");
            g_ptr_array_add(uses, u);
            char *key = name_key((const char *)raw);
            add_variant(index, key, u);
            /* Deletion neighbours, for one-letter typos. */
            glong len = g_utf8_strlen(key, -1);
            if (len >= 6) {
                for (glong k = 0; k < len; k++) {
                    char *a = g_utf8_substring(key, 0, k);
                    char *b = g_utf8_substring(key, k + 1, len);
                    char *del = g_strconcat("\x01", a, b, NULL);
                    add_variant(index, del, u);
                    g_free(a);
                    g_free(b);
                    g_free(del);
                }
            }
            g_free(key);
        }
    }
    /* Report each pair of differently spelled names once. */
    GHashTable *reported = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    GHashTableIter it;
    gpointer k, v;
    g_hash_table_iter_init(&it, index);
    while (g_hash_table_iter_next(&it, &k, &v)) {
        GPtrArray *list = v;
        for (guint a = 0; a < list->len; a++) {
            for (guint b = a + 1; b < list->len; b++) {
                name_use *x = g_ptr_array_index(list, a);
                name_use *y = g_ptr_array_index(list, b);
                if (strcmp(x->raw, y->raw) == 0 || g_strcmp0(x->kind, y->kind) != 0)
                    continue;
                const char *lo = strcmp(x->raw, y->raw) < 0 ? x->raw : y->raw;
                const char *hi = lo == x->raw ? y->raw : x->raw;
                char *pair = g_strconcat(lo, "\n", hi, NULL);
                if (g_hash_table_contains(reported, pair)) {
                    g_free(pair);
                    continue;
                }
                g_hash_table_add(reported, pair);
                const char *what = g_strcmp0(y->kind, "org") == 0 ? "organization" : "person";
                diag_add(d, DIAG_WARNING, y->file, y->line, 0, "corpus-name",
                         "%s \"%s\" looks like \"%s\" in %s:%d: one %s spelled differently?",
                         what, y->raw, x->raw, x->file, x->line, what);
            }
        }
    }
    g_hash_table_destroy(reported);
    g_hash_table_destroy(index);
    g_ptr_array_free(uses, TRUE);
    g_ptr_array_set_free_func(keys, xmlFree);
    g_ptr_array_free(keys, TRUE);
}

static const xmlNode *entry_report(const rec_info *ri)
{
    return ri->entry != NULL ? child_ns(ri->entry, RECORD_NS, "report") : NULL;
}

/* Duplicate ids (an error: they would overwrite each other's reports), two
 * records of one session, symbols used twice or not matching the record. */
static void check_identity(GPtrArray *recs, diag *d)
{
    GHashTable *ids = g_hash_table_new(g_str_hash, g_str_equal);
    GHashTable *sessions = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    GHashTable *symbols = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < recs->len; i++) {
        rec_info *ri = g_ptr_array_index(recs, i);
        const xmlNode *rep = entry_report(ri);
        if (rep == NULL)
            continue;
        rec_info *first = g_hash_table_lookup(ids, ri->id);
        if (first != NULL) {
            diag_add(d, DIAG_ERROR, ri->path, ri->report_line, 0, "corpus-duplicate-id",
                     "id \"%s\" is also the id of %s; reports are named by id, so each must be "
                     "unique in a corpus",
                     ri->id, first->path);
            ri->ok = false;
        } else {
            g_hash_table_insert(ids, ri->id, ri);
        }
        const xmlNode *meeting = child_ns(rep, RECORD_NS, "meeting");
        const xmlNode *session = child_ns(rep, RECORD_NS, "session");
        const char *number = prop(session, "number");
        if (number != NULL) {
            char *key = g_strdup_printf("%s|%s|%s|%s", prop(meeting, "year"),
                                        prop(meeting, "kind") ? prop(meeting, "kind") : "global",
                                        prop(session, "type"), number);
            rec_info *other = g_hash_table_lookup(sessions, key);
            if (other != NULL)
                diag_add(d, DIAG_WARNING, ri->path, ri->report_line, 0, "corpus-duplicate-session",
                         "%s %s %s of %s is also recorded in %s: two records of one session?",
                         prop(session, "type"), "number", number, prop(meeting, "year"),
                         other->path);
            else
                g_hash_table_insert(sessions, g_strdup(key), ri);
            g_free(key);
        }
        const char *symbol = prop(rep, "symbol");
        if (symbol != NULL) {
            rec_info *other = g_hash_table_lookup(symbols, symbol);
            if (other != NULL)
                diag_add(d, DIAG_WARNING, ri->path, ri->report_line, 0, "corpus-symbol",
                         "symbol \"%s\" is also the symbol of %s", symbol, other->path);
            else
                g_hash_table_insert(symbols, (gpointer)symbol, ri);
            /* A year in the symbol must be the meeting's. */
            const char *year = prop(meeting, "year");
            for (const char *p = symbol; *p; p++) {
                if ((p == symbol || !g_ascii_isdigit(p[-1])) && g_ascii_isdigit(p[0]) &&
                    g_ascii_isdigit(p[1]) && g_ascii_isdigit(p[2]) && g_ascii_isdigit(p[3]) &&
                    !g_ascii_isdigit(p[4]) && p[0] == '2' && p[1] == '0' && year != NULL &&
                    strncmp(p, year, 4) != 0) {
                    diag_add(d, DIAG_WARNING, ri->path, ri->report_line, 0, "corpus-symbol",
                             "symbol \"%s\" names the year %.4s but the meeting is of %s", symbol,
                             p, year);
                    break;
                }
            }
        }
    }
    g_hash_table_destroy(ids);
    g_hash_table_destroy(sessions);
    g_hash_table_destroy(symbols);
}

/* ------------------------------------------------------------------ */
/* Loading and summarizing, in parallel                                */
/* ------------------------------------------------------------------ */

typedef struct {
    renderer *r;
    const char *langs;
    xmlDoc *corpus;     /* summaries are created in it: guarded by lock */
    GMutex lock;
    diag *d;
    GAsyncQueue *done;
    bool print_translations;
} scan_ctx;

static void scan_one(gpointer data, gpointer user)
{
    rec_info *ri = data;
    scan_ctx *sc = user;
    diag *mine = diag_new();
    record *rec = record_load(ri->path, mine);
    if (rec != NULL) {
        ri->ok = validate_record(renderer_validator(sc->r), rec, mine);
        g_free(ri->sha256);
        ri->sha256 = g_strdup(record_sha256(rec));
        if (ri->ok) {
            g_free(ri->id);
            ri->id = g_strdup(record_id(rec));
            ri->langs = render_languages(sc->r, rec, sc->langs);
            g_mutex_lock(&sc->lock);
            ri->entry = summarize(sc->r, rec, sc->corpus, ri->file,
                                  (const char *const *)ri->langs, mine);
            g_mutex_unlock(&sc->lock);
            if (ri->entry == NULL)
                ri->ok = false;
            else
                ri->report_line = record_node_line(record_root(rec));
        }
        /* Printed in file order once every record is scanned. */
        if (sc->print_translations)
            ri->translations = translations_report(rec, renderer_catalogs(sc->r));
        record_free(rec);
    }
    diag_merge(sc->d, mine);
    diag_free(mine);
    g_async_queue_push(sc->done, ri);
}

/* Runs fn over items with `jobs` workers, reporting progress. */
static void run_pool(GFunc fn, gpointer ctx, GPtrArray *items, int jobs, GAsyncQueue *done,
                     bool progress, const char *what)
{
    if (items->len == 0)
        return;
    GThreadPool *pool = g_thread_pool_new(fn, ctx, jobs > 0 ? jobs : 1, TRUE, NULL);
    for (guint i = 0; i < items->len; i++)
        g_thread_pool_push(pool, g_ptr_array_index(items, i), NULL);
    for (guint i = 0; i < items->len; i++) {
        g_async_queue_pop(done);
        if (progress)
            cli_progress(i + 1, items->len, what);
    }
    if (progress)
        cli_progress_end();
    g_thread_pool_free(pool, FALSE, TRUE);
}

bool corpus_check_dir(renderer *r, const char *dir, bool translations, diag *d)
{
    /* The corpus-wide checks read the records through a stylesheet. */
    if (!renderer_load_catalogs(r, d))
        return false;
    char **files = list_records(dir, d);
    if (files == NULL)
        return false;
    GPtrArray *recs = g_ptr_array_new_with_free_func(rec_free);
    for (char **f = files; *f != NULL; f++) {
        rec_info *ri = g_new0(rec_info, 1);
        ri->file = g_strdup(*f);
        ri->path = g_build_filename(dir, *f, NULL);
        g_ptr_array_add(recs, ri);
    }
    g_strfreev(files);
    xmlDoc *corpus = xmlNewDoc(BAD_CAST "1.0");
    scan_ctx sc = {r, "record", corpus, {0}, d, g_async_queue_new(), translations};
    g_mutex_init(&sc.lock);
    run_pool(scan_one, &sc, recs, (int)g_get_num_processors(), sc.done, false, NULL);
    for (guint i = 0; i < recs->len; i++) {
        const rec_info *ri = g_ptr_array_index(recs, i);
        if (ri->translations != NULL)
            fputs(ri->translations, stdout);
    }
    check_identity(recs, d);
    check_names(recs, d);
    bool ok = true;
    for (guint i = 0; i < recs->len; i++)
        ok = ok && ((rec_info *)g_ptr_array_index(recs, i))->ok;
    g_async_queue_unref(sc.done);
    g_mutex_clear(&sc.lock);
    g_ptr_array_free(recs, TRUE);
    xmlFreeDoc(corpus);
    return ok;
}

bool corpus_parse_shard(const char *spec, int *index, int *count)
{
    int k = 0, n = 0;
    char extra;
    if (sscanf(spec, "%d/%d%c", &k, &n, &extra) != 2 || n < 1 || k < 1 || k > n)
        return false;
    *index = k;
    *count = n;
    return true;
}

/* ------------------------------------------------------------------ */
/* The build                                                           */
/* ------------------------------------------------------------------ */

typedef struct {
    renderer *r;
    const corpus_options *o;
    diag *d;
    char *site;
    char *state;        /* site/.rapporteur */
    char *stage;        /* state/staging */
    char *inputs;       /* digest of what every output depends on */
    manifest *old;      /* the published manifest, or NULL */
    bool cache_current; /* state/corpus.xml already holds this corpus */
    GPtrArray *earlier; /* manifests of shards built elsewhere */
    manifest *next;     /* guarded by lock */
    GMutex lock;
    char **site_langs;
    size_t n_staged;
    bool failed;
} build;

/* A digest of every file under dir (names and bytes), for the inputs
 * fingerprint: a changed stylesheet or catalog re-renders everything. */
static void digest_tree(GChecksum *sum, const char *root, const char *rel, int depth)
{
    if (depth > 16)
        return;
    char *dir = g_build_filename(root, rel, NULL);
    GDir *gd = g_dir_open(dir, 0, NULL);
    if (gd != NULL) {
        GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
        const char *n;
        while ((n = g_dir_read_name(gd)) != NULL)
            g_ptr_array_add(names, g_strdup(n));
        g_dir_close(gd);
        g_ptr_array_sort(names, compare_strings);
        for (guint i = 0; i < names->len; i++) {
            const char *name = g_ptr_array_index(names, i);
            char *child = g_build_filename(rel, name, NULL);
            char *full = g_build_filename(root, child, NULL);
            if (g_file_test(full, G_FILE_TEST_IS_DIR)) {
                digest_tree(sum, root, child, depth + 1);
            } else {
                char *data = NULL;
                gsize len = 0;
                if (g_file_get_contents(full, &data, &len, NULL)) {
                    g_checksum_update(sum, (const guchar *)child, -1);
                    g_checksum_update(sum, (const guchar *)"\0", 1);
                    g_checksum_update(sum, (const guchar *)data, (gssize)len);
                }
                g_free(data);
            }
            g_free(full);
            g_free(child);
        }
        g_ptr_array_free(names, TRUE);
    }
    g_free(dir);
}

static char *inputs_digest(renderer *r, const corpus_options *o)
{
    GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
    g_checksum_update(sum, (const guchar *)RP_VERSION, -1);
    g_checksum_update(sum, (const guchar *)"|", 1);
    g_checksum_update(sum, (const guchar *)o->paper, -1);
    g_checksum_update(sum, (const guchar *)"|", 1);
    g_checksum_update(sum, (const guchar *)o->langs, -1);
    digest_tree(sum, transform_styles_dir(), "", 0);
    g_checksum_update(sum, (const guchar *)catalog_set_digest(renderer_catalogs(r)), -1);
    char *fonts_list = g_build_filename(renderer_data_dir(r), "fonts", "fonts.list", NULL);
    char *data = NULL;
    gsize len = 0;
    if (g_file_get_contents(fonts_list, &data, &len, NULL))
        g_checksum_update(sum, (const guchar *)data, (gssize)len);
    g_free(data);
    g_free(fonts_list);
    char *out = g_strdup(g_checksum_get_string(sum));
    g_checksum_free(sum);
    return out;
}

static char *fingerprint(const build *b, const char *what, const char *extra)
{
    char *s = g_strconcat(b->inputs, "|", what, "|", extra != NULL ? extra : "", NULL);
    char *sum = g_compute_checksum_for_string(G_CHECKSUM_SHA256, s, -1);
    g_free(s);
    return sum;
}

static int64_t mtime_of(const char *path)
{
    GStatBuf st;
    if (g_stat(path, &st) != 0)
        return -1;
    return (int64_t)st.st_mtime;
}

/* An output the previous build (or a shard) made from the same inputs,
 * still in place: it is kept, and nothing is written. */
static const manifest_entry *still_valid(build *b, const char *rel, const char *fp)
{
    const manifest_entry *e = b->old != NULL ? manifest_get(b->old, rel) : NULL;
    for (guint i = 0; (e == NULL || g_strcmp0(e->fingerprint, fp) != 0) && i < b->earlier->len; i++)
        e = manifest_get(g_ptr_array_index(b->earlier, i), rel);
    if (e == NULL || g_strcmp0(e->fingerprint, fp) != 0)
        return NULL;
    char *full = g_build_filename(b->site, rel, NULL);
    GStatBuf st;
    bool same = g_stat(full, &st) == 0 && (uint64_t)st.st_size == e->size;
    if (same && (int64_t)st.st_mtime != e->mtime) {
        /* Touched, copied, or known only from the public manifest: the
         * bytes decide. */
        char *sha = NULL;
        uint64_t size = 0;
        same = manifest_hash_file(full, &sha, &size) && g_strcmp0(sha, e->sha256) == 0;
        g_free(sha);
    }
    g_free(full);
    return same ? e : NULL;
}

/* The fingerprint left beside a staged file, so that an interrupted build's
 * work is reused. */
static char *staged_fp_path(const build *b, const char *rel)
{
    char *p = g_build_filename(b->stage, rel, NULL);
    char *fp = g_strconcat(p, ".fp", NULL);
    g_free(p);
    return fp;
}

static bool staged_matches(const build *b, const char *rel, const char *fp)
{
    char *fpp = staged_fp_path(b, rel);
    char *have = NULL;
    bool ok = g_file_get_contents(fpp, &have, NULL, NULL) && strcmp(g_strstrip(have), fp) == 0;
    char *file = g_build_filename(b->stage, rel, NULL);
    ok = ok && g_file_test(file, G_FILE_TEST_IS_REGULAR);
    g_free(file);
    g_free(have);
    g_free(fpp);
    return ok;
}

/* Records a staged file in the next manifest. */
static bool note_staged(build *b, const char *rel, const char *fp, const char *record_file,
                        const char *record_sha, const char *lang, diag *d)
{
    char *file = g_build_filename(b->stage, rel, NULL);
    manifest_entry e = {0};
    bool ok = manifest_hash_file(file, &e.sha256, &e.size);
    if (!ok) {
        diag_add(d, DIAG_ERROR, NULL, 0, 0, "output", "cannot read back %s", file);
    } else {
        char *fpp = staged_fp_path(b, rel);
        ok = outfile_save(fpp, fp, strlen(fp), d);
        g_free(fpp);
        e.path = (char *)rel;
        e.record = (char *)record_file;
        e.record_sha256 = (char *)record_sha;
        e.lang = (char *)lang;
        e.fingerprint = (char *)fp;
        g_mutex_lock(&b->lock);
        manifest_put(b->next, &e);
        b->n_staged++;
        g_mutex_unlock(&b->lock);
    }
    g_free(e.sha256);
    g_free(file);
    return ok;
}

static bool ensure_parent(const char *path, diag *d)
{
    char *dir = g_path_get_dirname(path);
    bool ok = outfile_mkdirs(dir, d);
    g_free(dir);
    return ok;
}

/* ------------------------------------------------------------------ */
/* Rendering reports                                                   */
/* ------------------------------------------------------------------ */

typedef struct {
    rec_info *rec;
    GPtrArray *outputs; /* of output_job* */
} record_job;

typedef struct {
    char *rel;
    char *fp;
    char *lang;
    unsigned format;
} output_job;

static void output_job_free(gpointer p)
{
    output_job *o = p;
    g_free(o->rel);
    g_free(o->fp);
    g_free(o->lang);
    g_free(o);
}

typedef struct {
    build *b;
    GAsyncQueue *done;
} render_ctx;

static bool has_lang(char **langs, const char *lang)
{
    return langs != NULL && g_strv_contains((const char *const *)langs, lang);
}

/* Whether a failed render was the record's fault (its errors all point
 * into it, such as a character no font has) rather than the machine's (an
 * output that cannot be written). */
static bool blames_the_record(diag *d)
{
    bool any = false;
    for (size_t i = 0; i < diag_length(d); i++) {
        const diag_entry *e = diag_get(d, i);
        if (e->severity != DIAG_ERROR)
            continue;
        if (e->file == NULL || e->line == 0 || diag_entry_is_environment(e))
            return false;
        any = true;
    }
    return any;
}

static void render_record_job(gpointer data, gpointer user)
{
    record_job *job = data;
    render_ctx *rc = user;
    build *b = rc->b;
    diag *mine = diag_new();
    record *rec = record_load(job->rec->path, mine);
    /* The record was validated when scanned; it must still be that file. */
    bool ok = rec != NULL && strcmp(record_sha256(rec), job->rec->sha256) == 0;
    if (rec != NULL && !ok)
        diag_add(mine, DIAG_ERROR, job->rec->path, 0, 0, NULL,
                 "the record changed during the build; run archive again");
    if (ok) {
        for (guint i = 0; i < job->outputs->len; i++) {
            output_job *oj = g_ptr_array_index(job->outputs, i);
            char *path = g_build_filename(b->stage, oj->rel, NULL);
            const char *index_lang = has_lang(b->site_langs, oj->lang) ? oj->lang
                                                                       : b->site_langs[0];
            char *index_href = g_strdup_printf("../index.%s.html", index_lang);
            render_options ro = {oj->format, b->o->langs, b->stage, b->o->paper, index_href,
                                 "../site.css"};
            bool done = ensure_parent(path, mine) &&
                        render_one(b->r, rec, oj->lang, (const char *const *)job->rec->langs,
                                   oj->format, &ro, path, mine) &&
                        note_staged(b, oj->rel, oj->fp, job->rec->file, job->rec->sha256, oj->lang,
                                    mine);
            if (!done && blames_the_record(mine))
                job->rec->unrenderable = true;
            else if (!done)
                b->failed = true;
            g_free(index_href);
            g_free(path);
        }
    } else {
        b->failed = true;
    }
    record_free(rec);
    diag_merge(b->d, mine);
    diag_free(mine);
    g_async_queue_push(rc->done, job);
}

/* Takes the records that could not be rendered out of the site: their
 * entries leave the corpus (so no index links to them) and their outputs
 * the next manifest. Returns how many there were. */
static size_t drop_unrenderable(build *b, GPtrArray *jobs, diag *d)
{
    size_t n = 0;
    for (guint i = 0; i < jobs->len; i++) {
        record_job *job = g_ptr_array_index(jobs, i);
        rec_info *ri = job->rec;
        if (!ri->unrenderable)
            continue;
        n++;
        ri->ok = false;
        if (ri->entry != NULL) {
            xmlUnlinkNode(ri->entry);
            xmlFreeNode(ri->entry);
            ri->entry = NULL;
        }
        /* Every report of it, also those staged by an earlier build. */
        for (char **l = ri->langs; l != NULL && *l != NULL; l++) {
            static const char *const exts[] = {"html", "pdf"};
            for (size_t f = 0; f < G_N_ELEMENTS(exts); f++) {
                char *rel = g_strdup_printf("reports/%s.%s.%s", ri->id, *l, exts[f]);
                manifest_remove(b->next, rel);
                g_free(rel);
            }
        }
    }
    if (n > 0)
        diag_add(d, DIAG_NOTE, NULL, 0, 0, NULL, "%zu %s could not be rendered%s", n,
                 n == 1 ? "record" : "records",
                 b->o->keep_going ? "; the others are published" : "; nothing was published");
    return n;
}

/* ------------------------------------------------------------------ */
/* Index pages, statistics                                             */
/* ------------------------------------------------------------------ */

/* Writes a page into the staging area, unless the site already has these
 * exact bytes (then the published entry is kept: nothing is written). */
static bool stage_bytes(build *b, const char *rel, const char *data, size_t len, const char *fp,
                        const char *lang, diag *d)
{
    char *published = g_build_filename(b->site, rel, NULL);
    char *old = NULL;
    gsize old_len = 0;
    bool same = g_file_get_contents(published, &old, &old_len, NULL) && old_len == len &&
                memcmp(old, data, len) == 0;
    g_free(old);
    bool ok = true;
    if (same) {
        manifest_entry e = {0};
        e.path = (char *)rel;
        e.sha256 = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)data, len);
        e.size = len;
        e.lang = (char *)lang;
        e.fingerprint = (char *)fp;
        e.mtime = mtime_of(published);
        g_mutex_lock(&b->lock);
        manifest_put(b->next, &e);
        g_mutex_unlock(&b->lock);
        g_free(e.sha256);
    } else {
        char *path = g_build_filename(b->stage, rel, NULL);
        ok = ensure_parent(path, d) && outfile_save(path, data, len, d) &&
             note_staged(b, rel, fp, NULL, NULL, lang, d);
        g_free(path);
    }
    g_free(published);
    return ok;
}

static bool stage_html(build *b, xmlDoc *result, const char *rel, const char *fp,
                       const char *lang, diag *d)
{
    size_t len = 0;
    char *bytes = html_serialize(result, &len);
    bool ok = stage_bytes(b, rel, bytes, len, fp, lang, d);
    g_free(bytes);
    return ok;
}

/* One page of index.xsl in one language. */
static bool make_page(build *b, xmlDoc *corpus, const char *page, const char *key,
                      const char *dir, const char *lang, const char *fp, diag *d)
{
    char *langs = g_strjoinv(" ", b->site_langs);
    const char *params[] = {"page", page, "key", key != NULL ? key : "",
                            "root", dir != NULL ? "../" : "", "site-languages", langs, NULL};
    xmlDoc *res = transform_apply(renderer_transformer(b->r), "archive", "index.xsl", corpus,
                                  "corpus", lang, params, d);
    g_free(langs);
    if (res == NULL)
        return false;
    char *name = strcmp(page, "home") == 0 ? g_strdup("index.html")
                 : key != NULL               ? g_strdup_printf("%s/%s.%s.html", dir, key, lang)
                                             : g_strdup_printf("%s.%s.html", page, lang);
    bool ok = stage_html(b, res, name, fp, strcmp(page, "home") == 0 ? NULL : lang, d);
    g_free(name);
    xmlFreeDoc(res);
    return ok;
}

static bool make_site_css(build *b, const char *fp, diag *d)
{
    char *report_css = g_build_filename(transform_styles_dir(), "html", "report.css", NULL);
    char *site_css = g_build_filename(transform_styles_dir(), "archive", "site.css", NULL);
    char *a = NULL, *c = NULL;
    gsize la = 0, lc = 0;
    bool ok = g_file_get_contents(report_css, &a, &la, NULL) &&
              g_file_get_contents(site_css, &c, &lc, NULL);
    if (ok) {
        GString *css = g_string_new_len(a, (gssize)la);
        g_string_append_len(css, c, (gssize)lc);
        ok = stage_bytes(b, "site.css", css->str, css->len, fp, NULL, d);
        g_string_free(css, TRUE);
    } else {
        diag_add(d, DIAG_ERROR, NULL, 0, 0, NULL, "cannot read the site's stylesheets");
    }
    g_free(a);
    g_free(c);
    g_free(report_css);
    g_free(site_css);
    return ok;
}

/* The pages of one kind (the index, or the pages of a facet: year, type,
 * theme, stakeholder) in one language, from one transformation of
 * index.xsl (page=pages): each <page path="..."> of the result is a page
 * of the site. */
static bool make_facet_pages(build *b, xmlDoc *corpus, const char *kind, const char *lang,
                             const char *fp, diag *d)
{
    char *langs = g_strjoinv(" ", b->site_langs);
    const char *params[] = {"page", "pages", "key", kind, "site-languages", langs, NULL};
    xmlDoc *res = transform_apply(renderer_transformer(b->r), "archive", "index.xsl", corpus,
                                  "corpus", lang, params, d);
    g_free(langs);
    if (res == NULL)
        return false;
    bool ok = true;
    xmlNode *root = xmlDocGetRootElement(res);
    for (xmlNode *pg = root != NULL ? root->children : NULL; pg != NULL && ok; pg = pg->next) {
        if (pg->type != XML_ELEMENT_NODE || !xmlStrEqual(pg->name, BAD_CAST "page"))
            continue;
        const char *rel = prop(pg, "path");
        xmlNode *html = pg->children;
        while (html != NULL && html->type != XML_ELEMENT_NODE)
            html = html->next;
        /* Paths come from facet keys, which come from records. */
        if (rel == NULL || html == NULL || !manifest_path_is_safe(rel)) {
            diag_add(d, DIAG_ERROR, NULL, 0, 0, NULL, "index.xsl made a page without a safe path");
            ok = false;
            break;
        }
        size_t len = 0;
        char *bytes = html_serialize_element(res, html, &len);
        ok = stage_bytes(b, rel, bytes, len, fp, lang, d);
        g_free(bytes);
    }
    xmlFreeDoc(res);
    return ok;
}

/* The statistics of one language, as a page and as a PDF through the
 * reports' typesetter. */
static bool make_stats(build *b, xmlDoc *corpus, const char *lang, const char *fp, diag *d)
{
    if (!make_page(b, corpus, "stats", NULL, NULL, lang, fp, d))
        return false;
    const char *params[] = {"paper", b->o->paper, NULL};
    xmlDoc *ldoc = transform_apply(renderer_transformer(b->r), "archive", "stats-layout.xsl",
                                   corpus, "corpus", lang, params, d);
    if (ldoc == NULL)
        return false;
    char *rel = g_strdup_printf("stats.%s.pdf", lang);
    char *path = g_build_filename(b->stage, rel, NULL);
    report_pdf *pdf = renderer_pdf(b->r, d);
    bool ok = pdf != NULL && report_pdf_render_layout(pdf, ldoc, "corpus statistics", path, d) &&
              note_staged(b, rel, fp, NULL, NULL, lang, d);
    g_free(path);
    g_free(rel);
    xmlFreeDoc(ldoc);
    return ok;
}

typedef struct {
    build *b;
    xmlDoc *corpus; /* slim_corpus()'s */
    const char *fp;
    diag *d;
    GAsyncQueue *done;
    bool failed;
} index_ctx;

/* A copy of the corpus with what the pages need: the statistics, and per
 * entry its facets and the report's meeting and session (the people, most
 * of the bytes, served the statistics, computed by now). Each worker
 * copies it, so it is worth keeping small. */
static void copy_children_except_people(xmlNode *from, xmlNode *to, xmlDoc *doc)
{
    for (xmlNode *c = from->children; c != NULL; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || xmlStrEqual(c->name, BAD_CAST "person"))
            continue;
        if (xmlStrEqual(c->name, BAD_CAST "report")) {
            xmlNode *report = xmlDocCopyNode(c, doc, 2);
            xmlAddChild(to, report);
            for (xmlNode *k = c->children; k != NULL; k = k->next) {
                if (k->type == XML_ELEMENT_NODE && (xmlStrEqual(k->name, BAD_CAST "meeting") ||
                                                    xmlStrEqual(k->name, BAD_CAST "session")))
                    xmlAddChild(report, xmlDocCopyNode(k, doc, 1));
            }
        } else {
            xmlAddChild(to, xmlDocCopyNode(c, doc, 1));
        }
    }
}

static xmlDoc *slim_corpus(xmlDoc *corpus)
{
    xmlDoc *slim = xmlNewDoc(BAD_CAST "1.0");
    xmlNode *root = xmlDocGetRootElement(corpus);
    xmlNode *to = xmlDocCopyNode(root, slim, 2);
    xmlDocSetRootElement(slim, to);
    for (xmlNode *e = root->children; e != NULL; e = e->next) {
        if (e->type != XML_ELEMENT_NODE)
            continue;
        if (xmlStrEqual(e->name, BAD_CAST "entry")) {
            xmlNode *entry = xmlDocCopyNode(e, slim, 2);
            xmlAddChild(to, entry);
            copy_children_except_people(e, entry, slim);
        } else {
            xmlAddChild(to, xmlDocCopyNode(e, slim, 1));
        }
    }
    return slim;
}

/* A worker's share: one language's pages and statistics. libxslt writes
 * into the document it transforms (the order of its nodes), so each
 * worker has its own copy of the corpus. */
static void index_job(gpointer data, gpointer user)
{
    const char *lang = data;
    index_ctx *ic = user;
    diag *mine = diag_new();
    xmlDoc *copy = xmlCopyDoc(ic->corpus, 1);
    /* A kind at a time: each result holds fewer pages. */
    static const char *const kinds[] = {"index", "year", "type", "theme", "stakeholder"};
    bool ok = copy != NULL;
    for (size_t k = 0; k < G_N_ELEMENTS(kinds) && ok; k++)
        ok = make_facet_pages(ic->b, copy, kinds[k], lang, ic->fp, mine);
    ok = ok && make_stats(ic->b, copy, lang, ic->fp, mine);
    xmlFreeDoc(copy);
    if (!ok)
        ic->failed = true;
    diag_merge(ic->d, mine);
    diag_free(mine);
    g_async_queue_push(ic->done, data);
}

static bool make_stats_csv(build *b, xmlDoc *corpus, const char *fp, diag *d)
{
    transformer *t = renderer_transformer(b->r);
    xmlDoc *csv = transform_apply(t, "archive", "stats-csv.xsl", corpus, "corpus", "en", NULL, d);
    if (csv == NULL)
        return false;
    size_t len = 0;
    char *text = transform_serialize(t, "archive", "stats-csv.xsl", csv, &len);
    bool ok = stage_bytes(b, "stats.csv", text, len, fp, NULL, d);
    g_free(text);
    xmlFreeDoc(csv);
    return ok;
}

/* The indexes, per-facet pages, statistics (HTML, PDF, CSV) and site.css;
 * the languages in parallel. */
static bool make_indexes(build *b, xmlDoc *corpus, const char *fp, diag *d)
{
    transformer *t = renderer_transformer(b->r);
    /* The statistics are computed once, into the corpus document. */
    xmlDoc *stats = transform_apply(t, "archive", "stats-data.xsl", corpus, "corpus", "en", NULL,
                                    d);
    if (stats == NULL)
        return false;
    xmlAddChild(xmlDocGetRootElement(corpus),
                xmlDocCopyNode(xmlDocGetRootElement(stats), corpus, 1));
    xmlFreeDoc(stats);

    bool ok = make_site_css(b, fp, d) &&
              make_page(b, corpus, "home", NULL, NULL, b->site_langs[0], fp, d) &&
              make_stats_csv(b, corpus, fp, d);
    if (!ok)
        return false;
    index_ctx ic = {b, slim_corpus(corpus), fp, d, g_async_queue_new(), false};
    GPtrArray *langs = g_ptr_array_new();
    for (char **l = b->site_langs; *l != NULL; l++)
        g_ptr_array_add(langs, *l);
    run_pool(index_job, &ic, langs, b->o->jobs, ic.done, b->o->progress, "writing indexes");
    g_ptr_array_free(langs, TRUE);
    g_async_queue_unref(ic.done);
    xmlFreeDoc(ic.corpus);
    return !ic.failed;
}

/* ------------------------------------------------------------------ */
/* Publishing                                                          */
/* ------------------------------------------------------------------ */

/* Moves every staged file into the site (renames: each file switches at
 * once), removes what is no longer published, then installs the manifest.
 * commit.json, written first, lets the next build finish an interrupted
 * publication, and lets verify accept its files meanwhile. */
static bool publish(build *b, const char *manifest_name, diag *d)
{
    char *commit = g_build_filename(b->state, "commit.json", NULL);
    char *final = g_build_filename(b->site, manifest_name, NULL);
    size_t len = 0;
    char *json = manifest_to_json(b->next, true, &len);
    /* Staged files reach the disk before anything points at them. */
    outfile_sync_all(b->stage);
    outfile_set_durable(true);
    bool ok = outfile_save(commit, json, len, d);
    GPtrArray *entries = manifest_entries(b->next);
    for (guint i = 0; i < entries->len && ok; i++) {
        manifest_entry *e = g_ptr_array_index(entries, i);
        char *from = g_build_filename(b->stage, e->path, NULL);
        if (!g_file_test(from, G_FILE_TEST_EXISTS)) {
            g_free(from);
            continue;
        }
        char *to = g_build_filename(b->site, e->path, NULL);
        if (!ensure_parent(to, d) || g_rename(from, to) != 0) {
            int err = errno;
            diag_add(d, DIAG_ERROR, NULL, 0, 0, "output", "cannot publish %s: %s", to,
                     g_strerror(err));
            ok = false;
        } else {
            e->mtime = mtime_of(to);
            char *fpp = staged_fp_path(b, e->path);
            g_unlink(fpp);
            g_free(fpp);
        }
        g_free(to);
        g_free(from);
    }
    /* What the previous build published and this one does not. */
    if (ok && b->old != NULL && manifest_name[0] == 'm') {
        GPtrArray *old = manifest_entries(b->old);
        for (guint i = 0; i < old->len; i++) {
            const manifest_entry *e = g_ptr_array_index(old, i);
            if (manifest_get(b->next, e->path) == NULL && manifest_path_is_safe(e->path)) {
                char *gone = g_build_filename(b->site, e->path, NULL);
                g_unlink(gone);
                g_free(gone);
            }
        }
    }
    if (ok) {
        g_free(json);
        bool public = manifest_name[0] == 'm';
        json = manifest_to_json(b->next, !public, &len);
        ok = outfile_save(final, json, len, d);
        if (ok && public) {
            /* The private copy, with the final mtimes, for the next build. */
            g_free(json);
            json = manifest_to_json(b->next, true, &len);
            char *private = g_build_filename(b->state, "manifest.json", NULL);
            ok = outfile_save(private, json, len, d);
            g_free(private);
        }
        if (ok)
            g_unlink(commit);
    }
    g_free(json);
    g_free(final);
    g_free(commit);
    return ok;
}

/* What the previous build published: its private copy (with mtimes), or
 * the public manifest of a site copied without its state. */
static manifest *read_previous_manifest(const build *b, diag *d)
{
    char *path = g_build_filename(b->state, "manifest.json", NULL);
    manifest *m = manifest_read(path, d);
    g_free(path);
    if (m == NULL) {
        path = g_build_filename(b->site, "manifest.json", NULL);
        m = manifest_read(path, d);
        g_free(path);
    }
    return m;
}

/* Removes the temporary files (OUTFILE_TMP_PREFIX) that a killed build
 * left anywhere in the site: they were never published. */
static void remove_temporaries(const char *dir, int depth)
{
    GDir *gd = depth < 64 ? g_dir_open(dir, 0, NULL) : NULL;
    if (gd == NULL)
        return;
    const char *name;
    while ((name = g_dir_read_name(gd)) != NULL) {
        char *path = g_build_filename(dir, name, NULL);
        bool is_dir = g_file_test(path, G_FILE_TEST_IS_DIR) &&
                      !g_file_test(path, G_FILE_TEST_IS_SYMLINK);
        if (g_str_has_prefix(name, OUTFILE_TMP_PREFIX) && !is_dir)
            g_unlink(path);
        else if (is_dir)
            remove_temporaries(path, depth + 1);
        g_free(path);
    }
    g_dir_close(gd);
}

/* An earlier build stopped while publishing: finish it (roll forward). */
static void finish_interrupted(build *b, diag *d)
{
    char *commit = g_build_filename(b->state, "commit.json", NULL);
    manifest *pending = manifest_read(commit, d);
    if (pending != NULL) {
        manifest *saved = b->next;
        b->next = pending;
        publish(b, "manifest.json", d);
        b->next = saved;
        manifest_free(b->old);
        b->old = read_previous_manifest(b, d);
        manifest_free(pending);
    }
    g_free(commit);
}

/* ------------------------------------------------------------------ */
/* The cache of summaries                                              */
/* ------------------------------------------------------------------ */

/* state/corpus.xml holds the previous build's corpus document: a record
 * whose bytes did not change is not parsed or validated again. Valid only
 * for the same inputs (generator, styles, catalogs). */
static xmlDoc *load_cache(const build *b)
{
    char *path = g_build_filename(b->state, "corpus.xml", NULL);
    xmlDoc *doc = NULL;
    char *data = NULL;
    gsize len = 0;
    /* Read, then parsed from memory: the safe entity loader (transform.c)
     * refuses files outside the styles, the site's state included. */
    if (g_file_get_contents(path, &data, &len, NULL) && len < G_MAXINT) {
        diag *ignored = diag_new();
        diag_capture_begin(ignored, path);
        doc = xmlReadMemory(data, (int)len, path, NULL, XML_PARSE_NONET | XML_PARSE_BIG_LINES);
        diag_capture_end();
        diag_free(ignored);
        xmlNode *root = doc != NULL ? xmlDocGetRootElement(doc) : NULL;
        if (root == NULL || g_strcmp0(prop(root, "inputs"), b->inputs) != 0) {
            xmlFreeDoc(doc);
            doc = NULL;
        }
    }
    g_free(data);
    g_free(path);
    return doc;
}

static bool save_cache(const build *b, xmlDoc *corpus, diag *d)
{
    if (b->cache_current)
        return true;
    xmlNode *root = xmlDocGetRootElement(corpus);
    xmlSetProp(root, BAD_CAST "inputs", BAD_CAST b->inputs);
    /* The statistics are recomputed each time: not cached. */
    for (xmlNode *c = root->children; c != NULL;) {
        xmlNode *next = c->next;
        if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, BAD_CAST "stats")) {
            xmlUnlinkNode(c);
            xmlFreeNode(c);
        }
        c = next;
    }
    xmlChar *buf = NULL;
    int len = 0;
    xmlDocDumpMemoryEnc(corpus, &buf, &len, "UTF-8");
    char *path = g_build_filename(b->state, "corpus.xml", NULL);
    char *old = NULL;
    gsize old_len = 0;
    bool same = g_file_get_contents(path, &old, &old_len, NULL) && old_len == (gsize)len &&
                memcmp(old, buf, (size_t)len) == 0;
    bool ok = same || outfile_save(path, buf, (size_t)len, d);
    g_free(old);
    g_free(path);
    xmlFree(buf);
    return ok;
}

/* ------------------------------------------------------------------ */
/* corpus_build                                                        */
/* ------------------------------------------------------------------ */

static unsigned shard_of(const char *id, int count)
{
    /* FNV-1a: a record stays in its shard when others come and go. */
    guint32 h = 2166136261u;
    for (const unsigned char *p = (const unsigned char *)id; *p; p++) {
        h ^= *p;
        h *= 16777619u;
    }
    return h % (guint32)count;
}

/* The site's languages: every rendered language that has a catalog, and
 * English, sorted. */
static char **site_languages(renderer *r, GPtrArray *recs)
{
    GPtrArray *langs = g_ptr_array_new();
    g_ptr_array_add(langs, g_strdup(CATALOG_BASE_LANG));
    for (guint i = 0; i < recs->len; i++) {
        rec_info *ri = g_ptr_array_index(recs, i);
        for (char **l = ri->ok ? ri->langs : NULL; l != NULL && *l != NULL; l++) {
            const char *ui = catalog_resolve(renderer_catalogs(r), *l);
            if (ui == NULL || strcmp(ui, *l) != 0)
                continue;
            bool dup = false;
            for (guint k = 0; k < langs->len && !dup; k++)
                dup = strcmp(g_ptr_array_index(langs, k), *l) == 0;
            if (!dup)
                g_ptr_array_add(langs, g_strdup(*l));
        }
    }
    g_ptr_array_sort(langs, compare_strings);
    g_ptr_array_add(langs, NULL);
    return (char **)g_ptr_array_free(langs, FALSE);
}

/* Every record: from the cache when its bytes are unchanged, else loaded,
 * validated and summarized by the workers. */
static void scan_records(build *b, const char *dir, char **files, xmlDoc *corpus, GPtrArray *recs)
{
    xmlDoc *cache = load_cache(b);
    GHashTable *cached = g_hash_table_new(g_str_hash, g_str_equal);
    xmlNode *croot = cache != NULL ? xmlDocGetRootElement(cache) : NULL;
    for (xmlNode *e = croot != NULL ? croot->children : NULL; e != NULL; e = e->next) {
        if (e->type == XML_ELEMENT_NODE && prop(e, "file") != NULL)
            g_hash_table_insert(cached, (gpointer)prop(e, "file"), e);
    }
    guint n_cached = 0;
    GPtrArray *todo = g_ptr_array_new();
    for (char **f = files; *f != NULL; f++) {
        rec_info *ri = g_new0(rec_info, 1);
        ri->file = g_strdup(*f);
        ri->path = g_build_filename(dir, *f, NULL);
        g_ptr_array_add(recs, ri);
        xmlNode *e = g_hash_table_lookup(cached, *f);
        char *data = NULL;
        gsize len = 0;
        GStatBuf st;
        /* Sized first: a record grown past the limit is not read whole
         * just to be refused later. */
        if (e != NULL && g_stat(ri->path, &st) == 0 && st.st_size <= RECORD_MAX_BYTES &&
            g_file_get_contents(ri->path, &data, &len, NULL)) {
            ri->sha256 = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (guchar *)data, len);
            const xmlNode *rep = child_ns(e, RECORD_NS, "report");
            const char *langs = prop(e, "langs");
            if (strcmp(ri->sha256, prop(e, "sha256") != NULL ? prop(e, "sha256") : "") == 0 &&
                rep != NULL && langs != NULL) {
                ri->entry = xmlDocCopyNode(e, corpus, 1);
                ri->id = g_strdup(prop(rep, "id"));
                ri->langs = g_strsplit(langs, " ", -1);
                xmlNode *where = child_ns(e, CORPUS_NS, "where");
                ri->report_line = where != NULL && prop(where, "report") ? atoi(prop(where, "report")) : 0;
                ri->ok = ri->id != NULL;
                ri->cached = ri->ok;
            }
        }
        g_free(data);
        if (!ri->cached)
            g_ptr_array_add(todo, ri);
        else
            n_cached++;
    }
    b->cache_current = todo->len == 0 && n_cached == g_hash_table_size(cached);
    g_hash_table_destroy(cached);
    xmlFreeDoc(cache);
    scan_ctx sc = {b->r, b->o->langs, corpus, {0}, b->d, g_async_queue_new(), false};
    g_mutex_init(&sc.lock);
    run_pool(scan_one, &sc, todo, b->o->jobs, sc.done, b->o->progress, "checking records");
    g_async_queue_unref(sc.done);
    g_mutex_clear(&sc.lock);
    g_ptr_array_free(todo, TRUE);
}

/* What to render: every output whose inputs changed. */
static GPtrArray *plan(build *b, GPtrArray *recs)
{
    GPtrArray *jobs = g_ptr_array_new();
    static const struct {
        unsigned format;
        const char *ext;
    } formats[] = {{RENDER_HTML, "html"}, {RENDER_PDF, "pdf"}};
    char *site_langs = g_strjoinv(" ", b->site_langs);
    for (guint i = 0; i < recs->len; i++) {
        rec_info *ri = g_ptr_array_index(recs, i);
        if (!ri->ok)
            continue;
        if (b->o->shard_count > 0 &&
            shard_of(ri->id, b->o->shard_count) != (unsigned)(b->o->shard_index - 1))
            continue;
        record_job *job = NULL;
        char *langs = g_strjoinv(" ", ri->langs);
        for (char **l = ri->langs; *l != NULL; l++) {
            for (size_t f = 0; f < G_N_ELEMENTS(formats); f++) {
                char *rel = g_strdup_printf("reports/%s.%s.%s", ri->id, *l, formats[f].ext);
                char *what = g_strdup_printf("%s|%s|%s|%s|%s", ri->sha256, *l, formats[f].ext,
                                             langs, site_langs);
                char *fp = fingerprint(b, "report", what);
                const manifest_entry *keep = still_valid(b, rel, fp);
                if (keep != NULL) {
                    manifest_put(b->next, keep);
                } else if (staged_matches(b, rel, fp)) {
                    note_staged(b, rel, fp, ri->file, ri->sha256, *l, b->d);
                } else {
                    if (job == NULL) {
                        job = g_new0(record_job, 1);
                        job->rec = ri;
                        job->outputs = g_ptr_array_new_with_free_func(output_job_free);
                        g_ptr_array_add(jobs, job);
                    }
                    output_job *oj = g_new0(output_job, 1);
                    oj->rel = g_strdup(rel);
                    oj->fp = g_strdup(fp);
                    oj->lang = g_strdup(*l);
                    oj->format = formats[f].format;
                    g_ptr_array_add(job->outputs, oj);
                }
                g_free(fp);
                g_free(what);
                g_free(rel);
            }
        }
        g_free(langs);
    }
    g_free(site_langs);
    return jobs;
}

/* The fingerprint of the index pages: the inputs, the site's languages and
 * every published record's id, bytes and languages. */
static char *index_fingerprint(build *b, GPtrArray *recs)
{
    GString *s = g_string_new(NULL);
    for (char **l = b->site_langs; *l != NULL; l++)
        g_string_append_printf(s, "%s ", *l);
    for (guint i = 0; i < recs->len; i++) {
        rec_info *ri = g_ptr_array_index(recs, i);
        if (!ri->ok)
            continue;
        char *langs = g_strjoinv(" ", ri->langs);
        g_string_append_printf(s, "\n%s %s %s", ri->id, ri->sha256, langs);
        g_free(langs);
    }
    char *fp = fingerprint(b, "index", s->str);
    g_string_free(s, TRUE);
    return fp;
}

/* Keeps the previous build's index pages if their fingerprint is current
 * and they are all still in place. */
static bool keep_indexes(build *b, const char *fp)
{
    if (b->old == NULL)
        return false;
    GPtrArray *old = manifest_entries(b->old);
    GPtrArray *kept = g_ptr_array_new();
    bool all = false;
    for (guint i = 0; i < old->len; i++) {
        const manifest_entry *e = g_ptr_array_index(old, i);
        if (e->record != NULL)
            continue;
        if (g_strcmp0(e->fingerprint, fp) != 0 || still_valid(b, e->path, fp) == NULL) {
            g_ptr_array_free(kept, TRUE);
            return false;
        }
        g_ptr_array_add(kept, (gpointer)e);
        all = true;
    }
    for (guint i = 0; i < kept->len; i++)
        manifest_put(b->next, g_ptr_array_index(kept, i));
    g_ptr_array_free(kept, TRUE);
    return all;
}

static void free_jobs(GPtrArray *jobs)
{
    for (guint i = 0; i < jobs->len; i++) {
        record_job *j = g_ptr_array_index(jobs, i);
        g_ptr_array_free(j->outputs, TRUE);
        g_free(j);
    }
    g_ptr_array_free(jobs, TRUE);
}

static bool manifests_equal(const manifest *a, const manifest *b)
{
    if (a == NULL || b == NULL)
        return false;
    size_t la = 0, lb = 0;
    char *ja = manifest_to_json(a, true, &la);
    char *jb = manifest_to_json(b, true, &lb);
    bool same = la == lb && memcmp(ja, jb, la) == 0;
    g_free(ja);
    g_free(jb);
    return same;
}

/* Manifests of shards rendered elsewhere and gathered into this site. */
static GPtrArray *read_shard_manifests(const build *b)
{
    GPtrArray *out = g_ptr_array_new_with_free_func((GDestroyNotify)manifest_free);
    char *dir = g_build_filename(b->state, "shards", NULL);
    GDir *gd = g_dir_open(dir, 0, NULL);
    if (gd != NULL) {
        const char *name;
        while ((name = g_dir_read_name(gd)) != NULL) {
            if (!g_str_has_suffix(name, ".json"))
                continue;
            char *path = g_build_filename(dir, name, NULL);
            manifest *m = manifest_read(path, b->d);
            if (m != NULL)
                g_ptr_array_add(out, m);
            g_free(path);
        }
        g_dir_close(gd);
    }
    g_free(dir);
    return out;
}

corpus_result corpus_build(renderer *r, const char *dir, const corpus_options *o, diag *d)
{
    corpus_result result = CORPUS_OK;
    build b = {0};
    b.r = r;
    b.o = o;
    b.d = d;
    b.site = g_strdup(o->site);
    b.state = g_build_filename(o->site, CORPUS_STATE_DIR, NULL);
    b.stage = g_build_filename(b.state, "staging", NULL);
    g_mutex_init(&b.lock);
    GPtrArray *recs = g_ptr_array_new_with_free_func(rec_free);
    GPtrArray *jobs = NULL;
    xmlDoc *corpus = NULL;
    char *index_fp = NULL;
    report_pdf *pdf = NULL; /* when its text is set by typesetter processes */
    char **files = list_records(dir, d);
    if (files == NULL || !outfile_mkdirs(b.stage, d)) {
        result = CORPUS_ENVIRONMENT;
        goto out;
    }
    /* Files are flushed once, before publishing, not one by one. */
    outfile_set_durable(false);
    b.inputs = inputs_digest(r, o);
    b.next = manifest_new("rapporteur " RP_VERSION);
    b.old = read_previous_manifest(&b, d);
    b.earlier = o->shard_count > 0 ? g_ptr_array_new() : read_shard_manifests(&b);
    remove_temporaries(b.site, 0);
    finish_interrupted(&b, d);

    corpus = xmlNewDoc(BAD_CAST "1.0");
    xmlNode *root = xmlNewDocNode(corpus, NULL, BAD_CAST "corpus", NULL);
    xmlSetNs(root, xmlNewNs(root, BAD_CAST CORPUS_NS, BAD_CAST "c"));
    xmlDocSetRootElement(corpus, root);
    scan_records(&b, dir, files, corpus, recs);
    /* Two records with one id would write the same files: an error. The
     * names spelled differently are `check DIR`'s business (warnings). */
    check_identity(recs, d);
    size_t n_bad = 0;
    for (guint i = 0; i < recs->len; i++) {
        rec_info *ri = g_ptr_array_index(recs, i);
        if (!ri->ok)
            n_bad++;
        else if (ri->entry != NULL)
            xmlAddChild(root, ri->entry);
        if (!ri->ok && ri->entry != NULL) {
            xmlFreeNode(ri->entry);
            ri->entry = NULL;
        }
    }
    if (n_bad > 0) {
        diag_add(d, DIAG_NOTE, NULL, 0, 0, NULL, "%zu of %u records have errors%s", n_bad,
                 recs->len,
                 o->keep_going ? "; the others are published" : "; nothing was published");
        result = CORPUS_BAD_INPUT;
        if (!o->keep_going)
            goto out;
    }
    b.site_langs = site_languages(r, recs);

    jobs = plan(&b, recs);
    /* Text is set in child processes, so workers typeset at once. */
    pdf = o->jobs > 1 && o->typesetter != NULL ? renderer_pdf(r, d) : NULL;
    if (pdf != NULL)
        report_pdf_use_processes(pdf, o->typesetter, (unsigned)o->jobs, d);
    render_ctx rc = {&b, g_async_queue_new()};
    run_pool(render_record_job, &rc, jobs, o->jobs, rc.done, o->progress, "rendering reports");
    g_async_queue_unref(rc.done);
    /* The typesetters' memory is not kept through the indexes: their
     * statistics PDFs, one per language, are set in this process. */
    if (pdf != NULL && !report_pdf_use_processes(pdf, NULL, 0, d))
        b.failed = true;
    pdf = NULL;
    if (!b.failed && drop_unrenderable(&b, jobs, d) > 0) {
        result = CORPUS_BAD_INPUT;
        if (!o->keep_going)
            goto out;
    }
    if (b.failed) {
        result = CORPUS_ENVIRONMENT;
        diag_add(d, DIAG_NOTE, NULL, 0, 0, NULL,
                 "the site was left as it was; the reports rendered so far are kept for the "
                 "next build");
        goto out;
    }

    if (o->shard_count == 0) {
        index_fp = index_fingerprint(&b, recs);
        if (!keep_indexes(&b, index_fp) && !make_indexes(&b, corpus, index_fp, d)) {
            result = CORPUS_ENVIRONMENT;
            goto out;
        }
    }
    /* Publish, unless nothing changed at all: then nothing is written. */
    if (o->shard_count > 0) {
        char *name = g_strdup_printf("%s/shards/shard-%d-of-%d.json", CORPUS_STATE_DIR,
                                     o->shard_index, o->shard_count);
        char *shards = g_build_filename(b.state, "shards", NULL);
        outfile_mkdirs(shards, d);
        g_free(shards);
        if (!publish(&b, name, d))
            result = CORPUS_ENVIRONMENT;
        g_free(name);
    } else if (b.n_staged > 0 || !manifests_equal(b.old, b.next)) {
        if (!publish(&b, "manifest.json", d))
            result = CORPUS_ENVIRONMENT;
    }
    if (result != CORPUS_ENVIRONMENT && o->shard_count == 0)
        save_cache(&b, corpus, d);
out:
    /* A typesetter that ended badly after its last report (a sanitizer's
     * report, a crash at exit) is a defect worth an exit status. */
    if (pdf != NULL && !report_pdf_use_processes(pdf, NULL, 0, d) && result == CORPUS_OK)
        result = CORPUS_ENVIRONMENT;
    if (jobs != NULL)
        free_jobs(jobs);
    g_free(index_fp);
    g_strfreev(files);
    g_ptr_array_free(recs, TRUE);
    xmlFreeDoc(corpus);
    if (b.earlier != NULL)
        g_ptr_array_free(b.earlier, TRUE);
    manifest_free(b.old);
    manifest_free(b.next);
    g_strfreev(b.site_langs);
    g_free(b.inputs);
    g_free(b.site);
    g_free(b.state);
    g_free(b.stage);
    g_mutex_clear(&b.lock);
    return result;
}

corpus_result corpus_verify(const char *site, diag *d)
{
    char *path = g_build_filename(site, "manifest.json", NULL);
    char *commit = g_build_filename(site, CORPUS_STATE_DIR, "commit.json", NULL);
    size_t errors = diag_count(d, DIAG_ERROR);
    manifest *m = manifest_read(path, d);
    corpus_result res = CORPUS_OK;
    if (m == NULL) {
        if (diag_count(d, DIAG_ERROR) == errors)
            diag_add(d, DIAG_ERROR, path, 0, 0, "verify",
                     "no manifest: not a site built by rapporteur archive");
        res = CORPUS_ENVIRONMENT;
    } else {
        /* A publication that was interrupted: its files are accepted too,
         * and the next build finishes it. */
        manifest *pending = manifest_read(commit, d);
        if (pending != NULL)
            diag_add(d, DIAG_NOTE, commit, 0, 0, NULL,
                     "a build was interrupted while publishing; run archive to finish it");
        if (!manifest_verify(m, pending, site, d))
            res = CORPUS_BAD_INPUT;
        manifest_free(pending);
    }
    manifest_free(m);
    g_free(commit);
    g_free(path);
    return res;
}
