#!/bin/sh
# t-export.sh - `kitgen export`: the JSON of content/ and of the fixture
# is valid against docs/export.schema.json and names its version; its
# numbers are the kit's (weights that sum to 100 per edition, each round's
# dimensions the rating ids of `kitgen card`, question numbers, the
# rating scale, the decision rule, the level's rubric bands); the CSV
# parses with Python's csv module into exactly the JSON's rows, also for
# hostile titles and texts (commas, quotes, line breaks, non-ASCII); one
# edition exports alone; the bytes are the same every run and from any
# folder; --out writes the file all at once; usage errors exit 2 and
# content errors 1 with nothing written; a full disk or a closed standard
# output exits 3.
. "$(dirname "$0")/lib.sh"

PY=/usr/bin/python3
SCHEMA=$ROOT/docs/export.schema.json
$PY -c 'import jsonschema, yaml' 2>/dev/null ||
	{ not_ok "python3-jsonschema and python3-yaml are installed (tools/deps.sh --test)"; exit 0; }

# The checks on one kit's export, in Python: check.py CONTENT JSON CSV
# CARDS_DIR prints "ok - ..." / "not ok - ..." lines itself.
cat >"$TMP/check.py" <<'EOF'
import csv, io, json, os, re, sys
import jsonschema, yaml

content, jpath, cpath, cards, schema_path = sys.argv[1:6]
def check(name, cond, why=""):
    print(("ok - " if cond else "not ok - ") + name)
    if not cond and why:
        print("    " + str(why)[:2000])

schema = json.load(open(schema_path))
doc = json.load(open(jpath, encoding="utf-8"))
err = None
try:
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(doc)
except jsonschema.exceptions.ValidationError as e:
    err = "%s at %s" % (e.message, list(e.absolute_path))
except jsonschema.exceptions.SchemaError as e:
    err = "schema: " + e.message
check("the JSON is valid against docs/export.schema.json", err is None, err)
check("the JSON names its layout, the schema's version",
      doc.get("schema") == schema["properties"]["schema"]["const"] == "kitgen-export/1",
      doc.get("schema"))

kit = yaml.safe_load(open(os.path.join(content, "kit.yaml")))
check("the kit's id and version", (doc["kit"]["id"], doc["kit"]["version"]) ==
      (kit["id"], str(kit["version"])), doc["kit"])
scale = [(b["id"], b["label"], b["points"]) for b in doc["rating_scale"]]
want = [(k, kit["rating_scale"][k]["label"], kit["rating_scale"][k]["points"])
        for k in ("strong", "acceptable", "weak")]
check("the rating scale is kit.yaml's", scale == want, (scale, want))
if "decision" in kit:
    got = doc["decision"]
    dec = kit["decision"]
    check("the decision rule's values are kit.yaml's",
          got is not None and all(abs(float(got[k]) - float(dec[k])) < 1e-9
                                  for k in ("threshold", "borderline", "weak_below"))
          and got["weak_limit"] == dec["weak_limit"], got)
else:
    check("no decision: values, decision is null", doc["decision"] is None)

profiles = {p["id"]: p for p in kit["profiles"]}
levels = [l["id"] for l in kit["levels"]]
want_eds = ["%s-%s" % (p["id"], l) for p in kit["profiles"] for l in levels]
got_eds = [e["id"] for e in doc["editions"]]
check("every panel packet, in kit.yaml's order", got_eds == want_eds, (got_eds, want_eds))

