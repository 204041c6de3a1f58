#!/bin/sh
# t-layers.sh - the architecture, checked: every module of generator/ sits
# in a layer, and a module includes only headers of its own layer or
# lower ones; modules never include each other in a cycle; writers read
# the composed document, never the kit model; a content field's name is
# spelled in fields.h only. The map below is the data; a new module gets
# a line in it (a module is NAME.c with NAME.h).
. "$(dirname "$0")/lib.sh"

# The layers, lowest first: LAYER: MODULES.
LAYERS='
base: alloc arena buf cleanup utf8 mark file diag lines printable sink output html_escape datadir embedded stats formats json csv suggest rounds_text lazylib warm
tree: node yaml_load canon doc doc_iter doc_toc
text: markdown prose template template_parse smart worddiff labels
kit: fields schema kit load check readiness plan candidate volume digest diff git edition outnames leftovers decision cardfile cardver cardpdf panel calib fielddoc schema_json export translate translate_int translate_load translate_todo
compose: compose compose_edition compose_candidate packet packet_forms card_form reportdoc debrief calreport since loopfill
writers: writer shell write_md write_html write_pdf pdf_writer pdf_prose pdf_blocks pdf_code pdf_front pdf_doc pdf_fields pdf_file pdf_form pdf_tags pdf_style pdf_labels pdf_outline fonts fonts_int fonts_shape shape_hb shape_ahead metrics layout layout_int lay_list lay_inline lay_lines lay_bidi lay_table lay_free lay_pages lay_record lay_figure lay_breaks lay_hyph pdf_chart render_pdf ttf_subset svgchart
cli: index build cli paper init main report loop loopcli card score calibrate serve serve_http serve_page serve_watch translatecli loopdocs glyphcheck
'

# Includes that break a rule today, "FROM TO" (module names): each is a
# change still to make, so this list only shrinks.
KNOWN='
'

# The layer map as "MODULE RANK LAYER" lines.
printf '%s\n' "$LAYERS" | awk -F': ' 'NF == 2 {
	n = split($2, m, " ")
	for (i = 1; i <= n; i++)
		print m[i], NR, $1
}' >"$TMP/map"

# Every include of a header of generator/ as "FROM TO" (module names).
for f in "$ROOT"/generator/*.c "$ROOT"/generator/*.h; do
	from=$(basename "$f")
	from=${from%.*}
	sed -n 's/^[ \t]*#[ \t]*include[ \t]*"\([^"]*\)\.h".*/\1/p' "$f" |
		while read -r to; do
			[ "$to" = "$from" ] || echo "$from $to"
		done
done | sort -u >"$TMP/edges"

# Every module has a layer.
ls "$ROOT"/generator/*.c "$ROOT"/generator/*.h | sed 's|.*/||; s|\.[ch]$||' |
	sort -u >"$TMP/modules"
awk '{print $1}' "$TMP/map" | sort -u >"$TMP/mapped"
missing=$(comm -23 "$TMP/modules" "$TMP/mapped")
if [ -z "$missing" ]; then
	ok "every module of generator/ has a layer"
else
	not_ok "every module of generator/ has a layer" \
		"not in t-layers.sh's map:" $missing
fi

# The rules: an include goes to the same layer or a lower one, and a
# writer includes nothing of the kit model. Prints the includes that
# break one, with the reason.
printf '%s\n' "$KNOWN" | awk 'NF == 2' | sort -u >"$TMP/known"
awk 'FILENAME == ARGV[1] { rank[$1] = $2; layer[$1] = $3; next }
	!($1 in rank) || !($2 in rank) { next }
	rank[$2] > rank[$1] {
		print $1, $2, "(" layer[$1] " includes " layer[$2] ", a higher layer)"
		next
	}
	layer[$1] == "writers" && layer[$2] == "kit" {
		print $1, $2, "(a writer includes the kit model)"
	}' "$TMP/map" "$TMP/edges" >"$TMP/broken"
