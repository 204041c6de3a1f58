#!/bin/sh
# t-threads.sh - the work a build does on a second core gives the same
# bytes as without it. The PDF's streams are deflated on a second thread
# while the pages are drawn (pdf_file.c), and the fonts are read on one
# while the kit loads (kg_fonts_warm, fonts.c), and the hyphenation
# dictionary once kit.yaml names its language (kg_lay_hyph_warm), and
# the kit's words are shaped while a PDF is laid out (shape_ahead.c, the
# layout taking their glyphs): the files are the same
# bytes as when every stream is deflated in place
# (KITGEN_DEFLATE_THREAD=0), as when the fonts are read by the first
# document and every word is shaped by the layout (KITGEN_NO_WARM=1),
# also for kits in right-to-left and Chinese and Japanese text, when no thread can be made (pthread_create
# fails: the build goes on without one), and when the deflating thread
# falls far behind the pages it is given (every deflate slowed: the queue
# fills and the objects written meanwhile wait their turn).
# tests/fault_preload.c does the failing and the slowing.
. "$(dirname "$0")/lib.sh"

FAULT=$TMP/fault.so
if ! ${CC:-cc} -shared -fPIC -o "$FAULT" "$ROOT/tests/fault_preload.c" -ldl 2>"$TMP/err"; then
	not_ok "the fault library builds" "$(cat "$TMP/err")"
	exit 0
fi
# ASan's runtime must come first unless told it need not
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
export ASAN_OPTIONS

# build NAME [FORMAT] [ENV...]: the kit in content/, every edition, in
# FORMAT (default: every format), into $TMP/NAME
build() {
	name=$1
	fmt=${2:+--format $2}
	shift 2
	# shellcheck disable=SC2086
	env "$@" "$KITGEN" build -q --content "$ROOT/content" \
		--templates "$ROOT/templates" $fmt --out "$TMP/$name" \
		>/dev/null 2>"$TMP/$name.err" ||
		not_ok "the build ($name)" "$(head -5 "$TMP/$name.err")"
}

# same NAME A B: ok when the two folders hold the same files, byte for byte
same() {
	if diff -r "$TMP/$2" "$TMP/$3" >"$TMP/diff" 2>&1; then
		ok "$1"
	else
		not_ok "$1" "$(head -5 "$TMP/diff")"
	fi
}

build thread ""
build inplace "" KITGEN_DEFLATE_THREAD=0
build cold "" KITGEN_NO_WARM=1
build nothread "" LD_PRELOAD="$FAULT" KG_FAULT_THREAD="$TMP/asked"
build pdf pdf
build slow pdf LD_PRELOAD="$FAULT" KG_FAULT_SLOW_DEFLATE_US=300 \
	KG_FAULT_DEFLATE_MARK="$TMP/slowed"

n=$(find "$TMP/thread" -name '*.pdf' | wc -l)
[ "$n" -ge 20 ] && ok "every PDF of every edition is compared ($n)" ||
	not_ok "every PDF of every edition is compared" "only $n"
same "deflated on the thread or in place: the same bytes" thread inplace
same "fonts read ahead on a thread or by the first PDF: the same bytes" thread cold
[ -f "$TMP/asked" ] && ok "the fault library failed the thread's creation" ||
	not_ok "the fault library failed the thread's creation" "it was never asked"
same "no thread to be had: the same bytes" thread nothread
[ -f "$TMP/slowed" ] && ok "the fault library slowed the deflating" ||
	not_ok "the fault library slowed the deflating" "it was never called"
same "a thread far behind the pages: the same bytes" pdf slow
check "the slowed build's PDF is sound (qpdf --check)" \
	qpdf --check "$TMP/slow/backend-interview-kit.pdf"

# the words shaped ahead: right-to-left and fallback faces' text is left
# to the layout, and the rest gives the same glyphs
for kit in arabic cjk; do
	for how in ahead cold; do
		if [ "$how" = cold ]; then set -- KITGEN_NO_WARM=1; else set --; fi
		env "$@" "$KITGEN" build -q --content "$ROOT/tests/fixture/$kit" \
			--templates "$ROOT/templates" --format pdf \
			--out "$TMP/$kit-$how" >/dev/null 2>"$TMP/$kit-$how.err" ||
			not_ok "the build ($kit, $how)" "$(head -5 "$TMP/$kit-$how.err")"
	done
	same "tests/fixture/$kit: words shaped ahead or by the layout, the same bytes" \
		"$kit-ahead" "$kit-cold"
done