bad_weights, bad_must, bad_dims, bad_q = [], [], [], []
for e in doc["editions"]:
    p = profiles[e["profile"]["id"]]
    if sum(r["weight"] for r in e["rounds"]) != 100:
        bad_weights.append(e["id"])
    for r in e["rounds"]:
        if r["weight"] != p["weights"][r["area"]["id"]]:
            bad_weights.append("%s round %d" % (e["id"], r["number"]))
        if r["must_have"] != (r["area"]["id"] in p.get("must_have", [])):
            bad_must.append("%s round %d" % (e["id"], r["number"]))
        if r["minutes"] != sum(ph["minutes"] for ph in r["phases"]):
            bad_dims.append("%s round %d: minutes" % (e["id"], r["number"]))
        for d in r["dimensions"]:
            m = re.match(r"^Q([0-9]+): ", d["label"])
            if (d["kind"] == "question") != bool(m) or \
               (m and int(m.group(1)) != d["question"]) or \
               (d["kind"] != "question" and d["question"] is not None):
                bad_q.append(d["id"])
    if e["must_have"] != p.get("must_have", []):
        bad_must.append(e["id"])
    # the card files of the packet: one YAML document per round
    cdocs = [c for c in yaml.safe_load_all(open(os.path.join(cards, e["id"] + ".yaml"))) if c]
    got = [[d["id"] for d in r["dimensions"]] for r in e["rounds"]]
    want = [list(c["ratings"]) for c in cdocs]
    nums = [c["round"] for c in cdocs]
    if got != want or nums != [r["number"] for r in e["rounds"]]:
        bad_dims.append("%s: %s / card %s" % (e["id"], got, want))
check("each edition's weights are the profile's and sum to 100", not bad_weights, bad_weights)
check("must-have areas are the profile's", not bad_must, bad_must)
check("each round's dimensions are kitgen card's rating ids, round by round",
      not bad_dims, bad_dims)
check("a question's number is the one its label shows (Q12: ...), null for others",
      not bad_q, bad_q)

# the rubric: a topic's by_level bands for the level, else its rubric
topics = {}
for f in sorted(os.listdir(os.path.join(content, "topics"))):
    t = yaml.safe_load(open(os.path.join(content, "topics", f)))
    topics[t["id"]] = t
scen = {s["id"]: s for s in (yaml.safe_load(open(os.path.join(content, "scenarios.yaml"))) or {}).get("scenarios", [])}
bad = []
for e in doc["editions"]:
    lvl = e["level"]["id"]
    for r in e["rounds"]:
        for d in r["dimensions"]:
            if d["kind"] == "scenario":
                rub = scen[d["id"]]["rubric"]
            else:
                t = topics[d["topic"]]["rubric"]
                rub = t.get("by_level", {}).get(lvl, t)
            want = {k: rub[k].rstrip() for k in ("strong", "acceptable", "weak")}
            if d["rubric"] != want:
                bad.append("%s %s" % (e["id"], d["id"]))
check("each dimension's rubric is the level's bands, else the topic's (the scenario's)",
      not bad, bad[:5])

# the CSV: the JSON flattened, one row per dimension
def num(v):
    return "" if v is None else ("%.2f" % v if isinstance(v, float) else str(v))
def flag(v):
    return "true" if v else "false"
rows = []
dec = doc["decision"] or {}
for e in doc["editions"]:
    for r in e["rounds"]:
        for d in r["dimensions"]:
            rows.append({
                "kit": doc["kit"]["id"], "version": doc["kit"]["version"],
                "edition": e["id"], "profile": e["profile"]["id"],
                "profile_title": e["profile"]["title"], "level": e["level"]["id"],
                "level_title": e["level"]["title"],
                "threshold": num(dec.get("threshold")), "borderline": num(dec.get("borderline")),
                "weak_below": num(dec.get("weak_below")), "weak_limit": num(dec.get("weak_limit")),
                "round": str(r["number"]), "area": r["area"]["id"],
                "area_title": r["area"]["title"], "weight": str(r["weight"]),
                "must_have": flag(r["must_have"]), "behavioural": flag(r["behavioural"]),
                "round_minutes": str(r["minutes"]), "dimension": d["id"],
                "kind": d["kind"], "label": d["label"], "question": num(d["question"]),
                "topic": d["topic"] or "", "minutes": str(d["minutes"]),
                "strong": d["rubric"]["strong"], "acceptable": d["rubric"]["acceptable"],
                "weak": d["rubric"]["weak"]})
with open(cpath, newline="", encoding="utf-8") as f:
    raw = f.read()
got = list(csv.DictReader(io.StringIO(raw, newline="")))
check("the CSV has a header row and one row per dimension of the JSON, the same values",
      got == rows, next(((i, a, b) for i, (a, b) in enumerate(zip(got, rows)) if a != b),
                        (len(got), len(rows))))
