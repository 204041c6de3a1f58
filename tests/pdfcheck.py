#!/usr/bin/env python3
"""pdfcheck.py - checks of a PDF edition for tests/t-pdf.sh, through poppler
(pdftotext) and qpdf. Each command prints what is wrong and exits 1, or
exits 0 silently.

  pdfcheck.py order PDF MD           every heading and question prompt of the
                                     Markdown edition is in the PDF's body,
                                     in the same order
  pdfcheck.py margins PDF STYLE      no word outside the style's margins
  pdfcheck.py contents PDF MD        the contents give each topic the page
                                     its heading is on
  pdfcheck.py outline PDF MD         the outline has an entry per topic
  pdfcheck.py links PDF WAYS         every link into the document goes to a
                                     page of it; a link on a line that ends
                                     in a page number (contents, index) goes
                                     to that page; WAYS: "later", "earlier"
                                     or "later,earlier", the directions some
                                     link must go
  pdfcheck.py nesting PDF MD         the outline nests (entries with kids,
                                     closed), and each entry goes to the page
                                     its heading is on
"""
import html
import json
import re
import subprocess
import sys


def run(*cmd):
    return subprocess.run(cmd, check=True, capture_output=True).stdout.decode("utf-8")


def norm(s):
    """Letters and digits only, lower case: line breaks, hyphens at a break,
    smart punctuation and Markdown marks do not matter."""
    return "".join(ch for ch in s.lower() if ch.isalnum())


def md_plain(s):
    s = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", s)  # links: their text
    return re.sub(r"\\(.)", r"\1", s)  # escapes


HEADING = re.compile(r'^(#+) <a id="([^"]+)"></a>(.*)$')


def md_items(md):
    """(kind, id, text) for each heading and question prompt, in order."""
    lines = open(md, encoding="utf-8").read().split("\n")
    items = []
    for i, line in enumerate(lines):
        m = HEADING.match(line)
        if not m:
            continue
        items.append(("heading" if len(m.group(1)) > 2 else "part", m.group(2),
                      md_plain(m.group(3))))
        if m.group(2).startswith("q-"):
            j = i + 1
            while j < len(lines) and not lines[j].strip():
                j += 1
            para = []
            while j < len(lines) and lines[j].strip():
                para.append(lines[j])
                j += 1
            items.append(("prompt", m.group(2), md_plain(" ".join(para))))
    return items


def pages_text(pdf):
    return run("pdftotext", "-enc", "UTF-8", pdf, "-").split("\f")


def body_start(pages):
    """The first page after the cover and the contents."""
    last = 0
    for i, p in enumerate(pages):
        head = p.strip().split("\n")[:3]
        if any(h.strip() == "Contents" for h in head):
            last = i
    return last + 1


# the footer's lines: the page number, the version and edition, and the
# marking of who the edition is for (generator/edition.c)
FOOTER = re.compile(r"^(page \d+ of \d+|Version \S+ \u00b7 .*"
                    r"|Contains answer keys \u2014 not for candidates"
                    r"|Confidential \u2014 interviewer material)$")


def running(page, header):
    """A page's text without its running header (the kit's title and the
    part's, when the page starts with the header line) and footer, so a
    paragraph that runs on over a page break reads as one."""
    lines = [l for l in page.split("\n") if l.strip()]
    if lines and lines[0].strip() == header:
        lines = lines[2:]
    return "\n".join(l for l in lines if not FOOTER.match(l.strip()))


def cmd_order(pdf, md):
    pages = pages_text(pdf)[body_start(pages_text(pdf)):]
    firsts = [([l for l in p.split("\n") if l.strip()] or [""])[0].strip()
              for p in pages]
    header = max(set(firsts), key=firsts.count) if firsts else ""
    body = norm(" ".join(running(p, header) for p in pages))
    at, bad = 0, []
    for kind, ident, text in md_items(md):
        if ident == "contents":
            continue
        n = norm(text)
        found = body.find(n, at)
        if found < 0:
            bad.append("%s %s not found after position %d: %s" % (kind, ident, at, text[:70]))
        else:
            at = found + len(n)
    return bad


