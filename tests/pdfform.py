#!/usr/bin/python3
"""pdfform.py - the panel packet's fillable scorecards, seen from outside
kitgen (tests/t-pdfform.sh): qpdf's JSON of the form, pypdf filling it in
as a viewer would, and the pixels poppler renders.

  pdfform.py check QPDF_JSON PDF EXPECTED
      every field EXPECTED lists ("NAME TYPE" a line: text, radio,
      checkbox) is in the form with that type, every field of the form
      is expected, and every widget has its appearance streams: /AP /N,
      a button's with its on state and /Off; every shown widget is the
      content of a Form structure element (an OBJR to it, its
      /StructParent) and its field says what it is (/TU)
  pdfform.py fill IN OUT SPEC
      fill IN's form with pypdf from SPEC (a JSON object: field name to a
      text, a radio button's export value, or true for a check box) and
      write OUT: text through pypdf's update_page_form_field_values, the
      buttons' /V and their widgets' /AS as a viewer sets them
  pdfform.py dark PDF PGM DPI NAME STATE
      the mean grey (0 black .. 255 white) in the middle of the widget of
      field NAME whose on state is STATE (or its only widget for "-") on
      the page PGM is (pdftoppm -gray at DPI of that page)
"""
import json
import sys

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject

KINDS = {"/Tx": "text", "/Btn": "checkbox"}


def field_kind(f):
    if f.get("fieldtype") == "/Btn" and f.get("isradiobutton"):
        return "radio"
    return KINDS.get(f.get("fieldtype"), f.get("fieldtype"))


def widgets(reader):
    """(page index, widget annotation, its field dictionary)"""
    for i, page in enumerate(reader.pages):
        for a in page.get("/Annots", []) or []:
            a = a.get_object()
            if a.get("/Subtype") != "/Widget":
                continue
            yield i, a, a["/Parent"].get_object() if "/Parent" in a else a


def check(qjson, pdf, expected):
    problems = []
    form = json.load(open(qjson))["acroform"]
    if not form.get("hasacroform"):
        problems.append("no /AcroForm")
    got = {}
    for f in form.get("fields", []):
        got.setdefault(f["fullname"], set()).add(field_kind(f))
    want = {}
    for line in open(expected):
        if line.strip():
            name, kind = line.split()
            want[name] = kind
    for name, kind in sorted(want.items()):
        if name not in got:
            problems.append("missing field %s" % name)
        elif got[name] != {kind}:
            problems.append("field %s is %s, not %s" % (name, got[name], kind))
    for name in sorted(set(got) - set(want)):
        problems.append("unexpected field %s" % name)
    n = 0
    reader = PdfReader(pdf)
    tree = reader.trailer["/Root"]["/StructTreeRoot"]["/ParentTree"]
    nums = tree["/Nums"]
    parents = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
    for page, a, field in widgets(reader):
        n += 1
        name = field.get("/T")
        hidden = int(a.get("/F", 0)) & 2
        if not hidden:  # tagged: a Form element holding an OBJR to it
            key = a.get("/StructParent")
            elem = parents.get(int(key)).get_object() if key is not None \
                and int(key) in parents else None
            kids = elem.get("/K", []) if elem else []
            kids = kids if isinstance(kids, list) else [kids]
            if not elem or elem.get("/S") != "/Form" or not any(
                    hasattr(k, "get") and k.get_object().get("/Type") == "/OBJR"
                    and k.get_object()["/Obj"].get_object() is a
                    for k in kids):
                problems.append("page %d: widget of %s is in no Form element "
                                "with an OBJR to it" % (page + 1, name))
            if not field.get("/TU"):
                problems.append("field %s has no /TU" % name)
        ap = a.get("/AP", {}).get("/N") if "/AP" in a else None
        if ap is None:
            problems.append("page %d: widget of %s has no /AP /N" % (page + 1, name))
            continue
        if field.get("/FT") == "/Btn":
            ap = ap.get_object()
            states = set(ap.keys()) if hasattr(ap, "keys") else set()
            if "/Off" not in states or len(states) != 2:
                problems.append("page %d: button %s has states %s" %
                                (page + 1, name, sorted(states)))
            if a.get("/AS") != "/Off":
                problems.append("page %d: button %s is not /Off" % (page + 1, name))
        elif field.get("/FT") == "/Tx" and "/DA" not in field:
            problems.append("text field %s has no /DA" % name)
    if n == 0:
        problems.append("no widgets on the pages")
    for p in problems[:30]:
        print(p)
    print("%d fields, %d widgets" % (len(got), n))
    return 1 if problems else 0