check("the CSV's records end in CR LF, as RFC 4180 has it",
      raw.endswith("\r\n") and raw.count("\r\n") >= len(rows) + 1)
EOF

# export_checks NAME CONTENT: the JSON and CSV of CONTENT, and each
# packet's cards, through check.py
export_checks() {
	name=$1
	content=$2
	rm -rf "$TMP/cards" && mkdir -p "$TMP/cards"
	"$KITGEN" export --content "$content" >"$TMP/$name.json" 2>"$TMP/err" ||
		not_ok "$name: kitgen export" "exit $?" "$(cat "$TMP/err")"
	"$KITGEN" export --content "$content" --format csv >"$TMP/$name.csv" 2>"$TMP/err" ||
		not_ok "$name: kitgen export --format csv" "exit $?" "$(cat "$TMP/err")"
	for ed in $("$KITGEN" list --content "$content" | awk '/^panels\/[^\/ ]+ / { sub("panels/", "", $1); print $1 }'); do
		"$KITGEN" card "$ed" --content "$content" >"$TMP/cards/$ed.yaml" 2>"$TMP/err" ||
			not_ok "$name: kitgen card $ed" "$(cat "$TMP/err")"
	done
	$PY "$TMP/check.py" "$content" "$TMP/$name.json" "$TMP/$name.csv" "$TMP/cards" \
		"$SCHEMA" 2>&1 | sed "s/^\(\(not \)\{0,1\}ok - \)/\1$name: /"
}

export_checks content "$ROOT/content"
export_checks fixture "$FIXTURE"

# a kit without decision: values: null in JSON, empty fields in CSV
nodec=$(fixture_copy nodecision)
awk '/^decision:$/ { skip = 1; next } skip && /^[^ ]/ { skip = 0 } !skip' "$FIXTURE/kit.yaml" >"$nodec/kit.yaml"
if "$KITGEN" check -q --content "$nodec" >"$TMP/err" 2>&1 && ! grep -q '^decision:' "$nodec/kit.yaml"; then
	export_checks nodecision "$nodec"
else
	not_ok "the fixture without decision: checks" "$(cat "$TMP/err")"
fi

# the fixture's expert level has its own bands for the cache topic
$PY -c 'import json, sys
d = json.load(open(sys.argv[1]))
band = {e["level"]["id"]: r["dimensions"][0]["rubric"]["strong"]
        for e in d["editions"] for r in e["rounds"] if r["area"]["id"] == "coding"}
assert band["expert"].startswith("Plans invalidation and stampede"), band
assert band["fresher"] == "Classifies data and plans invalidation.", band' "$TMP/fixture.json" 2>"$TMP/err" &&
	ok "a level with by_level bands gets them, another the topic's rubric" ||
	not_ok "a level with by_level bands gets them, another the topic's rubric" "$(cat "$TMP/err")"

# ---- hostile text: commas, quotes, line breaks, non-ASCII ---------------
kit=$(fixture_copy hostile)
sed -i 's/^    title: Systems$/    title: "Systems, \\"distributed\\" — naïve, ☃"/' "$kit/kit.yaml"
sed -i 's/^    title: Balanced$/    title: "Balanced, \\"50\/50\\""/' "$kit/kit.yaml"
sed -i 's/^title: Design a cache$/title: "Design a cache, \\"fast\\" — Ünïcode"/' "$kit/topics/01-cache.yaml"
sed -i 's/^  strong: Classifies data and plans invalidation\.$/  strong: |\n    Classifies data, "hot" and "cold";\n    plans invalidation — über, 日本.\n\n    A second paragraph, with "quotes", and commas./' "$kit/topics/01-cache.yaml"
if "$KITGEN" check -q --content "$kit" >"$TMP/err" 2>&1; then
	export_checks hostile "$kit"
	$PY -c 'import csv, json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
