#!/usr/bin/python3
"""raggedness.py PDF - how even the body text's right edge is, for README's
"How lines break": over lines of 9.4 pt DejaVu Serif that are not a
paragraph's last (a block's last line, in PyMuPDF's blocks), the fill (the
line's width over the column's, the column's right edge being where 98%
of lines end before), lines under 90%, lines ending in a hyphen, and the
stretch each word space would need to justify the line."""
import statistics as st
import sys

import fitz

SPACE = 0.318  # DejaVu Serif's space, in em
def lines(pdf):
    out = []
    d = fitz.open(pdf)
    for p in d:
        for b in p.get_text("dict")["blocks"]:
            ls = []
            for l in b.get("lines", []):
                sp = [s for s in l["spans"] if "Serif" in s["font"] and abs(s["size"] - 9.4) < 0.05 and s["text"].strip()]
                if not sp or len(sp) != len([s for s in l["spans"] if s["text"].strip()]):
                    ls.append(None); continue
                x0 = min(s["bbox"][0] for s in sp); x1 = max(s["bbox"][2] for s in sp)
                ls.append((x0, x1, "".join(s["text"] for s in sp)))
            for i, l in enumerate(ls[:-1]):   # the block's last line is a paragraph's last
                if l and ls[i + 1]:
                    out.append(l)
    return out
ls = lines(sys.argv[1])
R = sorted(l[1] for l in ls)[int(len(ls) * 0.98)]
fills, ratios = [], []
for x0, x1, t in ls:
    fills.append((x1 - x0) / (R - x0))
    n = t.strip().count(" ")
    if n:
        ratios.append(1 + (R - x1) / n / (SPACE * 9.4))
hy = sum(1 for l in ls if l[2].rstrip().endswith("-"))
print(f"lines {len(ls)}  fill mean {st.mean(fills):.3f} sd {st.pstdev(fills):.3f}  <90% {sum(f < .9 for f in fills)/len(fills):.1%}  "
      f"ends '-' {hy}  | justified: space median {st.median(ratios):.2f}x p90 {sorted(ratios)[int(len(ratios)*.9)]:.2f}x "
      f">1.6x {sum(r > 1.6 for r in ratios)/len(ratios):.1%} >2x {sum(r > 2 for r in ratios)/len(ratios):.1%}")
