/* corpus: a directory of records as a whole: corpus-wide checks, and the
 * archive site built from it (scan, plan, render in parallel, indexes,
 * statistics, manifest).
 */
#ifndef RP_CORPUS_H
#define RP_CORPUS_H

#include <stdbool.h>

#include "diag.h"
#include "render.h"

typedef enum {
    CORPUS_OK,
    CORPUS_BAD_INPUT,   /* some record has errors */
    CORPUS_ENVIRONMENT, /* cannot read or write */
} corpus_result;

typedef struct {
    const char *langs;
    const char *site;
    const char *paper;
    int jobs;
    bool keep_going;
    bool progress;
    int shard_index; /* 1-based; 0 = no sharding */
    int shard_count;
} corpus_options;

/* Checks every *.xml record of dir, then the corpus-wide rules. Adds every
 * diagnostic to d; with `translations`, prints each record's translation
 * status to stdout. Returns false if any record has errors. */
bool corpus_check_dir(renderer *r, const char *dir, bool translations, diag *d);

/* Parses "K/N". */
bool corpus_parse_shard(const char *spec, int *index, int *count);

/* Builds or updates the site. */
corpus_result corpus_build(renderer *r, const char *dir, const corpus_options *o, diag *d);

/* Re-hashes the site against its manifest. */
corpus_result corpus_verify(const char *site, diag *d);

#endif
