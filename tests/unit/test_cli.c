/* Unit tests of cli (generator/cli.h): the command line of every command,
 * the help and version texts, the data directory, progress lines; and the
 * -l language lists as checked before any work (render_check_langs). */
#include <criterion/criterion.h>

#include <fcntl.h>
#include <stdarg.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <libxml/xmlversion.h>
#include <libxslt/xsltconfig.h>

#include "cli.h"
#include "render.h"
#include "support.h"

static char *dir;

/* The last parse: its status, options, and what it printed. */
static struct {
    int rc;
    cli_options o;
    char *out;
    char *err;
} res;

static void forget(void)
{
    cli_options_clear(&res.o);
    g_free(res.out);
    g_free(res.err);
    memset(&res, 0, sizeof res);
}

static void setup(void)
{
    dir = g_dir_make_tmp("rp-cli-XXXXXX", NULL);
    cr_assert_not_null(dir);
    /* As main: the help's usage line names the program. */
    g_set_prgname("rapporteur");
}

static void teardown(void)
{
    forget();
    if (dir != NULL)
        support_remove_tree(dir);
    g_free(dir);
    dir = NULL;
}

TestSuite(cli, .init = setup, .fini = teardown);

/* ------------------------------------------------------------------ */
/* Capturing stdout and stderr                                         */
/* ------------------------------------------------------------------ */

typedef struct {
    int fd;
    int saved;
    char *path;
} capture;

