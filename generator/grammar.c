/* grammar: the record's structure as a table, checked element by element. */
#include "grammar.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* The table                                                           */
/* ------------------------------------------------------------------ */

typedef enum {
    CONTENT_EMPTY,       /* attributes only */
    CONTENT_TEXT,        /* text, no elements */
    CONTENT_INLINE,      /* text and inline elements */
    CONTENT_PROSE,       /* blocks (p, list), or inline content */
    CONTENT_ITEMS,       /* item+, or "N/A" text with na="true" */
    CONTENT_ITEM,        /* text, inline elements, p and list */
    CONTENT_ELEMENTS,    /* the children listed, in any order */
    CONTENT_PERSON_NAME, /* text, or given? and family? */
    CONTENT_INTEGER,     /* a non-negative integer */
} content_kind;

enum {
    F_T = 1 << 0,        /* translatable field */
    F_LIST = 1 << 1,     /* may repeat within one language */
    F_EMPTY_OK = 1 << 2, /* empty content is normal */
    F_NO_COMMON = 1 << 3 /* no src/recorded/label/na (section declares its own) */
};

/* Pseudo-parents for elements allowed by content kind, not by name. */
#define IN_INLINE "#inline"
#define IN_BLOCK "#block"
#define IN_ITEMS "#items"
#define IN_PERSON_NAME "#person-name"

typedef struct {
    const char *name;
    const char *parents; /* space-separated parent names or one pseudo-parent */
    unsigned flags;
    content_kind content;
    /* Attributes: "name[!]:type ...", "!" = required. Types: text token
     * ncname idref idrefs lang date time gyear posint percent bool uri
     * country tz goal, an enumeration "(a|b|c)", a named one "$name",
     * "=value" (fixed) or "$stakeholders" (a list of stakeholder values). */
    const char *attrs;
    /* CONTENT_ELEMENTS: "name[?*+] ...", no suffix = exactly one. */
    const char *children;
} element_def;

#define STAKEHOLDERS                                                                          \
    "government|intergovernmental-organization|civil-society|private-sector|"                  \
    "technical-community|academia|parliament|media|other|unknown"
#define REGIONS "african|asia-pacific|eastern-european|grulac|weog|igo"
#define SESSION_TYPES                                                                         \
    "workshop|main-session|open-forum|best-practice-forum|dynamic-coalition|nri-session|"      \
    "day-0|lightning-talk|networking|town-hall|launch-award|high-level|parliamentary|youth|"   \
    "flash|open-mic|ceremony|other"
#define FORMAT_CODES                                                                          \
    "panel|roundtable|debate|birds-of-a-feather|break-out-groups|flash|tutorial|"              \
    "presentation|other"
#define ROLE_TYPES                                                                            \
    "organizer|organizer-entity|co-organizer|chair|moderator|online-moderator|rapporteur|"     \
    "speaker|discussant|keynote|contact|submitter|host"
#define COUNT_OFS                                                                             \
    "total|onsite|online|female|male|other-gender|youth|developing|developed|ldc"
#define RESOURCE_KINDS                                                                        \
    "transcript|video|audio|proposal|background-paper|presentation|report|session-page|"       \
    "output|photo|other"
#define PROSE_FIELDS                                                                          \
    "description summary conclusions wayForward policyRecommendations otherInitiatives "       \
    "progressForTomorrow sessionOutputs"

