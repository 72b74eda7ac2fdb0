/* Unit tests of corpus (generator/corpus.h): the archive of two small
 * records of inputs/ built into a temporary site, rebuilt, verified and
 * tampered with; corpus-wide checks; --shard specifications. */
#include <criterion/criterion.h>

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>

#include "corpus.h"
#include "grammar.h"
#include "manifest.h"
#include "outfile.h"
#include "render.h"
#include "transform.h"
#include "support.h"

#define BP14 "igf2008-bp14"
#define WS087 "igf2009-ws087"

static char *work;     /* temporary: in/ (the records), site/ */
static char *data_dir; /* $RAPPORTEUR_DATA_DIR */
static renderer *r;

static char *at(const char *rel)
{
    return g_build_filename(work, rel, NULL);
}

static void write_file(const char *rel, const char *text)
{
    char *path = at(rel);
    char *parent = g_path_get_dirname(path);
    cr_assert_eq(g_mkdir_with_parents(parent, 0755), 0);
    cr_assert(g_file_set_contents(path, text, -1, NULL), "cannot write %s", path);
    g_free(parent);
    g_free(path);
}

static char *read_file(const char *rel)
{
    char *path = at(rel);
    char *text = NULL;
    cr_assert(g_file_get_contents(path, &text, NULL, NULL), "cannot read %s", path);
    g_free(path);
    return text;
}

/* Copies inputs/NAME.xml to work/in/AS (NAME.xml when AS is NULL),
 * replacing `from` with `to` if given. */
static void copy_record(const char *name, const char *as, const char *from, const char *to)
{
    char *src = g_strdup_printf("%s/inputs/%s.xml", data_dir, name);
    char *text = NULL;
    cr_assert(g_file_get_contents(src, &text, NULL, NULL), "cannot read %s", src);
    if (from != NULL) {
        cr_assert_not_null(strstr(text, from), "%s is not in %s", from, src);
        char **parts = g_strsplit(text, from, 2);
        g_free(text);
        text = g_strjoinv(to, parts);
        g_strfreev(parts);
    }
    char *rel = as != NULL ? g_strconcat("in/", as, NULL) : g_strdup_printf("in/%s.xml", name);
    write_file(rel, text);
    g_free(rel);
    g_free(text);
    g_free(src);
}

static void setup_site(void)
{
    work = g_dir_make_tmp("rp-corpus-XXXXXX", NULL);
    cr_assert_not_null(work);
}

static void setup_renderer(void)
{
    setup_site();
    r = support_renderer_open(RENDER_HTML | RENDER_PDF, &data_dir);
    copy_record(BP14, NULL, NULL, NULL);
    copy_record(WS087, NULL, NULL, NULL);
}

static void teardown(void)
{
    if (data_dir != NULL)
        support_renderer_close(r);
    r = NULL;
    g_free(data_dir);
    data_dir = NULL;
    if (work != NULL)
        support_remove_tree(work);
    g_free(work);
    work = NULL;
}

TestSuite(corpus, .init = setup_renderer, .fini = teardown, .timeout = 60);
TestSuite(corpus_site, .init = setup_site, .fini = teardown);

/* Builds work/in into work/SITE with `typesetter` processes (NULL: text
 * set in this process); returns the result, diagnostics in d. */
static corpus_result build_with(const char *site, const char *typesetter, diag *d, bool keep_going)
{
    char *in = at("in");
    char *out = at(site);
    corpus_options o = {0};
    o.langs = "record";
    o.site = out;
    o.paper = "a4";
    o.jobs = 2;
    o.keep_going = keep_going;
    o.typesetter = typesetter;
    corpus_result res = corpus_build(r, in, &o, d);
    g_free(out);
    g_free(in);
    return res;
}

static corpus_result build_into(const char *site, diag *d, bool keep_going)
{
    return build_with(site, NULL, d, keep_going);
}

static void log_diag(const diag *d)
{
    for (size_t i = 0; i < diag_length(d); i++) {
        char *line = diag_format(diag_get(d, i));
        cr_log_info("%s", line);
        g_free(line);
    }
}

/* Builds work/in into work/SITE, which must succeed without errors. */
static void build_ok(const char *site)
{
    diag *d = diag_new();
    corpus_result res = build_into(site, d, false);
    log_diag(d);
    cr_assert_eq(res, CORPUS_OK, "the build failed (%d)", res);
    cr_assert_eq(diag_count(d, DIAG_ERROR), 0);
    diag_free(d);
}

