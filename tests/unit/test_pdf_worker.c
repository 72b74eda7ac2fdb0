/* pdf_worker: layouts typeset by child processes, and what happens when a
 * child misbehaves. The real child is build/rapporteur --pdf-worker
 * (RAPPORTEUR, else RAPPORTEUR_DATA_DIR/build/rapporteur); misbehaving
 * ones are small shell scripts. */
#include <criterion/criterion.h>

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libxml/parser.h>

#include "diag.h"
#include "pdf_worker.h"
#include "report_pdf.h"
#include "support.h"

static const char *data;
static char *program;
static char *dir;
static diag *d;

static void setup(void)
{
    data = getenv("RAPPORTEUR_DATA_DIR");
    cr_assert_not_null(data, "RAPPORTEUR_DATA_DIR is not set");
    const char *r = getenv("RAPPORTEUR");
    program = r != NULL ? g_strdup(r) : g_build_filename(data, "build", "rapporteur", NULL);
    cr_assert(g_file_test(program, G_FILE_TEST_IS_EXECUTABLE), "no program at %s", program);
    g_setenv("SOURCE_DATE_EPOCH", "1382572800", TRUE);
    dir = g_dir_make_tmp("rp-worker-XXXXXX", NULL);
    cr_assert_not_null(dir);
    d = diag_new();
}

static void teardown(void)
{
    support_remove_tree(dir);
    g_free(dir);
    g_free(program);
    diag_free(d);
}

TestSuite(pdf_worker, .init = setup, .fini = teardown, .timeout = 60);

#define DOC(body)                                                                                  \
    "<l:document xmlns:l='urn:rapporteur:layout:1' lang='en'>"                                     \
    "<l:style name='body' font='Noto Serif' size='10'/><l:flow>" body "</l:flow></l:document>"

#define EMOJI "\xF0\x9F\x98\x80"

static xmlDoc *layout(const char *xml)
{
    xmlDoc *x = xmlReadMemory(xml, (int)strlen(xml), "layout.xml", NULL, XML_PARSE_NONET);
    cr_assert_not_null(x);
    return x;
}

static pdf_worker_pool *real_pool(unsigned max)
{
    const char *argv[] = {program, PDF_WORKER_ARG, data, NULL};
    return pdf_worker_pool_new(argv, max);
}

/* A pool whose children run `script` under sh. */
static pdf_worker_pool *script_pool(const char *script)
{
    const char *argv[] = {"/bin/sh", "-c", script, NULL};
    return pdf_worker_pool_new(argv, 1);
}

static char *in_dir(const char *name)
{
    return g_build_filename(dir, name, NULL);
}

static char *contents(const char *path, gsize *len)
{
    char *bytes = NULL;
    cr_assert(g_file_get_contents(path, &bytes, len, NULL), "no %s", path);
    return bytes;
}

/* The first error, which must exist. */
static const diag_entry *first_error(void)
{
    for (size_t i = 0; i < diag_length(d); i++) {
        if (diag_get(d, i)->severity == DIAG_ERROR)
            return diag_get(d, i);
    }
    cr_assert_fail("no error");
    return NULL;
}

static size_t files_in_dir(void)
{
    size_t n = 0;
    GDir *gd = g_dir_open(dir, 0, NULL);
    while (gd != NULL && g_dir_read_name(gd) != NULL)
        n++;
    if (gd != NULL)
        g_dir_close(gd);
    return n;
}

Test(pdf_worker, a_child_sets_the_same_bytes_as_this_process)
{
    xmlDoc *x = layout(DOC("<l:p line='3'>Internet governance: علم and 中文 both set.</l:p>"));
    char *here = in_dir("here.pdf");
    char *there = in_dir("there.pdf");
    report_pdf *rp = report_pdf_new(data, NULL, d);
    cr_assert_not_null(rp);
    cr_assert(report_pdf_render_layout(rp, x, "record.xml", here, d));
    pdf_worker_pool *pool = real_pool(1);
    cr_assert(pdf_worker_pool_render(pool, x, "record.xml", there, d));
    cr_assert_eq(diag_count(d, DIAG_ERROR), 0);
    gsize a_len = 0;
    gsize b_len = 0;
    char *a = contents(here, &a_len);
    char *b = contents(there, &b_len);
    cr_assert_gt(a_len, 1000);
    cr_assert(a_len == b_len && memcmp(a, b, a_len) == 0, "the child's PDF differs");
    g_free(a);
    g_free(b);
    cr_assert(pdf_worker_pool_free(pool, d), "a child ended badly");
    report_pdf_free(rp);
    xmlFreeDoc(x);
    g_free(here);
    g_free(there);
}

