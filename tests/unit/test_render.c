/* Unit tests of render (generator/render.h): languages, and render_files(),
 * which renders many records at once and reports them in the order given. */
#include <criterion/criterion.h>

#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "outfile.h"
#include "render.h"
#include "support.h"

#define BP14 "igf2008-bp14"
#define WS087 "igf2009-ws087"

static char *work; /* temporary: the records, and out/ */
static char *data_dir;
static renderer *r;

static char *at(const char *rel)
{
    return g_build_filename(work, rel, NULL);
}

/* Writes inputs/NAME.xml to work/AS, with `from` replaced by `to` if given;
 * returns the new file's path. */
static char *copy_record(const char *name, const char *as, const char *from, const char *to)
{
    char *src = g_strdup_printf("%s/inputs/%s.xml", data_dir, name);
    char *text = NULL;
    cr_assert(g_file_get_contents(src, &text, NULL, NULL), "cannot read %s", src);
    if (from != NULL) {
        cr_assert_not_null(strstr(text, from), "%s is not in %s", from, src);
        char **parts = g_strsplit(text, from, -1);
        g_free(text);
        text = g_strjoinv(to, parts);
        g_strfreev(parts);
    }
    char *path = at(as);
    cr_assert(g_file_set_contents(path, text, -1, NULL));
    g_free(text);
    g_free(src);
    return path;
}

static void setup(void)
{
    work = g_dir_make_tmp("rp-render-XXXXXX", NULL);
    cr_assert_not_null(work);
    r = support_renderer_open(RENDER_HTML, &data_dir);
}

static void teardown(void)
{
    support_renderer_close(r);
    r = NULL;
    g_free(data_dir);
    data_dir = NULL;
    support_remove_tree(work);
    g_free(work);
    work = NULL;
}

TestSuite(render, .init = setup, .fini = teardown, .timeout = 120);

/* What report() was told, call by call. */
typedef struct {
    GPtrArray *paths;    /* in call order */
    GArray *oks;         /* gboolean, in call order */
    GPtrArray *messages; /* each call's messages, joined */
} reports;

static void report(const char *path, diag *d, bool ok, void *ctx)
{
    reports *rs = ctx;
    g_ptr_array_add(rs->paths, g_strdup(path));
    gboolean b = ok;
    g_array_append_val(rs->oks, b);
    GString *m = g_string_new(NULL);
    for (size_t i = 0; i < diag_length(d); i++) {
        const diag_entry *e = diag_get(d, i);
        g_string_append_printf(m, "%s: %s [%s]\n", e->file != NULL ? e->file : "",
                               e->message, e->rule != NULL ? e->rule : "");
    }
    g_ptr_array_add(rs->messages, g_string_free(m, FALSE));
    diag_clear(d);
}

static void reports_init(reports *rs)
{
    rs->paths = g_ptr_array_new_with_free_func(g_free);
    rs->oks = g_array_new(FALSE, FALSE, sizeof(gboolean));
    rs->messages = g_ptr_array_new_with_free_func(g_free);
}

static void reports_clear(reports *rs)
{
    g_ptr_array_unref(rs->paths);
    g_array_free(rs->oks, TRUE);
    g_ptr_array_unref(rs->messages);
}

static render_options html_to(const char *out)
{
    render_options o = {0};
    o.formats = RENDER_HTML;
    o.langs = "record";
    o.out_dir = out;
    o.paper = "a4";
    o.css_href = "report.css";
    return o;
}

/* Renders files (NULL-terminated) to work/OUT with `jobs`; returns
 * render_files()'s result. */
static bool render_to(const char *out, char **files, unsigned jobs, const char *typesetter,
                      unsigned formats, reports *rs, diag *d)
{
    char *dir = at(out);
    diag *mk = diag_new();
    cr_assert(outfile_mkdirs(dir, mk));
    diag_free(mk);
    render_options o = html_to(dir);
    o.formats = formats;
    bool ok = render_files(r, files, &o, jobs, typesetter, report, rs, d);
    g_free(dir);
    return ok;
}

