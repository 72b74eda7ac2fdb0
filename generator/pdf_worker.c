/* pdf_worker: layout documents set into PDFs by child processes.
 *
 * The protocol, both ways one frame per message: the length of a
 * serialized GVariant (8 bytes, little-endian), then the GVariant.
 *
 *   request   (source, path, layout XML)                        "(ayayay)"
 *   response  (ok, [(severity, file, line, col, rule, message)]) "(ba(iayiiayay))"
 *
 * Strings travel as byte strings: file names need not be UTF-8. An empty
 * file or rule stands for none. GVariant checks what it reads, so a
 * garbled frame is refused, never trusted.
 */
#include "pdf_worker.h"

#include <errno.h>
#include <limits.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/xmlsave.h>

#define REQUEST_TYPE G_VARIANT_TYPE("(ayayay)")
#define RESPONSE_TYPE G_VARIANT_TYPE("(ba(iayiiayay))")

/* No layout document or response comes near this: a longer frame is
 * garbage and ends the conversation. */
#define FRAME_MAX ((guint64)1 << 30)

typedef struct {
    GPid pid;
    int fd; /* our end of the socket on the child's stdin and stdout */
} worker;

struct pdf_worker_pool {
    char **argv;
    unsigned max;
    unsigned running; /* children started and not yet ended */
    GQueue idle;      /* of worker*: running and waiting for a request */
    GMutex lock;
    GCond freed; /* a child became idle or ended */
};

/* ------------------------------------------------------------------ */
/* Frames                                                              */
/* ------------------------------------------------------------------ */

/* Our end is a socket: send() with MSG_NOSIGNAL, so a child that died
 * makes an error, not a SIGPIPE for the whole build. The child writes to
 * its stdout, whatever that is. */
static bool write_all(int fd, const void *buf, size_t len, bool socket)
{
    const char *p = buf;
    while (len > 0) {
        ssize_t n = socket ? send(fd, p, len, MSG_NOSIGNAL) : write(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        p += n;
        len -= (size_t)n;
    }
    return true;
}

/* Reads exactly len bytes; *eof tells a clean end before the first byte. */
static bool read_all(int fd, void *buf, size_t len, bool *eof)
{
    char *p = buf;
    size_t got = 0;
    while (got < len) {
        ssize_t n = read(fd, p + got, len - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (eof != NULL)
                *eof = n == 0 && got == 0;
            return false;
        }
        got += (size_t)n;
    }
    return true;
}

static bool send_frame(int fd, GVariant *v, bool socket)
{
    guint64 len = GUINT64_TO_LE((guint64)g_variant_get_size(v));
    return write_all(fd, &len, sizeof len, socket) &&
           write_all(fd, g_variant_get_data(v), g_variant_get_size(v), socket);
}

/* The next frame as a GVariant of `type`, or NULL at the end of input
 * (*eof) or on a broken frame. */
static GVariant *recv_frame(int fd, const GVariantType *type, bool *eof)
{
    guint64 len = 0;
    *eof = false;
    if (!read_all(fd, &len, sizeof len, eof))
        return NULL;
    len = GUINT64_FROM_LE(len);
    if (len > FRAME_MAX)
        return NULL;
    /* g_malloc's alignment is what GVariant asks of its data. */
    char *data = g_malloc(len > 0 ? len : 1);
    if (!read_all(fd, data, len, NULL)) {
        g_free(data);
        return NULL;
    }
    GVariant *v = g_variant_ref_sink(g_variant_new_from_data(type, data, len, FALSE, g_free, data));
    /* Only a message the other side could have written: GVariant reads
     * anything else as defaults, a "failed" with no reason. */
    if (!g_variant_is_normal_form(v)) {
        g_variant_unref(v);
        return NULL;
    }
    return v;
}

static GVariant *bytestring(const char *s)
{
    return g_variant_new_bytestring(s != NULL ? s : "");
}

/* ------------------------------------------------------------------ */
/* Messages                                                            */
/* ------------------------------------------------------------------ */

static GVariant *response_new(bool ok, const diag *d)
{
    GVariantBuilder entries;
    g_variant_builder_init(&entries, G_VARIANT_TYPE("a(iayiiayay)"));
    for (size_t i = 0; i < diag_length(d); i++) {
        const diag_entry *e = diag_get(d, i);
        g_variant_builder_add(&entries, "(i@ayii@ay@ay)", (gint32)e->severity, bytestring(e->file),
                              (gint32)e->line, (gint32)e->col, bytestring(e->rule),
                              bytestring(e->message));
    }
    return g_variant_ref_sink(g_variant_new("(ba(iayiiayay))", ok, &entries));
}

/* Adds a response's messages to d; returns its verdict. */
static bool response_apply(GVariant *resp, diag *d)
{
    gboolean ok = FALSE;
    GVariantIter *iter = NULL;
    g_variant_get(resp, "(ba(iayiiayay))", &ok, &iter);
    gint32 severity = 0;
    gint32 line = 0;
    gint32 col = 0;
    const char *file = NULL;
    const char *rule = NULL;
    const char *message = NULL;
    while (g_variant_iter_next(iter, "(i^&ayii^&ay^&ay)", &severity, &file, &line, &col, &rule,
                               &message)) {
        diag_severity s = severity == DIAG_NOTE      ? DIAG_NOTE
                          : severity == DIAG_WARNING ? DIAG_WARNING
                                                     : DIAG_ERROR;
        diag_add(d, s, *file != '\0' ? file : NULL, line > 0 ? line : 0, col > 0 ? col : 0,
                 *rule != '\0' ? rule : NULL, "%s", message);
    }
    g_variant_iter_free(iter);
    return ok;
}

/* ------------------------------------------------------------------ */
/* The parent's side                                                   */
/* ------------------------------------------------------------------ */

pdf_worker_pool *pdf_worker_pool_new(const char *const *argv, unsigned max)
{
    pdf_worker_pool *pool = g_new0(pdf_worker_pool, 1);
    pool->argv = g_strdupv((char **)argv);
    pool->max = max > 0 ? max : 1;
    g_queue_init(&pool->idle);
    g_mutex_init(&pool->lock);
    g_cond_init(&pool->freed);
    return pool;
}

static worker *worker_start(const pdf_worker_pool *pool, diag *d)
{
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) {
        diag_add(d, DIAG_ERROR, NULL, 0, 0, "typesetter", "cannot start a typesetter process: %s",
                 g_strerror(errno));
        return NULL;
    }
    GError *err = NULL;
    GPid pid = 0;
    /* The child gets its end as stdin and stdout and no other descriptor
     * of ours, so it sees the end of input when we close or die. */
    bool started = g_spawn_async_with_pipes_and_fds(
        NULL, (const char *const *)pool->argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, sv[1],
        sv[1], -1, NULL, NULL, 0, &pid, NULL, NULL, NULL, &err);
    close(sv[1]);
    if (!started) {
        diag_add(d, DIAG_ERROR, NULL, 0, 0, "typesetter", "cannot start a typesetter process: %s",
                 err->message);
        g_error_free(err);
        close(sv[0]);
        return NULL;
    }
    worker *w = g_new0(worker, 1);
    w->pid = pid;
    w->fd = sv[0];
    return w;
}