/* Sets `xml` through the pool as `source` into path; returns the verdict. */
static bool render_via(pdf_worker_pool *pool, const char *xml, const char *source, const char *path)
{
    xmlDoc *x = layout(xml);
    bool ok = pdf_worker_pool_render(pool, x, source, path, d);
    xmlFreeDoc(x);
    return ok;
}

Test(pdf_worker, the_childs_messages_come_back_with_their_places)
{
    char *path = in_dir("a.pdf");
    pdf_worker_pool *pool = real_pool(1);
    cr_assert_not(
        render_via(pool, DOC("<l:p line='12'>A face: " EMOJI "</l:p>"), "dir/record.xml", path));
    const diag_entry *e = first_error();
    cr_assert_str_eq(e->file, "dir/record.xml");
    cr_assert_eq(e->line, 12);
    cr_assert_str_eq(e->rule, "glyph");
    cr_assert_eq(files_in_dir(), 0, "a failed render wrote a file");
    /* The child is still there for the next request. */
    diag_clear(d);
    cr_assert(render_via(pool, DOC("<l:p>Fine.</l:p>"), "dir/record.xml", path));
    cr_assert(g_file_test(path, G_FILE_TEST_IS_REGULAR));
    cr_assert(pdf_worker_pool_free(pool, d), "a child ended badly");
    g_free(path);
}

Test(pdf_worker, a_path_that_cannot_be_written_is_the_childs_error_reported_here)
{
    char *path = g_build_filename(dir, "missing", "a.pdf", NULL);
    pdf_worker_pool *pool = real_pool(1);
    cr_assert_not(render_via(pool, DOC("<l:p>Text.</l:p>"), "record.xml", path));
    cr_assert_not_null(strstr(first_error()->message, "missing"), "%s", first_error()->message);
    cr_assert(pdf_worker_pool_free(pool, d), "a child ended badly");
    g_free(path);
}

Test(pdf_worker, file_names_need_not_be_utf8)
{
    char *path = in_dir("r\xE9sum\xE9.pdf");
    pdf_worker_pool *pool = real_pool(1);
    cr_assert_not(render_via(pool, DOC("<l:p line='5'>" EMOJI "</l:p>"), "r\xE9sum\xE9.xml", path));
    cr_assert_str_eq(first_error()->file, "r\xE9sum\xE9.xml");
    diag_clear(d);
    cr_assert(render_via(pool, DOC("<l:p>Text.</l:p>"), "r\xE9sum\xE9.xml", path));
    cr_assert(g_file_test(path, G_FILE_TEST_IS_REGULAR));
    cr_assert(pdf_worker_pool_free(pool, d), "a child ended badly");
    g_free(path);
}

Test(pdf_worker, a_child_killed_by_a_signal_fails_its_request_and_is_replaced)
{
    xmlDoc *x = layout(DOC("<l:p>Text.</l:p>"));
    char *path = in_dir("a.pdf");
    pdf_worker_pool *pool = script_pool("head -c 8 >/dev/null; kill -SEGV $$");
    for (int i = 0; i < 3; i++) {
        diag_clear(d);
        cr_assert_not(pdf_worker_pool_render(pool, x, "record.xml", path, d));
        const diag_entry *e = first_error();
        cr_assert_str_eq(e->file, "record.xml");
        cr_assert_str_eq(e->rule, "typesetter");
        cr_assert_not_null(strstr(e->message, "signal 11"), "%s", e->message);
    }
    cr_assert(pdf_worker_pool_free(pool, d), "a child ended badly");
    xmlFreeDoc(x);
    g_free(path);
}

Test(pdf_worker, a_child_that_exits_is_reported_with_its_status)
{
    xmlDoc *x = layout(DOC("<l:p>Text.</l:p>"));
    char *path = in_dir("a.pdf");
    pdf_worker_pool *pool = script_pool("exit 3");
    cr_assert_not(pdf_worker_pool_render(pool, x, "record.xml", path, d));
    cr_assert_not_null(strstr(first_error()->message, "status 3"), "%s", first_error()->message);
    cr_assert(pdf_worker_pool_free(pool, d), "a child ended badly");
    xmlFreeDoc(x);
    g_free(path);
}

Test(pdf_worker, a_garbled_answer_is_refused_not_read_as_a_verdict)
{
    xmlDoc *x = layout(DOC("<l:p>Text.</l:p>"));
    char *path = in_dir("a.pdf");
    /* A well-framed answer of four bytes that no response serializes to,
     * then a frame longer than any answer may be. */
    static const char *const scripts[] = {
        "printf '\\004\\0\\0\\0\\0\\0\\0\\0\\001\\377\\377\\377'; exec cat >/dev/null",
        "printf '\\377\\377\\377\\377\\377\\377\\377\\177'; exec cat >/dev/null",
    };
    for (size_t i = 0; i < G_N_ELEMENTS(scripts); i++) {
        diag_clear(d);
        pdf_worker_pool *pool = script_pool(scripts[i]);
        cr_assert_not(pdf_worker_pool_render(pool, x, "record.xml", path, d));
        cr_assert_str_eq(first_error()->rule, "typesetter", "script %zu", i);
        cr_assert(pdf_worker_pool_free(pool, d), "a child ended badly");
    }
    xmlFreeDoc(x);
    g_free(path);
}

