/* Unit tests of outfile (generator/outfile.h): atomic writes. */
#include <criterion/criterion.h>

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "outfile.h"
#include "support.h"

static char *dir;

static void setup(void)
{
    dir = g_dir_make_tmp("rp-outfile-XXXXXX", NULL);
    cr_assert_not_null(dir);
}

static void teardown(void)
{
    if (dir == NULL)
        return;
    g_chmod(dir, 0755);
    support_remove_tree(dir);
    g_free(dir);
    dir = NULL;
}

TestSuite(outfile, .init = setup, .fini = teardown);

static char *in_dir(const char *name)
{
    return g_build_filename(dir, name, NULL);
}

/* The names in `d`, sorted, joined with ",". */
static char *listing(const char *d)
{
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    GDir *gd = g_dir_open(d, 0, NULL);
    const char *name;
    while (gd != NULL && (name = g_dir_read_name(gd)) != NULL)
        g_ptr_array_add(names, g_strdup(name));
    if (gd != NULL)
        g_dir_close(gd);
    for (guint i = 1; i < names->len; i++) {
        for (guint j = i;
             j > 0 && strcmp(g_ptr_array_index(names, j - 1), g_ptr_array_index(names, j)) > 0;
             j--) {
            gpointer t = names->pdata[j];
            names->pdata[j] = names->pdata[j - 1];
            names->pdata[j - 1] = t;
        }
    }
    g_ptr_array_add(names, NULL);
    char *joined = g_strjoinv(",", (char **)names->pdata);
    g_ptr_array_free(names, TRUE);
    return joined;
}

static size_t temporaries(const char *d)
{
    size_t n = 0;
    GDir *gd = g_dir_open(d, 0, NULL);
    const char *name;
    while (gd != NULL && (name = g_dir_read_name(gd)) != NULL) {
        if (g_str_has_prefix(name, OUTFILE_TMP_PREFIX))
            n++;
    }
    if (gd != NULL)
        g_dir_close(gd);
    return n;
}

static void assert_listing(const char *d, const char *want)
{
    char *got = listing(d);
    cr_assert_str_eq(got, want);
    g_free(got);
}

static void assert_content(const char *path, const char *want)
{
    char *got = NULL;
    gsize len = 0;
    cr_assert(g_file_get_contents(path, &got, &len, NULL), "cannot read %s", path);
    cr_assert_eq(len, strlen(want));
    cr_assert_str_eq(got, want);
    g_free(got);
}

/* ------------------------------------------------------------------ */
/* Success                                                             */
/* ------------------------------------------------------------------ */

Test(outfile, save_creates_the_file_with_its_content)
{
    char *path = in_dir("ws041.en.html");
    diag *d = diag_new();
    cr_assert(outfile_save(path, "<!DOCTYPE html>\n", 16, d));
    cr_assert_eq(diag_length(d), 0);
    assert_content(path, "<!DOCTYPE html>\n");
    assert_listing(dir, "ws041.en.html");
    diag_free(d);
    g_free(path);
}

Test(outfile, save_of_nothing_creates_an_empty_file)
{
    char *path = in_dir("empty");
    diag *d = diag_new();
    cr_assert(outfile_save(path, "", 0, d));
    assert_content(path, "");
    assert_listing(dir, "empty");
    diag_free(d);
    g_free(path);
}

Test(outfile, save_of_binary_data_keeps_every_byte)
{
    char *path = in_dir("r.pdf");
    unsigned char bytes[4096];
    for (size_t i = 0; i < sizeof bytes; i++)
        bytes[i] = (unsigned char)(i * 7);
    diag *d = diag_new();
    cr_assert(outfile_save(path, bytes, sizeof bytes, d));
    char *got = NULL;
    gsize len = 0;
    cr_assert(g_file_get_contents(path, &got, &len, NULL));
    cr_assert_eq(len, sizeof bytes);
    cr_assert_eq(memcmp(got, bytes, sizeof bytes), 0);
    g_free(got);
    diag_free(d);
    g_free(path);
}

Test(outfile, committing_over_an_existing_file_replaces_it)
{
    char *path = in_dir("report.html");
    cr_assert(g_file_set_contents(path, "old content, longer than the new one", -1, NULL));
    diag *d = diag_new();
    cr_assert(outfile_save(path, "new", 3, d));
    assert_content(path, "new");
    assert_listing(dir, "report.html");
    diag_free(d);
    g_free(path);
}