rows = list(csv.DictReader(open(sys.argv[2], newline="", encoding="utf-8")))
e = d["editions"][0]
titles = {r["area"]["title"] for r in e["rounds"]}
assert "Systems, \"distributed\" — naïve, ☃" in titles, titles
assert e["profile"]["title"] == "Balanced, \"50/50\"", e["profile"]
strong = e["rounds"][0]["dimensions"][0]["rubric"]["strong"]
assert strong == "Classifies data, \"hot\" and \"cold\";\nplans invalidation — über, 日本.\n\nA second paragraph, with \"quotes\", and commas.", repr(strong)
assert rows[0]["strong"] == strong and rows[0]["profile_title"] == "Balanced, \"50/50\""
assert any(r["area_title"] == "Systems, \"distributed\" — naïve, ☃" for r in rows)
assert rows[0]["label"] == "Q1: Design a cache, \"fast\" — Ünïcode", rows[0]["label"]' \
		"$TMP/hostile.json" "$TMP/hostile.csv" 2>"$TMP/err" &&
		ok "hostile titles and texts come back from the CSV and the JSON exactly" ||
		not_ok "hostile titles and texts come back from the CSV and the JSON exactly" "$(cat "$TMP/err")"
else
	not_ok "the hostile copy of the fixture checks" "$(cat "$TMP/err")"
fi

# ---- one edition, stable bytes ----------------------------------------
"$KITGEN" export --content "$FIXTURE" balanced-expert >"$TMP/one.json" 2>"$TMP/err" &&
	"$KITGEN" export --content "$FIXTURE" panels/balanced-expert --format CSV >"$TMP/one.csv" 2>>"$TMP/err" &&
	$PY -c 'import csv, json, sys
a = json.load(open(sys.argv[1])); b = json.load(open(sys.argv[2]))
assert [e["id"] for e in b["editions"]] == ["balanced-expert"]
assert b["editions"][0] == [e for e in a["editions"] if e["id"] == "balanced-expert"][0]
assert {k: v for k, v in a.items() if k != "editions"} == {k: v for k, v in b.items() if k != "editions"}
all_rows = list(csv.DictReader(open(sys.argv[3], newline="")))
one = list(csv.DictReader(open(sys.argv[4], newline="")))
assert one and one == [r for r in all_rows if r["edition"] == "balanced-expert"]' \
		"$TMP/fixture.json" "$TMP/one.json" "$TMP/fixture.csv" "$TMP/one.csv" 2>>"$TMP/err" &&
	ok "EDITION (its id or its path) exports that packet alone, the same as in the whole" ||
	not_ok "EDITION (its id or its path) exports that packet alone, the same as in the whole" "$(cat "$TMP/err")"

copy=$(fixture_copy elsewhere)
for f in json csv; do
	"$KITGEN" export --content "$FIXTURE" --format $f >"$TMP/a.$f"
	(cd "$copy" && "$KITGEN" export --content . --format $f) >"$TMP/b.$f"
	cmp -s "$TMP/a.$f" "$TMP/$([ $f = json ] && echo fixture.json || echo fixture.csv)" &&
		cmp -s "$TMP/a.$f" "$TMP/b.$f" &&
		ok "the $f export is the same bytes every run and from another folder" ||
		not_ok "the $f export is the same bytes every run and from another folder"
done

# ---- --out ----------------------------------------------------------------
"$KITGEN" export --content "$FIXTURE" --format csv --out "$TMP/new/kit.csv" >"$TMP/stdout" 2>"$TMP/err"
status=$?
[ "$status" = 0 ] && [ ! -s "$TMP/stdout" ] && cmp -s "$TMP/new/kit.csv" "$TMP/fixture.csv" &&
	[ -z "$(ls -A "$TMP/new" | grep -v '^kit.csv$')" ] &&
	ok "--out FILE writes the export there (its folder made), nothing else, nothing on stdout" ||
	not_ok "--out FILE writes the export there (its folder made), nothing else, nothing on stdout" \
		"status $status" "$(cat "$TMP/err")"
