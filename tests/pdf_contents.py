#!/usr/bin/python3
"""pdf_contents.py - the PDF's contents and question index, as a reader
uses them: every line a link from end to end, one leader style on one grid,
each index entry a question's own words.

Usage: pdf_contents.py KIT.pdf TOPIC-TITLE...
Prints one "ok - ..." / "not ok - ..." line per check (run-tests.sh counts
them) and exits non-zero when any fails. Needs PyMuPDF (python3-fitz).
"""
import re
import sys

import fitz

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


def lines(page):
    """The page's text lines: (y, [(x0, x1, text) per span], chars)."""
    out = {}
    raw = page.get_text("rawdict")
    for block in raw["blocks"]:
        for line in block.get("lines", []):
            for span in line["spans"]:
                chars = span["chars"]
                if not chars:
                    continue
                y = round(span["origin"][1], 1)
                text = "".join(c["c"] for c in chars)
                out.setdefault(y, []).append(
                    (chars[0]["bbox"][0], chars[-1]["bbox"][2], text, chars,
                     round(span["size"], 2)))
    return [(y, sorted(spans)) for y, spans in sorted(out.items())]


def leader_lines(page):
    """Lines that end in a page number after dot leaders: (y, title's
    left, number's right, the dots' x positions, the title, the size)."""
    found = []
    for y, spans in lines(page):
        dots = [c for s in spans for c in s[3] if c["c"] == "."]
        text = "".join(s[2] for s in spans)
        m = re.search(r"^(.*?)[ .]*\.\s*\.\s*\.[ .]*(\d+)\s*$", text)
        if not m or len(dots) < 3:
            continue
        # the leader's dots: the run of '.' glyphs each a space apart
        lead = [c["bbox"][0] for s in spans for c in s[3]
                if c["c"] == "." and s[2].strip(" .") == ""]
        found.append((y, spans[0][0], spans[-1][1], lead, m.group(1).strip(),
                      [s for s in spans if s[2].strip(" .") == ""]))
    return found


def links_on(page):
    return [fitz.Rect(l["from"]) for l in page.get_links()
            if l.get("kind") in (fitz.LINK_GOTO, fitz.LINK_NAMED)]


def check_lines(doc, pages, what):
    """Every leader line of pages: one link from its title's left to its
    page number's right."""
    problems, n = [], 0
    for pno in pages:
        page = doc[pno]
        rects = links_on(page)
        for y, left, right, lead, title, _ in leader_lines(page):
            n += 1
            on = [r for r in rects if r.y0 - 1 <= y <= r.y1 + 3]
            if len(on) != 1:
                problems.append(f"p{pno + 1} '{title[:40]}': {len(on)} links, want 1")
                continue
            r = on[0]
            if r.x0 > left + 1 or r.x1 < right - 1:
                problems.append(f"p{pno + 1} '{title[:40]}': link {r.x0:.1f}..{r.x1:.1f}"
                                f" does not span {left:.1f}..{right:.1f}")
    if n == 0:
        problems.append(f"no {what} lines found")
    return problems, n


def check_grid(doc, pages):
    """One leader style: the same dot size and spacing on every line, the
    dots on one grid, and the leaders ending in one place."""
    problems, pitches, sizes, ends, xs = [], set(), set(), set(), []
    for pno in pages:
        for y, _, _, lead, title, spans in leader_lines(doc[pno]):
            if len(lead) < 2:
                continue
            gaps = {round(b - a, 2) for a, b in zip(lead, lead[1:])}
            if len(gaps) != 1:
                problems.append(f"p{pno + 1} '{title[:40]}': dots at uneven spacing {sorted(gaps)}")
            pitches |= gaps
            sizes |= {s[4] for s in spans}
            ends.add(round(lead[-1], 1))
            xs.append(lead)
    if len(pitches) > 1:
        problems.append(f"dot spacings differ between lines: {sorted(pitches)}")
    if len(sizes) > 1:
        problems.append(f"dot sizes differ between lines: {sorted(sizes)}")
    if len(ends) > 1:
        problems.append(f"the leaders end at {len(ends)} places: {sorted(ends)}")
    if pitches and len(pitches) == 1:
        pitch = pitches.pop()
        origin = xs[0][0]
        for lead in xs:
            off = ((lead[0] - origin) / pitch) % 1
            if min(off, 1 - off) > 0.02:
                problems.append(f"dots at {lead[0]:.2f} are off the grid of {origin:.2f} + k * {pitch}")
                break
    return problems


def main():
    if len(sys.argv) < 2:
        print("usage: pdf_contents.py KIT.pdf TOPIC-TITLE...", file=sys.stderr)
        sys.exit(2)
    doc = fitz.open(sys.argv[1])
    topics = [t for t in sys.argv[2:]]
    contents = [p.number for p in doc
                if re.search(r"(^|\n)Contents\n", p.get_text()) and p.number < 6]
    index = [p.number for p in doc
             if "Questions by level" in p.get_text() and p.number > len(doc) // 2]
    report("the PDF has its contents and its question index",
           [] if contents and index else [f"contents pages {contents}, index pages {index}"])
    p, n = check_lines(doc, contents, "contents")
    report(f"every contents line ({n}) is one link from its title's left to its page number's right", p)
    p, n = check_lines(doc, index, "index")
    report(f"every index line ({n}) is one link from its text's left to its page number's right", p)
    report("the contents' leaders: one dot size and spacing, on one grid, ending in one place",
           check_grid(doc, contents))
    report("the index's leaders: one dot size and spacing, on one grid, ending in one place",
           check_grid(doc, index))
    # the index: each entry the question's own words, not its topic's title
    entries, problems = [], []
    for pno in index:
        for y, _, _, _, title, _ in leader_lines(doc[pno]):
            if re.match(r"Q\d+ ", title):
                entries.append(title)
    if not entries:
        problems.append("no index entries found")
    for e in entries:
        words = re.sub(r"^Q\d+\s*(·\s*)?", "", e)
        if any(words.rstrip("…").strip() == t for t in topics):
            problems.append(f"'{e}' is a topic's title")
    if len(set(re.sub(r"^Q\d+\s*(·\s*)?", "", e) for e in entries)) != len(entries):
        problems.append("two index entries read the same")
    starts = sum(len(re.findall(r"(?m)^Q\d+ ", doc[pno].get_text())) for pno in index)
    if starts != len(entries):
        problems.append(f"{starts} entries start a line, {len(entries)} end one with their page")
    report(f"every index entry ({len(entries)}) has its question's own words, each different, on one line",
           problems)
    sys.exit(1 if failed else 0)


main()