static void capture_start(capture *c, int fd, const char *name)
{
    fflush(stdout);
    fflush(stderr);
    c->fd = fd;
    c->path = g_build_filename(dir, name, NULL);
    int f = open(c->path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    cr_assert_geq(f, 0);
    c->saved = dup(fd);
    cr_assert_geq(c->saved, 0);
    cr_assert_geq(dup2(f, fd), 0);
    close(f);
}

/* Restores the stream; returns what was written to it. */
static char *capture_end(capture *c)
{
    fflush(stdout);
    fflush(stderr);
    dup2(c->saved, c->fd);
    close(c->saved);
    char *text = NULL;
    cr_assert(g_file_get_contents(c->path, &text, NULL, NULL));
    g_unlink(c->path);
    g_free(c->path);
    return text;
}

/* Parses `rapporteur ARGS...` (NULL-terminated) into res. */
static void parse(const char *first, ...)
{
    forget();
    GPtrArray *argv = g_ptr_array_new_with_free_func(g_free);
    g_ptr_array_add(argv, g_strdup("rapporteur"));
    va_list ap;
    va_start(ap, first);
    for (const char *a = first; a != NULL; a = va_arg(ap, const char *))
        g_ptr_array_add(argv, g_strdup(a));
    va_end(ap);
    int argc = (int)argv->len;
    g_ptr_array_add(argv, NULL);
    capture out, err;
    capture_start(&out, STDOUT_FILENO, "stdout");
    capture_start(&err, STDERR_FILENO, "stderr");
    res.rc = cli_parse(argc, (char **)argv->pdata, &res.o);
    res.err = capture_end(&err);
    res.out = capture_end(&out);
    g_ptr_array_free(argv, TRUE);
}

static void assert_ok(cli_command command)
{
    cr_assert_eq(res.rc, EXIT_OK, "status %d; stderr: %s", res.rc, res.err);
    cr_assert_eq(res.o.command, command, "command %d, expected %d", res.o.command, command);
    cr_assert_str_empty(res.err);
}

/* A usage error: status 2, nothing on stdout, and stderr holding each of
 * the NULL-terminated parts (what is wrong, what to do). */
static void assert_usage_error(const char *part, ...)
{
    cr_assert_eq(res.rc, EXIT_USAGE, "status %d, expected %d", res.rc, EXIT_USAGE);
    cr_assert_str_empty(res.out);
    va_list ap;
    va_start(ap, part);
    for (const char *p = part; p != NULL; p = va_arg(ap, const char *))
        cr_assert_not_null(strstr(res.err, p), "stderr lacks \"%s\": %s", p, res.err);
    va_end(ap);
    /* Nothing was handed to the caller. */
    cr_assert_eq(res.o.command, CMD_NONE);
    cr_assert_null(res.o.files);
    cr_assert_null(res.o.out);
    cr_assert_null(res.o.langs);
}

static void assert_files(const char *first, ...)
{
    cr_assert_not_null(res.o.files, "no operands");
    va_list ap;
    va_start(ap, first);
    size_t i = 0;
    for (const char *f = first; f != NULL; f = va_arg(ap, const char *), i++) {
        cr_assert_not_null(res.o.files[i], "operand %zu missing (expected %s)", i, f);
        cr_assert_str_eq(res.o.files[i], f, "operand %zu", i);
    }
    va_end(ap);
    cr_assert_null(res.o.files[i], "an extra operand: %s", res.o.files[i]);
}

static void assert_no_files(void)
{
    cr_assert(res.o.files == NULL || res.o.files[0] == NULL, "operands: %s", res.o.files[0]);
}

/* Every option of every command unset. */
static void assert_defaults_except_files(void)
{
    cr_assert_null(res.o.styles);
    cr_assert_null(res.o.langs);
    cr_assert_null(res.o.out);
    cr_assert_not(res.o.translations);
    cr_assert_not(res.o.werror);
    cr_assert_null(res.o.formats);
    cr_assert_null(res.o.paper);
    cr_assert_eq(res.o.jobs, 0);
    cr_assert_not(res.o.keep_going);
    cr_assert_null(res.o.shard);
    cr_assert_not(res.o.quiet);
    cr_assert_null(res.o.id);
    cr_assert_null(res.o.lang);
    cr_assert_null(res.o.form);
    cr_assert_null(res.o.topic);
}

/* ------------------------------------------------------------------ */
/* Commands                                                            */
/* ------------------------------------------------------------------ */

Test(cli, every_command_is_known_by_its_name)
{
    cr_assert_eq(cli_command_named("check"), CMD_CHECK);
    cr_assert_eq(cli_command_named("render"), CMD_RENDER);
    cr_assert_eq(cli_command_named("new"), CMD_NEW);
    cr_assert_eq(cli_command_named("archive"), CMD_ARCHIVE);
    cr_assert_eq(cli_command_named("verify"), CMD_VERIFY);
    cr_assert_eq(cli_command_named("help"), CMD_HELP);
}

Test(cli, other_names_are_no_command)
{
    const char *names[] = {"",        "Check",     "RENDER", "renders", "rend",
                           "version", "--version", "-V",     "--help",  "check "};
    for (size_t i = 0; i < G_N_ELEMENTS(names); i++)
        cr_assert_eq(cli_command_named(names[i]), CMD_NONE, "\"%s\"", names[i]);
}

Test(cli, no_command_is_a_usage_error_showing_the_overview_on_stderr)
{
    parse(NULL);
    cr_assert_eq(res.rc, EXIT_USAGE);
    cr_assert_str_empty(res.out);
    char *overview = cli_help(CMD_NONE);
    cr_assert_str_eq(res.err, overview);
    g_free(overview);
}

Test(cli, an_unknown_command_is_a_usage_error_naming_it)
{
    parse("frobnicate", "a.xml", NULL);
    assert_usage_error("\"frobnicate\"", "rapporteur --help", NULL);
}

Test(cli, options_go_after_the_command)
{
    parse("-o", "out", "render", "a.xml", NULL);
    assert_usage_error("\"-o\"", "rapporteur --help", NULL);
}

Test(cli, help_flags_print_the_overview_on_stdout)
{
    const char *flags[] = {"--help", "-h"};
    char *overview = cli_help(CMD_NONE);
    for (size_t i = 0; i < G_N_ELEMENTS(flags); i++) {
        parse(flags[i], NULL);
        assert_ok(CMD_HELP);
        cr_assert_str_eq(res.out, overview, "%s", flags[i]);
    }
    g_free(overview);
}

Test(cli, version_flags_ask_main_for_the_version_and_print_nothing)
{
    const char *flags[] = {"--version", "-V"};
    for (size_t i = 0; i < G_N_ELEMENTS(flags); i++) {
        parse(flags[i], NULL);
        assert_ok(CMD_VERSION);
        cr_assert_str_empty(res.out, "%s", flags[i]);
    }
}

/* ------------------------------------------------------------------ */
/* help                                                                */
/* ------------------------------------------------------------------ */

Test(cli, help_alone_prints_the_overview_on_stdout)
{
    parse("help", NULL);
    assert_ok(CMD_HELP);
    char *overview = cli_help(CMD_NONE);
    cr_assert_str_eq(res.out, overview);
    g_free(overview);
}

Test(cli, help_of_each_command_prints_that_commands_help)
{
    const char *names[] = {"check", "render", "new", "archive", "verify"};
    for (size_t i = 0; i < G_N_ELEMENTS(names); i++) {
        parse("help", names[i], NULL);
        assert_ok(CMD_HELP);
        char *want = cli_help(cli_command_named(names[i]));
        cr_assert_str_eq(res.out, want, "help %s", names[i]);
        g_free(want);
    }
}

Test(cli, help_of_an_unknown_command_is_a_usage_error_naming_it)
{
    parse("help", "frobnicate", NULL);
    assert_usage_error("\"frobnicate\"", "rapporteur --help", NULL);
}

Test(cli, help_of_help_is_a_usage_error)
{
    parse("help", "help", NULL);
    assert_usage_error("\"help\"", NULL);
}

Test(cli, the_overview_lists_every_command_and_the_exit_codes)
{
    char *h = cli_help(CMD_NONE);
    cr_assert(g_str_has_prefix(h, "Usage:\n  rapporteur COMMAND"), "%s", h);
    const char *lines[] = {"\n  check    Check records",
                           "\n  render   Render records",
                           "\n  new      Print a commented skeleton",
                           "\n  archive  Build a browsable",
                           "\n  verify   Re-hash every file",
                           "\n  help     Show the help of a command"};
    for (size_t i = 0; i < G_N_ELEMENTS(lines); i++)
        cr_assert_not_null(strstr(h, lines[i]), "the overview lacks \"%s\":\n%s", lines[i] + 1, h);
    /* One line per command: the summaries stop at their first sentence. */
    cr_assert_null(strstr(h, "A directory is checked as a corpus"), "%s", h);
    cr_assert_not_null(strstr(h, "  0  success"));
    cr_assert_not_null(strstr(h, "  1  bad input"));
    cr_assert_not_null(strstr(h, "  2  usage or environment error"));
    cr_assert(g_str_has_suffix(h, "\n"));
    g_free(h);
}

/* `help CMD` documents every option of CMD (NULL-terminated), the
 * exit codes, and no option of another command. */
static void assert_help_documents(cli_command c, const char *const *options,
                                  const char *const *foreign)
{
    char *h = cli_help(c);
    cr_assert(g_str_has_prefix(h, "Usage:\n"), "%s", h);
    for (const char *const *o = options; *o != NULL; o++)
        cr_assert_not_null(strstr(h, *o), "the help lacks %s:\n%s", *o, h);
    for (const char *const *o = foreign; *o != NULL; o++)
        cr_assert_null(strstr(h, *o), "the help documents %s of another command:\n%s", *o, h);
    cr_assert_not_null(strstr(h, "Exit status:"), "%s", h);
    cr_assert_not_null(strstr(h, "2  usage or environment error"), "%s", h);
    g_free(h);
}

Test(cli, help_of_check_documents_its_options)
{
    const char *opts[] = {" check ", "-t, --translations", "--werror", NULL};
    const char *foreign[] = {"--output", "--jobs", "--format", NULL};
    assert_help_documents(CMD_CHECK, opts, foreign);
}

Test(cli, help_of_render_documents_its_options)
{
    const char *opts[] = {
        " render ",     "-f, --format=FORMATS", "-l, --lang=LANGS", "-o, --output=DIR",
        "--paper=SIZE", "--styles=DIR",         "default: out",     "-j, --jobs=N", NULL};
    const char *foreign[] = {"--keep-going", "--werror", "--shard", NULL};
    assert_help_documents(CMD_RENDER, opts, foreign);
}

Test(cli, help_of_new_documents_its_options)
{
    const char *opts[] = {" new", "--id=ID", "-l, --lang=LANG", NULL};
    const char *foreign[] = {"--output", "--format", NULL};
    assert_help_documents(CMD_NEW, opts, foreign);
}

Test(cli, help_of_archive_documents_its_options)
{
    const char *opts[] = {
        " archive ",   "-l, --lang=LANGS", "-j, --jobs=N", "-o, --output=SITE", "-k, --keep-going",
        "--shard=K/N", "--paper=SIZE",     "--styles=DIR", "-q, --quiet",       NULL};
    const char *foreign[] = {"--format", "--werror", "--translations", NULL};
    assert_help_documents(CMD_ARCHIVE, opts, foreign);
}

Test(cli, help_of_verify_documents_its_operand)
{
    const char *opts[] = {"verify [OPTION…] SITE", NULL};
    const char *foreign[] = {"--output", "--quiet", NULL};
    assert_help_documents(CMD_VERIFY, opts, foreign);
}

/* The usage line puts the options after the command, where they are taken
 * (options before it are refused: options_go_after_the_command). */
Test(cli, help_usage_line_puts_the_options_after_the_command)
{
    const char *names[] = {"check", "render", "archive", "verify"};
    for (size_t i = 0; i < G_N_ELEMENTS(names); i++) {
        char *h = cli_help(cli_command_named(names[i]));
        char *want = g_strdup_printf("rapporteur %s [OPTION", names[i]);
        cr_assert_not_null(strstr(h, want), "the usage line is not \"%s…]\":\n%s", want, h);
        g_free(want);
        g_free(h);
    }
}

/* ------------------------------------------------------------------ */
/* check                                                               */
/* ------------------------------------------------------------------ */

Test(cli, check_takes_files_and_directories_with_every_option_unset)
{
    parse("check", "inputs/a.xml", "inputs/", "fr.po", NULL);
    assert_ok(CMD_CHECK);
    assert_files("inputs/a.xml", "inputs/", "fr.po", NULL);
    assert_defaults_except_files();
    cr_assert_str_empty(res.out);
}

Test(cli, check_options_short_and_long)
{
    parse("check", "-t", "--werror", "a.xml", NULL);
    assert_ok(CMD_CHECK);
    cr_assert(res.o.translations);
    cr_assert(res.o.werror);
    assert_files("a.xml", NULL);
    parse("check", "a.xml", "--translations", NULL);
    assert_ok(CMD_CHECK);
    cr_assert(res.o.translations);
    cr_assert_not(res.o.werror);
    assert_files("a.xml", NULL);
}

Test(cli, check_without_files_parses_and_leaves_the_complaint_to_the_command)
{
    parse("check", NULL);
    assert_ok(CMD_CHECK);
    assert_no_files();
}

/* ------------------------------------------------------------------ */
/* render                                                              */
/* ------------------------------------------------------------------ */

Test(cli, render_without_options_leaves_the_defaults_to_the_command)
{
    parse("render", "a.xml", NULL);
    assert_ok(CMD_RENDER);
    assert_files("a.xml", NULL);
    assert_defaults_except_files();
}

Test(cli, render_takes_every_option_in_short_form)
{
    parse("render", "-f", "pdf", "-l", "en,fr,zh-Hans", "-o", "reports", "a.xml", "b.xml", NULL);
    assert_ok(CMD_RENDER);
    cr_assert_str_eq(res.o.formats, "pdf");
    cr_assert_str_eq(res.o.langs, "en,fr,zh-Hans");
    cr_assert_str_eq(res.o.out, "reports");
    cr_assert_null(res.o.lang, "render's -l is the list, not new's --lang");
    assert_files("a.xml", "b.xml", NULL);
}

Test(cli, render_takes_every_option_in_long_form)
{
    parse("render", "--format=html", "--lang", "all", "--output=o", "--paper", "letter",
          "--styles=layer", "a.xml", NULL);
    assert_ok(CMD_RENDER);
    cr_assert_str_eq(res.o.formats, "html");
    cr_assert_str_eq(res.o.langs, "all");
    cr_assert_str_eq(res.o.out, "o");
    cr_assert_str_eq(res.o.paper, "letter");
    cr_assert_str_eq(res.o.styles, "layer");
    assert_files("a.xml", NULL);
}

Test(cli, render_takes_options_after_the_files)
{
    parse("render", "a.xml", "-o", "x", "b.xml", NULL);
    assert_ok(CMD_RENDER);
    cr_assert_str_eq(res.o.out, "x");
    assert_files("a.xml", "b.xml", NULL);
}

Test(cli, a_double_dash_ends_the_options)
{
    parse("render", "--", "-o.xml", "--help", NULL);
    assert_ok(CMD_RENDER);
    cr_assert_null(res.o.out);
    assert_files("-o.xml", "--help", NULL);
}

Test(cli, an_option_given_twice_keeps_the_last_value)
{
    parse("render", "-l", "en", "-o", "first", "--lang=fr", "-o", "second", "a.xml", NULL);
    assert_ok(CMD_RENDER);
    cr_assert_str_eq(res.o.langs, "fr");
    cr_assert_str_eq(res.o.out, "second");
}

Test(cli, an_unknown_option_is_a_usage_error_pointing_to_the_commands_help)
{
    parse("render", "-o", "x", "--frobnicate", "a.xml", NULL);
    assert_usage_error("rapporteur render:", "--frobnicate", "try: rapporteur help render", NULL);
}

Test(cli, a_missing_argument_is_a_usage_error_naming_the_option)
{
    const char *opts[] = {"-f", "--format", "-l", "-o", "--output", "--paper", "--styles"};
    for (size_t i = 0; i < G_N_ELEMENTS(opts); i++) {
        parse("render", "a.xml", opts[i], NULL);
        assert_usage_error(opts[i], "try: rapporteur help render", NULL);
    }
}

/* ------------------------------------------------------------------ */
/* new                                                                 */
/* ------------------------------------------------------------------ */

Test(cli, new_without_options_leaves_the_defaults_to_the_command)
{
    parse("new", NULL);
    assert_ok(CMD_NEW);
    assert_defaults_except_files();
    assert_no_files();
}

Test(cli, new_takes_an_id_and_a_language)
{
    parse("new", "--id", "igf2030-ws001", "-l", "fr", NULL);
    assert_ok(CMD_NEW);
    cr_assert_str_eq(res.o.id, "igf2030-ws001");
    cr_assert_str_eq(res.o.lang, "fr");
    cr_assert_null(res.o.langs, "new's --lang is one language, not render's list");
    parse("new", "--lang=zh-Hans", "--id=x", NULL);
    assert_ok(CMD_NEW);
    cr_assert_str_eq(res.o.lang, "zh-Hans");
    cr_assert_str_eq(res.o.id, "x");
}

/* `new` has no operands: `rapporteur new ws.xml` is a usage error, not a silently dropped operand. */
Test(cli, new_with_an_operand_is_a_usage_error)
{
    parse("new", "ws.xml", NULL);
    assert_usage_error("ws.xml", "rapporteur help new", NULL);
}

/* ------------------------------------------------------------------ */
/* archive                                                             */
/* ------------------------------------------------------------------ */

Test(cli, archive_without_options_leaves_the_defaults_to_the_command)
{
    parse("archive", "inputs", NULL);
    assert_ok(CMD_ARCHIVE);
    assert_files("inputs", NULL);
    assert_defaults_except_files();
}

Test(cli, archive_takes_every_option_in_short_form)
{
    parse("archive", "-l", "all", "-j", "3", "-o", "site2", "-k", "-q", "inputs", NULL);
    assert_ok(CMD_ARCHIVE);
    cr_assert_str_eq(res.o.langs, "all");
    cr_assert_eq(res.o.jobs, 3);
    cr_assert_str_eq(res.o.out, "site2");
    cr_assert(res.o.keep_going);
    cr_assert(res.o.quiet);
    assert_files("inputs", NULL);
}

Test(cli, archive_takes_every_option_in_long_form)
{
    parse("archive", "--lang=en,fr", "--jobs=12", "--output", "s", "--keep-going", "--shard", "2/8",
          "--paper=letter", "--styles", "layer", "--quiet", "inputs", NULL);
    assert_ok(CMD_ARCHIVE);
    cr_assert_str_eq(res.o.langs, "en,fr");
    cr_assert_eq(res.o.jobs, 12);
    cr_assert_str_eq(res.o.out, "s");
    cr_assert(res.o.keep_going);
    cr_assert_str_eq(res.o.shard, "2/8");
    cr_assert_str_eq(res.o.paper, "letter");
    cr_assert_str_eq(res.o.styles, "layer");
    cr_assert(res.o.quiet);
    assert_files("inputs", NULL);
}

Test(cli, archive_jobs_must_be_a_number)
{
    const char *bad[] = {"two", "2x", "", "1.5"};
    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
        parse("archive", "-j", bad[i], "inputs", NULL);
        assert_usage_error("-j", bad[i], "try: rapporteur help archive", NULL);
    }
}

