#!/usr/bin/python3
"""shapecheck.py - per-glyph checks of a kitgen PDF's shaping (t-shaping.sh).

Usage: shapecheck.py CHECK PDF

  kerning    a prose font's TJ arrays carry kerning numbers; the font of
             code (resource F4, the style's mono face) has none
  ligatures  a prose font maps a glyph to "fi", "fl", "ffi" or "ffl"
             (a ligature, copied as its letters); the font of code has
             no glyph for several characters
  fallback   every CJK character is drawn from a font other than the
             style's (a fallback face), and that font is embedded
  notdef     no glyph 0 (.notdef) anywhere
  arabic     the letter lam (U+0644) is drawn with at least two different
             glyphs (its joined forms), and the cover's title, a run of
             only right-to-left words, in visual order: its first letter
             rightmost, its first word rightmost

Prints what is wrong and exits 1, or exits 0.
"""
import os
import re
import sys

import fitz

CODE_FONT = "F4"  # the resource name of the mono face (kg_render_font_name)


def fonts(doc):
    """(resource name, base font, ToUnicode bytes) of every page font."""
    seen = {}
    for page in doc:
        for xref, _, _, base, name, _ in page.get_fonts(full=False):
            if xref in seen:
                continue
            tu = doc.xref_get_key(xref, "ToUnicode")
            cmap = b""
            if tu[0] == "xref":
                cmap = doc.xref_stream(int(tu[1].split()[0]))
            seen[xref] = (name, base, cmap)
    return list(seen.values())


def is_code(name):
    return name == CODE_FONT


def tj_arrays(doc):
    """(font resource, TJ array bytes) of every page's content."""
    out = []
    for page in doc:
        data = b"".join(doc.xref_stream(x) for x in page.get_contents())
        font = None
        for m in re.finditer(rb"/(F\d+) [\d.]+ Tf|\[((?:\((?:[^()\\]|\\.)*\)|[^\]()])*)\] TJ",
                             data, re.S):
            if m.group(1):
                font = m.group(1).decode()
            else:
                out.append((font, m.group(2)))
    return out


def kerning(doc):
    prose = mono = 0
    for font, arr in tj_arrays(doc):
        nums = re.findall(rb"\)\s*(-?\d+)\s*\(", arr)
        if not nums:
            continue
        if is_code(font):
            mono += 1
        else:
            prose += 1
    bad = []
    if prose == 0:
        bad.append("no TJ array of a prose font has a kerning number")
    if mono:
        bad.append("%d TJ arrays of the monospaced font have kerning" % mono)
    return bad


def cmap_texts(cmap):
    """The destination strings of a ToUnicode map's bfchar entries."""
    out = []
    for m in re.finditer(rb"<([0-9A-Fa-f]{4})> <([0-9A-Fa-f]*)>", cmap):
        out.append(bytes.fromhex(m.group(2).decode()).decode("utf-16-be"))
    return out


def ligatures(doc):
    bad = []
    found = set()
    for name, base, cmap in fonts(doc):
        texts = cmap_texts(cmap)
        multi = [t for t in texts if len(t) > 1]
        if is_code(name):
            if multi:
                bad.append("the monospaced font %s draws %r with one glyph"
                           % (base, multi[:5]))
        else:
            found.update(t for t in multi if t in ("fi", "fl", "ffi", "ffl"))
    if not found:
        bad.append("no prose font maps a glyph to fi, fl, ffi or ffl")
    return bad


def cjk(c):
    return 0x3000 <= c <= 0x9FFF or 0xF900 <= c <= 0xFAFF or 0xFF00 <= c <= 0xFFEF


def fallback(doc):
    bad = []
    n = 0
    for page in doc:
        for span in page.get_texttrace():
            for ch in span["chars"]:
                if not cjk(ch[0]):
                    continue
                n += 1
                if "DejaVu" in span["font"]:
                    bad.append("page %d: U+%04X drawn in %s" % (page.number + 1, ch[0], span["font"]))
    if n == 0:
        bad.append("no CJK character drawn")
    return bad[:10]


def notdef(doc):
    bad = []
    for page in doc:
        for span in page.get_texttrace():
            for ch in span["chars"]:
                if ch[1] == 0:
                    bad.append("page %d: U+%04X drawn as .notdef in %s"
                               % (page.number + 1, ch[0], span["font"]))
    return bad[:10]


TITLE = "\u062f\u0644\u064a\u0644 \u0627\u0644\u0645\u0642\u0627\u0628\u0644\u0629"


def arabic(doc):
    bad = []
    forms = set()
    words = 0
    for page in doc:
        for span in page.get_texttrace():
            chars = span["chars"]
            for ch in chars:
                if ch[0] == 0x644:
                    forms.add((span["font"], ch[1]))
            # the glyphs in the order they stand on the page, left to
            # right: read back to front, they are the title in logical order
            chars = sorted(chars, key=lambda c: c[2][0])
            text = "".join(chr(c[0]) for c in chars)
            if text[::-1] == TITLE:
                words += 1
    if len(forms) < 2:
        bad.append("lam is drawn with %d glyph(s): its forms are not joined"
                   % len(forms))
    if words == 0:
        bad.append("the title %s is not drawn right to left" % TITLE)
    return bad


def main():
    if len(sys.argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    check = globals().get(sys.argv[1])
    doc = fitz.open(sys.argv[2])
    bad = check(doc)
    for b in bad:
        print(b)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
