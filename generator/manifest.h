/* manifest: SITE/manifest.json, the archive's checksummed list of files.
 *
 * Every published file with its SHA-256, size, the record it came from (and
 * that record's SHA-256), its language, and the fingerprint of the inputs
 * that made it (so a rebuild knows what changed); the generator's version.
 * manifest_verify() re-hashes a site against it.
 */
#ifndef RP_MANIFEST_H
#define RP_MANIFEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <glib.h>

#include "diag.h"

/* A manifest larger than this is refused: a million files' entries. */
#define MANIFEST_MAX_BYTES ((gint64)512 * 1024 * 1024)

typedef struct {
    char *path;          /* relative to the site, "/"-separated */
    char *sha256;
    uint64_t size;
    char *record;        /* the record's file name, or NULL (indexes) */
    char *record_sha256; /* or NULL */
    char *lang;          /* or NULL */
    char *fingerprint;   /* digest of everything that made the file */
    int64_t mtime;       /* when it was written (for the no-op check); kept
                          * only in the build's private copy, so that the
                          * public manifest is reproducible */
} manifest_entry;

typedef struct manifest manifest;

manifest *manifest_new(const char *generator);
void manifest_free(manifest *m);

/* Reads a manifest; returns NULL with an error in d if it is malformed,
 * and NULL without error if the file does not exist. */
manifest *manifest_read(const char *path, diag *d);

/* Serializes to JSON, entries sorted by path, with the mtimes or without
 * (the published manifest: the same inputs give the same bytes). g_free()
 * the result. */
char *manifest_to_json(const manifest *m, bool with_mtimes, size_t *len);

/* Adds or replaces the entry for e->path (copied). */
void manifest_put(manifest *m, const manifest_entry *e);

/* The entry for path, or NULL. Borrowed. */
const manifest_entry *manifest_get(const manifest *m, const char *path);

/* Removes the entry for path, if any. */
void manifest_remove(manifest *m, const char *path);

/* Whether rel names a file inside a site: relative, '/'-separated, with no
 * empty, "." or ".." step and no backslash ("a..b.html" is fine). Paths
 * come from manifests anyone may edit, and from records. */
bool manifest_path_is_safe(const char *rel);

/* The entries, sorted by path. Borrowed; valid until the manifest changes. */
GPtrArray *manifest_entries(const manifest *m);

const char *manifest_generator(const manifest *m);

/* The SHA-256 (hex) and size of a file; false if it cannot be read. */
bool manifest_hash_file(const char *path, char **sha256, uint64_t *size);

/* Checks the site against its manifest: files missing, changed (size or
 * hash) or extra (not listed). `pending` is a manifest of a publication
 * that was interrupted (or NULL): a file matching it is accepted too.
 * Adds an error per problem to d; returns true if there is none. */
bool manifest_verify(const manifest *m, const manifest *pending, const char *site, diag *d);

#endif