Test(cli, archive_jobs_beyond_an_int_is_a_usage_error)
{
    parse("archive", "--jobs", "99999999999", "inputs", NULL);
    assert_usage_error("99999999999", "try: rapporteur help archive", NULL);
}

Test(cli, archive_jobs_without_a_value_is_a_usage_error)
{
    parse("archive", "inputs", "-j", NULL);
    assert_usage_error("-j", "try: rapporteur help archive", NULL);
}

Test(cli, archive_takes_one_job)
{
    parse("archive", "-j", "1", "inputs", NULL);
    assert_ok(CMD_ARCHIVE);
    cr_assert_eq(res.o.jobs, 1);
}

/* -j is bounded (CLI_MAX_JOBS): `-j 100000` would start as many threads at once and GLib aborts. */
Test(cli, archive_jobs_beyond_a_sane_bound_is_refused_or_clamped)
{
    parse("archive", "-j", "100000", "inputs", NULL);
    cr_assert(res.rc == EXIT_USAGE || (res.o.jobs >= 1 && res.o.jobs <= 1024),
              "-j 100000 accepted as %d jobs", res.o.jobs);
}

/* A negative job count is a usage error, not silently one worker per core. */
Test(cli, archive_negative_jobs_is_a_usage_error)
{
    parse("archive", "-j", "-3", "inputs", NULL);
    assert_usage_error("-3", "try: rapporteur help archive", NULL);
}

