#!/bin/sh
# t-contrast.sh - the brand's colours: one place (templates/pdf/style.yaml's
# `colours`) for the PDF and the HTML alike, and every pair of small text
# and its background at least 4.5:1 (WCAG AA). The pairs are the ones the
# PDF writer and the HTML's light and print schemes draw; a box's
# background is its colour mixed with white by colours.tint.
. "$(dirname "$0")/lib.sh"
STYLE="$ROOT/templates/pdf/style.yaml"

# ---- contrast of every pair ------------------------------------------------
if out=$(/usr/bin/python3 - "$STYLE" <<'EOF' 2>&1
import sys
import yaml

c = yaml.safe_load(open(sys.argv[1]))["colours"]
tint = float(c["tint"])

def rgb(h):
    return [int(h[i:i + 2], 16) for i in (1, 3, 5)]

def tinted(h):  # as kg_rgb_tint: mixed with white
    return "#" + "".join("%02x" % round(255 - (255 - v) * tint) for v in rgb(h))

def lum(h):
    s = [v / 255 for v in rgb(h)]
    s = [v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4 for v in s]
    return 0.2126 * s[0] + 0.7152 * s[1] + 0.0722 * s[2]

def ratio(a, b):
    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)

white = "#ffffff"
boxes = ["strong", "acceptable", "weak", "cues", "note", "red_flags"]
pairs = []  # (what, text, background)
for fg in ["text", "muted", "link", "accent"]:
    for bg in ["page", "code_background", "table_stripe"]:
        pairs.append((f"{fg} on {bg}", c[fg], white if bg == "page" else c[bg]))
pairs.append(("table_header_text on table_header", c["table_header_text"],
              c["table_header"]))
pairs.append(("cover_text on cover", c["cover_text"], c["cover"]))
for band in ["strong", "acceptable", "weak"]:
    pairs.append((f"a band's white label on {band}", white, c[band]))
for box in boxes:
    pairs.append((f"{box}'s title on its box", c[box], tinted(c[box])))
    pairs.append((f"{box}'s title on the page", c[box], white))
    for fg in ["text", "muted", "link"]:
        pairs.append((f"{fg} in a {box} box", c[fg], tinted(c[box])))
bad = [f"{w}: {a} on {b} is {ratio(a, b):.2f}:1" for w, a, b in pairs
       if ratio(a, b) < 4.5]
print("\n".join(bad) if bad else f"{len(pairs)} pairs")
sys.exit(1 if bad else 0)
EOF
); then ok "every small-text colour pair of the style is at least 4.5:1 ($out)"
else not_ok "every small-text colour pair of the style is at least 4.5:1" "$out"; fi

# ---- one place: a colour changed in the style file recolours both ---------
cp -R "$ROOT/templates" "$TMP/templates"
old=$(sed -n 's/^  red_flags: "\(#[0-9a-f]*\)".*/\1/p' "$STYLE")
sed 's/^  red_flags: "#[0-9a-f]*"/  red_flags: "#336699"/' "$STYLE" \
	>"$TMP/templates/pdf/style.yaml"
if [ -z "$old" ] || cmp -s "$STYLE" "$TMP/templates/pdf/style.yaml"; then
	not_ok "the style file has colours.red_flags to change"
elif ! "$KITGEN" build --templates "$TMP/templates" --out "$TMP/out" \
	--format html,pdf --content "$FIXTURE" >/dev/null 2>"$TMP/err"; then
	not_ok "a build with red_flags changed" "$(cat "$TMP/err")"
else
	html=$TMP/out/fixture-kit.html
	if grep -q -- '--flag-edge: #336699' "$html" &&
		! grep -qi -- "$old" "$html"; then
		ok "the HTML's red flags take the style file's colour"
	else not_ok "the HTML's red flags take the style file's colour" \
		"$(grep -n -- '--flag-' "$html")"; fi
	qpdf --qdf --object-streams=disable "$TMP/out/fixture-kit.pdf" "$TMP/q.pdf"
	# #336699 is .2 .4 .6; the old colour must be gone
	if grep -aEq '^\.20* \.40* \.60* rg$' "$TMP/q.pdf"; then
		ok "the PDF's red flags take the style file's colour"
	else not_ok "the PDF's red flags take the style file's colour" \
		"$(grep -a ' rg$' "$TMP/q.pdf" | sort | uniq -c)"; fi
	# the light scheme: every colour from the style but the page's own
	lits=$(awk '/^:root \{/ { on = 1 } on && /^}/ { exit }
		on && /#[0-9a-fA-F]/ && !/--(bg|side):/' \
		"$ROOT/templates/html/style.mustache")
	if [ -z "$lits" ]; then
		ok "style.mustache's light scheme holds no colour of its own"
	else not_ok "style.mustache's light scheme holds no colour of its own" \
		"$lits"; fi
fi
