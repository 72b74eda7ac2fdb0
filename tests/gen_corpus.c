/* gen_corpus: a deterministic synthetic corpus of records, for the archive
 * tests and the benchmarks.
 *
 *   gen_corpus N DIR [SEED]
 *
 * writes DIR/gen-000001.xml ... DIR/gen-N.xml: valid records (they check
 * without errors) of every era and session type, each in English with a
 * human translation into French, Spanish, Russian, Arabic or Chinese, 3 to
 * 12 speakers, an agenda, several paragraphs of summary, key takeaways and
 * counts that are sometimes missing (as real ones are). The same N and SEED
 * always give the same bytes.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

static uint64_t state;

/* xorshift64*: small, fast, and the same everywhere. */
static uint32_t next(void)
{
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    return (uint32_t)((state * 2685821657736338717ULL) >> 32);
}

static int pick(int n)
{
    return (int)(next() % (uint32_t)n);
}

static const char *const types[] = {"workshop", "main-session", "open-forum",
                                    "best-practice-forum", "dynamic-coalition", "lightning-talk",
                                    "town-hall", "networking"};
static const char *const stakeholders[] = {"government", "intergovernmental-organization",
                                           "civil-society", "private-sector",
                                           "technical-community", "academia", "parliament",
                                           "media"};
static const char *const regions[] = {"african", "asia-pacific", "eastern-european", "grulac",
                                      "weog"};
static const char *const given[] = {"Amina", "Carlos", "Mei", "Olga", "Rahul", "Fatima", "Jonas",
                                    "Lucia", "Kwame", "Sofia", "Tariq", "Ines", "Yuki", "Pedro",
                                    "Nadia", "Samuel", "Leila", "Marek", "Ana", "Omar"};
static const char *const family[] = {"Okafor", "Mendoza", "Chen", "Petrova", "Sharma", "Haddad",
                                     "Berg", "Rossi", "Mensah", "Costa", "Aziz", "Silva",
                                     "Tanaka", "Alves", "Karimi", "Otieno", "Nasser", "Novak",
                                     "Ruiz", "Farah"};
static const char *const orgs[] = {"Open Network Foundation", "Digital Rights Alliance",
                                   "Ministry of Communications", "Regional Registry",
                                   "Institute for Internet Policy", "Broadband Operators Group",
                                   "University of the Coast", "Community Media Network",
                                   "Parliamentary Forum on ICT", "Youth Coalition"};
static const char *const themes[] = {"Access and inclusion", "Data governance",
                                     "Cybersecurity and trust", "Human rights online",
                                     "Emerging technologies", "Sustainable development",
                                     "Internet governance ecosystem", "Digital economy"};
static const char *const words[] = {
    "participants", "discussed", "the", "role", "of", "multistakeholder", "cooperation", "in",
    "building", "trust", "across", "borders", "while", "regulators", "and", "operators",
    "stressed", "that", "meaningful", "connectivity", "requires", "affordable", "devices",
    "skills", "local", "content", "governments", "should", "support", "community", "networks",
    "data", "flows", "privacy", "security", "standards", "open", "inclusive", "policies",
    "capacity", "development", "youth", "women", "rural", "areas", "infrastructure",
    "investment", "innovation", "accountability", "transparency"};

/* Translations of the fixed phrases, per language. */
typedef struct {
    const char *lang;
    const char *title;
    const char *summary;
    const char *takeaway;
} translation;

static const translation translations[] = {
    {"fr", "Coopération multipartite pour un Internet inclusif",
     "Les participants ont examiné le rôle de la coopération multipartite dans le renforcement de "
     "la confiance et de l'inclusion numérique.",
     "La connectivité doit être abordable et accessible à tous."},
    {"es", "Cooperación de múltiples partes interesadas para una Internet inclusiva",
     "Los participantes examinaron el papel de la cooperación entre múltiples partes interesadas "
     "para fomentar la confianza y la inclusión digital.",
     "La conectividad debe ser asequible y accesible para todos."},
    {"ru", "Многостороннее сотрудничество ради инклюзивного Интернета",
     "Участники обсудили роль многостороннего сотрудничества в укреплении доверия и цифровой "
     "инклюзивности.",
     "Подключение должно быть доступным для всех."},
    {"ar", "التعاون بين أصحاب المصلحة المتعددين من أجل إنترنت شامل",
     "ناقش المشاركون دور التعاون بين أصحاب المصلحة المتعددين في بناء الثقة والشمول الرقمي.",
     "يجب أن يكون الاتصال ميسور التكلفة ومتاحا للجميع."},
    {"zh-Hans", "多利益攸关方合作，建设包容的互联网",
     "与会者讨论了多利益攸关方合作在建立信任和促进数字包容方面的作用。",
     "互联网连接应当负担得起，并且人人可用。"},
};

