/* validate: a record against the schema and the rules of record-spec.md.
 *
 * Input: a loaded record. Output: diagnostics, errors (the record must not
 * be rendered) and warnings (rendered and reported). The structure comes
 * from grammar.c and the RELAX NG schema; every rule of the spec's
 * Validation section is one function in a table here, named by the rule
 * id that ends its messages ("[counts-gender]").
 */
#ifndef RP_VALIDATE_H
#define RP_VALIDATE_H

#include <stdbool.h>

#include "diag.h"
#include "record.h"

typedef struct validator validator;

/* Compiles the RELAX NG schema at `schema_path` once. Returns NULL with an
 * error in d if it cannot. Free with validator_free(). A validator is
 * read-only after creation and may be shared by threads. */
validator *validator_new(const char *schema_path, diag *d);
void validator_free(validator *v);

/* Checks one record; adds every error and warning to d. Returns true if
 * the record has no errors (warnings allowed). */
bool validate_record(const validator *v, const record *r, diag *d);

/* One rule of the table, for `rapporteur help rules` and the tests. */
typedef struct {
    const char *id;
    const char *severity; /* "error" or "warning" */
    const char *summary;
} validate_rule_info;

/* The rules, ending with an entry whose id is NULL. */
const validate_rule_info *validate_rules(void);

#endif
