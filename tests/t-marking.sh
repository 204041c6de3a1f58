#!/bin/sh
# t-marking.sh - every edition says who it is for (generator/edition.c).
# The published kit holds every answer key: its cover and every page of
# it say "Contains answer keys — not for candidates" (each PDF page's
# footer, the cover's too; the HTML's header, footer and every printed
# page's foot; the top of the Markdown). A panel packet is interviewer
# material: "Confidential — interviewer material", in the same places.
# A candidate's guide carries neither. kit.yaml's watermark, in a copy of
# content/, is drawn on every page of every packet's PDF as a watermark
# artifact under the text and in no structure element
# (tests/markcheck.py), and laid over the packet's HTML, out of the way of
# pointer and screen reader; unset, or on any other edition, it is not
# there. kitgen list and index.html say who each edition is for.
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3
KEYS='Contains answer keys — not for candidates'
CONF='Confidential — interviewer material'
WM='CONFIDENTIAL — Acme Corp'

build() { # build CONTENT OUT: every edition, every format
	"$KITGEN" build -q --content "$1" --templates "$ROOT/templates" \
		--out "$2" >/dev/null 2>"$TMP/err"
}

# pages_marked NAME PDF TEXT: every page of PDF (pdftotext, page by page)
# has a line that is TEXT: its footer; the cover two, its notice and its
# foot
pages_marked() {
	n=$(pdfinfo "$2" 2>/dev/null | awk '/^Pages:/ { print $2 }')
	bad=
	p=1
	while [ "$p" -le "${n:-0}" ]; do
		want=1
		[ "$p" = 1 ] && want=2
		[ "$(pdftotext -enc UTF-8 -f "$p" -l "$p" "$2" - 2>/dev/null |
			grep -cxF "$3")" -ge $want ] || bad="$bad $p"
		p=$((p + 1))
	done
	if [ -n "$n" ] && [ "$n" -gt 0 ] && [ -z "$bad" ]; then
		ok "$1: all $n pages say '$3'"
	else
		not_ok "$1: every page says '$3'" "pages without it:${bad:- (no pages)}"
	fi
}

# pdf_lacks NAME PDF TEXT...: no page of PDF holds any TEXT
pdf_lacks() {
	_what=$1 _pdf=$2
	shift 2
	pdftotext -enc UTF-8 "$_pdf" "$TMP/lacks.txt" 2>/dev/null || {
		not_ok "$_what: pdftotext reads it"
		return
	}
	for t in "$@"; do
		if grep -qF "$t" "$TMP/lacks.txt"; then
			not_ok "$_what: no '$t'" "$(grep -nF "$t" "$TMP/lacks.txt" | head -3)"
			return
		fi
	done
	ok "$_what: none of '$*'"
}

# the HTML's cover (header.cover), footer and printed page's foot (the
# print style sheet's @bottom-left, the cover's @page :first too)
html_marked() { # NAME HTML TEXT
	if "$PY" - "$2" "$3" >"$TMP/html.out" 2>&1 <<'EOF'
import re, sys
page, text = open(sys.argv[1], encoding="utf-8").read(), sys.argv[2]
cover = re.search(r'<header class="cover">(.*?)</header>', page, re.S)
foot = re.search(r'<footer>(.*?)</footer>', page, re.S)
want = '<p class="marking"><strong>%s</strong>' % text
bad = []
if not cover or want not in cover.group(1):
    bad.append("the cover does not say it")
if not foot or want not in foot.group(1):
    bad.append("the footer does not say it")
# the CSS string: every character but letters, digits, space and
# non-ASCII as a hex escape (shell.c)
css = '"' + "".join(c if c.isalnum() or c == " " or ord(c) > 127
                    else "\\%x " % ord(c) for c in text) + '"'
m = re.search(r'@bottom-left \{\s*content: ([^;]*);', page)
if not m or css not in m.group(1):
    bad.append("the printed pages' foot does not: %s" % (m and m.group(1)))
first = re.search(r'@page :first \{(.*?)\n  \}', page, re.S)
if not first or ("@bottom-left { content: %s; }" % css) not in first.group(1):
    bad.append("the printed cover's foot does not")
print("\n".join(bad))
sys.exit(1 if bad else 0)
EOF
	then ok "$1: the cover, the footer and every printed page say '$3'"
	else not_ok "$1: the cover, the footer and every printed page say '$3'" "$(cat "$TMP/html.out")"; fi
}

# the Markdown's top: right under the title, a quote with the marking
md_marked() { # NAME MD TEXT
	if sed -n 3p "$2" | grep -qxF "> **$3**"; then
		ok "$1: the top says '$3'"
	else
		not_ok "$1: the top says '$3'" "$(head -6 "$2")"
	fi
}

