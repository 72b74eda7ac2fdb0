/* translations: which translatable fields a record has in each language.
 *
 * For `rapporteur check --translations`: per record and language, the
 * fields present (and their origin: original, human, machine, unknown),
 * the fields missing, and which copies are machine-made.
 */
#ifndef RP_TRANSLATIONS_H
#define RP_TRANSLATIONS_H

#include "catalog.h"
#include "record.h"

/* A plain-text report of `rec`, one block per language the record holds.
 * g_free() it. */
char *translations_report(const record *rec, const catalog_set *catalogs);

#endif
