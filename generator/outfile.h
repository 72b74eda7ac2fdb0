/* outfile: atomic writes, so a reader never sees a half-written file.
 *
 * Each file is written to a temporary file in the same directory, flushed,
 * then renamed over the target (as Redis's rdbSave does). If the process is
 * interrupted (SIGINT, SIGTERM, SIGHUP), the temporary files still open are
 * removed and the old outputs are left as they were.
 */
#ifndef RP_OUTFILE_H
#define RP_OUTFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

/* Prefix of temporary files; `rapporteur archive` removes stale ones. */
#define OUTFILE_TMP_PREFIX ".rp-tmp-"

typedef struct outfile outfile;

/* Installs the signal handlers that remove temporary files. Once, at start. */
void outfile_init(void);

/* Whether commits fsync the file and its directory (default true). An
 * archive build turns it off and calls outfile_sync_all() once instead. */
void outfile_set_durable(bool durable);

/* Starts writing `path`. Returns NULL with an error in d if the temporary
 * file cannot be created (missing or read-only directory...). */
outfile *outfile_open(const char *path, diag *d);

/* Appends bytes; on failure (disk full...) remembers the error for commit. */
bool outfile_write(outfile *f, const void *data, size_t len);

/* Finishes: flush, fsync (if durable), rename over the target. Frees f.
 * Returns false with an error in d, leaving the old target untouched. */
bool outfile_commit(outfile *f, diag *d);

/* Gives up: removes the temporary file. Frees f; f may be NULL. */
void outfile_abort(outfile *f);

/* Writes a whole file atomically. */
bool outfile_save(const char *path, const void *data, size_t len, diag *d);

/* Flushes every written file of the file system holding `dir` to disk. */
void outfile_sync_all(const char *dir);

/* Creates `dir` and its parents (mode 0777 minus umask). */
bool outfile_mkdirs(const char *dir, diag *d);

#endif
