# quality.mk - the sanitizer, valgrind and fuzzing targets; the Makefile
# includes this file and `make test` runs test-sanitizers after the suite.
#
#   make test-asan        the whole suite (tests/run-tests.sh) again, against
#                         a second build with AddressSanitizer and
#                         UndefinedBehaviorSanitizer (build-asan/)
#   make test-valgrind    a full build of the real content under valgrind
#                         memcheck: no error, no definite or indirect leak
#   make test-sanitizers  both
#   make fuzz             every libFuzzer harness (tests/fuzz/fuzz_*.c) for
#                         FUZZ_SECONDS each (default 300); needs clang
#   make fuzz-ci          the same for 30 seconds each (CI)
#
# The fuzzers start from the committed seeds in tests/fuzz/corpus/NAME/
# and keep what they find in build-fuzz/corpus/NAME/; a crash leaves its
# input in build-fuzz/crashes/ and fails the target. Copy such an input to
# tests/fuzz/regress/NAME/ once it is fixed: `make test` replays every seed
# and every regression input through the harnesses (tests/t-fuzz.sh).

ASAN := build-asan
ASAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=undefined
ASAN_OBJS := $(OBJS:$(BUILD)/obj/%=$(ASAN)/obj/%)
$(ASAN)/obj/lazylib.o: ALL_CFLAGS += $(LAZY_SONAMES)
ASAN_LIB_OBJS := $(filter-out $(ASAN)/obj/main.o,$(ASAN_OBJS))
ASAN_UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(ASAN)/tests/%)

FUZZ_SRCS := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_NAMES := $(FUZZ_SRCS:tests/fuzz/%.c=%)
REPLAY_BINS := $(FUZZ_NAMES:%=$(BUILD)/tests/replay_%)
ASAN_REPLAY_BINS := $(FUZZ_NAMES:%=$(ASAN)/tests/replay_%)

FUZZ := build-fuzz
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 300
FUZZ_FLAGS := -O1 -g -fno-omit-frame-pointer -fno-sanitize-recover=undefined \
	-DKG_FUZZ_TEMPLATES='"$(CURDIR)/templates"'
FUZZ_OBJS := $(filter-out $(FUZZ)/obj/main.o,$(OBJS:$(BUILD)/obj/%=$(FUZZ)/obj/%))
$(FUZZ)/obj/lazylib.o: ALL_CFLAGS += $(LAZY_SONAMES)
FUZZ_BINS := $(FUZZ_NAMES:%=$(FUZZ)/%)

VALGRIND_FLAGS := --quiet --error-exitcode=99 --leak-check=full \
	--show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect \
	--track-origins=yes --suppressions=$(CURDIR)/tests/valgrind.supp

.PHONY: test-sanitizers test-asan test-valgrind fuzz fuzz-ci fuzz-build

# ---- the suite again, sanitized --------------------------------------------

$(ASAN)/obj/%.o: generator/%.c | $(BUILD)/deps.ok
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(ASAN_FLAGS) -MMD -MP -c -o $@ $<
$(ASAN)/obj/embedded.o: $(BUILD)/gen/embedded.c | $(BUILD)/deps.ok
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(ASAN_FLAGS) -MMD -MP -c -o $@ $<
$(ASAN)/obj/fielddoc.o: $(BUILD)/gen/fielddoc.c | $(BUILD)/deps.ok
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(ASAN_FLAGS) -MMD -MP -c -o $@ $<
$(ASAN)/obj/card_form_js.o: $(BUILD)/gen/card_form_js.c | $(BUILD)/deps.ok
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(ASAN_FLAGS) -MMD -MP -c -o $@ $<
$(ASAN)/obj/labels_embedded.o: $(BUILD)/gen/labels_embedded.c | $(BUILD)/deps.ok
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(ASAN_FLAGS) -MMD -MP -c -o $@ $<
$(ASAN)/obj/datadir.o $(FUZZ)/obj/datadir.o: ALL_CFLAGS += -DKG_DATADIR='"$(DATADIR)"'
$(ASAN)/obj/datadir.o $(FUZZ)/obj/datadir.o: $(BUILD)/datadir.stamp

$(ASAN)/kitgen: $(ASAN_OBJS)
	$(CC) $(ALL_CFLAGS) $(ASAN_FLAGS) -o $@ $(ASAN_OBJS) $(ALL_LDFLAGS) $(LIBS)

