/* cli: option tables, help, the data directory, progress. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/xmlversion.h>
#include <libxslt/xsltconfig.h>

#ifndef RP_VERSION
#define RP_VERSION "0.0"
#endif
#ifndef RP_DATADIR
#define RP_DATADIR "/usr/local/share/rapporteur"
#endif

static const char exit_codes[] =
    "Exit status:\n"
    "  0  success (warnings may have been printed)\n"
    "  1  bad input: a record, catalog or site has errors\n"
    "  2  usage or environment error (bad option, unwritable output, missing files)\n"
    "\n"
    "Messages go to stderr as FILE:LINE:COL: error|warning: MESSAGE [rule].\n"
    "Report bugs and read the record format in docs/record-spec.md.";

/* ------------------------------------------------------------------ */
/* Option tables                                                       */
/* ------------------------------------------------------------------ */

static cli_options parsed;

static GOptionEntry check_entries[] = {
    {"translations", 't', 0, G_OPTION_ARG_NONE, &parsed.translations,
     "Also list, per record and language, which translatable fields exist, are missing or are "
     "machine-made",
     NULL},
    {"werror", 0, 0, G_OPTION_ARG_NONE, &parsed.werror, "Treat warnings as errors (exit 1)",
     NULL},
    {G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &parsed.files, NULL, NULL},
    {NULL, 0, 0, 0, NULL, NULL, NULL}};

static GOptionEntry render_entries[] = {
    {"format", 'f', 0, G_OPTION_ARG_STRING, &parsed.formats,
     "Output formats: html, pdf or html,pdf (default)", "FORMATS"},
    {"lang", 'l', 0, G_OPTION_ARG_STRING, &parsed.langs,
     "Languages: record (default: every language the record holds), all (every language with "
     "a catalog), or a list such as en,fr,zh-Hans",
     "LANGS"},
    {"output", 'o', 0, G_OPTION_ARG_FILENAME, &parsed.out,
     "Directory of the reports (default: out); files are named ID.LANG.html and ID.LANG.pdf",
     "DIR"},
    {"paper", 0, 0, G_OPTION_ARG_STRING, &parsed.paper, "PDF paper size: a4 (default) or letter",
     "SIZE"},
    {"jobs", 'j', 0, G_OPTION_ARG_INT, &parsed.jobs,
     "Records rendered in parallel (default: the number of cores); messages come in the "
     "order of the files",
     "N"},
    {"styles", 0, 0, G_OPTION_ARG_FILENAME, &parsed.styles,
     "A customization layer: DIR/html.xsl and DIR/layout.xsl, each importing "
     "rapporteur:html/report.xsl or rapporteur:layout/report.xsl and overriding templates or "
     "parameters",
     "DIR"},
    {G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &parsed.files, NULL, NULL},
    {NULL, 0, 0, 0, NULL, NULL, NULL}};

static GOptionEntry new_entries[] = {
    {"id", 0, 0, G_OPTION_ARG_STRING, &parsed.id, "The record's id (default: igf2025-ws001)",
     "ID"},
    {"lang", 'l', 0, G_OPTION_ARG_STRING, &parsed.lang,
     "The record's language, a BCP 47 tag (default: en)", "LANG"},
    {NULL, 0, 0, 0, NULL, NULL, NULL}};

static GOptionEntry archive_entries[] = {
    {"lang", 'l', 0, G_OPTION_ARG_STRING, &parsed.langs,
     "Languages: record (default), all, or a list such as en,fr", "LANGS"},
    {"jobs", 'j', 0, G_OPTION_ARG_INT, &parsed.jobs,
     "Parallel workers (default: the number of cores)", "N"},
    {"output", 'o', 0, G_OPTION_ARG_FILENAME, &parsed.out, "The site's directory (default: site)",
     "SITE"},
    {"keep-going", 'k', 0, G_OPTION_ARG_NONE, &parsed.keep_going,
     "Publish the valid records even if some have errors (the failures are listed)", NULL},
    {"shard", 0, 0, G_OPTION_ARG_STRING, &parsed.shard,
     "Render only shard K of N (1-based) of the records, for splitting a build across machines; "
     "indexes are written by a final run without --shard",
     "K/N"},
    {"paper", 0, 0, G_OPTION_ARG_STRING, &parsed.paper, "PDF paper size: a4 (default) or letter",
     "SIZE"},
    {"styles", 0, 0, G_OPTION_ARG_FILENAME, &parsed.styles, "A customization layer, as for render",
     "DIR"},
    {"quiet", 'q', 0, G_OPTION_ARG_NONE, &parsed.quiet, "No progress output", NULL},
    {G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &parsed.files, NULL, NULL},
    {NULL, 0, 0, 0, NULL, NULL, NULL}};