/* ------------------------------------------------------------------ */
/* verify                                                              */
/* ------------------------------------------------------------------ */

Test(cli, verify_takes_a_site)
{
    parse("verify", "site", NULL);
    assert_ok(CMD_VERIFY);
    assert_files("site", NULL);
    assert_defaults_except_files();
}

/* ------------------------------------------------------------------ */
/* Options belong to their command                                     */
/* ------------------------------------------------------------------ */

Test(cli, an_option_of_another_command_is_a_usage_error)
{
    static const char *const cases[][3] = {
        {"check", "-o", "render's"},       {"check", "--paper", "render's"},
        {"check", "--styles", "render's"}, {"render", "-j", "archive's"},
        {"render", "-k", "archive's"},     {"render", "--werror", "check's"},
        {"archive", "-f", "render's"},     {"archive", "-t", "check's"},
        {"new", "-o", "render's"},         {"new", "--paper", "render's"},
        {"verify", "-q", "archive's"},     {"verify", "-o", "render's"},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        const char *cmd = cases[i][0], *opt = cases[i][1];
        parse(cmd, opt, "x", "y", NULL);
        char *hint = g_strdup_printf("try: rapporteur help %s", cmd);
        cr_assert_eq(res.rc, EXIT_USAGE, "%s %s (%s option) accepted", cmd, opt, cases[i][2]);
        assert_usage_error(opt, hint, NULL);
        g_free(hint);
    }
}