def fill(src, out, spec):
    values = json.load(open(spec))
    reader = PdfReader(src)
    writer = PdfWriter()
    writer.append(reader)
    texts = {k: v for k, v in values.items() if isinstance(v, str)}
    done = set()
    for page in writer.pages:
        if "/Annots" not in page:
            continue
        names = set()
        for a in page["/Annots"]:
            a = a.get_object()
            if a.get("/Subtype") == "/Widget" and "/Parent" in a:
                names.add(a["/Parent"].get_object().get("/T"))
        page_texts = {k: v for k, v in texts.items() if k in names}
        if page_texts:  # pypdf's own way for text (and its /V)
            writer.update_page_form_field_values(page, page_texts)
        for a in page["/Annots"]:
            a = a.get_object()
            if a.get("/Subtype") != "/Widget" or "/Parent" not in a:
                continue
            field = a["/Parent"].get_object()
            name = field.get("/T")
            if name not in values or field.get("/FT") != "/Btn":
                continue
            want = values[name]
            states = [s for s in a["/AP"]["/N"].keys() if s != "/Off"]
            on = states[0]
            if want is True or want == on[1:]:
                a[NameObject("/AS")] = NameObject(on)
                field[NameObject("/V")] = NameObject(on)
                done.add(name)
            elif want is not False:
                a[NameObject("/AS")] = NameObject("/Off")
        done.update(k for k in page_texts)
    missing = set(values) - done
    if missing:
        print("no such field or value: %s" % ", ".join(sorted(missing)))
        return 1
    with open(out, "wb") as f:
        writer.write(f)
    return 0


def read_pgm(path):
    data = open(path, "rb").read()
    parts, pos = [], 0
    while len(parts) < 4:  # magic, width, height, maxval
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos) + 1
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        parts.append(data[pos:end])
        pos = end
    assert parts[0] == b"P5", "not a binary PGM"
    w, h = int(parts[1]), int(parts[2])
    return w, h, data[pos + 1:pos + 1 + w * h]


def dark(pdf, pgm, dpi, name, state):
    reader = PdfReader(pdf)
    w, h, px = read_pgm(pgm)
    scale = float(dpi) / 72.0
    for page, a, field in widgets(reader):
        if field.get("/T") != name:
            continue
        if state != "-":
            n = a["/AP"]["/N"]
            if "/" + state not in n.keys():
                continue
        x0, y0, x1, y1 = [float(v) for v in a["/Rect"]]
        page_h = float(reader.pages[page].mediabox.height)
        # the middle third of the widget, in pixels from the top left
        cx0 = int((x0 + (x1 - x0) / 3) * scale)
        cx1 = int((x1 - (x1 - x0) / 3) * scale)
        cy0 = int((page_h - y1 + (y1 - y0) / 3) * scale)
        cy1 = int((page_h - y0 - (y1 - y0) / 3) * scale)
        vals = [px[y * w + x] for y in range(cy0, max(cy1, cy0 + 1))
                for x in range(cx0, max(cx1, cx0 + 1))]
        print("%.0f" % (sum(vals) / len(vals)))
        return 0
    print("no widget %s %s" % (name, state))
    return 1


def main(argv):
    if len(argv) == 5 and argv[1] == "check":
        return check(argv[2], argv[3], argv[4])
    if len(argv) == 5 and argv[1] == "fill":
        return fill(argv[2], argv[3], argv[4])
    if len(argv) == 7 and argv[1] == "dark":
        return dark(argv[2], argv[3], argv[4], argv[5], argv[6])
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
