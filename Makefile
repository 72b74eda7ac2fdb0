# Rapporteur: IGF session records (XML) -> HTML and PDF reports.
#
#   make            build build/rapporteur (installs missing Debian packages first)
#   make demo       render the sample records of inputs/ into out/, and their archive
#   make check      run every test (unit, end-to-end, HTML validity, accessibility)
#   make bench      print the speed and memory figures
#   make fuzz       run the libFuzzer harnesses (FUZZ_SECONDS=N each)
#   make lint       cppcheck and clang-tidy; make format: clang-format
#   make install    PREFIX=/usr/local
#
# Options: SANITIZE=1 (ASan+UBSan+LSan), V=1 (show commands), UPDATE=1 (rewrite
# test expectations), SOURCE_DATE_EPOCH (PDF dates).

VERSION := 0.9.0
PREFIX ?= /usr/local
DATADIR := $(PREFIX)/share/rapporteur
LIBDIR := $(PREFIX)/lib/rapporteur
BUILD := build

# The pipeline, in order: record -> validate -> transform -> html | layout ->
# typeset -> paginate -> pdf; the corpus on top. The PDF half (report_pdf and
# what it uses) is a shared module, rapporteur-pdf.so, that the program loads
# only when a PDF is asked for (generator/pdf_module.h): checking and HTML do
# without cairo, pango and their thirty libraries.
CORE_MODULES := diag record grammar validate catalog transform html outfile render \
                translations manifest corpus cli
PDF_MODULES := arena layout fonts typeset paginate chart pdf pdf_worker report_pdf
MODULES := $(CORE_MODULES) $(PDF_MODULES)
SRCS := $(MODULES:%=generator/%.c)

CORE_PKGS := libxml-2.0 libxslt libexslt glib-2.0 gmodule-2.0
PDF_PKGS := libxml-2.0 glib-2.0 cairo pango pangocairo pangoft2 fontconfig harfbuzz
PKGS := $(CORE_PKGS) $(PDF_PKGS)

CC ?= cc
WARN := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
        -Wformat=2 -Wno-format-nonliteral