Test(outfile, writes_go_to_a_temporary_until_commit)
{
    char *path = in_dir("report.html");
    cr_assert(g_file_set_contents(path, "old", -1, NULL));
    diag *d = diag_new();
    outfile *f = outfile_open(path, d);
    cr_assert_not_null(f);
    cr_assert(outfile_write(f, "new ", 4));
    cr_assert(outfile_write(f, "content", 7));
    /* Readers still see the old file, beside one temporary. */
    assert_content(path, "old");
    cr_assert_eq(temporaries(dir), 1);
    char *names = listing(dir);
    cr_assert(g_str_has_prefix(names, OUTFILE_TMP_PREFIX "report.html."), "%s", names);
    cr_assert(g_str_has_suffix(names, ",report.html"), "%s", names);
    g_free(names);
    cr_assert(outfile_commit(f, d));
    assert_content(path, "new content");
    assert_listing(dir, "report.html");
    cr_assert_eq(diag_length(d), 0);
    diag_free(d);
    g_free(path);
}

Test(outfile, several_files_may_be_open_at_once)
{
    char *a = in_dir("a.html");
    char *b = in_dir("b.html");
    char *c = in_dir("c.html");
    diag *d = diag_new();
    outfile *fa = outfile_open(a, d);
    outfile *fb = outfile_open(b, d);
    outfile *fc = outfile_open(c, d);
    cr_assert(fa != NULL && fb != NULL && fc != NULL);
    cr_assert_eq(temporaries(dir), 3);
    outfile_write(fa, "A", 1);
    outfile_write(fb, "B", 1);
    outfile_write(fc, "C", 1);
    cr_assert(outfile_commit(fc, d));
    outfile_abort(fb);
    cr_assert(outfile_commit(fa, d));
    assert_listing(dir, "a.html,c.html");
    assert_content(a, "A");
    assert_content(c, "C");
    diag_free(d);
    g_free(a);
    g_free(b);
    g_free(c);
}

Test(outfile, more_files_than_the_signal_registry_holds)
{
    enum { N = 70 };
    outfile *f[N];
    char *paths[N];
    diag *d = diag_new();
    for (int i = 0; i < N; i++) {
        char name[32];
        g_snprintf(name, sizeof name, "f%02d", i);
        paths[i] = in_dir(name);
        f[i] = outfile_open(paths[i], d);
        cr_assert_not_null(f[i], "file %d", i);
        outfile_write(f[i], name, strlen(name));
    }
    for (int i = 0; i < N; i++)
        cr_assert(outfile_commit(f[i], d), "file %d", i);
    cr_assert_eq(temporaries(dir), 0);
    for (int i = 0; i < N; i++) {
        char name[32];
        g_snprintf(name, sizeof name, "f%02d", i);
        assert_content(paths[i], name);
        g_free(paths[i]);
    }
    diag_free(d);
}

Test(outfile, not_durable_still_writes)
{
    outfile_set_durable(false);
    char *path = in_dir("x");
    diag *d = diag_new();
    cr_assert(outfile_save(path, "x", 1, d));
    assert_content(path, "x");
    outfile_sync_all(dir);
    outfile_set_durable(true);
    diag_free(d);
    g_free(path);
}

/* ------------------------------------------------------------------ */
/* Abort                                                               */
/* ------------------------------------------------------------------ */

Test(outfile, abort_removes_the_temporary)
{
    char *path = in_dir("report.html");
    diag *d = diag_new();
    outfile *f = outfile_open(path, d);
    cr_assert_not_null(f);
    outfile_write(f, "partial", 7);
    cr_assert_eq(temporaries(dir), 1);
    outfile_abort(f);
    assert_listing(dir, "");
    cr_assert_eq(diag_length(d), 0);
    diag_free(d);
    g_free(path);
}

Test(outfile, abort_leaves_the_old_file)
{
    char *path = in_dir("report.html");
    cr_assert(g_file_set_contents(path, "old", -1, NULL));
    diag *d = diag_new();
    outfile *f = outfile_open(path, d);
    cr_assert_not_null(f);
    outfile_write(f, "new", 3);
    outfile_abort(f);
    assert_content(path, "old");
    assert_listing(dir, "report.html");
    diag_free(d);
    g_free(path);
}