static const element_def defs[] = {
    {"report", "", 0, CONTENT_ELEMENTS,
     "id!:ncname version!:=1 symbol:token form:ncname status:(draft|final|withdrawn)",
     "meta? meeting session cast? roles? content gender? attendance? resources?"},

    /* meta */
    {"meta", "report", 0, CONTENT_ELEMENTS, "",
     "source* transcription? submitted? published? note*"},
    {"source", "meta", 0, CONTENT_TEXT,
     "kind:(igf-website|archive-page|pdf|submission|import) href:uri retrieved:date", NULL},
    {"transcription", "meta", F_EMPTY_OK, CONTENT_TEXT,
     "method:(manual|import|submission) date:date by:text", NULL},
    {"submitted", "meta", F_EMPTY_OK, CONTENT_TEXT, "date:date", NULL},
    {"published", "meta", F_EMPTY_OK, CONTENT_TEXT, "date:date", NULL},
    {"note", "meta", F_T | F_LIST, CONTENT_PROSE, "", NULL},

    /* meeting */
    {"meeting", "report", 0, CONTENT_ELEMENTS,
     "kind:(global|regional|subregional|national|youth) year!:gyear edition:posint",
     "name+ place? dates? overarchingTheme*"},
    {"name", "meeting", F_T | F_LIST, CONTENT_INLINE, "", NULL},
    {"place", "meeting", 0, CONTENT_ELEMENTS, "", "city* country*"},
    {"city", "place", F_T, CONTENT_INLINE, "", NULL},
    {"country", "place", F_T, CONTENT_INLINE, "code:country", NULL},
    {"dates", "meeting", F_EMPTY_OK, CONTENT_EMPTY, "from:date to:date", NULL},
    {"overarchingTheme", "meeting", F_T | F_LIST, CONTENT_INLINE, "", NULL},

    /* session */
    {"session", "report", 0, CONTENT_ELEMENTS,
     "type!:(" SESSION_TYPES ") number:token track:text",
     "title+ date? room? format* formatDescription* theme* subtheme* topic* tag* sdg* "
     "policyQuestion* priorIGFExperience?"},
    {"title", "session", F_T, CONTENT_INLINE, "", NULL},
    {"date", "session", F_EMPTY_OK, CONTENT_EMPTY, "when:date start:time end:time tz:tz", NULL},
    {"room", "session", 0, CONTENT_TEXT, "", NULL},
    {"format", "session", F_T, CONTENT_INLINE,
     "code:(" FORMAT_CODES ") durationMin:posint "
     "layout:(u-shape|circle|auditorium|classroom|boardroom|flexible)",
     NULL},
    {"formatDescription", "session", F_T, CONTENT_PROSE, "", NULL},
    {"theme", "session", F_T | F_LIST, CONTENT_INLINE, "code:token", NULL},
    {"subtheme", "session", F_T | F_LIST, CONTENT_INLINE, "code:token", NULL},
    {"topic", "session", F_T | F_LIST, CONTENT_INLINE, "code:token", NULL},
    {"tag", "session", 0, CONTENT_TEXT, "", NULL},
    {"sdg", "session", F_EMPTY_OK, CONTENT_TEXT, "goal!:goal", NULL},
    {"policyQuestion", "session", F_T | F_LIST, CONTENT_PROSE, "", NULL},
    {"priorIGFExperience", "session", F_EMPTY_OK, CONTENT_TEXT, "value:(yes|no)", NULL},

    /* cast and roles */
    {"cast", "report", 0, CONTENT_ELEMENTS, "", "org* person*"},
    {"org", "cast", 0, CONTENT_ELEMENTS,
     "xml:id!:ncname stakeholder:(" STAKEHOLDERS ") region:(" REGIONS ") country:country "
     "abbr:text",
     "name+"},
    {"name", "org", F_T | F_LIST, CONTENT_INLINE, "", NULL},
    {"person", "cast", 0, CONTENT_ELEMENTS,
     "xml:id!:ncname stakeholder:(" STAKEHOLDERS ") region:(" REGIONS ") country:country "
     "gender:(female|male|other|undisclosed)",
     "name+ affiliation*"},
    {"name", "person", F_T | F_LIST, CONTENT_PERSON_NAME, "order:(given-first|family-first)",
     NULL},
    {"given", IN_PERSON_NAME, 0, CONTENT_TEXT, "", NULL},
    {"family", IN_PERSON_NAME, 0, CONTENT_TEXT, "", NULL},
    {"affiliation", "person", F_EMPTY_OK, CONTENT_TEXT, "org:idref origin:(original|human|machine|unknown)", NULL},
    {"roles", "report", 0, CONTENT_ELEMENTS, "", "role+"},
    {"role", "roles", F_EMPTY_OK, CONTENT_EMPTY,
     "type!:(" ROLE_TYPES ") who!:idrefs mode:(onsite|online)", NULL},

    /* content: every child 0..n and translatable */
    {"content", "report", 0, CONTENT_ELEMENTS, "",
     "description* agenda* keyIssues* presentation* summary* conclusions* wayForward* "
     "policyRecommendations* keyTakeaways* callsToAction* otherInitiatives* "
     "progressForTomorrow* sessionOutputs* section*"},
    {"description", "content", F_T, CONTENT_PROSE, "", NULL},
    {"summary", "content", F_T, CONTENT_PROSE, "", NULL},
    {"conclusions", "content", F_T, CONTENT_PROSE, "", NULL},
    {"wayForward", "content", F_T, CONTENT_PROSE, "", NULL},
    {"policyRecommendations", "content", F_T, CONTENT_PROSE, "", NULL},
    {"otherInitiatives", "content", F_T, CONTENT_PROSE, "", NULL},
    {"progressForTomorrow", "content", F_T, CONTENT_PROSE, "", NULL},
    {"sessionOutputs", "content", F_T, CONTENT_PROSE, "", NULL},
    {"agenda", "content", F_T, CONTENT_ITEMS, "", NULL},
    {"keyIssues", "content", F_T, CONTENT_ITEMS, "", NULL},
    {"keyTakeaways", "content", F_T, CONTENT_ITEMS, "", NULL},
    {"callsToAction", "content", F_T, CONTENT_ITEMS, "", NULL},
    {"presentation", "content", F_T, CONTENT_PROSE, "by:idref", NULL},
    {"section", "content", F_T | F_NO_COMMON, CONTENT_PROSE,
     "kind!:ncname label!:text src:(form|summary|archive|editor|inferred) recorded:text "
     "na:bool",
     NULL},

    /* gender, attendance, resources */
    {"gender", "report", 0, CONTENT_ELEMENTS, "", "womenShare* genderTopic* genderDiscussion*"},
    {"womenShare", "gender", F_T, CONTENT_INLINE,
     "band:(none|about-quarter|about-third|about-half|about-three-quarters|all|not-stated) "
     "percent:percent",
     NULL},
    {"genderTopic", "gender", F_T, CONTENT_INLINE,
     "extent:(main-focus|significant-part|mentioned-briefly|not-mentioned|not-relevant|"
     "not-stated)",
     NULL},
    {"genderDiscussion", "gender", F_T | F_LIST, CONTENT_PROSE, "", NULL},
    {"attendance", "report", 0, CONTENT_ELEMENTS,
     "basis:(reported|estimate|count|registration) ldcInDeveloping:(yes|no|unknown)", "count+"},
    {"count", "attendance", 0, CONTENT_INTEGER,
     "of!:(" COUNT_OFS ") role:(participant|speaker|moderator) approx:bool", NULL},
    {"resources", "report", 0, CONTENT_ELEMENTS, "", "resource+"},
    {"resource", "resources", F_EMPTY_OK, CONTENT_ELEMENTS, "kind!:(" RESOURCE_KINDS ") href:uri",
     "label*"},
    {"label", "resource", F_T, CONTENT_INLINE, "", NULL},

    /* rich text (design rule 7) */
    {"p", IN_BLOCK, 0, CONTENT_INLINE, "", NULL},
    {"list", IN_BLOCK, 0, CONTENT_ELEMENTS, "type:(ordered|unordered)", "item+"},
    {"item", IN_ITEMS, 0, CONTENT_ITEM, "n:token kind:ncname addressee:$stakeholders", NULL},
    {"em", IN_INLINE, 0, CONTENT_INLINE, "", NULL},
    {"strong", IN_INLINE, 0, CONTENT_INLINE, "", NULL},
    {"q", IN_INLINE, 0, CONTENT_INLINE, "", NULL},
    {"link", IN_INLINE, 0, CONTENT_INLINE, "href!:uri", NULL},
    {"name", IN_INLINE, 0, CONTENT_INLINE, "ref:idref", NULL},
    {"span", IN_INLINE, 0, CONTENT_INLINE, "dir:(ltr|rtl)", NULL},
    {"gap", IN_INLINE, F_EMPTY_OK, CONTENT_EMPTY, "reason:text", NULL},
};

#define N_DEFS (sizeof defs / sizeof defs[0])

/* Attributes every element may carry (design rules 2 and 6), and what a
 * translatable field adds. */
static const char common_attrs[] =
    "xml:lang:lang src:(form|summary|archive|editor|inferred) recorded:text label:text na:bool";
