# kitgen - build the program, build every kit, test.
#
#   make            check dependencies, build kitgen, build every kit into output/
#   make test       build and run every test
#   make clean      remove build/ and output/
#   make install    install kitgen, its templates, man page, bash completion and
#                   the export's JSON Schema
#                   (PREFIX=/usr/local, DESTDIR for staging); make uninstall
#   make docs       the README's pictures, docs/*.png, from the real output
#   make pages      every page of every PDF edition as PNG, in build/pages/
#   make bench      speed and memory against pandoc, WeasyPrint and a libharu
#                   floor; targets met or missed (BENCHMARKS.md)
#
# User CFLAGS/CPPFLAGS/LDFLAGS are added to ours, never replace them. CC is
# make's own default (cc); `make CC=clang` picks another compiler.

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share/kitgen
MANDIR ?= $(PREFIX)/share/man
DOCDIR ?= $(PREFIX)/share/doc/kitgen
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
CFLAGS ?= -O2 -g
PKG_CONFIG ?= pkg-config

# also in man/kitgen.1's .TH line (tests/t-docs.sh checks they agree)
VERSION := 0.1.0
PKGS := yaml-0.1 libcmark nettle fontconfig harfbuzz fribidi libdeflate libmicrohttpd \
	libqpdf libunibreak
BUILD := build
OUT := output

DEP_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
# libqpdf and libmicrohttpd are not linked but loaded when first used
# (generator/lazylib.h): linked, they cost every run 5 MB of memory
LAZY_PKGS := libmicrohttpd libqpdf
DEP_LIBS = $(shell $(PKG_CONFIG) --libs $(filter-out $(LAZY_PKGS),$(PKGS)) 2>/dev/null)
# their sonames, as the linker would have recorded them
S_soname = $(shell objdump -p "$$($(PKG_CONFIG) --variable=libdir $(1) 2>/dev/null)/$(2)" \
	2>/dev/null | awk '$$1 == "SONAME" { print $$2 }')

ALL_CFLAGS = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	-D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -DKG_VERSION='"$(VERSION)"' \
	-Igenerator $(DEP_CFLAGS) $(CPPFLAGS) $(CFLAGS)
ALL_LDFLAGS = $(LDFLAGS)
# libharu and libhyphen ship no pkg-config file
LIBS = $(DEP_LIBS) -lhpdf -lhyphen -lm -pthread -ldl

