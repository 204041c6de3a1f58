#!/usr/bin/env python3
"""fragments.py - the text of a PDF, where it stands and in which face, as
input for the libharu floor (bench/floor.c).

    bench/fragments.py IN.pdf OUT.txt

Reads IN.pdf with poppler's pdftohtml -xml (every run of text in one face,
with its page, place and size) and pdffonts (which face each embedded
subset is), finds each face's TrueType file with fc-match, and writes
floor.c's format: F lines (face files), P lines (pages), T lines (text).
Standard library only; needs poppler-utils and fontconfig.
"""
import re
import subprocess
import sys
import xml.etree.ElementTree as ET


def run(*cmd):
    return subprocess.run(cmd, check=True, stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL).stdout.decode("utf-8")


def faces(pdf):
    """Subset tag (HPDFAA) -> PostScript name (DejaVuSans-Bold)."""
    tags = {}
    for line in run("pdffonts", pdf).splitlines()[2:]:
        m = re.match(r"([A-Z]{6})\+([^,\s]+)", line)
        if m:
            tags[m.group(1)] = m.group(2)
    return tags


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: fragments.py IN.pdf OUT.txt\n")
        return 2
    pdf, out = argv[1], argv[2]
    tags = faces(pdf)
    files = {}   # PostScript name -> face number
    lines = []
    specs = {}   # fontspec id -> (family, size): ids hold across pages
    root = ET.fromstring(run("pdftohtml", "-xml", "-i", "-stdout", "-q",
                             "-zoom", "1", "-noroundcoord", pdf))
    for page in root.iter("page"):
        height = float(page.get("height"))
        lines.append("P %s %s" % (page.get("width"), page.get("height")))
        for spec in page.iter("fontspec"):
            specs[spec.get("id")] = (spec.get("family"), spec.get("size"))
        for t in page.iter("text"):
            family, size = specs[t.get("font")]
            ps = tags.get(family.split("+")[0])
            text = "".join(t.itertext()).replace("\n", " ")
            if not ps or not text.strip():
                continue
            if ps not in files:
                files[ps] = len(files)
            # pdftohtml gives the top of the text's box; put the baseline
            # 80% of the way down it
            top, h = float(t.get("top")), float(t.get("height"))
            lines.append("T %d %s %s %.2f %s" % (
                files[ps], size, t.get("left"), height - top - 0.8 * h, text))
    head = []
    for ps, _ in sorted(files.items(), key=lambda kv: kv[1]):
        path = run("fc-match", "-f", "%{file}", ":postscriptname=" + ps)
        head.append("F " + path)
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("\n".join(head + lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