static char *read_out(const char *out, const char *name)
{
    char *path = g_build_filename(work, out, name, NULL);
    char *text = NULL;
    cr_assert(g_file_get_contents(path, &text, NULL, NULL), "no %s", path);
    g_free(path);
    return text;
}

static bool exists_out(const char *out, const char *name)
{
    char *path = g_build_filename(work, out, name, NULL);
    bool e = g_file_test(path, G_FILE_TEST_EXISTS);
    g_free(path);
    return e;
}

Test(render, every_file_is_reported_once_in_the_order_given_with_its_own_messages)
{
    char *files[] = {
        copy_record(BP14, "a.xml", NULL, NULL),
        /* An error of the record: a session type the format does not have. */
        copy_record(WS087, "b.xml", "type=\"workshop\"", "type=\"picnic\""),
        at("missing.xml"),
        copy_record(WS087, "c.xml", "id=\"" WS087 "\"", "id=\"igf2009-ws088\""),
        NULL,
    };
    for (unsigned jobs = 1; jobs <= 3; jobs++) {
        reports rs;
        reports_init(&rs);
        diag *d = diag_new();
        char *out = g_strdup_printf("out%u", jobs);
        cr_assert(render_to(out, files, jobs, NULL, RENDER_HTML, &rs, d));
        cr_assert_eq(diag_length(d), 0);
        cr_assert_eq(rs.paths->len, 4, "%u reports with -j %u", rs.paths->len, jobs);
        static const gboolean want_ok[] = {TRUE, FALSE, FALSE, TRUE};
        for (guint i = 0; i < 4; i++) {
            cr_assert_str_eq(g_ptr_array_index(rs.paths, i), files[i], "-j %u, report %u", jobs,
                             i);
            cr_assert_eq(g_array_index(rs.oks, gboolean, i), want_ok[i], "-j %u, %s", jobs,
                         files[i]);
        }
        /* Each file's messages name that file only. */
        for (guint i = 0; i < 4; i++) {
            char **lines = g_strsplit(g_ptr_array_index(rs.messages, i), "\n", -1);
            for (char **l = lines; *l != NULL && **l != '\0'; l++)
                cr_assert(g_str_has_prefix(*l, files[i]), "-j %u: %s reported with %s", jobs,
                          *l, files[i]);
            g_strfreev(lines);
        }
        cr_assert_not_null(strstr(g_ptr_array_index(rs.messages, 1), "picnic"));
        cr_assert_not_null(strstr(g_ptr_array_index(rs.messages, 2), "no such file"));
        cr_assert(exists_out(out, BP14 ".en.html"));
        cr_assert(exists_out(out, "igf2009-ws088.en.html"));
        cr_assert_not(exists_out(out, WS087 ".en.html"));
        g_free(out);
        diag_free(d);
        reports_clear(&rs);
    }
    for (char **f = files; *f != NULL; f++)
        g_free(*f);
}

Test(render, one_job_and_three_write_the_same_files_and_messages)
{
    /* More files than the window of records kept in memory (2 per job). */
    enum { N = 14 };
    char *files[N + 1] = {NULL};
    for (int i = 0; i < N; i++) {
        char *name = g_strdup_printf("r%02d.xml", i);
        char *id = g_strdup_printf("id=\"igf2008-bp%02d\"", 20 + i);
        files[i] = copy_record(i % 2 ? BP14 : WS087, name, i % 2 ? "id=\"" BP14 "\"" : "id=\"" WS087 "\"", id);
        g_free(id);
        g_free(name);
    }
    reports one, three;
    reports_init(&one);
    reports_init(&three);
    diag *d = diag_new();
    cr_assert(render_to("one", files, 1, NULL, RENDER_HTML, &one, d));
    cr_assert(render_to("three", files, 3, NULL, RENDER_HTML, &three, d));
    cr_assert_eq(one.paths->len, N);
    cr_assert_eq(three.paths->len, N);
    for (int i = 0; i < N; i++) {
        cr_assert_str_eq(g_ptr_array_index(three.paths, i), files[i]);
        cr_assert_str_eq(g_ptr_array_index(one.messages, i), g_ptr_array_index(three.messages, i));
        cr_assert(g_array_index(three.oks, gboolean, i), "%s", files[i]);
        char *name = g_strdup_printf("igf2008-bp%02d.en.html", 20 + i);
        char *a = read_out("one", name);
        char *b = read_out("three", name);
        cr_assert_str_eq(a, b, "%s differs", name);
        g_free(a);
        g_free(b);
        g_free(name);
        g_free(files[i]);
    }
    diag_free(d);
    reports_clear(&one);
    reports_clear(&three);
}

