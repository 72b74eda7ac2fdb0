/* manifest: the site's list of files and their SHA-256, read, written, verified. */
#include "manifest.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "outfile.h"

#define MANIFEST_FORMAT "rapporteur-manifest/1"

struct manifest {
    char *generator;
    GHashTable *entries; /* path -> manifest_entry*, owned */
    GPtrArray *sorted;   /* cache for manifest_entries(), or NULL */
};

static void entry_free(gpointer p)
{
    manifest_entry *e = p;
    g_free(e->path);
    g_free(e->sha256);
    g_free(e->record);
    g_free(e->record_sha256);
    g_free(e->lang);
    g_free(e->fingerprint);
    g_free(e);
}

manifest *manifest_new(const char *generator)
{
    manifest *m = g_new0(manifest, 1);
    m->generator = g_strdup(generator);
    m->entries = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, entry_free);
    return m;
}

void manifest_free(manifest *m)
{
    if (m == NULL)
        return;
    if (m->sorted != NULL)
        g_ptr_array_free(m->sorted, TRUE);
    g_hash_table_destroy(m->entries);
    g_free(m->generator);
    g_free(m);
}

static void invalidate(manifest *m)
{
    if (m->sorted != NULL) {
        g_ptr_array_free(m->sorted, TRUE);
        m->sorted = NULL;
    }
}

void manifest_put(manifest *m, const manifest_entry *e)
{
    manifest_entry *c = g_new0(manifest_entry, 1);
    c->path = g_strdup(e->path);
    c->sha256 = g_strdup(e->sha256);
    c->size = e->size;
    c->record = g_strdup(e->record);
    c->record_sha256 = g_strdup(e->record_sha256);
    c->lang = g_strdup(e->lang);
    c->fingerprint = g_strdup(e->fingerprint);
    c->mtime = e->mtime;
    g_hash_table_replace(m->entries, c->path, c);
    invalidate(m);
}

const manifest_entry *manifest_get(const manifest *m, const char *path)
{
    return g_hash_table_lookup(m->entries, path);
}

void manifest_remove(manifest *m, const char *path)
{
    if (g_hash_table_remove(m->entries, path))
        invalidate(m);
}

const char *manifest_generator(const manifest *m)
{
    return m->generator;
}

static int compare_paths(gconstpointer a, gconstpointer b)
{
    const manifest_entry *x = *(manifest_entry *const *)a;
    const manifest_entry *y = *(manifest_entry *const *)b;
    return strcmp(x->path, y->path);
}

GPtrArray *manifest_entries(const manifest *m)
{
    manifest *mm = (manifest *)m;
    if (mm->sorted == NULL) {
        mm->sorted = g_ptr_array_new();
        GHashTableIter it;
        gpointer v;
        g_hash_table_iter_init(&it, mm->entries);
        while (g_hash_table_iter_next(&it, NULL, &v))
            g_ptr_array_add(mm->sorted, v);
        g_ptr_array_sort(mm->sorted, compare_paths);
    }
    return mm->sorted;
}

/* ------------------------------------------------------------------ */
/* JSON out                                                            */
/* ------------------------------------------------------------------ */

static void json_string(GString *out, const char *s)
{
    g_string_append_c(out, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': g_string_append(out, "\\\""); break;
        case '\\': g_string_append(out, "\\\\"); break;
        case '\n': g_string_append(out, "\\n"); break;
        case '\t': g_string_append(out, "\\t"); break;
        case '\r': g_string_append(out, "\\r"); break;
        default:
            if (*p < 0x20)
                g_string_append_printf(out, "\\u%04x", *p);
            else
                g_string_append_c(out, (char)*p);
        }
    }
    g_string_append_c(out, '"');
}

static void json_field(GString *out, const char *name, const char *value, bool *first)
{
    if (value == NULL)
        return;
    g_string_append(out, *first ? "" : ", ");
    *first = false;
    json_string(out, name);
    g_string_append(out, ": ");
    json_string(out, value);
}