def length(v):
    if isinstance(v, (int, float)):
        return float(v)
    m = re.fullmatch(r"([0-9.]+)(pt|mm|cm|in)?", str(v).strip())
    num, unit = float(m.group(1)), m.group(2) or "pt"
    return num * {"pt": 1, "mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72}[unit]


def margins(style):
    """The four margins from the page section of style.yaml (no YAML
    library needed: the section is flat)."""
    out, section = {}, None
    for line in open(style, encoding="utf-8"):
        line = line.split("#", 1)[0].rstrip()
        if not line:
            continue
        if not line.startswith(" "):
            section = line.rstrip(":")
        elif section == "page":
            key, _, val = line.strip().partition(":")
            out[key] = length(val.strip())
    return out


WORD = re.compile(r'<word xMin="([-0-9.]+)" yMin="([-0-9.]+)" xMax="([-0-9.]+)" yMax="([-0-9.]+)">(.*?)</word>')
PAGE = re.compile(r'<page width="([0-9.]+)" height="([0-9.]+)">')


def bbox_pages(pdf):
    """[(width, height, [(x0, y0, x1, y1, word)])] per page."""
    out = []
    for line in run("pdftotext", "-bbox", pdf, "-").split("\n"):
        m = PAGE.search(line)
        if m:
            out.append((float(m.group(1)), float(m.group(2)), []))
            continue
        m = WORD.search(line)
        if m and out:
            out[-1][2].append(tuple(float(m.group(k)) for k in range(1, 5)) +
                              (html.unescape(m.group(5)),))
    return out


def cmd_margins(pdf, style):
    m = margins(style)
    bad = []
    for n, (w, h, words) in enumerate(bbox_pages(pdf), 1):
        left, right = m["margin_left"] - 0.5, w - m["margin_right"] + 0.5
        top, bottom = m["margin_top"] - 0.5, h - m["margin_bottom"] + 0.5
        for x0, y0, x1, y1, word in words:
            if x0 < left or x1 > right or y0 < top or y1 > bottom:
                bad.append("page %d: '%s' at (%.1f, %.1f)-(%.1f, %.1f) is outside "
                           "(%.1f, %.1f)-(%.1f, %.1f)" %
                           (n, word[:30], x0, y0, x1, y1, left, top, right, bottom))
    return bad[:20]


def topics(md):
    return [(i, t) for k, i, t in md_items(md) if k == "part" and i.startswith("topic-")]


def heading_pages(pdf, min_height=14):
    """Per page, the normalised text of its large words (part titles)."""
    return [norm(" ".join(wd[4] for wd in words if wd[3] - wd[1] >= min_height))
            for _, _, words in bbox_pages(pdf)]


def contents_numbers(pdf):
    """{normalised entry title: page number} from the contents pages: an
    entry is its title (perhaps over several lines), dot leaders and the
    number."""
    pages = run("pdftotext", "-layout", "-enc", "UTF-8", pdf, "-").split("\f")
    entries = {}
    for p in pages[1:body_start(pages_text(pdf))]:
        lines = [ln.strip() for ln in p.split("\n") if ln.strip()][1:]  # no header
        pending = ""
        for t in lines:
            m = re.match(r"^(.*?)[\s.]*?(\d+)$", t)
            if t == "Contents":
                continue
            if m and re.search(r"\.\s*\.", t):
                title = re.sub(r"[\s.]+$", "", m.group(1))
                entries[norm(pending + " " + title)] = int(m.group(2))
                pending = ""
            else:
                pending = (pending + " " + t).strip()
    return entries


def cmd_contents(pdf, md):
    numbers = contents_numbers(pdf)
    heads = heading_pages(pdf)
    bad = []
    for ident, title in topics(md):
        t = norm(title)
        if t not in numbers:
            bad.append("the contents have no entry for %s (%s)" % (ident, title))
            continue
        pages = [n for n, h in enumerate(heads, 1) if t in h]
        if not pages:
            bad.append("no page has the heading of %s" % ident)
        elif numbers[t] != pages[0]:
            bad.append("%s: the contents say page %d, the heading is on page %d" %
                       (ident, numbers[t], pages[0]))
    return bad


def outline_titles(items):
    for it in items:
        yield it.get("title", "")
        yield from outline_titles(it.get("kids", []))


def cmd_outline(pdf, md):
    data = json.loads(run("qpdf", "--json", "--json-key=outlines", pdf))
    titles = {norm(t) for t in outline_titles(data.get("outlines", []))}
    return ["no outline entry for %s (%s)" % (i, t) for i, t in topics(md) if norm(t) not in titles]


def objects(pdf):
    """qpdf's objects: {"N 0 R": value}."""
    data = json.loads(run("qpdf", "--json", "--json-key=qpdf", pdf))
    return {k[4:]: v.get("value") for k, v in data["qpdf"][1].items() if k.startswith("obj:")}


def page_refs(objs):
    """The page objects in order, through the page tree."""
    root = next(v for v in objs.values() if isinstance(v, dict) and v.get("/Type") == "/Catalog")
    out = []

    def walk(ref):
        node = objs[ref]
        if node.get("/Type") == "/Pages":
            for kid in node["/Kids"]:
                walk(kid)
        else:
            out.append(ref)
    walk(root["/Pages"])
    return out


def cmd_links(pdf, ways):
    objs = objects(pdf)
    pages = page_refs(objs)
    index = {ref: n for n, ref in enumerate(pages, 1)}
    words = bbox_pages(pdf)
    bad, seen = [], set()
    for n, ref in enumerate(pages, 1):
        height = words[n - 1][1]
        for a in objs[ref].get("/Annots", []):
            ann = objs[a]
            dest = ann.get("/Dest")
            if dest is None:
                continue
            if isinstance(dest, str):  # an indirect destination
                dest = objs.get(dest)
            to = index.get(dest[0])
            if to is None or dest[1] != "/XYZ" or not 0 < dest[3] <= height:
                bad.append("page %d: link %s goes nowhere: %s" % (n, a, dest))
                continue
            seen.add("later" if to > n else "earlier" if to < n else "same")
            # the words on the link's line; a number at its end after leaders
            x0, y0, x1, y1 = ann["/Rect"]
            mid = height - (y0 + y1) / 2
            line = sorted((w for w in words[n - 1][2] if w[1] <= mid <= w[3]),
                          key=lambda w: w[0])
            text = " ".join(w[4] for w in line)
            m = re.search(r"\. \.\s+(\d+)$", text)
            if m and int(m.group(1)) != to:
                bad.append("page %d: '%s' says page %s, its link goes to page %d" %
                           (n, text[:40], m.group(1), to))
    for way in ways.split(","):
        if way not in seen:
            bad.append("no link goes to an %s page" % way if way == "earlier"
                       else "no link goes to a %s page" % way)
    return bad


def cmd_nesting(pdf, md):
    data = json.loads(run("qpdf", "--json", "--json-key=outlines", pdf))
    texts = [norm(t) for t in pages_text(pdf)]
    bad, nested = [], [0]

    def walk(items, depth):
        for it in items:
            kids = it.get("kids", [])
            if kids:
                nested[0] += 1
                if it.get("open"):
                    bad.append("outline entry '%s' is open" % it["title"])
            page = it.get("destpageposfrom1")
            if not page or norm(it["title"]) not in texts[page - 1]:
                bad.append("outline entry '%s' goes to page %s, which does not have it" %
                           (it["title"], page))
            walk(kids, depth + 1)
    walk(data.get("outlines", []), 0)
    if not nested[0]:
        bad.append("the outline does not nest")
    return bad


def main(argv):
    cmds = {"order": cmd_order, "margins": cmd_margins, "contents": cmd_contents,
            "outline": cmd_outline, "links": cmd_links, "nesting": cmd_nesting}
    if len(argv) != 4 or argv[1] not in cmds:
        sys.stderr.write(__doc__)
        return 2
    bad = cmds[argv[1]](argv[2], argv[3])
    for b in bad:
        print(b)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