static manifest *read_manifest(const char *rel)
{
    char *path = at(rel);
    diag *d = diag_new();
    manifest *m = manifest_read(path, d);
    log_diag(d);
    cr_assert_not_null(m, "no manifest %s", path);
    diag_free(d);
    g_free(path);
    return m;
}

/* Every file under root/rel except the manifest and the build's state. */
static void list_published(const char *root, const char *rel, GPtrArray *out)
{
    char *path = rel[0] ? g_build_filename(root, rel, NULL) : g_strdup(root);
    GDir *gd = g_dir_open(path, 0, NULL);
    cr_assert_not_null(gd, "cannot list %s", path);
    const char *name;
    while ((name = g_dir_read_name(gd)) != NULL) {
        char *child = rel[0] ? g_strconcat(rel, "/", name, NULL) : g_strdup(name);
        char *full = g_build_filename(root, child, NULL);
        if (strcmp(child, "manifest.json") == 0 || strcmp(child, CORPUS_STATE_DIR) == 0)
            g_free(child);
        else if (g_file_test(full, G_FILE_TEST_IS_DIR)) {
            list_published(root, child, out);
            g_free(child);
        } else
            g_ptr_array_add(out, child);
        g_free(full);
    }
    g_dir_close(gd);
    g_free(path);
}

