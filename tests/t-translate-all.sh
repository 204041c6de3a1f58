#!/bin/sh
# t-translate-all.sh - every text of the content can be translated by id
# (content/README.md, "Translations"): a translation that replaces every
# text field of the model (`kitgen schema`'s free-text strings, less the
# names, settings and code that stay as written) with a marker, made by
# tests/trmarkers.py from the YAML and the schema, not from kitgen's own
# list, checks clean and leaves nothing to fall back; its build in every
# format (published kit, packets, per-round documents, candidate's guides)
# holds every marker and no source text; with the labels replaced as well
# no English word is left but ids, names and code. Then the German
# fixture's candidate's guide and packet pass the Nu Html Checker and axe.
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
export CHROMIUM

# The fixture kit with what it lacks: a watermark, a candidate's guide
# (with its contact and questions phase), and a behavioural area, so a
# packet runs the scenario (its past_behaviour shows only there).
K=$(fixture_copy all)
$PY - "$K" <<'EOF'
import sys
k = sys.argv[1]
t = open(k + "/kit.yaml").read()
t = t.replace("""    description: Designs for failure.
""", """    description: Designs for failure.
  - id: teamwork
    title: Teamwork
    description: Works through disagreement.
    behavioural: true
""")
t = t.replace("""      coding: 50
      systems: 50""", """      coding: 40
      systems: 30
      teamwork: 30""")
t += """watermark: Draft for the panel only
candidate_guide:
  welcome: Welcome to the loop.
  preparing: Sleep well and bring water.
  adjustments: Ask for extra time or pen and paper.
  after_the_loop: We decide within a week.
  contact: Write to the hiring desk.
  questions_phase: Candidate's questions
"""
t = t.replace("  # behavioural_area names the area of a behavioural round (none here)\n",
              "  behavioural_area: teamwork\n")
open(k + "/kit.yaml", "w").write(t)
s = open(k + "/scenarios.yaml").read()
open(k + "/scenarios.yaml", "w").write(s.replace("levels: [expert]", "levels: [fresher, expert]"))
EOF
"$KITGEN" schema >"$TMP/schema.json"
if $PY "$ROOT/tests/trmarkers.py" make "$TMP/schema.json" "$K" xx "$TMP/list" 2>"$TMP/make.err"; then
	ok "the test kit gives every text field of the model"
else
	not_ok "the test kit gives every text field of the model" "$(cat "$TMP/make.err")"
fi
texts=$(wc -l <"$TMP/list")

# ---- the translation is accepted whole ---------------------------------------------
"$KITGEN" check --content "$K" >/dev/null 2>"$TMP/check.err"
"$KITGEN" translate --stamp -l xx --content "$K" >/dev/null 2>&1
"$KITGEN" check -q --content "$K" >"$TMP/check2.err" 2>&1
if grep -q '^0 errors, ' "$TMP/check.err" && [ "$texts" -gt 140 ] && [ ! -s "$TMP/check2.err" ]; then
	ok "a translation of all $texts texts of the model checks clean (stamped: no warning)"
else
	not_ok "a translation of all $texts texts of the model checks clean" \
		"$(grep -v '^ ' "$TMP/check.err" | head -8)" "$(head -5 "$TMP/check2.err")"
fi
"$KITGEN" translate --status --content "$K" >"$TMP/status" 2>&1
rc=$?
if [ $rc = 0 ] && grep -q '^xx: 0 stale, 0 missing, 0 incomplete, 0 unstamped, 0 orphaned, of 15 items$' "$TMP/status"; then
	ok "translate --status has nothing to do: no item lacks a text"
else
	not_ok "translate --status has nothing to do: no item lacks a text" "rc=$rc" "$(head -8 "$TMP/status")"
fi

# ---- its build holds every marker and no source text -------------------------------
"$KITGEN" build --content "$K" --templates "$ROOT/templates" --out "$TMP/out" \
	--language xx >/dev/null 2>"$TMP/build.err"