# ---- the committed content, no watermark ---------------------------------

build "$ROOT/content" "$TMP/plain"
check "the kit builds" test -s "$TMP/plain/backend-interview-kit.pdf"
kit=$TMP/plain/backend-interview-kit

pages_marked "published kit PDF" "$kit.pdf" "$KEYS"
html_marked "published kit HTML" "$kit.html" "$KEYS"
md_marked "published kit Markdown" "$kit.md" "$KEYS"
pdf_lacks "published kit PDF" "$kit.pdf" "$CONF"

packets=0
for pdf in "$TMP/plain/panels/"*.pdf; do
	[ -f "$pdf" ] || continue
	packets=$((packets + 1))
	base=${pdf%.pdf}
	name="packet $(basename "$base")"
	pages_marked "$name PDF" "$pdf" "$CONF"
	html_marked "$name HTML" "$base.html" "$CONF"
	md_marked "$name Markdown" "$base.md" "$CONF"
	pdf_lacks "$name PDF" "$pdf" "$KEYS"
done
check "there are packets to check" test "$packets" -gt 0

guides=0
for pdf in "$TMP/plain/candidates/"*.pdf; do
	[ -f "$pdf" ] || continue
	guides=$((guides + 1))
	base=${pdf%.pdf}
	name="candidate's guide $(basename "$base")"
	pdf_lacks "$name PDF" "$pdf" "$KEYS" "$CONF" "answer key" "Confidential"
	check "$name HTML: no marking" sh -c \
		"! grep -qE 'class=\"marking\"|$KEYS|$CONF|class=\"watermark\"' '$base.html'"
	check "$name Markdown: no marking" sh -c \
		"! grep -qE 'not for candidates|Confidential' '$base.md'"
	check "$name: says it is for candidates" \
		grep -q '^For candidates for the role of' "$base.md"
done
check "there are candidate's guides to check" test "$guides" -gt 0

# no watermark set: none anywhere
for pdf in "$kit.pdf" "$TMP/plain/panels/"*.pdf "$TMP/plain/candidates/"*.pdf; do
	[ -f "$pdf" ] || continue
	if out=$("$PY" "$ROOT/tests/markcheck.py" "$pdf" 2>&1); then :; else
		not_ok "no watermark set: $(basename "$pdf") draws none" "$out"
		bad=1
	fi
done
[ -z "${bad:-}" ] && ok "no watermark set: no PDF draws one"
check "no watermark set: no HTML overlays one" sh -c \
	"! grep -l 'class=\"watermark\"' '$TMP'/plain/*.html '$TMP'/plain/*/*.html"

# ---- who each edition is for: kitgen list, index.html --------------------

"$KITGEN" list --content "$ROOT/content" >"$TMP/list" 2>&1
check "list: the published kit is for hiring teams and recruiters, not for candidates" \
	grep -q "^backend-interview-kit  *Published kit (for hiring teams and recruiters: .*) \\[$KEYS\\]\$" "$TMP/list"
check "list: every packet is confidential interviewer material" sh -c \
	"grep '^panels/[^/ ]* ' '$TMP/list' | grep -vq '(for the interview panel: .*) \\[$CONF\\]\$' && exit 1; grep -q '^panels/' '$TMP/list'"
check "list: every candidate's guide is for candidates, unmarked" sh -c \
	"grep '^candidates/' '$TMP/list' | grep -vq '(for candidates — safe to send)\$' && exit 1; grep -q '^candidates/' '$TMP/list'"
idx=$TMP/plain/index.html
check "index.html: the published kit, for hiring teams and recruiters, marked" sh -c \
	"grep -A3 '<h2><a class=\"self\" href=\"#edition-backend-interview-kit\">Published kit</a></h2>' '$idx' |
	grep -q 'for hiring teams and recruiters' &&
	grep -A3 '#edition-backend-interview-kit\"' '$idx' | grep -qF '<strong>$KEYS</strong>'"
check "index.html: each packet marked confidential" sh -c \
	"[ \$(grep -c '<strong>$CONF</strong>' '$idx') = $packets ]"
check "index.html: no candidate's guide marked" sh -c \
	"! grep -A3 'id=\"edition-candidates/' '$idx' | grep -q 'class=\"marking\"'"

# ---- a watermark in kit.yaml ---------------------------------------------

cp -R "$ROOT/content" "$TMP/wm-content"
printf 'watermark: "%s"\n' "$WM" >>"$TMP/wm-content/kit.yaml"
check "check knows the watermark" "$KITGEN" check -q --content "$TMP/wm-content"
build "$TMP/wm-content" "$TMP/wm"
check "the kit with a watermark builds" test -s "$TMP/wm/backend-interview-kit.pdf"

