#!/bin/sh
# t-htmlform.sh - a panel packet's scorecards filled in on screen: in
# headless Chromium (tests/browser/check-htmlform.mjs) two rounds are
# ticked, names and evidence typed (quotes, colons, line breaks), the
# live weighted total and gates read off the page and each round's card
# saved; `kitgen score` then reads the saved cards without a word and
# works out the same numbers the page showed, and a second YAML parser
# reads back exactly what was typed. With scripts off the page is the
# printable form, every card on one page. The page's policy runs the
# script by its hash and nothing else.
. "$(dirname "$0")/lib.sh"
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
export CHROMIUM
PY=/usr/bin/python3

build() { # build CONTENT OUT
	"$KITGEN" build --content "$1" --templates "$ROOT/templates" \
		--out "$2" --format md,html >/dev/null 2>"$TMP/err"
}

build "$FIXTURE" "$TMP/fx" || not_ok "the fixture builds" "$(cat "$TMP/err")"
build "$ROOT/content" "$TMP/full" || not_ok "the kit builds" "$(cat "$TMP/err")"
page="$TMP/fx/panels/balanced-expert.html"

# ---- the page ---------------------------------------------------------------

# the policy names the script's SHA-256, and the page has that one script
want=$(sed -n '/^<script>/,/<\/script>$/p' "$page" | sed '1s/^<script>//; $s/<\/script>$//' |
	head -c -1 | "$PY" -c 'import base64, hashlib, sys
print(base64.b64encode(hashlib.sha256(sys.stdin.buffer.read()).digest()).decode())')
check "the page's policy allows its form script by its hash" \
	grep -q "script-src 'sha256-$want' 'sha256-" "$page"
check "the page holds one script and one data block" \
	test "$(grep -c '<script' "$page")" = 2
check "the public kit has no script and no policy for one" \
	sh -c "! grep -q -e '<script' -e 'script-src' '$TMP/fx/fixture-kit.html'"
check "a card is a form with a radio per choice" \
	grep -q '<input type="radio" class="box" name="round-1-dim-cache-2" value="not-probed">' "$page"
check "the script has no '</script' or '<!--' in it" \
	sh -c "! grep -q -e '</script' -e '<!--' '$ROOT/generator/card_form.js'"
check "the script passes node's syntax check" node --check "$ROOT/generator/card_form.js"

nu_check "the Nu Html Checker finds no error or warning in the fillable packets" \
	"$page" "$TMP/full/panels/generalist-expert.html"

if [ ! -x "$CHROMIUM" ] || [ ! -d "$ROOT/node_modules/playwright-core" ]; then
	not_ok "Chromium and playwright-core are installed (apt-get install chromium; npm ci)"
	exit 0
fi

# ---- filled in, saved, scored -------------------------------------------------

# compare LIVE DEBRIEF.md CARDS...: what the page showed is what kitgen
# score worked out; each saved card holds what was typed
compare() {
	"$PY" - "$@" <<'PY'
import json, re, sys
import yaml

live = json.load(open(sys.argv[1]))
md = open(sys.argv[2], encoding="utf-8").read()
bad = []

def rows(title):
    """The body rows of the table under the heading whose id is title."""
    part = md.split(f'<a id="{title}"></a>', 1)[1]
    out = []
    for line in part.splitlines()[1:]:
        if line.startswith("#"):
            break
        if line.startswith("| ") and not line.startswith("| ---"):
            out.append([c.strip().replace("\\", "") for c in line.strip("|").split(" | ")])
    return out[1:]

deb = rows("rounds")
for mine, theirs in zip(live["rounds"], deb):
    rating = theirs[3].split(": ")[-1] if theirs[4] != "not rated" else "not rated"
    if mine[1] != rating:
        bad.append(f"round {theirs[0]}: page rates {mine[1]!r}, debrief {rating!r}")
    if theirs[4] != "not rated" and (mine[2], mine[4]) != (theirs[4], theirs[5]):
        bad.append(f"round {theirs[0]}: page {mine[2]}, {mine[4]}; debrief {theirs[4]}, {theirs[5]}")
if len(live["rounds"]) != len(deb):
    bad.append(f"{len(live['rounds'])} rounds on the page, {len(deb)} in the debrief")
for mine, theirs in zip(live["gates"], rows("gates")):
    if mine[2] != theirs[2]:
        bad.append(f"gate {theirs[0]}: page {mine[2]!r}, debrief {theirs[2]!r}")
# the total: the debrief's when every round is rated, else its rounds'
# points x weight summed as the page sums them
m = re.search(r"\*\*Weighted total:\*\* ([0-9.]+) ", md)
total = m.group(1) if m else "%.2f" % sum(float(r[5]) / 100 for r in deb if r[5])
if live["total"] != total:
    bad.append(f"weighted total: page {live['total']}, debrief {total}")
verdict = re.search(r"\*\*By the decision rule:\*\* \*\*(.*?)\*\*", md).group(1)
if live["verdict"] != verdict:
    bad.append(f"decision: page {live['verdict']!r}, debrief {verdict!r}")
for card in sys.argv[3:]:
    c = yaml.safe_load(open(card, encoding="utf-8"))
    n = c["round"]
    want = {"candidate": 'Ada "The Tester": O\'Neil',
            "interviewer": f"Grace: Hopper #{n}", "date": "2026-12-03"}
    for k, v in want.items():
        if c[k] != v:
            bad.append(f"{card}: {k} is {c[k]!r}, typed {v!r}")
    for i, (dim, r) in enumerate(c["ratings"].items()):
        ev = (f'Round {n}, line {i + 1}: said "use a token bucket": it\'s fair\n'
              f'- then: # not a comment \\ done')
        if r["evidence"] != ev:
            bad.append(f"{card}: {dim}'s evidence is {r['evidence']!r}")
        if r["prompted"] is not (i == 0):
            bad.append(f"{card}: {dim}'s prompted is {r['prompted']!r}")
for b in bad:
    print(b)
sys.exit(1 if bad else 0)
PY
}

# run NAME CONTENT PAGE SPEC...: fill in, save, score, compare
run() {
	name=$1 content=$2 html=$3
	shift 3
	out="$TMP/$name"
	node "$ROOT/tests/browser/check-htmlform.mjs" "$out" "$html" "$@" |
		sed "s/^\(not \)\{0,1\}ok - /&$name: /"
	if [ ! -s "$out/live.json" ] || [ -z "$(ls "$out/cards" 2>/dev/null)" ]; then
		not_ok "$name: the page was filled in and its cards saved"
		return
	fi
	"$KITGEN" score --content "$content" --out "$out/debrief" "$out"/cards/*.yaml \
		>/dev/null 2>"$out/score.err"
	status=$?
	[ "$status" = 0 ] && [ ! -s "$out/score.err" ] &&
		ok "$name: kitgen score reads the saved cards without an error or a warning" ||
		not_ok "$name: kitgen score reads the saved cards without an error or a warning" \
			"status $status" "$(head -10 "$out/score.err")"
	debrief=$(ls "$out"/debrief/debrief-*.md 2>/dev/null | head -1)
	if [ -z "$debrief" ]; then
		not_ok "$name: kitgen score wrote a debrief"
	elif problems=$(compare "$out/live.json" "$debrief" "$out"/cards/*.yaml 2>&1); then
		ok "$name: the page's live total, gates and decision are the debrief's; the cards hold what was typed"
	else
		not_ok "$name: the page's live total, gates and decision are the debrief's; the cards hold what was typed" \
			"$problems"
	fi
}

# both rounds of the fixture: a hire at 2.50
run fixture-hire "$FIXTURE" "$page" 1:acceptable:strong 2:strong:acceptable
# a Weak must-have round: no hire, whatever the total
run fixture-weak "$FIXTURE" "$TMP/fx/panels/balanced-fresher.html" \
	1:weak:weak 2:strong:strong,not-probed
# two rounds of five of the real kit, lines not probed: incomplete, the
# total so far
run kit-two-rounds "$ROOT/content" "$TMP/full/panels/generalist-expert.html" \
	1:strong:strong,not-probed 3:weak:acceptable,weak

# ---- a German page: its live figures in German --------------------------------------
# The fixture in German, hired at 2.50: the page shows every figure with
# the decimal comma and joins its words with the labels' punctuation, as
# the debrief does; its data-total and the saved cards keep the point.
de=$TMP/de
mkdir -p "$de"
cp -R "$FIXTURE" "$de/content"
sed -i -e 's/^version: \(.*\)$/version: \1\nlanguage: de/' \
	-e 's/^decision_rule: .*/decision_rule: Einstellung ab 2,25, mit 0 Bereichen unter 2,00./' \
	"$de/content/kit.yaml"
build "$de/content" "$de/out" || not_ok "the German fixture builds" "$(cat "$TMP/err")"
node "$ROOT/tests/browser/check-htmlform.mjs" "$de/run" "$de/out/panels/balanced-expert.html" \
	1:acceptable:strong 2:strong:acceptable >"$de/node.out" 2>&1
"$KITGEN" score --content "$de/content" --out "$de/debrief" "$de"/run/cards/*.yaml >/dev/null 2>&1
if out=$("$PY" - "$de/run/live.json" "$de"/debrief/debrief-*.md <<'PY' 2>&1
import json, re, sys
live = json.load(open(sys.argv[1]))
md = open(sys.argv[2], encoding="utf-8").read()
bad = []
shown = [c for r in live["rounds"] + live["gates"] for c in r] + [live["line"]] + live["scores"]
for t in shown:
    if re.search(r"\d\.\d\d", t):
        bad.append("a point in %r" % t)
if live["line"] != "Gewichtetes Gesamtergebnis: 2,50. Nach der Entscheidungsregel: Einstellung.":
    bad.append("the live line reads %r" % live["line"])
if [r[2] for r in live["rounds"]] != ["2,00", "3,00"] or live["total"] != "2.50":
    bad.append("rounds %r, data-total %r" % ([r[2] for r in live["rounds"]], live["total"]))
if "**Gewichtetes Gesamtergebnis:** 2,50 " not in md:
    bad.append("the debrief's total is not 2,50")
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
); then
	ok "a German page shows its live figures with a decimal comma and German punctuation, as the debrief"
else
	not_ok "a German page shows its live figures with a decimal comma and German punctuation, as the debrief" \
		"$out" "$(grep '^not ok' "$de/node.out" | head -3)"
fi

# ---- scripts off: the printable form ----------------------------------------------

for name in fixture-hire kit-two-rounds; do
	case $name in
	fixture-hire) md="$TMP/fx/panels/balanced-expert.md" ;;
	*) md="$TMP/full/panels/generalist-expert.md" ;;
	esac
	if [ -s "$TMP/$name/nojs.pdf" ] &&
		out=$("$PY" "$ROOT/tests/formcheck.py" printed "$TMP/$name/nojs.pdf" "$md" 2>&1); then
		ok "$name: printed with scripts off, every scorecard is on one page with room to write"
	else
		not_ok "$name: printed with scripts off, every scorecard is on one page with room to write" "$out"
	fi
done
