/* main: dispatch the commands (check, render, new, archive, verify, help).
 *
 * argv -> exit code. Every command collects diagnostics from the library
 * modules, prints them sorted, and chooses the exit status: 0 ok, 1 bad
 * input, 2 usage or environment (cli.h).
 */
#include <locale.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxslt/xslt.h>

#include "catalog.h"
#include "cli.h"
#include "corpus.h"
#include "diag.h"
#include "grammar.h"
#include "outfile.h"
#include "pdf_worker.h"
#include "record.h"
#include "render.h"
#include "report_pdf.h"
#include "transform.h"
#include "translations.h"
#include "validate.h"

/* Prints and empties a sink; returns how many errors it held. */
static size_t flush_diags(diag *d)
{
    diag_sort(d);
    diag_print(d, stderr);
    size_t errors = diag_count(d, DIAG_ERROR);
    diag_clear(d);
    return errors;
}

/* Prints and empties a sink like flush_diags(); *environment becomes true
 * if it held an error of the environment. */
static size_t flush_diags_noting(diag *d, bool *environment)
{
    for (size_t i = 0; i < diag_length(d); i++)
        *environment = *environment || diag_entry_is_environment(diag_get(d, i));
    return flush_diags(d);
}

/* The exit status of a command over several files: an error of the
 * environment (2) says more than a bad record (1), which the messages
 * name anyway. */
static int exit_status(bool environment, bool bad_input)
{
    return environment ? EXIT_USAGE : bad_input ? EXIT_BAD_INPUT : EXIT_OK;
}

/* Environment errors (exit 2) are the ones without a file. */
static int fail_environment(diag *d)
{
    flush_diags(d);
    return EXIT_USAGE;
}

static renderer *open_renderer(const cli_options *o, unsigned formats, diag *d)
{
    char *data_dir = cli_data_dir();
    if (data_dir == NULL) {
        diag_add(d, DIAG_ERROR, NULL, 0, 0, NULL,
                 "cannot find the styles directory; set RAPPORTEUR_DATA_DIR to the directory "
                 "holding styles/ and fonts/");
        return NULL;
    }
    if (o->styles != NULL && !g_file_test(o->styles, G_FILE_TEST_IS_DIR)) {
        diag_add(d, DIAG_ERROR, NULL, 0, 0, NULL, "--styles %s is not a directory", o->styles);
        g_free(data_dir);
        return NULL;
    }
    char *styles = g_build_filename(data_dir, "styles", NULL);
    transform_init(styles, o->styles);
    g_free(styles);
    renderer *r = renderer_new(data_dir, formats, d);
    g_free(data_dir);
    return r;
}

/* ------------------------------------------------------------------ */
/* check                                                               */
/* ------------------------------------------------------------------ */

static bool check_catalog_file(const char *path, diag *d)
{
    char *data = NULL;
    gsize len = 0;
    GError *err = NULL;
    if (!g_file_get_contents(path, &data, &len, &err)) {
        diag_add(d, DIAG_ERROR, path, 0, 0, NULL, "cannot read: %s", err->message);
        g_error_free(err);
        return false;
    }
    char *base = g_path_get_basename(path);
    base[strlen(base) - 3] = '\0';
    catalog_set *one = catalog_set_parse(data, len, path, base, d);
    g_free(base);
    g_free(data);
    catalog_set_free(one);
    return one != NULL;
}

