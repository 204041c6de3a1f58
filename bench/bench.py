#!/usr/bin/env python3
"""bench.py - kitgen's speed and memory beside the tools a team would
otherwise run (make bench). The method is in BENCHMARKS.md.

    bench/bench.py [--runs N] [--sizes 10,100,200] [--no-make] [--no-worst]
                   [--no-large] [--no-multilingual] [--worst-only]
                   [--only large,multilingual]

Run from the top of the repository after `make kitgen`. It prints, in
Markdown:

  1. synthetic kits (bench/genkit.py) of each size: every edition in each
     format, and in all formats at once: wall and CPU time (medians),
     peak RSS (the largest) and output bytes;
  1c. memory at 1,000 topics (genkit.py --trim: smaller topics that fit
     the content budget): every edition, and the published PDF alone,
     against 64 MiB;
  1d. multilingual kits (the Arabic and CJK fixtures, and worstkit.py
     --mixed 1 at 100 topics): every edition, and the published PDF;
  1b. the worst case inside the limits (bench/worstkit.py): the largest
     kits that pass `kitgen check`, against the target of every edition
     in under 10 s and 256 MiB;
  2. the public kit of content/ against `pandoc -s` (Markdown to HTML),
     pandoc + WeasyPrint (to PDF) and the libharu floor (bench/floor.c);
  3. whether `make` with nothing changed does nothing, and rebuilds what
     depends on a changed content file, template or source (in a copy of
     the tree under build/bench/, so this one is never touched);
  4. under `kitgen serve`, the time from a one-topic edit of content/ to
     the reload event reaching a client (bench/serve_latency.py);
  5. each target, met or missed.

Work files go to build/bench/; the report also to build/bench/latest.md.
Benchmarks never fail a build: the exit status is 0 unless something could
not run at all. Standard library only.
"""
import datetime
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
WORK = os.path.join(ROOT, "build", "bench")
KITGEN = os.path.join(ROOT, "kitgen")
FORMATS = ["md", "html", "pdf"]   # until formats() asks kitgen
MIB = 1024 * 1024

report = []


def say(line=""):
    print(line, flush=True)
    report.append(line)


def note(line):
    """Progress, on stderr only: not part of the report."""
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


class Run:
    """One measured process: wall seconds, CPU seconds, peak RSS bytes."""

    def __init__(self, wall, cpu, rss, status):
        self.wall, self.cpu, self.rss, self.status = wall, cpu, rss, status


def tool(name):
    """Compile bench/NAME.c into build/bench/NAME (once per run)."""
    exe = os.path.join(WORK, name)
    subprocess.run(["cc", "-O2", "-o", exe, os.path.join(ROOT, "bench",
                    name + ".c")] + (["-lhpdf", "-lm"] if name == "floor"
                                     else []), check=True)
    return exe


RUSAGE = None


