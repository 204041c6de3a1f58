#!/usr/bin/env python3
"""seeds.py - (re)write the fuzzers' seed corpora, tests/fuzz/corpus/NAME/,
from the tests: the fixture kit, the hostile topic, the content a
bad-input case (tests/cases/*.case) sets up, the Mustache spec and the
page templates, and a translation of the fixture. Run from the
repository root after `make kitgen` (the translation of every text is
made from `kitgen schema`); commit what it writes.
Inputs over 64 KiB are left out (the fuzzers' -max_len)."""
import glob
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURE = os.path.join(ROOT, "tests/fixture/kit")
HOSTILE = os.path.join(ROOT, "tests/fixture/hostile/topics/03-hostile.yaml")
SEP = b"\n~~~~\n"
HALF = b"\n====\n"
MAX = 65536


class Corpus:
    def __init__(self, name):
        self.dir = os.path.join(ROOT, "tests/fuzz/corpus", name)
        shutil.rmtree(self.dir, ignore_errors=True)
        os.makedirs(self.dir)
        self.n = 0

    def add(self, data):
        if isinstance(data, str):
            data = data.encode()
        if len(data) > MAX:
            return
        name = hashlib.sha1(data).hexdigest()[:16]
        path = os.path.join(self.dir, name)
        if not os.path.exists(path):
            with open(path, "wb") as f:
                f.write(data)
            self.n += 1


def read(path):
    with open(path, "rb") as f:
        return f.read()


def kit_files(folder):
    """kit.yaml, the topics in order, scenarios.yaml: [(relpath, bytes)];
    [] for a kit too big to be a seed"""
    out = []
    topics = sorted(os.path.relpath(p, folder)
                    for p in glob.glob(os.path.join(folder, "topics/*")))
    if len(topics) > 10:
        return []
    for rel in ["kit.yaml"] + topics + ["scenarios.yaml"]:
        path = os.path.join(folder, rel)
        if os.path.isfile(path):
            if os.path.getsize(path) > MAX:
                return []
            out.append((rel, read(path)))
    return out


def joined(files):
    return SEP.join(data for _, data in files)


def section(text, name):
    out, on = [], False
    for line in text.splitlines():
        if line.startswith("--- "):
            on = line == "--- " + name
            continue
        if on:
            out.append(line)
    return "\n".join(out) + "\n"


def case_kits():
    """The content folder each bad-input case sets up: (name, files)."""
    for case in sorted(glob.glob(os.path.join(ROOT, "tests/cases/*.case"))):
        text = open(case, encoding="utf-8").read()
        with tempfile.TemporaryDirectory() as tmp:
            shutil.copytree(FIXTURE, os.path.join(tmp, "content"))
            shutil.copytree(os.path.join(ROOT, "templates"), os.path.join(tmp, "templates"))
            os.mkdir(os.path.join(tmp, "out"))
            r = subprocess.run(["sh", "-c", section(text, "setup")], cwd=tmp,
                               env=dict(os.environ, ROOT=ROOT), capture_output=True)
            content = os.path.join(tmp, "content")
            files = []
            if r.returncode == 0 and os.path.isdir(content):
                files = kit_files(content)
            subprocess.run(["sh", "-c", section(text, "after")], cwd=tmp,
                           capture_output=True)
            if files:
                yield os.path.basename(case), files


def texts(node, out):
    if isinstance(node, dict):
        for v in node.values():
            texts(v, out)
    elif isinstance(node, list):
        for v in node:
            texts(v, out)
    elif isinstance(node, str):
        out.append(node)


def spec_seeds():
    """Each Mustache spec test as data ~~~~ template ~~~~ partials, the
    partials renamed 0, 1, ... (the harness's names)."""
    for path in sorted(glob.glob(os.path.join(ROOT, "tests/mustache-spec/*.yml"))):
        spec = yaml.safe_load(open(path, encoding="utf-8"))
        for test in spec["tests"]:
            template = test["template"]
            partials = test.get("partials", {})
            parts = []
            for i, (name, src) in enumerate(sorted(partials.items())):
                for form in ("{{>%s}}", "{{> %s}}", "{{>%s }}", "{{> %s }}"):
                    template = template.replace(form % name, "{{>%d}}" % i)
                    parts = [p.replace(form % name, "{{>%d}}" % i) for p in parts]
                    src = src.replace(form % name, "{{>%d}}" % i)
                parts.append(src)
            data = yaml.safe_dump(test["data"], allow_unicode=True)
            yield SEP.join(s.encode() for s in [data, template] + parts)