char *manifest_to_json(const manifest *m, bool with_mtimes, size_t *len)
{
    GString *out = g_string_new("{\n  \"format\": ");
    json_string(out, MANIFEST_FORMAT);
    g_string_append(out, ",\n  \"generator\": ");
    json_string(out, m->generator != NULL ? m->generator : "");
    g_string_append(out, ",\n  \"files\": [");
    GPtrArray *all = manifest_entries(m);
    for (guint i = 0; i < all->len; i++) {
        const manifest_entry *e = g_ptr_array_index(all, i);
        g_string_append(out, i == 0 ? "\n    {" : ",\n    {");
        bool first = true;
        json_field(out, "path", e->path, &first);
        json_field(out, "sha256", e->sha256, &first);
        g_string_append_printf(out, ", \"size\": %" G_GUINT64_FORMAT, e->size);
        json_field(out, "record", e->record, &first);
        json_field(out, "record_sha256", e->record_sha256, &first);
        json_field(out, "lang", e->lang, &first);
        json_field(out, "fingerprint", e->fingerprint, &first);
        if (with_mtimes)
            g_string_append_printf(out, ", \"mtime\": %" G_GINT64_FORMAT, e->mtime);
        g_string_append_c(out, '}');
    }
    g_string_append(out, all->len > 0 ? "\n  ]\n}\n" : "]\n}\n");
    *len = out->len;
    return g_string_free(out, FALSE);
}

/* ------------------------------------------------------------------ */
/* JSON in: the subset our manifests use                               */
/* ------------------------------------------------------------------ */

/* Nesting deeper than this is not a manifest. */
#define JSON_MAX_DEPTH 16

typedef struct {
    const char *p;
    const char *end;
    const char *start;
    const char *path;
    diag *d;
    bool ok;
} json_reader;

static void json_fail(json_reader *r, const char *what)
{
    if (!r->ok)
        return;
    int line = 1, col = 1;
    for (const char *q = r->start; q < r->p && q < r->end; q++) {
        if (*q == '\n') {
            line++;
            col = 1;
        } else {
            col++;
        }
    }
    diag_add(r->d, DIAG_ERROR, r->path, line, col, "manifest", "%s", what);
    r->ok = false;
}

static void skip_ws(json_reader *r)
{
    while (r->p < r->end && (*r->p == ' ' || *r->p == '\n' || *r->p == '\t' || *r->p == '\r'))
        r->p++;
}

static bool expect(json_reader *r, char c)
{
    skip_ws(r);
    if (r->p < r->end && *r->p == c) {
        r->p++;
        return true;
    }
    char msg[64];
    g_snprintf(msg, sizeof msg, "expected '%c'", c);
    json_fail(r, msg);
    return false;
}

static char *read_string(json_reader *r)
{
    skip_ws(r);
    if (r->p >= r->end || *r->p != '"') {
        json_fail(r, "expected a string");
        return NULL;
    }
    r->p++;
    GString *s = g_string_new(NULL);
    while (r->p < r->end && *r->p != '"') {
        char c = *r->p++;
        if (c != '\\') {
            g_string_append_c(s, c);
            continue;
        }
        if (r->p >= r->end)
            break;
        c = *r->p++;
        switch (c) {
        case '"': case '\\': case '/': g_string_append_c(s, c); break;
        case 'n': g_string_append_c(s, '\n'); break;
        case 't': g_string_append_c(s, '\t'); break;
        case 'r': g_string_append_c(s, '\r'); break;
        case 'b': g_string_append_c(s, '\b'); break;
        case 'f': g_string_append_c(s, '\f'); break;
        case 'u': {
            if (r->end - r->p < 4) {
                json_fail(r, "truncated \\u escape");
                break;
            }
            char hex[5] = {r->p[0], r->p[1], r->p[2], r->p[3], 0};
            r->p += 4;
            g_string_append_unichar(s, (gunichar)strtoul(hex, NULL, 16));
            break;
        }
        default:
            json_fail(r, "unknown escape in a string");
        }
    }
    if (r->p >= r->end) {
        json_fail(r, "unterminated string");
        g_string_free(s, TRUE);
        return NULL;
    }
    r->p++;
    return g_string_free(s, FALSE);
}

/* An integer, read exactly (a double would round sizes beyond 2^53): an
 * optional minus sign and digits, within [min, max]. */