static int compare_strings(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static ino_t inode_of(const char *rel)
{
    char *path = at(rel);
    GStatBuf st;
    cr_assert_eq(g_stat(path, &st), 0, "no %s", path);
    g_free(path);
    return st.st_ino;
}

static bool exists(const char *rel)
{
    char *path = at(rel);
    bool is = g_file_test(path, G_FILE_TEST_IS_REGULAR);
    g_free(path);
    return is;
}

static corpus_result verify_site(const char *site, diag *d)
{
    char *path = at(site);
    corpus_result res = corpus_verify(path, d);
    g_free(path);
    return res;
}

/* Whether some entry of d contains `part` in its formatted line. */
static bool mentions(const diag *d, const char *part)
{
    for (size_t i = 0; i < diag_length(d); i++) {
        char *line = diag_format(diag_get(d, i));
        bool has = strstr(line, part) != NULL;
        g_free(line);
        if (has)
            return true;
    }
    return false;
}

/* ------------------------------------------------------------------ */
/* A site built                                                        */
/* ------------------------------------------------------------------ */

Test(corpus, an_archive_has_the_reports_indexes_statistics_and_manifest)
{
    build_ok("site");
    const char *want[] = {"site/index.html",
                          "site/index.en.html",
                          "site/site.css",
                          "site/stats.csv",
                          "site/manifest.json",
                          "site/reports/" BP14 ".en.html",
                          "site/reports/" BP14 ".en.pdf",
                          "site/reports/" WS087 ".en.html",
                          "site/reports/" WS087 ".en.pdf",
                          "site/years/2008.en.html",
                          "site/years/2009.en.html",
                          "site/" CORPUS_STATE_DIR "/manifest.json"};
    for (size_t i = 0; i < G_N_ELEMENTS(want); i++)
        cr_assert(exists(want[i]), "no %s", want[i]);
    char *pdf = read_file("site/reports/" BP14 ".en.pdf");
    cr_assert(g_str_has_prefix(pdf, "%PDF-"));
    g_free(pdf);
    char *html = read_file("site/reports/" WS087 ".en.html");
    cr_assert(g_str_has_prefix(html, "<!DOCTYPE html>\n"));
    g_free(html);
}

Test(corpus, the_manifest_lists_every_published_file_with_its_hash)
{
    build_ok("site");
    manifest *m = read_manifest("site/manifest.json");
    char *site = at("site");
    GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
    list_published(site, "", files);
    g_ptr_array_sort(files, compare_strings);
    GPtrArray *entries = manifest_entries(m);
    cr_assert_eq(entries->len, files->len, "%u entries for %u files", entries->len, files->len);
    for (guint i = 0; i < files->len; i++) {
        const manifest_entry *e = g_ptr_array_index(entries, i);
        const char *rel = g_ptr_array_index(files, i);
        cr_assert_str_eq(e->path, rel);
        char *full = g_build_filename(site, rel, NULL);
        char *sha = NULL;
        uint64_t size = 0;
        cr_assert(manifest_hash_file(full, &sha, &size));
        cr_assert_str_eq(e->sha256, sha, "%s", rel);
        cr_assert_eq(e->size, size, "%s", rel);
        cr_assert_not_null(e->fingerprint, "%s", rel);
        g_free(sha);
        g_free(full);
    }
    cr_assert_str_eq(manifest_generator(m), "rapporteur " RP_VERSION);
    g_ptr_array_free(files, TRUE);
    g_free(site);
    manifest_free(m);
}

Test(corpus, a_report_names_its_record_and_language_and_an_index_none)
{
    build_ok("site");
    manifest *m = read_manifest("site/manifest.json");
    const manifest_entry *e = manifest_get(m, "reports/" BP14 ".en.pdf");
    cr_assert_not_null(e);
    cr_assert_str_eq(e->record, BP14 ".xml");
    cr_assert_str_eq(e->lang, "en");
    char *input = at("in/" BP14 ".xml");
    char *sha = NULL;
    uint64_t size = 0;
    cr_assert(manifest_hash_file(input, &sha, &size));
    cr_assert_str_eq(e->record_sha256, sha);
    g_free(sha);
    g_free(input);
    const manifest_entry *idx = manifest_get(m, "index.html");
    cr_assert_not_null(idx);
    cr_assert_null(idx->record);
    cr_assert_null(idx->record_sha256);
    manifest_free(m);
}

Test(corpus, the_public_manifest_has_no_mtimes_and_the_private_copy_has_them)
{
    build_ok("site");
    char *pub = read_file("site/manifest.json");
    char *priv = read_file("site/" CORPUS_STATE_DIR "/manifest.json");
    cr_assert_null(strstr(pub, "mtime"));
    cr_assert_not_null(strstr(priv, "\"mtime\": "));
    g_free(priv);
    g_free(pub);
    manifest *m = read_manifest("site/" CORPUS_STATE_DIR "/manifest.json");
    const manifest_entry *e = manifest_get(m, "reports/" WS087 ".en.html");
    cr_assert_not_null(e);
    char *path = at("site/reports/" WS087 ".en.html");
    GStatBuf st;
    cr_assert_eq(g_stat(path, &st), 0);
    cr_assert_eq(e->mtime, (int64_t)st.st_mtime);
    g_free(path);
    manifest_free(m);
}

Test(corpus, two_builds_of_the_same_records_publish_the_same_manifest)
{
    build_ok("one");
    build_ok("two");
    char *a = read_file("one/manifest.json");
    char *b = read_file("two/manifest.json");
    /* Same hashes: the same HTML and PDF bytes. */
    cr_assert_str_eq(a, b);
    g_free(a);
    g_free(b);
}

Test(corpus, a_rebuild_without_changes_writes_nothing)
{
    build_ok("site");
    ino_t manifest_ino = inode_of("site/manifest.json");
    ino_t report_ino = inode_of("site/reports/" BP14 ".en.pdf");
    ino_t index_ino = inode_of("site/index.en.html");
    char *before = read_file("site/manifest.json");
    build_ok("site");
    char *after = read_file("site/manifest.json");
    cr_assert_str_eq(before, after);
    /* Files are replaced by renaming: the same inode is the same file. */
    cr_assert_eq(inode_of("site/manifest.json"), manifest_ino, "the manifest was rewritten");
    cr_assert_eq(inode_of("site/reports/" BP14 ".en.pdf"), report_ino, "a report was rewritten");
    cr_assert_eq(inode_of("site/index.en.html"), index_ino, "an index was rewritten");
    g_free(before);
    g_free(after);
}

Test(corpus, a_changed_record_renders_its_reports_again_and_only_them)
{
    build_ok("site");
    manifest *old = read_manifest("site/manifest.json");
    ino_t other_ino = inode_of("site/reports/" WS087 ".en.pdf");
    copy_record(BP14, NULL, "Best Practice Forum: Cooperation",
                "Best Practice Forum: Co-operation");
    build_ok("site");
    manifest *next = read_manifest("site/manifest.json");
    const char *changed[] = {"reports/" BP14 ".en.html", "reports/" BP14 ".en.pdf"};
    for (size_t i = 0; i < G_N_ELEMENTS(changed); i++)
        cr_assert_str_neq(manifest_get(old, changed[i])->sha256,
                          manifest_get(next, changed[i])->sha256, "%s not rendered again",
                          changed[i]);
    cr_assert_str_neq(manifest_get(old, changed[0])->record_sha256,
                      manifest_get(next, changed[0])->record_sha256);
    cr_assert_str_eq(manifest_get(old, "reports/" WS087 ".en.pdf")->sha256,
                     manifest_get(next, "reports/" WS087 ".en.pdf")->sha256);
    cr_assert_eq(inode_of("site/reports/" WS087 ".en.pdf"), other_ino,
                 "the unchanged record's report was rewritten");
    char *html = read_file("site/reports/" BP14 ".en.html");
    cr_assert_not_null(strstr(html, "Co-operation"));
    g_free(html);
    diag *d = diag_new();
    cr_assert_eq(verify_site("site", d), CORPUS_OK);
    diag_free(d);
    manifest_free(old);
    manifest_free(next);
}

Test(corpus, a_removed_record_takes_its_reports_with_it)
{
    build_ok("site");
    char *gone = at("in/" WS087 ".xml");
    cr_assert_eq(g_unlink(gone), 0);
    g_free(gone);
    build_ok("site");
    cr_assert_not(exists("site/reports/" WS087 ".en.html"));
    cr_assert_not(exists("site/reports/" WS087 ".en.pdf"));
    cr_assert(exists("site/reports/" BP14 ".en.pdf"));
    manifest *m = read_manifest("site/manifest.json");
    cr_assert_null(manifest_get(m, "reports/" WS087 ".en.pdf"));
    manifest_free(m);
    diag *d = diag_new();
    cr_assert_eq(verify_site("site", d), CORPUS_OK, "stale files left behind");
    diag_free(d);
}

/* ------------------------------------------------------------------ */
/* Verification of a built site                                        */
/* ------------------------------------------------------------------ */

Test(corpus, a_fresh_site_verifies)
{
    build_ok("site");
    diag *d = diag_new();
    cr_assert_eq(verify_site("site", d), CORPUS_OK);
    cr_assert_eq(diag_length(d), 0);
    diag_free(d);
}

Test(corpus, a_tampered_site_does_not_verify)
{
    build_ok("site");
    write_file("site/reports/" BP14 ".en.html", "<!DOCTYPE html>\n<p>rewritten</p>\n");
    char *gone = at("site/stats.csv");
    g_unlink(gone);
    g_free(gone);
    write_file("site/reports/planted.html", "x");
    diag *d = diag_new();
    cr_assert_eq(verify_site("site", d), CORPUS_BAD_INPUT);
    cr_assert_eq(diag_count(d, DIAG_ERROR), 3);
    cr_assert(mentions(d, "reports/" BP14 ".en.html: changed"));
    cr_assert(mentions(d, "stats.csv: missing"));
    cr_assert(mentions(d, "reports/planted.html: extra"));
    diag_free(d);
}

/* A record id may hold ".." ("igf2008..bp14" is an NCName): its site verifies. */
Test(corpus, a_site_of_a_record_whose_id_has_two_dots_verifies)
{
    copy_record(BP14, NULL, "id=\"igf2008-bp14\"", "id=\"igf2008..bp14\"");
    build_ok("site");
    cr_assert(exists("site/reports/igf2008..bp14.en.html"));
    diag *d = diag_new();
    corpus_result res = verify_site("site", d);
    log_diag(d);
    cr_assert_eq(res, CORPUS_OK);
    diag_free(d);
}

/* ------------------------------------------------------------------ */
/* Records with errors                                                 */
/* ------------------------------------------------------------------ */

Test(corpus, two_records_with_one_id_publish_nothing)
{
    copy_record(BP14, "zz-copy.xml", NULL, NULL);
    diag *d = diag_new();
    cr_assert_eq(build_into("site", d, false), CORPUS_BAD_INPUT);
    cr_assert(mentions(d, "[corpus-duplicate-id]"));
    cr_assert(mentions(d, "zz-copy.xml"), "the error names the second record");
    cr_assert_not(exists("site/manifest.json"));
    cr_assert_not(exists("site/index.html"));
    diag_free(d);
}

Test(corpus, keep_going_publishes_the_valid_records)
{
    copy_record(BP14, "zz-copy.xml", NULL, NULL);
    diag *d = diag_new();
    cr_assert_eq(build_into("site", d, true), CORPUS_BAD_INPUT);
    cr_assert(mentions(d, "[corpus-duplicate-id]"));
    manifest *m = read_manifest("site/manifest.json");
    const manifest_entry *e = manifest_get(m, "reports/" BP14 ".en.pdf");
    cr_assert_not_null(e);
    cr_assert_str_eq(e->record, BP14 ".xml", "the first record keeps its id");
    cr_assert_not_null(manifest_get(m, "reports/" WS087 ".en.pdf"));
    manifest_free(m);
    diag_clear(d);
    cr_assert_eq(verify_site("site", d), CORPUS_OK);
    diag_free(d);
}

Test(corpus, check_dir_passes_distinct_records)
{
    diag *d = diag_new();
    char *in = at("in");
    bool ok = corpus_check_dir(r, in, false, d);
    log_diag(d);
    cr_assert(ok);
    cr_assert_eq(diag_count(d, DIAG_ERROR), 0);
    g_free(in);
    diag_free(d);
}

Test(corpus, check_dir_finds_two_records_with_one_id)
{
    copy_record(BP14, "zz-copy.xml", NULL, NULL);
    diag *d = diag_new();
    char *in = at("in");
    cr_assert_not(corpus_check_dir(r, in, false, d));
    cr_assert_eq(diag_count(d, DIAG_ERROR), 1);
    cr_assert(mentions(d, "[corpus-duplicate-id]"));
    /* The same session and symbol twice: warned about. */
    cr_assert(mentions(d, "[corpus-duplicate-session]"));
    cr_assert(mentions(d, "[corpus-symbol]"));
    g_free(in);
    diag_free(d);
}

/* ------------------------------------------------------------------ */
/* Verification without a site built                                   */
/* ------------------------------------------------------------------ */

Test(corpus_site, verify_of_a_directory_without_a_manifest_says_so)
{
    write_file("site/index.html", "x");
    diag *d = diag_new();
    cr_assert_eq(verify_site("site", d), CORPUS_ENVIRONMENT);
    cr_assert_eq(diag_count(d, DIAG_ERROR), 1);
    cr_assert(mentions(d, "no manifest"));
    diag_free(d);
}

Test(corpus_site, verify_of_a_malformed_manifest_gives_the_readers_error_only)
{
    write_file("site/manifest.json", "{\n  \"format\": \"rapporteur-manifest/1\",\n  oops\n}\n");
    diag *d = diag_new();
    cr_assert_eq(verify_site("site", d), CORPUS_ENVIRONMENT);
    cr_assert_eq(diag_count(d, DIAG_ERROR), 1);
    cr_assert_eq(diag_get(d, 0)->line, 3);
    cr_assert_not(mentions(d, "no manifest"));
    diag_free(d);
}

Test(corpus_site, verify_notes_an_interrupted_publication_and_accepts_its_files)
{
    write_file("site/a.html", "new");
    manifest *m = manifest_new("g");
    manifest *pending = manifest_new("g");
    manifest_entry e = {0};
    e.path = "a.html";
    e.sha256 = g_compute_checksum_for_string(G_CHECKSUM_SHA256, "old", -1);
    e.size = 3;
    manifest_put(m, &e);
    g_free(e.sha256);
    e.sha256 = g_compute_checksum_for_string(G_CHECKSUM_SHA256, "new", -1);
    manifest_put(pending, &e);
    g_free(e.sha256);
    size_t len = 0;
    char *json = manifest_to_json(m, false, &len);
    write_file("site/manifest.json", json);
    g_free(json);
    diag *d = diag_new();
    cr_assert_eq(verify_site("site", d), CORPUS_BAD_INPUT, "a.html matches no manifest yet");
    diag_clear(d);
    json = manifest_to_json(pending, true, &len);
    write_file("site/" CORPUS_STATE_DIR "/commit.json", json);
    g_free(json);
    cr_assert_eq(verify_site("site", d), CORPUS_OK);
    cr_assert_eq(diag_count(d, DIAG_ERROR), 0);
    cr_assert_eq(diag_count(d, DIAG_NOTE), 1);
    cr_assert(mentions(d, "interrupted"));
    diag_free(d);
    manifest_free(m);
    manifest_free(pending);
}

/* ------------------------------------------------------------------ */
/* --shard K/N                                                         */
/* ------------------------------------------------------------------ */

Test(corpus_site, shard_specifications_k_of_n)
{
    static const struct {
        const char *spec;
        int k, n;
    } good[] = {{"1/1", 1, 1}, {"2/8", 2, 8}, {"8/8", 8, 8}, {"10/12", 10, 12}};
    for (size_t i = 0; i < G_N_ELEMENTS(good); i++) {
        int k = -1, n = -1;
        cr_assert(corpus_parse_shard(good[i].spec, &k, &n), "%s refused", good[i].spec);
        cr_assert_eq(k, good[i].k, "%s", good[i].spec);
        cr_assert_eq(n, good[i].n, "%s", good[i].spec);
    }
}

Test(corpus_site, shard_specifications_out_of_range_or_malformed_are_refused)
{
    const char *bad[] = {"0/8", "9/8", "1/0",  "0/0",   "-1/2", "2/-3", "1",    "1/",
                         "/2",  "a/b", "1/2x", "1/2/3", "1-2",  "",     "1 /2 "};
    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
        int k = -7, n = -7;
        cr_assert_not(corpus_parse_shard(bad[i], &k, &n), "\"%s\" accepted", bad[i]);
        cr_assert(k == -7 && n == -7, "\"%s\" refused but changed the outputs", bad[i]);
    }
}

