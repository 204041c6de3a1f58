#!/usr/bin/python3
"""linebreakcheck.py - checks of line breaking and hyphenation in a PDF
edition, for tests/t-linebreak.sh (README, "How lines break"), from the
PDF's text (PyMuPDF, python3-fitz; pdftotext) and the layout engine's
record (KITGEN_LAYOUT_RECORD, whose "hy" is 2 on a hyphenated line).

  linebreakcheck.py cjk PDF
      no line starts with closing punctuation nor ends with opening
      punctuation; Chinese and Japanese break between characters: a line
      a CJK character goes on from fills the column, whatever it ends in
      (not moved whole past a space), and there are MIN_CJK_LINES
  linebreakcheck.py hyphens RECORD PDF MIN
      at least MIN hyphenated lines; each a line of prose (never a
      heading, a table row, code), never the last of a page, never a
      third in a row; the word hyphenated copies whole (pdftotext, and
      PyMuPDF with its dehyphenation)

Prints one line per fault and exits 1; exits 0 silently.
"""
import json
import re
import subprocess
import sys

import fitz

CLOSING = "。、，．：；？！）」』】〕〉》｝］"
OPENING = "（「『【〔〈《｛［"
MIN_CJK_LINES = 6


def cjk(c):
    o = ord(c)
    return 0x3000 <= o <= 0x9FFF or 0xFF00 <= o <= 0xFFEF


def visual_lines(page):
    """A page's lines as (x0, x1, size, text, fonts, y), spans on one
    baseline joined, in order down the page; rows of a table's cells
    left out."""
    rows = {}
    for b in page.get_text("dict")["blocks"]:
        for l in b.get("lines", []):
            for s in l["spans"]:
                if not s["text"].strip():
                    continue
                key = round(s["origin"][1], 1)
                rows.setdefault(key, []).append(s)
    out = []
    for y in sorted(rows):
        sp = sorted(rows[y], key=lambda s: s["bbox"][0])
        size = max(s["size"] for s in sp)
        # a row of table cells: kept out (its columns are not the page's)
        if any(b["bbox"][0] - a["bbox"][2] > size for a, b in zip(sp, sp[1:])):
            continue
        out.append((sp[0]["bbox"][0], sp[-1]["bbox"][2], size,
                    "".join(s["text"] for s in sp).strip(), [s["font"] for s in sp], y))
    return out


def check_cjk(pdf):
    bad, full = [], 0
    doc = fitz.open(pdf)
    pages = [visual_lines(page) for page in doc]
    # a column's right edge: the furthest any line starting where it
    # starts reaches, in the whole document
    right = {}
    for lines in pages:
        for l in lines:
            right[round(l[0])] = max(right.get(round(l[0]), 0), l[1])
    for page, lines in zip(doc, pages):
        for i, (x0, x1, size, text, fonts, y) in enumerate(lines):
            if text[0] in CLOSING:
                bad.append(f"page {page.number + 1}: a line starts with {text[0]!r}: {text[:20]!r}")
            if text[-1] in OPENING:
                bad.append(f"page {page.number + 1}: a line ends with {text[-1]!r}: {text[-20:]!r}")
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            # a line of a paragraph going on in a CJK character (which
            # could have ended it): full, whatever it ends in
            if nxt and cjk(nxt[3][0]) and abs(nxt[0] - x0) < 1 and nxt[5] - y < 1.5 * size:
                gap = right[round(x0)] - x1
                if gap > 2.2 * size:
                    bad.append(f"page {page.number + 1}: a CJK line ends {gap:.1f} pt "
                               f"short of the column: {text[-12:]!r}")
                full += 1
    if full < MIN_CJK_LINES:
        bad.append(f"only {full} lines broken between CJK characters (want {MIN_CJK_LINES})")
    return bad


def load_record(path):
    items = []
    with open(path, encoding="utf-8") as f:
        for raw in f:
            rec = json.loads(raw)
            if "items" in rec:
                for k, it in enumerate(rec["items"]):
                    items.append((rec["page"], k + 1 == len(rec["items"]), it))
    return items


def check_hyphens(record, pdf, least):
    bad = []
    items = load_record(record)
    hy = [(pg, last, it) for pg, last, it in items if it["hy"] == 2]
    if len(hy) < least:
        bad.append(f"{len(hy)} hyphenated lines, want at least {least}")
    for pg, last, it in hy:
        if it["t"] != "line":
            bad.append(f"page {pg}: a {it['t']} is hyphenated (element {it['e']})")
        if last:
            bad.append(f"page {pg}: ends on a hyphenated line (element {it['e']})")
    run, prev = 0, None
    for pg, last, it in sorted(items, key=lambda x: x[2]["e"]):
        if it["t"] == "line" and it["hy"] == 2 and prev is not None and it["e"] == prev + 1:
            run += 1
        else:
            run = 1 if it["hy"] == 2 else 0
        if run > 2:
            bad.append(f"page {pg}: a third hyphenated line in a row (element {it['e']})")
        prev = it["e"]
    # the PDF: each line ending in a letter and a hyphen, going on in a
    # lowercase letter, is set in the text face (never code's nor the
    # headings'), and its word copies whole
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True,
                          text=True, check=True).stdout
    flat = re.sub(r"\s+", " ", text)
    doc = fitz.open(pdf)
    found = 0
    for page in doc:
        lines = visual_lines(page)
        dehy = re.sub(r"\s+", " ", page.get_text("text", flags=fitz.TEXT_DEHYPHENATE))
        for i, (x0, x1, size, line, fonts, y) in enumerate(lines[:-1]):
            nxt = lines[i + 1]
            m = re.search(r"(\w+)-$", line)
            n = re.match(r"([a-zäöüß]\w*)", nxt[3])
            if not m or not n or not m.group(1)[-1].isalpha() or nxt[5] - y > 1.5 * size:
                continue
            found += 1
            word = m.group(1) + n.group(1)
            if "Mono" in fonts[-1] or "Sans" in fonts[-1]:
                bad.append(f"page {page.number + 1}: {word!r} broken at a hyphen in {fonts[-1]}")
            if word not in flat:
                bad.append(f"page {page.number + 1}: pdftotext does not give {word!r} whole")
            if word not in dehy:
                bad.append(f"page {page.number + 1}: PyMuPDF does not give {word!r} whole")
    if found < least:
        bad.append(f"{found} lines of the PDF end in a word's hyphen, want at least {least}")
    return bad


def main():
    if sys.argv[1] == "cjk":
        bad = check_cjk(sys.argv[2])
    else:
        bad = check_hyphens(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    for b in bad:
        print(b)
    sys.exit(1 if bad else 0)


main()