static bool read_integer(json_reader *r, const char *name, gint64 min, gint64 max,
                         gint64 *out)
{
    skip_ws(r);
    const char *p = r->p;
    bool negative = p < r->end && *p == '-';
    if (negative)
        p++;
    const char *digits = p;
    guint64 v = 0;
    bool overflow = false;
    for (; p < r->end && g_ascii_isdigit(*p); p++) {
        overflow = overflow || v > (G_MAXUINT64 - (guint64)(*p - '0')) / 10;
        v = v * 10 + (guint64)(*p - '0');
    }
    if (p == digits || (p < r->end && (*p == '.' || *p == 'e' || *p == 'E'))) {
        char *what = g_strdup_printf("%s: expected an integer", name);
        json_fail(r, what);
        g_free(what);
        return false;
    }
    if (overflow || (!negative && v > (guint64)max) ||
        (negative && v > 0 && (min >= 0 || v - 1 > (guint64)(-(min + 1))))) {
        char *what = g_strdup_printf("%s: a number out of range", name);
        json_fail(r, what);
        g_free(what);
        return false;
    }
    r->p = p;
    *out = negative ? (gint64)(0 - v) : (gint64)v;
    return true;
}

/* After an item of an object or array: true if a comma says another
 * follows; otherwise the closing bracket must (false). */
static bool another_item(json_reader *r, char close)
{
    skip_ws(r);
    if (r->p < r->end && *r->p == ',') {
        r->p++;
        return true;
    }
    expect(r, close);
    return false;
}

static void skip_value(json_reader *r, int depth);

static void skip_container(json_reader *r, char close, int depth)
{
    r->p++;
    skip_ws(r);
    if (r->p < r->end && *r->p == close) {
        r->p++;
        return;
    }
    while (r->ok && r->p < r->end) {
        if (close == '}') {
            g_free(read_string(r));
            expect(r, ':');
        }
        skip_value(r, depth + 1);
        if (!another_item(r, close))
            return;
    }
    json_fail(r, "unterminated object or array");
}

/* Skips a value we do not use (forward compatibility). */
static void skip_value(json_reader *r, int depth)
{
    skip_ws(r);
    if (depth > JSON_MAX_DEPTH) {
        json_fail(r, "nested too deeply");
        return;
    }
    if (r->p >= r->end) {
        json_fail(r, "unexpected end");
        return;
    }
    char c = *r->p;
    if (c == '"') {
        g_free(read_string(r));
    } else if (c == '{') {
        skip_container(r, '}', depth);
    } else if (c == '[') {
        skip_container(r, ']', depth);
    } else if (strncmp(r->p, "true", 4) == 0 || strncmp(r->p, "null", 4) == 0) {
        r->p += 4;
    } else if (strncmp(r->p, "false", 5) == 0) {
        r->p += 5;
    } else {
        char *end = NULL;
        g_ascii_strtod(r->p, &end);
        if (end == r->p || end > r->end)
            json_fail(r, "expected a value");
        else
            r->p = end;
    }
}

static void read_entry(json_reader *r, manifest *m)
{
    if (!expect(r, '{'))
        return;
    manifest_entry e = {0};
    skip_ws(r);
    if (r->p < r->end && *r->p == '}') {
        r->p++;
        json_fail(r, "an entry without a path");
        return;
    }
    while (r->ok) {
        char *key = read_string(r);
        if (key == NULL || !expect(r, ':')) {
            g_free(key);
            break;
        }
        char **slot = strcmp(key, "path") == 0            ? &e.path
                      : strcmp(key, "sha256") == 0        ? &e.sha256
                      : strcmp(key, "record") == 0        ? &e.record
                      : strcmp(key, "record_sha256") == 0 ? &e.record_sha256
                      : strcmp(key, "lang") == 0          ? &e.lang
                      : strcmp(key, "fingerprint") == 0   ? &e.fingerprint
                                                          : NULL;
        if (slot != NULL) {
            g_free(*slot);
            *slot = read_string(r);
        } else if (strcmp(key, "size") == 0) {
            gint64 v = 0;
            if (read_integer(r, "size", 0, G_MAXINT64, &v))
                e.size = (uint64_t)v;
        } else if (strcmp(key, "mtime") == 0) {
            gint64 v = 0;
            if (read_integer(r, "mtime", G_MININT64, G_MAXINT64, &v))
                e.mtime = v;
        } else {
            skip_value(r, 2);
        }
        g_free(key);
        if (!another_item(r, '}'))
            break;
    }
    if (r->ok && (e.path == NULL || e.sha256 == NULL))
        json_fail(r, "an entry lacks its path or sha256");
    if (r->ok)
        manifest_put(m, &e);
    g_free(e.path);
    g_free(e.sha256);
    g_free(e.record);
    g_free(e.record_sha256);
    g_free(e.lang);
    g_free(e.fingerprint);
}

