/* record: the safe loading of one record file into an xmlDoc.
 *
 * Records are untrusted. They are parsed without network access, without
 * DTDs (a DOCTYPE is refused, so no entity can be declared, let alone
 * expanded), without XInclude and with libxml2's default size and depth
 * limits. Every element and attribute remembers the column where it starts,
 * so later stages can say file:line:col.
 */
#ifndef RP_RECORD_H
#define RP_RECORD_H

#include <stdbool.h>

#include <glib.h>
#include <libxml/tree.h>

#include "diag.h"

/* The record format's namespace (record-spec.md, design rule 1). */
#define RECORD_NS "urn:rapporteur:report:1"

/* A record file larger than this is refused before parsing: the longest
 * real IGF report is about 200 KB, and every stage holds the whole record
 * in memory. */
#define RECORD_MAX_BYTES ((gint64)16 * 1024 * 1024)

typedef struct record record;

/* Loads and parses `path`. Returns NULL, with errors in d, if the file
 * cannot be read or is not well-formed XML; the result is not yet
 * validated. Free with record_free(). */
record *record_load(const char *path, diag *d);

/* The same from memory; `name` is the file name used in messages. */
record *record_load_memory(const char *data, size_t len, const char *name, diag *d);

void record_free(record *r);

/* Borrowed; valid while the record lives. */
xmlDoc *record_doc(const record *r);
xmlNode *record_root(const record *r);
const char *record_path(const record *r);

/* The root's @id and @xml:lang, or NULL when absent. Borrowed. */
const char *record_id(const record *r);
const char *record_lang(const record *r);

/* The raw bytes of the file and their SHA-256 (hex). Borrowed. */
const char *record_sha256(const record *r);

/* Where a node starts: line (1-based, 0 if unknown) and column (1-based
 * characters, 0 if unknown). Works for elements and attributes of a record
 * loaded by record_load(); other nodes report their line and column 0. */
/* The node after n in document order within root (n's first child if it is
 * an element with children), or NULL after the last: a walk of the tree
 * without recursion, which the parser's depth limit need not bound. */
xmlNode *record_next_node(const xmlNode *n, const xmlNode *root);

int record_node_line(const xmlNode *node);
int record_node_col(const xmlNode *node);
int record_attr_line(const xmlAttr *attr);
int record_attr_col(const xmlAttr *attr);

/* The language of a node: its nearest xml:lang, or "" if none. Borrowed
 * from the document. */
const char *record_node_lang(const xmlNode *node);

/* True if `el` is an element of the record namespace named `name`. */
bool record_is(const xmlNode *el, const char *name);

/* The value of an attribute without namespace, or NULL. Borrowed. */
const char *record_attr(const xmlNode *el, const char *name);

#endif
