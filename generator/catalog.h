/* catalog: label catalogs, language fallback, and dates and numbers by table.
 *
 * One gettext PO file per language in styles/catalogs/ (msgctxt = the key,
 * msgid = the English source, msgstr = the text shown). A catalog set is
 * loaded once and then read by every thread. Dates and numbers are formatted
 * from the catalogs' own tables (month.N, date.format, number.*), never from
 * the host's locale, so output does not depend on the machine.
 */
#ifndef RP_CATALOG_H
#define RP_CATALOG_H

#include <stdbool.h>

#include "diag.h"

/* The language every lookup finally falls back to; its catalog is the list
 * of keys that every other catalog must have. */
#define CATALOG_BASE_LANG "en"

/* A catalog file larger than this is refused: ours are about 20 KB. */
#define CATALOG_MAX_BYTES ((size_t)4 * 1024 * 1024)

typedef struct catalog_set catalog_set;

/* Loads every *.po file of `dir`; a file's language is its name without
 * ".po" (zh-Hans.po is zh-Hans). Returns NULL, with errors in d, if a file
 * is malformed or the base catalog is missing. Free with catalog_set_free(). */
catalog_set *catalog_set_load(const char *dir, diag *d);

/* Parses one PO file from memory into a new set of one catalog, for the
 * fuzzer and the tests. Returns NULL with errors in d. */
catalog_set *catalog_set_parse(const char *data, size_t len, const char *name,
                               const char *lang, diag *d);

void catalog_set_free(catalog_set *s);

/* The catalog that serves `lang`: itself, a shorter tag (fr-CA -> fr), the
 * default script of Chinese (zh, zh-CN -> zh-Hans), or NULL if none does.
 * Borrowed, valid while the set lives. */
const char *catalog_resolve(const catalog_set *s, const char *lang);

/* The languages that have a catalog, sorted; borrowed NULL-terminated. */
const char *const *catalog_languages(const catalog_set *s);

/* The text of `key` for `lang`, falling back to the base language. Returns
 * NULL if no catalog has the key. If found_lang is not NULL it receives the
 * language whose catalog answered. Borrowed, valid while the set lives. */
const char *catalog_lookup(const catalog_set *s, const char *lang, const char *key,
                           const char **found_lang);

/* Replaces each {name} in `pattern` by the value paired with it (names and
 * values are parallel, n long); unknown placeholders stay as they are.
 * Returns a new string, freed with g_free(). */
char *catalog_fill(const char *pattern, const char *const *names, const char *const *values,
                   size_t n);

/* "2013-10-24" as a date in `lang` ("24 octobre 2013"), or NULL if iso is
 * not YYYY-MM-DD. Freed with g_free(). */
char *catalog_format_date(const catalog_set *s, const char *lang, const char *iso);

/* Two dates as a range: "22–25 October 2013" within a month, else
 * date.range of the two full dates. NULL if a date is malformed. */
char *catalog_format_date_range(const catalog_set *s, const char *lang, const char *from,
                                const char *to);

/* An integer with the language's digit grouping ("1 234" in French).
 * Freed with g_free(). */
char *catalog_format_number(const catalog_set *s, const char *lang, long long n);

/* A string of decimal digits of any length ("18446744073709551616")
 * grouped the same way. Freed with g_free(). */
char *catalog_format_digits(const catalog_set *s, const char *lang, const char *digits);

/* Checks that every catalog has every key of the base catalog, no key the
 * base lacks, and the same placeholders in each message. Adds an error per
 * problem to d; returns true if there is none. */
bool catalog_set_check(const catalog_set *s, diag *d);

/* A digest of every catalog's content, for incremental builds. Borrowed. */
const char *catalog_set_digest(const catalog_set *s);

#endif