static GOptionEntry verify_entries[] = {
    {G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &parsed.files, NULL, NULL},
    {NULL, 0, 0, 0, NULL, NULL, NULL}};

typedef struct {
    cli_command command;
    const char *name;
    const char *operands;
    const char *summary;
    GOptionEntry *entries;
} command_info;

static const command_info commands[] = {
    {CMD_CHECK, "check", "FILE|DIR...",
     "Check records against the record format (docs/record-spec.md): every schema error and "
     "every rule, as FILE:LINE:COL messages. A directory is checked as a corpus, with "
     "corpus-wide checks (duplicate ids and sessions, names spelled differently). A .po file "
     "is checked as a label catalog.",
     check_entries},
    {CMD_RENDER, "render", "FILE...",
     "Render records as HTML and PDF reports. A record with errors renders nothing; the others "
     "are still rendered.",
     render_entries},
    {CMD_NEW, "new", "",
     "Print a commented skeleton record that passes check; fill it in and render it.",
     new_entries},
    {CMD_ARCHIVE, "archive", "DIR",
     "Build a browsable, checksummed site of every record in DIR, in parallel and "
     "incrementally: reports in HTML and PDF, indexes by year, session type, theme and "
     "stakeholder group, corpus statistics and SITE/manifest.json.",
     archive_entries},
    {CMD_VERIFY, "verify", "SITE",
     "Re-hash every file of a site built by archive and report what is missing, changed or "
     "extra against SITE/manifest.json.",
     verify_entries},
};

static const command_info *find_command(cli_command c)
{
    for (size_t i = 0; i < G_N_ELEMENTS(commands); i++) {
        if (commands[i].command == c)
            return &commands[i];
    }
    return NULL;
}

cli_command cli_command_named(const char *name)
{
    for (size_t i = 0; i < G_N_ELEMENTS(commands); i++) {
        if (strcmp(commands[i].name, name) == 0)
            return commands[i].command;
    }
    if (strcmp(name, "help") == 0)
        return CMD_HELP;
    return CMD_NONE;
}

/* GOption writes "Usage: PRGNAME [OPTION…] PARAMETERS": the command goes
 * into the program's name so that the options follow it, where they are
 * taken. */
static GOptionContext *context_for(const command_info *ci)
{
    char *prgname = g_strdup_printf("rapporteur %s", ci->name);
    g_set_prgname(prgname);
    g_free(prgname);
    GOptionContext *ctx = g_option_context_new(ci->operands);
    g_option_context_set_summary(ctx, ci->summary);
    g_option_context_set_description(ctx, exit_codes);
    g_option_context_add_main_entries(ctx, ci->entries, NULL);
    g_option_context_set_help_enabled(ctx, TRUE);
    return ctx;
}