static const char t_attrs[] = "origin:(original|human|machine|unknown)";

/* ------------------------------------------------------------------ */
/* The table, parsed                                                   */
/* ------------------------------------------------------------------ */

typedef struct {
    char *name;
    bool required;
    char *type;        /* "date", "(...)" stripped to its alternatives, ... */
    char **values;     /* enumeration, or NULL */
    char *fixed;       /* "=1" */
} attr_rule;

typedef struct {
    char *name;
    int min;
    int max; /* -1 = unbounded */
} child_rule;

typedef struct {
    const element_def *def;
    char **parents;
    GPtrArray *attrs;    /* of attr_rule*, including the common ones */
    GPtrArray *children; /* of child_rule*, CONTENT_ELEMENTS only */
} element_rule;

static element_rule rules[N_DEFS];
static GOnce init_once = G_ONCE_INIT;

static void parse_attrs(GPtrArray *out, const char *spec)
{
    char **tokens = g_strsplit(spec, " ", -1);
    for (char **t = tokens; *t != NULL; t++) {
        if (**t == '\0')
            continue;
        /* "xml:id!:ncname": the type follows the last ":" after the name. */
        char *colon = strrchr(*t, ':');
        g_assert(colon != NULL);
        attr_rule *a = g_new0(attr_rule, 1);
        a->name = g_strndup(*t, (gsize)(colon - *t));
        size_t n = strlen(a->name);
        if (n > 0 && a->name[n - 1] == '!') {
            a->required = true;
            a->name[n - 1] = '\0';
        }
        const char *type = colon + 1;
        if (type[0] == '(') {
            char *inner = g_strndup(type + 1, strlen(type) - 2);
            a->values = g_strsplit(inner, "|", -1);
            g_free(inner);
            a->type = g_strdup("enum");
        } else if (type[0] == '=') {
            a->fixed = g_strdup(type + 1);
            a->type = g_strdup("fixed");
        } else if (strcmp(type, "$stakeholders") == 0) {
            a->values = g_strsplit(STAKEHOLDERS, "|", -1);
            a->type = g_strdup("enum-list");
        } else {
            a->type = g_strdup(type);
        }
        g_ptr_array_add(out, a);
    }
    g_strfreev(tokens);
}

static void parse_children(GPtrArray *out, const char *spec)
{
    char **tokens = g_strsplit(spec, " ", -1);
    for (char **t = tokens; *t != NULL; t++) {
        if (**t == '\0')
            continue;
        child_rule *c = g_new0(child_rule, 1);
        size_t n = strlen(*t);
        char last = (*t)[n - 1];
        c->min = 1;
        c->max = 1;
        if (last == '?' || last == '*' || last == '+') {
            c->name = g_strndup(*t, n - 1);
            c->min = last == '+' ? 1 : 0;
            c->max = last == '?' ? 1 : -1;
        } else {
            c->name = g_strdup(*t);
        }
        g_ptr_array_add(out, c);
    }
    g_strfreev(tokens);
}

static gpointer init_rules(gpointer unused)
{
    (void)unused;
    for (size_t i = 0; i < N_DEFS; i++) {
        element_rule *r = &rules[i];
        r->def = &defs[i];
        r->parents = g_strsplit(defs[i].parents, " ", -1);
        r->attrs = g_ptr_array_new();
        parse_attrs(r->attrs, defs[i].attrs);
        if (!(defs[i].flags & F_NO_COMMON))
            parse_attrs(r->attrs, common_attrs);
        else
            parse_attrs(r->attrs, "xml:lang:lang");
        if (defs[i].flags & F_T)
            parse_attrs(r->attrs, t_attrs);
        r->children = g_ptr_array_new();
        if (defs[i].children != NULL)
            parse_children(r->children, defs[i].children);
    }
    return NULL;
}

void grammar_init(void)
{
    g_once(&init_once, init_rules, NULL);
}

static const element_rule *find_rule(const char *name, const char *parent)
{
    for (size_t i = 0; i < N_DEFS; i++) {
        if (strcmp(defs[i].name, name) != 0)
            continue;
        if (*parent == '\0' && defs[i].parents[0] == '\0')
            return &rules[i];
        for (char **p = rules[i].parents; *p != NULL; p++) {
            if (strcmp(*p, parent) == 0)
                return &rules[i];
        }
    }
    return NULL;
}

/* The rule of a record element, found from its parent. */
static const element_rule *rule_of(const xmlNode *el)
{
    if (el == NULL || el->type != XML_ELEMENT_NODE || el->ns == NULL ||
        !xmlStrEqual(el->ns->href, BAD_CAST RECORD_NS))
        return NULL;
    const xmlNode *parent = el->parent;
    const char *name = (const char *)el->name;
    /* A report is the root, or a copy inside an archive's corpus document. */
    if (parent == NULL || parent->type != XML_ELEMENT_NODE || strcmp(name, "report") == 0)
        return find_rule(name, "");
    const element_rule *pr = rule_of(parent);
    if (pr == NULL)
        return NULL;
    switch (pr->def->content) {
    case CONTENT_ELEMENTS: {
        const element_rule *r = find_rule(name, (const char *)parent->name);
        return r != NULL ? r : find_rule(name, IN_ITEMS); /* list > item */
    }
    case CONTENT_PERSON_NAME:
        return find_rule(name, IN_PERSON_NAME);
    case CONTENT_ITEMS:
        return find_rule(name, IN_ITEMS);
    case CONTENT_ITEM:
    case CONTENT_PROSE: {
        const element_rule *r = find_rule(name, IN_BLOCK);
        return r != NULL ? r : find_rule(name, IN_INLINE);
    }
    case CONTENT_INLINE:
        return find_rule(name, IN_INLINE);
    case CONTENT_EMPTY:
    case CONTENT_TEXT:
    case CONTENT_INTEGER:
        break;
    }
    return NULL;
}

bool grammar_is_translatable(const xmlNode *el)
{
    grammar_init();
    const element_rule *r = rule_of(el);
    return r != NULL && (r->def->flags & F_T);
}

bool grammar_is_list_field(const xmlNode *el)
{
    grammar_init();
    const element_rule *r = rule_of(el);
    return r != NULL && (r->def->flags & F_LIST);
}