SRCS := $(sort $(wildcard generator/*.c))
# the `kitgen init` skeleton, carried in the binary (tools/embed.sh)
SKELETON := $(shell find generator/skeleton -type f 2>/dev/null | LC_ALL=C sort)
# the labels tables, carried in the binary too (generator/labels.h)
LABEL_FILES := $(sort $(wildcard templates/labels/*.yaml))
OBJS := $(SRCS:generator/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/embedded.o \
	$(BUILD)/obj/labels_embedded.o $(BUILD)/obj/fielddoc.o \
	$(BUILD)/obj/card_form_js.o
LIB_OBJS := $(filter-out $(BUILD)/obj/main.o,$(OBJS))

UNIT_SRCS := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)
SPEC_BIN := $(BUILD)/tests/mustache_spec

CONTENT := $(shell find content templates -type f 2>/dev/null | LC_ALL=C sort)

.PHONY: all deps kits test check clean install uninstall docs

all: kitgen kits

# The dependency check (tools/deps.sh, which may run apt-get) is a step of
# its own: an order-only prerequisite of every object, so it runs once,
# before the first compile, and never between compiles; a change to the
# script runs it again without recompiling anything.
deps: $(BUILD)/deps.ok
$(BUILD)/deps.ok: tools/deps.sh
	@mkdir -p $(BUILD)
	@tools/deps.sh
	@touch $@

kitgen: $(OBJS) | $(BUILD)/deps.ok
	$(CC) $(ALL_CFLAGS) -o $@ $(OBJS) $(ALL_LDFLAGS) $(LIBS)

$(BUILD)/obj/%.o: generator/%.c | $(BUILD)/deps.ok
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/gen/embedded.c: tools/embed.sh $(SKELETON)
	@mkdir -p $(dir $@)
	sh tools/embed.sh generator/skeleton $(SKELETON) >$@.tmp && mv $@.tmp $@
$(BUILD)/obj/embedded.o: $(BUILD)/gen/embedded.c | $(BUILD)/deps.ok
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

# The HTML form script, carried in the binary (tools/embed-string.sh)
$(BUILD)/gen/card_form_js.c: tools/embed-string.sh generator/card_form.js
	@mkdir -p $(dir $@)
	sh tools/embed-string.sh kg_card_form_script generator/card_form.js >$@.tmp && mv $@.tmp $@
$(BUILD)/obj/card_form_js.o: $(BUILD)/gen/card_form_js.c | $(BUILD)/deps.ok
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<
$(BUILD)/gen/labels_embedded.c: tools/embed.sh $(LABEL_FILES)
	@mkdir -p $(dir $@)
	sh tools/embed.sh -n kg_embedded_labels templates/labels $(LABEL_FILES) >$@.tmp && mv $@.tmp $@
$(BUILD)/obj/labels_embedded.o: $(BUILD)/gen/labels_embedded.c | $(BUILD)/deps.ok
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

# The fields' descriptions for `kitgen schema`, from content/README.md
$(BUILD)/gen/fielddoc.c: tools/fielddoc.sh content/README.md
	@mkdir -p $(dir $@)
	sh tools/fielddoc.sh content/README.md >$@.tmp && mv $@.tmp $@
$(BUILD)/obj/fielddoc.o: $(BUILD)/gen/fielddoc.c | $(BUILD)/deps.ok
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

# The data folder is compiled into datadir.o: rebuild it when it changes.
# The stamp is rewritten as the Makefile is read, and only when DATADIR
# differs, so a `make` with nothing changed has nothing to do (`make -q`).
$(BUILD)/obj/datadir.o: ALL_CFLAGS += -DKG_DATADIR='"$(DATADIR)"'
LAZY_SONAMES = \
	$(if $(call S_soname,libqpdf,libqpdf.so),-DKG_QPDF_SONAME='"$(call S_soname,libqpdf,libqpdf.so)"') \
	$(if $(call S_soname,libmicrohttpd,libmicrohttpd.so),-DKG_MHD_SONAME='"$(call S_soname,libmicrohttpd,libmicrohttpd.so)"')
$(BUILD)/obj/lazylib.o: ALL_CFLAGS += $(LAZY_SONAMES)
$(BUILD)/obj/datadir.o: $(BUILD)/datadir.stamp
# (Not for install and uninstall, which write nothing in the tree.)
ifneq ($(filter-out install uninstall,$(or $(MAKECMDGOALS),all)),)
$(shell mkdir -p $(BUILD) && { echo '$(DATADIR)' | cmp -s - $(BUILD)/datadir.stamp 2>/dev/null || echo '$(DATADIR)' >$(BUILD)/datadir.stamp; })
endif
$(BUILD)/datadir.stamp: ;

# Every kit: rebuilt only when the program, the content or the templates change.
kits: $(OUT)/.built
$(OUT)/.built: kitgen $(CONTENT)
	./kitgen build --content content --templates templates --out $(OUT)
	@touch $@

$(BUILD)/tests/%: tests/unit/%.c $(LIB_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(shell $(PKG_CONFIG) --cflags cmocka) -o $@ $< \
		$(LIB_OBJS) $(ALL_LDFLAGS) $(LIBS) $(shell $(PKG_CONFIG) --libs cmocka)

$(SPEC_BIN): tests/mustache_spec.c $(LIB_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB_OBJS) $(ALL_LDFLAGS) $(LIBS)

# The npm tools the tests run (markdownlint, the Nu Html Checker, the
# browser driver), as package-lock.json pins them.
node_modules/.installed: package.json package-lock.json
	@tools/deps.sh --test
	npm ci --no-audit --no-fund
	@touch $@

test: kitgen $(UNIT_BINS) $(SPEC_BIN) node_modules/.installed
	@tools/deps.sh --test
	@tests/run-tests.sh
	@$(MAKE) --no-print-directory test-sanitizers

check: test

# Install: the binary; templates/ (page shells, PDF style) as
# $(DATADIR)/templates, where kitgen looks when ./templates is not there;
# the man page; bash completion; the content model. DESTDIR stages it.
TEMPLATE_DIRS = $(shell find templates -type d | LC_ALL=C sort)
TEMPLATE_FILES = $(shell find templates -type f | LC_ALL=C sort)

# Install builds nothing: `sudo make install` must leave no root-owned file
# in the tree, so the binary is made first, by `make`, as yourself.
install:
	@test -x kitgen || { echo "make install: no ./kitgen here: run 'make' first (not as root), then 'make install'" >&2; exit 1; }
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(DOCDIR)
	install -m 755 kitgen $(DESTDIR)$(BINDIR)/kitgen
	for d in $(TEMPLATE_DIRS); do \
		install -d "$(DESTDIR)$(DATADIR)/$$d" || exit 1; done
	for f in $(TEMPLATE_FILES); do \
		install -m 644 "$$f" "$(DESTDIR)$(DATADIR)/$$f" || exit 1; done
	install -m 644 man/kitgen.1 $(DESTDIR)$(MANDIR)/man1/kitgen.1
	install -m 644 completion/kitgen.bash $(DESTDIR)$(BASHCOMPDIR)/kitgen
	install -m 644 content/README.md $(DESTDIR)$(DOCDIR)/content-model.md
	install -m 644 docs/export.schema.json $(DESTDIR)$(DOCDIR)/export.schema.json

# Removes what install wrote, and the folders of kitgen's own it made.
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/kitgen $(DESTDIR)$(MANDIR)/man1/kitgen.1 \
		$(DESTDIR)$(BASHCOMPDIR)/kitgen $(DESTDIR)$(DOCDIR)/content-model.md \
		$(DESTDIR)$(DOCDIR)/export.schema.json
	for f in $(TEMPLATE_FILES); do rm -f "$(DESTDIR)$(DATADIR)/$$f"; done
	for d in $(shell find templates -type d | LC_ALL=C sort -r); do \
		rmdir "$(DESTDIR)$(DATADIR)/$$d" 2>/dev/null; done; \
	rmdir "$(DESTDIR)$(DATADIR)" "$(DESTDIR)$(DOCDIR)" 2>/dev/null || true

# Page images of every PDF edition, for looking at, in build/pages/ (not
# committed); and the benchmarks (bench/bench.py; a few minutes; never part
# of `make test`).
.PHONY: pages bench
pages: $(OUT)/.built
	@rm -rf $(BUILD)/pages && mkdir -p $(BUILD)/pages
	for f in $(OUT)/*.pdf $(OUT)/panels/*.pdf; do [ -f "$$f" ] || continue; \
		pdftoppm -png -r 60 "$$f" "$(BUILD)/pages/$$(basename "$$f" .pdf)" || exit 1; done
bench: kitgen
	@tools/deps.sh --bench
	@python3 bench/bench.py
	@python3 bench/loop.py

# The README's pictures, from the real output: a page of the PDF kit
# that shows a rubric, and the HTML kit (tools/docs.sh).
docs: $(OUT)/.built
	sh tools/docs.sh $(OUT)/backend-interview-kit docs

clean:
	rm -rf $(BUILD) $(OUT) kitgen $(ASAN) $(FUZZ)

# Sanitizers, valgrind and fuzzing: test-sanitizers, fuzz, fuzz-ci.
include tests/quality.mk

-include $(OBJS:.o=.d)
