/* diag: diagnostics collected by every stage and printed by main.
 *
 * Library modules never print: they add entries to a diag sink and return
 * false or NULL. main.c sorts the sink (file, line, column) and prints each
 * entry in the compilers' format, `file:line:col: severity: message [rule]`,
 * which editors jump to. libxml2 and libxslt messages are captured into the
 * current thread's sink by diag_capture_begin().
 */
#ifndef RP_DIAG_H
#define RP_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <glib.h>

typedef enum {
    DIAG_NOTE,
    DIAG_WARNING,
    DIAG_ERROR,
} diag_severity;

typedef struct {
    char *file;          /* NULL for errors without a place ("rapporteur: ...") */
    int line;            /* 0 when unknown */
    int col;             /* 0 when unknown: printed as file:line: */
    diag_severity severity;
    char *message;
    char *rule;          /* rule id such as "counts-sum", or NULL */
} diag_entry;

typedef struct diag diag;

/* A new, empty sink. Free with diag_free(). */
diag *diag_new(void);
void diag_free(diag *d);

/* Appends one entry; file may be NULL, rule may be NULL. Thread-safe. */
void diag_add(diag *d, diag_severity severity, const char *file, int line, int col,
              const char *rule, const char *fmt, ...) G_GNUC_PRINTF(7, 8);

/* Whether an entry is an error of the environment rather than of an input:
 * a file that cannot be read (rule "read") or an output that cannot be
 * written (rule "output"). Such errors exit 2, an input's 1. */
bool diag_entry_is_environment(const diag_entry *e);

/* Moves every entry of `from` into `to` (from is left empty). */
void diag_merge(diag *to, diag *from);

size_t diag_count(const diag *d, diag_severity severity);
size_t diag_length(const diag *d);

/* The i-th entry, borrowed: valid until the sink changes or is freed. */
const diag_entry *diag_get(const diag *d, size_t i);

/* Sorts by file, line, column, then keeps insertion order. */
void diag_sort(diag *d);

/* Drops every entry (counts go back to zero). */
void diag_clear(diag *d);

/* One entry as a line without the newline; caller frees with g_free(). */
char *diag_format(const diag_entry *e);

/* Prints every entry, one per line. Only main.c and cli.c call this. */
void diag_print(const diag *d, FILE *out);

/* Routes libxml2's structured errors of this thread into d, attributing
 * entries without a file to `file`. Calls nest; each begin needs its end. */
void diag_capture_begin(diag *d, const char *file);
void diag_capture_end(void);

/* The libxslt error callback for xsltSetTransformErrorFunc() and
 * xsltSetGenericErrorFunc(): appends the message to the diag given as ctx. */
void diag_xslt_error(void *ctx, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/* Frees this thread's pending libxslt message state (at thread exit). */
void diag_thread_cleanup(void);

#endif