static char *overview(void)
{
    GString *s = g_string_new(NULL);
    g_string_append(s, "Usage:\n  rapporteur COMMAND [OPTION...] FILE...\n\n"
                       "Turn IGF session records (XML) into HTML and PDF reports in many "
                       "languages,\nand whole corpora of them into a checksummed site.\n\n"
                       "Commands:\n");
    for (size_t i = 0; i < G_N_ELEMENTS(commands); i++) {
        char *first = g_strdup(commands[i].summary);
        char *dot = strstr(first, ". ");
        if (dot != NULL)
            dot[1] = '\0';
        g_string_append_printf(s, "  %-9s%s\n", commands[i].name, first);
        g_free(first);
    }
    g_string_append(s, "  help     Show the help of a command: rapporteur help render\n"
                       "\nOptions:\n"
                       "  -h, --help     Show this help\n"
                       "  -V, --version  Show the version and the libraries in use\n\n"
                       "Examples:\n"
                       "  rapporteur new > ws.xml           start a record\n"
                       "  rapporteur check ws.xml           check it\n"
                       "  rapporteur render -l all ws.xml   render it in every language\n"
                       "  rapporteur archive -o site inputs/\n\n");
    g_string_append(s, exit_codes);
    g_string_append(s, "\n");
    return g_string_free(s, FALSE);
}

char *cli_help(cli_command command)
{
    const command_info *ci = find_command(command);
    if (ci == NULL)
        return overview();
    GOptionContext *ctx = context_for(ci);
    char *full = g_option_context_get_help(ctx, TRUE, NULL);
    g_option_context_free(ctx);
    g_set_prgname("rapporteur");
    return full;
}

char *cli_version(const char *more_libraries)
{
    return g_strdup_printf("rapporteur %s\n"
                           "libxml2 %s, libxslt %s, GLib %u.%u.%u%s%s\n",
                           RP_VERSION, LIBXML_DOTTED_VERSION, LIBXSLT_DOTTED_VERSION,
                           glib_major_version, glib_minor_version, glib_micro_version,
                           more_libraries != NULL ? ", " : "",
                           more_libraries != NULL ? more_libraries : "");
}

/* ------------------------------------------------------------------ */
/* Parsing                                                             */
/* ------------------------------------------------------------------ */

/* What GOption cannot say: `new` takes no operand, and a job count is
 * between 1 and CLI_MAX_JOBS (0, the default, is one per core). */
static bool operands_ok(const char *name, const char *extra)
{
    if (extra != NULL) {
        fprintf(stderr,
                "rapporteur %s: unexpected \"%s\"; new prints the record: rapporteur new > %s; "
                "try: rapporteur help %s\n",
                name, extra, extra, name);
        return false;
    }
    if (parsed.jobs < 0 || parsed.jobs > CLI_MAX_JOBS) {
        fprintf(stderr, "rapporteur %s: -j %d is not a number of jobs from 1 to %d; try: "
                        "rapporteur help %s\n",
                name, parsed.jobs, CLI_MAX_JOBS, name);
        return false;
    }
    return true;
}

int cli_parse(int argc, char **argv, cli_options *o)
{
    memset(&parsed, 0, sizeof parsed);
    g_set_prgname("rapporteur");
    if (argc < 2) {
        char *h = overview();
        fputs(h, stderr);
        g_free(h);
        return EXIT_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
        char *h = overview();
        fputs(h, stdout);
        g_free(h);
        o->command = CMD_HELP;
        return EXIT_OK;
    }
    if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0) {
        o->command = CMD_VERSION; /* main prints it, with the PDF libraries */
        return EXIT_OK;
    }
    cli_command cmd = cli_command_named(name);
    if (cmd == CMD_NONE) {
        fprintf(stderr, "rapporteur: unknown command \"%s\"; try: rapporteur --help\n", name);
        return EXIT_USAGE;
    }
    if (cmd == CMD_HELP) {
        cli_command topic = argc > 2 ? cli_command_named(argv[2]) : CMD_NONE;
        if (argc > 2 && (topic == CMD_NONE || topic == CMD_HELP)) {
            fprintf(stderr, "rapporteur: no command \"%s\"; try: rapporteur --help\n", argv[2]);
            return EXIT_USAGE;
        }
        char *h = cli_help(topic);
        fputs(h, stdout);
        g_free(h);
        o->command = CMD_HELP;
        return EXIT_OK;
    }
    const command_info *ci = find_command(cmd);
    GOptionContext *ctx = context_for(ci);
    GError *err = NULL;
    /* GOption wants argv[0]; the command takes its place. */
    char **args = g_new0(char *, (gsize)argc);
    args[0] = g_strdup_printf("rapporteur %s", name);
    for (int i = 2; i < argc; i++)
        args[i - 1] = g_strdup(argv[i]);
    int n_args = argc - 1;
    char **to_free = g_memdup2(args, sizeof(char *) * (gsize)argc);
    gboolean ok = g_option_context_parse(ctx, &n_args, &args, &err);
    g_option_context_free(ctx);
    g_set_prgname("rapporteur");
    /* Operands of a command that takes none (new) are left in args. */
    char *extra = ok && n_args > 1 ? g_strdup(args[1]) : NULL;
    for (int i = 0; i < argc - 1; i++)
        g_free(to_free[i]);
    g_free(to_free);
    g_free(args);
    if (!ok) {
        fprintf(stderr, "rapporteur %s: %s; try: rapporteur help %s\n", name, err->message,
                name);
        g_error_free(err);
        cli_options_clear(&parsed);
        return EXIT_USAGE;
    }
    bool operands = operands_ok(name, extra);
    g_free(extra);
    if (!operands) {
        cli_options_clear(&parsed);
        return EXIT_USAGE;
    }
    *o = parsed;
    o->command = cmd;
    memset(&parsed, 0, sizeof parsed);
    return EXIT_OK;
}