/* ------------------------------------------------------------------ */
/* Parsing again, and clearing                                         */
/* ------------------------------------------------------------------ */

Test(cli, a_parse_keeps_nothing_of_the_previous_one)
{
    parse("archive", "-k", "-q", "-j", "3", "--shard", "1/2", "-o", "s", "in", NULL);
    assert_ok(CMD_ARCHIVE);
    parse("archive", "other", NULL);
    assert_ok(CMD_ARCHIVE);
    assert_defaults_except_files();
    assert_files("other", NULL);
}

Test(cli, a_parse_keeps_nothing_of_a_failed_one)
{
    parse("render", "-o", "x", "-l", "fr", "--styles", "l", "a.xml", "--frobnicate", NULL);
    cr_assert_eq(res.rc, EXIT_USAGE);
    parse("render", "b.xml", NULL);
    assert_ok(CMD_RENDER);
    assert_defaults_except_files();
    assert_files("b.xml", NULL);
}

Test(cli, clearing_the_options_empties_them_and_may_be_repeated)
{
    parse("archive", "-l", "all", "-o", "s", "--shard", "1/2", "--paper", "a4", "--styles", "l",
          "-j", "2", "-k", "-q", "in", NULL);
    assert_ok(CMD_ARCHIVE);
    cli_options_clear(&res.o);
    cr_assert_eq(res.o.command, CMD_NONE);
    assert_defaults_except_files();
    cr_assert_null(res.o.files);
    cli_options_clear(&res.o);
    cr_assert_null(res.o.files);
}