Test(render, the_first_file_with_an_id_is_rendered_and_a_later_one_is_an_error)
{
    char *files[] = {
        copy_record(BP14, "first.xml", "Best Practice Forum", "Best Practice Forum FIRST"),
        copy_record(BP14, "second.xml", "Best Practice Forum", "Best Practice Forum SECOND"),
        NULL,
    };
    for (unsigned jobs = 1; jobs <= 2; jobs++) {
        reports rs;
        reports_init(&rs);
        diag *d = diag_new();
        char *out = g_strdup_printf("out%u", jobs);
        cr_assert(render_to(out, files, jobs, NULL, RENDER_HTML, &rs, d));
        cr_assert(g_array_index(rs.oks, gboolean, 0));
        cr_assert_not(g_array_index(rs.oks, gboolean, 1));
        const char *m = g_ptr_array_index(rs.messages, 1);
        cr_assert_not_null(strstr(m, "id \"" BP14 "\" is also the id of"), "%s", m);
        cr_assert_not_null(strstr(m, files[0]), "%s", m);
        cr_assert_not_null(strstr(m, "[duplicate-id]"), "%s", m);
        char *html = read_out(out, BP14 ".en.html");
        cr_assert_not_null(strstr(html, "FIRST"));
        cr_assert_null(strstr(html, "SECOND"));
        g_free(html);
        g_free(out);
        diag_free(d);
        reports_clear(&rs);
    }
    g_free(files[0]);
    g_free(files[1]);
}

Test(render, no_files_means_no_reports)
{
    char *files[] = {NULL};
    reports rs;
    reports_init(&rs);
    diag *d = diag_new();
    cr_assert(render_to("out", files, 4, NULL, RENDER_HTML, &rs, d));
    cr_assert_eq(rs.paths->len, 0);
    diag_free(d);
    reports_clear(&rs);
}

/* The program, for typesetter processes; Makefile sets RAPPORTEUR. */
static const char *program(void)
{
    const char *env = getenv("RAPPORTEUR");
    if (env == NULL || !g_file_test(env, G_FILE_TEST_IS_EXECUTABLE))
        cr_skip_test("RAPPORTEUR is not the program");
    return env;
}

Test(render, pdfs_of_parallel_jobs_are_the_bytes_of_one_job)
{
    const char *prog = program();
    char *files[] = {copy_record(BP14, "a.xml", NULL, NULL), copy_record(WS087, "b.xml", NULL, NULL),
                     NULL};
    reports one, two;
    reports_init(&one);
    reports_init(&two);
    diag *d = diag_new();
    cr_assert(render_to("one", files, 1, NULL, RENDER_PDF, &one, d));
    cr_assert(render_to("two", files, 2, prog, RENDER_PDF, &two, d));
    cr_assert_eq(diag_length(d), 0);
    static const char *const pdfs[] = {BP14 ".en.pdf", WS087 ".en.pdf"};
    for (size_t i = 0; i < G_N_ELEMENTS(pdfs); i++) {
        char *p1 = g_build_filename(work, "one", pdfs[i], NULL);
        char *p2 = g_build_filename(work, "two", pdfs[i], NULL);
        char *a = NULL, *b = NULL;
        gsize la = 0, lb = 0;
        cr_assert(g_file_get_contents(p1, &a, &la, NULL));
        cr_assert(g_file_get_contents(p2, &b, &lb, NULL));
        cr_assert(la == lb && memcmp(a, b, la) == 0, "%s differs", pdfs[i]);
        g_free(a);
        g_free(b);
        g_free(p1);
        g_free(p2);
    }
    g_free(files[0]);
    g_free(files[1]);
    diag_free(d);
    reports_clear(&one);
    reports_clear(&two);
}