CFLAGS ?= -O2 -g
# The program and its PDF module call each other through the headers: a
# digest of them tells a module built from other sources (pdf_module.h).
MODULE_ABI := $(shell cat generator/*.h | sha256sum | cut -c1-16)
ALL_CFLAGS := -std=c11 -D_DEFAULT_SOURCE $(WARN) $(CFLAGS) \
              -DRP_VERSION='"$(VERSION)"' -DRP_DATADIR='"$(DATADIR)"' -DRP_LIBDIR='"$(LIBDIR)"'
ifeq ($(SANITIZE),1)
  BUILD := build-sanitize
  ALL_CFLAGS += -O1 -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
  LDFLAGS += -fsanitize=address,undefined
  # For the tests: a sanitizer report exits 86, which no test takes for a verdict of
  # the program's (0, 1, 2); the libraries' own leaks are suppressed (tests/sanitize/).
  export ASAN_OPTIONS := detect_leaks=1:exitcode=86:abort_on_error=0:detect_stack_use_after_return=0:allocator_may_return_null=1
  export LSAN_OPTIONS := suppressions=$(CURDIR)/tests/sanitize/lsan.supp:print_suppressions=0
  export UBSAN_OPTIONS := halt_on_error=1:print_stacktrace=1:exitcode=86
endif

ifneq ($(V),1)
  Q := @
  say = @printf '  %-7s %s\n' $(1) $(2)
else
  Q :=
  say = @true
endif

# Debian packages: what the build needs, and what the tests add.
DEB_BUILD := gcc make pkg-config libxml2-dev libxslt1-dev libglib2.0-dev libcairo2-dev \
             libpango1.0-dev libfontconfig-dev libharfbuzz-dev fonts-noto-core fonts-noto-cjk \
             python3 python3-fonttools
DEB_TEST := libcriterion-dev poppler-utils qpdf xsltproc libxml2-utils valgrind clang time \
            default-jre-headless chromium nodejs npm
DEB_LINT := cppcheck clang-tidy clang-format

.PHONY: all deps deps-test fonts demo check check-unit check-e2e bench fuzz lint format \
        install uninstall clean distclean

CORE_OBJS = $(CORE_MODULES:%=$(BUILD)/obj/%.o)
PDF_OBJS = $(PDF_MODULES:%=$(BUILD)/obj/%.o)
OBJS = $(CORE_OBJS) $(PDF_OBJS)
PROGRAM := $(BUILD)/rapporteur $(BUILD)/rapporteur-pdf.so

all: $(PROGRAM) fonts

# ---------------------------------------------------------------------------
# Dependencies: installed when missing (as root), else the command is printed.

$(BUILD)/.deps-build: Makefile
	$(Q)DEBS="$(DEB_BUILD)" sh tests/deps.sh
	$(Q)mkdir -p $(BUILD) && touch $@

$(BUILD)/.deps-test: Makefile tests/package.json
	$(Q)DEBS="$(DEB_BUILD) $(DEB_TEST)" sh tests/deps.sh
	$(Q)cd tests && { [ -d node_modules ] && [ node_modules/.package-lock.json -nt package.json ] || npm ci --no-audit --no-fund --loglevel=error; }
	$(Q)mkdir -p $(BUILD) && touch $@

$(BUILD)/.deps-lint: Makefile
	$(Q)DEBS="$(DEB_BUILD) $(DEB_LINT)" sh tests/deps.sh
	$(Q)mkdir -p $(BUILD) && touch $@

deps: $(BUILD)/.deps-build
deps-test: $(BUILD)/.deps-test

# ---------------------------------------------------------------------------
# The program

PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS = $(shell pkg-config --libs $(PKGS))

# The module's objects are position-independent and export nothing but its
# entry point; the program exports its symbols for the module to call.
$(PDF_OBJS): MODULE_CFLAGS := -fPIC -fvisibility=hidden
# Both sides of the module's entry point carry the headers' digest.
$(BUILD)/obj/report_pdf.o $(BUILD)/obj/pdf_module.o: $(wildcard generator/*.h)
$(BUILD)/obj/report_pdf.o $(BUILD)/obj/pdf_module.o: MODULE_CFLAGS += -DRP_MODULE_ABI='"$(MODULE_ABI)"'

$(BUILD)/obj/%.o: generator/%.c Makefile | $(BUILD)/.deps-build
	$(call say,CC,$<)
	$(Q)mkdir -p $(dir $@)
	$(Q)$(CC) $(ALL_CFLAGS) $(MODULE_CFLAGS) $(PKG_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/rapporteur: $(CORE_OBJS) $(BUILD)/obj/pdf_module.o $(BUILD)/obj/main.o
	$(call say,LD,$@)
	$(Q)$(CC) $(LDFLAGS) -rdynamic -o $@ $^ $(shell pkg-config --libs $(CORE_PKGS)) -lm

$(BUILD)/rapporteur-pdf.so: $(PDF_OBJS)
	$(call say,LD,$@)
	$(Q)$(CC) $(LDFLAGS) -shared -o $@ $^ $(shell pkg-config --libs $(PDF_PKGS)) -lm

-include $(OBJS:.o=.d) $(BUILD)/obj/main.d $(BUILD)/obj/pdf_module.d

# ---------------------------------------------------------------------------
# Fonts: copied from Debian's packages and checked (fonts/README.md)

fonts: $(BUILD)/.fonts

$(BUILD)/.fonts: fonts/fonts.list fonts/fetch.sh fonts/derive-cjk.py $(BUILD)/font-patterns | $(BUILD)/.deps-build
	$(call say,FONTS,fonts/)
	$(Q)sh fonts/fetch.sh fonts/fonts.list fonts
	$(Q)$(BUILD)/font-patterns fonts
	$(Q)touch $@

# What fontconfig makes of the fonts, written once so that PDF processes
# need not scan them (generator/fonts.h).
$(BUILD)/font-patterns: fonts/font-patterns.c $(BUILD)/obj/fonts.o $(BUILD)/obj/diag.o
	$(call say,LD,$@)
	$(Q)$(CC) $(ALL_CFLAGS) $(PKG_CFLAGS) -Igenerator -o $@ $^ \
	  $(shell pkg-config --libs $(PDF_PKGS)) -lm $(LDFLAGS)

# ---------------------------------------------------------------------------
# Demo and tests

demo: all
	$(Q)rm -rf out && mkdir -p out
	$(Q)$(BUILD)/rapporteur render -o out inputs/*.xml
	$(Q)$(BUILD)/rapporteur archive -q -o out/archive inputs
	$(Q)$(BUILD)/rapporteur verify out/archive
	@echo "out/: the reports of inputs/ (open out/igf2013-ws041.en.html)"
	@echo "out/archive/: their archive site (open out/archive/index.html)"

check: all $(BUILD)/.deps-test
	$(Q)$(MAKE) --no-print-directory check-unit
	$(Q)$(MAKE) --no-print-directory check-e2e

TEST_MODULES := $(patsubst tests/unit/test_%.c,%,$(wildcard tests/unit/test_*.c))
TEST_BINS := $(TEST_MODULES:%=$(BUILD)/tests/test_%)

# tests/unit/support.c: helpers every test binary links.
$(BUILD)/tests/support.o: tests/unit/support.c tests/unit/support.h | $(BUILD)/.deps-test
	$(call say,CC,$<)
	$(Q)mkdir -p $(dir $@)
	$(Q)$(CC) $(ALL_CFLAGS) $(PKG_CFLAGS) -Igenerator -c -o $@ $<

$(BUILD)/tests/test_%: tests/unit/test_%.c tests/unit/support.h $(BUILD)/tests/support.o $(OBJS) | $(BUILD)/.deps-test
	$(call say,CC,$<)
	$(Q)mkdir -p $(dir $@)
	$(Q)$(CC) $(ALL_CFLAGS) -Wno-missing-prototypes $(PKG_CFLAGS) -Igenerator -o $@ $< $(BUILD)/tests/support.o $(OBJS) $(PKG_LIBS) -lcriterion -lm $(LDFLAGS)

# Criterion runs each test in a child whose leak report, made at its exit, comes after
# the verdict: a sanitizer report anywhere in a test's output fails the run.
check-unit: $(TEST_BINS) $(PROGRAM)
	$(Q)for t in $(TEST_BINS); do \
	  RAPPORTEUR_DATA_DIR=$(CURDIR) RAPPORTEUR=$(CURDIR)/$(BUILD)/rapporteur $$t --jobs 2 \
	    2> $$t.log; rc=$$?; cat $$t.log >&2; \
	  [ $$rc -eq 0 ] || exit 1; \
	  if grep -q 'ERROR: [A-Za-z]*Sanitizer\|runtime error:' $$t.log; then \
	    echo "$$t: a sanitizer report (above)" >&2; exit 1; fi; \
	done

check-e2e: all $(BUILD)/gen_corpus
	$(Q)GEN_CORPUS=$(CURDIR)/$(BUILD)/gen_corpus RAPPORTEUR=$(CURDIR)/$(BUILD)/rapporteur BUILD=$(CURDIR)/$(BUILD) UPDATE=$(UPDATE) \
	  sh tests/run-e2e.sh

$(BUILD)/gen_corpus: tests/gen_corpus.c | $(BUILD)/.deps-build
	$(call say,CC,$<)
	$(Q)mkdir -p $(dir $@)
	$(Q)$(CC) $(ALL_CFLAGS) $(shell pkg-config --cflags glib-2.0) -o $@ $< $(shell pkg-config --libs glib-2.0)

bench: all $(BUILD)/gen_corpus $(BUILD)/.deps-test
	$(Q)BUILD=$(CURDIR)/$(BUILD) sh tests/bench.sh

# libFuzzer harnesses (clang): known crashes replayed, then each harness run
# for FUZZ_SECONDS from its seeds; new crashes land in tests/fuzz/crashes/.
FUZZ_SECONDS ?= 60
fuzz: $(BUILD)/.deps-test fonts
	$(Q)sh tests/fuzz/run.sh $(FUZZ_SECONDS)

# ---------------------------------------------------------------------------
# Maintenance

lint: $(BUILD)/.deps-lint
	$(Q)cppcheck --quiet --error-exitcode=1 --std=c11 --enable=warning,style,performance,portability \
	  --suppressions-list=.cppcheck-suppressions --inline-suppr -Igenerator generator/
	$(Q)clang-tidy --quiet generator/*.c -- $(ALL_CFLAGS) $(PKG_CFLAGS)

format: $(BUILD)/.deps-lint
	$(Q)clang-format -i generator/*.c generator/*.h tests/unit/*.c

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(DATADIR)
	install -m 755 $(BUILD)/rapporteur $(DESTDIR)$(PREFIX)/bin/rapporteur
	install -d $(DESTDIR)$(LIBDIR)
	install -m 644 $(BUILD)/rapporteur-pdf.so $(DESTDIR)$(LIBDIR)/rapporteur-pdf.so
	cp -R styles $(DESTDIR)$(DATADIR)/
	install -d $(DESTDIR)$(DATADIR)/fonts
	install -m 644 fonts/*.ttf fonts/fonts.conf fonts/README.md fonts/OFL.txt \
	  fonts/fonts.list fonts/fonts.patterns $(DESTDIR)$(DATADIR)/fonts/
	install -d $(DESTDIR)$(DATADIR)/docs && install -m 644 docs/*.md $(DESTDIR)$(DATADIR)/docs/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/rapporteur
	rm -rf $(DESTDIR)$(LIBDIR)
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build build-sanitize build-fuzz out site

distclean: clean
	rm -rf tests/node_modules
	rm -f fonts/*.ttf fonts/*.otf fonts/fonts.patterns