bool grammar_is_required(const xmlNode *el)
{
    grammar_init();
    const element_rule *pr = el != NULL ? rule_of(el->parent) : NULL;
    if (pr == NULL || pr->def->content != CONTENT_ELEMENTS)
        return false;
    for (guint i = 0; i < pr->children->len; i++) {
        const child_rule *cr = g_ptr_array_index(pr->children, i);
        if (xmlStrEqual(el->name, BAD_CAST cr->name))
            return cr->min > 0;
    }
    return false;
}

bool grammar_may_be_empty(const xmlNode *el)
{
    grammar_init();
    const element_rule *r = rule_of(el);
    return r == NULL || (r->def->flags & F_EMPTY_OK);
}

/* ------------------------------------------------------------------ */
/* Datatypes                                                           */
/* ------------------------------------------------------------------ */

static bool is_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (!g_ascii_isdigit(s[i]))
            return false;
    }
    return true;
}

/* "Z", "+hh:mm" or "-hh:mm" (xs:date and xs:time allow a zone). */
static bool is_zone(const char *s)
{
    if (strcmp(s, "Z") == 0)
        return true;
    if ((s[0] != '+' && s[0] != '-') || strlen(s) != 6 || s[3] != ':')
        return false;
    if (!is_digits(s + 1, 2) || !is_digits(s + 4, 2))
        return false;
    int h = atoi(s + 1);
    int m = atoi(s + 4);
    return (h < 14 && m < 60) || (h == 14 && m == 0);
}

bool grammar_is_date(const char *s)
{
    if (s == NULL)
        return false;
    /* Years have four digits here: records are about 2006 onwards, and a
     * five-digit year is a typo, not a date. */
    if (strlen(s) < 10 || !is_digits(s, 4) || s[4] != '-' || !is_digits(s + 5, 2) ||
        s[7] != '-' || !is_digits(s + 8, 2))
        return false;
    if (s[10] != '\0' && !is_zone(s + 10))
        return false;
    int year = atoi(s);
    int month = atoi(s + 5);
    int day = atoi(s + 8);
    if (year < 1 || month < 1 || month > 12 || day < 1)
        return false;
    return day <= g_date_get_days_in_month((GDateMonth)month, (GDateYear)year);
}

bool grammar_is_time(const char *s)
{
    if (s == NULL || strlen(s) < 5 || !is_digits(s, 2) || s[2] != ':' || !is_digits(s + 3, 2))
        return false;
    if (atoi(s) > 23 || atoi(s + 3) > 59)
        return false;
    const char *rest = s + 5;
    /* Seconds are optional here, unlike xs:time: forms say "14:30". A
     * zone needs them, as in xs:time ("14:30:00Z"). */
    if (rest[0] == '\0')
        return true;
    if (rest[0] == ':') {
        if (!is_digits(rest + 1, 2) || atoi(rest + 1) > 59)
            return false;
        rest += 3;
        if (rest[0] == '.') {
            rest++;
            if (!g_ascii_isdigit(*rest))
                return false;
            while (g_ascii_isdigit(*rest))
                rest++;
        }
    }
    if (rest == s + 5)
        return false;
    return rest[0] == '\0' || is_zone(rest);
}

static bool is_integer_text(const char *s, bool allow_zero)
{
    if (s == NULL)
        return false;
    while (g_ascii_isspace(*s))
        s++;
    /* xs:nonNegativeInteger allows "-0": a sign, then zeros. */
    bool minus = *s == '-';
    if (*s == '+' || *s == '-')
        s++;
    const char *digits = s;
    bool nonzero = false;
    while (g_ascii_isdigit(*s)) {
        if (*s != '0')
            nonzero = true;
        s++;
    }
    if (s == digits)
        return false;
    while (g_ascii_isspace(*s))
        s++;
    if (minus && nonzero)
        return false;
    return *s == '\0' && (allow_zero || nonzero);
}

bool grammar_is_nonnegative_integer(const char *s)
{
    return is_integer_text(s, true);
}

bool grammar_is_ncname(const char *s)
{
    if (s == NULL || *s == '\0')
        return false;
    /* xmlValidateNCName() knows the full Unicode classes of XML names. */
    return xmlValidateNCName(BAD_CAST s, 0) == 0;
}

bool grammar_is_language(const char *s)
{
    /* xs:language: [a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*, at most 35 characters
     * as RFC 5646 advises (it names output files). */
    if (s == NULL || *s == '\0' || strlen(s) > 35)
        return false;
    const char *p = s;
    int n = 0;
    while (g_ascii_isalpha(*p)) {
        p++;
        n++;
    }
    if (n < 1 || n > 8)
        return false;
    while (*p == '-') {
        p++;
        n = 0;
        while (g_ascii_isalnum(*p)) {
            p++;
            n++;
        }
        if (n < 1 || n > 8)
            return false;
    }
    return *p == '\0';
}

static bool is_collapsed_token(const char *s)
{
    if (s == NULL)
        return false;
    for (const char *p = s; *p; p++) {
        if (g_ascii_isspace(*p))
            return false;
    }
    return true;
}

static bool is_tz(const char *s)
{
    /* IANA names ("Europe/Paris", "America/Argentina/Buenos_Aires", "UTC")
     * or abbreviations ("CET"). */
    if (s == NULL || !g_ascii_isalpha(*s))
        return false;
    for (const char *p = s; *p; p++) {
        if (!g_ascii_isalnum(*p) && *p != '/' && *p != '_' && *p != '-' && *p != '+')
            return false;
        if (*p == '/' && (p[1] == '\0' || p[1] == '/'))
            return false;
    }
    return true;
}

/* xs:anyURI accepts nearly anything; refuse only what cannot be a URI
 * reference at all. Schemes are checked by validate.c's link rule. */
static bool is_uri(const char *s)
{
    if (s == NULL)
        return false;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p < 0x20 || *p == 0x7f)
            return false;
        if (*p == '%' && !(g_ascii_isxdigit(p[1]) && g_ascii_isxdigit(p[2])))
            return false;
    }
    return true;
}

/* xs:decimal: an optional sign, digits, an optional fraction. */
static bool is_decimal(const char *s, double *value)
{
    const char *p = s;
    if (*p == '+' || *p == '-')
        p++;
    int digits = 0;
    while (g_ascii_isdigit(*p)) {
        p++;
        digits++;
    }
    if (*p == '.') {
        p++;
        while (g_ascii_isdigit(*p)) {
            p++;
            digits++;
        }
    }
    if (digits == 0 || *p != '\0')
        return false;
    *value = g_ascii_strtod(s, NULL);
    return true;
}