def measure(cmd, cwd=ROOT):
    """Run cmd under bench/rusage.c: wall, CPU and peak RSS of it alone."""
    stats = os.path.join(WORK, "rusage.out")
    subprocess.run([RUSAGE, stats] + cmd, cwd=cwd, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    with open(stats) as fh:
        status, wall, user, sys_, rss = fh.read().split()
    return Run(float(wall), float(user) + float(sys_), int(rss) * 1024,
               int(status))


class Series:
    """Repeated runs of one command: medians of time, the largest RSS."""

    def __init__(self, runs):
        self.runs = runs
        self.ok = all(r.status == 0 for r in runs)
        self.wall = statistics.median(r.wall for r in runs)
        self.cpu = statistics.median(r.cpu for r in runs)
        self.rss = max(r.rss for r in runs)
        self.bytes = 0


def series(cmd, n, before=None, cwd=ROOT):
    runs = []
    for _ in range(n):
        if before:
            before()
        runs.append(measure(cmd, cwd))
    return Series(runs)


def tree_bytes(d):
    total = 0
    for base, _, files in os.walk(d):
        for f in files:
            total += os.path.getsize(os.path.join(base, f))
    return total


def fresh(d):
    shutil.rmtree(d, ignore_errors=True)


def run_ok(cmd, **kw):
    return subprocess.run(cmd, check=True, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, **kw).stdout.decode()


def version(cmd):
    try:
        out = subprocess.run(cmd, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT).stdout.decode()
        return out.splitlines()[0].strip() if out else "?"
    except OSError:
        return None


def dpkg_version(pkg):
    try:
        return run_ok(["dpkg-query", "-W", "-f", "${Version}", pkg]).strip()
    except (OSError, subprocess.CalledProcessError):
        return "?"


def ms(s):
    return "%.0f ms" % (s * 1000) if s < 10 else "%.1f s" % s


def mib(b):
    return "%.1f MiB" % (b / MIB)


def kib(b):
    return "%s KiB" % format(round(b / 1024), ",")


def formats():
    """Every format kitgen writes, as its own error message lists them."""
    p = subprocess.run([KITGEN, "build", "--format", "-", "--out",
                        os.path.join(WORK, "none")], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    m = re.search(r"\(available: ([a-z0-9, ]+)\)", p.stderr.decode())
    return [f.strip() for f in m.group(1).split(",")] if m else FORMATS


# ---- the machine ------------------------------------------------------------

def machine():
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = "?"
    try:
        with open("/proc/meminfo") as fh:
            kb = int(fh.readline().split()[1])
            mem = "%.1f GiB" % (kb / 1024 / 1024)
    except (OSError, ValueError, IndexError):
        pass
    say("## Machine")
    say()
    say("- date: %s" % datetime.datetime.now(datetime.timezone.utc)
        .strftime("%Y-%m-%d %H:%M UTC"))
    say("- CPU: %s, %d cores; memory %s; %s %s" % (
        cpu, os.cpu_count() or 0, mem, platform.system(), platform.release()))
    say("- %s; libharu %s; pandoc: %s; WeasyPrint: %s; Python %s" % (
        version([KITGEN, "--version"]), dpkg_version("libhpdf-dev"),
        version(["pandoc", "--version"]) or "absent",
        version(["weasyprint", "--version"]) or "absent",
        platform.python_version()))
    try:
        load = os.getloadavg()
        say("- load average at the start: %.2f %.2f %.2f" % load)
    except OSError:
        pass
    say()


# ---- 1: synthetic kits ----------------------------------------------------

def synthetic(sizes, runs):
    say("## Synthetic kits: every edition, by format")
    say()
    say("bench/genkit.py N: N topics of 4 questions made from content/'s "
        "topics (real lengths, words shuffled per copy), content/'s "
        "kit.yaml (3 levels x 3 profiles = 9 panel packets + the public "
        "kit = 10 editions). `kitgen build --format F` for each format, "
        "then all formats in one build. Median of %d runs (3 at 200 "
        "topics); peak RSS is the largest of the runs." % runs)
    say()
    say("| topics | YAML | format | wall | CPU | peak RSS | output |")
    say("| ---: | ---: | --- | ---: | ---: | ---: | ---: |")
    results = {}
    for n in sizes:
        kit = os.path.join(WORK, "kit-%d" % n)
        out = os.path.join(WORK, "out-%d" % n)
        note("bench: generating a kit of %d topics" % n)
        subprocess.run([sys.executable, os.path.join(ROOT, "bench",
                        "genkit.py"), str(n), kit, "--content",
                        os.path.join(ROOT, "content")], check=True)
        check = measure([KITGEN, "check", "-q", "--content", kit])
        if check.status != 0:
            raise SystemExit("bench: the kit of %d topics does not check" % n)
        yaml = tree_bytes(kit)
        k = runs if n < 200 else min(runs, 3)
        for fmt in FORMATS + ["all"]:
            note("bench: %d topics, %s (%d runs)" % (n, fmt, k))
            cmd = [KITGEN, "build", "-q", "--content", kit, "--templates",
                   os.path.join(ROOT, "templates"), "--out", out]
            if fmt != "all":
                cmd += ["--format", fmt]
            s = series(cmd, k, before=lambda: fresh(out))
            s.bytes = tree_bytes(out)
            results[(n, fmt)] = s
            say("| %s | %s | %s | %s | %s | %s | %s |" % (
                format(n, ","), kib(yaml), fmt if fmt != "all" else
                "**all**", ms(s.wall), ms(s.cpu), mib(s.rss), kib(s.bytes)))
            if not s.ok:
                say("| | | | (kitgen failed) | | | |")
        fresh(out)
    say()
    return results


# ---- 1b: the worst case inside the limits ---------------------------------

WORST_SECONDS, WORST_RSS = 10.0, 256 * MIB


def worst_kit(path, **opts):
    """bench/worstkit.py into path with opts; does it check clean?"""
    args = [sys.executable, os.path.join(ROOT, "bench", "worstkit.py"), path]
    for k, v in opts.items():
        args += ["--" + k, str(v)]
    subprocess.run(args, check=True)
    return measure([KITGEN, "check", "-q", "--content", path]).status == 0


def largest(path, key, lo, hi, **opts):
    """The largest value of opts[key] in lo..hi whose kit checks clean
    (None when even lo does not); leaves that kit in path."""
    best = None
    while lo <= hi:
        mid = (lo + hi) // 2
        if worst_kit(path, **dict(opts, **{key: mid})):
            best, lo = mid, mid + 1
        else:
            hi = mid - 1
    if best is not None:
        worst_kit(path, **dict(opts, **{key: best}))
    return best


# Two corners of the space check allows (content/README.md, "Limits"):
# every count at its limit with texts as long as the budget on the text of
# all editions lets them be, and every text at its size limit with as many
# editions as that budget lets there be.
WORST_CASES = [
    # (12 profiles x 8 levels no longer checks at any share: their 960
    # per-round documents alone pass the budget, volume.h)
    ("every count at its limit but the levels (12 profiles, 8 areas, 20 "
     "items a list, 20 questions a topic), texts at 1% of their size "
     "limits, as many levels as check allows", "levels", 1, 8,
     {"percent": 1}),
    ("every text at its size limit, every list full, 8 questions a "
     "topic, 4 areas, 10 scenarios, 1 profile, as many levels as check "
     "allows", "levels", 1, 8,
     {"percent": 100, "questions": 8, "profiles": 1, "areas": 4,
      "scenarios": 10}),
    ("the same, every text a list of short items thick with markup "
     "(--dense 1)", "levels", 1, 8,
     {"percent": 100, "questions": 8, "profiles": 1, "areas": 4,
      "scenarios": 10, "dense": 1}),
]


def worst(runs):
    """Returns [(what, Series)] and prints the table."""
    say("## The worst case inside the limits")
    say()
    say("bench/worstkit.py: the largest kits that pass `kitgen check`. Every "
        "edition in every format into an empty folder; median of %d runs, "
        "peak RSS the largest. Target: under %.0f s and %s (issue 14, "
        "class 12)." % (min(runs, 3), WORST_SECONDS, mib(WORST_RSS)))
    say()
    say("| kit | YAML | editions | check | build wall | CPU | peak RSS | "
        "output |")
    say("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    results = []
    for i, (what, key, lo, hi, opts) in enumerate(WORST_CASES):
        kit = os.path.join(WORK, "worst-%d" % i)
        out = os.path.join(WORK, "worst-out")
        note("bench: the worst case %d: searching %s" % (i + 1, key))
        best = largest(kit, key, lo, hi, **opts)
        if best is None:
            say("| %s | | | (no kit of this shape checks) | | | | |" % what)
            continue
        what = "%s (%s %d)" % (what, key, best)
        check = series([KITGEN, "check", "-q", "--content", kit],
                       min(runs, 3))
        # editions and packets' parts (panels/PACKET/round-1 ...) alike
        eds = len([l for l in run_ok([KITGEN, "list", "--content", kit])
                   .splitlines() if l and not l.startswith(" ")])
        note("bench: the worst case %d: building" % (i + 1))
        s = series([KITGEN, "build", "-q", "--content", kit, "--templates",
                    os.path.join(ROOT, "templates"), "--out", out],
                   min(runs, 3), before=lambda: fresh(out))
        s.bytes = tree_bytes(out)
        fresh(out)
        results.append((what, s))
        say("| %s | %s | %d | %s | %s | %s | %s | %s |" % (
            what, kib(tree_bytes(kit)), eds, ms(check.wall), ms(s.wall),
            ms(s.cpu), mib(s.rss), kib(s.bytes)))
        if not s.ok:
            say("| | | | | (kitgen failed) | | | |")
    say()
    return results


# ---- 1c: memory at 1,000 topics --------------------------------------------

LARGE_TOPICS, LARGE_TRIM, LARGE_RSS = 1000, 40, 64 * MIB


def large(runs):
    """A kit of 1,000 topics inside the limits: every edition, and the
    published PDF alone. Returns {"all": Series, "pdf": Series}."""
    say("## Memory at 1,000 topics")
    say()
    kit = os.path.join(WORK, "kit-large")
    out = os.path.join(WORK, "out-large")
    note("bench: generating a kit of %d topics" % LARGE_TOPICS)
    subprocess.run([sys.executable, os.path.join(ROOT, "bench", "genkit.py"),
                    str(LARGE_TOPICS), kit, "--content",
                    os.path.join(ROOT, "content"), "--trim", str(LARGE_TRIM)],
                   check=True)
    if measure([KITGEN, "check", "-q", "--content", kit]).status != 0:
        say("The kit of %d topics does not check; skipped." % LARGE_TOPICS)
        say()
        return {}
    public = run_ok([KITGEN, "list", "--content", kit]).split()[0]
    k = min(runs, 3)
    base = [KITGEN, "build", "-q", "--content", kit, "--templates",
            os.path.join(ROOT, "templates"), "--out", out]
    r = {}
    note("bench: %d topics, every edition (%d runs)" % (LARGE_TOPICS, k))
    r["all"] = series(base, k, before=lambda: fresh(out))
    r["all"].bytes = tree_bytes(out)
    note("bench: %d topics, the published PDF (%d runs)" % (LARGE_TOPICS, k))
    r["pdf"] = series(base + ["--edition", public, "--format", "pdf"], k,
                      before=lambda: fresh(out))
    r["pdf"].bytes = tree_bytes(out)
    fresh(out)
    say("bench/genkit.py %d --trim %d: %d topics made from content/'s, "
        "every field and question kept but each text cut to about %d "
        "bytes, so that they fit the 8 MiB content budget (%s of YAML; "
        "content/'s own topics are about 34 KiB each, and only 240 of "
        "them would fit). Median of %d runs, peak RSS the largest. "
        "Target: under %s." % (LARGE_TOPICS, LARGE_TRIM, LARGE_TOPICS,
                               LARGE_TRIM, kib(tree_bytes(kit)), k,
                               mib(LARGE_RSS)))
    say()
    say("| what | wall | CPU | peak RSS | output |")
    say("| --- | ---: | ---: | ---: | ---: |")
    for what, key in (("every edition, every format", "all"),
                      ("the published kit's PDF alone", "pdf")):
        s = r[key]
        say("| %s | %s | %s | %s | %s |" % (
            what if s.ok else what + " (kitgen failed)", ms(s.wall),
            ms(s.cpu), mib(s.rss), kib(s.bytes)))
    say()
    return r


# ---- 1d: multilingual kits ------------------------------------------------

def multilingual(runs):
    """Kits in several scripts: the Arabic and the Chinese/Japanese
    fixtures, and a generated kit whose every text mixes five scripts.
    Returns {name: (Series all, Series pdf)}."""
    say("## Multilingual kits")
    say()
    kits = []
    for name in ("arabic", "cjk"):
        kits.append(("tests/fixture/%s (%s)" % (name, {
            "arabic": "Arabic labels and titles, right to left",
            "cjk": "Chinese and Japanese in English"}[name]),
            os.path.join(ROOT, "tests", "fixture", name)))
    mixed = os.path.join(WORK, "kit-mixed")
    note("bench: generating the multilingual kit")
    subprocess.run([sys.executable, os.path.join(ROOT, "bench",
                    "worstkit.py"), mixed, "--mixed", "1", "--topics", "100",
                    "--percent", "10", "--questions", "4", "--profiles", "3",
                    "--levels", "3", "--areas", "4", "--items", "5",
                    "--scenarios", "10"], check=True)
    kits.append(("bench/worstkit.py --mixed 1, 100 topics (every text in "
                 "Chinese, Arabic, Hindi, Russian and Thai words with "
                 "English: shaping, fallback fonts, both directions)", mixed))
    out = os.path.join(WORK, "out-mixed")
    say("Every edition in every format, then the published kit's PDF alone; "
        "median of %d runs, peak RSS the largest." % runs)
    say()
    say("| kit | YAML | what | wall | CPU | peak RSS | output |")
    say("| --- | ---: | --- | ---: | ---: | ---: | ---: |")
    r = {}
    for what, kit in kits:
        public = run_ok([KITGEN, "list", "--content", kit]).split()[0]
        base = [KITGEN, "build", "-q", "--content", kit, "--templates",
                os.path.join(ROOT, "templates"), "--out", out]
        note("bench: multilingual: %s" % kit)
        a = series(base, runs, before=lambda: fresh(out))
        a.bytes = tree_bytes(out)
        p = series(base + ["--edition", public, "--format", "pdf"], runs,
                   before=lambda: fresh(out))
        p.bytes = tree_bytes(out)
        fresh(out)
        r[what] = (a, p)
        for label, s in (("**all**", a), ("published PDF", p)):
            say("| %s | %s | %s | %s | %s | %s | %s |" % (
                what, kib(tree_bytes(kit)), label if s.ok else label +
                " (kitgen failed)", ms(s.wall), ms(s.cpu), mib(s.rss),
                kib(s.bytes)))
    say()
    return r


# ---- 2: the public kit against the tools a team would otherwise use -------

def public_kit(runs):
    say("## The public kit against pandoc, WeasyPrint and the libharu floor")
    say()
    content = os.path.join(ROOT, "content")
    templates = os.path.join(ROOT, "templates")
    out = os.path.join(WORK, "public")
    public = run_ok([KITGEN, "list", "--content", content]).split()[0]
    fresh(out)
    subprocess.run([KITGEN, "build", "-q", "--content", content,
                    "--templates", templates, "--out", out], check=True)
    md = os.path.join(out, public + ".md")
    pdf = os.path.join(out, public + ".pdf")
    scratch = os.path.join(WORK, "scratch")
    r = {}

    def kg(*args):
        return [KITGEN, "build", "-q", "--content", content, "--templates",
                templates, "--out", scratch] + list(args)

    note("bench: public kit, kitgen")
    r["md+html"] = series(kg("--format", "md,html"), runs,
                          before=lambda: fresh(scratch))
    r["html"] = series(kg("--edition", public, "--format", "html"), runs,
                       before=lambda: fresh(scratch))
    r["pdf"] = series(kg("--edition", public, "--format", "pdf"), runs,
                      before=lambda: fresh(scratch))
    fresh(scratch)
    rows = [("kitgen: Markdown + HTML of all editions",
             "kitgen build --format md,html", r["md+html"]),
            ("kitgen: the public kit's HTML",
             "kitgen build --edition %s --format html" % public, r["html"]),
            ("kitgen: the public kit's PDF",
             "kitgen build --edition %s --format pdf" % public, r["pdf"])]

    pandoc_html = os.path.join(WORK, "pandoc.html")
    if shutil.which("pandoc"):
        note("bench: pandoc")
        r["pandoc"] = series(["pandoc", "-s", "--metadata", "pagetitle=kit",
                              "-o", pandoc_html, md], runs)
        rows.append(("pandoc -s: Markdown to HTML",
                     "pandoc -s %s.md -o kit.html" % public, r["pandoc"]))
        if shutil.which("weasyprint"):
            note("bench: weasyprint (slow)")
            r["weasy"] = series(["weasyprint", pandoc_html,
                                 os.path.join(WORK, "weasy.pdf")],
                                min(runs, 3))
            rows.append(("WeasyPrint: pandoc's HTML to PDF",
                         "weasyprint kit.html kit.pdf", r["weasy"]))
    frags = os.path.join(WORK, "fragments.txt")
    if shutil.which("pdftohtml") and shutil.which("pdffonts"):
        note("bench: the libharu floor")
        floor = tool("floor")
        subprocess.run([sys.executable, os.path.join(ROOT, "bench",
                        "fragments.py"), pdf, frags], check=True)
        r["floor"] = series([floor, frags, os.path.join(WORK, "floor.pdf")],
                            runs)
        rows.append(("libharu floor: the same text, places and fonts",
                     "bench/floor fragments.txt floor.pdf", r["floor"]))

    say("Median of %d runs (WeasyPrint: %d). Input: content/ (%s of YAML); "
        "pandoc reads kitgen's %s.md (%s)." % (
            runs, min(runs, 3), kib(tree_bytes(content)), public,
            kib(os.path.getsize(md))))
    say()
    say("| what | command | wall | CPU | peak RSS |")
    say("| --- | --- | ---: | ---: | ---: |")
    for what, cmd, s in rows:
        say("| %s | `%s` | %s | %s | %s |" % (what, cmd, ms(s.wall),
                                              ms(s.cpu), mib(s.rss)))
    say()
    if "pandoc" in r:
        say("- kitgen's public HTML: %.1fx faster than pandoc -s" %
            (r["pandoc"].wall / r["html"].wall))
    else:
        say("- pandoc is not installed (apt-get install pandoc): no "
            "comparison")
    if "weasy" in r:
        say("- kitgen's public PDF: %.0fx faster than pandoc + WeasyPrint" %
            ((r["pandoc"].wall + r["weasy"].wall) / r["pdf"].wall))
    elif "pandoc" in r:
        say("- WeasyPrint is not installed (apt-get install weasyprint): "
            "no PDF comparison")
    if "floor" in r:
        say("- kitgen's public PDF takes %.2fx the libharu floor's time" %
            (r["pdf"].wall / r["floor"].wall))
    else:
        say("- poppler-utils is not installed: no libharu floor")
    say()
    return r


# ---- 3: make does no work when nothing changed -----------------------------

def snapshot(tree):
    """mtime of every file make writes (the binary, objects, outputs)."""
    seen = {}
    for top in ("kitgen", "build", "output"):
        p = os.path.join(tree, top)
        if os.path.isfile(p):
            seen[top] = os.stat(p).st_mtime_ns
        for base, _, files in os.walk(p):
            for f in files:
                q = os.path.join(base, f)
                seen[os.path.relpath(q, tree)] = os.stat(q).st_mtime_ns
    return seen


def changed(a, b):
    return sorted(k for k in b if a.get(k) != b[k])


def make_check():
    """Returns {name: (met, detail)}."""
    say("## make with nothing changed")
    say()
    tree = os.path.join(WORK, "tree")
    fresh(tree)
    os.makedirs(tree)
    note("bench: copying the tree and building it from scratch")
    skip = {"build", "build-asan", "build-fuzz", "output", "node_modules",
            ".git", "kitgen"}
    with tarfile.open(os.path.join(WORK, "tree.tar"), "w") as tf:
        for name in sorted(os.listdir(ROOT)):
            if name not in skip:
                tf.add(os.path.join(ROOT, name), arcname=name)
    with tarfile.open(os.path.join(WORK, "tree.tar")) as tf:
        tf.extractall(tree)
    os.remove(os.path.join(WORK, "tree.tar"))
    env = dict(os.environ, MAKEFLAGS="", MAKELEVEL="")
    jobs = "-j%d" % (os.cpu_count() or 1)

    def make(*args):
        return subprocess.run(["make", "--no-print-directory"] + list(args),
                              cwd=tree, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT)

    first = make(jobs)
    if first.returncode != 0:
        say("`make` in a fresh copy failed; skipped.")
        say()
        return {}
    res = {}
    before = snapshot(tree)
    time.sleep(0.05)
    second = make()
    after = snapshot(tree)
    out = second.stdout.decode().strip()
    touched = changed(before, after)
    quiet = make("-q").returncode == 0
    res["nothing"] = (not touched and second.returncode == 0,
                      "second `make`: %s; files rewritten: %s; `make -q`: %s"
                      % ("'%s'" % out if out else "no output",
                         ", ".join(touched) or "none",
                         "up to date" if quiet else "says not up to date"))

    def after_touch(path, want, not_want):
        t0 = snapshot(tree)
        time.sleep(0.05)
        os.utime(os.path.join(tree, path))
        r = make()
        t1 = snapshot(tree)
        got = changed(t0, t1)
        ok = r.returncode == 0 and all(
            any(g == w or g.startswith(w + "/") for g in got) for w in want
        ) and not any(g == n or g.startswith(n + "/") for g in got
                      for n in not_want)
        return ok, "touch %s: rewrote %s" % (path, summary(got))

    res["content"] = after_touch("content/kit.yaml", ["output"],
                                 ["kitgen", "build/obj"])
    res["template"] = after_touch("templates/md/document.mustache",
                                  ["output"], ["kitgen", "build/obj"])
    res["source"] = after_touch("generator/buf.c",
                                ["build/obj/buf.o", "kitgen", "output"], [])
    res["header"] = after_touch("generator/buf.h",
                                ["build/obj/buf.o", "kitgen"], [])
    for key, label in (("nothing", "nothing changed: no work"),
                       ("content", "a content file changed: the kits "
                        "again, nothing compiled"),
                       ("template", "a template changed: the kits again, "
                        "nothing compiled"),
                       ("source", "a source changed: its object, kitgen, "
                        "the kits"),
                       ("header", "a header changed: the objects that "
                        "include it, kitgen")):
        ok, detail = res[key]
        say("- %s: **%s** (%s)" % (label, "yes" if ok else "NO", detail))
    say()
    fresh(tree)
    return res


def summary(paths):
    """What a make rewrote, by folder: output (32 files), build/obj/buf.o."""
    if not paths:
        return "nothing"
    objs = [p for p in paths if p.startswith("build/obj/") and
            p.endswith(".o")]
    tops = {}
    for p in paths:
        if p.startswith("build/obj/"):
            continue
        top = p.split("/")[0]
        tops[top] = tops.get(top, 0) + 1
    parts = ["%s%s" % (k, " (%d files)" % v if v > 1 else "")
             for k, v in sorted(tops.items())]
    if len(objs) > 3:
        parts.insert(0, "%d objects" % len(objs))
    else:
        parts[:0] = objs
    return ", ".join(parts)


# ---- 4: kitgen serve ----------------------------------------------------

def serve_latency(runs):
    """Seconds from an edit to the page's reload event, one per run."""
    import serve_latency as sl
    say("## kitgen serve: an edit to the open page")
    say()
    try:
        times = sl.measure(ROOT, KITGEN, WORK, max(runs, 10))
    except (OSError, RuntimeError, AttributeError, ValueError) as e:
        say("not measured: %s" % e)
        say()
        return None
    say("One topic of content/ rewritten, %d times: from the write to the "
        "`reload` event at the client (watch, HTML rebuild, event)." % len(times))
    say()
    say("| median | slowest |")
    say("| --- | --- |")
    say("| %s | %s |" % (ms(statistics.median(times)), ms(max(times))))
    say()
    return times


# ---- 5: the targets ------------------------------------------------------

def targets(syn, wc, pub, mk, sizes, lat=None, big=None):
    say("## Targets")
    say()
    rows = []

    def add(name, met, detail):
        rows.append((name, "skipped" if met is None else
                     ("met" if met else "**missed**"), detail))

    if pub:
        if "pandoc" in pub:
            a, b = pub["md+html"].wall, pub["pandoc"].wall
            add("Markdown + HTML of every edition < one `pandoc -s` of the "
                "public kit", a < b, "%s vs %s" % (ms(a), ms(b)))
        else:
            add("Markdown + HTML of every edition < one `pandoc -s`", None,
                "pandoc absent")
        if "weasy" in pub:
            x = (pub["pandoc"].wall + pub["weasy"].wall) / pub["pdf"].wall
            add("public PDF >= 100x faster than pandoc + WeasyPrint", x >= 100,
                "%.0fx (%s vs %s)" % (x, ms(pub["pdf"].wall),
                                      ms(pub["pandoc"].wall + pub["weasy"].wall)))
        else:
            add("public PDF >= 100x faster than pandoc + WeasyPrint", None,
                "pandoc or WeasyPrint absent")
        if "floor" in pub:
            x = pub["pdf"].wall / pub["floor"].wall
            add("public PDF at or under 1.0x the libharu floor", x <= 1.0,
                "%.2fx (%s vs %s)" % (x, ms(pub["pdf"].wall),
                                      ms(pub["floor"].wall)))
        else:
            add("public PDF at or under 1.0x the libharu floor", None,
                "poppler-utils absent")
    lo, hi = min(sizes or [0]), max(sizes or [0])
    if (lo, "all") in syn and (hi, "all") in syn and lo * 10 <= hi:
        a, b = syn[(lo, "all")], syn[(hi, "all")]
        k = 1.2 * hi / lo
        add("linear: %s topics within %.0fx %s topics (all formats)" % (
            format(hi, ","), k, lo), b.wall <= k * a.wall,
            "%.1fx wall, %.1fx CPU" % (b.wall / a.wall, b.cpu / a.cpu))
    if big:
        add("peak RSS < %s at %s topics (every edition; the published PDF "
            "alone)" % (mib(LARGE_RSS), format(LARGE_TOPICS, ",")),
            big["all"].ok and big["pdf"].ok and
            max(big["all"].rss, big["pdf"].rss) < LARGE_RSS,
            "%s; %s" % (mib(big["all"].rss), mib(big["pdf"].rss)))
    for what, s in wc:
        add("worst case: %s: every edition in under %.0f s and %s" % (
            what, WORST_SECONDS, mib(WORST_RSS)),
            s.ok and s.wall < WORST_SECONDS and s.rss < WORST_RSS,
            "%s (CPU %s), %s%s" % (ms(s.wall), ms(s.cpu), mib(s.rss),
                                   "" if s.ok else ", kitgen failed"))
    if mk:
        ok = all(v[0] for v in mk.values())
        add("`make` with nothing changed does no work; content, templates "
            "and sources are its dependencies", ok,
            "see above" if ok else "see above: " + ", ".join(
                k for k, v in mk.items() if not v[0]))
    if lat:
        add("a one-topic edit reaches an open page within 150 ms "
            "(`kitgen serve`)", max(lat) <= 0.150, "median %s, slowest %s" % (
                ms(statistics.median(lat)), ms(max(lat))))
    say("| target | | measured |")
    say("| --- | --- | --- |")
    for name, state, detail in rows:
        say("| %s | %s | %s |" % (name, state, detail))
    say()


def main(argv):
    runs, sizes, do_make, do_worst, do_public = 5, [10, 100, 200], True, \
        True, True
    do_large, do_intl = True, True
    i = 1
    while i < len(argv):
        if argv[i] == "--runs" and i + 1 < len(argv):
            runs = max(1, int(argv[i + 1]))
            i += 2
        elif argv[i] == "--sizes" and i + 1 < len(argv):
            sizes = [int(s) for s in argv[i + 1].split(",") if s]
            i += 2
        elif argv[i] == "--no-make":
            do_make = False
            i += 1
        elif argv[i] == "--no-worst":
            do_worst = False
            i += 1
        elif argv[i] == "--worst-only":
            sizes, do_make, do_public = [], False, False
            do_large = do_intl = False
            i += 1
        elif argv[i] == "--no-large":
            do_large = False
            i += 1
        elif argv[i] == "--no-multilingual":
            do_intl = False
            i += 1
        elif argv[i] == "--only":   # a list of: large, multilingual
            want = argv[i + 1].split(",") if i + 1 < len(argv) else []
            sizes, do_make, do_public, do_worst = [], False, False, False
            do_large, do_intl = "large" in want, "multilingual" in want
            i += 2
        else:
            sys.stderr.write(__doc__.split("\n\n")[1] + "\n")
            return 2
    if not os.access(KITGEN, os.X_OK):
        sys.stderr.write("bench: build kitgen first (make kitgen)\n")
        return 2
    os.makedirs(WORK, exist_ok=True)
    global RUSAGE, FORMATS
    RUSAGE = tool("rusage")
    FORMATS = formats()
    say("# kitgen benchmarks")
    say()
    machine()
    syn = synthetic(sizes, runs) if sizes else {}
    big = large(runs) if do_large else {}
    if do_intl:
        multilingual(runs)
    wc = worst(runs) if do_worst else []
    pub = public_kit(runs) if do_public else {}
    mk = make_check() if do_make else {}
    lat = serve_latency(runs) if do_public else None
    targets(syn, wc, pub, mk, sizes, lat, big)
    with open(os.path.join(WORK, "latest.md"), "w") as fh:
        fh.write("\n".join(report) + "\n")
    note("bench: the report is also in build/bench/latest.md")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
