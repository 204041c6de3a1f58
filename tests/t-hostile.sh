#!/bin/sh
# t-hostile.sh - hostile content is inert in the PDF, and template tags and
# HTML comments in content are inert in every format.
#
# The kit is the fixture plus tests/fixture/hostile (raw HTML, script and
# event-handler attributes, javascript:, vbscript:, file: and data: links,
# images, an HTML comment), with Mustache tags and another comment added
# to a text. t-markdown.sh and t-html.sh check the Markdown and the HTML
# for the hostile topic; this group checks the PDF: its text (pdftotext)
# shows the markup as literal text, its only link annotations are http(s)
# and mailto URIs, and it holds no JavaScript, launch, form, embedded-file
# or image object. The checks on the PDF's objects read `qpdf --json`.
. "$(dirname "$0")/lib.sh"

kit=$(fixture_copy hostile-all)
cp -R "$ROOT/tests/fixture/hostile/." "$kit/"
sed -i 's/^exposes: Whether retries are safe.$/exposes: |\n  Tags {{title}}, {{{body}}}, {{> head}} and {{=<% %>=}} <%title%> stay as written.\n\n  <!-- hidden note --> is shown, not hidden./' \
	"$kit/topics/02-queue.yaml"
out="$TMP/out"
if "$KITGEN" build --content "$kit" --templates "$ROOT/templates" --out "$out" \
	--format md,html,pdf >/dev/null 2>"$TMP/err"; then
	ok "the hostile kit builds as Markdown, HTML and PDF"
else
	not_ok "the hostile kit builds as Markdown, HTML and PDF" "$(head -20 "$TMP/err")"
	exit 0
fi
pdf="$out/fixture-kit.pdf"

# ---- the PDF's text --------------------------------------------------------

pdftotext -layout -enc UTF-8 "$pdf" "$TMP/pdf.txt" 2>"$TMP/err" ||
	not_ok "pdftotext reads the PDF" "$(cat "$TMP/err")"
# pdftotext breaks lines where the PDF does: join them (a line that ends
# at a hyphen goes on in the same word: without -layout pdftotext would
# drop that hyphen, "raw-a" as "rawa"), and undo the typographer's
# quotes, so a phrase can be looked for whole
perl -0pe 's/-\n\s*/-/g' "$TMP/pdf.txt" | tr '\n' ' ' |
	sed "s/[‘’]/'/g; s/[“”]/\"/g; s/  */ /g" >"$TMP/pdf.flat"

shows() { # NAME TEXT: the PDF's text holds TEXT
	if grep -qF -- "$2" "$TMP/pdf.flat"; then ok "$1"; else
		not_ok "$1" "'$2' is not in the PDF's text"; fi
}
shows "PDF: a script block shows as text" "<script>alert('block')</script>"
shows "PDF: an event-handler attribute shows as text" "<img src=x onerror=alert('img')>"
shows "PDF: inline SVG shows as text" "<svg onload=alert('svg')></svg>"
shows "PDF: a raw javascript: anchor shows as text" "href=\"javascript:alert('raw-a')\">a raw anchor</a>"
shows "PDF: an iframe shows as text" '<iframe src="https://tracker.example/frame"></iframe>'
shows "PDF: markup in a title shows as text" "Hostile <script>alert('title')</script> & \"quotes\""
shows "PDF: a code block keeps its script as code" "<script>alert('code block')</script>"
shows "PDF: a javascript: link keeps its text" "a javascript link"
shows "PDF: a data: link keeps its text" "data link"
shows "PDF: an image becomes its alt text" "a remote image"
shows "PDF: Mustache tags in content are not expanded" \
	"Tags {{title}}, {{{body}}}, {{> head}} and {{=<% %>=}} <%title%> stay as written."
# the typographer turns -- into an en dash: the comment is shown either way
if grep -qE -- '<!(--|–) hidden note (--|–)> is shown' "$TMP/pdf.flat"; then
	ok "PDF: an HTML comment in content is shown, not hidden"
else
	not_ok "PDF: an HTML comment in content is shown, not hidden" \
		"$(grep -o '.\{30\}hidden note.\{30\}' "$TMP/pdf.flat")"
fi

# ---- the PDF's objects -----------------------------------------------------

if qpdf --json "$pdf" >"$TMP/pdf.json" 2>"$TMP/err"; then
	python3 - "$TMP/pdf.json" >"$TMP/objects" <<'PY'
