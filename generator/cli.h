/* cli: the command line: commands, option tables, help texts, progress.
 *
 * One GOption table per command is the single source of `--help`, `help
 * COMMAND` and the man page. cli.c and main.c are the only modules that
 * print.
 */
#ifndef RP_CLI_H
#define RP_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include <glib.h>

/* Exit codes (documented in every --help). */
#define EXIT_OK 0
#define EXIT_BAD_INPUT 1
#define EXIT_USAGE 2

/* More workers than this is a mistake, not a machine (each is a thread). */
#define CLI_MAX_JOBS 256

typedef enum {
    CMD_NONE,
    CMD_CHECK,
    CMD_RENDER,
    CMD_NEW,
    CMD_ARCHIVE,
    CMD_VERIFY,
    CMD_HELP,
    CMD_VERSION,
} cli_command;

typedef struct {
    cli_command command;
    /* shared */
    char *styles;          /* --styles DIR: a customization layer */
    char *langs;           /* -l */
    char *out;             /* -o */
    /* check */
    gboolean translations; /* --translations */
    gboolean werror;       /* --werror */
    /* render */
    char *formats;         /* -f html,pdf */
    char *paper;           /* --paper a4|letter */
    /* archive */
    int jobs;              /* -j */
    gboolean keep_going;   /* --keep-going */
    char *shard;           /* --shard K/N */
    gboolean quiet;        /* -q */
    /* new */
    char *id;
    char *lang;
    char *form;
    /* help */
    char *topic;
    char **files;          /* the operands */
} cli_options;

/* Parses argv. Returns EXIT_OK, or EXIT_USAGE after printing what is wrong
 * and what to do to stderr. Free the options with cli_options_clear(). */
int cli_parse(int argc, char **argv, cli_options *o);
void cli_options_clear(cli_options *o);

/* The help text of a command (CMD_NONE: the overview). g_free() it. */
char *cli_help(cli_command command);

/* The command named `name`, or CMD_NONE. */
cli_command cli_command_named(const char *name);

/* The --version text; more_libraries ("cairo 1.16.0, ...") may be NULL.
 * g_free() it. */
char *cli_version(const char *more_libraries);

/* The directory holding styles/ and fonts/: $RAPPORTEUR_DATA_DIR, the
 * source tree next to the executable, or the installed share directory.
 * Returns NULL if none has styles/schema/record.rng. g_free() it. */
char *cli_data_dir(void);

/* A one-line progress bar on stderr when it is a terminal; plain lines
 * every 10% otherwise (CI logs). */
void cli_progress(size_t done, size_t total, const char *what);
void cli_progress_end(void);

#endif