manifest *manifest_read(const char *path, diag *d)
{
    char *data = NULL;
    gsize len = 0;
    GError *err = NULL;
    GStatBuf st;
    if (g_stat(path, &st) != 0)
        return NULL;
    if (st.st_size > MANIFEST_MAX_BYTES) {
        diag_add(d, DIAG_ERROR, path, 0, 0, "manifest", "the manifest is too large");
        return NULL;
    }
    if (!g_file_get_contents(path, &data, &len, &err)) {
        diag_add(d, DIAG_ERROR, path, 0, 0, "manifest", "cannot read: %s", err->message);
        g_error_free(err);
        return NULL;
    }
    manifest *m = manifest_new(NULL);
    json_reader r = {data, data + len, data, path, d, true};
    if (expect(&r, '{')) {
        bool has_format = false;
        while (r.ok) {
            char *key = read_string(&r);
            if (key == NULL || !expect(&r, ':')) {
                g_free(key);
                break;
            }
            if (strcmp(key, "generator") == 0) {
                g_free(m->generator);
                m->generator = read_string(&r);
            } else if (strcmp(key, "format") == 0) {
                char *f = read_string(&r);
                has_format = f != NULL && strcmp(f, MANIFEST_FORMAT) == 0;
                if (f != NULL && !has_format)
                    json_fail(&r, "not a Rapporteur manifest (format differs)");
                g_free(f);
            } else if (strcmp(key, "files") == 0 && expect(&r, '[')) {
                skip_ws(&r);
                if (r.p < r.end && *r.p == ']') {
                    r.p++;
                } else {
                    do
                        read_entry(&r, m);
                    while (r.ok && another_item(&r, ']'));
                }
            } else {
                skip_value(&r, 1);
            }
            g_free(key);
            if (!another_item(&r, '}'))
                break;
        }
        if (r.ok && !has_format)
            json_fail(&r, "not a Rapporteur manifest (no format)");
        skip_ws(&r);
        if (r.ok && r.p < r.end)
            json_fail(&r, "text after the manifest's closing brace");
    }
    g_free(data);
    if (!r.ok) {
        manifest_free(m);
        return NULL;
    }
    return m;
}

/* ------------------------------------------------------------------ */
/* Hashing and verification                                            */
/* ------------------------------------------------------------------ */

bool manifest_hash_file(const char *path, char **sha256, uint64_t *size)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return false;
    GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
    guchar buf[64 * 1024];
    uint64_t total = 0;
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
        g_checksum_update(sum, buf, (gssize)n);
        total += n;
    }
    bool ok = !ferror(f);
    fclose(f);
    if (ok) {
        *sha256 = g_strdup(g_checksum_get_string(sum));
        *size = total;
    }
    g_checksum_free(sum);
    return ok;
}

/* Files and directories of the site that are not published files: the
 * manifest itself and the build's own state. */
static bool is_site_internal(const char *rel)
{
    return strcmp(rel, "manifest.json") == 0 || g_str_has_prefix(rel, ".rapporteur/") ||
           strcmp(rel, ".rapporteur") == 0;
}

