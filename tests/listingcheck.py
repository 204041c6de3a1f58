#!/usr/bin/python3
"""listingcheck.py - checks of code listings and notes in a PDF edition,
for tests/t-listing.sh, through PyMuPDF (python3-fitz). Each command prints
what is wrong and exits 1, or exits 0 silently.

  listingcheck.py code PDF LISTING   the listing (a file) is in the PDF, a
        line number before each of its lines from 1 in order, in the mono
        font; a line too long for the box goes on after a "↪" mark, and the
        parts put together are the line (nothing lost, nothing added, only
        spaces at the wraps); no mono glyph outside the box's page width;
        where the listing goes on to another page, that page's part begins
        with "(continued)"
  listingcheck.py notes PDF HEADING  on the page whose text has HEADING as
        a line of its own, ruled lines run down to within two lines of the
        body's foot
"""
import sys

import fitz

MARK = "\u21aa"


def fail(msg):
    print(msg)
    sys.exit(1)


def mono_lines(page):
    """The page's lines set in the mono font: (y, x0, text, x1)."""
    out = []
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", []):
            spans = [s for s in line["spans"] if "Mono" in s["font"]]
            if not spans:
                continue
            text = "".join(s["text"] for s in spans)
            out.append((round(line["bbox"][1], 1), spans[0]["bbox"][0],
                        text, max(s["bbox"][2] for s in spans)))
    return sorted(out)


def code(pdf, listing):
    want = open(listing, encoding="utf-8").read().rstrip("\n").split("\n")
    want = [w.expandtabs(4) for w in want]
    doc = fitz.open(pdf)
    printed = []  # (page number, text) of every mono line of the listing
    started = False
    for pno, page in enumerate(doc):
        for y, x0, text, x1 in mono_lines(page):
            if x1 > page.rect.width - 20 * 72 / 25.4 + 1:
                fail(f"page {pno + 1}: a code line passes the right margin: {text!r}")
            head = text.strip()
            if not started and not head.startswith("1 "):
                continue
            started = True
            printed.append((pno, text))
    if not printed:
        fail("the listing is not in the PDF")
    # put the printed lines back together: "N  code" starts a line,
    # "↪ rest" goes on with it
    got, numbers, pages = [], [], {}
    for pno, text in printed:
        s = text.lstrip(" ")
        if s.startswith(MARK):
            if not got:
                fail("a continuation before any line")
            got[-1] += s[len(MARK):].lstrip(" ") if got[-1].endswith(" ") else s[len(MARK):].lstrip(" ")
            continue
        num, _, rest = s.partition(" ")
        if not num.isdigit():
            break  # past the listing
        numbers.append(int(num))
        got.append(rest[1:] if rest.startswith(" ") else rest)
        pages.setdefault(pno, int(num))
        if len(numbers) == len(want):
            break
    if numbers != list(range(1, len(want) + 1)):
        fail(f"line numbers are not 1..{len(want)} in order: {numbers[:12]}...")
    for n, (g, w) in enumerate(zip(got, want), 1):
        if g.replace(" ", "") != w.replace(" ", ""):
            fail(f"line {n} printed as {g!r}, not {w!r}")
    wrapped = sum(1 for _, t in printed if t.lstrip().startswith(MARK))
    long_lines = [w for w in want if len(w) > 100]
    if long_lines and not wrapped:
        fail("a line longer than the box was not wrapped with a mark")
    # every page the listing goes on to starts its part with "(continued)"
    first = min(pages)
    for pno in sorted(pages):
        if pno == first:
            continue
        text = doc[pno].get_text("text")
        lines = [l.strip() for l in text.split("\n") if l.strip()]
        try:
            at = lines.index("(continued)")
        except ValueError:
            fail(f"page {pno + 1} goes on with the listing without \"(continued)\"")
        nxt = lines[at + 1] if at + 1 < len(lines) else ""
        if not nxt.startswith(str(pages[pno])):
            fail(f"page {pno + 1}: \"(continued)\" is not right above line {pages[pno]} ({nxt!r})")
    if len(pages) < 2:
        fail("the listing did not reach a second page")


def notes(pdf, heading):
    doc = fitz.open(pdf)
    for pno, page in enumerate(doc):
        lines = [l.strip() for l in page.get_text("text").split("\n")]
        if heading not in lines:
            continue
        # the body: below the header band (15mm + 30pt from the top),
        # above the footer band (13mm + 28pt from the foot), whose rules
        # are not the notes'
        top = 15 * 72 / 25.4 + 30
        foot = page.rect.height - 13 * 72 / 25.4 - 28
        pitch = 21
        rules = [d for d in page.get_drawings()
                 for item in d["items"] if item[0] == "l"
                 and abs(item[1].y - item[2].y) < 0.1
                 and top < item[1].y < foot + 1
                 and item[2].x - item[1].x > page.rect.width / 2]
        if len(rules) < 4:
            fail(f"page {pno + 1}: {len(rules)} ruled lines under {heading!r}")
        lowest = max(d["rect"].y1 for d in rules)
        if lowest < foot - 2 * pitch:
            fail(f"page {pno + 1}: the notes stop at y={lowest:.0f}, "
                 f"the body at {foot:.0f}")
        return
    fail(f"no page has the heading {heading!r}")


if __name__ == "__main__":
    {"code": code, "notes": notes}[sys.argv[1]](*sys.argv[2:])
