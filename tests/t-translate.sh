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
PY=/usr/bin/python3

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
if grep -q '^de: 92 of 126 texts fall back to the source (marked .\[nicht übersetzt\].): kit, systems, balanced, cache, cache-1, cache-2, queue, queue-1, queue-2, design-dispute$' "$TMP/build.err"; then
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
	grep -q "^$S/translations/de/topics/01-cache.yaml:18:11: warning: the source of question 'cache-1' changed since it was translated (from 0ea3eb2ebcd34aba, now [0-9a-f]*): the translation is stale$" "$TMP/stale.err" &&
	grep -q "^$S/topics/01-cache.yaml:42:9: note: the source of question 'cache-1' is here$" "$TMP/stale.err" &&
	grep -q '^0 errors, 1 warning$' "$TMP/stale.err"; then
	ok "a changed source text: a warning at the translation's stamp, a note at the source"
else
	not_ok "a changed source text: a warning at the translation's stamp, a note at the source" "rc=$rc" "$(cat "$TMP/stale.err")"
fi
"$KITGEN" build -q --content "$S" --templates "$ROOT/templates" --out "$TMP/sout" \
	--language de --format md 2>"$TMP/sbuild.err"
if grep -q "01-cache.yaml:18:11: warning: the source of question 'cache-1' changed" "$TMP/sbuild.err"; then
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
if grep -q "^$O/translations/de/topics/01-cache.yaml:23:3: warning: translated question 'cache-2' has no source: it was removed or renamed (an orphan)$" "$TMP/orphan.err"; then
	ok "a translated item whose source is gone is an orphan, warned at the translation"
else
	not_ok "a translated item whose source is gone is an orphan, warned at the translation" "$(cat "$TMP/orphan.err")"
fi
"$KITGEN" translate --status --content "$O" >"$TMP/ostatus" 2>&1
if grep -q "^orphan     question cache-2 ($O/translations/de/topics/01-cache.yaml:23:3)$" "$TMP/ostatus"; then
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
	grep -q "^$B/translations/de/topics/01-cache.yaml:20:5: error: 'level' is structure, not text: a translation keeps the source's ids, levels, weights and numbers (remove it)$" "$TMP/struct.err" &&
	grep -q "^$B/translations/de/kit.yaml:45:5: error: 'weights' is structure, not text" "$TMP/struct.err"; then
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
if grep -q "01-cache.yaml:20:5: error: 'promt' is not a text of question 'cache-1' in the source$" "$TMP/unknown.err"; then
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

# ---- a fallback's prose is quoted (and hyphenated) as its source's language ----
# The German build's text left in English keeps English quotation marks
# in the PDF and the HTML; the German texts around it keep German ones.
Q=$(kit quotes)
sed -i 's/rationale: Both areas count the same\./rationale: Both areas count the "same", do they not./' "$Q/kit.yaml"
sed -i 's/Es hat zwei Themen/Es hat "zwei" Themen/' "$Q/translations/de/kit.yaml"
# a title left in English (a topic's, behind the marker) too
sed -i 's/^title: Design a job queue$/title: Design a "job" queue/' "$Q/topics/02-queue.yaml"
"$KITGEN" build -q --content "$Q" --templates "$ROOT/templates" --out "$TMP/qout" \
	-l de --format pdf,html 2>/dev/null
pdftotext "$TMP/qout/de/fixture-kit.pdf" "$TMP/qout/de.txt" 2>/dev/null
for f in "$TMP/qout/de.txt" "$TMP/qout/de/fixture-kit.html"; do
	case $f in *.txt) what=PDF ;; *) what=HTML ;; esac
	if grep -qF 'Both areas count the “same”, do they not.' "$f"; then
		ok "$what: a fallback in English keeps English quotation marks"
	else
		not_ok "$what: a fallback in English keeps English quotation marks" \
			"$(grep -o 'Both areas count[^<]*' "$f" | head -2)"
	fi
	if grep -qF 'Design a “job” queue' "$f" && ! grep -qF '„job“' "$f"; then
		ok "$what: a fallback title in English keeps English quotation marks"
	else
		not_ok "$what: a fallback title in English keeps English quotation marks" \
			"$(grep -o 'Design a[^<]*queue' "$f" | sort -u | head -4)"
	fi
done
if grep -qF 'Es hat „zwei“ Themen' "$TMP/qout/de.txt"; then
	ok "PDF: the German texts keep German quotation marks"