static void list_files(const char *root, const char *rel, GPtrArray *out, int depth)
{
    if (depth > 32)
        return;
    char *dir = rel[0] ? g_build_filename(root, rel, NULL) : g_strdup(root);
    GDir *gd = g_dir_open(dir, 0, NULL);
    if (gd != NULL) {
        const char *name;
        while ((name = g_dir_read_name(gd)) != NULL) {
            char *child = rel[0] ? g_strconcat(rel, "/", name, NULL) : g_strdup(name);
            char *full = g_build_filename(root, child, NULL);
            if (is_site_internal(child)) {
                g_free(child);
            } else if (g_file_test(full, G_FILE_TEST_IS_DIR) &&
                       !g_file_test(full, G_FILE_TEST_IS_SYMLINK)) {
                list_files(root, child, out, depth + 1);
                g_free(child);
            } else {
                g_ptr_array_add(out, child);
            }
            g_free(full);
        }
        g_dir_close(gd);
    }
    g_free(dir);
}

static bool matches(const manifest_entry *e, const char *sha, uint64_t size)
{
    return e != NULL && e->size == size && strcmp(e->sha256, sha) == 0;
}

bool manifest_path_is_safe(const char *rel)
{
    if (rel == NULL || *rel == '\0' || strchr(rel, '\\') != NULL)
        return false;
    char **steps = g_strsplit(rel, "/", -1);
    bool safe = true;
    for (char **s = steps; safe && *s != NULL; s++)
        safe = **s != '\0' && strcmp(*s, ".") != 0 && strcmp(*s, "..") != 0;
    g_strfreev(steps);
    return safe;
}

bool manifest_verify(const manifest *m, const manifest *pending, const char *site, diag *d)
{
    bool ok = true;
    char *manifest_path = g_build_filename(site, "manifest.json", NULL);
    GPtrArray *all = manifest_entries(m);
    for (guint i = 0; i < all->len; i++) {
        const manifest_entry *e = g_ptr_array_index(all, i);
        /* Paths come from a file anyone may edit: no escape from the site. */
        if (!manifest_path_is_safe(e->path)) {
            diag_add(d, DIAG_ERROR, manifest_path, 0, 0, "verify",
                     "%s: a path outside the site is listed", e->path);
            ok = false;
            continue;
        }
        char *full = g_build_filename(site, e->path, NULL);
        char *sha = NULL;
        uint64_t size = 0;
        const manifest_entry *p = pending != NULL ? manifest_get(pending, e->path) : NULL;
        if (!manifest_hash_file(full, &sha, &size)) {
            /* A file the interrupted publication was deleting may be gone. */
            if (!(pending != NULL && p == NULL)) {
                diag_add(d, DIAG_ERROR, manifest_path, 0, 0, "verify", "%s: missing", e->path);
                ok = false;
            }
        } else if (!matches(e, sha, size) && !matches(p, sha, size)) {
            diag_add(d, DIAG_ERROR, manifest_path, 0, 0, "verify",
                     "%s: changed (%" G_GUINT64_FORMAT " bytes, SHA-256 %s; the manifest says %"
                     G_GUINT64_FORMAT " bytes, %s)",
                     e->path, size, sha, e->size, e->sha256);
            ok = false;
        }
        g_free(sha);
        g_free(full);
    }
    GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
    list_files(site, "", files, 0);
    for (guint i = 0; i < files->len; i++) {
        const char *rel = g_ptr_array_index(files, i);
        if (manifest_get(m, rel) != NULL)
            continue;
        const manifest_entry *p = pending != NULL ? manifest_get(pending, rel) : NULL;
        if (p != NULL) {
            char *full = g_build_filename(site, rel, NULL);
            char *sha = NULL;
            uint64_t size = 0;
            bool same = manifest_hash_file(full, &sha, &size) && matches(p, sha, size);
            g_free(sha);
            g_free(full);
            if (same)
                continue;
        }
        char *base = g_path_get_basename(rel);
        bool temporary = g_str_has_prefix(base, OUTFILE_TMP_PREFIX);
        g_free(base);
        if (temporary) {
            /* Left by a write that was killed before its rename: never
             * published, and removed by the next build. */
            diag_add(d, DIAG_NOTE, manifest_path, 0, 0, "verify",
                     "%s: a temporary file of an interrupted build (the next archive removes "
                     "it)",
                     rel);
            continue;
        }
        diag_add(d, DIAG_ERROR, manifest_path, 0, 0, "verify", "%s: extra (not in the manifest)",
                 rel);
        ok = false;
    }
    g_ptr_array_free(files, TRUE);
    g_free(manifest_path);
    return ok;
}
