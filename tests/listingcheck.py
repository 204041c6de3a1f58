#!/usr/bin/python3
"""listingcheck.py - checks of code listings and notes in a PDF edition,
for tests/t-listing.sh, through PyMuPDF (python3-fitz). Each command prints
what is wrong and exits 1, or exits 0 silently.

  listingcheck.py code PDF LISTING   the listing (a file) is in the PDF, a
        line number before each of its lines from 1 in order, in the mono
        font; a line too long for the box goes on, on lines with no number,
        each after the continuation hook drawn as lines (no character: no
        "\u21aa" anywhere in the PDF's text), and the parts' text put
        together is the line exactly (PyMuPDF) or but for the spaces at the
        wraps (pdftotext drops a line's trailing spaces); no mono glyph
        outside the box's page width; where the listing goes on to another
        page, that page's part begins with "(continued)"
  listingcheck.py notes PDF HEADING  on the page whose text has HEADING as
        a line of its own, ruled lines run down to within two lines of the
        body's foot
"""
import re
import subprocess
import sys

import fitz

MARK = "\u21aa"


def fail(msg):
    print(msg)
    sys.exit(1)


def mono_lines(page):
    """The page's lines set in the mono font: (y0, y1, x0, gutter, code,
    x1, code_x0). A line's spans in the color of its first (the gutter's,
    muted) are its gutter, the rest its code."""
    out = []
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", []):
            spans = [s for s in line["spans"] if "Mono" in s["font"]]
            if not spans:
                continue
            gutter = "".join(s["text"] for s in spans
                             if s["color"] == spans[0]["color"])
            rest = [s for s in spans if s["color"] != spans[0]["color"]]
            code = "".join(s["text"] for s in rest)
            out.append((round(line["bbox"][1], 1), line["bbox"][3],
                        spans[0]["bbox"][0], gutter, code,
                        max(s["bbox"][2] for s in spans),
                        rest[0]["bbox"][0] if rest else None))
    return sorted(out)


def hooks(page, y0, y1, x0, x1):
    """The stroked line segments drawn between x0 and x1 inside the band
    y0..y1: the continuation hook, where there is one."""
    segs = []
    for d in page.get_drawings():
        for item in d["items"]:
            if item[0] != "l":
                continue
            a, b = item[1], item[2]
            if (x0 - 0.5 <= min(a.x, b.x) and max(a.x, b.x) <= x1 + 0.5
                    and y0 <= min(a.y, b.y) and max(a.y, b.y) <= y1):
                segs.append((a, b))
    return segs


def hooked(page, y0, y1, gutter_x0, code_x0):
    """Is a hook drawn in the gutter, just left of the code: some segments
    spanning at least 3pt across, none of them crossing the code?"""
    segs = hooks(page, y0, y1, gutter_x0, code_x0)
    if len(segs) < 3:
        return False
    xs = [p.x for a, b in segs for p in (a, b)]
    return max(xs) - min(xs) >= 3


def pdftotext_lines(pdf):
    out = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", pdf, "-"],
                         capture_output=True, text=True, check=True).stdout
    return out


def code(pdf, listing):
    want = open(listing, encoding="utf-8").read().rstrip("\n").split("\n")
    want = [w.expandtabs(4) for w in want]
    doc = fitz.open(pdf)
    printed = []  # (page number, gutter, code, hooked) of its mono lines
    started = False
    for pno, page in enumerate(doc):
        if MARK in page.get_text("text"):
            fail(f"page {pno + 1}: a \"{MARK}\" character in the text")
        for y0, y1, x0, gutter, text, x1, cx0 in mono_lines(page):
            if x1 > page.rect.width - 20 * 72 / 25.4 + 1:
                fail(f"page {pno + 1}: a code line passes the right margin: {text!r}")
            if not started and gutter.strip() != "1":
                continue
            started = True
            hook = cx0 is not None and hooked(page, y0, y1, x0, cx0)
            printed.append((pno, gutter, text, hook))
    if not printed:
        fail("the listing is not in the PDF")
    # put the printed lines back together: a numbered line starts a line,
    # one with a blank gutter and a hook goes on with it
    got, parts, numbers, pages = [], [], [], {}
    for pno, gutter, text, hook in printed:
        num = gutter.strip()
        if not num:
            if not got:
                fail("a continuation before any line")
            if not hook:
                fail(f"page {pno + 1}: line {numbers[-1]} goes on at "
                     f"{text[:30]!r} with no hook drawn before it")
            got[-1] += text
            parts[-1].append(text)
            continue
        if not num.isdigit():
            break  # past the listing
        if hook:
            fail(f"page {pno + 1}: line {num} has a hook before it")
        numbers.append(int(num))
        got.append(text)
        parts.append([text])
        pages.setdefault(pno, int(num))
        if len(numbers) == len(want):
            break
    if numbers != list(range(1, len(want) + 1)):
        fail(f"line numbers are not 1..{len(want)} in order: {numbers[:12]}...")
    for n, (g, w) in enumerate(zip(got, want), 1):
        if g.rstrip(" ") != w.rstrip(" "):
            fail(f"line {n} printed as {g!r}, not {w!r}")
    wrapped = [n for n, p in enumerate(parts, 1) if len(p) > 1]
    long_lines = [w for w in want if len(w) > 100]
    if long_lines and not wrapped:
        fail("a line longer than the box was not wrapped with a mark")
    # pdftotext: a wrapped line's parts, one a text line each, joined
    # (with the spaces it drops at the wraps) are the line
    raw = pdftotext_lines(pdf)
    if MARK in raw:
        fail(f"pdftotext gives a \"{MARK}\"")
    lines = raw.split("\n")
    for n in wrapped:
        head = f"{n} {parts[n - 1][0].rstrip(' ')}"
        try:
            at = lines.index(head)
        except ValueError:
            fail(f"pdftotext: no text line {head!r}")
        texts = [lines[at][len(str(n)) + 1:]] + lines[at + 1:at + len(parts[n - 1])]
        pattern = r" *".join(re.escape(t) for t in texts)
        if not re.fullmatch(pattern, want[n - 1]):
            fail(f"pdftotext: line {n} copies as {texts!r}, not {want[n - 1]!r}")
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