Test(outfile, abort_accepts_null)
{
    outfile_abort(NULL);
}

/* ------------------------------------------------------------------ */
/* Failures                                                            */
/* ------------------------------------------------------------------ */

static void assert_output_error(const diag *d, const char *prefix)
{
    cr_assert_eq(diag_count(d, DIAG_ERROR), 1);
    const diag_entry *e = diag_get(d, 0);
    cr_assert_null(e->file);
    cr_assert_str_eq(e->rule, "output");
    cr_assert(g_str_has_prefix(e->message, prefix), "\"%s\" does not start with \"%s\"", e->message,
              prefix);
}

Test(outfile, missing_directory_is_an_error_and_leaves_nothing)
{
    char *path = g_build_filename(dir, "nowhere", "r.html", NULL);
    diag *d = diag_new();
    cr_assert_not(outfile_save(path, "x", 1, d));
    char *want = g_strdup_printf("cannot write %s: %s", path, g_strerror(ENOENT));
    assert_output_error(d, want);
    cr_assert_str_eq(diag_get(d, 0)->message, want);
    assert_listing(dir, "");
    g_free(want);
    diag_free(d);
    g_free(path);
}

Test(outfile, open_in_a_missing_directory_returns_null)
{
    char *path = g_build_filename(dir, "nowhere", "r.html", NULL);
    diag *d = diag_new();
    cr_assert_null(outfile_open(path, d));
    cr_assert_eq(diag_count(d, DIAG_ERROR), 1);
    diag_free(d);
    g_free(path);
}

Test(outfile, parent_that_is_a_file_is_an_error)
{
    char *file = in_dir("file");
    cr_assert(g_file_set_contents(file, "I am a file", -1, NULL));
    char *path = g_build_filename(file, "r.html", NULL);
    diag *d = diag_new();
    cr_assert_not(outfile_save(path, "x", 1, d));
    char *want = g_strdup_printf("cannot write %s: %s", path, g_strerror(ENOTDIR));
    assert_output_error(d, want);
    assert_listing(dir, "file");
    assert_content(file, "I am a file");
    g_free(want);
    diag_free(d);
    g_free(path);
    g_free(file);
}

Test(outfile, read_only_directory_is_an_error_and_leaves_nothing)
{
    if (geteuid() == 0) {
        teardown();
        cr_skip_test("running as root: directory permissions are not enforced");
    }
    char *sub = in_dir("ro");
    cr_assert_eq(g_mkdir(sub, 0755), 0);
    cr_assert_eq(g_chmod(sub, 0555), 0);
    char *path = g_build_filename(sub, "r.html", NULL);
    diag *d = diag_new();
    cr_assert_not(outfile_save(path, "x", 1, d));
    char *want = g_strdup_printf("cannot write %s: %s", path, g_strerror(EACCES));
    assert_output_error(d, want);
    assert_listing(sub, "");
    g_free(want);
    diag_free(d);
    g_free(path);
    g_free(sub);
}

Test(outfile, commit_over_a_directory_fails_and_leaves_no_temporary)
{
    char *path = in_dir("taken");
    cr_assert_eq(g_mkdir(path, 0755), 0);
    diag *d = diag_new();
    outfile *f = outfile_open(path, d);
    cr_assert_not_null(f);
    outfile_write(f, "x", 1);
    cr_assert_not(outfile_commit(f, d));
    char *want = g_strdup_printf("cannot write %s: %s (left unchanged)", path, g_strerror(EISDIR));
    assert_output_error(d, "cannot write ");
    cr_assert_str_eq(diag_get(d, 0)->message, want);
    assert_listing(dir, "taken");
    cr_assert(g_file_test(path, G_FILE_TEST_IS_DIR));
    g_free(want);
    diag_free(d);
    g_free(path);
}

/* ------------------------------------------------------------------ */
/* Permissions                                                         */
/* ------------------------------------------------------------------ */

static mode_t mode_of_a_saved_file(mode_t mask)
{
    umask(mask);
    outfile_init();
    char *path = in_dir("m");
    diag *d = diag_new();
    cr_assert(outfile_save(path, "x", 1, d));
    GStatBuf st;
    cr_assert_eq(g_stat(path, &st), 0);
    g_unlink(path);
    diag_free(d);
    g_free(path);
    return st.st_mode & 07777;
}

Test(outfile, permissions_follow_the_umask_022)
{
    cr_assert_eq(mode_of_a_saved_file(022), 0644);
}