rc=$?
if [ $rc = 0 ] && ! grep -q 'fall back' "$TMP/build.err"; then
	ok "build --language xx: no text falls back"
else
	not_ok "build --language xx: no text falls back" "rc=$rc" "$(head -5 "$TMP/build.err")"
fi
missing=
for f in fixture-kit panels/balanced-expert panels/balanced-expert/round-3 \
	panels/balanced-fresher/debrief candidates/balanced-expert candidates/balanced-fresher; do
	for x in md html pdf; do
		[ -s "$TMP/out/xx/$f.$x" ] || missing="$missing $f.$x"
	done
done
[ -z "$missing" ] && ok "the published kit, packets, round documents and candidate's guides in all three formats" ||
	not_ok "the published kit, packets, round documents and candidate's guides in all three formats" "missing:$missing"
"$KITGEN" labels >"$TMP/en.yaml"
$PY "$ROOT/tests/trmarkers.py" text "$TMP/out/xx" >"$TMP/text"
if $PY "$ROOT/tests/trmarkers.py" check "$TMP/list" "$TMP/text" "$TMP/en.yaml" >"$TMP/bad"; then
	ok "every text's marker shows in Markdown, HTML and PDF; no source text is left; no interviewer text reaches a candidate"
else
	not_ok "every text's marker shows in Markdown, HTML and PDF; no source text is left; no interviewer text reaches a candidate" \
		"$(head -20 "$TMP/bad")"
fi

# ---- with the labels replaced too: no English at all ---------------------------------
# kitgen's own words from templates/labels/xx.yaml, every one a marker
cp -R "$ROOT/templates" "$TMP/tpl"
$PY "$ROOT/tests/trmarkers.py" labels "$TMP/en.yaml" "$TMP/tpl/labels/xx.yaml"
"$KITGEN" build -q --content "$K" --templates "$TMP/tpl" --out "$TMP/lout" \
	--language xx >/dev/null 2>"$TMP/lbuild.err"
rc=$?
$PY "$ROOT/tests/trmarkers.py" text "$TMP/lout/xx" >"$TMP/ltext"
# Words that may show, for the reason given: none is a word kitgen or the
# kit writes in English.
ALLOW='
html markdown pdf   the formats index.html lists files in: names of file formats
kb                  the unit of a file size, the same in every language we ship
kitgen              the program named in the PDF document information
'
if [ $rc = 0 ] && [ ! -s "$TMP/lbuild.err" ] &&
	$PY "$ROOT/tests/trmarkers.py" check "$TMP/list" "$TMP/ltext" "$TMP/en.yaml" \
	--all-words "$K" "$ALLOW" >"$TMP/lbad"; then
	ok "with the labels replaced as well, no English word is left but ids, names and code"
else
	not_ok "with the labels replaced as well, no English word is left but ids, names and code" \
		"rc=$rc" "$(head -5 "$TMP/lbuild.err")" "$(head -30 "$TMP/lbad")"
fi

# ---- the German candidate's guide and packet: Nu and axe ------------------------------
D=$(fixture_copy de)
cp -R "$ROOT/tests/fixture/translations" "$D/"
"$KITGEN" build -q --content "$D" --templates "$ROOT/templates" --out "$TMP/de" \
	--language de --format html >/dev/null 2>&1
pages="$TMP/de/de/candidates/balanced-expert.html $TMP/de/de/panels/balanced-expert.html"
# shellcheck disable=SC2086 # one argument per page
nu_check "the Nu Html Checker finds no error or warning in the German candidate's guide and packet" \
	$pages
if [ ! -x "$CHROMIUM" ] || [ ! -d "$ROOT/node_modules/playwright-core" ]; then
	not_ok "Chromium and playwright-core are installed for axe"
else
	# shellcheck disable=SC2086
	node "$ROOT/tests/browser/check-html.mjs" --tables-fit $pages
fi