def translation_seeds():
    """The fixture kit ==== a translation of it: the German fixture, one
    of every text (t-translate-all.sh's marker translation, made here by
    tests/trmarkers.py), and the German one with drift and bad shapes."""
    c = Corpus("fuzz_translate")
    base = joined(kit_files(FIXTURE))
    de = os.path.join(ROOT, "tests/fixture/translations/de")
    tr = kit_files(de)
    c.add(base + HALF + joined(tr))
    with tempfile.TemporaryDirectory() as tmp:
        kit = os.path.join(tmp, "kit")
        shutil.copytree(FIXTURE, kit)
        schema = os.path.join(tmp, "schema.json")
        with open(schema, "w") as f:
            subprocess.run([os.path.join(ROOT, "kitgen"), "schema"], stdout=f, check=True)
        subprocess.run([sys.executable, os.path.join(ROOT, "tests/trmarkers.py"), "make",
                        schema, kit, "xx", os.path.join(tmp, "list")], capture_output=True)
        c.add(base + HALF + joined(kit_files(os.path.join(kit, "translations/xx"))))
    kit_de = dict(tr)[ "kit.yaml"].decode()
    variants = [
        kit_de.replace("from: ", "from: 0"),                       # stale
        kit_de.replace("      - name: Einstieg\n", ""),           # a phase short
        kit_de.replace("what: Stellen Sie", "minutes: 5\n        what: Stellen Sie"),
        kit_de.replace("  title: Testkit", "  title: [Testkit, zwei]"),
        kit_de + "labels:\n  toc.title: Inhalt {page}\n",
        kit_de.replace("kit:\n", "kit: {title: Flow, from: x}\nlevels2:\n", 1),
    ]
    for v in variants:
        c.add(base + HALF + joined([("kit.yaml", v.encode())] + tr[1:]))
    print("fuzz_translate: %d seeds" % c.n)