Test(render, typesetters_that_cannot_start_fail_each_pdf_with_a_message)
{
    char *files[] = {copy_record(BP14, "a.xml", NULL, NULL), copy_record(WS087, "b.xml", NULL, NULL),
                     NULL};
    reports rs;
    reports_init(&rs);
    diag *d = diag_new();
    render_to("out", files, 2, "/nonexistent/rapporteur", RENDER_PDF, &rs, d);
    cr_assert_eq(rs.paths->len, 2);
    for (guint i = 0; i < 2; i++) {
        const char *m = g_ptr_array_index(rs.messages, i);
        cr_assert_not(g_array_index(rs.oks, gboolean, i), "%s", files[i]);
        cr_assert_not_null(strstr(m, "typesetter"), "%s: %s", files[i], m);
    }
    cr_assert_not(exists_out("out", BP14 ".en.pdf"));
    cr_assert_not(exists_out("out", WS087 ".en.pdf"));
    g_free(files[0]);
    g_free(files[1]);
    diag_free(d);
    reports_clear(&rs);
}

/* Every file of work/A equals the one of the same name in work/B, and
 * there are as many; returns how many. */
static guint assert_same_dirs(const char *a, const char *b)
{
    char *da = at(a);
    char *db = at(b);
    GDir *dir = g_dir_open(da, 0, NULL);
    cr_assert_not_null(dir);
    guint n = 0;
    const char *name;
    while ((name = g_dir_read_name(dir)) != NULL) {
        char *pa = g_build_filename(da, name, NULL);
        char *pb = g_build_filename(db, name, NULL);
        char *x = NULL, *y = NULL;
        gsize lx = 0, ly = 0;
        cr_assert(g_file_get_contents(pa, &x, &lx, NULL));
        cr_assert(g_file_get_contents(pb, &y, &ly, NULL), "%s/%s is missing", b, name);
        cr_assert(lx == ly && memcmp(x, y, lx) == 0, "%s differs", name);
        g_free(x);
        g_free(y);
        g_free(pa);
        g_free(pb);
        n++;
    }
    g_dir_close(dir);
    GDir *other = g_dir_open(db, 0, NULL);
    guint m = 0;
    while (g_dir_read_name(other) != NULL)
        m++;
    g_dir_close(other);
    cr_assert_eq(n, m, "%u files in %s, %u in %s", n, a, m, b);
    g_free(da);
    g_free(db);
    return n;
}

Test(render, the_languages_of_one_record_are_set_at_once_with_the_bytes_of_one_job)
{
    const char *prog = program();
    char *files[] = {copy_record("igf2013-ws041", "a.xml", NULL, NULL), NULL};
    char *one_dir = at("one"), *two_dir = at("two");
    diag *mk = diag_new();
    cr_assert(outfile_mkdirs(one_dir, mk) && outfile_mkdirs(two_dir, mk));
    diag_free(mk);
    render_options o1 = html_to(one_dir), o2 = html_to(two_dir);
    o1.formats = o2.formats = RENDER_HTML | RENDER_PDF;
    o1.langs = o2.langs = "en,fr,ar,zh-Hans";
    reports one, two;
    reports_init(&one);
    reports_init(&two);
    diag *d = diag_new();
    cr_assert(render_files(r, files, &o1, 1, prog, report, &one, d));
    cr_assert(render_files(r, files, &o2, 2, prog, report, &two, d));
    cr_assert_eq(diag_length(d), 0);
    cr_assert(g_array_index(two.oks, gboolean, 0));
    cr_assert_str_eq(g_ptr_array_index(one.messages, 0), g_ptr_array_index(two.messages, 0));
    cr_assert_eq(assert_same_dirs("one", "two"), 8);
    g_free(one_dir);
    g_free(two_dir);
    g_free(files[0]);
    diag_free(d);
    reports_clear(&one);
    reports_clear(&two);
}