/* ------------------------------------------------------------------ */
/* Language lists (-l), as render and archive check them                */
/* ------------------------------------------------------------------ */

static void assert_langs_ok(const char *spec)
{
    diag *d = diag_new();
    cr_assert(render_check_langs(spec, d), "-l \"%s\" refused", spec);
    cr_assert_eq(diag_length(d), 0);
    diag_free(d);
}

/* Refused with one error per bad tag, each naming it in quotes. */
static void assert_langs_refused(const char *spec, size_t errors, const char *named)
{
    diag *d = diag_new();
    cr_assert_not(render_check_langs(spec, d), "-l \"%s\" accepted", spec);
    cr_assert_eq(diag_count(d, DIAG_ERROR), errors, "-l \"%s\": %zu errors", spec,
                 diag_count(d, DIAG_ERROR));
    char *quoted = g_strdup_printf("\"%s\"", named);
    cr_assert_not_null(strstr(diag_get(d, 0)->message, quoted), "%s", diag_get(d, 0)->message);
    g_free(quoted);
    diag_free(d);
}

Test(cli, language_lists_take_record_all_or_tags)
{
    assert_langs_ok("record");
    assert_langs_ok("all");
    assert_langs_ok("en");
    assert_langs_ok("en,fr,zh-Hans");
    assert_langs_ok("es-419,sr-Latn-RS");
}