static void sentence(GString *out, int n_words)
{
    for (int i = 0; i < n_words; i++) {
        const char *w = words[pick(G_N_ELEMENTS(words))];
        if (i == 0)
            g_string_append_printf(out, "%c%s", g_ascii_toupper(w[0]), w + 1);
        else
            g_string_append_printf(out, " %s", w);
    }
    g_string_append(out, ". ");
}

static void paragraph(GString *out, int n_sentences)
{
    g_string_append(out, "      <p>");
    for (int i = 0; i < n_sentences; i++)
        sentence(out, 8 + pick(14));
    g_string_truncate(out, out->len - 1);
    g_string_append(out, "</p>\n");
}

static void record(GString *out, int n)
{
    int year = 2006 + pick(19);
    const char *type = types[pick(G_N_ELEMENTS(types))];
    const translation *tr = &translations[pick(G_N_ELEMENTS(translations))];
    int month = 1 + pick(12);
    int day = 1 + pick(28);
    int n_people = 3 + pick(10);
    const char *theme = themes[pick(G_N_ELEMENTS(themes))];

    g_string_append_printf(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                "<!-- Synthetic record from tests/gen_corpus.c: invented people. -->\n"
                                "<report xmlns=\"urn:rapporteur:report:1\" version=\"1\" id=\"gen-%06d\" "
                                "xml:lang=\"en\" symbol=\"IGF/%d/GEN/%d\">\n",
                           n, year, n);
    g_string_append_printf(out, "  <meeting kind=\"global\" year=\"%d\">\n"
                                "    <name>Internet Governance Forum %d</name>\n"
                                "    <place><city>Host City</city><country code=\"CH\">Switzerland</country></place>\n"
                                "  </meeting>\n",
                           year, year);
    g_string_append_printf(out, "  <session type=\"%s\" number=\"%d\">\n"
                                "    <title>Session %d on %s</title>\n"
                                "    <title xml:lang=\"%s\" origin=\"human\">%s</title>\n"
                                "    <date when=\"%d-%02d-%02d\"/>\n"
                                "    <theme>%s</theme>\n"
                                "  </session>\n",
                           type, n, n, theme, tr->lang, tr->title, year, month, day, theme);
    g_string_append(out, "  <cast>\n");
    for (size_t o = 0; o < G_N_ELEMENTS(orgs); o++)
        g_string_append_printf(out, "    <org xml:id=\"o%zu\" stakeholder=\"%s\"><name>%s</name></org>\n",
                               o, stakeholders[o % G_N_ELEMENTS(stakeholders)], orgs[o]);
    for (int p = 0; p < n_people; p++) {
        bool has_group = pick(10) > 0;
        g_string_append_printf(out, "    <person xml:id=\"p%d\"", p);
        if (has_group)
            g_string_append_printf(out, " stakeholder=\"%s\"",
                                   stakeholders[pick(G_N_ELEMENTS(stakeholders))]);
        if (pick(4) > 0)
            g_string_append_printf(out, " region=\"%s\"", regions[pick(G_N_ELEMENTS(regions))]);
        g_string_append_printf(out, "><name><given>%s</given> <family>%s</family></name>",
                               given[pick(G_N_ELEMENTS(given))],
                               family[pick(G_N_ELEMENTS(family))]);
        g_string_append_printf(out, "<affiliation org=\"o%d\"/></person>\n",
                               pick(G_N_ELEMENTS(orgs)));
    }
    g_string_append(out, "  </cast>\n  <roles>\n");
    g_string_append(out, "    <role type=\"moderator\" who=\"p0\"/>\n");
    g_string_append(out, "    <role type=\"rapporteur\" who=\"p1\"/>\n");
    g_string_append(out, "    <role type=\"speaker\" who=\"");
    for (int p = 2; p < n_people; p++)
        g_string_append_printf(out, "%sp%d", p > 2 ? " " : "", p);
    g_string_append(out, "\"/>\n  </roles>\n  <content>\n    <description>\n");
    paragraph(out, 3);
    g_string_append(out, "    </description>\n    <agenda>\n");
    int n_items = 3 + pick(3);
    for (int i = 0; i < n_items; i++) {
        g_string_append(out, "      <item>");
        sentence(out, 6 + pick(6));
        g_string_truncate(out, out->len - 1);
        g_string_append(out, "</item>\n");
    }
    g_string_append(out, "    </agenda>\n    <summary>\n");
    int n_paras = 3 + pick(4);
    for (int i = 0; i < n_paras; i++)
        paragraph(out, 3 + pick(4));
    g_string_append_printf(out, "    </summary>\n    <summary xml:lang=\"%s\" origin=\"human\"><p>%s</p></summary>\n",
                           tr->lang, tr->summary);
    g_string_append(out, "    <keyTakeaways>\n");
    for (int i = 0; i < 3; i++) {
        g_string_append(out, "      <item>");
        sentence(out, 10 + pick(8));
        g_string_truncate(out, out->len - 1);
        g_string_append(out, "</item>\n");
    }
    g_string_append(out, "    </keyTakeaways>\n");
    g_string_append_printf(out, "    <keyTakeaways xml:lang=\"%s\" origin=\"human\"><item>%s</item></keyTakeaways>\n",
                           tr->lang, tr->takeaway);
    g_string_append(out, "  </content>\n");
    /* Some reports gave no counts; some only a total; some everything. */
    int counts = pick(4);
    if (counts > 0) {
        int total = 20 + pick(300);
        int female = total * (20 + pick(60)) / 100;
        int onsite = total * (40 + pick(60)) / 100;
        g_string_append(out, "  <attendance basis=\"reported\">\n");
        if (counts >= 2) {
            g_string_append_printf(out, "    <count of=\"female\">%d</count>\n", female);
            g_string_append_printf(out, "    <count of=\"male\">%d</count>\n", total - female);
        }
        if (counts >= 3) {
            g_string_append_printf(out, "    <count of=\"onsite\">%d</count>\n", onsite);
            g_string_append_printf(out, "    <count of=\"online\">%d</count>\n", total - onsite);
            int developing = total * (10 + pick(70)) / 100;
            g_string_append_printf(out, "    <count of=\"developing\">%d</count>\n", developing);
            g_string_append_printf(out, "    <count of=\"developed\">%d</count>\n", total - developing);
        }
        g_string_append_printf(out, "    <count of=\"total\">%d</count>\n", total);
        g_string_append(out, "  </attendance>\n");
    }
    g_string_append(out, "  <resources>\n"
                         "    <resource kind=\"session-page\" href=\"https://www.intgovforum.org/\"><label>Session page</label></resource>\n"
                         "  </resources>\n</report>\n");
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: gen_corpus N DIR [SEED]\n");
        return 2;
    }
    int n = atoi(argv[1]);
    const char *dir = argv[2];
    state = argc > 3 ? strtoull(argv[3], NULL, 10) : 20131024;
    if (state == 0)
        state = 1;
    if (n < 0 || g_mkdir_with_parents(dir, 0777) != 0) {
        fprintf(stderr, "gen_corpus: cannot create %s\n", dir);
        return 2;
    }
    GString *out = g_string_new(NULL);
    for (int i = 1; i <= n; i++) {
        g_string_truncate(out, 0);
        record(out, i);
        char *path = g_strdup_printf("%s/gen-%06d.xml", dir, i);
        GError *err = NULL;
        if (!g_file_set_contents(path, out->str, (gssize)out->len, &err)) {
            fprintf(stderr, "gen_corpus: %s\n", err->message);
            return 2;
        }
        g_free(path);
    }
    g_string_free(out, TRUE);
    return 0;
}
