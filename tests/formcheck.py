#!/usr/bin/python3
"""formcheck.py - checks of a panel packet's printed forms for
tests/t-forms.sh, through PyMuPDF (python3-fitz), page by page. Each command
prints what is wrong and exits 1, or exits 0 silently.

  formcheck.py cards PDF MD     every scorecard of the Markdown packet (its
                                lines, in order) is on one page of the PDF
                                with its instruction, its candidate,
                                interviewer, date and signature lines, and
                                no other page holds a card's instruction;
                                the debrief sheet is on one page
  formcheck.py drawn PDF MD     on those pages: every box is drawn, at
                                least 4 mm, never a glyph; a box per choice
                                and mark of each line; the Evidence column
                                is at least 45% of the card; each line's row
                                is at least 25 mm (5 lines or fewer, less in
                                proportion above); the candidate,
                                interviewer, date and signature lines are
                                drawn rules
  formcheck.py full PDF         no page is less than a fifth full but the
                                last of a section (the next page starts
                                one) and the cover
  formcheck.py printed PDF MD   a browser's print of the packet's HTML:
                                every scorecard with its instruction and
                                all its lines on one page, each row at
                                least 25 mm (as above), and the debrief
                                sheet
"""
import re
import sys

import fitz

MM = 72 / 25.4
BOX = "\u2610"
# what a page that starts a section begins with (the sections that start
# a page in a packet)
SECTION_START = re.compile(
    r"^(Contents|The loop plan|Round \d+: |Scorecard|Debrief sheet|Before the debrief)")
INSTRUCTION = "Tick one box a line"


def norm(s):
    """Letters and digits only, lower case."""
    return "".join(ch for ch in s.lower() if ch.isalnum())


def md_cards(md):
    """The scorecards of a Markdown packet, in order: (title, [line names])."""
    cards, card = [], None
    for line in open(md, encoding="utf-8"):
        line = line.rstrip("\n")
        m = re.match(r'^#+ <a id="round-\d+-scorecard(-\d+)?"></a>(.*)$', line)
        if m:
            card = (m.group(2), [])
            cards.append(card)
            continue
        if card is None:
            continue
        m = re.match(r"^\| \*\*(.*?)\*\*", line)
        if m:
            card[1].append(m.group(1).replace("\\", ""))
        elif line.startswith("#"):
            card = None
    return cards


def body_text(page, whole=False):
    """The page's text without its running header and footer (whole: a
    browser's print has none)."""
    if whole:
        return page.get_text()
    h = page.rect.height
    out = []
    for b in page.get_text("blocks"):
        if b[1] > 60 and b[3] < h - 55:
            out.append(b[4])
    return "\n".join(out)


def first_line(page):
    t = body_text(page).strip()
    return t.splitlines()[0] if t else ""


class Report:
    def __init__(self):
        self.bad = []

    def fail(self, msg):
        self.bad.append(msg)

    def done(self):
        for m in self.bad[:20]:
            print(m)
        sys.exit(1 if self.bad else 0)


def card_pages(doc, whole=False):
    return [i for i, p in enumerate(doc)
            if INSTRUCTION in body_text(p, whole)]