import json, sys

doc = json.load(open(sys.argv[1]))
objects = doc["qpdf"][1] if "qpdf" in doc else doc.get("objects", {})
uris, keys, subtypes = [], set(), set()

def text(v):  # qpdf's JSON v2 writes strings as "u:..." or "b:..."
    return v[2:] if isinstance(v, str) and v[:2] in ("u:", "b:") else v

def walk(x):
    if isinstance(x, dict):
        for k, v in x.items():
            keys.add(k)
            if k == "/URI":
                uris.append(text(v))
            if k == "/Subtype" and isinstance(v, str):
                subtypes.add(v)
            walk(v)
    elif isinstance(x, list):
        for v in x:
            walk(v)

walk(objects)
for u in sorted(set(uris)):
    print("uri", u)
for k in sorted(keys & {"/JS", "/JavaScript", "/Launch", "/SubmitForm",
                        "/ImportData", "/EmbeddedFiles", "/EmbeddedFile",
                        "/RichMedia", "/OpenAction", "/AA", "/GoToR"}):
    print("key", k)
for s in sorted(subtypes & {"/Image", "/FileAttachment", "/Movie", "/Sound",
                            "/Screen", "/Widget", "/RichMedia"}):
    print("subtype", s)
PY
	bad=$(grep '^uri' "$TMP/objects" | grep -v -E '^uri (https?://|mailto:)')
	if [ -z "$bad" ]; then ok "PDF: every link is http(s) or mailto"; else
		not_ok "PDF: every link is http(s) or mailto" "$bad"; fi
	for u in https://example.com/safe mailto:someone@example.com \
		https://example.com/autolink; do
		if grep -qxF "uri $u" "$TMP/objects"; then ok "PDF: a safe link stays: $u"
		else not_ok "PDF: a safe link stays: $u" "$(grep '^uri' "$TMP/objects")"; fi
	done
	bad=$(grep -E '^(key|subtype)' "$TMP/objects")
	if [ -z "$bad" ]; then
		ok "PDF: no script, launch, form, attachment or image object"
	else
		not_ok "PDF: no script, launch, form, attachment or image object" "$bad"
	fi
else
	not_ok "qpdf --json reads the PDF" "$(cat "$TMP/err")"
fi

# ---- template tags and comments in the other formats -------------------------

md="$out/fixture-kit.md"
html="$out/fixture-kit.html"
# (Markdown escapes < and >, so a reader sees them as written)
check "Markdown: Mustache tags in content are not expanded" \
	grep -qF '{{title}}, {{{body}}}, {{\> head}} and {{=\<% %\>=}} \<%title%\>' "$md"
check "HTML: Mustache tags in content are not expanded" \
	grep -qF '{{title}}, {{{body}}}, {{&gt; head}} and {{=&lt;% %&gt;=}} &lt;%title%&gt;' "$html"
if grep -q '<!--' "$html"; then
	not_ok "HTML: no comment from content survives as a comment" "$(grep -n '<!--' "$html" | head -5)"
else
	ok "HTML: no comment from content survives as a comment"
fi
check "HTML: the comment from content is shown as text" \
	grep -qE '&lt;!(--|–) hidden note (--|–)&gt; is shown' "$html"
check "Markdown: the comment from content is escaped, so it shows" \
	grep -qF '\<\!-- hidden note --\> is shown' "$md"

# A file that looks regular but waits for data when read (/proc/kmsg:
# fstat calls it a regular file) is refused, never waited on. Only root
# may open it.
if [ "$(id -u)" = 0 ] && [ -r /proc/kmsg ]; then
	kit=$(fixture_copy kmsg)
	ln -sf /proc/kmsg "$kit/scenarios.yaml"
	timeout 20 "$KITGEN" check --content "$kit" >/dev/null 2>"$TMP/err"
	status=$?
	[ "$status" = 3 ] && grep -q "scenarios.yaml: error: cannot read: it would wait for data" "$TMP/err" &&
		ok "a file that would wait for data (/proc/kmsg) is refused at once" ||
		not_ok "a file that would wait for data (/proc/kmsg) is refused at once" "status $status" "$(cat "$TMP/err")"
else
	echo "ok - a file that would wait for data (/proc/kmsg) is refused at once # SKIP not root"
fi
