/* pdf_worker: layout documents set into PDFs by child processes.
 *
 * cairo 1.16 is not safe for two threads of one process setting text at
 * once, so report_pdf serializes typesetting within a process. A parallel
 * build typesets in children instead: copies of this program started with
 * PDF_WORKER_ARG, each single-threaded and so with cairo to itself. A
 * child serves one request at a time over a socket on its stdin and
 * stdout; a child that dies fails only the report it was setting, and the
 * next request starts a new one.
 */
#ifndef RP_PDF_WORKER_H
#define RP_PDF_WORKER_H

#include <stdbool.h>

#include <libxml/tree.h>

#include "diag.h"

/* argv[1] of a child: `rapporteur --pdf-worker DATA_DIR`. Not a command
 * for people: it reads framed requests on stdin. */
#define PDF_WORKER_ARG "--pdf-worker"

typedef struct pdf_worker_pool pdf_worker_pool;

/* Sets `layout` into a PDF at `path`; what both sides run. */
typedef bool (*pdf_worker_fn)(void *ctx, xmlDoc *layout, const char *source, const char *path,
                              diag *d);

/* Up to `max` children, each started on first need as `argv` (which ends
 * in NULL), such as {"/usr/bin/rapporteur", PDF_WORKER_ARG, data_dir}. */
pdf_worker_pool *pdf_worker_pool_new(const char *const *argv, unsigned max);

/* Ends every child (none may be busy) and waits for it. A child that
 * does not exit with 0 (a crash at exit, a sanitizer's report) is an
 * error in d (when not NULL): returns false then. */
bool pdf_worker_pool_free(pdf_worker_pool *pool, diag *d);

/* Has a child set `layout` into `path`; its messages land in d. Blocks
 * while every child is busy. Thread-safe, and `layout` is only read, so
 * threads may share one. */
bool pdf_worker_pool_render(pdf_worker_pool *pool, xmlDoc *layout, const char *source,
                            const char *path, diag *d);

/* The child's side: serves requests read from `in` with fn, answering on
 * `out` (a child's are 0 and 1), until the end of input. Returns the exit
 * status: 0 at the end of input, 1 on a broken request or a lost parent. */
int pdf_worker_serve(int in, int out, pdf_worker_fn fn, void *ctx);

#endif
