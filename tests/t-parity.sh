#!/bin/sh
# t-parity.sh - every format says the same (issue 14, class 8). A kit made
# here puts a marker word (Kf<field>k<kind>Z) in every block and inline kind
# of CommonMark that each text field of the content model may hold:
# paragraphs, emphasis, strong, code spans, links, images, autolinks, hard
# breaks, fenced and indented code, bullet and ordered lists, block
# quotes, headings, thematic breaks, raw HTML (which no output carries).
# Every edition is built as Markdown, HTML and PDF, and for each edition
# the markers in the Markdown, in the HTML's text and in pdftotext of the
# PDF must be the same set, and each multi-line text's markers must show
# as many times: nothing shows in one format and not another, nor in one
# place and not another. A single-line field (a title, a name, a label)
# gets what one line may hold, every inline kind after a '# ', '- ', '> '
# or '1. ': it is plain text, and the HTML and the PDF must show it as
# written wherever it lands (never emphasis, a link, a heading or a list).
# check must pass the kit as made.
. "$(dirname "$0")/lib.sh"

cat >"$TMP/gen.py" <<'PY'
import sys

out = sys.argv[1]
n = [0]


def mark(field, kind):
    return "K%s%03dk%sZ" % ("b" if field in LABELS else
                            "l" if field in LINES else "t", field, kind)


LINES, LABELS = set(), set()


# (kind, snippet); {m} is the marker
INLINE = [
    ("text", "{m}"),
    ("emph", "*{m}*"),
    ("strong", "**{m}**"),
    ("code", "`{m}`"),
    ("link", "[{m}](https://example.com/a)"),
    ("image", "![{m}](https://example.com/i.png)"),
    ("html", "<span>{m}</span>"),
    ("entity", "&amp;{m}"),
]
BLOCK = [
    ("para", "{m} ends a paragraph.\\\nhard{m} after a hard break."),
    ("fence", "```\n{m} in a fence\n```"),
    ("tilde", "~~~ sh\n{m} in a tilde fence\n~~~"),
    ("indent", "    {m} indented code"),
    ("bullet", "- {m} bullet\n- second"),
    ("ordered", "1. {m} ordered\n2. second"),
    ("nested", "- outer\n  - {m} nested\n\n    > {m}q quote in a list"),
    ("quote", "> {m} quoted\n>\n> - {m}l list in a quote"),
    ("atx", "## {m} heading"),
    ("setext", "{m} setext\n---------"),
    ("hr", "before{m}\n\n***\n\nafter{m}"),
    ("htmlblock", "<div>\n{m} in raw html\n</div>"),
    ("auto", "<https://example.com/{m}>"),
]
# what may start the one line of a single-line field, in turn
LEADS = ["", "# ", "- ", "> ", "1. ", "    "]


def field_id():
    n[0] += 1
    return n[0]


def text():
    f = field_id()
    inline = " ".join(s.format(m=mark(f, k)) for k, s in INLINE)
    blocks = [s.format(m=mark(f, k)) for k, s in BLOCK]
    return "\n\n".join([inline] + blocks)


def line():
    f = field_id()
    LINES.add(f)
    lead = LEADS[f % len(LEADS)]
    return lead + " ".join(s.format(m=mark(f, k)) for k, s in INLINE
                           if k != "html" or f % 2)


def label():
    """A rating band's label heads a narrow scorecard column: one kind."""
    f = field_id()
    LABELS.add(f)
    k, snippet = INLINE[f % len(INLINE)]
    return snippet.format(m=mark(f, k))


def items(k=2):
    return [text()] + ["Plain item %d." % i for i in range(k - 1)]


