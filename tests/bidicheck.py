#!/usr/bin/python3
"""bidicheck.py - per-glyph checks of bidirectional text in a kitgen PDF
(t-bidi.sh), over PyMuPDF's text trace: where each glyph is drawn.

Usage: bidicheck.py CHECK PDF

  order      the Arabic fixture's mixed sentence is in bidi order: each
             Arabic word's first letter rightmost, "Redis" left to right,
             and the words from right to left in logical order, the
             number, the English word and the code span among them; and
             brackets around Arabic words take their direction: the
             opening one right of the first word, the closing one left of
             the last
  align      a right-to-left paragraph is set right-aligned: its lines
             end at the column's right edge (within 0.5pt), their left
             edges differ
  list       a list's bullets stand to the right of their items
  listside   every bulleted item of a right-to-left kit ends at its
             bullet, whatever its direction: the items under bullets at
             one x (one list level in one column) all end at one x, within
             0.5pt, English ones ("How stale may data be?", its "?" at its
             end) as the Arabic ones; at least one such x has both
  table      a table's first column is its rightmost (the side-by-side
             table: "الموضوع" right of "الوقت")
  furniture  the page furniture is mirrored: the running header's title
             in the page's right half, the footer's page number in its
             left, a contents entry's page number left of its title
  ltr        the CJK (English) fixture's Arabic phrase inside English:
             English left to right, the Arabic words from right to left
             between "with" and "before"
  watermark  the watermark of the first page (its turned glyphs of 30pt
             and more, by x along its diagonal) is WM_WORDS (below) in bidi order: in an
             English kit "DRAFT" then the Arabic words right to left
             (each one's first letter rightmost) then "v2"

A word is found by its glyphs in visual order: an Arabic word's reversed,
an English word's as written. Prints what is wrong and exits 1, or 0.
"""
import sys

import fitz

MIXED = ["يستخدم", "الفريق", "Redis", "لتخزين", "429", "طلبا", "في",
         "الثانية", "ثم", "يشغل", "cache_get(key)", "قبل"]
LTR_MIXED = ["greets", "guests", "with", "مرحبا", "بكم", "في", "الفريق",
             "before", "the", "loop"]


def rtl_word(w):
    return any("\u0590" <= c <= "\u08ff" for c in w)


def lines(page):
    """The page's lines: (baseline, [(char, x0, x1)] sorted by x)."""
    rows = {}
    for span in page.get_texttrace():
        for c in span["chars"]:
            ch, (x0, y0, x1, y1) = chr(c[0]), c[3]
            key = round(c[2][1] * 2) / 2  # the origin's y, to half a point
            rows.setdefault(key, []).append((ch, x0, x1))
    return [(y, sorted(r, key=lambda t: t[1])) for y, r in sorted(rows.items())]


def find(row, word):
    """The left and right of word's glyphs in row, or None."""
    vis = "".join(c for c, _, _ in row)
    target = word[::-1] if rtl_word(word) else word
    i = vis.find(target)
    if i < 0:
        return None
    return row[i][1], row[i + len(target) - 1][2]


def find_line(doc, words):
    """(page, row) of the first line holding every word."""
    for page in doc:
        for _, row in lines(page):
            if all(find(row, w) for w in words):
                return page, row
    return None, None


def in_order(row, words, rtl):
    xs = [find(row, w) for w in words]
    mids = [(a + b) / 2 for a, b in xs]
    for (w0, m0), (w1, m1) in zip(zip(words, mids), zip(words[1:], mids[1:])):
        if (m1 >= m0) if rtl else (m1 <= m0):
            return "%r (at %.1f) comes before %r (at %.1f) the wrong way" % (
                w0, m0, w1, m1)
    return None


def order(doc):
    errs = []
    page, row = find_line(doc, MIXED[:10])
    if row is None:
        return ["the mixed sentence's first line is not found in visual order"]
    err = in_order(row, MIXED[:10], True)
    if err:
        errs.append(err)
    page, row = find_line(doc, MIXED[10:])
    if row is None:
        errs.append("'cache_get(key)' and 'قبل' not on one line in order")
    elif in_order(row, MIXED[10:], True):
        errs.append(in_order(row, MIXED[10:], True))
    page, row = find_line(doc, ["نضع", "الحاجة"])
    if row is None or not find(row, "(ذاكرة") or not find(row, "مؤقتة)"):
        errs.append("'(ذاكرة مؤقتة)': the brackets are not at the words' "
                    "right and left")
    # the first letter of a word is its rightmost glyph
    page, row = find_line(doc, ["يستخدم"])
    vis = "".join(c for c, _, _ in row)
    i = vis.find("يستخدم"[::-1])
    if row[i + 5][0] != "ي" or row[i + 5][1] < row[i][1]:
        errs.append("the first letter of 'يستخدم' is not its rightmost")
    return errs


def align(doc):
    page, _ = find_line(doc, MIXED[:4])
    if page is None:
        return ["the mixed paragraph is not found"]
    rows = lines(page)
    idx = [k for k, (_, r) in enumerate(rows) if find(r, "Redis")][0]
    para = [rows[idx][1], rows[idx + 1][1]]  # it takes two lines
    h = page.rect.height
    # the column's right: the body's, not the running header's or footer's
    right = max(r[-1][2] for y, r in rows if 80 < y < h - 80)
    rights = [r[-1][2] for r in para]
    lefts = [r[0][1] for r in para]
    errs = []
    for k, x in enumerate(rights):
        if abs(x - right) > 0.5:
            errs.append("line %d of the paragraph ends at %.1f, the column at %.1f"
                        % (k + 1, x, right))
    if abs(lefts[0] - lefts[1]) < 5:
        errs.append("the paragraph's lines start at the same left (%.1f, %.1f):"
                    " not ragged left" % tuple(lefts))
    return errs


