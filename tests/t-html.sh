#!/bin/sh
# t-html.sh - the HTML editions and the index page: every page valid for
# the Nu Html Checker (no error, no warning), hostile content inert in
# HTML and in Markdown, stable anchors and bytes, --templates, and the
# browser test (headless Chromium: what the pages render, accessibility
# in both colour schemes, screenshots in build/screenshots/).
. "$(dirname "$0")/lib.sh"
SHOTS="$ROOT/build/screenshots"
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
export CHROMIUM

build() { # build CONTENT OUT [ARGS...]: quiet, status kept
	content=$1 out=$2
	shift 2
	"$KITGEN" build --content "$content" --templates "$ROOT/templates" \
		--out "$out" "$@" >/dev/null 2>"$TMP/err"
}

# ---- the full kit and the fixture -------------------------------------------

build "$ROOT/content" "$TMP/full"
check "the full kit builds as HTML" test -s "$TMP/full/backend-interview-kit.html"
build "$FIXTURE" "$TMP/fx"
check "the fixture kit builds as HTML" test -s "$TMP/fx/fixture-kit.html"

# index.html links every other file the build wrote, and nothing else.
(cd "$TMP/full" && find . -type f ! -name index.html ! -name '.*' |
	sed 's|^\./||' | LC_ALL=C sort) >"$TMP/written"
sed -n 's/.*<li><a href="\([^"]*\)".*/\1/p' "$TMP/full/index.html" |
	LC_ALL=C sort >"$TMP/linked"
if [ -s "$TMP/written" ] && cmp -s "$TMP/written" "$TMP/linked"; then
	ok "index.html links every file of the build"
else
	not_ok "index.html links every file of the build" \
		"$(diff "$TMP/written" "$TMP/linked")"
fi

# Anchors come from content ids, so links survive rebuilds.
for id in topic-queue q-queue-1 topic-queue-rubric contents comparison; do
	check "the fixture page has the anchor #$id" \
		grep -q "id=\"$id\"" "$TMP/fx/fixture-kit.html"
done
check "the contents link to the topics" \
	grep -q '<a href="#topic-queue">' "$TMP/fx/fixture-kit.html"
# every topic and question of the real kit has its section: #topic-ID, #q-ID
missing=$(for f in "$ROOT"/content/topics/*.yaml; do
	sed -n 's/^id: *\([a-z0-9-]*\).*/topic-\1/p; s/^  - id: *\([a-z0-9-]*\).*/q-\1/p' "$f"
done | while read -r id; do
	grep -q "<section id=\"$id\"" "$TMP/full/backend-interview-kit.html" || echo "$id"
done)
[ -z "$missing" ] && ok "every topic and question has its anchor (#topic-ID, #q-ID)" ||
	not_ok "every topic and question has its anchor (#topic-ID, #q-ID)" "$missing"

# The same content gives the same pages wherever and whenever it is built.
# (SOURCE_DATE_EPOCH stays as it is: it may date the PDF, whose size the
# index shows.)
mkdir -p "$TMP/elsewhere"
(cd "$TMP/elsewhere" && TZ=Pacific/Kiritimati LC_ALL=C.UTF-8 \
	"$KITGEN" build --content "$ROOT/content" --templates "$ROOT/templates" \
	--out again >/dev/null 2>&1)
differ=$(cd "$TMP/full" && find . -name '*.html' | while read -r f; do
	cmp -s "$f" "$TMP/elsewhere/again/$f" || echo "$f"; done)
[ -z "$differ" ] && ok "two builds give identical HTML pages and index" ||
	not_ok "two builds give identical HTML pages and index" "$differ"

# One self-contained file: the style sheet inline, nothing fetched.
page="$TMP/full/backend-interview-kit.html"
check "the page has its style sheet inline" grep -q '^<style>$' "$page"
{
	grep -n -E -i -e '<(link|script|img|iframe|object|embed)[ >]' -e ' src=' "$page"
	sed -n '/^<style>$/,/^<\/style>$/p' "$page" | grep -n -E -i '@import|@font-face|url\('
} >"$TMP/found"
if [ -s "$TMP/found" ]; then
	not_ok "the page asks for nothing from anywhere" "$(head -5 "$TMP/found")"
else
	ok "the page asks for nothing from anywhere"
fi
check "prose has smart punctuation" grep -q '’' "$page"

# ---- formats and templates ------------------------------------------------