def main():
    os.chdir(ROOT)
    translation_seeds()
    cases = list(case_kits())

    c = Corpus("fuzz_yaml")
    for _, data in kit_files(FIXTURE):
        c.add(data)
    c.add(read(HOSTILE))
    fixture = dict(kit_files(FIXTURE))
    for _, files in cases:
        for rel, data in files:
            if fixture.get(rel) != data:
                c.add(data)
    print("fuzz_yaml: %d seeds" % c.n)

    c = Corpus("fuzz_kit")
    base = kit_files(FIXTURE)
    c.add(joined(base))
    c.add(joined(base[:-1] + [("topics/03-hostile.yaml", read(HOSTILE))] + base[-1:]))
    for _, files in cases:
        c.add(joined(files))
    print("fuzz_kit: %d seeds" % c.n)

    c = Corpus("fuzz_template")
    for seed in spec_seeds():
        c.add(seed)
    shell = yaml.safe_dump({
        "kit_id": "fixture-kit", "edition_id": "fixture-kit", "title": "A <kit>",
        "subtitle": "", "edition_title": "Public kit", "version": "1.0.0",
        "publisher": "P & Q", "licence": "CC BY 4.0", "digest": "ab" * 32,
        "body": "# Body\n\n<script>alert(1)</script> {{title}}\n",
    })
    for folder in sorted(glob.glob("templates/*/")):
        names = sorted(glob.glob(folder + "*.mustache"))
        srcs = [open(n, encoding="utf-8").read() for n in names]
        for i, n in enumerate(names):
            base_name = os.path.basename(n)[:-len(".mustache")]
            srcs = [s.replace("{{> %s}}" % base_name, "{{>%d}}" % i)
                     .replace("{{>%s}}" % base_name, "{{>%d}}" % i) for s in srcs]
        for s in srcs:
            c.add(SEP.join(x.encode() for x in [shell, s] + srcs))
    print("fuzz_template: %d seeds" % c.n)

    c = Corpus("fuzz_markdown")
    found = []
    for path in [HOSTILE] + sorted(glob.glob(os.path.join(FIXTURE, "**/*.yaml"), recursive=True)):
        texts(yaml.safe_load(open(path, encoding="utf-8")), found)
    for t in found:
        if len(t) > 40 or any(ch in t for ch in "<[`*_!&"):
            c.add(t)
    # the committed kit's prose that uses Markdown: lists, code, emphasis
    found = []
    for path in sorted(glob.glob("content/**/*.yaml", recursive=True)):
        texts(yaml.safe_load(open(path, encoding="utf-8")), found)
    marked = [t for t in found if sum(ch in t for ch in "`*_[\n") >= 3]
    for t in marked[::max(1, len(marked) // 30)]:
        c.add(t)
    print("fuzz_markdown: %d seeds" % c.n)

    c = Corpus("fuzz_pdf")
    hard = [
        "A title\n" + "x" * 300 + " " + "word " * 50,
        "Wide table | cells\n| a | b |\n|---|---|\n| " + "y" * 200 + " | z |",
        "Scripts\n\u4e2d\u6587 \u0627\u0644\u0639\u0631\u0628\u064a\u0629 "
        "\U0001F600 e\u0301 \u200b\u00a0\u00ad soft\u00adhyphen \tTab",
        "Lists\n" + "".join("  " * i + "- level %d\n" % i for i in range(30)),
        "Quotes\n" + "> " * 40 + "deep quote",
        "Code\n```\n" + "long_code_line_" * 30 + "\n\tindented\n```\n`inline " + "c" * 150 + "`",
        "Headings\n# one\n## two\n###### six\n\n---\n\n***strong em***",
        "Links\n[a](https://example.com/" + "p" * 300 + ") <mailto:x@example.com> [in](#q-fuzz-1)",
    ]
    for t in hard:
        c.add(t)
    found = []
    for path in [HOSTILE] + sorted(glob.glob(os.path.join(FIXTURE, "**/*.yaml"), recursive=True)):
        texts(yaml.safe_load(open(path, encoding="utf-8")), found)
    for t in found:
        if len(t) > 40 or any(ch in t for ch in "<[`*_!&"):
            c.add("A heading with *markup* <b>\n" + t)
    print("fuzz_pdf: %d seeds" % c.n)

    cardpdf_corpus()


def pdf_bytes(objects, info=None):
    """A PDF of the given object bodies (object 1 the catalog), with an
    xref table: what a minimal form looks like to qpdf."""
    out = b"%PDF-1.7\n"
    offsets = []
    for i, body in enumerate(objects):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % (i + 1) + body.encode("latin-1") + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    trailer = "<< /Size %d /Root 1 0 R%s >>" % (
        len(objects) + 1, " /Info %d 0 R" % info if info else "")
    out += b"trailer\n" + trailer.encode() + b"\nstartxref\n%d\n%%%%EOF\n" % xref
    return out


def form_pdf(fields):
    """A form whose fields are (name, /FT, value as a PDF object or None):
    radio groups and check boxes get one widget kid, as kitgen writes
    them; the fixture kit's id, version and digest as hidden fields."""
    objects = [None, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", None]
    refs, annots = [], []
    for name, ft, value in fields:
        field = len(objects) + 1
        widget = field + 1
        v = " /V %s" % value if value else ""
        objects.append("<< /T (%s) /FT %s%s /Kids [%d 0 R] >>" % (name, ft, v, widget))
        objects.append("<< /Type /Annot /Subtype /Widget /Rect [0 0 10 10] "
                       "/Parent %d 0 R >>" % field)
        refs.append("%d 0 R" % field)
        annots.append("%d 0 R" % widget)
    objects[0] = "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [%s] >> >>" % " ".join(refs)
    objects[2] = ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                  "/Annots [%s] >>" % " ".join(annots))
    return pdf_bytes(objects)


def cardpdf_corpus():
    """Forms with the fixture's field names: a filled round, a blank one,
    one rated without an interviewer, a bad rating, fields nested in a
    parent and a field that is its own kid."""
    kit = yaml.safe_load(open(os.path.join(FIXTURE, "kit.yaml"), encoding="utf-8"))
    digest = subprocess.run([os.path.join(ROOT, "kitgen"), "digest", "--content", FIXTURE],
                            capture_output=True, text=True).stdout.split()
    doc = [("kitgen:kit", "/Tx", "(%s)" % kit["id"]),
           ("kitgen:version", "/Tx", "(%s)" % kit["version"]),
           ("kitgen:digest", "/Tx", "(%s)" % (digest[0] if digest else ""))]
    p = "balanced-fresher:r1"
    people = [(p + ":candidate", "/Tx", "(Ada)"), (p + ":interviewer", "/Tx", "(Grace)"),
              (p + ":date", "/Tx", "(2026-12-01)")]
    rated = [(p + ":cache-1:rating", "/Btn", "/strong"),
             (p + ":cache-1:prompted", "/Btn", "/Yes"),
             (p + ":cache-1:evidence", "/Tx", "(Named the eviction policy.\rAnd why.)"),
             (p + ":overall", "/Btn", "/acceptable")]
    c = Corpus("fuzz_cardpdf")
    c.add(form_pdf(doc + people + rated))
    c.add(form_pdf(doc + [(n, ft, None) for n, ft, v in people + rated]))
    c.add(form_pdf(doc + people[:1] + rated))
    c.add(form_pdf(doc + people + rated[:-1] + [(p + ":overall", "/Btn", "(/great)")]))
    c.add(form_pdf(doc + people + [("balanced-fresher:r9:overall", "/Btn", "/weak")]))
    c.add(pdf_bytes(["<< /Type /Catalog /AcroForm << /Fields [2 0 R] >> >>",
                     "<< /T (a) /FT /Tx /Kids [2 0 R 3 0 R] >>",
                     "<< /T (r1) /Parent 2 0 R /V <FEFF00410042> >>"]))
    c.add(b"%PDF-1.7\n")
    print("fuzz_cardpdf: %d seeds" % c.n)


if __name__ == "__main__":
    sys.exit(main())
