#!/usr/bin/python3
"""breakcheck.py - checks of the page-break rules of a PDF edition, for
tests/t-breaks.sh, from the layout engine's record of where every block
landed (KITGEN_LAYOUT_RECORD: a JSON line per page and one per run of
pages for its boxes and lists) and the PDF's own text, page by page
(PyMuPDF, python3-fitz).

  breakcheck.py RECORD PDF [--tails]

Prints one line per broken rule, "RULE: page N: what", and exits 1; exits
0 silently when every rule holds. The rules (README, "How pages break"):

  rows       no table row split over pages, nor a rubric band (a row of
             its table), unless it is taller than a page (and then its
             part on a later page is headed by its first cell, continued)
  widows     a box or list split over pages keeps at least two lines (a
             box) or items (a list) on each page it is on
  continued  every page a box goes on to starts with its head, its label
             and "(continued)" (in the PDF's text of that page too), and
             so does every list's (but one in a box or a list, whose head
             says it); and a head is only where its box or list goes on
  hyphen     no page but a section's last ends on a line that ends in a
             hyphenation break (in the record, and in the PDF's text)
  headings   a heading keeps two lines of what follows on its page (in
             the record; and in the PDF's text, no body page but a
             section's last has a heading among its last two lines)
  fifth      no body page but a section's last is less than a fifth full
  balance    no title ends on a line of one short word
  tails      (--tails) a section's last page that is not its first holds
             more than three lines, unless the page before could not take
             them with the space between its blocks halved
"""
import json
import re
import sys

import fitz

BODY = 2  # kg_pw's page kinds: cover, contents, body
LINES = ("line", "heading", "row", "rowpart")


def load(path):
    pages, runs = [], {}
    with open(path, encoding="utf-8") as f:
        for raw in f:
            rec = json.loads(raw)
            if "items" in rec:
                pages.append(rec)
            else:
                runs[rec["run"]] = rec
    return pages, runs


def chain(table, i):
    """i and its parents in a run's boxes or lists."""
    out = []
    while i is not None and i >= 0:
        out.append(i)
        i = table[i]["parent"]
    return out


def body_size(doc):
    """The size most of the PDF's text is set in."""
    count = {}
    for page in doc:
        for b in page.get_text("dict")["blocks"]:
            for ln in b.get("lines", []):
                for sp in ln["spans"]:
                    k = round(sp["size"], 1)
                    count[k] = count.get(k, 0) + len(sp["text"])
    return max(count, key=count.get) if count else 0


def body_lines(page):
    """The page's lines between its running head and footer, top to
    bottom: (largest size, bold, mono, text)."""
    h = page.rect.height
    out = []
    for b in page.get_text("dict")["blocks"]:
        for ln in b.get("lines", []):
            y = ln["bbox"][1]
            spans = [sp for sp in ln["spans"] if sp["text"].strip()]
            if not spans or y < h * 0.08 or y > h * 0.92:
                continue
            size = max(sp["size"] for sp in spans)
            bold = all(sp["flags"] & 16 for sp in spans)
            mono = all("Mono" in sp["font"] for sp in spans)
            out.append((y, size, bold, mono,
                        "".join(sp["text"] for sp in spans).rstrip()))
    out.sort()
    return [o[1:] for o in out]


def pullable(before, tail):
    """Could the page before take the tail, the space above each of its
    blocks and the tail's (not the first's) shrunk to half (the layout's
    most, lay_pages.c: S_SQUEEZE_MOST)?"""
    prev = [it for it in before["items"] if it["t"] != "head"]
    rest = [it for it in tail["items"] if it["t"] != "head"]
    if not prev or not rest:
        return False
    spaces = sum(it["s"] for it in prev[1:]) + sum(it["s"] for it in rest)
    height = sum(it["s"] + it["h"] for it in rest)
    need = before["used"] + height - before["height"]
    return need <= spaces / 2 - 1


