#!/bin/sh
# deps.sh - check that kitgen's build and test dependencies are present;
# install the missing Debian packages when apt-get is usable (root, or sudo
# without a password), otherwise print the exact command and fail.
#
#   tools/deps.sh          libraries needed to build and test kitgen
#   tools/deps.sh --test   also the tools `make test` runs (qpdf, poppler...)
#   tools/deps.sh --bench  also what `make bench` compares kitgen with
set -u

missing=""
need() { missing="$missing $1"; }

have_pc() { pkg-config --exists "$1" 2>/dev/null; }

command -v pkg-config >/dev/null 2>&1 || need pkg-config
command -v cc >/dev/null 2>&1 || need gcc
have_pc yaml-0.1 || need libyaml-dev
have_pc libcmark || need libcmark-dev
have_pc fontconfig || need libfontconfig-dev
have_pc harfbuzz || need libharfbuzz-dev
# the Unicode bidi algorithm (right-to-left text in the PDF)
have_pc fribidi || need libfribidi-dev
# deflating the PDF's streams
have_pc libdeflate || need libdeflate-dev
have_pc cmocka || need libcmocka-dev
have_pc nettle || need nettle-dev
# the HTTP server of `kitgen serve`
have_pc libmicrohttpd || need libmicrohttpd-dev
# reading filled PDF scorecards back (`kitgen score`)
have_pc libqpdf || need libqpdf-dev
# line breaking by UAX #14 (Chinese and Japanese between characters)
have_pc libunibreak || need libunibreak-dev
# hyphenation, and the dictionaries the PDF uses when present (a kit in
# a language with none is simply not hyphenated)
[ -f /usr/include/hyphen.h ] || need libhyphen-dev
[ -f /usr/share/hyphen/hyph_en_US.dic ] || need hyphen-en-us
[ -f /usr/share/hyphen/hyph_de_DE.dic ] || need hyphen-de
[ -f /usr/share/hyphen/hyph_fr.dic ] || need hyphen-fr
[ -f /usr/share/hyphen/hyph_es_ES.dic ] || need hyphen-es
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need fonts-dejavu-core
# Chinese, Japanese and Korean: the PDF's fallback faces for them
# (WenQuanYi Micro Hei has every Hangul syllable, Droid Sans Fallback
# three; Droid has the rarer Han characters, Extension A)
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need fonts-wqy-microhei
[ -f /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf ] || need fonts-droid-fallback
# emoji and other symbols, in outlines a PDF can embed
[ -f /usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf ] || need fonts-symbola
# the style's faces: DejaVu Serif's and DejaVu Sans's oblique faces
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf ] || need fonts-dejavu-extra
# libharu ships no .pc file: try to compile and link against it.
probe=$(mktemp -d)
printf '#include <hpdf.h>\nint main(void){HPDF_Doc d=HPDF_New(0,0);HPDF_Free(d);return 0;}\n' >"$probe/t.c"
${CC:-cc} "$probe/t.c" -o "$probe/t" -lhpdf >/dev/null 2>&1 || need libhpdf-dev
rm -rf "$probe"

if [ "${1:-}" = "--test" ]; then
	command -v node >/dev/null 2>&1 || need nodejs
	command -v npm >/dev/null 2>&1 || need npm
	command -v python3 >/dev/null 2>&1 || need python3
	# the schema test validates YAML against `kitgen schema`
	/usr/bin/python3 -c 'import jsonschema' 2>/dev/null || need python3-jsonschema
	/usr/bin/python3 -c 'import yaml' 2>/dev/null || need python3-yaml
	# the memcheck run of a full build (make test-valgrind)
	command -v valgrind >/dev/null 2>&1 || need valgrind
	# the PDF checks
	command -v qpdf >/dev/null 2>&1 || need qpdf
	command -v pdftotext >/dev/null 2>&1 || need poppler-utils
	# the printed forms, page by page (tests/formcheck.py), and code
	# listings and notes (tests/listingcheck.py): glyph and rule positions
	/usr/bin/python3 -c 'import fitz' 2>/dev/null || need python3-fitz
	# the fillable scorecards are filled in by a second library
	/usr/bin/python3 -c 'import pypdf' 2>/dev/null || need python3-pypdf
	command -v groff >/dev/null 2>&1 || need groff-base
	# a style naming another text face (tests/t-measure.sh)
	[ -f /usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf ] ||
		need fonts-liberation
	# the reproducibility test sets the clock ahead
	command -v faketime >/dev/null 2>&1 || need faketime
	# the serve test fetches pages and follows the event stream
	command -v curl >/dev/null 2>&1 || need curl
	# the HTML checks: the Nu Html Checker runs on Java; the browser test
	# drives Debian's Chromium
	command -v java >/dev/null 2>&1 || need default-jre-headless
	[ -x /usr/bin/chromium ] || need chromium
	# the code exercises are compiled and run (tests/t-code.sh)
	command -v javac >/dev/null 2>&1 || need default-jdk-headless
	command -v sqlite3 >/dev/null 2>&1 || need sqlite3
fi

if [ "${1:-}" = "--bench" ]; then
	# the public kit is timed against pandoc and pandoc + WeasyPrint
	command -v pandoc >/dev/null 2>&1 || need pandoc
	command -v weasyprint >/dev/null 2>&1 || need weasyprint
fi

[ -z "$missing" ] && exit 0

line="apt-get install -y$missing"
if [ "$(id -u)" = 0 ]; then
	sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	sudo="sudo"
else
	echo "kitgen: missing packages:$missing" >&2
	echo "kitgen: install them with:  sudo apt-get update && sudo $line" >&2
	exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
	echo "kitgen: missing packages:$missing (this is not a Debian system; install their equivalents)" >&2
	exit 1
fi
echo "kitgen: installing:$missing" >&2
$sudo apt-get update -qq >&2 &&
	DEBIAN_FRONTEND=noninteractive $sudo $line >&2 || {
	echo "kitgen: could not install; run:  sudo apt-get update && sudo $line" >&2
	exit 1
}
