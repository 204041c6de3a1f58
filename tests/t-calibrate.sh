#!/bin/sh
# t-calibrate.sh - kitgen calibrate on a hand-worked set of cards: counts,
# point-biserial r and Krippendorff's alpha as worked out by hand (and in
# /usr/bin/python3 from the same data), the CSV, the SVG charts,
# --anonymise, and a bad card writing nothing.
. "$(dirname "$0")/lib.sh"

# card DIR CANDIDATE ROUND INTERVIEWER OVERALL: a card of the fixture's
# balanced-expert packet (round 1 Coding rates question cache-2, round 2
# Systems question queue-2), every dimension rated as the overall
card() {
	"$KITGEN" card balanced-expert --content "$FIXTURE" --round "$3" |
		sed -e "s/^candidate: \"\"/candidate: $2/" \
		    -e "s/^interviewer: \"\"/interviewer: $4/" \
		    -e "s/^date: \"\".*/date: 2026-12-01/" \
		    -e "s/^    rating:\$/    rating: $5/" \
		    -e "s/^overall:.*/overall: $5/" >"$1/$2-$3-$4.yaml"
}

# The fixture's rule: coding (round 1) is a must-have, 50/50 weights,
# hire at 2.25, no Weak area allowed.
#   A: round 1 Strong (Grace) and Acceptable (Alan), round 2 Strong: 2.75, hire
#   B: Acceptable, Strong: 2.50, hire
#   C: round 1 Weak (Grace) and Weak (Alan), round 2 Acceptable: no hire
#   D: Acceptable, Acceptable: 2.00, no hire
# Round 1's question cache-2, by its cards' points and decisions:
#   x = 3 2 2 1 1 2, y = 1 1 1 0 0 0: M1 = 7/3, M0 = 4/3, s = sqrt(17/36),
#   p = 1/2: r = (1 / 0.6872) × 0.5 = 0.7276
# Agreement on round 1: units {Strong, Acceptable} and {Weak, Weak}:
#   margins weak 2, acceptable 1, strong 1, n = 4; D_o = 2 × 1,
#   D_e = 2 × (2×1×2.25 + 2×1×6.25 + 1×1×1) = 36: alpha = 1 - 3 × 2 / 36 = 0.8333
d=$TMP/cards
mkdir -p "$d"
card "$d" A 1 Grace strong
card "$d" A 1 Alan acceptable
card "$d" A 2 Linus strong
card "$d" B 1 Grace acceptable
card "$d" B 2 Linus strong
card "$d" C 1 Grace weak
card "$d" C 1 Alan weak
card "$d" C 2 Linus acceptable
card "$d" D 1 Alan acceptable
card "$d" D 2 Linus acceptable
"$KITGEN" calibrate --content "$FIXTURE" --out "$TMP/out" "$d"/*.yaml \
	>"$TMP/stdout" 2>"$TMP/stderr"
check "calibrate exits 0 on good cards" test -s "$TMP/out/calibration.csv"
for f in md html pdf csv; do
	check "calibrate writes calibration.$f" test -s "$TMP/out/calibration.$f"
done

row=$(grep '^question,"cache-2",' "$TMP/out/calibration.csv" | tr -d '\r')
want='question,"cache-2","cache",1,3,2,0,0.0000,0.7276,6,0.8333,2,too few cards to judge,,,'
[ "$row" = "$want" ] &&
	ok "round 1's question: counts, r = 0.7276 over 6, alpha = 0.8333 over 2 pairs" ||
	not_ok "round 1's question: counts, r = 0.7276 over 6, alpha = 0.8333 over 2 pairs" \
		"got:  $row" "want: $want"
check "rows are the rounds' questions, by id, and nothing else" test \
	"$(grep -v '^kind,\|^overall,\|^interviewer,' "$TMP/out/calibration.csv" | cut -d, -f1,2 | tr -d '\r' | tr '\n' ' ')" = \
	'question,"cache-2" question,"queue-2" '
# the same figures worked out again, independently, in Python
py=$(/usr/bin/python3 -c '
x=[3,2,2,1,1,2]; y=[1,1,1,0,0,0]; n=len(x); mx=sum(x)/n; my=sum(y)/n
c=sum((a-mx)*(b-my) for a,b in zip(x,y))
v=(sum((a-mx)**2 for a in x)*sum((b-my)**2 for b in y))**0.5
print("%.4f" % (c/v))')
case $row in
*",$py,6,"*) ok "r agrees with Python's ($py)" ;;
*) not_ok "r agrees with Python's ($py)" "$row" ;;
esac
# ... and Krippendorff's ordinal alpha from its definition: the coincidence
# matrix of the units {Strong, Acceptable} and {Weak, Weak} (ranks weak 0,
# acceptable 1, strong 2), ordinal distances from the margins
pa=$(/usr/bin/python3 -c '
units=[[2,1],[0,0]]; K=3
o=[[0.0]*K for _ in range(K)]
for u in units:
    m=len(u)
    for i,c in enumerate(u):
        for j,k in enumerate(u):
            if i!=j: o[c][k]+=1.0/(m-1)
nc=[sum(r) for r in o]; n=sum(nc)
def d2(c,k):
    lo,hi=min(c,k),max(c,k)
    return 0.0 if c==k else (sum(nc[lo:hi+1])-(nc[c]+nc[k])/2.0)**2
do=sum(o[c][k]*d2(c,k) for c in range(K) for k in range(K))
de=sum(nc[c]*nc[k]*d2(c,k) for c in range(K) for k in range(K))/(n-1)
print("%.4f" % (1-do/de))')
case $row in
*",6,$pa,2,"*) ok "alpha agrees with Python's ($pa)" ;;
*) not_ok "alpha agrees with Python's ($pa)" "$row" ;;
esac
grep -q '^overall,,,,,,,,,,0.8333,2,,10,,' "$TMP/out/calibration.csv" &&
	ok "the overall agreement and the card count" ||
	not_ok "the overall agreement and the card count" "$(sed -n 2p "$TMP/out/calibration.csv")"
# Alan: A round 1 Acceptable (2) against A's other cards 3 and 3: -1; C
# round 1 Weak (1) against 1 and 2: -0.5; D Acceptable (2) against 2: 0
grep -q '^interviewer,"Alan",,,,,,,,,,,,3,-0.5000,3' "$TMP/out/calibration.csv" &&
	ok "leniency against the rest of the panel" ||
	not_ok "leniency against the rest of the panel" "$(grep Alan "$TMP/out/calibration.csv")"
check "the HTML draws the ratings as inline SVG" grep -q '<svg xmlns="http://www.w3.org/2000/svg" role="img"' "$TMP/out/calibration.html"
check "the HTML loads nothing" sh -c "! grep -qE '<script|src=\"http' '$TMP/out/calibration.html'"

# The PDF draws the same charts (pdf_chart.c): per question a bar cut in
# the style's band colours (templates/pdf/style.yaml), each piece as wide
# as its share of the CSV's counts, the legend's squares in those colours,
# an axis, and a Figure with alternative text in the structure tree.
chart=$(/usr/bin/python3 - "$TMP/out/calibration.pdf" "$TMP/out/calibration.csv" \
	"$ROOT/templates/pdf/style.yaml" <<'PY'
import csv, re, sys
import fitz

doc = fitz.open(sys.argv[1])
rows = {r[1]: [int(x) for x in r[3:7]] for r in csv.reader(open(sys.argv[2]))
        if r and r[0] == "question"}
style = open(sys.argv[3]).read()
want = [int(re.search(r"^  %s: \"#([0-9a-f]{6})\"" % k, style, re.M).group(1), 16)
        for k in ("strong", "acceptable", "weak", "muted")]
bad = []
page = next(p for p in doc if "Ratings by band, per question" in p.get_text())
rgb = lambda c: (round(c[0] * 255) << 16) | (round(c[1] * 255) << 8) | round(c[2] * 255)
rects = [(d["rect"], rgb(d["fill"])) for d in page.get_drawings()
         if d.get("fill") and d["items"] and d["items"][0][0] == "re"]
swatches = sorted((r.x0, c) for r, c in rects if abs(r.width - 7) < 0.5 and abs(r.height - 7) < 0.5)
if [c for _, c in swatches[:4]] != want:
    bad.append(f"legend colours {[hex(c) for _, c in swatches[:4]]}, want the style's {[hex(c) for c in want]}")
bars = {}
for r, c in rects:
    if abs(r.height - 13) < 0.5:
        bars.setdefault(round(r.y0, 1), []).append((r.x0, r.width, c))
labels = {}
for w in page.get_text("words"):  # the chart's label, above the table's
    labels.setdefault(w[4], w[1])
for name, counts in rows.items():
    y = labels.get(name)
    bar = next((sorted(v) for k, v in bars.items() if y is not None and k - 2 < y < k + 13), None)
    if bar is None:
        bad.append(f"no bar beside {name}")
        continue
    full = sum(w for _, w, _ in bar)
    shown = [(i, n) for i, n in enumerate(counts) if n]
    if [c for _, _, c in bar] != [want[i] for i, _ in shown]:
        bad.append(f"{name}: colours {[hex(c) for _, _, c in bar]} for counts {counts}")
    for (x, w, c), (i, n) in zip(bar, shown):
        if abs(w / full - n / sum(counts)) > 0.002:
            bad.append(f"{name}: piece {i} is {w / full:.3f} of the bar, count {n} of {sum(counts)}")
if not all(t in page.get_text() for t in ("0%", "50%", "100%")):
    bad.append("no axis from 0% to 100%")
figs = [x for x in range(1, doc.xref_length()) if doc.xref_get_key(x, "S")[1] == "/Figure"]
alts = [doc.xref_get_key(x, "Alt")[1] for x in figs]
# its content: the bars' marked run and the labels' (the rest is artifacts)
for x in figs:
    if len(doc.xref_get_key(x, "K")[1].strip("[]").split()) < 2:
        bad.append(f"the Figure marks {doc.xref_get_key(x, 'K')[1]}, not its bars and its text")
if len(alts) != 1 or "cache-2: Strong 1, Acceptable 3, Weak 2, Not probed 0." not in alts[0]:
    bad.append(f"Figure elements' /Alt: {alts}")
print("\n".join(bad))
PY
)
[ -z "$chart" ] &&
	ok "the PDF draws each question's bar in band colours, pieces in proportion to the counts, as a Figure with /Alt" ||
	not_ok "the PDF draws each question's bar in band colours, pieces in proportion to the counts, as a Figure with /Alt" "$chart"

"$KITGEN" calibrate --anonymise --content "$FIXTURE" --out "$TMP/anon" "$d"/*.yaml >/dev/null 2>&1
check "--anonymise: no interviewer's name in any report" \
	sh -c "! grep -rqE 'Grace|Alan|Linus' '$TMP/anon'"

printf 'overall: brilliant\n' >>"$d/D-2-Linus.yaml"
"$KITGEN" calibrate --content "$FIXTURE" --out "$TMP/bad" "$d"/*.yaml >/dev/null 2>"$TMP/err"; rc=$?
check "a bad card: exit 1, nothing written" test "$rc" = 1 -a ! -e "$TMP/bad/calibration.csv"
"$KITGEN" calibrate >/dev/null 2>&1; rc=$?
check "calibrate without cards is a usage error" test "$rc" = 2

# Rows are the questions first, then topics' practical scenarios, then
# behavioural scenarios: a fixture whose fresher coding round ends with
# the cache topic's exercise, and a behavioural round (conduct).
kit=$(fixture_copy mixed)
sed -i 's/^    minutes: 12$/    minutes: 5/; s/^  prompt: Cache the recruiter.s candidate cards.$/&\n  minutes: 10/' "$kit/topics/01-cache.yaml"
sed -i 's/^    description: Designs for failure.$/&\n  - id: conduct\n    title: Conduct\n    description: Works with others.\n    behavioural: true/' "$kit/kit.yaml"
sed -i 's/^      coding: 50$/      coding: 40/; s/^      systems: 50$/      systems: 40\n      conduct: 20/' "$kit/kit.yaml"
sed -i 's/^  # behavioural_area names .*$/  behavioural_area: conduct/' "$kit/kit.yaml"
sed -i 's/^    levels: \[expert\]$/    levels: [fresher, expert]/' "$kit/scenarios.yaml"
mkdir -p "$TMP/mixed-cards"
for who in E F; do
	for r in 1 2 3; do
		"$KITGEN" card balanced-fresher --content "$kit" --round "$r" |
			sed -e "s/^candidate: \"\"/candidate: $who/" \
			    -e "s/^interviewer: \"\"/interviewer: I$r/" \
			    -e "s/^date: \"\".*/date: 2026-12-01/" \
			    -e "s/^    rating:\$/    rating: strong/" \
			    -e "s/^overall:.*/overall: strong/" >"$TMP/mixed-cards/$who-$r.yaml"
	done
done
"$KITGEN" calibrate --content "$kit" --out "$TMP/mixed" "$TMP"/mixed-cards/*.yaml \
	>/dev/null 2>"$TMP/mixed.err"
rows=$(grep -v '^kind,\|^overall,\|^interviewer,' "$TMP/mixed/calibration.csv" 2>/dev/null |
	cut -d, -f1,2 | tr -d '\r' | tr '\n' ' ')
[ "$rows" = 'question,"cache-1" question,"queue-1" exercise,"cache-scenario" scenario,"design-dispute" ' ] &&
	ok "rows: questions, then practical scenarios, then behavioural scenarios" ||
	not_ok "rows: questions, then practical scenarios, then behavioural scenarios" \
		"$rows" "$(cat "$TMP/mixed.err")"

# the reports pass the same checkers as every kit (markdownlint when
# installed)
nu_check "the Nu Html Checker passes the HTML reports" "$TMP/out/calibration.html"
if [ -x "$ROOT/node_modules/.bin/markdownlint-cli2" ]; then
	check "markdownlint passes the Markdown reports" \
		"$ROOT/node_modules/.bin/markdownlint-cli2" "$TMP/out/calibration.md"
fi
