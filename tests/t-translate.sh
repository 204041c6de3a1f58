#!/bin/sh
# t-translate.sh - translations keyed by id (content/README.md,
# "Translations"): a German translation of part of the fixture kit
# (tests/fixture/translations/de, stamped) builds with --language de into
# OUT/de, its texts in every format and each fallback marked and listed;
# a changed source text is a stale warning at the translation's stamp with
# a note at the source; a removed source item is an orphan; `translate
# --stamp` writes only `from:` lines and the warning goes; structure in a
# translation is refused at its place; the status report in text and
# Markdown; an unknown language is a usage error naming those present;
# the same input gives the same bytes.
. "$(dirname "$0")/lib.sh"

# kit NAME: a copy of the fixture kit with the German translation in it
kit() {
	d=$(fixture_copy "$1")
	cp -R "$ROOT/tests/fixture/translations" "$d/"
	echo "$d"
}

K=$(kit de)

# ---- a clean translation checks clean ---------------------------------------
if "$KITGEN" check -q --content "$K" >"$TMP/check.out" 2>&1 && [ ! -s "$TMP/check.out" ]; then
	ok "the stamped translation checks clean, with no warning"
else
	not_ok "the stamped translation checks clean, with no warning" "$(cat "$TMP/check.out")"
fi

# ---- build --language de -------------------------------------------------------
build_de() {
	"$KITGEN" build --content "$K" --templates "$ROOT/templates" \
		--out "$1" --language de >"$TMP/build.out" 2>"$TMP/build.err"
}
if build_de "$TMP/out"; then
	ok "build --language de succeeds"
else
	not_ok "build --language de succeeds" "$(cat "$TMP/build.err")"
fi
if [ -f "$TMP/out/de/fixture-kit.md" ] && [ ! -e "$TMP/out/fixture-kit.md" ]; then
	ok "the German editions go to OUT/de"
else
	not_ok "the German editions go to OUT/de" "$(ls -R "$TMP/out" | head)"
