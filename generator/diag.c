/* diag: the diagnostics sink and the libxml2/libxslt error handlers. */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>
#include <libxml/xmlerror.h>

struct diag {
    GMutex lock;           /* archive workers share one sink */
    GPtrArray *entries;    /* of diag_entry*, owned */
    size_t counts[3];
};

static void entry_free(gpointer p)
{
    diag_entry *e = p;
    g_free(e->file);
    g_free(e->message);
    g_free(e->rule);
    g_free(e);
}

diag *diag_new(void)
{
    diag *d = g_new0(diag, 1);
    g_mutex_init(&d->lock);
    d->entries = g_ptr_array_new_with_free_func(entry_free);
    return d;
}

void diag_free(diag *d)
{
    if (d == NULL)
        return;
    g_ptr_array_free(d->entries, TRUE);
    g_mutex_clear(&d->lock);
    g_free(d);
}

/* Messages are one line: libxml2 ends its own with "\n" and quotes user
 * text that may hold anything, so control characters become spaces. */
static char *one_line(const char *s)
{
    char *m = g_strdup(s);
    g_strstrip(m);
    for (char *p = m; *p; p++) {
        if ((unsigned char)*p < 0x20)
            *p = ' ';
    }
    return m;
}

static void add_entry(diag *d, diag_entry *e)
{
    g_mutex_lock(&d->lock);
    g_ptr_array_add(d->entries, e);
    d->counts[e->severity]++;
    g_mutex_unlock(&d->lock);
}

void diag_add(diag *d, diag_severity severity, const char *file, int line, int col,
              const char *rule, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *raw = g_strdup_vprintf(fmt, ap);
    va_end(ap);

    diag_entry *e = g_new0(diag_entry, 1);
    e->file = g_strdup(file);
    e->line = line > 0 ? line : 0;
    e->col = col > 0 ? col : 0;
    e->severity = severity;
    e->message = one_line(raw);
    e->rule = g_strdup(rule);
    g_free(raw);
    add_entry(d, e);
}

bool diag_entry_is_environment(const diag_entry *e)
{
    return e->severity == DIAG_ERROR && e->rule != NULL &&
           (strcmp(e->rule, "read") == 0 || strcmp(e->rule, "output") == 0);
}

void diag_merge(diag *to, diag *from)
{
    g_mutex_lock(&from->lock);
    GPtrArray *moved = from->entries;
    from->entries = g_ptr_array_new_with_free_func(entry_free);
    memset(from->counts, 0, sizeof from->counts);
    g_mutex_unlock(&from->lock);

    g_ptr_array_set_free_func(moved, NULL);
    for (guint i = 0; i < moved->len; i++)
        add_entry(to, g_ptr_array_index(moved, i));
    g_ptr_array_free(moved, TRUE);
}

size_t diag_count(const diag *d, diag_severity severity)
{
    return d->counts[severity];
}

size_t diag_length(const diag *d)
{
    return d->entries->len;
}

const diag_entry *diag_get(const diag *d, size_t i)
{
    return i < d->entries->len ? g_ptr_array_index(d->entries, i) : NULL;
}

static int compare_entries(gconstpointer a, gconstpointer b)
{
    const diag_entry *x = *(const diag_entry *const *)a;
    const diag_entry *y = *(const diag_entry *const *)b;
    int c = g_strcmp0(x->file, y->file);
    if (c != 0)
        return c;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    if (x->col != y->col)
        return x->col < y->col ? -1 : 1;
    return 0;
}

void diag_sort(diag *d)
{
    g_mutex_lock(&d->lock);
    /* GLib's sort is stable: the entries of one place keep their order (an
     * error, then its notes). */
    g_ptr_array_sort(d->entries, compare_entries);
    g_mutex_unlock(&d->lock);
}

void diag_clear(diag *d)
{
    g_mutex_lock(&d->lock);
    g_ptr_array_set_size(d->entries, 0);
    memset(d->counts, 0, sizeof d->counts);
    g_mutex_unlock(&d->lock);
}

static const char *severity_name(diag_severity s)
{
    switch (s) {
    case DIAG_ERROR:
        return "error";
    case DIAG_WARNING:
        return "warning";
    case DIAG_NOTE:
        break;
    }
    return "note";
}

char *diag_format(const diag_entry *e)
{
    GString *s = g_string_new(NULL);
    if (e->file == NULL)
        g_string_append(s, "rapporteur");
    else
        g_string_append(s, e->file);
    if (e->file != NULL && e->line > 0) {
        g_string_append_printf(s, ":%d", e->line);
        if (e->col > 0)
            g_string_append_printf(s, ":%d", e->col);
    }
    g_string_append_printf(s, ": %s: %s", severity_name(e->severity), e->message);
    if (e->rule != NULL)
        g_string_append_printf(s, " [%s]", e->rule);
    return g_string_free(s, FALSE);
}