Test(cli, language_lists_refuse_what_is_not_a_tag)
{
    assert_langs_refused("en fr", 1, "en fr");
    assert_langs_refused("../evil", 1, "../evil");
    assert_langs_refused("en,english!", 1, "english!");
    assert_langs_refused("en,", 1, "");
    assert_langs_refused("toolongtag", 1, "toolongtag");
    assert_langs_refused("a,,b", 1, "");
}

/* An empty list (`-l ""`) is refused with a message. */
Test(cli, an_empty_language_list_is_refused_with_a_message)
{
    diag *d = diag_new();
    cr_assert_not(render_check_langs("", d));
    cr_assert_eq(diag_count(d, DIAG_ERROR), 1, "refused, but no message says why");
    diag_free(d);
}

/* ------------------------------------------------------------------ */
/* Version                                                             */
/* ------------------------------------------------------------------ */

Test(cli, version_names_the_program_then_its_libraries)
{
    char *v = cli_version(NULL);
    char *want = g_strdup_printf("rapporteur " RP_VERSION "\nlibxml2 " LIBXML_DOTTED_VERSION
                                 ", libxslt " LIBXSLT_DOTTED_VERSION ", GLib %u.%u.%u\n",
                                 glib_major_version, glib_minor_version, glib_micro_version);
    cr_assert_str_eq(v, want);
    g_free(want);
    g_free(v);
}

Test(cli, version_appends_the_other_libraries_to_the_list)
{
    char *v = cli_version("cairo 1.16.0, pango 1.50.12");
    cr_assert(g_str_has_prefix(v, "rapporteur " RP_VERSION "\nlibxml2 "), "%s", v);
    cr_assert(g_str_has_suffix(v, ", cairo 1.16.0, pango 1.50.12\n"), "%s", v);
    cr_assert_null(strstr(v, ", , "), "%s", v);
    size_t lines = 0;
    for (const char *p = v; *p; p++)
        lines += *p == '\n';
    cr_assert_eq(lines, 2, "not two lines: %s", v);
    g_free(v);
}

/* ------------------------------------------------------------------ */
/* The data directory                                                  */
/* ------------------------------------------------------------------ */

/* A directory under dir with styles/schema/record.rng, or without it. */
static char *make_data_dir(const char *name, bool with_schema)
{
    char *root = g_build_filename(dir, name, NULL);
    char *schema_dir = g_build_filename(root, "styles", "schema", NULL);
    cr_assert_eq(g_mkdir_with_parents(schema_dir, 0755), 0);
    if (with_schema) {
        char *rng = g_build_filename(schema_dir, "record.rng", NULL);
        cr_assert(g_file_set_contents(rng, "<grammar/>", -1, NULL));
        g_free(rng);
    }
    g_free(schema_dir);
    return root;
}

Test(cli, data_dir_is_the_environments_when_it_holds_the_styles)
{
    char *data = make_data_dir("data", true);
    g_setenv("RAPPORTEUR_DATA_DIR", data, TRUE);
    char *got = cli_data_dir();
    cr_assert_not_null(got);
    cr_assert_str_eq(got, data);
    g_free(got);
    g_free(data);
}

Test(cli, data_dir_of_the_test_run_is_the_variables)
{
    const char *env = g_getenv("RAPPORTEUR_DATA_DIR");
    cr_assert_not_null(env, "run the tests with RAPPORTEUR_DATA_DIR set (make check-unit)");
    char *got = cli_data_dir();
    cr_assert_not_null(got);
    cr_assert_str_eq(got, env);
    g_free(got);
}

Test(cli, data_dir_named_by_the_environment_without_the_schema_is_none)
{
    /* No falling back elsewhere: the user said where the data is. */
    char *data = make_data_dir("empty", false);
    g_setenv("RAPPORTEUR_DATA_DIR", data, TRUE);
    char *got = cli_data_dir();
    cr_assert_null(got, "found %s", got);
    g_free(data);
}