Test(pdf_worker, a_child_that_ends_badly_after_its_last_report_is_an_error)
{
    xmlDoc *x = layout(DOC("<l:p>Text.</l:p>"));
    char *path = in_dir("a.pdf");
    /* Answers "done" (a true verdict without messages: 1, then padding to
     * the array's alignment), then exits 5 at the end of input, as a leak
     * report would make it. */
    pdf_worker_pool *pool =
        script_pool("printf '\\004\\0\\0\\0\\0\\0\\0\\0\\001\\0\\0\\0'; cat >/dev/null; exit 5");
    cr_assert(pdf_worker_pool_render(pool, x, "record.xml", path, d));
    cr_assert_eq(diag_length(d), 0);
    cr_assert_not(pdf_worker_pool_free(pool, d));
    cr_assert_str_eq(first_error()->rule, "typesetter");
    cr_assert_not_null(strstr(first_error()->message, "exited with status 5 after its last report"),
                       "%s", first_error()->message);
    xmlFreeDoc(x);
    g_free(path);
}

typedef struct {
    pdf_worker_pool *pool;
    xmlDoc *layout;
    int index;
    int ok;
} thread_arg;

static gpointer render_three(gpointer p)
{
    thread_arg *a = p;
    for (int i = 0; i < 3; i++) {
        char name[32];
        g_snprintf(name, sizeof name, "t%d-%d.pdf", a->index, i);
        char *path = in_dir(name);
        if (pdf_worker_pool_render(a->pool, a->layout, "record.xml", path, d))
            a->ok++;
        g_free(path);
    }
    return NULL;
}

Test(pdf_worker, four_threads_share_two_children)
{
    xmlDoc *x = layout(DOC("<l:p>Set by whichever child is free: 中文 and عربي.</l:p>"));
    pdf_worker_pool *pool = real_pool(2);
    thread_arg args[4];
    GThread *threads[4];
    for (int i = 0; i < 4; i++) {
        args[i] = (thread_arg){pool, x, i, 0};
        threads[i] = g_thread_new("render", render_three, &args[i]);
    }
    for (int i = 0; i < 4; i++) {
        g_thread_join(threads[i]);
        cr_assert_eq(args[i].ok, 3, "thread %d: %d of 3", i, args[i].ok);
    }
    cr_assert_eq(diag_count(d, DIAG_ERROR), 0);
    cr_assert_eq(files_in_dir(), 12);
    gsize first_len = 0;
    char *first_path = in_dir("t0-0.pdf");
    char *first = contents(first_path, &first_len);
    g_free(first_path);
    for (int i = 0; i < 4; i++) {
        char name[32];
        g_snprintf(name, sizeof name, "t%d-2.pdf", i);
        char *path = in_dir(name);
        gsize len = 0;
        char *bytes = contents(path, &len);
        cr_assert(len == first_len && memcmp(bytes, first, len) == 0, "%s differs", name);
        g_free(bytes);
        g_free(path);
    }
    g_free(first);
    cr_assert(pdf_worker_pool_free(pool, d), "a child ended badly");
    xmlFreeDoc(x);
}

/* The child's loop itself, on descriptors of this process. */
static int serve_input(const void *bytes, size_t len)
{
    int fds[2];
    cr_assert_eq(pipe(fds), 0);
    cr_assert_eq(write(fds[1], bytes, len), (ssize_t)len);
    close(fds[1]);
    int out = open("/dev/null", O_WRONLY);
    int rc = pdf_worker_serve(fds[0], out, NULL, NULL);
    close(out);
    close(fds[0]);
    return rc;
}

Test(pdf_worker, a_child_ends_cleanly_at_the_end_of_input)
{
    cr_assert_eq(serve_input("", 0), 0);
}

Test(pdf_worker, a_child_ends_with_status_1_on_a_broken_request)
{
    /* A cut-off length, a length beyond any request, a request cut off. */
    cr_assert_eq(serve_input("\x04\0\0", 3), 1);
    cr_assert_eq(serve_input("\xff\xff\xff\xff\xff\xff\xff\x7f", 8), 1);
    cr_assert_eq(serve_input("\x40\0\0\0\0\0\0\0abc", 11), 1);
}
