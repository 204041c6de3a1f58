#!/usr/bin/python3
"""html_print.py - an HTML edition as Chromium prints it (--print-to-pdf):
on the kit's paper, with running heads and page numbers, no page that ends
in a heading, and the contents' last entry not alone on a page.

Usage: html_print.py PAGE.html PRINTED.pdf PAPER
PAPER is a4 or letter. Prints one "ok - ..." / "not ok - ..." line per
check and exits non-zero when any fails. Needs poppler-utils.
"""
import html.parser
import re
import subprocess
import sys

PAPERS = {"a4": (595.28, 841.89), "letter": (612.0, 792.0)}
failed = 0


def report(name, problems):
    global failed
    if not problems:
        print(f"ok - {name}")
        return
    failed += 1
    print(f"not ok - {name}")
    for p in problems[:12]:
        print(f"    {p}")
    if len(problems) > 12:
        print(f"    ... and {len(problems) - 12} more")


class Page(html.parser.HTMLParser):
    """The page's title, headings (h2-h6) and contents entries, as text."""

    def __init__(self):
        super().__init__()
        self.title, self.headings, self.contents = "", [], []
        self.stack, self.text, self.in_toc = [], None, 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "nav" and "toc" in (a.get("class") or ""):
            self.in_toc = 1
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6") or (
                tag == "a" and self.in_toc and a.get("href", "").startswith("#")
                and a.get("href") != "#contents"):
            self.stack.append(tag)
            self.text = ""

    def handle_endtag(self, tag):
        if tag == "nav":
            self.in_toc = 0
        if self.stack and tag == self.stack[-1]:
            self.stack.pop()
            t = " ".join(self.text.split())
            if tag == "h1":
                self.title = t
            elif tag == "a":
                self.contents.append(t)
            else:
                self.headings.append(t)
            self.text = None

    def handle_data(self, data):
        if self.text is not None:
            self.text += data


def pdf_pages(path):
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True,
                          check=True).stdout
    n = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    w, h = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    texts = []
    for p in range(1, n + 1):
        t = subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), path, "-"],
                           capture_output=True, text=True, check=True).stdout
        texts.append([" ".join(l.split()) for l in t.split("\n") if l.strip()])
    return (w, h), texts


def ends_in_heading(path, margins):
    import fitz
    from collections import Counter

    doc = fitz.open(path)
    sizes, pages = Counter(), []
    for page in doc:
        lines = []
        top, bottom = margins[0], page.rect.height - margins[1]
        for block in page.get_text("dict")["blocks"]:
            for line in block.get("lines", []):
                spans = [s for s in line["spans"] if s["text"].strip()]
                if not spans or not (top <= line["bbox"][1] and line["bbox"][3] <= bottom):
                    continue
                for s in spans:
                    sizes[round(s["size"], 1)] += len(s["text"])
                lines.append((line["bbox"][3], spans))
        pages.append(sorted(lines, key=lambda l: l[0]))
    body = sizes.most_common(1)[0][0]
    problems, n = [], 0
    for i, lines in enumerate(pages, start=1):
        head = [l for l in lines if all(s["flags"] & 16 and s["size"] > body * 1.04
                                        for s in l[1])]
        n += len(head)
        if lines and head and lines[-1] is head[-1] and i > 1:
            problems.append(f"page {i} ends in the heading "
                            f"'{' '.join(s['text'] for s in lines[-1][1])}'")
    return problems, n


def main():
    if len(sys.argv) != 4 or sys.argv[3] not in PAPERS:
        print("usage: html_print.py PAGE.html PRINTED.pdf a4|letter", file=sys.stderr)
        sys.exit(2)
    page = Page()
    page.feed(open(sys.argv[1], encoding="utf-8").read())
    (w, h), pages = pdf_pages(sys.argv[2])
    want = PAPERS[sys.argv[3]]
    # the body's top and bottom: where the page-margin boxes end (the
    # page's @page rule)
    m = re.search(r"@page \{\s*size: [^;]*;\s*margin: ([\d.]+)pt [\d.]+pt ([\d.]+)pt",
                  open(sys.argv[1], encoding="utf-8").read())
    margins = (float(m.group(1)) - 2, float(m.group(2)) - 2) if m else (40.0, 40.0)
    report(f"printed on {sys.argv[3]} ({want[0]:.0f} x {want[1]:.0f} pt)",
           [] if abs(w - want[0]) < 1.5 and abs(h - want[1]) < 1.5
           else [f"page size {w} x {h} pt"])

    # every page but the cover: the kit's title at its head, "page N of M"
    # at its foot
    problems = []
    for i, lines in enumerate(pages[1:], start=2):
        if not lines or lines[0] != page.title:
            problems.append(f"page {i} starts '{lines[0] if lines else ''}'")
        if not any(re.search(rf"\bpage {i} of {len(pages)}\b", l) for l in lines[-3:]):
            problems.append(f"page {i} has no 'page {i} of {len(pages)}' at its foot")
    if any(re.search(r"\bpage 1 of\b", l) for l in pages[0]):
        problems.append("the cover has a page number")
    report(f"each of {len(pages) - 1} pages after the cover has the running head and its page number",
           problems)

    # no page ends in a heading: the last line of a page's body (between
    # the running head and foot) is never set as a heading is, bold and
    # larger than the body text
    problems, n = ends_in_heading(sys.argv[2], margins)
    report(f"no page of {len(pages)} ends in a heading ({n} heading lines)", problems)

    # the contents: the last entry is not alone on its page
    problems = []
    start = next((i for i, l in enumerate(pages) if "CONTENTS" in l or "Contents" in l), None)
    if start is None or not page.contents:
        problems.append("no contents found")
    else:
        last = page.contents[-1]
        for i in range(start, min(start + 4, len(pages))):
            lines = pages[i]
            if last in lines:
                others = [l for l in lines if l in page.contents and l != last]
                if not others:
                    problems.append(f"'{last}' is alone on page {i + 1}")
                break
        else:
            problems.append(f"the contents' last entry '{last}' not found")
    report("the contents' last entry shares its page with other entries", problems)
    sys.exit(1 if failed else 0)


main()
