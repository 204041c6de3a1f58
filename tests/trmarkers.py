#!/usr/bin/python3
"""trmarkers.py - a translation that replaces every text of a kit with a
marker, and the check that a build of it holds each marker and none of
the source's words (t-translate-all.sh); the labels replaced by markers
and the text a reader sees of a build's outputs, which t-labels.sh uses
too.

What is a text comes from the content model itself, not from kitgen's
translation code: every string field of `kitgen schema` that has no
pattern (ids, versions and references have one), less the fields that
content/README.md ("Translations") says stay as written (NOT_TEXT). So a
text field added to the model and forgotten by translate_load.c makes
the translation this writes fail `kitgen check`, or leaves a source text
in the outputs.

  trmarkers.py make SCHEMA.json CONTENT LANG LIST
      writes CONTENT/translations/LANG/ (kit.yaml, topics/NAME.yaml,
      scenarios.yaml) and LIST: one line per marker, "MARKER<TAB>SECTION
      <TAB>FIELD PATH<TAB>SOURCE TEXT" (the text's line breaks as spaces);
      exit 1 when the kit lacks a text field of the model (the test
      would not try it)
  trmarkers.py labels EN.yaml OUT.yaml [LIST] [--kit]
      writes a labels file (templates/labels/LANG.yaml; with --kit, a
      `labels:` mapping to append to kit.yaml) from `kitgen labels`'
      output with every label a marker, XQnnnQX, keeping the English
      text's places ({n}) and plural forms (number.digits, a numbering
      system, becomes arab); LIST gets "MARKER KEY" lines
      (t-labels.sh)
  trmarkers.py text OUT
      prints the text a reader sees of every output under OUT, by file
      ("==== FILE" lines): Markdown as written, HTML's text and
      accessible names (not its style sheet or scripts, but the form
      script's JSON words), the PDFs' text (pdftotext), document
      information (pdfinfo) and alternative texts (a figure's /Alt)
  trmarkers.py check LIST TEXT LABELS [--all-words CONTENT ALLOW]
      every marker shows in the Markdown, the HTML and the PDF outputs
      (the watermark but in Markdown, which has none); no source text of
      two words or more shows anywhere, unless a label of LABELS (`kitgen
      labels` of the build's language) holds it too; no marker of a
      question, answer, hint, red flag or answer key shows in a
      candidate's guide; with --all-words, no word is left that is
      neither a marker (of the content or the labels: XQnnnQX) nor a
      word of what stays as written (ids, names, code) nor in ALLOW.
      Prints what fails; exit 1 then.
"""
import json
import os
import re
import subprocess
import sys

import yaml

# Text fields that stay as written (content/README.md, "Translations"):
# names, settings, code, and a reference to another text.
NOT_TEXT = {
    "kit/publisher",             # a name
    "kit/licence",               # a name (CC BY 4.0)
    "kit/paper",                 # a setting: a paper's name
    "kit/language",              # a setting: a BCP 47 tag
    "kit/candidate_guide/questions_phase",  # names a loop.phases name
    "topic/questions/code/listing",         # code
}
# kit.yaml's lists of items with ids, each a section of a translation
KIT_SECTIONS = ("levels", "areas", "scenario_kinds", "profiles")


class Markers:
    def __init__(self):
        self.n = 0
        self.rows = []
        self.fields = set()  # the model's text fields the kit has

    def new(self, section, path, text, fpath):
        self.fields.add(fpath)
        self.n += 1
        mark = "TQ%04dQT" % self.n
        self.rows.append((mark, section, path, " ".join(text.split())))
        return mark


def is_text(schema, fpath):
    return (schema.get("type") == "string" and "pattern" not in schema
            and fpath not in NOT_TEXT)


def translate(node, schema, fpath, section, path, marks):
    """The translation of node (its texts replaced by markers), or None
    when it holds no text. fpath is the field's path in the model
    (kit/loop/phases/name), path its place in the item (for the list)."""
    if "$ref" in schema:
        raise SystemExit("trmarkers: $ref in the schema is not followed")
    t = schema.get("type")
    if isinstance(node, str):
        return marks.new(section, path, node, fpath) if is_text(schema, fpath) else None
    if isinstance(node, list) and t == "array":
        items = [translate(x, schema["items"], fpath, section,
                           "%s[%d]" % (path, i + 1), marks)
                 for i, x in enumerate(node)]
        return items if any(x is not None for x in items) else None
    if isinstance(node, dict) and t == "object":
        out = {}
        props = schema.get("properties", {})
        extra = schema.get("additionalProperties")
        for k, v in node.items():
            sub = props.get(k) or (extra if isinstance(extra, dict) else None)
            if sub is None:
                continue
            key = k if k in props else "*"
            x = translate(v, sub, fpath + "/" + key, section,
                          (path + "." if path else "") + str(k), marks)
            if x is not None:
                out[k] = x
        return out or None
    return None