build "$FIXTURE" "$TMP/md-only" --format md
check "a Markdown-only build writes no HTML and no index" \
	test -s "$TMP/md-only/fixture-kit.md" -a -z "$(find "$TMP/md-only" -name '*.html')"
build "$FIXTURE" "$TMP/html-only" --format html
check "an HTML-only build writes the pages and the index" \
	test -s "$TMP/html-only/fixture-kit.html" -a -s "$TMP/html-only/index.html" \
	-a -z "$(find "$TMP/html-only" -type f ! -name '*.html')"

build "$FIXTURE" "$TMP/one" --format html --edition fixture-kit
check "a one-edition build writes no index page" \
	test -s "$TMP/one/fixture-kit.html" -a ! -e "$TMP/one/index.html"

cp -R "$ROOT/templates" "$TMP/tpl"
sed -i 's|<main>|<main class="kg-override-test">|' "$TMP/tpl/html/document.mustache"
sed -i 's|<main>|<main class="kg-index-override-test">|' "$TMP/tpl/html/index.mustache"
"$KITGEN" build --content "$FIXTURE" --templates "$TMP/tpl" --out "$TMP/over" >/dev/null 2>&1
check "--templates DIR replaces the page shell" \
	grep -q 'kg-override-test' "$TMP/over/fixture-kit.html"
check "--templates DIR replaces the index page" \
	grep -q 'kg-index-override-test' "$TMP/over/index.html"

rm "$TMP/tpl/html/index.mustache"
"$KITGEN" build --content "$FIXTURE" --templates "$TMP/tpl" --out "$TMP/noindex" >/dev/null 2>"$TMP/err"
status=$?
[ "$status" = 3 ] && ok "a missing index template fails the build (status 3)" ||
	not_ok "a missing index template fails the build (status 3)" "status $status"
check "the missing template is named" grep -q "html/index.mustache" "$TMP/err"
check "a failed build writes nothing" test ! -e "$TMP/noindex/fixture-kit.html"

kit=$(fixture_copy index-id)
sed -i 's/^id: .*/id: index/' "$kit/kit.yaml"
"$KITGEN" build --content "$kit" --templates "$ROOT/templates" --out "$TMP/clash" \
	--format html >/dev/null 2>"$TMP/err"
status=$?
# a content error at the kit id's place, found by check before anything is written
[ "$status" = 1 ] && grep -q "kit.yaml:3:5: error: the published kit 'index' would be written to 'index.html', as would the build's index page" "$TMP/err" &&
	ok "an edition named like the index page is refused" ||
	not_ok "an edition named like the index page is refused" "status $status" "$(cat "$TMP/err")"

# ---- hostile content ---------------------------------------------------------

# The fixture plus tests/fixture/hostile (a topic of hostile prose), and
# markup in the kit's title too.
kit=$(fixture_copy hostile)
cp -R "$ROOT/tests/fixture/hostile/." "$kit/"
sed -i "s|^title: .*|title: \"Kit </title><script>alert('kit')</script>\"|" "$kit/kit.yaml"
build "$kit" "$TMP/hostile"
check "the hostile kit builds" test -s "$TMP/hostile/fixture-kit.html"
page="$TMP/hostile/fixture-kit.html"
# (title="..." values are dropped first: text in an attribute is no attribute)
if cat "$page" "$TMP/hostile/index.html" | sed 's/ title="[^"]*"//g' | grep -n -E -i \
	-e '<(script|img|iframe|frame|svg|math|object|embed|form|input|textarea|link|base|noscript|details)[ >/]' \
	-e '<meta http-equiv="refresh"' -e '<[^>]* on[a-z]+ *=' \
	-e '(href|src|action|data)="? *(javascript|vbscript|data|file):' \
	-e 'tracker\.example/pixel' >"$TMP/found"; then
	not_ok "hostile content is inert in HTML" "$(head -10 "$TMP/found")"
else
	ok "hostile content is inert in HTML"
fi
check "the only style element is the page's own" test "$(grep -c '<style' "$page")" = 1
check "raw HTML in content shows as text" grep -q '&lt;script&gt;alert(' "$page"
check "markup in a title shows as text" \
	grep -q '<title>Kit &lt;/title&gt;&lt;script&gt;' "$page"
check "a section title with markup is escaped" \
	grep -q '>Hostile &lt;script&gt;alert(‘title’)&lt;/script&gt; &amp; “quotes”</a></h2>' "$page"