static int cmd_check(const cli_options *o)
{
    diag *d = diag_new();
    if (o->files == NULL || o->files[0] == NULL) {
        fprintf(stderr, "rapporteur check: no files; try: rapporteur check inputs/*.xml\n");
        diag_free(d);
        return EXIT_USAGE;
    }
    renderer *r = open_renderer(o, 0, d);
    if (r == NULL) {
        int rc = fail_environment(d);
        diag_free(d);
        return rc;
    }
    /* Checking records needs no catalogs; listing translations does. */
    if (o->translations && !renderer_load_catalogs(r, d)) {
        int rc = fail_environment(d);
        renderer_free(r);
        diag_free(d);
        return rc;
    }
    size_t errors = 0;
    size_t warnings = 0;
    bool environment = false;
    for (char **f = o->files; *f != NULL; f++) {
        if (g_file_test(*f, G_FILE_TEST_IS_DIR)) {
            corpus_check_dir(r, *f, o->translations, d);
        } else if (g_str_has_suffix(*f, ".po")) {
            check_catalog_file(*f, d);
        } else if (!g_file_test(*f, G_FILE_TEST_EXISTS)) {
            diag_add(d, DIAG_ERROR, *f, 0, 0, "read", "no such file");
        } else {
            record *rec = record_load(*f, d);
            if (rec != NULL) {
                validate_record(renderer_validator(r), rec, d);
                if (o->translations) {
                    char *report = translations_report(rec, renderer_catalogs(r));
                    fputs(report, stdout);
                    g_free(report);
                }
            }
            record_free(rec);
        }
        warnings += diag_count(d, DIAG_WARNING);
        errors += flush_diags_noting(d, &environment);
    }
    renderer_free(r);
    diag_free(d);
    return exit_status(environment, errors > 0 || (o->werror && warnings > 0));
}

/* ------------------------------------------------------------------ */
/* render                                                              */
/* ------------------------------------------------------------------ */

static bool parse_formats(const char *spec, unsigned *formats, diag *d)
{
    *formats = 0;
    if (*spec == '\0') {
        diag_add(d, DIAG_ERROR, NULL, 0, 0, NULL, "-f is empty; it takes html, pdf or html,pdf");
        return false;
    }
    char **parts = g_strsplit(spec, ",", -1);
    bool ok = parts[0] != NULL;
    for (char **p = parts; *p != NULL; p++) {
        if (strcmp(*p, "html") == 0)
            *formats |= RENDER_HTML;
        else if (strcmp(*p, "pdf") == 0)
            *formats |= RENDER_PDF;
        else {
            diag_add(d, DIAG_ERROR, NULL, 0, 0, NULL,
                     "unknown format \"%s\"; -f takes html, pdf or html,pdf", *p);
            ok = false;
        }
    }
    g_strfreev(parts);
    return ok && *formats != 0;
}

static bool parse_paper(const char *paper, diag *d)
{
    if (paper == NULL || strcmp(paper, "a4") == 0 || strcmp(paper, "letter") == 0)
        return true;
    diag_add(d, DIAG_ERROR, NULL, 0, 0, NULL, "unknown paper \"%s\"; --paper takes a4 or letter",
             paper);
    return false;
}

/* What render_files() reported, file by file. */
typedef struct {
    bool environment;
    bool bad_input;
    bool any_rendered;
} render_tally;

static void report_rendered(const char *path, diag *d, bool ok, void *ctx)
{
    (void)path;
    render_tally *t = ctx;
    if (flush_diags_noting(d, &t->environment) > 0 || !ok)
        t->bad_input = true;
    t->any_rendered = t->any_rendered || ok;
}