def check_cards(pdf, md, printed=False):
    doc = fitz.open(pdf)
    cards = md_cards(md)
    r = Report()
    pages = card_pages(doc, printed)
    glyphs = [p.number + 1 for p in doc if BOX in p.get_text()]
    if printed and glyphs:
        r.fail(f"{pdf}: a box is a text glyph on pages {glyphs}")
    if not cards:
        r.fail(f"{md}: no scorecard found")
    if len(pages) != len(cards):
        r.fail(f"{pdf}: {len(cards)} scorecards, but {len(pages)} pages "
               f"hold a card's instruction: {[p + 1 for p in pages]}")
    for (title, lines), pno in zip(cards, pages):
        text = body_text(doc[pno], printed)
        flat = norm(text)
        where = f"{pdf}: page {pno + 1} ({title})"
        if norm(title) not in flat:
            r.fail(f"{where}: the card's title is not on its page")
        for name in lines:
            if norm(name) not in flat:
                r.fail(f"{where}: line '{name}' is not on the card's page")
        at = [flat.find(norm(n)) for n in lines]
        if at != sorted(at):
            r.fail(f"{where}: the lines are out of order")
        for label in ("Candidate", "Interviewer", "Date", "Signature",
                      "Evidence"):
            if label.lower() not in text.lower():
                r.fail(f"{where}: no {label} on the card's page")
        row_room(doc[pno], lines, where, r)
        if not printed and INSTRUCTION not in first_line_block(doc[pno]):
            r.fail(f"{where}: the instruction is not at the top of the card")
    if printed:
        deb = [i for i, p in enumerate(doc)
               if "the sum ÷ 100" in " ".join(p.get_text().lower().split())]
    else:
        deb = [i for i, p in enumerate(doc)
               if first_line(p).startswith("Debrief sheet")]
    if len(deb) != 1:
        r.fail(f"{pdf}: {len(deb)} pages start the debrief sheet")
    for pno in deb:
        text = " ".join(body_text(doc[pno], printed).lower().split())
        for want in ("Candidate", "Overall rating", "Weighted total",
                     "The decision rule", "Hire", "No hire",
                     "One more round", "Reasons", "Date",
                     "Signature of the lead"):
            if want.lower() not in text:
                r.fail(f"{pdf}: page {pno + 1}: the debrief sheet's "
                       f"'{want}' is not on its page")
    r.done()


def row_room(page, lines, where, r):
    """Each line's row leaves room to write: the next line's name is at
    least 25 mm below it (less in proportion above five lines)."""
    least = 25 * MM * min(1, 5 / max(1, len(lines)))
    ys = []
    for name in lines:
        hits = page.search_for(" ".join(name.split()[:2]))
        if hits:
            ys.append(min(h.y0 for h in hits))
    if len(ys) != len(lines):
        return
    for a, b in zip(ys, ys[1:]):
        if b - a < least - 0.5:
            r.fail(f"{where}: a line's row is {(b - a) / MM:.1f} mm, "
                   f"under {least / MM:.1f} mm")


def first_line_block(page):
    """The body's first few lines: the card's heading and instruction."""
    return " ".join(body_text(page).split("\n")[:4])


def squares(page):
    """Stroked squares (w = h within 0.5 pt) under 20 mm: boxes to tick."""
    out = []
    for d in page.get_drawings():
        for item in d["items"]:
            if item[0] != "re" or d.get("type") not in ("s", "fs"):
                continue
            rc = item[1]
            if abs(rc.width - rc.height) < 0.5 and rc.width < 20 * MM:
                out.append(rc)
    return out


def h_rules(page):
    """Horizontal stroked lines: (y, x0, x1)."""
    out = []
    for d in page.get_drawings():
        for item in d["items"]:
            if item[0] == "l" and abs(item[1].y - item[2].y) < 0.1:
                x0, x1 = sorted((item[1].x, item[2].x))
                out.append((item[1].y, x0, x1))
    return out


def v_rules(page):
    out = []
    for d in page.get_drawings():
        for item in d["items"]:
            if item[0] == "l" and abs(item[1].x - item[2].x) < 0.1:
                y0, y1 = sorted((item[1].y, item[2].y))
                out.append((item[1].x, y0, y1))
    return out


def word_rect(page, word):
    for w in page.get_text("words"):
        if w[4].rstrip(":") == word:
            return fitz.Rect(w[:4])
    return None