awk '{print $1, $2}' "$TMP/broken" | sort -u >"$TMP/broken.pairs"
new=$(comm -23 "$TMP/broken.pairs" "$TMP/known")
if [ -z "$new" ]; then
	ok "no include from a lower layer to a higher one"
else
	not_ok "no include from a lower layer to a higher one" \
		"$(printf '%s\n' "$new" | while read -r a b; do
			grep "^$a $b " "$TMP/broken"; done)"
fi
# A known exception that is fixed leaves the list.
gone=$(comm -13 "$TMP/broken.pairs" "$TMP/known")
if [ -z "$gone" ]; then
	ok "every known exception is still one (the list only shrinks)"
else
	not_ok "every known exception is still one (the list only shrinks)" \
		"fixed, remove from KNOWN in t-layers.sh:" "$gone"
fi

# No cycle: tsort(1) orders the modules, or names the ones in a loop.
if tsort "$TMP/edges" >/dev/null 2>"$TMP/loops"; then
	ok "no include cycle between modules"
else
	not_ok "no include cycle between modules" "$(cat "$TMP/loops")"
fi

# A field's name is written in fields.h only: not in schema.c's tables,
# not where load.c or anyone else reads a field of the content.
grep -nE '^[[:space:]]*\{"[a-z_]+", KG_F_' "$ROOT/generator/schema.c" >"$TMP/names"
grep -nE '(S_scalar|S_list|S_maps|S_kind|S_count|kg_node_get|kg_node_str|kg_schema_max_items)\([^;]*"[a-z_]+"' \
	"$ROOT/generator/load.c" "$ROOT/generator/kit.c" "$ROOT/generator/check.c" \
	"$ROOT/generator/readiness.c" \
	"$ROOT/generator/volume.c" >>"$TMP/names"
if [ ! -s "$TMP/names" ]; then
	ok "content field names are spelled in fields.h only"
else
	not_ok "content field names are spelled in fields.h only" "$(cat "$TMP/names")"
fi

# The layout engine's private header is its own: only lay_*.c include
# layout_int.h; every other file goes through layout.h.
grep -l '^[[:space:]]*#[[:space:]]*include[[:space:]]*"layout_int\.h"' \
	"$ROOT"/generator/*.c "$ROOT"/generator/*.h | sed 's|.*/||' |
	grep -v '^lay_[a-z]*\.c$' >"$TMP/int_users" || true
if [ ! -s "$TMP/int_users" ]; then
	ok "only the layout engine (lay_*.c) includes layout_int.h"
else
	not_ok "only the layout engine (lay_*.c) includes layout_int.h" \
		"$(cat "$TMP/int_users")"
fi

# Nor does any file outside the engine read a kg_lay's fields: it asks
# layout.h's accessors (kg_lay_elem, kg_lay_page, kg_lay_body_width...).
fields=$(sed -n '/^typedef struct kg_lay {/,/^} kg_lay;/p' \
	"$ROOT/generator/layout.h" |
	awk '/;/ && !/^typedef|^}|^[ \t]*(\/\*|\*)/ {
		sub(/\/\*.*/, ""); sub(/;.*/, ""); sub(/^[ \t]*(const[ \t]+)?[a-z_0-9]+[ \t]+/, "")
		gsub(/[ \t*]/, ""); n = split($0, v, ",")
		for (i = 1; i <= n; i++) print v[i]
	}' | paste -sd'|' -)
for f in "$ROOT"/generator/*.c "$ROOT"/generator/*.h; do
	case ${f##*/} in lay_*.c | layout.h | layout_int.h) continue ;; esac
	grep -nHE "\\blay(->|\\.)($fields)\\b" "$f"
done | sed "s|$ROOT/||" >"$TMP/pokes"
if [ -n "$fields" ] && [ ! -s "$TMP/pokes" ]; then
	ok "no file outside lay_*.c reads kg_lay's fields"
else
	not_ok "no file outside lay_*.c reads kg_lay's fields" \
		"${fields:-no fields found in layout.h}" "$(cat "$TMP/pokes")"
fi