Test(cli, data_dir_whose_schema_is_not_a_file_is_none)
{
    char *data = make_data_dir("odd", false);
    char *rng = g_build_filename(data, "styles", "schema", "record.rng", NULL);
    cr_assert_eq(g_mkdir(rng, 0755), 0);
    g_setenv("RAPPORTEUR_DATA_DIR", data, TRUE);
    char *got = cli_data_dir();
    cr_assert_null(got, "found %s", got);
    g_free(rng);
    g_free(data);
}

Test(cli, data_dir_of_a_missing_directory_is_none)
{
    char *data = g_build_filename(dir, "no-such-dir", NULL);
    g_setenv("RAPPORTEUR_DATA_DIR", data, TRUE);
    char *got = cli_data_dir();
    cr_assert_null(got, "found %s", got);
    g_free(data);
}

/* Without the variable (or with it empty), the lookup goes next to the
 * executable, then to the installed directory: whatever it finds holds
 * the schema. */
static void assert_fallback_holds_the_schema(void)
{
    char *got = cli_data_dir();
    if (got != NULL) {
        cr_assert_str_neq(got, "");
        char *rng = g_build_filename(got, "styles", "schema", "record.rng", NULL);
        cr_assert(g_file_test(rng, G_FILE_TEST_IS_REGULAR), "%s has no schema", got);
        g_free(rng);
    }
    g_free(got);
}

Test(cli, data_dir_with_an_empty_variable_is_looked_up_elsewhere)
{
    g_setenv("RAPPORTEUR_DATA_DIR", "", TRUE);
    assert_fallback_holds_the_schema();
}

Test(cli, data_dir_without_the_variable_is_looked_up_elsewhere)
{
    g_unsetenv("RAPPORTEUR_DATA_DIR");
    assert_fallback_holds_the_schema();
}

/* ------------------------------------------------------------------ */
/* Progress                                                            */
/* ------------------------------------------------------------------ */

/* Runs `total` steps of progress with stderr a file (as in CI); returns
 * the lines printed. */
static char **progress_lines(size_t total, const char *what)
{
    capture err;
    capture_start(&err, STDERR_FILENO, "progress");
    cr_assert_not(isatty(STDERR_FILENO));
    for (size_t i = 1; i <= total; i++)
        cli_progress(i, total, what);
    cli_progress_end();
    char *text = capture_end(&err);
    char **lines = g_strsplit(text, "\n", -1);
    cr_assert(text[0] == '\0' || g_str_has_suffix(text, "\n"), "%s", text);
    g_free(text);
    return lines;
}

Test(cli, progress_off_a_terminal_is_a_line_every_tenth)
{
    char **lines = progress_lines(1000, "rendering reports");
    /* 0%, 10%, ..., 100%, and the empty string after the last newline. */
    cr_assert_eq(g_strv_length(lines), 12, "%u lines", g_strv_length(lines));
    cr_assert_str_eq(lines[0], "rapporteur: 1/1000 rendering reports");
    cr_assert_str_eq(lines[1], "rapporteur: 100/1000 rendering reports");
    cr_assert_str_eq(lines[5], "rapporteur: 500/1000 rendering reports");
    cr_assert_str_eq(lines[10], "rapporteur: 1000/1000 rendering reports");
    cr_assert_str_empty(lines[11]);
    for (size_t i = 0; lines[i] != NULL; i++)
        cr_assert_null(strchr(lines[i], '\r'), "a terminal's line in a log: %s", lines[i]);
    g_strfreev(lines);
}

Test(cli, progress_starts_over_after_its_end)
{
    char **first = progress_lines(3, "a");
    char **second = progress_lines(3, "b");
    cr_assert_eq(g_strv_length(first), 4);
    cr_assert_eq(g_strv_length(second), 4, "the second run lost its lines");
    cr_assert_str_eq(second[0], "rapporteur: 1/3 b");
    cr_assert_str_eq(second[2], "rapporteur: 3/3 b");
    g_strfreev(first);
    g_strfreev(second);
}

Test(cli, progress_of_nothing_prints_nothing)
{
    capture err;
    capture_start(&err, STDERR_FILENO, "progress0");
    cli_progress(0, 0, "nothing");
    cli_progress(5, 0, "nothing");
    char *text = capture_end(&err);
    cr_assert_str_empty(text);
    g_free(text);
}