fi
md=$TMP/out/de/fixture-kit.md
html=$TMP/out/de/fixture-kit.html
pdftotext "$TMP/out/de/fixture-kit.pdf" "$TMP/kit.txt" 2>/dev/null
# the page's text, tags dropped (a fallback's marker is in an element of
# its own, lang="de", in one in the source's, lang="en": t-i18n-html.sh)
mkdir -p "$TMP/text"
sed 's/<[^>]*>//g' "$html" >"$TMP/text/fixture-kit.html"
for f in "$md" "$TMP/text/fixture-kit.html" "$TMP/kit.txt"; do
	n=${f##*/}
	if grep -q 'Wozu dient ein Cache?' "$f" && grep -q 'Einen Cache entwerfen' "$f" &&
		grep -q 'Testkit' "$f" && grep -q 'Eine TTL für alles.' "$f"; then
		ok "$n holds the German texts"
	else
		not_ok "$n holds the German texts"
	fi
	# the marker is a label (labels.h): --language de marks in German
	if grep -q 'nicht übersetzt\\*\] Design a job queue' "$f" &&
		! grep -q 'What is a cache for?' "$f"; then
		ok "$n marks the fallbacks '[nicht übersetzt]' and holds no translated source text"
	else
		not_ok "$n marks the fallbacks '[nicht übersetzt]' and holds no translated source text" \
			"$(grep -n 'job queue\|What is a cache' "$f" | head -5)"
	fi
done
if grep -q '^de: 89 of 112 texts fall back to the source (marked .\[nicht übersetzt\].): kit, systems, balanced, cache, cache-1, cache-2, queue, queue-1, queue-2, design-dispute$' "$TMP/build.err"; then
	ok "the build lists the fallbacks on stderr: count and ids"
else
	not_ok "the build lists the fallbacks on stderr: count and ids" "$(cat "$TMP/build.err")"
fi
if grep -q 'Programmieren' "$TMP/out/de/panels/balanced-expert.md" &&
	grep -q 'Experte' "$TMP/out/de/candidates/balanced-expert.md"; then
	ok "the panel packets and candidate's guides are translated too"
else
	not_ok "the panel packets and candidate's guides are translated too"
fi
build_de "$TMP/out2"
if diff -r "$TMP/out/de" "$TMP/out2/de" >"$TMP/rdiff" 2>&1; then
	ok "two builds give the same bytes"
else
	not_ok "two builds give the same bytes" "$(head -5 "$TMP/rdiff")"
fi

# ---- unknown language ----------------------------------------------------------
"$KITGEN" build --content "$K" --language fr --out "$TMP/fr" >/dev/null 2>"$TMP/fr.err"
rc=$?
if [ $rc = 2 ] && grep -q "no translation 'fr' in .*/translations (present: de)" "$TMP/fr.err" &&
	[ ! -e "$TMP/fr" ]; then
	ok "an unknown language is a usage error that lists those present"
else
	not_ok "an unknown language is a usage error that lists those present" "rc=$rc" "$(cat "$TMP/fr.err")"
fi

# ---- drift: a changed source text ------------------------------------------------
S=$(kit stale)
sed -i 's/prompt: What is a cache for?/prompt: What is a cache for, briefly?/' "$S/topics/01-cache.yaml"
"$KITGEN" check --content "$S" >/dev/null 2>"$TMP/stale.err"
rc=$?
if [ $rc = 0 ] &&
	grep -q "^$S/translations/de/topics/01-cache.yaml:13:11: warning: the source of question 'cache-1' changed since it was translated (from 0ea3eb2ebcd34aba, now [0-9a-f]*): the translation is stale$" "$TMP/stale.err" &&
	grep -q "^$S/topics/01-cache.yaml:42:9: note: the source of question 'cache-1' is here$" "$TMP/stale.err" &&
	grep -q '^0 errors, 1 warning$' "$TMP/stale.err"; then
	ok "a changed source text: a warning at the translation's stamp, a note at the source"
else
	not_ok "a changed source text: a warning at the translation's stamp, a note at the source" "rc=$rc" "$(cat "$TMP/stale.err")"
fi
"$KITGEN" build -q --content "$S" --templates "$ROOT/templates" --out "$TMP/sout" \
	--language de --format md 2>"$TMP/sbuild.err"
if grep -q "01-cache.yaml:13:11: warning: the source of question 'cache-1' changed" "$TMP/sbuild.err"; then
	ok "build --language warns at a stale translation too"
else
	not_ok "build --language warns at a stale translation too" "$(cat "$TMP/sbuild.err")"
fi

# ---- status --------------------------------------------------------------------
"$KITGEN" translate --status --content "$S" >"$TMP/status.txt" 2>&1
rc=$?
if [ $rc = 1 ] && grep -q '^de: 1 stale, 5 missing, 4 incomplete, 0 unstamped, 0 orphaned, of 14 items$' "$TMP/status.txt" &&
	grep -q "^stale      question cache-1 ($S/topics/01-cache.yaml)$" "$TMP/status.txt" &&
	grep -q "^missing    topic queue ($S/topics/02-queue.yaml)$" "$TMP/status.txt"; then
	ok "translate --status lists stale, missing and incomplete items (exit 1: work to do)"
else
	not_ok "translate --status lists stale, missing and incomplete items (exit 1: work to do)" "rc=$rc" "$(cat "$TMP/status.txt")"
fi
"$KITGEN" translate --status --format md --language de --content "$S" >"$TMP/status.md" 2>&1
if grep -q '^# Translation to-do: de$' "$TMP/status.md" &&
	grep -q "^## $S/topics/01-cache.yaml$" "$TMP/status.md" &&
	grep -q '^### stale question: cache-1$' "$TMP/status.md" &&
	grep -q '^| Field | Source now | Translation (de) |$' "$TMP/status.md" &&
	grep -q '^| prompt | What is a cache for, briefly? | Wozu dient ein Cache? |$' "$TMP/status.md"; then
	ok "translate --status --format md: a to-do list by file, source and translation side by side"
else
	not_ok "translate --status --format md: a to-do list by file, source and translation side by side" "$(head -30 "$TMP/status.md")"
fi

# ---- stamp ----------------------------------------------------------------------
cp "$S/translations/de/topics/01-cache.yaml" "$TMP/before.yaml"
if "$KITGEN" translate --stamp --language de --content "$S" cache-1 >"$TMP/stamp.out" 2>&1 &&
	grep -q '^de: wrote 1 stamp$' "$TMP/stamp.out"; then
	ok "translate --stamp ID restamps the item"
else
	not_ok "translate --stamp ID restamps the item" "$(cat "$TMP/stamp.out")"
fi
diff "$TMP/before.yaml" "$S/translations/de/topics/01-cache.yaml" >"$TMP/stamp.diff"
if [ "$(grep -c '^[<>]' "$TMP/stamp.diff")" = 2 ] &&
	grep -q '^<     from: 0ea3eb2ebcd34aba$' "$TMP/stamp.diff" &&
	grep -q '^>     from: [0-9a-f]\{16\}$' "$TMP/stamp.diff"; then
	ok "the stamp changes only the item's from: line"
else
	not_ok "the stamp changes only the item's from: line" "$(cat "$TMP/stamp.diff")"
fi
if "$KITGEN" check -q --content "$S" >"$TMP/after.out" 2>&1 && [ ! -s "$TMP/after.out" ]; then
	ok "after the stamp the warning is gone"
else
	not_ok "after the stamp the warning is gone" "$(cat "$TMP/after.out")"
fi

# an unstamped item: --stamp (no ids) inserts its from: line, keeping comments
U=$(kit unstamped)
sed -i '/^    from: /d' "$U/translations/de/scenarios.yaml"
"$KITGEN" check --content "$U" >/dev/null 2>"$TMP/un.err"
if grep -q "scenarios.yaml:2:3: warning: the translation of scenario 'design-dispute' has no 'from:' stamp" "$TMP/un.err"; then
	ok "an item without a stamp is a warning at its id"
else
	not_ok "an item without a stamp is a warning at its id" "$(cat "$TMP/un.err")"
fi
"$KITGEN" translate --stamp -l de --content "$U" >/dev/null 2>&1
if cmp -s "$U/translations/de/scenarios.yaml" "$ROOT/tests/fixture/translations/de/scenarios.yaml" &&
	diff -r "$U/translations" "$ROOT/tests/fixture/translations" >/dev/null; then
	ok "translate --stamp writes the missing stamp where it was, and nothing else"
else
	not_ok "translate --stamp writes the missing stamp where it was, and nothing else" \
		"$(diff -r "$U/translations" "$ROOT/tests/fixture/translations")"
fi

# ---- orphans ----------------------------------------------------------------------
O=$(kit orphan)
sed -i 's/id: cache-2$/id: cache-3/' "$O/topics/01-cache.yaml"
"$KITGEN" check --content "$O" >/dev/null 2>"$TMP/orphan.err"
if grep -q "^$O/translations/de/topics/01-cache.yaml:18:3: warning: translated question 'cache-2' has no source: it was removed or renamed (an orphan)$" "$TMP/orphan.err"; then
	ok "a translated item whose source is gone is an orphan, warned at the translation"
else
	not_ok "a translated item whose source is gone is an orphan, warned at the translation" "$(cat "$TMP/orphan.err")"
fi
"$KITGEN" translate --status --content "$O" >"$TMP/ostatus" 2>&1
if grep -q "^orphan     question cache-2 ($O/translations/de/topics/01-cache.yaml:18:3)$" "$TMP/ostatus"; then
	ok "translate --status lists the orphan"
else
	not_ok "translate --status lists the orphan" "$(cat "$TMP/ostatus")"
fi

# ---- structure is refused -----------------------------------------------------------
B=$(kit structure)
sed -i 's/^    prompt: Wozu dient ein Cache?$/&\n    level: expert/' "$B/translations/de/topics/01-cache.yaml"
printf 'profiles:\n  balanced:\n    weights:\n      coding: 60\n' >>"$B/translations/de/kit.yaml"
"$KITGEN" check --content "$B" >/dev/null 2>"$TMP/struct.err"
rc=$?
if [ $rc = 1 ] &&
	grep -q "^$B/translations/de/topics/01-cache.yaml:15:5: error: 'level' is structure, not text: a translation keeps the source's ids, levels, weights and numbers (remove it)$" "$TMP/struct.err" &&
	grep -q "^$B/translations/de/kit.yaml:37:5: error: 'weights' is structure, not text" "$TMP/struct.err"; then
	ok "a level or a weight in a translation is refused with a placed error"
else
	not_ok "a level or a weight in a translation is refused with a placed error" "rc=$rc" "$(cat "$TMP/struct.err")"
fi
"$KITGEN" build --content "$B" --templates "$ROOT/templates" --out "$TMP/bout" \
	--language de >/dev/null 2>&1
rc=$?
if [ $rc = 1 ] && [ ! -e "$TMP/bout/de/fixture-kit.md" ]; then
	ok "build --language refuses it and writes nothing"
else
	not_ok "build --language refuses it and writes nothing" "rc=$rc"
fi
X=$(kit unknown)
sed -i 's/^    prompt: Wozu dient ein Cache?$/&\n    promt: Tippfehler/' "$X/translations/de/topics/01-cache.yaml"
"$KITGEN" check --content "$X" >/dev/null 2>"$TMP/unknown.err"
if grep -q "01-cache.yaml:15:5: error: 'promt' is not a text of question 'cache-1' in the source$" "$TMP/unknown.err"; then
	ok "a field the source item lacks is an error at its key"
else
	not_ok "a field the source item lacks is an error at its key" "$(cat "$TMP/unknown.err")"
fi
L=$(kit list)
sed -i 's/^      - Eine TTL für alles.$//' "$L/translations/de/topics/01-cache.yaml"
"$KITGEN" check --content "$L" >/dev/null 2>"$TMP/list.err"
if grep -q "01-cache.yaml:[0-9]*:7: error: 'red_flags' translates a list of 3 texts: give as many, in the source's order$" "$TMP/list.err"; then
	ok "a translated list must keep the source's count"
else
	not_ok "a translated list must keep the source's count" "$(cat "$TMP/list.err")"
fi

# ---- a fallback that opens with a list keeps it: the marker is a paragraph ----
M=$(kit block)
sed -i 's/^  Use this kit to test \*kitgen\*. It has two topics and one scenario./  - Use this kit to test *kitgen*.\n  - It has two topics./' "$M/kit.yaml"
sed -i '/^  introduction:/,/^    Mit/d' "$M/translations/de/kit.yaml"
"$KITGEN" translate --stamp -l de --content "$M" kit >/dev/null 2>&1
"$KITGEN" build -q --content "$M" --templates "$ROOT/templates" --out "$TMP/mout" \
	-l de --format md 2>/dev/null
if grep -A3 '^\\\[nicht übersetzt\\\]$' "$TMP/mout/de/fixture-kit.md" | grep -q '^  - Use this kit to test \*kitgen\*\.$'; then
	ok "a fallback text that opens with a list keeps it: the marker is a paragraph above it"
else
	not_ok "a fallback text that opens with a list keeps it: the marker is a paragraph above it" \
		"$(grep -n -A3 'nicht übersetzt' "$TMP/mout/de/fixture-kit.md" | head)"
fi

# ---- kitgen diff --translations: the same report --------------------------------
D=$(kit diff)
sed -i 's/prompt: What is a cache for?/prompt: What is a cache for, briefly?/' "$D/topics/01-cache.yaml"
"$KITGEN" translate --status --format md --content "$D" >"$TMP/ts.md" 2>&1
"$KITGEN" diff --translations --language de --format md --content "$D" >"$TMP/dt.md" 2>&1
rc=$?
if [ $rc = 1 ] && cmp -s "$TMP/dt.md" "$TMP/ts.md" && grep -q '^### stale question: cache-1$' "$TMP/dt.md"; then
	ok "diff --translations reports as translate --status (exit 1: stale items)"
else
	not_ok "diff --translations reports as translate --status (exit 1: stale items)" "rc=$rc" "$(diff "$TMP/ts.md" "$TMP/dt.md")"
fi
"$KITGEN" diff --translations --language fr --content "$K" >/dev/null 2>"$TMP/dfr.err"
if [ $? = 2 ] && grep -q "^kitgen diff: no translation 'fr' in .* (present: de)$" "$TMP/dfr.err"; then
	ok "diff --translations --language with no such folder is a usage error"
else
	not_ok "diff --translations --language with no such folder is a usage error" "$(cat "$TMP/dfr.err")"
fi

# ---- digests: a language's editions carry their own; the source keeps its -----
src_digest=$("$KITGEN" digest --content "$K")
"$KITGEN" build -q --content "$K" --templates "$ROOT/templates" --out "$TMP/en" \
	--format md 2>/dev/null
de_line=$(grep -m1 'Inhalts-Prüfsumme' "$TMP/out/de/fixture-kit.md")
en_line=$(grep -m1 'Content digest' "$TMP/en/fixture-kit.md")
if [ -n "$de_line" ] && [ "$de_line" != "$en_line" ] &&
	printf '%s' "$en_line" | grep -q "$src_digest"; then
	ok "the German editions carry a content digest of their own; the source's is unchanged"
else
	not_ok "the German editions carry a content digest of their own; the source's is unchanged" \
		"de: $de_line" "en: $en_line" "digest: $src_digest"
fi

# ---- an empty stamp (`from:`, `from: ~`) is no stamp; --stamp fills it in ------
E=$(kit empty)
sed -i 's/^    from: 42dac52b46d4f92d$/    from:/; s/^    from: 0ea3eb2ebcd34aba$/    from: ~/' \
	"$E/translations/de/topics/01-cache.yaml"
"$KITGEN" check --content "$E" >/dev/null 2>"$TMP/empty.err"
"$KITGEN" translate --stamp -l de --content "$E" >/dev/null 2>&1
if [ "$(grep -c "has no 'from:' stamp" "$TMP/empty.err")" = 2 ] &&
	diff -r "$E/translations" "$ROOT/tests/fixture/translations" >/dev/null; then
	ok "an empty from: is no stamp, and --stamp fills it in place"
else
	not_ok "an empty from: is no stamp, and --stamp fills it in place" "$(cat "$TMP/empty.err")" \
		"$(diff -r "$E/translations" "$ROOT/tests/fixture/translations")"
fi

# ---- an item translated twice: an error, a note at the first -------------------
W=$(kit twice)
printf 'questions:\n  cache-1:\n    prompt: Noch einmal\n' >>"$W/translations/de/scenarios.yaml"
"$KITGEN" check --content "$W" >/dev/null 2>"$TMP/twice.err"
if grep -q "^$W/translations/de/topics/01-cache.yaml:12:3: error: question 'cache-1' is translated twice$" "$TMP/twice.err" &&
	grep -q "^$W/translations/de/scenarios.yaml:7:3: note: first translated here$" "$TMP/twice.err"; then
	ok "an item translated twice is an error, with a note at the first"
else
	not_ok "an item translated twice is an error, with a note at the first" "$(cat "$TMP/twice.err")"
fi
