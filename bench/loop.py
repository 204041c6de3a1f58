#!/usr/bin/env python3
"""loop.py - the speed of closing the loop (make bench): kitgen calibrate
over 10,000 synthetic cards (target: under 2 s and 64 MiB) and kitgen
score of one candidate's cards (target: under 100 ms).

    bench/loop.py [--cards N] [--runs N]

Run from the top of the repository after `make kitgen`. The cards come
from bench/gencards.py (seed 1) into build/bench/cards/; the reports go to
build/bench/loop/. Prints Markdown; never fails a build. Standard library
only.
"""
import argparse
import glob
import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
WORK = os.path.join(ROOT, "build", "bench")
KITGEN = os.path.join(ROOT, "kitgen")


def measure(cmd):
    """Wall seconds and peak RSS (bytes) of cmd alone (wait4)."""
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.monotonic() - t0
    if status != 0:
        sys.exit("bench/loop.py: %s failed" % " ".join(cmd[:2]))
    return wall, ru.ru_maxrss * 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cards", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    cards = os.path.join(WORK, "cards")
    out = os.path.join(WORK, "loop")
    if len(glob.glob(os.path.join(cards, "*.yaml"))) < a.cards:
        shutil.rmtree(cards, ignore_errors=True)
        subprocess.run([sys.executable, os.path.join(ROOT, "bench",
                        "gencards.py"), "--kitgen", KITGEN, "--cards",
                        str(a.cards), cards], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
    files = sorted(glob.glob(os.path.join(cards, "*.yaml")))
    cal = [measure([KITGEN, "calibrate", "--out", out] + files)
           for _ in range(a.runs)]
    one = [f for f in files if os.path.basename(f).startswith("c00001-")]
    sc = [measure([KITGEN, "score", "--out", out] + one)
          for _ in range(max(a.runs, 5))]
    cw = statistics.median(w for w, _ in cal)
    cr = max(r for _, r in cal)
    sw = statistics.median(w for w, _ in sc)
    print("## Closing the loop\n")
    print("| command | cards | wall (median) | peak RSS | target |")
    print("| --- | --- | --- | --- | --- |")
    print("| calibrate | %d | %.0f ms | %.1f MiB | < 2 s, < 64 MiB: %s |" %
          (len(files), cw * 1000, cr / 2**20,
           "met" if cw < 2 and cr < 64 * 2**20 else "MISSED"))
    print("| score, one candidate | %d | %.0f ms | %.1f MiB | < 100 ms: %s |" %
          (len(one), sw * 1000, max(r for _, r in sc) / 2**20,
           "met" if sw < 0.1 else "MISSED"))


if __name__ == "__main__":
    main()
