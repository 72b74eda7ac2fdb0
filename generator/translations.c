/* translations: the translation status of one record. */
#include "translations.h"

#include <string.h>

#include "grammar.h"
#include "render.h"

typedef struct {
    char *path;          /* "session/title", "cast/person[p-weise]/name" */
    GPtrArray *copies;   /* xmlNode*, borrowed */
} field;

static void field_free(gpointer p)
{
    field *f = p;
    g_free(f->path);
    g_ptr_array_free(f->copies, TRUE);
    g_free(f);
}

/* A field's identity: the path of element names from the root, with the
 * xml:id of cast members, @by of presentations and @kind of sections. */
static char *field_path(const xmlNode *el)
{
    GPtrArray *parts = g_ptr_array_new_with_free_func(g_free);
    for (const xmlNode *n = el; n != NULL && n->type == XML_ELEMENT_NODE && n->parent != NULL &&
                                n->parent->type == XML_ELEMENT_NODE;
         n = n->parent) {
        const char *qual = NULL;
        xmlAttr *id = xmlHasNsProp(n, BAD_CAST "id", XML_XML_NAMESPACE);
        if (id != NULL && id->children != NULL)
            qual = (const char *)id->children->content;
        else if (record_is(n, "presentation"))
            qual = record_attr(n, "by");
        else if (record_is(n, "section"))
            qual = record_attr(n, "kind");
        else if (record_is(n, "resource"))
            qual = record_attr(n, "kind");
        if (qual != NULL)
            g_ptr_array_insert(parts, 0, g_strdup_printf("%s[%s]", n->name, qual));
        else
            g_ptr_array_insert(parts, 0, g_strdup((const char *)n->name));
    }
    g_ptr_array_add(parts, NULL);
    char *path = g_strjoinv("/", (char **)parts->pdata);
    g_ptr_array_free(parts, TRUE);
    return path;
}

static bool lang_serves(const char *copy, const char *lang)
{
    size_t n = strlen(lang);
    return g_ascii_strcasecmp(copy, lang) == 0 ||
           (g_ascii_strncasecmp(copy, lang, n) == 0 && copy[n] == '-');
}

static const char *origin_of(const xmlNode *el)
{
    const char *o = record_attr(el, "origin");
    return o != NULL ? o : "original";
}

char *translations_report(const record *rec, const catalog_set *catalogs)
{
    (void)catalogs;
    GHashTable *by_path = g_hash_table_new(g_str_hash, g_str_equal);
    GPtrArray *fields = g_ptr_array_new_with_free_func(field_free);
    xmlNode *root = record_root(rec);
    for (xmlNode *n = root; n != NULL; n = record_next_node(n, root)) {
        if (n->type == XML_ELEMENT_NODE && grammar_is_translatable(n)) {
            char *path = field_path(n);
            field *f = g_hash_table_lookup(by_path, path);
            if (f == NULL) {
                f = g_new0(field, 1);
                f->path = path;
                f->copies = g_ptr_array_new();
                g_ptr_array_add(fields, f);
                g_hash_table_insert(by_path, f->path, f);
            } else {
                g_free(path);
            }
            g_ptr_array_add(f->copies, n);
        }
    }

    GString *out = g_string_new(NULL);
    char **langs = render_record_languages(rec);
    g_string_append_printf(out, "%s: %s, %u translatable fields, languages:", record_path(rec),
                           record_id(rec) != NULL ? record_id(rec) : "?", fields->len);
    for (char **l = langs; *l != NULL; l++)
        g_string_append_printf(out, " %s", *l);
    g_string_append_c(out, '\n');
    for (char **l = langs; *l != NULL; l++) {
        GString *present = g_string_new(NULL);
        GString *missing = g_string_new(NULL);
        GString *machine = g_string_new(NULL);
        unsigned n_present = 0, n_missing = 0, n_machine = 0;
        unsigned by_origin[4] = {0};
        static const char *const origins[] = {"original", "human", "machine", "unknown"};
        for (guint i = 0; i < fields->len; i++) {
            field *f = g_ptr_array_index(fields, i);
            const xmlNode *found = NULL;
            for (guint c = 0; c < f->copies->len && found == NULL; c++) {
                const xmlNode *copy = g_ptr_array_index(f->copies, c);
                if (lang_serves(record_node_lang(copy), *l))
                    found = copy;
            }
            if (found == NULL) {
                n_missing++;
                g_string_append_printf(missing, "\n      %s", f->path);
                continue;
            }
            n_present++;
            const char *o = origin_of(found);
            for (int k = 0; k < 4; k++) {
                if (strcmp(o, origins[k]) == 0)
                    by_origin[k]++;
            }
            if (strcmp(o, "machine") == 0) {
                n_machine++;
                g_string_append_printf(machine, "\n      %s (line %d)", f->path,
                                       record_node_line(found));
            }
            g_string_append_printf(present, "\n      %s (%s)", f->path, o);
        }
        g_string_append_printf(out,
                               "  %s: %u present (%u original, %u human, %u machine, %u "
                               "unknown), %u missing\n",
                               *l, n_present, by_origin[0], by_origin[1], by_origin[2],
                               by_origin[3], n_missing);
        if (n_present > 0)
            g_string_append_printf(out, "    present:%s\n", present->str);
        if (n_missing > 0)
            g_string_append_printf(out, "    missing:%s\n", missing->str);
        if (n_machine > 0)
            g_string_append_printf(out, "    machine-made:%s\n", machine->str);
        g_string_free(present, TRUE);
        g_string_free(missing, TRUE);
        g_string_free(machine, TRUE);
    }
    g_strfreev(langs);
    g_ptr_array_free(fields, TRUE);
    g_hash_table_destroy(by_path);
    return g_string_free(out, FALSE);
}