/* A whole number from 1 to max, without overflow. */
static bool is_int_in(const char *s, long max)
{
    if (!is_integer_text(s, false))
        return false;
    while (g_ascii_isspace(*s) || *s == '+')
        s++;
    errno = 0;
    long v = strtol(s, NULL, 10);
    return errno == 0 && v >= 1 && v <= max;
}

/* ------------------------------------------------------------------ */
/* Checking                                                            */
/* ------------------------------------------------------------------ */

/* Levenshtein distance, for "did you mean"; the names are short. */
static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a);
    size_t lb = strlen(b);
    if (la > 64 || lb > 64)
        return 99;
    size_t row[65];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag_prev = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t cost = g_ascii_tolower(a[i - 1]) == g_ascii_tolower(b[j - 1]) ? 0 : 1;
            size_t best = diag_prev + cost;
            if (row[j] + 1 < best)
                best = row[j] + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag_prev = up;
        }
    }
    return row[lb];
}

/* The closest of `names` to `wrong`, if close enough to be a typo. */
static const char *closest(const char *wrong, char *const *names, size_t n_names)
{
    const char *best = NULL;
    size_t best_d = strlen(wrong) <= 4 ? 1 : 2;
    for (size_t i = 0; i < n_names; i++) {
        size_t d = edit_distance(wrong, names[i]);
        if (d <= best_d && (best == NULL || d < best_d)) {
            best = names[i];
            best_d = d;
        }
    }
    return best;
}

typedef struct {
    diag *d;
    const char *file;
    bool ok;
} checker;

static void error_at(checker *c, const xmlNode *n, const char *rule, const char *fmt, ...)
    G_GNUC_PRINTF(4, 5);
static void error_at(checker *c, const xmlNode *n, const char *rule, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    diag_add(c->d, DIAG_ERROR, c->file, record_node_line(n), record_node_col(n), rule, "%s", msg);
    g_free(msg);
    c->ok = false;
}

static void attr_error(checker *c, const xmlAttr *a, const char *rule, const char *fmt, ...)
    G_GNUC_PRINTF(4, 5);
static void attr_error(checker *c, const xmlAttr *a, const char *rule, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    diag_add(c->d, DIAG_ERROR, c->file, record_attr_line(a), record_attr_col(a), rule, "%s",
             msg);
    g_free(msg);
    c->ok = false;
}

static const char *attr_value(const xmlAttr *a)
{
    return a->children != NULL && a->children->content != NULL
               ? (const char *)a->children->content
               : "";
}

static char *attr_qname(const xmlAttr *a)
{
    if (a->ns != NULL && a->ns->prefix != NULL)
        return g_strdup_printf("%s:%s", a->ns->prefix, a->name);
    return g_strdup((const char *)a->name);
}

static bool attr_matches(const attr_rule *r, const xmlAttr *a)
{
    if (strncmp(r->name, "xml:", 4) == 0)
        return a->ns != NULL && xmlStrEqual(a->ns->href, XML_XML_NAMESPACE) &&
               strcmp(r->name + 4, (const char *)a->name) == 0;
    return a->ns == NULL && strcmp(r->name, (const char *)a->name) == 0;
}

static char *quote_value(const char *v)
{
    /* Values are quoted in messages; long ones are cut. */
    if (g_utf8_strlen(v, -1) > 40) {
        char *head = g_utf8_substring(v, 0, 37);
        char *q = g_strdup_printf("\"%s...\"", head);
        g_free(head);
        return q;
    }
    return g_strdup_printf("\"%s\"", v);
}