static int cmd_render(const cli_options *o)
{
    diag *d = diag_new();
    int rc = EXIT_OK;
    renderer *r = NULL;
    render_options ro = {0};
    ro.langs = o->langs != NULL ? o->langs : "record";
    ro.out_dir = o->out != NULL ? o->out : "out";
    ro.paper = o->paper != NULL ? o->paper : "a4";
    ro.css_href = "report.css";

    if (o->files == NULL || o->files[0] == NULL) {
        fprintf(stderr, "rapporteur render: no records; try: rapporteur render inputs/*.xml\n");
        diag_free(d);
        return EXIT_USAGE;
    }
    if (!parse_formats(o->formats != NULL ? o->formats : "html,pdf", &ro.formats, d) ||
        !render_check_langs(ro.langs, d) || !parse_paper(o->paper, d)) {
        rc = fail_environment(d);
        goto out;
    }
    r = open_renderer(o, ro.formats, d);
    if (r == NULL || !renderer_prepare(r, ro.formats, d) || !outfile_mkdirs(ro.out_dir, d)) {
        rc = fail_environment(d);
        goto out;
    }
    /* Each file is written whole and renamed into place; the disk is
     * flushed once at the end rather than file by file. */
    outfile_set_durable(false);
    render_tally tally = {false, false, false};
    unsigned jobs = o->jobs > 0 ? (unsigned)o->jobs : g_get_num_processors();
    /* This very program sets the text of parallel PDFs (pdf_worker.h). */
    char *self = g_file_read_link("/proc/self/exe", NULL);
    if (!render_files(r, o->files, &ro, jobs, self, report_rendered, &tally, d))
        tally.environment = true;
    g_free(self);
    flush_diags_noting(d, &tally.environment);
    /* The pages' style sheet, once there are pages to use it. */
    if (tally.any_rendered && (ro.formats & RENDER_HTML) && !render_write_css(r, ro.out_dir, d))
        flush_diags_noting(d, &tally.environment);
    if (tally.any_rendered)
        outfile_sync_all(ro.out_dir);
    rc = exit_status(tally.environment, tally.bad_input);
out:
    renderer_free(r);
    diag_free(d);
    return rc;
}

/* ------------------------------------------------------------------ */
/* new                                                                 */
/* ------------------------------------------------------------------ */

static int cmd_new(const cli_options *o)
{
    diag *d = diag_new();
    const char *id = o->id != NULL ? o->id : "igf2025-ws001";
    const char *lang = o->lang != NULL ? o->lang : "en";
    if (!grammar_is_ncname(id) || !grammar_is_language(lang)) {
        fprintf(stderr, "rapporteur new: %s is not valid; an id is an NCName such as "
                        "igf2025-ws001, a language a tag such as en\n",
                !grammar_is_ncname(id) ? "--id" : "--lang");
        diag_free(d);
        return EXIT_USAGE;
    }
    char *data_dir = cli_data_dir();
    char *path = data_dir != NULL ? g_build_filename(data_dir, "styles", "new", "record.xml", NULL)
                                  : NULL;
    char *text = NULL;
    int rc = EXIT_OK;
    if (path == NULL || !g_file_get_contents(path, &text, NULL, NULL)) {
        fprintf(stderr, "rapporteur: cannot read the skeleton record %s\n",
                path != NULL ? path : "styles/new/record.xml");
        rc = EXIT_USAGE;
    } else {
        const char *names[] = {"id", "lang"};
        const char *values[] = {id, lang};
        char *filled = catalog_fill(text, names, values, 2);
        fputs(filled, stdout);
        g_free(filled);
    }
    g_free(text);
    g_free(path);
    g_free(data_dir);
    diag_free(d);
    return rc;
}

/* ------------------------------------------------------------------ */
/* archive and verify                                                  */
/* ------------------------------------------------------------------ */

