#!/usr/bin/env python3
"""tagcheck.py - checks of a tagged PDF's structure (tests/t-tagged.sh).

    tagcheck.py CHECK PDF

reads PDF through `qpdf --json=2` (streams decoded) and prints what is
wrong, exit 1, or nothing, exit 0. The checks:

  catalog   /MarkInfo Marked true, /Lang, /StructTreeRoot with a
            /ParentTree, /ViewerPreferences DisplayDocTitle true, XMP
            metadata with dc:title and pdfuaid:part 1, /Info /Title
  marked    every page has /StructParents; every text-showing and
            path-painting operator of its content is inside a marked-
            content sequence (BDC/BMC ... EMC); every MCID appears once
            per page, in the page's parent tree entry, and that element
            lists it among its kids (with that page)
  headings  the structure's H1-H3, in tree order, are the outline's
            entries, level and title (titles read through ToUnicode)
  kinds     the tree has P, L with LI (each Lbl and LBody), Table with
            TR holding TH (first row) and TD; a Document at its root
  links     every link annotation has /StructParent, its parent tree
            entry is a Link element whose kids hold an OBJR to it
  order     the text of the tree's marked content, in tree order, is the
            text of the pages' marked content in page order
"""
import base64
import json
import re
import subprocess
import sys


class Pdf:
    def __init__(self, path):
        out = subprocess.run(
            ["qpdf", "--json=2", "--json-stream-data=inline",
             "--decode-level=generalized", path],
            check=True, capture_output=True).stdout
        doc = json.loads(out)["qpdf"][1]
        self.objs = {}
        for key, val in doc.items():
            if key.startswith("obj:"):
                self.objs[key[4:]] = val
            elif key == "trailer":
                self.trailer = val["value"]
        self.root = self.get(self.trailer["/Root"])
        self.pages = []
        self.collect_pages(self.get(self.root["/Pages"]))
        self._cmaps = {}

    def get(self, v):
        """v resolved: a reference's object (a stream's dictionary)."""
        if isinstance(v, str) and v.endswith(" R") and v in self.objs:
            o = self.objs[v]
            return o["value"] if "value" in o else o["stream"]["dict"]
        return v

    def data(self, ref):
        return base64.b64decode(self.objs[ref]["stream"].get("data", ""))

    def collect_pages(self, node, ):
        for kid in node["/Kids"]:
            k = self.get(kid)
            if k.get("/Type") == "/Pages":
                self.collect_pages(k)
            else:
                self.pages.append((kid, k))

    def content(self, page):
        c = page["/Contents"]
        refs = c if isinstance(c, list) else [c]
        return b"\n".join(self.data(r) for r in refs)

    def cmap(self, font_ref):
        """A font's ToUnicode map: code bytes (hex) -> text."""
        if font_ref in self._cmaps:
            return self._cmaps[font_ref]
        m = {}
        font = self.get(font_ref)
        if "/ToUnicode" in font:
            text = self.data(font["/ToUnicode"]).decode("latin-1")
            for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
                for a, b in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                    m[a.upper()] = bytes.fromhex(b).decode("utf-16-be")
            for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
                for a, b, c in re.findall(
                        r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                    lo, hi, start = int(a, 16), int(b, 16), int(c, 16)
                    for code in range(lo, hi + 1):
                        m["%0*X" % (len(a), code)] = chr(start + code - lo)
        self._cmaps[font_ref] = m
        return m


# ---- content streams -----------------------------------------------------

TOKEN = re.compile(rb"""
    (?P<ws>[ \t\r\n\f\0]+|%[^\r\n]*)
  | (?P<str>\((?:\\.|[^\\()]|\((?:\\.|[^\\()])*\))*\))
  | (?P<hex><[0-9A-Fa-f\s]*>)
  | (?P<dict><<|>>)
  | (?P<arr>[\[\]])
  | (?P<name>/[^ \t\r\n\f\0()<>\[\]{}/%]*)
  | (?P<num>[+-]?(?:\d+\.?\d*|\.\d+))
  | (?P<op>[A-Za-z'"*]+)
""", re.X)


def tokens(data):
    pos = 0
    while pos < len(data):
        m = TOKEN.match(data, pos)
        if not m:
            raise ValueError("cannot read the content at byte %d" % pos)
        pos = m.end()
        if m.lastgroup != "ws":
            yield m.lastgroup, m.group()


ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def literal(tok):
    """A literal string's bytes, "(...)" with its escapes undone."""
    out, i, s = bytearray(), 1, tok[:-1]
    while i < len(s):
        c = s[i:i + 1]
        if c != b"\\":
            out += c
            i += 1
            continue
        e = s[i + 1:i + 2]
        m = re.match(rb"[0-7]{1,3}", s[i + 1:i + 4])
        if m:
            out.append(int(m.group(), 8) & 0xFF)
            i += 1 + len(m.group())
        elif e in (b"\n", b"\r"):
            i += 2
        else:
            out += ESCAPES.get(e, e)
            i += 2
    return bytes(out)


SHOW = {b"Tj", b"TJ", b"'", b'"'}
PAINT = {b"f", b"F", b"f*", b"S", b"s", b"B", b"B*", b"b", b"b*"}


def marked_runs(pdf, page):
    """Walk a page's content: yields ('bad', op) for text or painting
    outside marked content, ('mcid', n, tag, text) per marked sequence
    with an MCID (its text through the fonts' ToUnicode maps)."""
    fonts = pdf.get(pdf.get(page["/Resources"]).get("/Font", {}))
    stack = []  # per open sequence: [mcid or None, tag, text parts]
    operands = []
    font = None
    for kind, tok in tokens(pdf.content(page)):
        if kind != "op":
            operands.append((kind, tok))
            continue
        if tok in (b"BDC", b"BMC"):
            tag = operands[0][1].decode() if operands else "?"
            mcid = None
            if tok == b"BDC":
                toks = [t for _, t in operands]
                if b"/MCID" in toks:
                    mcid = int(toks[toks.index(b"/MCID") + 1])
            stack.append([mcid, tag, []])
        elif tok == b"EMC":
            if not stack:
                yield ("bad", "EMC without BDC/BMC")
            else:
                mcid, tag, parts = stack.pop()
                if mcid is not None:
                    yield ("mcid", mcid, tag, "".join(parts))
        elif tok == b"Tf":
            font = operands[0][1].decode()[1:]
        elif tok in SHOW or tok in PAINT:
            if not stack:
                yield ("bad", tok.decode())
            elif tok in SHOW and font:
                cmap = pdf.cmap(fonts["/" + font])
                for k, t in operands:
                    if k == "hex":
                        h = re.sub(rb"\s", b"", t[1:-1]).decode().upper()
                    elif k == "str":
                        h = literal(t).hex().upper()
                    else:
                        continue
                    n = 4 if len(h) % 4 == 0 else 2
                    stack[-1][2].append("".join(
                        cmap.get(h[i:i + n], "?") for i in range(0, len(h), n)))
        operands = []
    if stack:
        yield ("bad", "a marked-content sequence is not closed")


# ---- the structure tree --------------------------------------------------

def kids(pdf, elem):
    k = elem.get("/K", [])
    return k if isinstance(k, list) else [k]


def walk(pdf, ref, depth=0, out=None):
    """The structure elements from ref, preorder: (ref, elem, depth)."""
    if out is None:
        out = []
    elem = pdf.get(ref)
    out.append((ref, elem, depth))
    for k in kids(pdf, elem):
        if isinstance(k, str) and k.endswith(" R"):
            sub = pdf.get(k)
            if isinstance(sub, dict) and "/S" in sub:
                walk(pdf, k, depth + 1, out)
    return out


def mcrs(pdf, elem):
    """The element's marked content as (page ref, mcid)."""
    pg = elem.get("/Pg")
    for k in kids(pdf, elem):
        if isinstance(k, int):
            yield (pg, k)
        elif isinstance(k, dict) and "/MCID" in k:
            yield (k.get("/Pg", pg), k["/MCID"])


def parent_tree(pdf):
    tree = pdf.get(pdf.get(pdf.root["/StructTreeRoot"])["/ParentTree"])
    nums = {}

    def collect(node):
        node = pdf.get(node)
        if "/Nums" in node:
            n = node["/Nums"]
            for i in range(0, len(n), 2):
                nums[n[i]] = n[i + 1]
        for k in node.get("/Kids", []):
            collect(k)
    collect(tree)
    return nums


def structure(pdf):
    root = pdf.get(pdf.root["/StructTreeRoot"])
    out = []
    for k in kids(pdf, root):
        walk(pdf, k, 0, out)
    return out


def text_of(pdf, texts, ref):
    """The text of an element and its descendants, by MCID."""
    parts = []
    for r, e, _ in walk(pdf, ref):
        for pg, mcid in mcrs(pdf, e):
            parts.append(texts.get((pg, mcid), ""))
    return "".join(parts)


def page_texts(pdf, problems):
    """(page ref, mcid) -> text, and the MCIDs in page order."""
    texts, order = {}, []
    for i, (ref, page) in enumerate(pdf.pages):
        seen = set()
        for ev in marked_runs(pdf, page):
            if ev[0] == "bad":
                problems.append("page %d: %s outside marked content" % (i + 1, ev[1]))
                continue
            _, mcid, tag, text = ev
            if mcid in seen:
                problems.append("page %d: MCID %d twice" % (i + 1, mcid))
            seen.add(mcid)
            texts[(ref, mcid)] = text
            order.append((ref, mcid))
    return texts, order


# ---- the checks ------------------------------------------------------------

def check_catalog(pdf, problems):
    r = pdf.root
    if pdf.get(r.get("/MarkInfo", {})).get("/Marked") is not True:
        problems.append("no /MarkInfo << /Marked true >>")
    lang = r.get("/Lang", "")
    if not isinstance(lang, str) or len(lang) < 3:
        problems.append("no /Lang")
    if "/StructTreeRoot" not in r:
        problems.append("no /StructTreeRoot")
    elif "/ParentTree" not in pdf.get(r["/StructTreeRoot"]):
        problems.append("the StructTreeRoot has no /ParentTree")
    if pdf.get(r.get("/ViewerPreferences", {})).get("/DisplayDocTitle") is not True:
        problems.append("no /ViewerPreferences << /DisplayDocTitle true >>")
    if "/Metadata" not in r:
        problems.append("no /Metadata")
    else:
        xmp = pdf.data(r["/Metadata"]).decode("utf-8")
        if not re.search(r"<dc:title><rdf:Alt><rdf:li[^>]*>[^<]+<", xmp):
            problems.append("the XMP metadata has no dc:title")
        if "<pdfuaid:part>1</pdfuaid:part>" not in xmp:
            problems.append("the XMP metadata has no pdfuaid:part 1")
    info = pdf.get(pdf.trailer.get("/Info", {}))
    if not info.get("/Title"):
        problems.append("no /Info /Title")


def check_marked(pdf, problems):
    nums = parent_tree(pdf)
    texts, _ = page_texts(pdf, problems)
    for i, (ref, page) in enumerate(pdf.pages):
        key = page.get("/StructParents")
        if not isinstance(key, int):
            problems.append("page %d has no /StructParents" % (i + 1))
            continue
        entry = pdf.get(nums.get(key, []))
        mcids = sorted(m for (p, m) in texts if p == ref)
        for m in mcids:
            if m >= len(entry):
                problems.append("page %d: MCID %d is not in its parent tree entry"
                                % (i + 1, m))
                continue
            elem = pdf.get(entry[m])
            if (ref, m) not in set(mcrs(pdf, elem)):
                problems.append("page %d: MCID %d's element (%s) does not list it"
                                % (i + 1, m, elem.get("/S")))
        if pdf.get(page.get("/Annots")) and page.get("/Tabs") != "/S":
            problems.append("page %d has annotations and no /Tabs /S" % (i + 1))


def outline(pdf):
    """The outline's entries, in order: (level, title)."""
    out = []

    def items(first, level):
        ref = first
        while ref:
            item = pdf.get(ref)
            out.append((level, text_string(item.get("/Title", ""))))
            if "/First" in item:
                items(item["/First"], level + 1)
            ref = item.get("/Next")
    root = pdf.get(pdf.root.get("/Outlines", {}))
    if "/First" in root:
        items(root["/First"], 1)
    return out


def text_string(v):
    if v.startswith("u:"):
        return v[2:]
    if v.startswith("b:"):
        return bytes.fromhex(v[2:]).decode("latin-1")
    return v


def norm(s):
    """Text to compare: a line break in the page is no space in its text."""
    return "".join(s.split())


def check_headings(pdf, problems):
    texts, _ = page_texts(pdf, problems)
    heads = [(int(e["/S"][2]), norm(text_of(pdf, texts, r)))
             for r, e, _ in structure(pdf) if e["/S"] in ("/H1", "/H2", "/H3")]
    want = [(lv, norm(t)) for lv, t in outline(pdf)]
    if heads != want:
        for i, (a, b) in enumerate(zip(heads, want)):
            if a != b:
                problems.append("heading %d: the structure has H%d %r, the outline "
                                "level %d %r" % (i + 1, a[0], a[1], b[0], b[1]))
                break
        if len(heads) != len(want):
            problems.append("%d headings H1-H3, %d outline entries"
                            % (len(heads), len(want)))
    if not heads:
        problems.append("no headings")


def check_kinds(pdf, problems):
    elems = structure(pdf)
    types = [e["/S"] for _, e, _ in elems]
    if not elems or types[0] != "/Document":
        problems.append("the tree's root element is not a Document")
    if "/P" not in types:
        problems.append("no P")
    lists = [e for _, e, _ in elems if e["/S"] == "/L"]
    if not lists:
        problems.append("no L")
    for lst in lists:
        for k in kids(pdf, lst):
            li = pdf.get(k)
            if not isinstance(li, dict) or li.get("/S") != "/LI":
                problems.append("an L holds %s, not an LI" % li.get("/S"))
                continue
            ks = [pdf.get(x).get("/S") for x in kids(pdf, li)]
            if ks[:1] != ["/Lbl"] or "/LBody" not in ks:
                problems.append("an LI holds %s, not Lbl and LBody" % ks)
    tables = [e for _, e, _ in elems if e["/S"] == "/Table"]
    if not tables:
        problems.append("no Table")
    for t in tables:
        rows = [pdf.get(k) for k in kids(pdf, t)]
        if not rows or any(r.get("/S") != "/TR" for r in rows):
            problems.append("a Table holds more than TR")
            continue
        head = [pdf.get(k).get("/S") for k in kids(pdf, rows[0])]
        if not head or any(h != "/TH" for h in head):
            problems.append("a Table's first row is not all TH: %s" % head)
        for r in rows[1:]:
            cells = [pdf.get(k).get("/S") for k in kids(pdf, r)]
            if len(cells) != len(head) or "/TD" not in cells:
                problems.append("a Table's row has cells %s under %d headers"
                                % (cells, len(head)))
                break


def check_links(pdf, problems):
    nums = parent_tree(pdf)
    n = 0
    for i, (ref, page) in enumerate(pdf.pages):
        for a in pdf.get(page.get("/Annots", [])):
            annot = pdf.get(a)
            if annot.get("/Subtype") != "/Link":
                continue
            n += 1
            key = annot.get("/StructParent")
            if not isinstance(key, int):
                problems.append("page %d: a link annotation has no /StructParent" % (i + 1))
                continue
            elem = pdf.get(nums.get(key))
            if not isinstance(elem, dict) or elem.get("/S") != "/Link":
                problems.append("page %d: a link's parent tree entry is not a Link"
                                % (i + 1))
                continue
            if not any(isinstance(k, dict) and k.get("/Obj") == a
                       for k in kids(pdf, elem)):
                problems.append("page %d: a Link element has no OBJR to its annotation"
                                % (i + 1))
            if not annot.get("/Contents"):
                problems.append("page %d: a link annotation has no /Contents" % (i + 1))
    if n == 0:
        problems.append("no link annotations")


def check_order(pdf, problems):
    texts, order = page_texts(pdf, problems)
    tree = []
    for _, e, _ in structure(pdf):
        tree.extend(mcrs(pdf, e))
    # an element's kids interleave its own content and its children's:
    # read the tree as a reader would, depth first, content in place
    tree = []

    def read(ref):
        elem = pdf.get(ref)
        pg = elem.get("/Pg")
        for k in kids(pdf, elem):
            if isinstance(k, int):
                tree.append((pg, k))
            elif isinstance(k, dict) and "/MCID" in k:
                tree.append((k.get("/Pg", pg), k["/MCID"]))
            elif isinstance(k, str) and "/S" in pdf.get(k):
                read(k)
    for k in kids(pdf, pdf.get(pdf.root["/StructTreeRoot"])):
        read(k)
    if tree != order:
        for i, (a, b) in enumerate(zip(tree, order)):
            if a != b:
                problems.append("content %d: the tree reads %r, the pages %r"
                                % (i + 1, texts.get(a), texts.get(b)))
                break
        if len(tree) != len(order):
            problems.append("%d marked runs in the tree, %d on the pages"
                            % (len(tree), len(order)))


CHECKS = {"catalog": check_catalog, "marked": check_marked,
          "headings": check_headings, "kinds": check_kinds,
          "links": check_links, "order": check_order}


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in CHECKS:
        sys.exit("usage: tagcheck.py %s PDF" % "|".join(CHECKS))
    pdf = Pdf(sys.argv[2])
    problems = []
    try:
        CHECKS[sys.argv[1]](pdf, problems)
    except (KeyError, TypeError, AttributeError) as e:
        problems.append("not a tagged PDF as kitgen writes one (%s: %s)"
                        % (type(e).__name__, e))
    for p in problems[:20]:
        print(p)
    if len(problems) > 20:
        print("... and %d more" % (len(problems) - 20))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