else
	not_ok "PDF: the German texts keep German quotation marks" \
		"$(grep -o 'Es hat.*Themen' "$TMP/qout/de.txt")"
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
if grep -q "^$W/translations/de/topics/01-cache.yaml:17:3: error: question 'cache-1' is translated twice$" "$TMP/twice.err" &&
	grep -q "^$W/translations/de/scenarios.yaml:10:3: note: first translated here$" "$TMP/twice.err"; then
	ok "an item translated twice is an error, with a note at the first"
else
	not_ok "an item translated twice is an error, with a note at the first" "$(cat "$TMP/twice.err")"
fi

# ---- lists of mappings without ids: loop.phases and signals, by position --------
# The German fixture translates the phases, the cache topic's signals (the
# second one's detail left out) and the scenario's signal.
# (the HTML's tags removed: the fallback's marker is a span of its own)
sed 's/<[^>]*>//g' "$html" >"$TMP/kit-html.txt"
for f in "$md" "$TMP/kit-html.txt" "$TMP/kit.txt"; do
	n=${f##*/}
	if grep -q 'Invalidierung' "$f" && grep -q 'Erklärt, wann Einträge verworfen werden.' "$f" &&
		grep -q 'Zuhören' "$f" && grep -q 'Gibt die Gegenseite fair wieder.' "$f" &&
		grep -q 'nicht übersetzt\\*\] Says what happens' "$f" &&
		! grep -q 'Explains when entries are dropped\|Restates the other side' "$f"; then
		ok "$n: signals translated by position, a missing detail marked"
	else
		not_ok "$n: signals translated by position, a missing detail marked" \
			"$(grep -n 'Invalid\|Zuhören\|Listening\|cache is down' "$f" | head -5)"
	fi
done
pdftotext "$TMP/out/de/panels/balanced-expert.pdf" "$TMP/packet.txt" 2>/dev/null
pdftotext "$TMP/out/de/candidates/balanced-expert.pdf" "$TMP/cand.txt" 2>/dev/null
for f in "$TMP/out/de/panels/balanced-expert.md" "$TMP/out/de/panels/balanced-expert.html" \
	"$TMP/packet.txt" "$TMP/out/de/panels/balanced-expert/round-1.md" \
	"$TMP/out/de/candidates/balanced-expert.md" "$TMP/out/de/candidates/balanced-expert.html" \
	"$TMP/cand.txt"; do
	n=${f#"$TMP/"}
	if grep -q 'Einstieg' "$f" && grep -q 'Material der Runde' "$f" &&
		grep -q 'Fragen der Kandidaten' "$f" && ! grep -q 'Main material\|Opening\|Introduce yourself' "$f"; then
		ok "$n: the loop's phases are German"
	else
		not_ok "$n: the loop's phases are German" "$(grep -n 'Einstieg\|Opening\|Main material' "$f" | head -5)"
	fi
done
if grep -q '^| Einstieg | 5 | Stellen Sie sich und den Ablauf vor. |$' "$TMP/out/de/panels/balanced-expert.md"; then
	ok "a packet's run of show gives the phase's translated name and what to do"
else
	not_ok "a packet's run of show gives the phase's translated name and what to do" \
		"$(grep -n '^| ' "$TMP/out/de/panels/balanced-expert.md" | head -5)"
fi

# drift: a signal's text changed, or the phases reordered, stales their item
R=$(kit rows)
sed -i 's/detail: Explains when entries are dropped./detail: Explains when entries are evicted./' "$R/topics/01-cache.yaml"
$PY - "$R/kit.yaml" <<'PYEOF'
import sys
p = sys.argv[1]
t = open(p).read()
a = "    - name: Opening\n      minutes: 5\n      what: Introduce yourself and the format.\n"
b = "    - name: Candidate's questions\n      minutes: 5\n      what: Answer what the candidate asks.\n"
assert a in t and b in t
open(p, "w").write(t.replace(a, "@A@").replace(b, a).replace("@A@", b))
PYEOF
"$KITGEN" check --content "$R" >/dev/null 2>"$TMP/rows.err"
if grep -q "^$R/translations/de/topics/01-cache.yaml:6:11: warning: the source of topic 'cache' changed since it was translated" "$TMP/rows.err" &&
	grep -q "^$R/translations/de/kit.yaml:4:9: warning: the source of the kit changed since it was translated" "$TMP/rows.err" &&
	grep -q '^0 errors, 2 warnings$' "$TMP/rows.err"; then
	ok "a changed signal stales its topic; reordered phases stale the kit (the key is the position)"
else
	not_ok "a changed signal stales its topic; reordered phases stale the kit (the key is the position)" "$(cat "$TMP/rows.err")"
fi
"$KITGEN" translate --status --format md --content "$R" >"$TMP/rows.md" 2>&1
if grep -q "^| signals\[1\].detail | Explains when entries are evicted. | Erklärt, wann Einträge verworfen werden. |$" "$TMP/rows.md" &&
	grep -q "^| signals\[2\].detail | Says what happens when the cache is down. | \*(none)\* |$" "$TMP/rows.md" &&
	grep -q "^| loop.phases\[1\].name | Candidate's questions | Einstieg |$" "$TMP/rows.md"; then
	ok "the to-do list gives each row's texts by position, source and translation side by side"
else
	not_ok "the to-do list gives each row's texts by position, source and translation side by side" \
		"$(grep -n 'signals\|phases' "$TMP/rows.md" | head)"
fi

# shape: a row's number is structure; rows keep the source's count; a row's
# field the source lacks is refused
Z=$(kit rowshape)
sed -i 's/^        what: Stellen Sie sich und den Ablauf vor.$/&\n        minutes: 6/' "$Z/translations/de/kit.yaml"
sed -i 's/^      - name: Umgang mit Ausfällen$/&\n        detial: Tippfehler/' "$Z/translations/de/topics/01-cache.yaml"
sed -i '/^    signals:$/,$d' "$Z/translations/de/scenarios.yaml"
printf '    signals:\n      - name: Zuhören\n      - name: Zu viel\n' >>"$Z/translations/de/scenarios.yaml"
"$KITGEN" check --content "$Z" >/dev/null 2>"$TMP/rowshape.err"
rc=$?
if [ $rc = 1 ] &&
	grep -q "^$Z/translations/de/kit.yaml:21:9: error: 'minutes' is structure, not text" "$TMP/rowshape.err" &&
	grep -q "^$Z/translations/de/topics/01-cache.yaml:12:9: error: 'detial' is not a text of 'signals' in the source$" "$TMP/rowshape.err" &&
	grep -q "^$Z/translations/de/scenarios.yaml:7:7: error: 'signals' translates a list of 1 mapping (by position): give as many, in the source's order$" "$TMP/rowshape.err"; then
	ok "a phase's minutes, a misspelt signal field and a list of another length are placed errors"
else
	not_ok "a phase's minutes, a misspelt signal field and a list of another length are placed errors" "rc=$rc" "$(grep error "$TMP/rowshape.err")"
fi

# the candidate's questions phase (a reference, not a text) follows its
# phase's translated name; a built-in phase may be named in English
C=$(kit qphase)
cat >>"$C/kit.yaml" <<'YEOF'
candidate_guide:
  welcome: Welcome.
  preparing: Sleep well.
  adjustments: Ask for what you need.
  after_the_loop: We decide within a week.
  questions_phase: Candidate's questions
YEOF
"$KITGEN" build -q --content "$C" --templates "$ROOT/templates" --out "$TMP/qout" \
	-l de --format md 2>/dev/null
# (a time's number and unit are joined by a no-break space)
if grep -q '^3\.  \*\*Fragen der Kandidaten\*\* (5.Minuten): Ihre Zeit, der interviewenden Person beliebige Fragen zu stellen' "$TMP/qout/de/candidates/balanced-expert.md" &&
	grep -q 'Die Phase „Fragen der Kandidaten“ (5.Min\.) gehört der bewerbenden Person' "$TMP/qout/de/panels/balanced-expert.md"; then
	ok "candidate_guide.questions_phase follows its phase into the translation"
else
	not_ok "candidate_guide.questions_phase follows its phase into the translation" \
		"$(grep -n 'Fragen der Kandidaten' "$TMP/qout/de/candidates/balanced-expert.md" "$TMP/qout/de/panels/balanced-expert.md" | head)"
fi
$PY - "$C/kit.yaml" <<'PYEOF'
import re, sys
p = sys.argv[1]
t = open(p).read()
t = re.sub(r"\nloop:\n  phases:\n(    .*\n|  .*\n)*?(?=  opening_script)", "\nloop:\n", t)
t = t.replace("questions_phase: Candidate's questions", "questions_phase: The candidate's questions")
open(p, "w").write(t)
PYEOF
rm -rf "$C/translations"
"$KITGEN" check -q --content "$C" >"$TMP/q2.err" 2>&1
"$KITGEN" build -q --content "$C" --templates "$ROOT/templates" --out "$TMP/q2out" \
	--format md 2>>"$TMP/q2.err"
sed -i 's/^version: \(.*\)$/version: \1\nlanguage: de/' "$C/kit.yaml"
"$KITGEN" build -q --content "$C" --templates "$ROOT/templates" --out "$TMP/q3out" \
	--format md 2>>"$TMP/q2.err"
if ! grep -q ': error: ' "$TMP/q2.err" &&
	grep -q "^3\.  \*\*The candidate's questions\*\* (5.minutes): your time to ask" "$TMP/q2out/candidates/balanced-expert.md" &&
	grep -q '(5.Minuten): Ihre Zeit, der interviewenden Person' "$TMP/q3out/candidates/balanced-expert.md"; then
	ok "a built-in phase named in English is the questions phase in a German build too"
else
	not_ok "a built-in phase named in English is the questions phase in a German build too" \
		"$(cat "$TMP/q2.err")" "$(grep -n '^[0-9]\.  ' "$TMP/q2out/candidates/balanced-expert.md" "$TMP/q3out/candidates/balanced-expert.md")"
fi

# ---- a candidate's loop, its cards and its debrief in the translation ------------
"$KITGEN" loop balanced-expert --candidate Ada --date 2026-12-01 --out "$TMP/loop" \
	--content "$K" --templates "$ROOT/templates" -l de >/dev/null 2>"$TMP/loop.err"
rc=$?
pdftotext "$TMP/loop/round-1.pdf" "$TMP/loop1.txt" 2>/dev/null
if [ $rc = 0 ] && grep -q '^| Einstieg | 5 | Stellen Sie sich und den Ablauf vor. |$' "$TMP/loop/round-1.md" &&
	grep -q 'Wie verhindern Sie einen Cache-Ansturm?' "$TMP/loop1.txt" &&
	grep -q 'Bewerber/in: Ada' "$TMP/loop/round-1.md" &&
	[ "$(grep -m1 'Inhalts-Prüfsumme' "$TMP/loop/round-1.md")" = \
		"$(grep -m1 'Inhalts-Prüfsumme' "$TMP/out/de/panels/balanced-expert/round-1.md")" ]; then
	ok "kitgen loop --language de: German round documents, with the German build's content digest"
else
	not_ok "kitgen loop --language de: German round documents, with the German build's content digest" \
		"rc=$rc" "$(cat "$TMP/loop.err")"
fi
"$KITGEN" loop balanced-expert --candidate Ada --date 2026-12-01 --out "$TMP/loopfr" \
	--content "$K" -l fr >/dev/null 2>"$TMP/loopfr.err"
if [ $? = 2 ] && grep -q "^kitgen loop: no translation 'fr' in .*/translations (present: de)$" "$TMP/loopfr.err" &&
	[ ! -e "$TMP/loopfr" ]; then
	ok "kitgen loop --language with no such translation is a usage error"
else
	not_ok "kitgen loop --language with no such translation is a usage error" "$(cat "$TMP/loopfr.err")"
fi
# without --language a loop speaks the kit's own language, as a build does
G=$(kit german)
sed -i 's/^version: \(.*\)$/version: \1\nlanguage: de/' "$G/kit.yaml"
"$KITGEN" loop balanced-expert --candidate Ada --date 2026-12-01 --out "$TMP/loopde" \
	--content "$G" --templates "$ROOT/templates" --format md >/dev/null 2>&1
if grep -q '^> \*\*Vertraulich – Unterlagen für Interviewende\*\*$' "$TMP/loopde/round-1.md"; then
	ok "kitgen loop on a kit in German writes kitgen's words in German"
else
	not_ok "kitgen loop on a kit in German writes kitgen's words in German" "$(head -5 "$TMP/loopde/round-1.md")"
fi
mkdir -p "$TMP/cards"
for r in 1 2; do
	"$KITGEN" card balanced-expert --content "$K" --round $r -l de 2>/dev/null |
		sed -e 's/^candidate: ""/candidate: Ada/' -e "s/^interviewer: \"\"/interviewer: i$r/" \
		    -e 's/^date: "".*/date: 2026-12-01/' -e 's/^    rating:$/    rating: strong/' \
		    -e 's/^overall:.*/overall: strong/' >"$TMP/cards/ada-$r.yaml"
done
"$KITGEN" score --content "$K" --templates "$ROOT/templates" -l de --out "$TMP/score" \
	"$TMP/cards/ada-1.yaml" "$TMP/cards/ada-2.yaml" >/dev/null 2>"$TMP/score.err"
rc=$?
if [ $rc = 0 ] && grep -q '^# Panel-Unterlagen: \[nicht übersetzt\] Balanced, Experte: Runde 1 von 2, Programmieren$' "$TMP/cards/ada-1.yaml" &&
	! grep -q 'warning' "$TMP/score.err" &&
	grep -q '^| 1 | Programmieren (Pflichtbereich) | 50 | i1: Stark |' "$TMP/score/debrief-ada.md"; then
	ok "kitgen card and score --language de: the cards carry the translation's digest, the debrief is German"
else
	not_ok "kitgen card and score --language de: the cards carry the translation's digest, the debrief is German" \
		"rc=$rc" "$(cat "$TMP/score.err")" "$(head -2 "$TMP/cards/ada-1.yaml")"
fi

# ---- the source adds to a list: drift, not an error; the list falls back --------
A=$(kit grows)
sed -i 's/^  - name: Failure handling$/  - name: Metrics\n    detail: Watches the hit rate.\n&/' "$A/topics/01-cache.yaml"
sed -i 's/^  - One TTL for everything.$/&\n  - Caches secrets./' "$A/topics/01-cache.yaml"
"$KITGEN" check --content "$A" >/dev/null 2>"$TMP/grows.err"
rc=$?
"$KITGEN" build -q --content "$A" --templates "$ROOT/templates" --out "$TMP/gout" -l de \
	--format md 2>/dev/null
if [ $rc = 0 ] && grep -q "^$A/translations/de/topics/01-cache.yaml:9:7: warning: 'signals' translates a list of 2 mappings, but the source now has 3: it falls back to the source until translated again$" "$TMP/grows.err" &&
	grep -q "^$A/translations/de/topics/01-cache.yaml:13:7: warning: 'red_flags' translates a list of 3 texts, but the source now has 4" "$TMP/grows.err" &&
	grep -q "01-cache.yaml:6:11: warning: the source of topic 'cache' changed since it was translated" "$TMP/grows.err" &&
	grep -q '^\*\*\\\[nicht übersetzt\\\] Metrics:\*\* \\\[nicht übersetzt\\\] Watches the hit rate\.$' "$TMP/gout/de/fixture-kit.md" &&
	grep -q '^>   - \\\[nicht übersetzt\\\] Caches secrets\.$' "$TMP/gout/de/fixture-kit.md"; then
	ok "a source list that grew after the stamp is drift: warnings, and the list falls back marked"
else
	not_ok "a source list that grew after the stamp is drift: warnings, and the list falls back marked" \
		"rc=$rc" "$(grep -v '^ ' "$TMP/grows.err")" "$(grep -n 'Metrics\|secrets' "$TMP/gout/de/fixture-kit.md")"
fi

# ---- names, settings and references stay as written ---------------------------
N=$(kit names)
sed -i 's/^  subtitle: Ein kleines Kit für Tests$/&\n  publisher: Testgilde/' "$N/translations/de/kit.yaml"
"$KITGEN" check --content "$N" >/dev/null 2>"$TMP/names.err"
if [ $? = 1 ] && grep -q "^$N/translations/de/kit.yaml:7:3: error: 'publisher' stays as written in every language (a name, a setting or a reference, not a text): remove it$" "$TMP/names.err"; then
	ok "a translated publisher is refused: names stay as written"
else
	not_ok "a translated publisher is refused: names stay as written" "$(cat "$TMP/names.err")"
fi

# ---- a translation's labels: kitgen's own words for its language ----------------
B2=$(kit labels)
printf 'labels:\n  toc.title: Überblick\n' >>"$B2/translations/de/kit.yaml"
mkdir -p "$B2/translations/it"
printf 'labels:\n  toc.title: Indice\nkit:\n  title: Kit di prova\n' >"$B2/translations/it/kit.yaml"
"$KITGEN" translate --stamp -l it --content "$B2" >/dev/null 2>&1
"$KITGEN" build -q --content "$B2" --templates "$ROOT/templates" --out "$TMP/lab" -l de \
	--format md 2>/dev/null
"$KITGEN" build -q --content "$B2" --templates "$ROOT/templates" --out "$TMP/lab" -l it \
	--format md 2>"$TMP/lab-it.err"
if grep -q '^## <a id="contents"></a>Überblick$' "$TMP/lab/de/fixture-kit.md" &&
	grep -q '^## <a id="contents"></a>Indice$' "$TMP/lab/it/fixture-kit.md" &&
	! grep -q 'no labels for language' "$TMP/lab-it.err"; then
	ok "a translation's labels: give kitgen's words for its language, with no labels file"
else
	not_ok "a translation's labels: give kitgen's words for its language, with no labels file" \
		"$(grep -n 'contents' "$TMP/lab/de/fixture-kit.md" "$TMP/lab/it/fixture-kit.md")" "$(cat "$TMP/lab-it.err")"
fi
printf '  toc.titel: Falsch\n' >>"$B2/translations/de/kit.yaml"
"$KITGEN" check --content "$B2" >/dev/null 2>"$TMP/lab.err"
rc=$?
n=$(wc -l <"$B2/translations/de/kit.yaml")
if [ $rc = 1 ] && grep -q "^$B2/translations/de/kit.yaml:$n:3: error: unknown label 'toc.titel' (did you mean 'toc.title'?)$" "$TMP/lab.err"; then
	ok "a translation's unknown label is an error at its place"
else
	not_ok "a translation's unknown label is an error at its place" "$(cat "$TMP/lab.err")"
fi

# ---- kitgen export --language: the packets' structure as the translation has it --
"$KITGEN" export --content "$K" -l de balanced-expert >"$TMP/export.json" 2>"$TMP/export.err"
rc=$?
if [ $rc = 0 ] && $PY - "$TMP/export.json" <<'PYEOF'
import json, sys
e = json.load(open(sys.argv[1]))
p = e["packets"][0] if "packets" in e else e["editions"][0]
r = p["rounds"][0]
assert r["phases"][0]["name"] == "Einstieg", r["phases"][0]
assert any(d["label"] == "F2: Einen Cache entwerfen" for d in r["dimensions"]), r["dimensions"]
PYEOF
then
	ok "kitgen export --language de: the translation's phases and the language's labels"
else
	not_ok "kitgen export --language de: the translation's phases and the language's labels" \
		"rc=$rc" "$(cat "$TMP/export.err")" "$(head -c 600 "$TMP/export.json")"
fi

# ---- kitgen serve --language: the translation's build, rebuilt on its save -----
if command -v curl >/dev/null 2>&1; then
	S2=$(kit serve)
	mkdir -p "$TMP/stmp"
	TMPDIR=$TMP/stmp "$KITGEN" serve --port 0 --content "$S2" --templates "$ROOT/templates" \
		-l de >"$TMP/serve.out" 2>"$TMP/serve.err" &
	spid=$!
	timeout 10 sh -c 'until grep -q "^serving" "$1"; do sleep 0.05; done' sh "$TMP/serve.out"
	sport=$(sed -n 's|^serving http://127.0.0.1:\([0-9]*\)/$|\1|p' "$TMP/serve.out")
	sget() { curl -s --max-time 5 "http://127.0.0.1:$sport$1"; }
	timeout 10 sh -c 'until curl -s --max-time 2 "$1" | grep -q Testkit; do sleep 0.05; done' \
		sh "http://127.0.0.1:$sport/fixture-kit.html"
	first=$(sget /fixture-kit.html | grep -c 'Wozu dient ein Cache?')
	sed -i 's/prompt: Wozu dient ein Cache?/prompt: Wofür ist ein Cache da?/' \
		"$S2/translations/de/topics/01-cache.yaml"
	timeout 10 sh -c 'until curl -s --max-time 2 "$1" | grep -q "Wofür ist ein Cache da?"; do sleep 0.05; done' \
		sh "http://127.0.0.1:$sport/fixture-kit.html"
	second=$?
	if [ -n "$sport" ] && [ "$first" -ge 1 ] && [ $second = 0 ] && sget / | grep -q 'lang="de"'; then
		ok "kitgen serve --language de serves the German build, rebuilt when the translation is saved"
	else
		not_ok "kitgen serve --language de serves the German build, rebuilt when the translation is saved" \
			"port=$sport first=$first second=$second" "$(cat "$TMP/serve.err")"
	fi
	kill -TERM "$spid"
	timeout 10 sh -c 'while kill -0 "$1" 2>/dev/null; do sleep 0.05; done' sh "$spid" || kill -KILL "$spid"
	"$KITGEN" serve --content "$S2" -l fr >/dev/null 2>"$TMP/servefr.err"
	if [ $? = 2 ] && grep -q "^kitgen serve: no translation 'fr'" "$TMP/servefr.err"; then
		ok "kitgen serve --language with no such translation is a usage error"
	else
		not_ok "kitgen serve --language with no such translation is a usage error" "$(cat "$TMP/servefr.err")"
	fi
fi