/* ------------------------------------------------------------------ */
/* Typesetter processes                                                */
/* ------------------------------------------------------------------ */

static char *program(void)
{
    const char *env = getenv("RAPPORTEUR");
    char *p = env != NULL ? g_strdup(env) : g_build_filename(data_dir, "build", "rapporteur", NULL);
    cr_assert(g_file_test(p, G_FILE_TEST_IS_EXECUTABLE), "no program at %s", p);
    return p;
}

Test(corpus, typesetter_processes_publish_the_same_site)
{
    build_ok("site");
    char *exe = program();
    diag *d = diag_new();
    corpus_result res = build_with("site2", exe, d, false);
    log_diag(d);
    cr_assert_eq(res, CORPUS_OK);
    char *a = read_file("site/manifest.json");
    char *b = read_file("site2/manifest.json");
    cr_assert_str_eq(a, b, "the manifests (hashes of every file) differ");
    g_free(a);
    g_free(b);
    diag_free(d);
    g_free(exe);
}

Test(corpus, a_typesetter_that_dies_fails_the_build_and_leaves_the_site_as_it_was)
{
    build_ok("site");
    char *before = read_file("site/manifest.json");
    ino_t report_ino = inode_of("site/reports/" BP14 ".en.pdf");
    copy_record(BP14, NULL, "Best Practice Forum: Cooperation",
                "Best Practice Forum: Co-operation");
    /* A "typesetter" that reads the start of its request and crashes. */
    char *script = at("crash.sh");
    write_file("crash.sh", "#!/bin/sh\nhead -c 8 >/dev/null\nkill -SEGV $$\n");
    cr_assert_eq(chmod(script, 0755), 0);
    diag *d = diag_new();
    corpus_result res = build_with("site", script, d, false);
    log_diag(d);
    cr_assert_eq(res, CORPUS_ENVIRONMENT);
    cr_assert(mentions(d, "signal 11"), "the crash is not reported");
    char *after = read_file("site/manifest.json");
    cr_assert_str_eq(before, after, "the site changed");
    cr_assert_eq(inode_of("site/reports/" BP14 ".en.pdf"), report_ino);
    /* The next build, with a working typesetter, completes. */
    build_ok("site");
    char *html = read_file("site/reports/" BP14 ".en.html");
    cr_assert_not_null(strstr(html, "Co-operation"));
    g_free(html);
    g_free(after);
    g_free(before);
    g_free(script);
    diag_free(d);
}

