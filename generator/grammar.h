/* grammar: the record format's structure as a table, the schema's twin.
 *
 * styles/schema/record.rng is the published contract; libxml2's RELAX NG
 * validator stops at the first error of an interleave and says little, so
 * this module walks the same grammar from a table and reports every
 * structural error with its place and what was expected. A test keeps the
 * two in agreement (tests/unit/test_grammar.c).
 */
#ifndef RP_GRAMMAR_H
#define RP_GRAMMAR_H

#include <stdbool.h>

#include <libxml/tree.h>

#include "diag.h"
#include "record.h"

/* A report's id names its output files: longer ids are refused, as file
 * systems limit names to 255 bytes ("<id>.<lang>.html" must fit). */
#define GRAMMAR_MAX_ID_BYTES 160

/* Counts have at most 15 digits: what a double holds exactly, for charts. */
#define GRAMMAR_MAX_COUNT_DIGITS 15

/* Parses the element table once; call before any other function here
 * (main does). Thread-safe after that. */
void grammar_init(void);

/* Adds an error to d for every structural problem of the record: unknown
 * or misplaced elements and attributes, missing required ones, values
 * outside an enumeration, malformed datatypes (dates, counts, IDs).
 * Returns true if it found none. */
bool grammar_check(const record *r, diag *d);

/* True for a translatable field ("T" in record-spec.md) of the record. */
bool grammar_is_translatable(const xmlNode *el);

/* True for a T field that may repeat within one language (theme, note,
 * name...), whose translations pair up by order (design rule 2). */
bool grammar_is_list_field(const xmlNode *el);

/* True for an element whose empty content is normal (dates, role, sdg...),
 * so that no "empty element" warning is due. */
bool grammar_may_be_empty(const xmlNode *el);

/* True for an element its parent must contain (meeting, content...). */
bool grammar_is_required(const xmlNode *el);

/* Datatypes, exposed for the rules and the tests. */
bool grammar_is_ncname(const char *s);
bool grammar_is_date(const char *s);                 /* xs:date, YYYY-MM-DD[zone] */
bool grammar_is_time(const char *s);                 /* xs:time, hh:mm[:ss[.s]][zone] */
bool grammar_is_nonnegative_integer(const char *s);  /* xs:nonNegativeInteger */
bool grammar_is_language(const char *s);             /* BCP 47, as xs:language */

#endif