check "unsafe links keep their text" grep -q '^<p dir="auto">a javascript link$' "$page"
check "images become their alt text" grep -q '^a remote image$' "$page"
for url in 'https://example.com/safe' 'mailto:someone@example.com' '#topic-cache' \
	'https://example.com/autolink'; do
	check "a safe link stays: $url" grep -q "href=\"$url\"" "$page"
done
check "hostile content is inert in Markdown (markdown-it, raw HTML on)" \
	node "$ROOT/tests/check-md-inert.mjs" "$TMP/hostile/fixture-kit.md" \
	"$TMP/full/backend-interview-kit.md"

# ---- the Nu Html Checker -----------------------------------------------------

pages=$(find "$TMP/full" "$TMP/hostile" -name '*.html' | LC_ALL=C sort)
# shellcheck disable=SC2086 # one argument per page
nu_check "the Nu Html Checker finds no error or warning in $(echo "$pages" | wc -l) pages" \
	$pages

# ---- the browser test --------------------------------------------------------

if [ ! -x "$CHROMIUM" ]; then
	not_ok "Chromium is installed for the browser test (apt-get install chromium)"
elif [ ! -d "$ROOT/node_modules/playwright-core" ]; then
	not_ok "playwright-core is installed (npm ci)"
else
	# what each edition must hold, from the content itself
	counts() { # counts DIR: "TOPICS QUESTIONS" as kitgen check says them
		"$KITGEN" check --content "$1" |
			sed -n 's/.*ok: \([0-9]*\) topics\{0,1\}, \([0-9]*\) questions\{0,1\},.*/\1 \2/p'
	}
	set -- $(counts "$ROOT/content")
	rm -rf "$SHOTS"
	node "$ROOT/tests/browser/check-html.mjs" --shots "$SHOTS" --topics "$1" \
		--questions "$2" --tables-fit "$TMP/full/backend-interview-kit.html" \
		"$TMP/full/index.html"
	[ $? = 0 ] || echo "    (screenshots in build/screenshots/)"
	# the other editions (panel packets and candidate's guides, in
	# folders of their own): the first of each folder in full, with
	# screenshots; the rest, built the same way, without axe
	packets=$(find "$TMP/full" -mindepth 2 -name '*.html' | LC_ALL=C sort)
	if [ -n "$packets" ]; then
		first=$(for dir in "$TMP"/full/*/; do
			find "$dir" -name '*.html' | LC_ALL=C sort | head -1
		done)
		node "$ROOT/tests/browser/check-html.mjs" --shots "$SHOTS" \
			--tables-fit $first
		rest=$(echo "$packets" | grep -vxF "$first")
		[ -z "$rest" ] || node "$ROOT/tests/browser/check-html.mjs" \
			--tables-fit --no-axe $rest
	fi
	set -- $(counts "$kit")
	node "$ROOT/tests/browser/check-html.mjs" --shots "$SHOTS/hostile" \
		--topics "$1" --questions "$2" "$TMP/hostile/fixture-kit.html"
fi

# ---- the prose cache: a text rendered once for every edition ----------------
# A build keeps the HTML of each of the kit's texts for the editions after
# the first that writes it (write_html.c): every edition built alone, with
# nothing kept from another, is the same bytes as in the whole build.
rm -rf "$TMP/cache-all"
"$KITGEN" build -q --content "$ROOT/content" --templates "$ROOT/templates" \
	--format html --out "$TMP/cache-all" 2>"$TMP/cache.err"
bad="" n=0
for ed in $("$KITGEN" list --content "$ROOT/content" | awk '/^[a-z]/ { print $1 }'); do
	rm -rf "$TMP/cache-one"
	"$KITGEN" build -q --content "$ROOT/content" --templates "$ROOT/templates" \
		--format html --edition "$ed" --out "$TMP/cache-one" 2>>"$TMP/cache.err"
	for f in $(cd "$TMP/cache-one" && find . -name '*.html'); do
		n=$((n + 1))
		cmp -s "$TMP/cache-one/$f" "$TMP/cache-all/$f" || bad="$bad $f"
	done
done
if [ "$n" -ge 20 ] && [ -z "$bad" ]; then
	ok "each edition's HTML built alone is the bytes of the whole build ($n pages)"
else
	not_ok "each edition's HTML built alone is the bytes of the whole build" \
		"$n pages; differ:$bad" "$(head -3 "$TMP/cache.err")"
fi