Test(corpus, temporary_files_of_a_killed_build_are_noted_by_verify_and_removed_by_the_next_build)
{
    build_ok("site");
    /* What a build killed between writing a file and renaming it leaves. */
    write_file("site/.rp-tmp-manifest.json.ABC123", "{");
    write_file("site/reports/.rp-tmp-" BP14 ".en.html.XYZ789", "<p>half");
    diag *d = diag_new();
    cr_assert_eq(verify_site("site", d), CORPUS_OK);
    cr_assert_eq(diag_count(d, DIAG_ERROR), 0);
    cr_assert(mentions(d, ".rp-tmp-manifest.json.ABC123: a temporary file of an interrupted build"));
    diag_clear(d);
    /* Any other extra file is still an error. */
    write_file("site/reports/stray.html", "<p>not ours");
    cr_assert_eq(verify_site("site", d), CORPUS_BAD_INPUT);
    cr_assert(mentions(d, "reports/stray.html: extra"));
    char *stray = at("site/reports/stray.html");
    g_unlink(stray);
    g_free(stray);
    diag_clear(d);
    build_ok("site");
    cr_assert_not(exists("site/.rp-tmp-manifest.json.ABC123"));
    cr_assert_not(exists("site/reports/.rp-tmp-" BP14 ".en.html.XYZ789"));
    cr_assert_eq(verify_site("site", d), CORPUS_OK);
    cr_assert_eq(diag_length(d), 0);
    diag_free(d);
}
