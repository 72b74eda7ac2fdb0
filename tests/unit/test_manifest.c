/* Unit tests of manifest (generator/manifest.h): SHA-256 of files, the
 * JSON manifest written and read back, and a site verified against it. */
#include <criterion/criterion.h>

#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "manifest.h"
#include "support.h"

static char *dir;

static void setup(void)
{
    dir = g_dir_make_tmp("rp-manifest-XXXXXX", NULL);
    cr_assert_not_null(dir);
}

static void teardown(void)
{
    if (dir == NULL)
        return;
    support_remove_tree(dir);
    g_free(dir);
    dir = NULL;
}

TestSuite(manifest, .init = setup, .fini = teardown);

static char *in_dir(const char *rel)
{
    return g_build_filename(dir, rel, NULL);
}

/* Writes `len` bytes at dir/rel, creating its parents. */
static void write_bytes(const char *rel, const char *data, gssize len)
{
    char *path = in_dir(rel);
    char *parent = g_path_get_dirname(path);
    cr_assert_eq(g_mkdir_with_parents(parent, 0755), 0);
    cr_assert(g_file_set_contents(path, data, len, NULL), "cannot write %s", path);
    g_free(parent);
    g_free(path);
}

static void write_file(const char *rel, const char *text)
{
    write_bytes(rel, text, -1);
}

/* Lists dir/rel in `m` with the hash and size of its bytes as they are. */
static void put_as_is(manifest *m, const char *rel)
{
    char *path = in_dir(rel);
    manifest_entry e = {0};
    e.path = (char *)rel;
    cr_assert(manifest_hash_file(path, &e.sha256, &e.size), "cannot hash %s", path);
    e.fingerprint = "fp";
    manifest_put(m, &e);
    g_free(e.sha256);
    g_free(path);
}

static manifest_entry entry(const char *path, const char *sha256, uint64_t size)
{
    manifest_entry e = {0};
    e.path = (char *)path;
    e.sha256 = (char *)sha256;
    e.size = size;
    return e;
}

/* The manifest written as `text` into dir/name, read back. */
static manifest *read_text(const char *name, const char *text, diag *d)
{
    write_file(name, text);
    char *path = in_dir(name);
    manifest *m = manifest_read(path, d);
    g_free(path);
    return m;
}

/* `m` serialized, written to dir/name and read back. */
static manifest *round_trip(const manifest *m, bool with_mtimes, const char *name)
{
    size_t len = 0;
    char *json = manifest_to_json(m, with_mtimes, &len);
    cr_assert_eq(len, strlen(json));
    diag *d = diag_new();
    manifest *back = read_text(name, json, d);
    cr_assert_not_null(back, "the manifest written could not be read back:\n%s", json);
    cr_assert_eq(diag_length(d), 0);
    diag_free(d);
    g_free(json);
    return back;
}

static void assert_hash(const char *rel, const char *want_sha, uint64_t want_size)
{
    char *path = in_dir(rel);
    char *sha = NULL;
    uint64_t size = 0;
    cr_assert(manifest_hash_file(path, &sha, &size), "cannot hash %s", path);
    cr_assert_str_eq(sha, want_sha);
    cr_assert_eq(size, want_size, "size %" G_GUINT64_FORMAT ", expected %" G_GUINT64_FORMAT, size,
                 want_size);
    g_free(sha);
    g_free(path);
}

/* Whether some entry of d contains `part` in its formatted line. */
static bool diag_mentions(const diag *d, const char *part)
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

static void assert_mentions(const diag *d, const char *part)
{
    GString *all = g_string_new(NULL);
    for (size_t i = 0; i < diag_length(d); i++) {
        char *line = diag_format(diag_get(d, i));
        g_string_append_printf(all, "\n  %s", line);
        g_free(line);
    }
    cr_assert(diag_mentions(d, part), "no diagnostic mentions \"%s\"; got:%s", part,
              all->len > 0 ? all->str : " none");
    g_string_free(all, TRUE);
}

/* ------------------------------------------------------------------ */
/* SHA-256 of files (FIPS 180-2 vectors)                               */
/* ------------------------------------------------------------------ */

