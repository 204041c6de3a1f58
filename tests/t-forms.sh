#!/bin/sh
# t-forms.sh - the forms of every panel packet, as printed: each
# scorecard with its instruction and each debrief sheet on one sheet, in
# the PDF on A4 and on Letter and in a browser's print of the HTML; boxes
# drawn and at least 4 mm; the Evidence column at least 45% of the card;
# rows with room to write; signature lines drawn; no page of a packet
# less than a fifth full but a section's last; every packet named for
# itself. For content/, the test fixture, a kit made by `kitgen init`, a
# kit whose round holds more lines than a card (two cards) and one of
# eight areas with long titles (the longest debrief). The checks
# are tests/formcheck.py's (PyMuPDF).
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3
CHECK="$PY $ROOT/tests/formcheck.py"
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

if ! $PY -c 'import fitz' 2>/dev/null; then
	not_ok "PyMuPDF is installed for the form checks (apt-get install python3-fitz)"
	exit 0
fi

build() { # build CONTENT OUT [ARGS...]
	content=$1 out=$2
	shift 2
	"$KITGEN" build --content "$content" --templates "$ROOT/templates" \
		--out "$out" "$@" >/dev/null 2>"$TMP/err"
}

# check_packets NAME DIR: every packet of a build, each check of formcheck.py
check_packets() {
	name=$1 dir=$2 n=0
	for pdf in "$dir"/panels/*.pdf; do
		[ -f "$pdf" ] || continue
		md=${pdf%.pdf}.md
		id=$(basename "${pdf%.pdf}")
		for what in cards drawn; do
			if out=$($CHECK $what "$pdf" "$md" 2>&1); then :; else
				not_ok "$name: $id: $what" "$out"
				n=$((n + 1))
			fi
		done
		if out=$($CHECK full "$pdf" 2>&1); then :; else
			not_ok "$name: $id: pages at least a fifth full" "$out"
			n=$((n + 1))
		fi
	done
	[ $n = 0 ] && ok "$name: every scorecard and debrief sheet on one page, boxes drawn, evidence room, pages full"
}

# ---- the kits --------------------------------------------------------------------

"$KITGEN" init "$TMP/initkit" --role DevOps >/dev/null 2>&1
long=$(fixture_copy long)
for i in 1 2 3 4 5 6 7 8 9 10; do
	cat >>"$long/topics/01-cache.yaml" <<YAML
  - id: cache-extra-$i
    level: fresher
    minutes: 5
    prompt: Extra question $i about caches, long enough to wrap in its cell?
    recruiter_cues:
      - Mentions speed.
    strong_answer: A strong answer.
    weak_answer: A weak answer.
    weak_because: It is vague.
    follow_ups:
      - What then?
YAML
done
# a pinned round takes all ten: more lines than one card holds
sed -i 's/^    must_have: \[coding\]$/    must_have: [coding]\n    rounds:\n      - area: coding\n        topic: cache\n        minutes: 70/' \
	"$long/kit.yaml"

# eight areas (the most a kit may have), eight topics with long titles and
# a dozen questions each at fresher: the debrief's longest sheet
wide=$(fixture_copy wide)
(cd "$wide" && $PY - <<'PY'
import os, re
kit = open("kit.yaml").read()
areas = "areas:\n" + "".join(
    f"  - id: a{i}\n    title: Area number {i}\n    description: Area {i}.\n"
    for i in range(8))
kit = re.sub(r"areas:\n(  - id: .*\n    title: .*\n    description: .*\n)+",
             areas, kit, count=1)
weights = "    weights:\n" + "".join(
    f"      a{i}: {13 if i < 4 else 12}\n" for i in range(8))
kit = re.sub(r"    weights:\n      coding: 50\n      systems: 50\n", weights, kit)
open("kit.yaml", "w").write(kit.replace("must_have: [coding]", "must_have: [a0, a1]"))
queue = open("topics/02-queue.yaml").read()
title = ("A topic title that runs long on purpose, to see that a scorecard "
         "line wraps onto three lines of its cell")
for i in range(8):
    t = queue.replace("id: queue\n", f"id: t{i}\n")
    t = t.replace("title: Design a job queue", f"title: {title} {i}")
    t = t.replace("areas: [systems]", f"areas: [a{i}]")
    t = t.replace("queue-1", f"t{i}-1").replace("queue-2", f"t{i}-2")
    t += "".join(f"""  - id: t{i}-x{j}
    level: fresher
    prompt: Extra {j}?
    recruiter_cues:
      - Cue.
    strong_answer: Strong.
    weak_answer: Weak.
    weak_because: Vague.
    follow_ups:
      - Then?
    minutes: 30
""" for j in range(12))
    open(f"topics/{i + 3:02d}-t{i}.yaml", "w").write(t)
os.remove("topics/01-cache.yaml")
os.remove("topics/02-queue.yaml")
PY
)

for kit in "$ROOT/content" "$FIXTURE" "$TMP/initkit/content" "$long" "$wide"; do
	case $kit in
	"$ROOT/content") k=content ;;
	"$FIXTURE") k=fixture ;;
	"$long") k=long ;;
	"$wide") k=wide ;;
	*) k=init ;;
	esac
	for paper in a4 letter; do
		if build "$kit" "$TMP/$k-$paper" --format pdf,md,html --paper "$paper"; then
			check_packets "$k on $paper" "$TMP/$k-$paper"
		else
			not_ok "$k builds on $paper" "$(cat "$TMP/err")"
		fi
	done
done

md="$TMP/long-a4/panels/balanced-fresher.md"
check "a round of 12 lines gets two cards" grep -q 'Scorecard, card 2 of 2' "$md"
check "a card has Not probed and Prompted columns (Markdown)" \
	grep -q '^| Dimension | Strong | Acceptable | Weak | Not probed | Prompted | Evidence |$' "$md"
check "a card's line has a [ ] per choice and mark (Markdown)" \
	grep -q '^| \*\*Q[0-9]*: Design a cache\*\* | \[ \] | \[ \] | \[ \] | \[ \] | \[ \] | |$' "$md"
check "no box is a glyph in Markdown" sh -c "! grep -q '☐' $TMP/content-a4/panels/*.md"
check "no box is a glyph in HTML" sh -c "! grep -q '☐' $TMP/content-a4/panels/*.html $TMP/long-a4/panels/*.html"

# ---- names ------------------------------------------------------------------------

titles=0
for pdf in "$TMP"/content-a4/panels/*.pdf; do
	t=$(pdfinfo "$pdf" | sed -n 's/^Title: *//p')
	case $t in
	"Panel packet: "*" — Backend Engineering Interview Kit") ;;
	*) not_ok "$(basename "$pdf"): the PDF title names the packet" "$t"; titles=$((titles + 1)) ;;
	esac
	h=${pdf%.pdf}.html
	grep -q "<title>$t</title>" "$h" ||
		{ not_ok "$(basename "$h"): <title> names the packet" "$(grep '<title>' "$h")"; titles=$((titles + 1)); }
