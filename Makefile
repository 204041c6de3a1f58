# kitgen - build the program, build every kit, test.
#
#   make            check dependencies, build kitgen, build every kit into output/
#   make test       build and run every test
#   make clean      remove build/ and output/
#
# User CFLAGS/CPPFLAGS/LDFLAGS are added to ours, never replace them.

PREFIX ?= /usr/local
CC ?= cc
CFLAGS ?= -O2 -g
PKG_CONFIG ?= pkg-config

VERSION := 0.1.0
PKGS := yaml-0.1 libcmark nettle
BUILD := build
OUT := output

DEP_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
DEP_LIBS = $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)

ALL_CFLAGS = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	-D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -DKG_VERSION='"$(VERSION)"' \
	-Igenerator $(DEP_CFLAGS) $(CPPFLAGS) $(CFLAGS)
ALL_LDFLAGS = $(LDFLAGS)
LIBS = $(DEP_LIBS) -lm

SRCS := $(sort $(wildcard generator/*.c))
OBJS := $(SRCS:generator/%.c=$(BUILD)/obj/%.o)
LIB_OBJS := $(filter-out $(BUILD)/obj/main.o,$(OBJS))

UNIT_SRCS := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)
SPEC_BIN := $(BUILD)/tests/mustache_spec

CONTENT := $(shell find content templates -type f 2>/dev/null | LC_ALL=C sort)

.PHONY: all deps kits test check clean

all: kitgen kits

# The dependency check runs once, then again only when the script changes.
deps: $(BUILD)/deps.ok
$(BUILD)/deps.ok: tools/deps.sh
	@mkdir -p $(BUILD)
	@tools/deps.sh
	@touch $@

kitgen: $(BUILD)/deps.ok $(OBJS)
	$(CC) $(ALL_CFLAGS) -o $@ $(OBJS) $(ALL_LDFLAGS) $(LIBS)

$(BUILD)/obj/%.o: generator/%.c $(BUILD)/deps.ok
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

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

test: kitgen $(UNIT_BINS) $(SPEC_BIN)
	@tools/deps.sh --test
	@tests/run-tests.sh

check: test

clean:
	rm -rf $(BUILD) $(OUT) kitgen

-include $(OBJS:.o=.d)
