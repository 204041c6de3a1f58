#!/bin/sh
# t-repro.sh - reproducible kits: the same content and templates give the
# same bytes in every format, whatever the clock, time zone, locale,
# working directory, output folder or the order files were created in;
# SOURCE_DATE_EPOCH is the only date that may appear; a PDF built alone
# is the one a whole build writes (the fonts its documents share carry
# nothing over); a change to one field changes only that field's lines in
# the Markdown.
. "$(dirname "$0")/lib.sh"

unset SOURCE_DATE_EPOCH
"$KITGEN" build -q --content "$ROOT/content" --templates "$ROOT/templates" \
	--out "$TMP/a" >/dev/null 2>"$TMP/err" ||
	not_ok "the first build" "$(cat "$TMP/err")"

# The second build: the content and templates copied file by file in
# reverse name order (so the file system lists them differently), from
# another working directory, under another time zone and locale, and
# with the clock set years ahead (faketime, which .ci/run installs).
mkdir -p "$TMP/b/work" "$TMP/b/src"
for tree in content templates; do
	(cd "$ROOT" && find "$tree" -type d) | while read -r d; do mkdir -p "$TMP/b/src/$d"; done
	(cd "$ROOT" && find "$tree" -type f | LC_ALL=C sort -r) |
		while read -r f; do cp "$ROOT/$f" "$TMP/b/src/$f"; done
done
clock=""
command -v faketime >/dev/null 2>&1 && clock="faketime 2031-06-01"
# shellcheck disable=SC2086
(cd "$TMP/b/work" && TZ=Asia/Kolkata LC_ALL=C.UTF-8 LANG=de_DE.UTF-8 \
	$clock "$KITGEN" build -q --content ../src/content --templates ../src/templates \
	--out ../elsewhere/out >/dev/null 2>"$TMP/err") ||
	not_ok "the second build" "$(cat "$TMP/err")"

(cd "$TMP/a" && find . -type f | LC_ALL=C sort) >"$TMP/a.list"
(cd "$TMP/b/elsewhere/out" && find . -type f | LC_ALL=C sort) >"$TMP/b.list"
same_text "both builds write the same files" "$TMP/a.list" "$TMP/b.list"
n=$(grep -c . "$TMP/a.list")
[ "$n" -ge 31 ] && ok "every format of every edition is compared ($n files)" ||
	not_ok "every format of every edition is compared" "only $n files"
bad=""
while read -r f; do
	cmp -s "$TMP/a/$f" "$TMP/b/elsewhere/out/$f" || bad="$bad $f"
done <"$TMP/a.list"
[ -z "$bad" ] && ok "every file is byte-identical across the two builds" ||
	not_ok "every file is byte-identical across the two builds" "$bad"

# No date, time or absolute path in any output without SOURCE_DATE_EPOCH.
if grep -l -a -e "CreationDate" -e "ModDate" -e "$ROOT" -e "$TMP" -r "$TMP/a" >"$TMP/found"; then
	not_ok "no date and no absolute path in any output" "$(cat "$TMP/found")"
else
	ok "no date and no absolute path in any output"
fi
# The clock's year in no text output: the second build's fake year when
# faketime ran it (the content may well name this year: a listing's data),
# else this year, unless the sources name it themselves.
year=$(date +%Y) out="$TMP/a"
[ -n "$clock" ] && year=2031 out="$TMP/b/elsewhere/out"
if grep -q -r "$year" "$ROOT/content" "$ROOT/templates"; then
	ok "the clock's year appears in no text output (the sources name $year: not checked)"
elif grep -l -a -r "$year" "$out" | grep -v '\.pdf$' >"$TMP/found"; then
	not_ok "the clock's year appears in no text output" "$(cat "$TMP/found")"
else
	ok "the clock's year appears in no text output"
fi

# With SOURCE_DATE_EPOCH the PDFs carry exactly that date, and nothing else
# changes but the PDFs.
SOURCE_DATE_EPOCH=1700000000 "$KITGEN" build -q --content "$ROOT/content" \
	--templates "$ROOT/templates" --out "$TMP/c" --format md,pdf >/dev/null 2>&1
if command -v pdfinfo >/dev/null 2>&1; then
	pdfinfo -isodates "$TMP/c/backend-interview-kit.pdf" >"$TMP/info" 2>&1
	check "SOURCE_DATE_EPOCH is the PDF's creation date" \
		grep -q '^CreationDate: *2023-11-14T22:13:20' "$TMP/info"
fi
check "SOURCE_DATE_EPOCH leaves the Markdown as it was" \
	cmp "$TMP/a/backend-interview-kit.md" "$TMP/c/backend-interview-kit.md"

# A PDF built alone is the same as in a whole build: a build's documents
# share their fonts (fonts.h, "Shared faces") and the font programs made
# for them, and nothing of one document's fonts (the glyphs it drew,
# their codes) may reach the next. Documents late in the build, each
# after others that drew the same faces: a packet, a round document, the
# debrief and a candidate's guide.
bad=""
for ed in panels/generalist-expert panels/platform-engineer-intermediate/round-3 \
	panels/platform-engineer-intermediate/debrief candidates/generalist-expert; do
	rm -rf "$TMP/alone"
	"$KITGEN" build -q --content "$ROOT/content" --templates "$ROOT/templates" \
		--out "$TMP/alone" --edition "$ed" --format pdf >/dev/null 2>"$TMP/err" ||
		bad="$bad $ed (build: $(cat "$TMP/err"))"
	cmp -s "$TMP/alone/$ed.pdf" "$TMP/a/$ed.pdf" || bad="$bad $ed"
done
if [ -z "$bad" ]; then
	ok "a PDF built alone is byte-identical to the same PDF of a whole build (fonts shared across documents)"
else
	not_ok "a PDF built alone is byte-identical to the same PDF of a whole build (fonts shared across documents)" "differ:$bad"
fi

# One field changed: the Markdown changes on that field's line and on the
# digest lines (the build digest covers the content's), nowhere else.
kit=$(fixture_copy field)
"$KITGEN" build -q --content "$kit" --templates "$ROOT/templates" --out "$TMP/f1" --format md >/dev/null 2>&1
sed -i 's/^  - No invalidation plan.$/  - No plan for invalidating entries./' "$kit/topics/01-cache.yaml"
"$KITGEN" build -q --content "$kit" --templates "$ROOT/templates" --out "$TMP/f2" --format md >/dev/null 2>&1
diff "$TMP/f1/fixture-kit.md" "$TMP/f2/fixture-kit.md" | grep '^[<>]' >"$TMP/changed"
if [ "$(grep -c . "$TMP/changed")" = 6 ] &&
	grep -q '^> >   - No plan for invalidating entries.$' "$TMP/changed" &&
	grep -q '^> .*Content digest' "$TMP/changed" &&
	grep -q '^> .*Build digest' "$TMP/changed"; then
	ok "a one-field change touches only that field's line and the digests"
else
	not_ok "a one-field change touches only that field's line and the digests" "$(cat "$TMP/changed")"
fi