def yq(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def emit(node, indent=0):
    pad = " " * indent
    lines = []
    if isinstance(node, dict):
        for k, v in node.items():
            if isinstance(v, (dict, list)) and v:
                lines.append("%s%s:" % (pad, k))
                lines.append(emit(v, indent + 2))
            else:
                lines.append("%s%s:%s" % (pad, k, scalar(v, indent)))
    else:
        for v in node:
            if isinstance(v, dict):
                inner = emit(v, indent + 2).split("\n")
                inner[0] = pad + "- " + inner[0][indent + 2:]
                lines.append("\n".join(inner))
            else:
                lines.append("%s-%s" % (pad, scalar(v, indent)))
    return "\n".join(lines)


def scalar(v, indent):
    if isinstance(v, int):
        return " %d" % v
    if isinstance(v, list):
        return " [%s]" % ", ".join(v)
    if v.startswith("ID:"):
        return " " + v[3:]
    if "\n" not in v:
        return " " + yq(v)
    pad = " " * (indent + 2)
    return " |\n" + "\n".join(pad + l if l else "" for l in v.split("\n"))


def ident(s):
    return "ID:" + s


def band(points):
    return {"label": label(), "points": points, "definition": text()}


kit = {
    "id": ident("parity-kit"), "title": line(), "subtitle": text(),
    "version": ident("1.0.0"), "publisher": line(), "licence": line(),
    "introduction": text(),
    "rating_scale": {"strong": band(3), "acceptable": band(2),
                     "weak": band(1)},
    "levels": [{"id": ident("fresher"), "title": line(), "expects": text()}],
    "areas": [{"id": ident("coding"), "title": line(),
               "description": text()}],
    "scenario_kinds": [{"id": ident("conflict"), "title": line()}],
    "profiles": [{"id": ident("generalist"), "title": line(),
                  "rationale": text(),
                  "weights": {"coding": 100}, "must_have": ["coding"]}],
    "decision_rule": text(),
    "loop": {"round_minutes": 45},
    "guidance": {"running_a_loop": text(), "scoring": text(),
                 "evidence": {"summary": text(), "good_notes": items(),
                              "bad_notes": items()},
                 "calibration": {"summary": text(), "borderline": items()},
                 "bias": text()},
    "candidate_guide": {"welcome": text(), "preparing": text(),
                        "adjustments": text(), "after_the_loop": text(),
                        "contact": line()},
}


def rubric():
    return {"strong": text(), "acceptable": text(), "weak": text()}


topic = {
    "id": ident("parity-topic"), "title": line(), "areas": ["coding"],
    "exposes": text(), "clarifying_questions": items(),
    "signals": [{"name": line(), "detail": text()},
                {"name": line(), "detail": text()}],
    "rubric": rubric(),
    "answer_key": {"contains": text(), "tradeoffs": text(),
                   "push_on": text()},
    "red_flags": items(3), "follow_ups": items(),
    "scenario": {"title": line(), "prompt": text()},
    "comparison": {"reveals": text(), "levels": [ident("fresher")],
                   "minutes": 30, "fits": text(), "watch_for": text()},
    "questions": [{"id": ident("parity-1"), "level": ident("fresher"),
                   "prompt": text(), "recruiter_cues": items(),
                   "strong_answer": text(), "weak_answer": text(),
                   "weak_because": text(), "follow_ups": items()}],
}
scenarios = {"scenarios": [{
    "id": ident("parity-scenario"), "kind": ident("conflict"),
    "title": line(), "prompt": text(),
    "signals": [{"name": line(), "detail": text()}], "rubric": rubric(),
    "red_flags": items(3)}]}

import os
os.makedirs(out + "/topics")
for path, data in (("kit.yaml", kit), ("topics/01-parity.yaml", topic),
                   ("scenarios.yaml", scenarios)):
    with open(out + "/" + path, "w", encoding="utf-8") as fh:
        fh.write(emit(data) + "\n")
print(n[0])
PY

# markers.py FORMAT FILE: the markers FILE shows, one a line, sorted.
# HTML: the text of the page (not its tags, attributes or comments);
# Markdown and pdftotext's text as they are.
cat >"$TMP/markers.py" <<'PY'
import re, sys
from html.parser import HTMLParser

fmt, path = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8", errors="replace").read()
if fmt == "html":
    class Text(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.parts, self.skip = [], 0

        def handle_starttag(self, tag, attrs):
            if tag in ("script", "style"):
                self.skip += 1

        def handle_endtag(self, tag):
            if tag in ("script", "style"):
                self.skip -= 1

        def handle_data(self, data):
            if not self.skip:
                self.parts.append(data)
    p = Text()
    p.feed(text)
    text = " ".join(p.parts)
elif fmt == "md":
    # a Markdown link or image target is not text a reader sees
    text = re.sub(r"\]\([^)]*\)", "]", text)
# a narrow PDF column breaks a long word where it must: compare without
# white space (a marker ends in Z, so it never runs into the next word)
text = re.sub(r"\s+", "", text)
if len(sys.argv) > 3:  # literal: where a single line is not shown as written
    # (a title, name or label is one line of plain text: its Markdown
    # punctuation and a leading '# ', '- ', '> ' or '1. ' show as written)
    LEADS = ["", "#", "-", ">", "1.", ""]
    WRAP = {"emph": ("*", "*"), "strong": ("**", "**"), "code": ("`", "`"),
            "link": ("[", "]("), "image": ("![", "]("),
            "html": ("<span>", "</span>"), "entity": ("&amp;", "")}
    for mm in re.finditer(r"K([lb])(\d{3})k([a-z]+)Z", text):
        f, kind = int(mm.group(2)), mm.group(3)
        lead = LEADS[f % len(LEADS)] if mm.group(1) == "l" else ""
        before, after = WRAP.get(kind, (lead, ""))
        # a running header may end a long title early, with an ellipsis
        if not (text.endswith(before, 0, mm.start()) and
                (text.startswith(after, mm.end()) or
                 text.startswith("\u2026", mm.end()))):
            print("%s: %s" % (mm.group(0), text[max(0, mm.start() - 30):mm.end() + 30]))
    sys.exit(0)
import collections
for m, k in sorted(collections.Counter(re.findall(r"K[blt]\d{3}k[a-z]+Z", text)).items()):
    print(m, k if m[1] == "t" else "")
PY

kit="$TMP/kit"
if ! nfields=$(python3 "$TMP/gen.py" "$kit" 2>"$TMP/err"); then
	not_ok "the parity kit is made" "$(cat "$TMP/err")"
	exit 0
fi
if "$KITGEN" check -q --content "$kit" >"$TMP/check.log" 2>&1; then
	ok "the parity kit ($nfields text fields) checks clean"
else
	not_ok "the parity kit ($nfields text fields) checks clean" "$(head -20 "$TMP/check.log")"
fi
if ! "$KITGEN" build -q --content "$kit" --templates "$ROOT/templates" \
	--out "$TMP/out" >"$TMP/build.log" 2>&1; then
	not_ok "the parity kit builds" "$(head -20 "$TMP/build.log")"
	exit 0
fi

for md in "$TMP/out"/*.md "$TMP/out"/panels/*.md "$TMP/out"/candidates/*.md; do
	base=${md%.md}
	name=${base#"$TMP/out/"}
	python3 "$TMP/markers.py" md "$md" >"$TMP/m.md"
	python3 "$TMP/markers.py" html "$base.html" >"$TMP/m.html"
	# the text in the order it is drawn (-raw: a cell's lines together,
	# no hyphen taken away); a word hyphenated at a line end is joined
	pdftotext -raw -enc UTF-8 "$base.pdf" - 2>/dev/null |
		perl -0pe 's/(?<=[A-Za-z])-\n//g' >"$TMP/pdf.txt"
	python3 "$TMP/markers.py" pdf "$TMP/pdf.txt" >"$TMP/m.pdf"
	if [ ! -s "$TMP/m.md" ]; then
		not_ok "$name: the Markdown shows markers"
		continue
	fi
	python3 "$TMP/markers.py" html "$base.html" literal >"$TMP/l.html"
	python3 "$TMP/markers.py" pdf "$TMP/pdf.txt" literal >"$TMP/l.pdf"
	for fmt in html pdf; do
		if [ -s "$TMP/l.$fmt" ]; then
			not_ok "$name: the $fmt shows titles, names and labels as written" \
				"$(head -10 "$TMP/l.$fmt")" "($(wc -l <"$TMP/l.$fmt") places)"
		else
			ok "$name: the $fmt shows titles, names and labels as written"
		fi
	done
	for fmt in html pdf; do
		if diff "$TMP/m.md" "$TMP/m.$fmt" >"$TMP/diff"; then
			ok "$name: the $fmt says what the Markdown says ($(wc -l <"$TMP/m.md") markers)"
		else
			not_ok "$name: the $fmt says what the Markdown says" \
				"< only in the Markdown, > only in the $fmt:" \
				"$(grep '^[<>]' "$TMP/diff" | head -40)" \
				"($(grep -c '^[<>]' "$TMP/diff") lines of difference)"
		fi
	done
done