static void check_value(checker *c, const xmlNode *el, const attr_rule *r, const xmlAttr *a)
{
    const char *v = attr_value(a);
    const char *el_name = (const char *)el->name;
    char *q = quote_value(v);
    const char *t = r->type;

    if (strcmp(t, "enum") == 0) {
        if (!g_strv_contains((const char *const *)r->values, v)) {
            char *all = g_strjoinv(", ", r->values);
            const char *guess = closest(v, r->values, g_strv_length(r->values));
            if (guess != NULL)
                attr_error(c, a, "enum",
                           "%s=%s on <%s> is not an allowed value; did you mean \"%s\"? "
                           "(allowed: %s)",
                           r->name, q, el_name, guess, all);
            else
                attr_error(c, a, "enum", "%s=%s on <%s> is not an allowed value (allowed: %s)",
                           r->name, q, el_name, all);
            g_free(all);
        }
    } else if (strcmp(t, "enum-list") == 0) {
        char **parts = g_strsplit_set(v, " \t\n\r", -1);
        bool any = false;
        for (char **p = parts; *p != NULL; p++) {
            if (**p == '\0')
                continue;
            any = true;
            if (!g_strv_contains((const char *const *)r->values, *p)) {
                char *all = g_strjoinv(", ", r->values);
                attr_error(c, a, "enum", "%s on <%s> lists \"%s\", which is not one of: %s",
                           r->name, el_name, *p, all);
                g_free(all);
            }
        }
        if (!any)
            attr_error(c, a, "enum", "%s on <%s> is empty", r->name, el_name);
        g_strfreev(parts);
    } else if (strcmp(t, "fixed") == 0) {
        if (strcmp(v, r->fixed) != 0)
            attr_error(c, a, "schema", "%s=%s on <%s> must be \"%s\"", r->name, q, el_name,
                       r->fixed);
    } else if (strcmp(t, "date") == 0) {
        if (!grammar_is_date(v))
            attr_error(c, a, "date", "%s=%s on <%s> is not a valid date (YYYY-MM-DD)", r->name,
                       q, el_name);
    } else if (strcmp(t, "time") == 0) {
        if (!grammar_is_time(v))
            attr_error(c, a, "date", "%s=%s on <%s> is not a valid time (hh:mm or hh:mm:ss)",
                       r->name, q, el_name);
    } else if (strcmp(t, "gyear") == 0) {
        if (strlen(v) != 4 || !is_digits(v, 4) || strcmp(v, "0000") == 0)
            attr_error(c, a, "date", "%s=%s on <%s> is not a year (YYYY)", r->name, q,
                       el_name);
    } else if (strcmp(t, "posint") == 0) {
        if (!is_integer_text(v, false))
            attr_error(c, a, "schema", "%s=%s on <%s> is not a positive whole number", r->name,
                       q, el_name);
    } else if (strcmp(t, "goal") == 0) {
        if (!is_int_in(v, 17))
            attr_error(c, a, "enum", "%s=%s on <%s> is not a Sustainable Development Goal (1-17)",
                       r->name, q, el_name);
    } else if (strcmp(t, "percent") == 0) {
        double x = -1;
        if (!is_decimal(v, &x) || !(x >= 0 && x <= 100))
            attr_error(c, a, "schema", "%s=%s on <%s> is not a percentage from 0 to 100",
                       r->name, q, el_name);
    } else if (strcmp(t, "bool") == 0) {
        if (strcmp(v, "true") != 0 && strcmp(v, "false") != 0 && strcmp(v, "1") != 0 &&
            strcmp(v, "0") != 0)
            attr_error(c, a, "schema", "%s=%s on <%s> must be \"true\" or \"false\"", r->name, q,
                       el_name);
    } else if (strcmp(t, "ncname") == 0 || strcmp(t, "idref") == 0) {
        bool report_id = el->parent != NULL && el->parent->type == XML_DOCUMENT_NODE &&
                         strcmp(r->name, "id") == 0;
        if (report_id && grammar_is_ncname(v) && strlen(v) > GRAMMAR_MAX_ID_BYTES) {
            attr_error(c, a, "report-id",
                       "id on <report> is %zu bytes long; it names the report's files, so "
                       "keep it under %d",
                       strlen(v), GRAMMAR_MAX_ID_BYTES);
        } else if (!grammar_is_ncname(v)) {
            const char *rule = report_id ? "report-id" : "schema";
            attr_error(c, a, rule,
                       "%s=%s on <%s> is not a valid identifier (an XML NCName: a letter or "
                       "\"_\", then letters, digits, \".\", \"-\" or \"_\")",
                       r->name, q, el_name);
        }
    } else if (strcmp(t, "idrefs") == 0) {
        char **parts = g_strsplit_set(v, " \t\n\r", -1);
        bool any = false;
        for (char **p = parts; *p != NULL; p++) {
            if (**p == '\0')
                continue;
            any = true;
            if (!grammar_is_ncname(*p))
                attr_error(c, a, "schema", "%s on <%s> lists \"%s\", which is not an identifier",
                           r->name, el_name, *p);
        }
        if (!any)
            attr_error(c, a, "schema", "%s on <%s> is empty; list at least one cast ID",
                       r->name, el_name);
        g_strfreev(parts);
    } else if (strcmp(t, "lang") == 0) {
        if (!grammar_is_language(v))
            attr_error(c, a, "schema",
                       "%s=%s on <%s> is not a language tag (BCP 47, such as \"en\", \"fr\", "
                       "\"zh-Hans\")",
                       r->name, q, el_name);
    } else if (strcmp(t, "token") == 0) {
        char *s = g_strstrip(g_strdup(v));
        if (*s == '\0')
            attr_error(c, a, "schema", "%s on <%s> is empty", r->name, el_name);
        g_free(s);
    } else if (strcmp(t, "country") == 0) {
        if (strlen(v) != 2 || !g_ascii_isupper(v[0]) || !g_ascii_isupper(v[1]))
            attr_error(c, a, "schema",
                       "%s=%s on <%s> is not an ISO 3166-1 alpha-2 country code (two capital "
                       "letters)",
                       r->name, q, el_name);
    } else if (strcmp(t, "tz") == 0) {
        if (!is_tz(v))
            attr_error(c, a, "schema", "%s=%s on <%s> is not a time zone name (IANA, such as "
                       "\"Asia/Makassar\")",
                       r->name, q, el_name);
    } else if (strcmp(t, "uri") == 0) {
        if (!is_uri(v) || !is_collapsed_token(v))
            attr_error(c, a, "schema", "%s=%s on <%s> is not a URI (spaces must be written %%20)",
                       r->name, q, el_name);
    }
    g_free(q);
}

static void check_attributes(checker *c, const xmlNode *el, const element_rule *r)
{
    for (const xmlAttr *a = el->properties; a != NULL; a = a->next) {
        const attr_rule *match = NULL;
        for (guint i = 0; i < r->attrs->len; i++) {
            const attr_rule *ar = g_ptr_array_index(r->attrs, i);
            if (attr_matches(ar, a)) {
                match = ar;
                break;
            }
        }
        char *qname = attr_qname(a);
        if (match == NULL) {
            GPtrArray *names = g_ptr_array_new();
            for (guint i = 0; i < r->attrs->len; i++)
                g_ptr_array_add(names, ((attr_rule *)g_ptr_array_index(r->attrs, i))->name);
            const char *guess = closest(qname, (char *const *)names->pdata, names->len);
            if (guess != NULL)
                attr_error(c, a, "schema",
                           "attribute %s is not allowed on <%s>; did you mean %s?", qname,
                           (const char *)el->name, guess);
            else
                attr_error(c, a, "schema", "attribute %s is not allowed on <%s>", qname,
                           (const char *)el->name);
            g_ptr_array_free(names, TRUE);
        } else {
            check_value(c, el, match, a);
        }
        g_free(qname);
    }
    for (guint i = 0; i < r->attrs->len; i++) {
        const attr_rule *ar = g_ptr_array_index(r->attrs, i);
        if (!ar->required)
            continue;
        bool found = false;
        for (const xmlAttr *a = el->properties; a != NULL && !found; a = a->next)
            found = attr_matches(ar, a);
        if (!found)
            error_at(c, el, "schema", "<%s> lacks the required attribute %s",
                     (const char *)el->name, ar->name);
    }
}

static bool is_blank(const xmlChar *s)
{
    for (; s != NULL && *s; s++) {
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
            return false;
    }
    return true;
}

static bool is_record_element(const xmlNode *n)
{
    return n->type == XML_ELEMENT_NODE && n->ns != NULL &&
           xmlStrEqual(n->ns->href, BAD_CAST RECORD_NS);
}

static void check_element(checker *c, const xmlNode *el, const element_rule *r);

