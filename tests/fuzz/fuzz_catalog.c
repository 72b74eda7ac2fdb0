/* libFuzzer harness: a PO catalog from memory (catalog_set_parse), then what the stylesheets
 * ask of a catalog: lookups with fallback, placeholders, dates, numbers, the key check and
 * the digest. The input's length chooses the language tag the catalog is parsed as (so that
 * the bytes themselves stay a PO file, as the seeds are). */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "catalog.h"
#include "diag.h"

static const char *const langs[] = {"en", "fr", "ar", "zh-Hans", "zh", "pt-BR", "x", ""};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *lang = langs[size % G_N_ELEMENTS(langs)];
    diag *d = diag_new();
    catalog_set *s = catalog_set_parse((const char *)data, size, "fuzz.po", lang, d);
    if (s != NULL) {
        static const char *const keys[] = {"page.n-of-m", "date.format", "date.range",
                                           "month.1", "month.12", "number.group",
                                           "number.decimal", "language.self", "", "x"};
        static const char *const asks[] = {"en", "fr", "fr-CA", "zh", "zh-CN", "zh-Hans",
                                           "ar", "", "EN", "x-private"};
        for (size_t k = 0; k < G_N_ELEMENTS(keys); k++) {
            for (size_t a = 0; a < G_N_ELEMENTS(asks); a++) {
                const char *found = NULL;
                const char *v = catalog_lookup(s, asks[a], keys[k], &found);
                if (v != NULL) {
                    const char *names[] = {"page", "pages", "n"};
                    const char *values[] = {"1", "22", "{page}"};
                    g_free(catalog_fill(v, names, values, 3));
                }
            }
        }
        for (size_t a = 0; a < G_N_ELEMENTS(asks); a++) {
            (void)catalog_resolve(s, asks[a]);
            g_free(catalog_format_date(s, asks[a], "2013-10-24"));
            g_free(catalog_format_date(s, asks[a], "0000-02-30"));
            g_free(catalog_format_date_range(s, asks[a], "2013-10-22", "2013-10-25"));
            g_free(catalog_format_date_range(s, asks[a], "2013-12-31", "2014-01-01"));
            g_free(catalog_format_number(s, asks[a], 0));
            g_free(catalog_format_number(s, asks[a], 1234567));
            g_free(catalog_format_number(s, asks[a], -1234567));
            g_free(catalog_format_number(s, asks[a], LLONG_MAX));
            g_free(catalog_format_number(s, asks[a], LLONG_MIN));
        }
        (void)catalog_languages(s);
        (void)catalog_set_digest(s);
        catalog_set_check(s, d);
    }
    diag_sort(d);
    for (size_t i = 0; i < diag_length(d); i++)
        g_free(diag_format(diag_get(d, i)));
    catalog_set_free(s);
    diag_free(d);
    return 0;
}