/* Closes our end (the child then reads the end of input) and waits for
 * the child; returns its wait status. */
static int worker_end(worker *w)
{
    close(w->fd);
    int status = 0;
    while (waitpid(w->pid, &status, 0) < 0 && errno == EINTR)
        ;
    g_spawn_close_pid(w->pid);
    g_free(w);
    return status;
}

/* What became of a child, for a message: "exited with status 3". */
static char *describe_end(int status)
{
    if (WIFSIGNALED(status))
        return g_strdup_printf("was killed by signal %d (%s)", WTERMSIG(status),
                               g_strsignal(WTERMSIG(status)));
    return g_strdup_printf("exited with status %d", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

bool pdf_worker_pool_free(pdf_worker_pool *pool, diag *d)
{
    if (pool == NULL)
        return true;
    bool ok = true;
    worker *w;
    while ((w = g_queue_pop_head(&pool->idle)) != NULL) {
        int status = worker_end(w);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            char *how = describe_end(status);
            if (d != NULL)
                diag_add(d, DIAG_ERROR, NULL, 0, 0, "typesetter",
                         "a typesetter process %s after its last report", how);
            g_free(how);
            ok = false;
        }
    }
    g_mutex_clear(&pool->lock);
    g_cond_clear(&pool->freed);
    g_strfreev(pool->argv);
    g_free(pool);
    return ok;
}

/* An idle child, or a new one if fewer than max run; waits otherwise. */
static worker *worker_take(pdf_worker_pool *pool, diag *d)
{
    g_mutex_lock(&pool->lock);
    while (g_queue_is_empty(&pool->idle) && pool->running >= pool->max)
        g_cond_wait(&pool->freed, &pool->lock);
    worker *w = g_queue_pop_head(&pool->idle);
    if (w == NULL)
        pool->running++;
    g_mutex_unlock(&pool->lock);
    if (w == NULL) {
        w = worker_start(pool, d);
        if (w == NULL) {
            g_mutex_lock(&pool->lock);
            pool->running--;
            g_cond_signal(&pool->freed);
            g_mutex_unlock(&pool->lock);
        }
    }
    return w;
}

static void worker_give_back(pdf_worker_pool *pool, worker *w)
{
    g_mutex_lock(&pool->lock);
    g_queue_push_tail(&pool->idle, w);
    g_cond_signal(&pool->freed);
    g_mutex_unlock(&pool->lock);
}

/* A child that broke off mid-request is ended and blamed, by its status. */
static void worker_lost(pdf_worker_pool *pool, worker *w, const char *source, diag *d)
{
    char *how = describe_end(worker_end(w));
    diag_add(d, DIAG_ERROR, source, 0, 0, "typesetter",
             "the typesetter process %s while setting this report", how);
    g_free(how);
    g_mutex_lock(&pool->lock);
    pool->running--;
    g_cond_signal(&pool->freed);
    g_mutex_unlock(&pool->lock);
}

bool pdf_worker_pool_render(pdf_worker_pool *pool, xmlDoc *layout, const char *source,
                            const char *path, diag *d)
{
    /* The root element, not the document: libxml2's document serializer
     * stores into doc->encoding while it writes, which corrupts a document
     * that two threads send at once. The child reads it as UTF-8. */
    xmlNode *root = xmlDocGetRootElement(layout);
    xmlOutputBufferPtr out = root != NULL ? xmlAllocOutputBuffer(NULL) : NULL;
    if (out != NULL) {
        xmlNodeDumpOutput(out, layout, root, 0, 0, "UTF-8");
        xmlOutputBufferFlush(out);
    }
    if (out == NULL || out->error != 0) {
        diag_add(d, DIAG_ERROR, source, 0, 0, "layout", "cannot serialize the layout document");
        if (out != NULL)
            xmlOutputBufferClose(out);
        return false;
    }
    GVariant *req = g_variant_ref_sink(g_variant_new(
        "(@ay@ay@ay)", bytestring(source), bytestring(path),
        g_variant_new_fixed_array(G_VARIANT_TYPE_BYTE, xmlOutputBufferGetContent(out),
                                  xmlOutputBufferGetSize(out), 1)));
    xmlOutputBufferClose(out);
    bool ok = false;
    worker *w = worker_take(pool, d);
    if (w != NULL) {
        bool eof = false;
        GVariant *resp =
            send_frame(w->fd, req, true) ? recv_frame(w->fd, RESPONSE_TYPE, &eof) : NULL;
        if (resp != NULL) {
            ok = response_apply(resp, d);
            g_variant_unref(resp);
            worker_give_back(pool, w);
        } else {
            worker_lost(pool, w, source, d);
        }
    }
    g_variant_unref(req);
    return ok;
}

/* ------------------------------------------------------------------ */
/* The child's side                                                    */
/* ------------------------------------------------------------------ */

/* Parses the layout (our own XSLT's output, serialized by the parent) and
 * sets it. */
static bool serve_one(pdf_worker_fn fn, void *ctx, GVariant *req, diag *d)
{
    const char *source = NULL;
    const char *path = NULL;
    GVariant *xml = NULL;
    g_variant_get(req, "(^&ay^&ay@ay)", &source, &path, &xml);
    gsize len = 0;
    const char *bytes = g_variant_get_fixed_array(xml, &len, 1);
    bool ok = false;
    xmlDoc *layout = NULL;
    if (*path == '\0' || len > INT_MAX) {
        diag_add(d, DIAG_ERROR, source, 0, 0, "typesetter", "a malformed request to typeset");
    } else {
        diag_capture_begin(d, source);
        layout = xmlReadMemory(bytes, (int)len, source, NULL, XML_PARSE_NONET);
        diag_capture_end();
        ok = layout != NULL && fn(ctx, layout, source, path, d);
    }
    xmlFreeDoc(layout);
    g_variant_unref(xml);
    return ok;
}

int pdf_worker_serve(int in, int out, pdf_worker_fn fn, void *ctx)
{
    for (;;) {
        bool eof = false;
        GVariant *req = recv_frame(in, REQUEST_TYPE, &eof);
        if (req == NULL)
            return eof ? 0 : 1;
        diag *d = diag_new();
        bool ok = serve_one(fn, ctx, req, d);
        GVariant *resp = response_new(ok, d);
        bool sent = send_frame(out, resp, false);
        g_variant_unref(resp);
        g_variant_unref(req);
        diag_free(d);
        if (!sent)
            return 1;
    }
}
