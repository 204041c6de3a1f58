#!/usr/bin/python3
"""measure.py - characters per line of a PDF's body paragraphs.

Usage: measure.py PDF [--size PT] [--json]

A body line is a line of text set at the body size (--size, the style's
sizes.body) that is not a paragraph's last line (the next line of the
same block follows it), that is not inside a table, a box or a list
item drawn narrower than the text column (its left edge is the column's),
and holds more than one word. Prints the count of lines, the median and
the 90th percentile of their characters (spaces included).
"""
import json
import statistics
import sys

import fitz


def body_lines(path, size):
    doc = fitz.open(path)
    out = []
    for page in doc:
        d = page.get_text("dict")
        lefts = []
        cand = []
        for b in d["blocks"]:
            if b.get("type") != 0:
                continue
            lines = b["lines"]
            for i, ln in enumerate(lines):
                spans = [s for s in ln["spans"] if s["text"].strip()]
                if not spans:
                    continue
                text = "".join(s["text"] for s in ln["spans"])
                body = sum(len(s["text"]) for s in spans
                           if abs(s["size"] - size) < 0.05)
                if body < 0.8 * len(text.strip()):
                    continue
                last = i == len(lines) - 1
                cand.append((ln["bbox"][0], text.strip(), last))
                lefts.append(round(ln["bbox"][0]))
        if not lefts:
            continue
        col = min(lefts)  # the text column's left edge on this page
        for x, text, last in cand:
            if last or abs(x - col) > 1.5 or " " not in text or ". . ." in text:
                continue
            out.append(len(text))
    return out


def main():
    args = sys.argv[1:]
    size = 9.4
    as_json = False
    path = None
    while args:
        a = args.pop(0)
        if a == "--size":
            size = float(args.pop(0))
        elif a == "--json":
            as_json = True
        else:
            path = a
    n = body_lines(path, size)
    if not n:
        print("no body lines", file=sys.stderr)
        return 1
    n.sort()
    med = statistics.median(n)
    p90 = n[min(len(n) - 1, int(0.9 * len(n)))]
    if as_json:
        print(json.dumps({"lines": len(n), "median": med, "p90": p90,
                          "min": n[0], "max": n[-1]}))
    else:
        print("%d lines, median %g, p90 %d, min %d, max %d" %
              (len(n), med, p90, n[0], n[-1]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