/* An element that belongs nowhere here; `allowed` names what does. */
static void misplaced(checker *c, const xmlNode *child, const xmlNode *parent,
                      GPtrArray *allowed)
{
    const char *name = (const char *)child->name;
    if (!is_record_element(child)) {
        const char *ns = child->ns != NULL ? (const char *)child->ns->href : NULL;
        if (ns != NULL)
            error_at(c, child, "schema",
                     "<%s> from namespace %s is not part of the record format "
                     "(record elements are in %s)",
                     name, ns, RECORD_NS);
        else
            error_at(c, child, "schema",
                     "<%s> has no namespace; record elements are in %s (declare "
                     "xmlns=\"%s\" on the root)",
                     name, RECORD_NS, RECORD_NS);
        return;
    }
    /* <p> in a title is misplaced, not a typo of <q>: no guess for names
     * the format knows. */
    bool known = false;
    for (size_t i = 0; i < N_DEFS && !known; i++)
        known = strcmp(defs[i].name, name) == 0;
    const char *guess = allowed != NULL && !known
                            ? closest(name, (char *const *)allowed->pdata, allowed->len)
                            : NULL;
    char *list = NULL;
    if (allowed != NULL && allowed->len > 0) {
        g_ptr_array_add(allowed, NULL);
        list = g_strjoinv(", ", (char **)allowed->pdata);
        g_ptr_array_remove_index(allowed, allowed->len - 1);
    }
    if (guess != NULL)
        error_at(c, child, "schema", "<%s> is not allowed in <%s>; did you mean <%s>?", name,
                 (const char *)parent->name, guess);
    else if (list != NULL)
        error_at(c, child, "schema", "<%s> is not allowed in <%s> (allowed: %s)", name,
                 (const char *)parent->name, list);
    else
        error_at(c, child, "schema", "<%s> is not allowed in <%s>, which holds no elements",
                 name, (const char *)parent->name);
    g_free(list);
}

static GPtrArray *names_in(const char *pseudo)
{
    GPtrArray *a = g_ptr_array_new();
    for (size_t i = 0; i < N_DEFS; i++) {
        if (strcmp(defs[i].parents, pseudo) == 0)
            g_ptr_array_add(a, (gpointer)defs[i].name);
    }
    return a;
}

/* Where a text node's first visible character is: libxml2 gives text
 * nodes the line where they end. */
static void text_start(const xmlNode *text, int *line, int *col)
{
    const char *s = (const char *)text->content;
    int newlines = 0;
    for (const char *p = s; *p; p++)
        newlines += *p == '\n';
    const char *first = s;
    int lead_newlines = 0;
    const char *after_nl = NULL;
    while (*first == ' ' || *first == '\t' || *first == '\n' || *first == '\r') {
        if (*first == '\n') {
            lead_newlines++;
            after_nl = first + 1;
        }
        first++;
    }
    *line = record_node_line(text) - newlines + lead_newlines;
    /* The column is known when the text starts on a line of its own. */
    *col = after_nl != NULL ? (int)g_utf8_strlen(after_nl, first - after_nl) + 1 : 0;
}

static void text_not_allowed(checker *c, const xmlNode *text, const xmlNode *el)
{
    char *shown = g_strstrip(g_strndup((const char *)text->content, 200));
    char *q = quote_value(shown);
    int line, col;
    text_start(text, &line, &col);
    diag_add(c->d, DIAG_ERROR, c->file, line, col, "schema",
             "text %s is not allowed directly in <%s>", q, (const char *)el->name);
    c->ok = false;
    g_free(q);
    g_free(shown);
}

/* Children of CONTENT_ELEMENTS: each known, each within its bounds. */
static void check_element_children(checker *c, const xmlNode *el, const element_rule *r)
{
    guint n = r->children->len;
    int *seen = g_new0(int, n == 0 ? 1 : n);
    for (const xmlNode *ch = el->children; ch != NULL; ch = ch->next) {
        if (ch->type == XML_TEXT_NODE) {
            if (!is_blank(ch->content))
                text_not_allowed(c, ch, el);
            continue;
        }
        if (ch->type != XML_ELEMENT_NODE)
            continue;
        int idx = -1;
        if (is_record_element(ch)) {
            for (guint i = 0; i < n; i++) {
                if (xmlStrEqual(ch->name, BAD_CAST((child_rule *)g_ptr_array_index(
                                                       r->children, i))->name)) {
                    idx = (int)i;
                    break;
                }
            }
        }
        if (idx < 0) {
            GPtrArray *allowed = g_ptr_array_new();
            for (guint i = 0; i < n; i++)
                g_ptr_array_add(allowed, ((child_rule *)g_ptr_array_index(r->children, i))->name);
            misplaced(c, ch, el, allowed);
            g_ptr_array_free(allowed, TRUE);
            continue;
        }
        const child_rule *cr = g_ptr_array_index(r->children, (guint)idx);
        seen[idx]++;
        const element_rule *chr = rule_of(ch);
        /* T fields repeat once per language; validate.c checks the
         * languages. Other elements keep their bounds here. */
        if (cr->max >= 0 && seen[idx] > cr->max && !(chr != NULL && (chr->def->flags & F_T)))
            error_at(c, ch, "schema", "<%s> may hold only one <%s>; this is another",
                     (const char *)el->name, cr->name);
        if (chr != NULL)
            check_element(c, ch, chr);
    }
    for (guint i = 0; i < n; i++) {
        const child_rule *cr = g_ptr_array_index(r->children, i);
        if (seen[i] < cr->min)
            error_at(c, el, "schema", "<%s> must contain <%s>", (const char *)el->name,
                     cr->name);
    }
    g_free(seen);
}

/* Mixed children: text plus the elements of the given pseudo-parents. */
static void check_mixed_children(checker *c, const xmlNode *el, const char *const *kinds,
                                 bool text_ok)
{
    for (const xmlNode *ch = el->children; ch != NULL; ch = ch->next) {
        if (ch->type == XML_TEXT_NODE) {
            if (!text_ok && !is_blank(ch->content))
                text_not_allowed(c, ch, el);
            continue;
        }
        if (ch->type != XML_ELEMENT_NODE)
            continue;
        const element_rule *chr = NULL;
        if (is_record_element(ch)) {
            for (const char *const *k = kinds; *k != NULL && chr == NULL; k++)
                chr = find_rule((const char *)ch->name, *k);
        }
        if (chr == NULL) {
            GPtrArray *allowed = g_ptr_array_new();
            for (const char *const *k = kinds; *k != NULL; k++) {
                GPtrArray *some = names_in(*k);
                for (guint i = 0; i < some->len; i++)
                    g_ptr_array_add(allowed, g_ptr_array_index(some, i));
                g_ptr_array_free(some, TRUE);
            }
            misplaced(c, ch, el, allowed);
            g_ptr_array_free(allowed, TRUE);
            continue;
        }
        check_element(c, ch, chr);
    }
}