void diag_print(const diag *d, FILE *out)
{
    for (guint i = 0; i < d->entries->len; i++) {
        char *line = diag_format(g_ptr_array_index(d->entries, i));
        fprintf(out, "%s\n", line);
        g_free(line);
    }
    fflush(out);
}

/* ------------------------------------------------------------------ */
/* libxml2 and libxslt handlers                                        */
/* ------------------------------------------------------------------ */

/* A stack of captures per thread: record loading may nest inside a
 * transform (document()), each level with its own file name. */
#define CAPTURE_DEPTH_MAX 8

typedef struct {
    diag *sink;
    const char *file;
} capture;

static _Thread_local capture captures[CAPTURE_DEPTH_MAX];
static _Thread_local int n_captures;

static void structured_error(void *ctx, xmlErrorPtr err)
{
    (void)ctx;
    if (n_captures == 0 || err == NULL)
        return;
    const capture *c = &captures[n_captures - 1];
    diag_severity sev = err->level == XML_ERR_WARNING ? DIAG_WARNING : DIAG_ERROR;
    const char *file = c->file != NULL ? c->file : err->file;
    const char *msg = err->message != NULL ? err->message : "unknown XML error";
    const char *rule = err->domain == XML_FROM_RELAXNGV ? "schema" : "xml";
    int line = err->line;
    /* RELAX NG names the node but not always its line. */
    if (line == 0 && err->node != NULL && ((xmlNode *)err->node)->type == XML_ELEMENT_NODE)
        line = (int)xmlGetLineNo((xmlNode *)err->node);
    diag_add(c->sink, sev, file, line > 0 ? line : 0, err->int2, rule, "%s", msg);
}

void diag_capture_begin(diag *d, const char *file)
{
    g_assert(n_captures < CAPTURE_DEPTH_MAX);
    captures[n_captures].sink = d;
    captures[n_captures].file = file;
    n_captures++;
    xmlSetStructuredErrorFunc(NULL, structured_error);
}

void diag_capture_end(void)
{
    g_assert(n_captures > 0);
    n_captures--;
    if (n_captures == 0)
        xmlSetStructuredErrorFunc(NULL, NULL);
}

/* libxslt calls its error function once per fragment, and announces the
 * place of a message on a line of its own ("runtime error: file x.xsl line
 * 42 element value-of\n", "compilation error: file ..."), then the message
 * in later calls. Fragments are joined per thread until a newline; a place
 * is kept for the message that follows. */
static _Thread_local GString *xslt_pending;
static _Thread_local char *xslt_file;
static _Thread_local int xslt_line;

static bool parse_place(const char *l)
{
    const char *f = strstr(l, "file ");
    const char *ln = strstr(l, " line ");
    if (!(g_str_has_prefix(l, "runtime error") || g_str_has_prefix(l, "compilation error") ||
          g_str_has_prefix(l, "runtime warning")))
        return false;
    g_free(xslt_file);
    xslt_file = NULL;
    xslt_line = 0;
    if (f != NULL && ln != NULL && ln > f) {
        xslt_file = g_strndup(f + 5, (gsize)(ln - f - 5));
        xslt_line = atoi(ln + 6);
    }
    return true;
}

void diag_xslt_error(void *ctx, const char *fmt, ...)
{
    diag *d = ctx;
    va_list ap;
    va_start(ap, fmt);
    char *part = g_strdup_vprintf(fmt, ap);
    va_end(ap);

    if (xslt_pending == NULL)
        xslt_pending = g_string_new(NULL);
    g_string_append(xslt_pending, part);
    g_free(part);
    if (strchr(xslt_pending->str, '\n') == NULL)
        return;
    char **lines = g_strsplit(xslt_pending->str, "\n", -1);
    /* The text after the last newline is an unfinished fragment. */
    guint n = g_strv_length(lines);
    for (guint i = 0; i + 1 < n; i++) {
        const char *l = lines[i];
        if (*l == '\0' || strcmp(l, "error") == 0 || strcmp(l, "warning") == 0 || parse_place(l))
            continue;
        if (d != NULL)
            diag_add(d, DIAG_ERROR, xslt_file, xslt_line, 0, "xslt", "%s", l);
        g_free(xslt_file);
        xslt_file = NULL;
        xslt_line = 0;
    }
    g_string_assign(xslt_pending, lines[n - 1]);
    g_strfreev(lines);
}

void diag_thread_cleanup(void)
{
    if (xslt_pending != NULL)
        g_string_free(xslt_pending, TRUE);
    xslt_pending = NULL;
    g_free(xslt_file);
    xslt_file = NULL;
}