def text_fields(schema, fpath, out):
    """Every text field of the model under schema, as model paths."""
    t = schema.get("type")
    if t == "array":
        text_fields(schema["items"], fpath, out)
    elif t == "object":
        for k, v in schema.get("properties", {}).items():
            text_fields(v, fpath + "/" + k, out)
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict):
            text_fields(extra, fpath + "/*", out)
    elif is_text(schema, fpath):
        out.add(fpath)
    return out


def dump(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        yaml.safe_dump(data, f, allow_unicode=True, sort_keys=False, width=1000)


def make(schema_file, content, lang, listing):
    defs = json.load(open(schema_file))["$defs"]
    marks = Markers()
    base = os.path.join(content, "translations", lang)

    kit = yaml.safe_load(open(os.path.join(content, "kit.yaml")))
    ks = defs["kit"]
    own = {k: v for k, v in kit.items() if k not in KIT_SECTIONS}
    out = {"kit": translate(own, ks, "kit", "kit", "", marks)}
    for sect in KIT_SECTIONS:
        sub = ks["properties"][sect]["items"]
        out[sect] = {}
        for item in kit.get(sect, []):
            x = translate(item, sub, "kit/" + sect, sect + ":" + item["id"], "", marks)
            if x is not None:
                out[sect][item["id"]] = x
    dump(os.path.join(base, "kit.yaml"), out)

    ts = defs["topic"]
    qs = ts["properties"]["questions"]["items"]
    for name in sorted(os.listdir(os.path.join(content, "topics"))):
        if not name.endswith(".yaml"):
            continue
        topic = yaml.safe_load(open(os.path.join(content, "topics", name)))
        own = {k: v for k, v in topic.items() if k != "questions"}
        out = {"topics": {topic["id"]: translate(own, ts, "topic",
                                                 "topic:" + topic["id"], "", marks)},
               "questions": {}}
        for q in topic.get("questions", []):
            out["questions"][q["id"]] = translate(
                q, qs, "topic/questions", "question:" + q["id"], "", marks)
        dump(os.path.join(base, "topics", name), out)

    sc = yaml.safe_load(open(os.path.join(content, "scenarios.yaml")))
    ss = defs["scenarios"]["properties"]["scenarios"]["items"]
    out = {"scenarios": {}}
    for s in sc.get("scenarios", []):
        out["scenarios"][s["id"]] = translate(
            s, ss, "scenarios/scenarios", "scenario:" + s["id"], "", marks)
    dump(os.path.join(base, "scenarios.yaml"), out)

    with open(listing, "w") as f:
        for row in marks.rows:
            f.write("\t".join(row) + "\n")
    # the kit must give every text field of the model, or the test
    # would not try it
    model = set()
    for name in ("kit", "topic", "scenarios"):
        text_fields(defs[name], name, model)
    lacking = sorted(model - marks.fields)
    if lacking:
        sys.stderr.write("trmarkers: the kit has no text at: %s\n" % " ".join(lacking))
        return 1
    return 0


def labels(src, out, listing=None, under=False):
    """src: `kitgen labels`' output; out: a labels file, or with under
    a `labels:` mapping for kit.yaml; listing: "MARKER KEY" lines."""
    table = yaml.safe_load(open(src))
    lines, marks = ["labels:"] if under else [], []
    pad = "  " if under else ""

    def q(t):
        return '"' + t.replace('\\', '\\\\').replace('"', '\\"') + '"'

    for i, key in enumerate(table):
        if key == "number.digits":  # a numbering system, not words
            lines.append('%snumber.digits: "arab"' % pad)
            continue
        mark = "XQ%03dQX" % i
        marks.append("%s %s" % (mark, key))

        def with_places(t):
            # the English text's spaces at either end stay, so that a
            # separator's marker doesn't glue two words together
            lead = re.match(r"\s*", t).group(0)
            trail = re.search(r"\s*$", t).group(0)
            return lead + " ".join([mark] + sorted(set(re.findall(r"\{[a-z_]+\}", t)))) + trail

        val = table[key]
        if isinstance(val, dict):
            forms = ", ".join("%s: %s" % (f, q(with_places(t))) for f, t in val.items())
            lines.append("%s%s: {%s}" % (pad, key, forms))
        else:
            lines.append("%s%s: %s" % (pad, key, q(with_places(val))))
    with open(out, "w") as f:
        f.write("\n".join(lines) + "\n")
    if listing:
        with open(listing, "w") as f:
            f.write("\n".join(marks) + "\n")


# ---- the outputs' text ---------------------------------------------------------

def text(root):
    import html.parser

    class Text(html.parser.HTMLParser):
        def __init__(self):
            super().__init__()
            self.skip = 0
            self.out = []

        def handle_starttag(self, tag, attrs):
            if tag in ("style", "script"):
                self.skip += 1
            for k, v in attrs:
                # data-text: the watermark, which the style sheet shows
                if k in ("aria-label", "alt", "title", "data-text") and v:
                    self.out.append(v)

        def handle_endtag(self, tag):
            if tag in ("style", "script"):
                self.skip -= 1

        def handle_data(self, d):
            if not self.skip:
                self.out.append(d)

    def strings(v):
        if isinstance(v, str):
            yield v
        elif isinstance(v, dict):
            for x in v.values():
                yield from strings(x)
        elif isinstance(v, list):
            for x in v:
                yield from strings(x)

    for dp, dn, fn in sorted(os.walk(root)):
        dn.sort()
        for f in sorted(fn):
            p = os.path.join(dp, f)
            print("==== " + os.path.relpath(p, root))
            if f.endswith(".md"):
                t = open(p).read()
                t = re.sub(r"\]\([^)]*\)", "]", t)          # link targets
                t = re.sub(r'<a id="[^"]*"></a>', "", t)   # anchors
                print(t)
            elif f.endswith(".html"):
                h = open(p).read()
                x = Text()
                x.feed(h)
                print("\n".join(x.out))
                for m in re.finditer(r'<script type="application/json" '
                                     r'id="kg-card-data">(.*?)</script>', h, re.S):
                    print("\n".join(strings(json.loads(m.group(1)).get("words", {}))))
            elif f.endswith(".pdf"):
                for cmd in (["pdftotext", p, "-"], ["pdfinfo", p]):
                    print(subprocess.run(cmd, capture_output=True, text=True).stdout)
                # the watermark is an artifact, which pdftotext leaves
                # out: the last page's lines set at a slant
                import fitz
                with fitz.open(p) as d:
                    for b in d[len(d) - 1].get_text("dict")["blocks"] if len(d) else ():
                        for ln in b.get("lines", ()):
                            if ln["dir"] != (1.0, 0.0):
                                print("".join(sp["text"] for sp in ln["spans"]))
                    # what a screen reader says for a figure (a chart):
                    # the structure elements' alternative text
                    for x in range(1, d.xref_length()):
                        kind, alt = d.xref_get_key(x, "Alt")
                        if kind == "string":
                            print(alt)


# ---- the check -------------------------------------------------------------------

def words(t):
    return re.findall(r"[a-z]+", t.lower())


# Texts a format does not carry, by design: Markdown has no watermark.
NOT_IN = {"md": {"watermark"}}


def check(listing, textfile, labels, all_words=None):
    rows = [l.rstrip("\n").split("\t") for l in open(listing) if l.strip()]
    label_words = " " + " ".join(words(open(labels).read())) + " "
    files = {}
    cur = None
    for line in open(textfile):
        if line.startswith("==== "):
            cur = line[5:].strip()
            files[cur] = []
        elif cur is not None:
            files[cur].append(line)
    files = {k: "".join(v) for k, v in files.items()}
    fmt = {"md": "", "html": "", "pdf": ""}
    for k, v in files.items():
        ext = k.rsplit(".", 1)[-1]
        if ext in fmt:
            fmt[ext] += v + "\n"
    bad = []

    # 1. every marker, in every format
    for ext, t in sorted(fmt.items()):
        found = set(re.findall(r"TQ[0-9]{4}QT", t))
        missing = [r for r in rows if r[0] not in found and
                   r[2] not in NOT_IN.get(ext, ())]
        for r in missing:
            bad.append("%s: no marker %s (%s %s: %s)" % (ext, r[0], r[1], r[2], r[3][:60]))

    # 2. no source text of two words or more, in any file (ids, such as
    # fixture-kit, are names: left out)
    ids = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+")
    streams = {k: " " + " ".join(words(ids.sub(" ", v))) + " "
               for k, v in files.items()}
    for r in rows:
        w = words(re.sub(r"`[^`]*`", " ", r[3]))  # code spans stay as written
        if len(w) < 2:
            continue
        needle = " " + " ".join(w) + " "
        if needle in label_words:  # kitgen's own words say it too
            continue
        for k, s in streams.items():
            if needle in s:
                bad.append("%s holds the source text of %s %s: %s" % (k, r[1], r[2], r[3][:60]))
                break

    # 3. a candidate's guide holds no question, answer, hint, red flag or key
    secret = {r[0] for r in rows if r[1].startswith("question:") or
              (r[1].startswith(("topic:", "scenario:")) and
               re.match(r"(answer_key|red_flags|rubric|follow_ups|signals|clarifying|"
                        r"scenario\.prompt|prompt|past_behaviour)", r[2]))}
    for k, v in files.items():
        if k.startswith("candidates/"):
            leak = sorted(secret & set(re.findall(r"TQ[0-9]{4}QT", v)))
            if leak:
                bad.append("%s holds interviewer material: %s" % (k, " ".join(leak[:8])))

    # 4. with the labels replaced too: no word but markers and what stays
    if all_words:
        content, allow = all_words
        keep = set()
        for line in allow.splitlines():
            keep |= set(words(line.split("  ")[0]))
        keep |= stays(content)
        left = {}
        for k, v in files.items():
            v = re.sub(r"^(Title|Subject|Keywords|Author|Creator|Producer|CreationDate|"
                       r"ModDate|Custom Metadata|Metadata Stream|Tagged|UserProperties|"
                       r"Suspects|Form|JavaScript|Pages|Encrypted|Page size|Page rot|"
                       r"File size|Optimized|PDF version):.*$",
                       lambda m: m.group(0).split(":", 1)[1] if m.group(1) in
                       ("Title", "Subject", "Keywords", "Author", "Creator") else "",
                       v, flags=re.M)
            v = re.sub(r"[0-9a-f]{16,}", " ", v)            # digests
            v = re.sub(r"\S+\.(md|html|pdf)\b", " ", v)   # file names
            v = ids.sub(" ", v)                              # ids
            # pdftotext gives the slanted watermark's marker in pieces
            v = re.sub(r"\b(TQ|QT)\b", " ", v)
            v = re.sub(r"\{[a-z_]+\}", " ", v)  # a form script's places
            v = re.sub(r"(TQ[0-9]{4}QT|XQ[0-9]{3}QX)", " ", v)  # the markers
            for w in set(words(v)) - keep:
                left.setdefault(w, k)
        for w in sorted(left):
            bad.append("an English word is left: %r (in %s)" % (w, left[w]))
    for b in bad:
        print(b)
    return 1 if bad else 0


def stays(content):
    """The words of what stays as written: ids and references, names,
    settings and code (every string field that is not a text)."""
    out = set()

    def walk(node, key):
        if isinstance(node, dict):
            for k, v in node.items():
                out.update(words(str(k)) if key == "weights" or key == "by_level" else ())
                walk(v, k)
        elif isinstance(node, list):
            for x in node:
                walk(x, key)
        elif isinstance(node, str) and key in (
                "id", "level", "levels", "areas", "kind", "must_have", "area",
                "topic", "questions", "language", "listing", "publisher",
                "licence", "paper", "behavioural_area", "version"):
            out.update(words(node))

    for dp, dn, fn in os.walk(content):
        if "translations" in dp.split(os.sep):
            continue
        for f in fn:
            if f.endswith(".yaml"):
                walk(yaml.safe_load(open(os.path.join(dp, f))), None)
    return out


def main(argv):
    if len(argv) == 6 and argv[1] == "make":
        return make(*argv[2:])
    if len(argv) in (4, 5, 6) and argv[1] == "labels":
        under = "--kit" in argv[4:]
        rest = [a for a in argv[4:] if a != "--kit"]
        labels(argv[2], argv[3], rest[0] if rest else None, under)
        return 0
    if len(argv) == 3 and argv[1] == "text":
        text(argv[2])
        return 0
    if len(argv) == 5 and argv[1] == "check":
        return check(argv[2], argv[3], argv[4])
    if len(argv) == 8 and argv[1] == "check" and argv[5] == "--all-words":
        return check(argv[2], argv[3], argv[4], (argv[6], argv[7]))
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