$(ASAN)/tests/%: tests/unit/%.c $(ASAN_LIB_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(ASAN_FLAGS) $(shell $(PKG_CONFIG) --cflags cmocka) \
		-o $@ $< $(ASAN_LIB_OBJS) $(ALL_LDFLAGS) $(LIBS) \
		$(shell $(PKG_CONFIG) --libs cmocka)

$(ASAN)/tests/mustache_spec: tests/mustache_spec.c $(ASAN_LIB_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(ASAN_FLAGS) -o $@ $< $(ASAN_LIB_OBJS) $(ALL_LDFLAGS) $(LIBS)

$(ASAN)/tests/replay_%: tests/fuzz/%.c tests/fuzz/replay.c $(ASAN_LIB_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(ASAN_FLAGS) -DKG_FUZZ_TEMPLATES='"$(CURDIR)/templates"' \
		-o $@ $< tests/fuzz/replay.c $(ASAN_LIB_OBJS) $(ALL_LDFLAGS) $(LIBS)

# The plain build's replay drivers, for the plain run of the suite.
$(BUILD)/tests/replay_%: tests/fuzz/%.c tests/fuzz/replay.c $(LIB_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -DKG_FUZZ_TEMPLATES='"$(CURDIR)/templates"' \
		-o $@ $< tests/fuzz/replay.c $(LIB_OBJS) $(ALL_LDFLAGS) $(LIBS)

test: $(REPLAY_BINS)

# ASan and ulimit -v do not mix (it reserves terabytes of address space):
# KG_SANITIZED tells the suite not to cap memory that way. A test may run
# kitgen under faketime, an LD_PRELOAD library that comes before ASan's
# runtime: verify_asan_link_order=0 lets it.
test-asan: $(ASAN)/kitgen $(ASAN_UNIT_BINS) $(ASAN)/tests/mustache_spec \
		$(ASAN_REPLAY_BINS)
	@echo
	@echo "==== the suite under AddressSanitizer and UndefinedBehaviorSanitizer"
	@KG_BUILD=$(ASAN) KITGEN=$(CURDIR)/$(ASAN)/kitgen KG_SANITIZED=1 \
		ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=86:verify_asan_link_order=0 \
		LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
		UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:exitcode=87 \
		tests/run-tests.sh

# A full build of the real content, every format, into a scratch folder.
test-valgrind: kitgen
	@echo
	@echo "==== a full build of content/ under valgrind memcheck"
	@command -v valgrind >/dev/null || { echo "valgrind is not installed"; exit 1; }
	@out=$$(mktemp -d); \
	valgrind $(VALGRIND_FLAGS) ./kitgen build --content content \
		--templates templates --out "$$out" >"$$out.stdout" 2>"$$out.log"; st=$$?; \
	n=$$(find "$$out" -type f | wc -l); \
	if [ $$st -eq 0 ]; then \
		echo "ok - valgrind: a full build ($$n files), no error, no leak"; \
	else \
		cat "$$out.log"; echo "not ok - valgrind: a full build (status $$st)"; \
	fi; \
	rm -rf "$$out" "$$out.stdout" "$$out.log"; [ $$st -eq 0 ]

test-sanitizers: test-asan test-valgrind

# ---- fuzzing -----------------------------------------------------------------

$(FUZZ)/obj/%.o: generator/%.c | $(BUILD)/deps.ok
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(ALL_CFLAGS) -fsanitize=fuzzer-no-link,address,undefined \
		$(FUZZ_FLAGS) -MMD -MP -c -o $@ $<
$(FUZZ)/obj/embedded.o: $(BUILD)/gen/embedded.c | $(BUILD)/deps.ok
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(ALL_CFLAGS) -fsanitize=fuzzer-no-link,address,undefined \
		$(FUZZ_FLAGS) -MMD -MP -c -o $@ $<
$(FUZZ)/obj/fielddoc.o: $(BUILD)/gen/fielddoc.c | $(BUILD)/deps.ok
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(ALL_CFLAGS) -fsanitize=fuzzer-no-link,address,undefined \
		$(FUZZ_FLAGS) -MMD -MP -c -o $@ $<
$(FUZZ)/obj/card_form_js.o: $(BUILD)/gen/card_form_js.c | $(BUILD)/deps.ok
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(ALL_CFLAGS) -fsanitize=fuzzer-no-link,address,undefined \
		$(FUZZ_FLAGS) -MMD -MP -c -o $@ $<
$(FUZZ)/obj/labels_embedded.o: $(BUILD)/gen/labels_embedded.c | $(BUILD)/deps.ok
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(ALL_CFLAGS) -fsanitize=fuzzer-no-link,address,undefined \
		$(FUZZ_FLAGS) -MMD -MP -c -o $@ $<

$(FUZZ)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_OBJS)
	$(FUZZ_CC) $(ALL_CFLAGS) -fsanitize=fuzzer,address,undefined $(FUZZ_FLAGS) \
		-o $@ $< $(FUZZ_OBJS) $(ALL_LDFLAGS) $(LIBS)

fuzz-build: $(FUZZ_BINS)

# clang (and its libFuzzer runtime, Debian's libclang-rt-dev) is needed only here
$(FUZZ)/clang.ok:
	@command -v $(FUZZ_CC) >/dev/null || { echo "make fuzz needs clang: apt-get install clang libclang-rt-dev" >&2; exit 1; }
	@mkdir -p $(FUZZ) && touch $@
$(FUZZ_OBJS) $(FUZZ_BINS): | $(FUZZ)/clang.ok

fuzz: $(FUZZ_BINS)
	@tools/fuzz.sh $(FUZZ_SECONDS) $(FUZZ_NAMES)

fuzz-ci: $(FUZZ_BINS)
	@tools/fuzz.sh 30 $(FUZZ_NAMES)

-include $(ASAN_OBJS:.o=.d) $(FUZZ_OBJS:.o=.d)