mkdir -p "$TMP/adir"
"$KITGEN" export --content "$FIXTURE" --out "$TMP/adir" >/dev/null 2>"$TMP/err"
status=$?
[ "$status" = 3 ] && [ -z "$(ls -A "$TMP/adir")" ] && grep -q "adir" "$TMP/err" &&
	ok "--out naming a folder is an I/O error (exit 3), the folder left as it was" ||
	not_ok "--out naming a folder is an I/O error (exit 3), the folder left as it was" \
		"status $status" "$(cat "$TMP/err")"

# ---- errors ------------------------------------------------------------------
# usage NAME PATTERN ARGS...: exit 2, PATTERN on stderr, nothing on stdout
usage() {
	name=$1
	pattern=$2
	shift 2
	"$KITGEN" export "$@" >"$TMP/stdout" 2>"$TMP/err"
	status=$?
	if [ "$status" = 2 ] && [ ! -s "$TMP/stdout" ] && grep -q -- "$pattern" "$TMP/err"; then
		ok "usage error: $name"
	else
		not_ok "usage error: $name" "status $status" "$(cat "$TMP/err")" "$(head -3 "$TMP/stdout")"
	fi
}
usage "an unknown format" "^kitgen export: unknown format 'xml' (json or csv)$" --content "$FIXTURE" --format xml
usage "an unknown edition, with the nearest" \
	"^kitgen export: no panel packet 'balanced-expret' (did you mean 'balanced-expert'? see 'kitgen list')$" \
	--content "$FIXTURE" balanced-expret
usage "an edition nothing is near" "^kitgen export: no panel packet 'zzz' (see 'kitgen list')$" \
	--content "$FIXTURE" zzz
usage "the published kit, which has no loop plan" "the published kit has no loop plan" \
	--content "$FIXTURE" fixture-kit
usage "two editions" "^kitgen export: unexpected argument 'balanced-fresher'$" \
	--content "$FIXTURE" balanced-expert balanced-fresher
usage "an empty --out" "option '--out' has an empty value" --content "$FIXTURE" --out ""
usage "an empty EDITION" "EDITION is an empty path" --content "$FIXTURE" ""
usage "an unknown option" "unknown option '--bogus'" --bogus

bad=$(fixture_copy bad)
sed -i 's/^      coding: 50$/      coding: 60/' "$bad/kit.yaml"
"$KITGEN" export --content "$bad" >"$TMP/stdout" 2>"$TMP/err"
status=$?
[ "$status" = 1 ] && [ ! -s "$TMP/stdout" ] && grep -q "error" "$TMP/err" &&
	ok "a kit that does not check exits 1 and writes nothing" ||
	not_ok "a kit that does not check exits 1 and writes nothing" "status $status" "$(cat "$TMP/err")"
"$KITGEN" export --content "$bad" --out "$TMP/bad.json" >/dev/null 2>&1
[ ! -e "$TMP/bad.json" ] && ok "a kit that does not check leaves --out's file unwritten" ||
	not_ok "a kit that does not check leaves --out's file unwritten"

"$KITGEN" export --help >"$TMP/help" 2>&1
status=$?
[ "$status" = 0 ] && grep -q "^Usage: kitgen export" "$TMP/help" &&
	grep -q "kitgen-export/1" "$TMP/help" && grep -q "export.schema.json" "$TMP/help" &&
	ok "kitgen export --help names the formats, the schema and its version" ||
	not_ok "kitgen export --help names the formats, the schema and its version" "$(cat "$TMP/help")"

# ---- standard output that cannot be written ----------------------------------
for f in json csv; do
	"$KITGEN" export --content "$FIXTURE" --format $f >/dev/full 2>"$TMP/err"
	status=$?
	[ "$status" = 3 ] && grep -q '^kitgen: cannot write standard output: No space left on device$' "$TMP/err" &&
		ok "export --format $f to a full disk exits 3" ||
		not_ok "export --format $f to a full disk exits 3" "status $status" "$(cat "$TMP/err")"
done
"$KITGEN" export --content "$FIXTURE" >&- 2>"$TMP/err"
status=$?
[ "$status" = 3 ] && grep -q '^kitgen: cannot write standard output: it is closed$' "$TMP/err" &&
	ok "export with standard output closed exits 3" ||
	not_ok "export with standard output closed exits 3" "status $status" "$(cat "$TMP/err")"