Test(manifest, hash_of_an_empty_file_is_the_sha256_of_nothing)
{
    write_file("empty", "");
    assert_hash("empty", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", 0);
}

Test(manifest, hash_of_abc_is_the_fips_one_block_vector)
{
    write_file("abc", "abc");
    assert_hash("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", 3);
}

Test(manifest, hash_of_the_56_byte_message_is_the_fips_two_block_vector)
{
    write_file("two", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq");
    assert_hash("two", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1", 56);
}

Test(manifest, hash_of_a_million_a_read_in_many_chunks_is_the_fips_vector)
{
    enum { N = 1000000 };
    char *a = g_malloc(N);
    memset(a, 'a', N);
    write_bytes("million", a, N);
    g_free(a);
    assert_hash("million", "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", N);
}

Test(manifest, hash_covers_binary_bytes_after_a_nul)
{
    unsigned char bytes[70000];
    for (size_t i = 0; i < sizeof bytes; i++)
        bytes[i] = (unsigned char)(i * 31 + 7);
    bytes[0] = 0;
    write_bytes("bin", (const char *)bytes, sizeof bytes);
    char *want = g_compute_checksum_for_data(G_CHECKSUM_SHA256, bytes, sizeof bytes);
    assert_hash("bin", want, sizeof bytes);
    /* One byte changed near the end changes the hash. */
    bytes[sizeof bytes - 2] ^= 1;
    write_bytes("bin", (const char *)bytes, sizeof bytes);
    char *path = in_dir("bin");
    char *sha = NULL;
    uint64_t size = 0;
    cr_assert(manifest_hash_file(path, &sha, &size));
    cr_assert_str_neq(sha, want);
    g_free(sha);
    g_free(path);
    g_free(want);
}

Test(manifest, hash_of_a_missing_file_fails_and_sets_nothing)
{
    char *path = in_dir("nothing-here");
    char *sha = (char *)"untouched";
    uint64_t size = 42;
    cr_assert_not(manifest_hash_file(path, &sha, &size));
    cr_assert_str_eq(sha, "untouched");
    cr_assert_eq(size, 42);
    g_free(path);
}

Test(manifest, hash_of_a_directory_fails)
{
    char *sha = NULL;
    uint64_t size = 0;
    cr_assert_not(manifest_hash_file(dir, &sha, &size));
    cr_assert_null(sha);
}

/* ------------------------------------------------------------------ */
/* Entries                                                             */
/* ------------------------------------------------------------------ */

Test(manifest, a_new_manifest_is_empty_and_keeps_its_generator)
{
    manifest *m = manifest_new("rapporteur 9.9");
    cr_assert_str_eq(manifest_generator(m), "rapporteur 9.9");
    cr_assert_eq(manifest_entries(m)->len, 0);
    cr_assert_null(manifest_get(m, "index.html"));
    manifest_free(m);
}

Test(manifest, put_copies_the_entry)
{
    manifest *m = manifest_new("g");
    char path[] = "reports/a.en.html";
    char sha[] = "0123";
    char lang[] = "en";
    manifest_entry e = entry(path, sha, 10);
    e.lang = lang;
    manifest_put(m, &e);
    path[0] = 'X';
    sha[0] = 'X';
    lang[0] = 'X';
    const manifest_entry *got = manifest_get(m, "reports/a.en.html");
    cr_assert_not_null(got);
    cr_assert_str_eq(got->path, "reports/a.en.html");
    cr_assert_str_eq(got->sha256, "0123");
    cr_assert_str_eq(got->lang, "en");
    cr_assert_null(manifest_get(m, "Xeports/a.en.html"));
    manifest_free(m);
}

Test(manifest, put_of_a_listed_path_replaces_its_entry)
{
    manifest *m = manifest_new("g");
    manifest_entry e = entry("a.html", "1111", 1);
    e.lang = "en";
    manifest_put(m, &e);
    e = entry("a.html", "2222", 2);
    manifest_put(m, &e);
    cr_assert_eq(manifest_entries(m)->len, 1);
    const manifest_entry *got = manifest_get(m, "a.html");
    cr_assert_str_eq(got->sha256, "2222");
    cr_assert_eq(got->size, 2);
    cr_assert_null(got->lang, "the old entry's fields must not survive the replacement");
    manifest_free(m);
}

Test(manifest, entries_are_sorted_by_path_bytes_whatever_the_insertion_order)
{
    const char *order[] = {"years/2009.en.html", "a.html",        "B.html",
                           "a/b.html",           "a-b.html",      "a.b.html",
                           "index.html",         "reports/z.pdf", "reports/a.pdf"};
    const char *sorted[] = {"B.html",        "a-b.html",      "a.b.html",
                            "a.html",        "a/b.html",      "index.html",
                            "reports/a.pdf", "reports/z.pdf", "years/2009.en.html"};
    manifest *m = manifest_new("g");
    for (size_t i = 0; i < G_N_ELEMENTS(order); i++) {
        manifest_entry e = entry(order[i], "00", i);
        manifest_put(m, &e);
    }
    GPtrArray *all = manifest_entries(m);
    cr_assert_eq(all->len, G_N_ELEMENTS(sorted));
    for (guint i = 0; i < all->len; i++) {
        const manifest_entry *e = g_ptr_array_index(all, i);
        cr_assert_str_eq(e->path, sorted[i], "entry %u", i);
    }
    manifest_free(m);
}

Test(manifest, entries_follow_puts_and_removes_made_after_listing_them)
{
    manifest *m = manifest_new("g");
    manifest_entry e = entry("b.html", "00", 1);
    manifest_put(m, &e);
    cr_assert_eq(manifest_entries(m)->len, 1);
    e = entry("a.html", "00", 1);
    manifest_put(m, &e);
    GPtrArray *all = manifest_entries(m);
    cr_assert_eq(all->len, 2);
    cr_assert_str_eq(((manifest_entry *)g_ptr_array_index(all, 0))->path, "a.html");
    manifest_remove(m, "a.html");
    all = manifest_entries(m);
    cr_assert_eq(all->len, 1);
    cr_assert_str_eq(((manifest_entry *)g_ptr_array_index(all, 0))->path, "b.html");
    cr_assert_null(manifest_get(m, "a.html"));
    /* Removing what is not listed changes nothing. */
    manifest_remove(m, "never.html");
    cr_assert_eq(manifest_entries(m)->len, 1);
    manifest_free(m);
}

/* ------------------------------------------------------------------ */
/* JSON written and read back                                          */
/* ------------------------------------------------------------------ */

#define SHA_A "771e5d0824c13d47e422a9dcb86b123d75758736b33f699e984cacf70bf97785"
#define SHA_B "b0a61fa7550668c18744c12e70af49a03ffca1b5791a2acb09090639a903f1d7"

/* A report with every field, and an index without record or language. */
static manifest *sample(int64_t mtime)
{
    manifest *m = manifest_new("rapporteur 0.9.0");
    manifest_entry r = entry("reports/igf2013-ws041.fr.pdf", SHA_A, UINT64_C(5000000000));
    r.record = "igf2013-ws041.xml";
    r.record_sha256 = SHA_B;
    r.lang = "fr";
    r.fingerprint = "f1";
    r.mtime = mtime;
    manifest_put(m, &r);
    manifest_entry i = entry("index.html", SHA_B, 704);
    i.fingerprint = "f2";
    i.mtime = mtime + 1;
    manifest_put(m, &i);
    return m;
}

Test(manifest, round_trip_keeps_every_field)
{
    manifest *m = sample(1700000000);
    manifest *back = round_trip(m, true, "manifest.json");
    cr_assert_str_eq(manifest_generator(back), "rapporteur 0.9.0");
    cr_assert_eq(manifest_entries(back)->len, 2);
    const manifest_entry *r = manifest_get(back, "reports/igf2013-ws041.fr.pdf");
    cr_assert_not_null(r);
    cr_assert_str_eq(r->sha256, SHA_A);
    cr_assert_eq(r->size, UINT64_C(5000000000), "sizes beyond 32 bits are kept");
    cr_assert_str_eq(r->record, "igf2013-ws041.xml");
    cr_assert_str_eq(r->record_sha256, SHA_B);
    cr_assert_str_eq(r->lang, "fr");
    cr_assert_str_eq(r->fingerprint, "f1");
    cr_assert_eq(r->mtime, 1700000000);
    const manifest_entry *i = manifest_get(back, "index.html");
    cr_assert_not_null(i);
    cr_assert_eq(i->size, 704);
    cr_assert_null(i->record);
    cr_assert_null(i->record_sha256);
    cr_assert_null(i->lang);
    cr_assert_str_eq(i->fingerprint, "f2");
    cr_assert_eq(i->mtime, 1700000001);
    manifest_free(back);
    manifest_free(m);
}

Test(manifest, written_json_states_its_format_and_generator)
{
    manifest *m = sample(1);
    size_t len = 0;
    char *json = manifest_to_json(m, false, &len);
    cr_assert(g_str_has_prefix(json, "{\n  \"format\": \"rapporteur-manifest/1\",\n"
                                     "  \"generator\": \"rapporteur 0.9.0\",\n"),
              "%s", json);
    cr_assert(g_str_has_suffix(json, "]\n}\n"), "%s", json);
    /* Entries without record or language say nothing of them (not "null"). */
    cr_assert_null(strstr(json, "null"), "%s", json);
    g_free(json);
    manifest_free(m);
}

Test(manifest, public_json_has_no_mtimes_and_the_private_copy_has_them)
{
    manifest *m = sample(1700000000);
    size_t len = 0;
    char *pub = manifest_to_json(m, false, &len);
    char *priv = manifest_to_json(m, true, &len);
    cr_assert_null(strstr(pub, "mtime"), "%s", pub);
    cr_assert_null(strstr(pub, "1700000000"), "%s", pub);
    cr_assert_not_null(strstr(priv, "\"mtime\": 1700000000"), "%s", priv);
    cr_assert_not_null(strstr(priv, "\"mtime\": 1700000001"), "%s", priv);
    g_free(priv);
    g_free(pub);
    /* Read back, the public manifest knows no time. */
    manifest *back = round_trip(m, false, "manifest.json");
    cr_assert_eq(manifest_get(back, "index.html")->mtime, 0);
    cr_assert_eq(manifest_get(back, "index.html")->size, 704);
    manifest_free(back);
    manifest_free(m);
}

Test(manifest, public_json_is_the_same_bytes_whenever_the_files_were_written)
{
    manifest *a = sample(1000);
    manifest *b = sample(2000000000);
    size_t la = 0, lb = 0;
    char *ja = manifest_to_json(a, false, &la);
    char *jb = manifest_to_json(b, false, &lb);
    cr_assert_eq(la, lb);
    cr_assert_str_eq(ja, jb);
    g_free(ja);
    g_free(jb);
    /* The private copies do differ. */
    ja = manifest_to_json(a, true, &la);
    jb = manifest_to_json(b, true, &lb);
    cr_assert_str_neq(ja, jb);
    g_free(ja);
    g_free(jb);
    manifest_free(a);
    manifest_free(b);
}

Test(manifest, json_is_the_same_bytes_whatever_the_insertion_order)
{
    const char *paths[] = {"years/2019.en.html", "index.html", "reports/b.en.html",
                           "reports/a.en.html",  "stats.csv",  "site.css"};
    manifest *fwd = manifest_new("g");
    manifest *rev = manifest_new("g");
    for (size_t i = 0; i < G_N_ELEMENTS(paths); i++) {
        manifest_entry e = entry(paths[i], SHA_A, strlen(paths[i]));
        manifest_put(fwd, &e);
        const char *back = paths[G_N_ELEMENTS(paths) - 1 - i];
        e = entry(back, SHA_A, strlen(back));
        manifest_put(rev, &e);
    }
    size_t lf = 0, lr = 0;
    char *jf = manifest_to_json(fwd, true, &lf);
    char *jr = manifest_to_json(rev, true, &lr);
    cr_assert_str_eq(jf, jr);
    /* And in path order. */
    const char *idx = strstr(jf, "\"index.html\"");
    const char *ra = strstr(jf, "\"reports/a.en.html\"");
    const char *rb = strstr(jf, "\"reports/b.en.html\"");
    const char *css = strstr(jf, "\"site.css\"");
    const char *yr = strstr(jf, "\"years/2019.en.html\"");
    cr_assert(idx && ra && rb && css && yr);
    cr_assert(idx < ra && ra < rb && rb < css && css < yr, "%s", jf);
    g_free(jf);
    g_free(jr);
    manifest_free(fwd);
    manifest_free(rev);
}

Test(manifest, empty_manifest_round_trips)
{
    manifest *m = manifest_new("rapporteur 0.9.0");
    size_t len = 0;
    char *json = manifest_to_json(m, false, &len);
    cr_assert_not_null(strstr(json, "\"files\": []"), "%s", json);
    g_free(json);
    manifest *back = round_trip(m, false, "manifest.json");
    cr_assert_eq(manifest_entries(back)->len, 0);
    cr_assert_str_eq(manifest_generator(back), "rapporteur 0.9.0");
    manifest_free(back);
    manifest_free(m);
}

Test(manifest, strings_with_quotes_backslashes_controls_and_unicode_round_trip)
{
    const char *path = "dir/we\"ird\\name\t\n\r\x01\x1f caf\xC3\xA9 \xE4\xB8\xAD.html";
    manifest *m = manifest_new("gen \"quoted\" \\ \x02");
    manifest_entry e = entry(path, SHA_A, 1);
    e.record = "r\"\\.xml";
    manifest_put(m, &e);
    size_t len = 0;
    char *json = manifest_to_json(m, false, &len);
    /* Valid JSON: no raw control character inside a string (the only ones
     * are the layout's newlines, each followed by indentation or "}"). */
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)json[i];
        cr_assert(c >= 0x20 || (c == '\n' &&
                                (json[i + 1] == ' ' || json[i + 1] == '}' || json[i + 1] == '\0')),
                  "raw control character 0x%02x at byte %zu of:\n%s", c, i, json);
    }
    cr_assert_not_null(strstr(json, "we\\\"ird\\\\name\\t\\n\\r\\u0001\\u001f caf\xC3\xA9"), "%s",
                       json);
    g_free(json);
    manifest *back = round_trip(m, false, "manifest.json");
    cr_assert_str_eq(manifest_generator(back), "gen \"quoted\" \\ \x02");
    const manifest_entry *got = manifest_get(back, path);
    cr_assert_not_null(got, "the odd path did not come back as it was");
    cr_assert_str_eq(got->record, "r\"\\.xml");
    manifest_free(back);
    manifest_free(m);
}

Test(manifest, reader_skips_fields_it_does_not_know)
{
    diag *d = diag_new();
    manifest *m =
        read_text("manifest.json",
                  "{\"comment\": {\"a\": [1, -2.5e3, true, false, null, {\"b\": \"}\"}]},\n"
                  " \"format\": \"rapporteur-manifest/1\",\n"
                  " \"files\": [{\"path\": \"a.html\", \"future\": [\"x\", {}],"
                  " \"sha256\": \"" SHA_A "\", \"size\": 12, \"lang\": \"en\"}],\n"
                  " \"generator\": \"rapporteur 2.0\", \"signed\": false}\n",
                  d);
    cr_assert_not_null(m);
    cr_assert_eq(diag_length(d), 0);
    cr_assert_str_eq(manifest_generator(m), "rapporteur 2.0");
    const manifest_entry *e = manifest_get(m, "a.html");
    cr_assert_not_null(e);
    cr_assert_str_eq(e->sha256, SHA_A);
    cr_assert_eq(e->size, 12);
    cr_assert_str_eq(e->lang, "en");
    manifest_free(m);
    diag_free(d);
}

Test(manifest, reading_a_missing_manifest_gives_null_without_an_error)
{
    diag *d = diag_new();
    char *path = in_dir("manifest.json");
    cr_assert_null(manifest_read(path, d));
    cr_assert_eq(diag_length(d), 0);
    g_free(path);
    diag_free(d);
}

/* ------------------------------------------------------------------ */
/* Manifests refused                                                   */
/* ------------------------------------------------------------------ */

/* A malformed manifest gives NULL and one error naming the file and the
 * line where it goes wrong, saying `why`. */
static void assert_refused(const char *text, int line, const char *why)
{
    diag *d = diag_new();
    manifest *m = read_text("bad.json", text, d);
    cr_assert_null(m, "accepted:\n%s", text);
    cr_assert_eq(diag_length(d), 1, "%zu diagnostics for:\n%s", diag_length(d), text);
    const diag_entry *e = diag_get(d, 0);
    char *path = in_dir("bad.json");
    cr_assert_eq(e->severity, DIAG_ERROR);
    cr_assert_str_eq(e->file, path);
    cr_assert_eq(e->line, line, "line %d, expected %d (%s) for:\n%s", e->line, line, e->message,
                 text);
    cr_assert_not_null(strstr(e->message, why), "\"%s\" does not say \"%s\"", e->message, why);
    g_free(path);
    diag_free(d);
}

#define FORMAT "\"format\": \"rapporteur-manifest/1\""

Test(manifest, an_empty_file_is_refused)
{
    assert_refused("", 1, "expected '{'");
}

Test(manifest, a_file_that_is_not_json_is_refused)
{
    assert_refused("\n\n<?xml version=\"1.0\"?>\n<manifest/>\n", 3, "expected '{'");
}

Test(manifest, a_manifest_of_another_format_is_refused)
{
    assert_refused("{\n  \"format\": \"rapporteur-manifest/2\",\n  \"files\": []\n}\n", 2,
                   "format differs");
}

Test(manifest, a_manifest_without_a_format_is_refused)
{
    assert_refused("{\n  \"generator\": \"x\",\n  \"files\": []\n}\n", 4, "no format");
}

Test(manifest, an_entry_without_sha256_is_refused)
{
    assert_refused("{\n  " FORMAT ",\n  \"files\": [\n"
                   "    {\"path\": \"a.html\", \"sha256\": \"" SHA_A "\", \"size\": 1},\n"
                   "    {\"path\": \"b.html\", \"size\": 1}\n  ]\n}\n",
                   5, "lacks its path or sha256");
}

Test(manifest, an_entry_without_path_is_refused)
{
    assert_refused("{\n  " FORMAT ",\n  \"files\": [\n    {\"sha256\": \"" SHA_A "\"}\n  ]\n}\n", 4,
                   "lacks its path or sha256");
}

Test(manifest, an_empty_entry_is_refused)
{
    assert_refused("{\n  " FORMAT ",\n  \"files\": [\n    {}\n  ]\n}\n", 4, "without a path");
}

Test(manifest, a_size_that_is_not_a_number_is_refused)
{
    assert_refused("{\n  " FORMAT ",\n  \"files\": [\n"
                   "    {\"path\": \"a.html\",\n     \"sha256\": \"" SHA_A "\",\n"
                   "     \"size\": \"big\"}\n  ]\n}\n",
                   6, "size: expected an integer");
}

Test(manifest, a_missing_comma_between_entries_is_refused)
{
    assert_refused("{\n  " FORMAT ",\n  \"files\": [\n"
                   "    {\"path\": \"a.html\", \"sha256\": \"" SHA_A "\"}\n"
                   "    {\"path\": \"b.html\", \"sha256\": \"" SHA_A "\"}\n  ]\n}\n",
                   5, "expected ']'");
}

Test(manifest, an_unterminated_string_is_refused)
{
    assert_refused("{\n  " FORMAT ",\n  \"files\": [\n    {\"path\": \"a.html", 4,
                   "unterminated string");
}

Test(manifest, an_unknown_escape_is_refused)
{
    assert_refused("{\n  " FORMAT ",\n  \"generator\": \"a\\qb\",\n  \"files\": []\n}\n", 3,
                   "unknown escape");
}

Test(manifest, a_truncated_manifest_is_refused)
{
    manifest *m = sample(5);
    size_t len = 0;
    char *json = manifest_to_json(m, true, &len);
    manifest_free(m);
    /* Cut after the first entry's opening brace: the file ends there. */
    char *cut = strstr(json, "{\"path\"");
    cr_assert_not_null(cut);
    cut[1] = '\0';
    int lines = 1;
    for (const char *p = json; *p; p++)
        lines += *p == '\n';
    assert_refused(json, lines, "expected a string");
    g_free(json);
}

Test(manifest, nesting_beyond_the_limit_is_refused)
{
    GString *s = g_string_new("{\n  " FORMAT ",\n  \"files\": [],\n  \"deep\": ");
    for (int i = 0; i < 64; i++)
        g_string_append_c(s, '[');
    for (int i = 0; i < 64; i++)
        g_string_append_c(s, ']');
    g_string_append(s, "\n}\n");
    assert_refused(s->str, 4, "nested too deeply");
    g_string_free(s, TRUE);
}

Test(manifest, a_manifest_over_the_size_limit_is_refused)
{
    /* A sparse file one byte over the limit (no disk used), starting with
     * a valid manifest: only its size can make it refused. */
    char *path = in_dir("huge.json");
    write_file("huge.json", "{\"format\": \"rapporteur-manifest/1\", \"files\": []}");
    cr_assert_eq(truncate(path, MANIFEST_MAX_BYTES + 1), 0);
    diag *d = diag_new();
    cr_assert_null(manifest_read(path, d), "a manifest over the limit was read");
    cr_assert_eq(diag_length(d), 1);
    const diag_entry *e = diag_get(d, 0);
    cr_assert_eq(e->severity, DIAG_ERROR);
    cr_assert_str_eq(e->file, path);
    cr_assert_not_null(strstr(e->message, "too large"), "%s", e->message);
    diag_free(d);
    g_free(path);
}

Test(manifest, whitespace_after_the_manifest_is_accepted)
{
    /* Editors and tools may leave blank space at the end. */
    GString *s = g_string_new("{" FORMAT ", \"files\": []}");
    for (int i = 0; i < 8192; i++)
        g_string_append_c(s, ' ');
    diag *d = diag_new();
    manifest *m = read_text("padded.json", s->str, d);
    cr_assert_not_null(m);
    cr_assert_eq(diag_length(d), 0);
    manifest_free(m);
    diag_free(d);
    g_string_free(s, TRUE);
}

/* Text after the closing brace of the top-level object (garbage, a second manifest) is refused. */
Test(manifest, text_after_the_closing_brace_is_refused)
{
    assert_refused("{\n  " FORMAT ",\n  \"files\": []\n}\n{\"format\": \"x\"}\n", 5,
                   "after the manifest");
}

/* Sizes are read as integers, exactly: 2^53 + 1 comes back as itself. */
Test(manifest, sizes_beyond_2_to_the_53_round_trip_exactly)
{
    manifest *m = manifest_new("g");
    manifest_entry e = entry("big.bin", SHA_A, UINT64_C(9007199254740993));
    manifest_put(m, &e);
    manifest *back = round_trip(m, false, "manifest.json");
    cr_assert_eq(manifest_get(back, "big.bin")->size, UINT64_C(9007199254740993));
    manifest_free(back);
    manifest_free(m);
}

/* A size that is not an integer in range (1e30) is refused, never converted. */
Test(manifest, a_size_out_of_range_is_refused)
{
    assert_refused("{\n  " FORMAT ",\n  \"files\": [\n"
                   "    {\"path\": \"a.html\", \"sha256\": \"" SHA_A "\", \"size\": 1e30}\n"
                   "  ]\n}\n",
                   4, "size");
}

/* ------------------------------------------------------------------ */
/* Verification                                                        */
/* ------------------------------------------------------------------ */

/* A site in dir/site: two pages, a PDF in a subdirectory, the manifest and
 * the build's state; returns its manifest. */
static manifest *make_site(void)
{
    write_file("site/index.html", "<!DOCTYPE html>\n<title>Index</title>\n");
    write_file("site/reports/a.en.html", "<!DOCTYPE html>\n<title>A</title>\n");
    write_file("site/reports/a.en.pdf", "%PDF-1.7\n...");
    manifest *m = manifest_new("g");
    put_as_is(m, "site/index.html");
    put_as_is(m, "site/reports/a.en.html");
    put_as_is(m, "site/reports/a.en.pdf");
    /* Paths are relative to the site: re-key the entries. */
    manifest *site = manifest_new("g");
    GPtrArray *all = manifest_entries(m);
    for (guint i = 0; i < all->len; i++) {
        manifest_entry e = *(manifest_entry *)g_ptr_array_index(all, i);
        e.path += strlen("site/");
        manifest_put(site, &e);
    }
    manifest_free(m);
    size_t len = 0;
    char *json = manifest_to_json(site, false, &len);
    write_file("site/manifest.json", json);
    g_free(json);
    write_file("site/.rapporteur/manifest.json", "{}");
    write_file("site/.rapporteur/staging/reports/b.en.html", "staged, not published");
    return site;
}

static char *site_dir(void)
{
    return in_dir("site");
}

/* Verifies dir/site against m (and pending); returns the result. */
static bool verify(const manifest *m, const manifest *pending, diag *d)
{
    char *site = site_dir();
    bool ok = manifest_verify(m, pending, site, d);
    g_free(site);
    return ok;
}

Test(manifest, a_site_as_its_manifest_lists_it_verifies)
{
    manifest *m = make_site();
    diag *d = diag_new();
    cr_assert(verify(m, NULL, d));
    cr_assert_eq(diag_length(d), 0, "the manifest and the build's state are not extra files");
    diag_free(d);
    manifest_free(m);
}

Test(manifest, a_changed_file_of_the_same_size_is_reported)
{
    manifest *m = make_site();
    write_file("site/reports/a.en.html", "<!DOCTYPE html>\n<title>B</title>\n");
    diag *d = diag_new();
    cr_assert_not(verify(m, NULL, d));
    cr_assert_eq(diag_count(d, DIAG_ERROR), 1);
    assert_mentions(d, "reports/a.en.html: changed");
    /* The error is the manifest's: its file is SITE/manifest.json. */
    char *want = in_dir("site/manifest.json");
    cr_assert_str_eq(diag_get(d, 0)->file, want);
    g_free(want);
    diag_free(d);
    manifest_free(m);
}

Test(manifest, a_file_that_grew_is_reported)
{
    manifest *m = make_site();
    write_file("site/reports/a.en.pdf", "%PDF-1.7\n...more");
    diag *d = diag_new();
    cr_assert_not(verify(m, NULL, d));
    cr_assert_eq(diag_count(d, DIAG_ERROR), 1);
    assert_mentions(d, "reports/a.en.pdf: changed");
    diag_free(d);
    manifest_free(m);
}

Test(manifest, a_missing_file_is_reported)
{
    manifest *m = make_site();
    char *gone = in_dir("site/index.html");
    cr_assert_eq(g_unlink(gone), 0);
    g_free(gone);
    diag *d = diag_new();
    cr_assert_not(verify(m, NULL, d));
    cr_assert_eq(diag_count(d, DIAG_ERROR), 1);
    assert_mentions(d, "index.html: missing");
    diag_free(d);
    manifest_free(m);
}

Test(manifest, an_extra_file_is_reported_even_in_a_subdirectory)
{
    manifest *m = make_site();
    write_file("site/reports/evil.html", "<script>alert(1)</script>");
    write_file("site/new/dir/x.css", "");
    diag *d = diag_new();
    cr_assert_not(verify(m, NULL, d));
    cr_assert_eq(diag_count(d, DIAG_ERROR), 2);
    assert_mentions(d, "reports/evil.html: extra");
    assert_mentions(d, "new/dir/x.css: extra");
    diag_free(d);
    manifest_free(m);
}

Test(manifest, every_problem_is_reported_not_only_the_first)
{
    manifest *m = make_site();
    write_file("site/index.html", "changed");
    char *gone = in_dir("site/reports/a.en.pdf");
    g_unlink(gone);
    g_free(gone);
    write_file("site/extra.html", "x");
    diag *d = diag_new();
    cr_assert_not(verify(m, NULL, d));
    cr_assert_eq(diag_count(d, DIAG_ERROR), 3);
    assert_mentions(d, "index.html: changed");
    assert_mentions(d, "reports/a.en.pdf: missing");
    assert_mentions(d, "extra.html: extra");
    diag_free(d);
    manifest_free(m);
}

Test(manifest, a_listed_path_outside_the_site_is_refused_unread)
{
    manifest *m = make_site();
    /* A file beside the site, with its true hash: still refused. */
    write_file("secret.txt", "secret");
    char *path = in_dir("secret.txt");
    manifest_entry e = {0};
    cr_assert(manifest_hash_file(path, &e.sha256, &e.size));
    e.path = "../secret.txt";
    manifest_put(m, &e);
    e.path = path; /* absolute */
    manifest_put(m, &e);
    g_free(e.sha256);
    diag *d = diag_new();
    cr_assert_not(verify(m, NULL, d));
    cr_assert_eq(diag_count(d, DIAG_ERROR), 2);
    assert_mentions(d, "../secret.txt: a path outside the site");
    char *abs = g_strconcat(path, ": a path outside the site", NULL);
    assert_mentions(d, abs);
    g_free(abs);
    g_free(path);
    diag_free(d);
    manifest_free(m);
}

/* Only a ".." step leaves the site: "a..b.html" is a file inside it. */
Test(manifest, a_file_name_with_two_dots_is_inside_the_site)
{
    manifest *m = make_site();
    write_file("site/reports/igf2008..bp14.en.html", "<!DOCTYPE html>\n");
    char *path = in_dir("site/reports/igf2008..bp14.en.html");
    manifest_entry e = {0};
    cr_assert(manifest_hash_file(path, &e.sha256, &e.size));
    e.path = "reports/igf2008..bp14.en.html";
    manifest_put(m, &e);
    g_free(e.sha256);
    g_free(path);
    diag *d = diag_new();
    cr_assert(verify(m, NULL, d));
    cr_assert_eq(diag_length(d), 0);
    diag_free(d);
    manifest_free(m);
}

/* ------------------------------------------------------------------ */
/* Verification during an interrupted publication                      */
/* ------------------------------------------------------------------ */

/* The pending manifest of a publication that replaces reports/a.en.html
 * with `text` and adds reports/b.en.html; index.html stays as it is. */
static manifest *pending_with(const char *text)
{
    write_file("next/reports/a.en.html", text);
    write_file("next/reports/b.en.html", "<!DOCTYPE html>\n<title>new B</title>\n");
    write_file("next/index.html", "<!DOCTYPE html>\n<title>Index</title>\n");
    manifest *p = manifest_new("g");
    const char *rels[] = {"reports/a.en.html", "reports/b.en.html", "index.html"};
    for (size_t i = 0; i < G_N_ELEMENTS(rels); i++) {
        char *rel = g_strconcat("next/", rels[i], NULL);
        char *path = in_dir(rel);
        manifest_entry e = {0};
        cr_assert(manifest_hash_file(path, &e.sha256, &e.size));
        e.path = (char *)rels[i];
        manifest_put(p, &e);
        g_free(e.sha256);
        g_free(path);
        g_free(rel);
    }
    return p;
}

Test(manifest, files_already_published_by_an_interrupted_build_are_accepted)
{
    manifest *m = make_site();
    manifest *p = pending_with("<!DOCTYPE html>\n<title>new A</title>\n");
    /* The interrupted publication had moved the new A and B into place,
     * and deleted the PDF it no longer lists. */
    write_file("site/reports/a.en.html", "<!DOCTYPE html>\n<title>new A</title>\n");
    write_file("site/reports/b.en.html", "<!DOCTYPE html>\n<title>new B</title>\n");
    char *pdf = in_dir("site/reports/a.en.pdf");
    g_unlink(pdf);
    g_free(pdf);
    diag *d = diag_new();
    cr_assert(verify(m, p, d));
    cr_assert_eq(diag_length(d), 0);
    /* Without the pending manifest, the same site is wrong three ways. */
    cr_assert_not(verify(m, NULL, d));
    cr_assert_eq(diag_count(d, DIAG_ERROR), 3);
    diag_free(d);
    manifest_free(p);
    manifest_free(m);
}

Test(manifest, a_file_matching_neither_manifest_is_reported_despite_a_pending_one)
{
    manifest *m = make_site();
    manifest *p = pending_with("<!DOCTYPE html>\n<title>new A</title>\n");
    write_file("site/reports/a.en.html", "tampered");
    write_file("site/reports/b.en.html", "tampered too");
    diag *d = diag_new();
    cr_assert_not(verify(m, p, d));
    cr_assert_eq(diag_count(d, DIAG_ERROR), 2);
    assert_mentions(d, "reports/a.en.html: changed");
    assert_mentions(d, "reports/b.en.html: extra");
    diag_free(d);
    manifest_free(p);
    manifest_free(m);
}

Test(manifest, a_file_both_manifests_list_may_not_be_missing)
{
    manifest *m = make_site();
    manifest *p = pending_with("<!DOCTYPE html>\n<title>new A</title>\n");
    char *gone = in_dir("site/index.html");
    g_unlink(gone);
    g_free(gone);
    diag *d = diag_new();
    cr_assert_not(verify(m, p, d));
    cr_assert_eq(diag_count(d, DIAG_ERROR), 1);
    assert_mentions(d, "index.html: missing");
    diag_free(d);
    manifest_free(p);
    manifest_free(m);
}