void cli_options_clear(cli_options *o)
{
    g_free(o->styles);
    g_free(o->langs);
    g_free(o->out);
    g_free(o->formats);
    g_free(o->paper);
    g_free(o->shard);
    g_free(o->id);
    g_free(o->lang);
    g_free(o->form);
    g_free(o->topic);
    g_strfreev(o->files);
    memset(o, 0, sizeof *o);
}

/* ------------------------------------------------------------------ */
/* Data directory                                                      */
/* ------------------------------------------------------------------ */

static bool has_styles(const char *dir)
{
    char *schema = g_build_filename(dir, "styles", "schema", "record.rng", NULL);
    bool ok = g_file_test(schema, G_FILE_TEST_IS_REGULAR);
    g_free(schema);
    return ok;
}

char *cli_data_dir(void)
{
    const char *env = g_getenv("RAPPORTEUR_DATA_DIR");
    if (env != NULL && *env != '\0')
        return has_styles(env) ? g_strdup(env) : NULL;
    char *exe = g_file_read_link("/proc/self/exe", NULL);
    if (exe != NULL) {
        char *bin = g_path_get_dirname(exe);
        /* build/rapporteur in the source tree; PREFIX/bin/rapporteur when
         * installed, with data in PREFIX/share/rapporteur. */
        char *candidates[] = {g_build_filename(bin, "..", NULL),
                              g_build_filename(bin, "..", "share", "rapporteur", NULL), NULL};
        char *found = NULL;
        for (char **c = candidates; *c != NULL; c++) {
            if (found == NULL && has_styles(*c)) {
                char *real = realpath(*c, NULL);
                found = g_strdup(real != NULL ? real : *c);
                free(real);
            }
            g_free(*c);
        }
        g_free(bin);
        g_free(exe);
        if (found != NULL)
            return found;
    }
    return has_styles(RP_DATADIR) ? g_strdup(RP_DATADIR) : NULL;
}

/* ------------------------------------------------------------------ */
/* Progress                                                            */
/* ------------------------------------------------------------------ */

static int last_decile = -1;

void cli_progress(size_t done, size_t total, const char *what)
{
    if (total == 0)
        return;
    if (isatty(STDERR_FILENO)) {
        int width = 30;
        int filled = (int)((double)done / (double)total * width);
        fprintf(stderr, "\r[%.*s%*s] %zu/%zu %s\033[K", filled,
                "##############################", width - filled, "", done, total,
                what != NULL ? what : "");
        fflush(stderr);
        return;
    }
    int decile = (int)(done * 10 / total);
    if (decile != last_decile) {
        last_decile = decile;
        fprintf(stderr, "rapporteur: %zu/%zu %s\n", done, total, what != NULL ? what : "");
    }
}

void cli_progress_end(void)
{
    if (isatty(STDERR_FILENO))
        fprintf(stderr, "\r\033[K");
    last_decile = -1;
}