def list_(doc):
    errs, n = [], 0
    for page in doc:
        for _, row in lines(page):
            item = find(row, "البند")
            if not item:
                continue
            n += 1
            bullets = [x0 for c, x0, _ in row if c == "\u2022"]
            if not bullets or min(bullets) < item[1]:
                errs.append("a bullet is not right of its item 'البند ...'")
    return errs + ([] if n >= 2 else ["the list's items are not found"])


def listside(doc):
    groups = {}  # a bullet's left, to a point: [(item's right, text)]
    for page in doc:
        for _, row in lines(page):
            bullets = [x0 for c, x0, _ in row if c == "\u2022"]
            if len(bullets) != 1:
                continue
            item = [(c, x0, x1) for c, x0, x1 in row if x1 <= bullets[0]]
            text = "".join(c for c, _, _ in item).strip()
            if not text:
                continue
            right = max(x1 for c, _, x1 in item if not c.isspace())
            key = (page.number, round(bullets[0]))
            groups.setdefault(key, []).append((right, text))
    errs, mixed = [], 0
    for (pno, x), items in sorted(groups.items()):
        rights = [r for r, _ in items]
        if max(rights) - min(rights) > 0.5:
            far = min(items)
            errs.append("page %d, bullets at %d: items end from %.1f to %.1f "
                        "(%r)" % (pno + 1, x, min(rights), max(rights), far[1]))
        english = [t for _, t in items if not rtl_word(t)]
        arabic = [t for _, t in items if rtl_word(t)]
        mixed += bool(english) and bool(arabic)
    if not mixed:
        errs.append("no list level has both an English and an Arabic item")
    # the English item keeps its own order: its "?" at its end, the right
    page, row = find_line(doc, ["How", "stale"])
    if row is None:
        errs.append("the item 'How stale may data be?' is not found")
    else:
        vis = "".join(c for c, _, _ in row)
        if "be?" not in vis:
            errs.append("'How stale may data be?' does not end in its '?': %r"
                        % vis.strip())
    return errs


def table(doc):
    page, row = find_line(doc, ["الموضوع", "الوقت"])
    if row is None:
        return ["the side-by-side table's header is not found"]
    first, later = find(row, "الموضوع"), find(row, "الوقت")
    if first[0] <= later[1]:
        return ["the first column (%.1f) is not right of a later one (%.1f)"
                % (first[0], later[1])]
    return []


def furniture(doc):
    errs = []
    page = doc[2]  # a body page
    half = page.rect.width / 2
    rows = lines(page)
    head = [find(r, "المقابلة") for _, r in rows[:2] if find(r, "المقابلة")]
    foot = [find(r, "صفحة") for _, r in rows[-3:] if find(r, "صفحة")]
    if not head or head[0][0] < half:
        errs.append("the running header's title is not in the right half")
    if not foot or foot[0][1] > half:
        errs.append("the footer's page number is not in the left half")
    page = doc[1]  # the contents
    for _, row in lines(page):
        title = find(row, "تستخدم")
        digits = [x0 for c, x0, _ in row if c.isdigit()]
        if title and digits:
            if max(digits) > title[0]:
                errs.append("a contents entry's page number is not left of "
                            "its title")
            break
    else:
        errs.append("the contents entry 'كيف تستخدم هذا الدليل' is not found")
    return errs


def ltr(doc):
    page, row = find_line(doc, LTR_MIXED)
    if row is None:
        return ["the English line with Arabic inside is not found in visual order"]
    rtl_part = [w for w in LTR_MIXED if rtl_word(w)]
    errs = []
    # English and the Arabic run as a whole left to right; the Arabic
    # run's words right to left
    for a, b in [("greets", "guests"), ("guests", "with"), ("before", "the"),
                 ("the", "loop")]:
        if find(row, a)[0] >= find(row, b)[0]:
            errs.append("%r is not left of %r" % (a, b))
    if max(find(row, w)[1] for w in rtl_part) > find(row, "before")[0] or \
       min(find(row, w)[0] for w in rtl_part) < find(row, "with")[1]:
        errs.append("the Arabic run is not between 'with' and 'before'")
    err = in_order(row, rtl_part, True)
    if err:
        errs.append(err)
    return errs


WM_WORDS = ["DRAFT", "مسودة", "أولى", "v2"]


def watermark(doc):
    """The first page's large glyphs, ordered along the watermark's
    diagonal (it runs up to the right: by x), against WM_WORDS."""
    row = []
    for span in doc[0].get_texttrace():
        if span["size"] < 30 or abs(span["dir"][1]) < 0.1:
            continue  # not the turned watermark
        for c in span["chars"]:
            row.append((chr(c[0]), c[3][0], c[3][2]))
    row.sort(key=lambda t: t[1])
    if not row:
        return ["no watermark drawn on the first page"]
    missing = [w for w in WM_WORDS if not find(row, w)]
    if missing:
        return ["the watermark (%r as drawn) lacks %r in visual order" % (
            "".join(c for c, _, _ in row), missing)]
    err = in_order(row, ["DRAFT", "مسودة", "v2"], False)
    err2 = in_order(row, ["مسودة", "أولى"], True)
    return [e for e in (err, err2) if e]


CHECKS = {"order": order, "align": align, "list": list_,
          "listside": listside, "table": table,
          "furniture": furniture, "ltr": ltr, "watermark": watermark}


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in CHECKS:
        sys.stderr.write(__doc__)
        return 2
    errs = CHECKS[sys.argv[1]](fitz.open(sys.argv[2]))
    for e in errs:
        print(e)
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