def main(argv):
    if len(argv) < 3:
        sys.exit("usage: breakcheck.py RECORD PDF [--tails]")
    pages, runs = load(argv[1])
    doc = fitz.open(argv[2])
    tails = "--tails" in argv[3:]
    bad = []

    def fail(rule, page, what):
        bad.append(f"{rule}: page {page}: {what}")

    if len(pages) != doc.page_count:
        fail("record", 0, f"{len(pages)} pages recorded, {doc.page_count} in the PDF")
    # where each box's and list's content landed: (run, id) -> {page: lines}
    box_pages, list_pages, list_items = {}, {}, {}
    heads = {}  # page -> [(run, box, list)] of the heads placed on it
    row_heads = set()  # (run, row, page): a row's head placed on page
    rows = {}
    for pg in pages:
        run = runs.get(pg["run"], {"boxes": [], "lists": []})
        n = pg["page"]
        for it in pg["items"]:
            if it["t"] == "head":
                heads.setdefault(n, []).append((pg["run"], it["hb"], it["hl"]))
                if it["r"] >= 0:
                    row_heads.add((pg["run"], it["r"], n))
                continue
            line = it["t"] in LINES
            for b in chain(run["boxes"], it["b"]):
                d = box_pages.setdefault((pg["run"], b), {})
                d[n] = d.get(n, 0) + line
            for li in chain(run["lists"], it["l"]):
                d = list_pages.setdefault((pg["run"], li), {})
                d[n] = d.get(n, 0) + line
                if li == it["l"] or it["item"]:
                    e = list_items.setdefault((pg["run"], li), {})
                    # an item's first element, or a page's first line of one
                    if it["item"] or n not in e:
                        e[n] = e.get(n, 0) + 1
            if it["t"] == "rowpart":
                r = rows.setdefault((pg["run"], it["r"]), [0, set()])
                r[0] += it["h"]
                r[1].add(n)

    page_text = {}

    def text(n):
        if n not in page_text:
            page_text[n] = doc[n - 1].get_text()
        return page_text[n]

    height = pages[0]["height"] if pages else 0
    for (run, r), (h, on) in sorted(rows.items()):
        if len(on) > 1 and h <= height:
            fail("rows", min(on), f"a table row {h:.0f} pt tall is split over pages {sorted(on)}")
        for n in sorted(on)[1:]:
            if (run, r, n) not in row_heads:
                fail("continued", n, "a row taller than a page goes on here with no head")
            elif "(continued)" not in text(n):
                fail("continued", n, "a row's head is not in the page's text")

    for (run, b), on in sorted(box_pages.items()):
        box = runs[run]["boxes"][b]
        seq = sorted(on)
        if len(seq) < 2:
            continue
        if box["whole"] and box["h"] <= height:
            fail("rows", seq[0], f"a {box['kind']} kept whole ({box['h']:.0f} pt) is split over pages {seq}")
        for n in seq:
            if on[n] < 2:
                fail("widows", n, f"a {box['kind']} split over pages {seq} has {on[n]} line(s) here")
        for n in seq[1:]:
            if not any(h[0] == run and h[1] == b for h in heads.get(n, [])):
                fail("continued", n, f"a {box['kind']} goes on here from page {seq[0]} with no continued head")
            elif "(continued)" not in text(n):
                fail("continued", n, f"a {box['kind']}'s head is not in the page's text")
    for (run, li), on in sorted(list_pages.items()):
        lst = runs[run]["lists"][li]
        seq = sorted(n for n in on if on[n])
        if len(seq) < 2:
            continue
        items = list_items.get((run, li), {})
        for n in seq:
            if items.get(n, 0) < 2:
                fail("widows", n, f"a list split over pages {seq} has {items.get(n, 0)} item(s) here")
        if lst["head"] < 0:
            # a list in a box or in another list has their head
            if lst["parent"] < 0 and lst["box"] < 0:
                fail("continued", seq[1], f"a list goes on here from page {seq[0]} with no head")
            continue
        for n in seq[1:]:
            if not any(h[0] == run and h[2] == li for h in heads.get(n, [])):
                fail("continued", n, f"a labelled list goes on here from page {seq[0]} with no continued head")
            elif "(continued)" not in text(n):
                fail("continued", n, "a list's head is not in the page's text")

    # and a head only where its box or list goes on from an earlier page
    for n, hs in sorted(heads.items()):
        for run, hb, hl in hs:
            if hb < 0 and hl < 0:
                continue  # a row's head, checked with its row
            on = box_pages.get((run, hb)) if hb >= 0 else list_pages.get((run, hl))
            if not on or min(p for p in on if on[p] or hl < 0) >= n:
                fail("continued", n, "a continued head on the page its box or list starts on")

    for k, pg in enumerate(pages):
        n = pg["page"]
        items = [it for it in pg["items"] if it["t"] != "head"]
        lines = [it for it in items if it["t"] in LINES]
        if pg["kind"] == BODY and not pg["last"] and pg["used"] < pg["height"] / 5:
            fail("fifth", n, f"{100 * pg['used'] / pg['height']:.0f}% full and not a section's last")
        if not pg["last"] and lines and lines[-1]["hy"]:
            fail("hyphen", n, "ends on a line that ends in a hyphenation break")
        for j, it in enumerate(lines):
            if it["t"] != "heading" or (j + 1 < len(lines) and lines[j + 1]["t"] == "heading"):
                continue
            after = len(lines) - j - 1
            if after < 2 and not pg["last"]:
                fail("headings", n, f"a heading with {after} line(s) after it at the foot of the page")
        for it in lines:
            if it["short"]:
                fail("balance", n, "a title ends on a line of one short word")
        if tails and pg["last"] and pg["kind"] == BODY and k > 0 and \
                not pages[k - 1]["last"] and pages[k - 1]["run"] == pg["run"] and \
                len(lines) < 4 and pullable(pages[k - 1], pg):
            fail("tails", n, f"a section's tail of {len(lines)} line(s) alone on its last page")
    # the same from the PDF alone: no body page but a section's last has a
    # heading (bold, larger than the body text) among its last two lines
    body = body_size(doc)
    for pg in pages:
        if pg["last"] or pg["kind"] != BODY:
            continue
        lines = body_lines(doc[pg["page"] - 1])
        for size, bold, mono, txt in lines[-2:]:
            if bold and size > body * 1.1:
                fail("headings", pg["page"], f"the PDF's text ends near a heading: {txt!r}")
        if lines and not lines[-1][2] and re.search(r"[^\W\d_]-$", lines[-1][3]):
            fail("hyphen", pg["page"], f"the PDF's text ends on a hyphen: {lines[-1][3]!r}")
    for line in bad:
        print(line)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