done
n=$(for pdf in "$TMP"/content-a4/panels/*.pdf; do pdfinfo "$pdf" | grep '^Title:'; done | sort -u | wc -l)
[ "$n" = "$(ls "$TMP"/content-a4/panels/*.pdf | wc -l)" ] || { not_ok "every packet has a title of its own" "$n titles"; titles=1; }
[ $titles = 0 ] && ok "every packet's PDF title and HTML <title> name it"
check "the public kit keeps its own PDF title" sh -c \
	"pdfinfo '$TMP/content-a4/backend-interview-kit.pdf' | grep -q '^Title: *Backend Engineering Interview Kit\$'"

check "the HTML prints on A4" grep -q 'size: 595.28pt 841.89pt;' \
	"$TMP/content-a4/panels/generalist-expert.html"
check "the HTML prints on Letter with --paper letter" grep -q 'size: 612.00pt 792.00pt;' \
	"$TMP/content-letter/panels/generalist-expert.html"

# ---- printed from a browser ---------------------------------------------------------

if [ ! -x "$CHROMIUM" ]; then
	not_ok "Chromium is installed for the print test (apt-get install chromium)"
	exit 0
fi
for paper in a4 letter; do
	bad=0
	for html in "$TMP/content-$paper"/panels/*.html "$TMP/long-$paper"/panels/*.html \
		"$TMP/wide-$paper"/panels/*.html; do
		pdf=${html%.html}.printed.pdf
		"$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run \
			--disable-background-networking --disable-component-update \
			--disable-sync --print-to-pdf="$pdf" --no-pdf-header-footer \
			"file://$html" >/dev/null 2>&1
		case $paper in a4) size="59[45].* x 841.*" ;; *) size="612 x 792" ;; esac
		if [ ! -s "$pdf" ]; then
			not_ok "Chromium prints $(basename "$html")"
			bad=1
		elif ! pdfinfo "$pdf" | grep -q "^Page size: *$size"; then
			not_ok "$paper: $(basename "$html") prints on $paper" "$(pdfinfo "$pdf" | grep 'Page size')"
			bad=1
		elif ! out=$($CHECK printed "$pdf" "${html%.html}.md" 2>&1); then
			not_ok "$paper: $(basename "$html") printed: every scorecard on one page" "$out"
			bad=1
		fi
	done
	[ $bad = 0 ] && ok "$paper: every packet's HTML prints on $paper, each scorecard and the debrief sheet on one page"
done
