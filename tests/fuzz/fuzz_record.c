/* libFuzzer harness: a record from memory (record_load_memory), then the whole validator
 * (grammar, RELAX NG schema, every rule of record-spec.md) on it.
 *
 * Needs RAPPORTEUR_DATA_DIR (the directory holding styles/); tests/fuzz/run.sh sets it.
 * Set-up as main.c does it: the grammar table, and transform_init() for the process's one
 * safe external entity loader (no file outside styles/, no network). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <glib.h>
#include <libxml/parser.h>

#include "diag.h"
#include "grammar.h"
#include "record.h"
#include "transform.h"
#include "validate.h"

static validator *the_validator;

static void quiet_xml_errors(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *data_dir = getenv("RAPPORTEUR_DATA_DIR");
    if (data_dir == NULL) {
        fprintf(stderr, "fuzz_record: set RAPPORTEUR_DATA_DIR to the source tree\n");
        exit(2);
    }
    xmlInitParser();
    xmlSetGenericErrorFunc(NULL, quiet_xml_errors);
    grammar_init();
    char *styles = g_build_filename(data_dir, "styles", NULL);
    transform_init(styles, NULL);
    g_free(styles);
    char *schema = g_build_filename(data_dir, "styles", "schema", "record.rng", NULL);
    diag *d = diag_new();
    the_validator = validator_new(schema, d);
    if (the_validator == NULL) {
        diag_print(d, stderr);
        exit(2);
    }
    diag_free(d);
    g_free(schema);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    diag *d = diag_new();
    record *r = record_load_memory((const char *)data, size, "fuzz.xml", d);
    if (r != NULL) {
        validate_record(the_validator, r, d);
        /* What render and the messages use of a record. */
        (void)record_id(r);
        (void)record_lang(r);
        (void)record_sha256(r);
    }
    /* Sorting and formatting every message, as main does. */
    diag_sort(d);
    for (size_t i = 0; i < diag_length(d); i++)
        g_free(diag_format(diag_get(d, i)));
    record_free(r);
    diag_free(d);
    return 0;
}