Test(outfile, permissions_follow_the_umask_027)
{
    cr_assert_eq(mode_of_a_saved_file(027), 0640);
}

Test(outfile, permissions_follow_the_umask_077)
{
    cr_assert_eq(mode_of_a_saved_file(077), 0600);
}

Test(outfile, permissions_follow_the_umask_002)
{
    cr_assert_eq(mode_of_a_saved_file(002), 0664);
}

/* outfile_init() is documented as installing signal handlers; a program
 * that writes without it (a tool, a fuzzer) still gets the umask's mode,
 * never more. */
Test(outfile, permissions_follow_the_umask_without_init)
{
    umask(077);
    char *path = in_dir("m");
    diag *d = diag_new();
    cr_assert(outfile_save(path, "x", 1, d));
    GStatBuf st;
    cr_assert_eq(g_stat(path, &st), 0);
    cr_assert_eq(st.st_mode & 07777, 0600, "mode %o", (unsigned)(st.st_mode & 07777));
    diag_free(d);
    g_free(path);
}

Test(outfile, replacing_a_file_gives_it_the_umask_mode)
{
    umask(022);
    outfile_init();
    char *path = in_dir("m");
    cr_assert(g_file_set_contents(path, "old", -1, NULL));
    cr_assert_eq(g_chmod(path, 0600), 0);
    diag *d = diag_new();
    cr_assert(outfile_save(path, "new", 3, d));
    GStatBuf st;
    cr_assert_eq(g_stat(path, &st), 0);
    cr_assert_eq(st.st_mode & 07777, 0644);
    diag_free(d);
    g_free(path);
}

/* ------------------------------------------------------------------ */
/* Signals                                                             */
/* ------------------------------------------------------------------ */

/* What the killed child holds, reachable to the end (not leaked). */
static outfile *child_file;

static void killed_while_writing(int sig)
{
    char *path = in_dir("report.html");
    cr_assert(g_file_set_contents(path, "old", -1, NULL));
    pid_t pid = fork();
    cr_assert_geq(pid, 0);
    if (pid == 0) {
        outfile_init();
        diag *d = diag_new();
        child_file = outfile_open(path, d);
        diag_free(d);
        if (child_file == NULL)
            _exit(3);
        outfile_write(child_file, "partial", 7);
        raise(sig);
        _exit(4); /* not reached */
    }
    int status = 0;
    cr_assert_eq(waitpid(pid, &status, 0), pid);
    cr_assert(WIFSIGNALED(status), "the child exited with %d", WEXITSTATUS(status));
    cr_assert_eq(WTERMSIG(status), sig);
    /* The temporary is gone, the old output is as it was. */
    assert_listing(dir, "report.html");
    assert_content(path, "old");
    g_free(path);
}

Test(outfile, sigterm_removes_the_temporaries)
{
    killed_while_writing(SIGTERM);
}

Test(outfile, sigint_removes_the_temporaries)
{
    killed_while_writing(SIGINT);
}

Test(outfile, sighup_removes_the_temporaries)
{
    killed_while_writing(SIGHUP);
}

/* ------------------------------------------------------------------ */
/* Directories                                                         */
/* ------------------------------------------------------------------ */

Test(outfile, mkdirs_creates_parents)
{
    char *deep = g_build_filename(dir, "a", "b", "c", NULL);
    diag *d = diag_new();
    cr_assert(outfile_mkdirs(deep, d));
    cr_assert(g_file_test(deep, G_FILE_TEST_IS_DIR));
    cr_assert(outfile_mkdirs(deep, d), "an existing directory is fine");
    cr_assert_eq(diag_length(d), 0);
    diag_free(d);
    g_free(deep);
}

Test(outfile, mkdirs_under_a_file_is_an_error)
{
    char *file = in_dir("file");
    cr_assert(g_file_set_contents(file, "", -1, NULL));
    char *deep = g_build_filename(file, "sub", NULL);
    diag *d = diag_new();
    cr_assert_not(outfile_mkdirs(deep, d));
    char *want = g_strdup_printf("cannot create the directory %s: %s", deep, g_strerror(ENOTDIR));
    assert_output_error(d, want);
    cr_assert_str_eq(diag_get(d, 0)->message, want);
    g_free(want);
    diag_free(d);
    g_free(deep);
    g_free(file);
}