def check_drawn(pdf, md):
    doc = fitz.open(pdf)
    cards = md_cards(md)
    r = Report()
    for (title, lines), pno in zip(cards, card_pages(doc)):
        page = doc[pno]
        where = f"{pdf}: page {pno + 1} ({title})"
        if BOX in page.get_text():
            r.fail(f"{where}: a box is a text glyph")
        boxes = squares(page)
        small = [b for b in boxes if b.width < 4 * MM - 0.05]
        if small:
            r.fail(f"{where}: {len(small)} boxes under 4 mm "
                   f"({small[0].width / MM:.2f} mm)")
        # four choices (three bands, not probed) and one mark a line
        if len(boxes) != 5 * len(lines):
            r.fail(f"{where}: {len(boxes)} boxes for {len(lines)} lines "
                   f"(5 each)")
        head = word_rect(page, "Evidence")
        dim = word_rect(page, "Dimension")
        if not head or not dim:
            r.fail(f"{where}: no Dimension / Evidence header")
            continue
        date = word_rect(page, "Date")
        below = date.y0 if date else page.rect.height - 60
        # the card's rules: under its header, above its date line (the
        # running footer's rule spans the width too)
        rules = [h for h in h_rules(page) if head.y1 < h[0] < below]
        if not rules:
            r.fail(f"{where}: no row rules")
            continue
        left = min(h[1] for h in rules if h[2] - h[1] > 300)
        right = max(h[2] for h in rules if h[2] - h[1] > 300)
        split = [v for v in v_rules(page) if left + 5 < v[0] < right - 5
                 and v[1] >= head.y0 - 20]
        if not split:
            r.fail(f"{where}: no column rule between dimension and evidence")
            continue
        ev = (right - max(v[0] for v in split)) / (right - left)
        if ev < 0.45:
            r.fail(f"{where}: the Evidence column is {ev:.0%} of the card")
        # the rows: rules across the card, below the header
        ys = sorted({round(h[0], 1) for h in rules
                     if h[1] <= left + 1 and h[2] >= right - 1})
        least = 25 * MM * min(1, 5 / max(1, len(lines)))
        if len(ys) < len(lines) + 1:
            r.fail(f"{where}: {len(ys) - 1} rows for {len(lines)} lines")
        else:
            for a, b in zip(ys, ys[1:]):
                if b - a < least - 0.5:
                    r.fail(f"{where}: a row is {(b - a) / MM:.1f} mm, "
                           f"under {least / MM:.1f} mm")
        for label in ("Candidate", "Interviewer", "Date", "Signature"):
            w = word_rect(page, label)
            if not w:
                r.fail(f"{where}: no '{label}:' line")
                continue
            ruled = [h for h in h_rules(page) if h[1] >= w.x1
                     and abs(h[0] - w.y1) < 6 and h[2] - h[1] > 100]
            if not ruled:
                r.fail(f"{where}: '{label}:' has no drawn rule")
            if "___" in page.get_text():
                r.fail(f"{where}: a line typed as underscores")
    deb = [p for p in doc if first_line(p).startswith("Debrief sheet")]
    for page in deb:
        where = f"{pdf}: page {page.number + 1} (debrief sheet)"
        boxes = squares(page)
        if BOX in page.get_text():
            r.fail(f"{where}: a box is a text glyph")
        if len(boxes) < 3 + 3 + 2:
            r.fail(f"{where}: only {len(boxes)} drawn boxes")
        small = [b for b in boxes if b.width < 4 * MM - 0.05]
        if small:
            r.fail(f"{where}: {len(small)} boxes under 4 mm")
    r.done()


def extent(page):
    """The bottom of what the body shows: text and drawings."""
    h = page.rect.height
    bottom = 0
    for b in page.get_text("blocks"):
        if b[1] > 60 and b[3] < h - 55:
            bottom = max(bottom, b[3])
    for d in page.get_drawings():
        rc = d["rect"]
        if rc.y0 > 60 and rc.y1 < h - 55:
            bottom = max(bottom, rc.y1)
    return bottom


def check_full(pdf):
    doc = fitz.open(pdf)
    r = Report()
    for i in range(1, len(doc) - 1):
        page = doc[i]
        top, foot = 72.0, page.rect.height - 70
        fill = (extent(page) - top) / (foot - top)
        if fill >= 0.2:
            continue
        nxt = first_line(doc[i + 1])
        if SECTION_START.match(nxt):
            continue
        r.fail(f"{pdf}: page {i + 1} is {fill:.0%} full and the next page "
               f"goes on with the section ('{nxt[:50]}')")
    r.done()


def main(argv):
    if len(argv) >= 3 and argv[1] == "cards":
        check_cards(argv[2], argv[3])
    elif len(argv) >= 3 and argv[1] == "printed":
        check_cards(argv[2], argv[3], printed=True)
    elif len(argv) >= 3 and argv[1] == "drawn":
        check_drawn(argv[2], argv[3])
    elif len(argv) >= 2 and argv[1] == "full":
        check_full(argv[2])
    else:
        print(__doc__)
        sys.exit(2)


if __name__ == "__main__":
    main(sys.argv)