static bool has_child_element(const xmlNode *el)
{
    for (const xmlNode *ch = el->children; ch != NULL; ch = ch->next) {
        if (ch->type == XML_ELEMENT_NODE)
            return true;
    }
    return false;
}

static bool is_na(const xmlNode *el)
{
    const char *na = record_attr(el, "na");
    return na != NULL && (strcmp(na, "true") == 0 || strcmp(na, "1") == 0);
}

static void check_element(checker *c, const xmlNode *el, const element_rule *r)
{
    check_attributes(c, el, r);
    static const char *const inline_only[] = {IN_INLINE, NULL};
    static const char *const blocks_and_inline[] = {IN_BLOCK, IN_INLINE, NULL};
    static const char *const items_only[] = {IN_ITEMS, NULL};
    static const char *const person_name[] = {IN_PERSON_NAME, NULL};
    static const char *const nothing[] = {NULL};

    switch (r->def->content) {
    case CONTENT_EMPTY:
        check_mixed_children(c, el, nothing, false);
        break;
    case CONTENT_TEXT:
        check_mixed_children(c, el, nothing, true);
        break;
    case CONTENT_INLINE:
        check_mixed_children(c, el, inline_only, true);
        break;
    case CONTENT_ITEM:
        check_mixed_children(c, el, blocks_and_inline, true);
        break;
    case CONTENT_PERSON_NAME: {
        check_mixed_children(c, el, person_name, true);
        int given = 0, family = 0;
        for (const xmlNode *ch = el->children; ch != NULL; ch = ch->next) {
            if (record_is(ch, "given") && ++given == 2)
                error_at(c, ch, "schema", "<name> may hold only one <given>; this is another");
            if (record_is(ch, "family") && ++family == 2)
                error_at(c, ch, "schema", "<name> may hold only one <family>; this is another");
        }
        break;
    }
    case CONTENT_PROSE: {
        /* Either blocks or inline text, not both at one level. */
        bool has_block = false;
        for (const xmlNode *ch = el->children; ch != NULL; ch = ch->next) {
            if (is_record_element(ch) && find_rule((const char *)ch->name, IN_BLOCK) != NULL)
                has_block = true;
        }
        if (has_block) {
            static const char *const blocks[] = {IN_BLOCK, NULL};
            for (const xmlNode *ch = el->children; ch != NULL; ch = ch->next) {
                if (ch->type == XML_TEXT_NODE && !is_blank(ch->content)) {
                    char *shown = g_strstrip(g_strndup((const char *)ch->content, 200));
                    char *q = quote_value(shown);
                    int line, col;
                    text_start(ch, &line, &col);
                    diag_add(c->d, DIAG_ERROR, c->file, line, col, "schema",
                             "text %s stands beside paragraphs in <%s>; put it in a <p>", q,
                             (const char *)el->name);
                    c->ok = false;
                    g_free(q);
                    g_free(shown);
                }
            }
            /* Inline elements beside blocks are misplaced too. */
            check_mixed_children(c, el, blocks, true);
        } else {
            check_mixed_children(c, el, inline_only, true);
        }
        break;
    }
    case CONTENT_ITEMS:
        if (is_na(el)) {
            check_mixed_children(c, el, nothing, true);
        } else {
            check_mixed_children(c, el, items_only, false);
            bool any = false;
            for (const xmlNode *ch = el->children; ch != NULL; ch = ch->next)
                any = any || record_is(ch, "item");
            if (!any)
                error_at(c, el, "schema",
                         "<%s> must contain at least one <item> (or say na=\"true\")",
                         (const char *)el->name);
        }
        break;
    case CONTENT_INTEGER: {
        check_mixed_children(c, el, nothing, true);
        if (!has_child_element(el)) {
            xmlChar *text = xmlNodeGetContent(el);
            if (!grammar_is_nonnegative_integer((const char *)text)) {
                char *shown = g_strstrip(g_strdup((const char *)text));
                char *q = quote_value(shown);
                error_at(c, el, "count-value",
                         "count %s is not a non-negative whole number (write an estimate as a "
                         "number with approx=\"true\")",
                         q);
                g_free(q);
                g_free(shown);
            }
            xmlFree(text);
        }
        break;
    }
    case CONTENT_ELEMENTS:
        check_element_children(c, el, r);
        break;
    }
}

bool grammar_check(const record *rec, diag *d)
{
    grammar_init();
    checker c = {d, record_path(rec), true};
    xmlNode *root = record_root(rec);
    if (root == NULL) {
        diag_add(d, DIAG_ERROR, c.file, 1, 1, "root", "the document has no root element");
        return false;
    }
    /* A wrong root or namespace makes everything below meaningless: say
     * that once rather than once per element. */
    if (!record_is(root, "report")) {
        const char *ns = root->ns != NULL ? (const char *)root->ns->href : NULL;
        if (xmlStrEqual(root->name, BAD_CAST "report"))
            error_at(&c, root, "root",
                     "the root <report> is in namespace %s%s%s; it must be in %s "
                     "(xmlns=\"%s\")",
                     ns != NULL ? "\"" : "none", ns != NULL ? ns : "", ns != NULL ? "\"" : "",
                     RECORD_NS, RECORD_NS);
        else
            error_at(&c, root, "root", "the root element is <%s>; a record's root is <report> in "
                     "namespace %s",
                     (const char *)root->name, RECORD_NS);
        return false;
    }
    /* xml:lang is required on the root only (design rule 1). */
    if (xmlHasNsProp(root, BAD_CAST "lang", XML_XML_NAMESPACE) == NULL)
        error_at(&c, root, "schema", "<report> lacks the required attribute xml:lang");
    check_element(&c, root, find_rule("report", ""));
    return c.ok;
}
