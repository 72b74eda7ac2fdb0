/* corpus: a directory of records as a whole, and the archive site built from it.
 *
 * check: every record, then corpus-wide rules (duplicate ids, two records
 * of one session, one person or organization spelled differently,
 * inconsistent symbols). archive: scan, summarize, plan what changed,
 * render it in parallel into a staging area, build the indexes and
 * statistics, then publish everything at once and write SITE/manifest.json
 * (manifest.c). An interrupted build leaves the previous site as it was;
 * the next one picks up what was already staged.
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
    const char *langs;   /* "record", "all" or a list */
    const char *site;
    const char *paper;
    int jobs;
    bool keep_going;     /* publish the valid records when some have errors */
    bool progress;       /* show progress on stderr */
    int shard_index;     /* 1-based; 0 = no sharding */
    int shard_count;
    const char *typesetter; /* this program, run as PDF_WORKER_ARG when jobs > 1;
                               NULL: text is set in this process */
} corpus_options;

/* The state the archive keeps in the site, outside the published files. */
#define CORPUS_STATE_DIR ".rapporteur"

/* Checks every *.xml record of dir, then the corpus-wide rules. Adds every
 * diagnostic to d; with `translations`, prints each record's translation
 * status to stdout. Returns false if any record has errors. */
bool corpus_check_dir(renderer *r, const char *dir, bool translations, diag *d);

/* Parses "K/N" (1 <= K <= N). */
bool corpus_parse_shard(const char *spec, int *index, int *count);

/* Builds or updates the site o->site from the records of dir. */
corpus_result corpus_build(renderer *r, const char *dir, const corpus_options *o, diag *d);

/* Re-hashes a site against its manifest. */
corpus_result corpus_verify(const char *site, diag *d);

#endif