n=0
for pdf in "$TMP/wm/panels/"*.pdf; do
	[ -f "$pdf" ] || continue
	n=$((n + 1))
	name="packet $(basename "$pdf" .pdf)"
	if out=$("$PY" "$ROOT/tests/markcheck.py" "$pdf" "$WM" 2>&1); then
		ok "$name PDF: every page draws the watermark, under the text, an artifact, not in the structure tree"
	else
		not_ok "$name PDF: every page draws the watermark, under the text, an artifact, not in the structure tree" "$out"
	fi
	html=${pdf%.pdf}.html
	check "$name HTML: the watermark is laid over it, hidden from screen readers" \
		grep -qF "<div class=\"watermark\" aria-hidden=\"true\" data-text=\"$WM\"></div>" "$html"
done
check "there are watermarked packets to check" test "$n" -gt 0
check "the packets' HTML: the watermark never takes a click or a selection" sh -c \
	"grep -A12 '^\\.watermark {' '$TMP/wm/panels/generalist-expert.html' | grep -q 'pointer-events: none' &&
	grep -A12 '^\\.watermark {' '$TMP/wm/panels/generalist-expert.html' | grep -q 'user-select: none' &&
	grep -A3 '^\\.watermark::before {' '$TMP/wm/panels/generalist-expert.html' | grep -q 'content: attr(data-text)'"
check "the packets still carry the confidential marking" \
	pdftotext -f 2 -l 2 "$TMP/wm/panels/generalist-expert.pdf" - | grep -qxF "$CONF"
for pdf in "$TMP/wm/backend-interview-kit.pdf" "$TMP/wm/candidates/"*.pdf; do
	if out=$("$PY" "$ROOT/tests/markcheck.py" "$pdf" 2>&1); then :; else
		not_ok "watermark set: $(basename "$pdf") (not interviewer material) draws none" "$out"
		wbad=1
	fi
done
[ -z "${wbad:-}" ] && ok "watermark set: neither the published kit nor a candidate's guide draws it"
check "watermark set: neither the published kit's nor a guide's HTML overlays it" sh -c \
	"! grep -l 'class=\"watermark\"' '$TMP'/wm/*.html '$TMP'/wm/candidates/*.html"
check "watermark set: the Markdown is as without it (but the digests)" sh -c \
	"grep -v 'digest:' '$TMP/plain/panels/generalist-expert.md' >'$TMP/a' &&
	grep -v 'digest:' '$TMP/wm/panels/generalist-expert.md' >'$TMP/b' && cmp -s '$TMP/a' '$TMP/b'"
check "the tagged PDF with a watermark: every page's content marked" \
	"$PY" "$ROOT/tests/tagcheck.py" marked "$TMP/wm/panels/generalist-expert.pdf"
check "the tagged PDF with a watermark: reading order unchanged" \
	"$PY" "$ROOT/tests/tagcheck.py" order "$TMP/wm/panels/generalist-expert.pdf"
check "the PDF with a watermark is valid" qpdf --check "$TMP/wm/panels/generalist-expert.pdf"

# ---- the field: in the schema, one line, a line's size limit -------------

check "kitgen schema kit describes watermark" sh -c \
	"'$KITGEN' schema kit | '$PY' -c 'import json, sys; w = json.load(sys.stdin)[\"properties\"][\"watermark\"]; sys.exit(not (w[\"type\"] == \"string\" and w[\"maxLength\"] == 200))'"
wmbad() { # NAME VALUE EXPECTED: check refuses watermark: VALUE at kit.yaml's line
	cp -R "$ROOT/content" "$TMP/bad"
	printf 'watermark: %s\n' "$2" >>"$TMP/bad/kit.yaml"
	line=$(wc -l <"$TMP/bad/kit.yaml")
	"$KITGEN" check --content "$TMP/bad" >"$TMP/bad.out" 2>&1
	status=$?
	if [ $status = 1 ] && grep -q "^$TMP/bad/kit.yaml:$line:[0-9]*: error: .*$3" "$TMP/bad.out"; then
		ok "check refuses a watermark $1"
	else
		not_ok "check refuses a watermark $1" "status $status" "$(cat "$TMP/bad.out")"
	fi
	rm -rf "$TMP/bad"
}
wmbad "of two lines" '"one\ntwo"' "line break"
wmbad "longer than a line's 200 bytes" "$(printf '%0201d' 0 | tr 0 x)" "200"
wmbad "that is not text" '[a, b]' ""