static int cmd_archive(const cli_options *o)
{
    diag *d = diag_new();
    int rc = EXIT_OK;
    if (o->files == NULL || o->files[0] == NULL || o->files[1] != NULL) {
        fprintf(stderr, "rapporteur archive: give one directory of records; try: rapporteur "
                        "archive -o site inputs\n");
        diag_free(d);
        return EXIT_USAGE;
    }
    corpus_options co = {0};
    co.langs = o->langs != NULL ? o->langs : "record";
    co.site = o->out != NULL ? o->out : "site";
    co.jobs = o->jobs > 0 ? o->jobs : (int)g_get_num_processors();
    co.keep_going = o->keep_going;
    co.paper = o->paper != NULL ? o->paper : "a4";
    co.progress = !o->quiet;
    if (o->shard != NULL && !corpus_parse_shard(o->shard, &co.shard_index, &co.shard_count)) {
        fprintf(stderr, "rapporteur archive: --shard takes K/N with 1 <= K <= N, such as 2/8\n");
        diag_free(d);
        return EXIT_USAGE;
    }
    if (!render_check_langs(co.langs, d) || !parse_paper(o->paper, d)) {
        rc = fail_environment(d);
        diag_free(d);
        return rc;
    }
    renderer *r = open_renderer(o, RENDER_HTML | RENDER_PDF, d);
    if (r == NULL || !renderer_prepare(r, RENDER_HTML | RENDER_PDF, d)) {
        rc = fail_environment(d);
    } else {
        /* This very program sets the text of parallel builds (pdf_worker.h);
         * where the kernel cannot say where it is, text is set in-process. */
        char *self = g_file_read_link("/proc/self/exe", NULL);
        co.typesetter = self;
        corpus_result res = corpus_build(r, o->files[0], &co, d);
        g_free(self);
        diag_sort(d);
        diag_print(d, stderr);
        rc = res == CORPUS_OK ? EXIT_OK : res == CORPUS_BAD_INPUT ? EXIT_BAD_INPUT : EXIT_USAGE;
    }
    renderer_free(r);
    diag_free(d);
    return rc;
}

static int cmd_verify(const cli_options *o)
{
    if (o->files == NULL || o->files[0] == NULL || o->files[1] != NULL) {
        fprintf(stderr, "rapporteur verify: give one site directory; try: rapporteur verify "
                        "site\n");
        return EXIT_USAGE;
    }
    diag *d = diag_new();
    corpus_result res = corpus_verify(o->files[0], d);
    diag_sort(d);
    diag_print(d, stderr);
    diag_free(d);
    return res == CORPUS_OK ? EXIT_OK : res == CORPUS_BAD_INPUT ? EXIT_BAD_INPUT : EXIT_USAGE;
}

/* ------------------------------------------------------------------ */
/* main                                                                */
/* ------------------------------------------------------------------ */

int main(int argc, char **argv)
{
    /* Output never depends on the host's locale: messages and numbers
     * come from our catalogs, and libc formats as in "C" (C.UTF-8 lets GLib
 * print the help's "…" and file names as they are). */
    if (setlocale(LC_ALL, "C.UTF-8") == NULL)
        setlocale(LC_ALL, "C");
    LIBXML_TEST_VERSION
    xmlInitParser();
    grammar_init();
    outfile_init();

    /* A typesetter process of a parallel archive build (pdf_worker.h). */
    if (argc == 3 && strcmp(argv[1], PDF_WORKER_ARG) == 0) {
        diag *d = diag_new();
        int rc = report_pdf_worker_main(argv[2], d);
        diag_print(d, stderr);
        diag_free(d);
        xmlCleanupParser();
        return rc;
    }

    cli_options o = {0};
    int rc = cli_parse(argc, argv, &o);
    if (rc != EXIT_OK || o.command == CMD_HELP) {
        cli_options_clear(&o);
        return rc;
    }
    switch (o.command) {
    case CMD_VERSION: {
        char *libs = report_pdf_versions();
        char *v = cli_version(libs);
        fputs(v, stdout);
        g_free(v);
        g_free(libs);
        break;
    }
    case CMD_CHECK:
        rc = cmd_check(&o);
        break;
    case CMD_RENDER:
        rc = cmd_render(&o);
        break;
    case CMD_NEW:
        rc = cmd_new(&o);
        break;
    case CMD_ARCHIVE:
        rc = cmd_archive(&o);
        break;
    case CMD_VERIFY:
        rc = cmd_verify(&o);
        break;
    case CMD_NONE:
    case CMD_HELP:
        break;
    }
    cli_options_clear(&o);
    transform_cleanup();
    xmlCleanupParser();
    return rc;
}
