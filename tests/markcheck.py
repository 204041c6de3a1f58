#!/usr/bin/env python3
"""markcheck.py - the watermark of a PDF edition (tests/t-marking.sh).

    markcheck.py PDF TEXT    every page draws TEXT, once, as a watermark
                             artifact (/Artifact <</Type /Pagination
                             /Subtype /Watermark>>), under its text (before
                             the page's first marked text), and no
                             structure element's text holds it, nor any
                             of its words of four letters or more (so
                             test with words the kit does not use)
    markcheck.py PDF         no page draws a watermark, and the resources
                             hold no watermark graphics state

Prints what is wrong, exit 1, or nothing, exit 0. Reads the PDF as
tests/tagcheck.py does (qpdf --json, text through ToUnicode).
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tagcheck  # noqa: E402


def watermarks(pdf, page):
    """The texts of the page's watermark artifacts, in order, and whether
    each came before the page's first text of a structure element."""
    fonts = pdf.get(pdf.get(page["/Resources"]).get("/Font", {}))
    stack, operands, font = [], [], None
    out, seen_content = [], False
    for kind, tok in tagcheck.tokens(pdf.content(page)):
        if kind != "op":
            operands.append((kind, tok))
            continue
        if tok in (b"BDC", b"BMC"):
            toks = [t for _, t in operands]
            wm = (tok == b"BDC" and toks[:1] == [b"/Artifact"]
                  and b"/Watermark" in toks)
            stack.append([wm, b"/MCID" in toks, []])
        elif tok == b"EMC" and stack:
            wm, _, parts = stack.pop()
            if wm:
                out.append(("".join(parts), not seen_content))
        elif tok == b"Tf":
            font = operands[0][1].decode()[1:]
        elif tok in tagcheck.SHOW and stack and font:
            if stack[-1][1]:
                seen_content = True
            cmap = pdf.cmap(fonts["/" + font])
            for k, t in operands:
                if k == "hex":
                    h = re.sub(rb"\s", b"", t[1:-1]).decode().upper()
                elif k == "str":
                    h = tagcheck.literal(t).hex().upper()
                else:
                    continue
                n = 4 if len(h) % 4 == 0 else 2
                stack[-1][2].append("".join(
                    cmap.get(h[i:i + n], "?") for i in range(0, len(h), n)))
        operands = []
    return out


def main():
    if len(sys.argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    pdf = tagcheck.Pdf(sys.argv[1])
    text = sys.argv[2] if len(sys.argv) == 3 else None
    problems = []
    for i, (_, page) in enumerate(pdf.pages):
        marks = watermarks(pdf, page)
        if text is None:
            if marks:
                problems.append("page %d draws a watermark: %r" % (i + 1, marks[0][0]))
            continue
        if [m for m, _ in marks] != [text]:
            problems.append("page %d: watermarks %r, not [%r]"
                            % (i + 1, [m for m, _ in marks], text))
        elif not marks[0][1]:
            problems.append("page %d: the watermark is drawn over the text" % (i + 1))
    if text is None:
        for ref, page in pdf.pages[:1]:
            gs = pdf.get(pdf.get(page["/Resources"]).get("/ExtGState", {}))
            if gs:
                problems.append("the resources hold a graphics state: %r" % gs)
    else:
        texts, _ = tagcheck.page_texts(pdf, problems)
        words = [w for w in re.split(r"\W+", text) if len(w) > 3]
        tree = "".join(texts.values())
        if text in tree:
            problems.append("the structure tree's text holds the watermark")
        for w in words:
            if w in tree:
                problems.append("the structure tree's text holds %r" % w)
    for p in problems[:20]:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
