#!/usr/bin/python3
"""candidate_leaks.py - does a candidate's guide give away what only the
panel may see?

    candidate_leaks.py CONTENT_DIR FILE...

Reads the kit's secrets from CONTENT_DIR's YAML: every question's
prompt, task, code, answers (strong, acceptable, weak and why), hints,
follow-ups and recruiter cues; every topic's exposes, clarifying
questions, signals, rubric (and by_level), answer key, red flags,
follow-ups, practical scenario and comparison row; every scenario's
title, prompt, signals, rubric, red flags and past-behaviour form; and
the guidance's borderline examples and sample notes, which retell
answers. Each secret is cut into windows of eight consecutive words; a
window that also occurs in what a guide may show (the level
expectations, the areas, the rating scale, the decision rule and the
candidate_guide prose) is not distinctive and is dropped.

Each FILE (.md, .html or .pdf: its text by a tag strip or pdftotext) is
normalised the same way (case folded, punctuation and white space runs
made one space) and searched for every window. Prints one line per leak
("FILE: leaks SOURCE: ...window...") and exits 1 when there is any; the
last line says how many windows were checked.
"""
import glob
import html
import os
import re
import subprocess
import sys

import yaml

WINDOW = 8


def words(text):
    # a hyphen between letters joins them, here and in every file: so
    # "data-structure" is one word, as is a word the PDF hyphenated at a
    # line end
    text = re.sub(r"(?<=[A-Za-z])-(?:\n\s*)?(?=[A-Za-z])", "", text)
    text = text.lower()
    # typographic quotes and apostrophes (smart.c) read as the ASCII ones
    text = re.sub("[\u2018\u2019\u02bc']", "", text)
    return re.findall(r"[a-z0-9]+", text)


def strings(node):
    """Every string under node, any depth."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for v in node.values():
            yield from strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from strings(v)


def load(path):
    with open(path, encoding="utf-8-sig") as f:
        return yaml.safe_load(f) or {}


def secrets(content):
    """(source, text) pairs of everything a candidate may not see."""
    out = []
    for path in sorted(glob.glob(os.path.join(content, "topics", "*.yaml"))):
        t = load(path)
        tid = t.get("id", path)
        for key in ("exposes", "clarifying_questions", "signals", "rubric",
                    "answer_key", "red_flags", "follow_ups", "scenario",
                    "comparison"):
            for s in strings(t.get(key)):
                out.append(("topic %s %s" % (tid, key), s))
        for q in t.get("questions") or []:
            for key in ("prompt", "task", "code", "strong_answer",
                        "acceptable_answer", "acceptable_because",
                        "weak_answer", "weak_because", "hints",
                        "follow_ups", "recruiter_cues"):
                for s in strings(q.get(key)):
                    out.append(("question %s %s" % (q.get("id"), key), s))
    path = os.path.join(content, "scenarios.yaml")
    if os.path.exists(path):
        for sc in load(path).get("scenarios") or []:
            for key in ("title", "prompt", "signals", "rubric", "red_flags",
                        "past_behaviour"):
                for s in strings(sc.get(key)):
                    out.append(("scenario %s %s" % (sc.get("id"), key), s))
    guidance = load(os.path.join(content, "kit.yaml")).get("guidance") or {}
    for key in ("evidence", "calibration"):
        for s in strings(guidance.get(key)):
            out.append(("guidance %s" % key, s))
    return out


def allowed(content):
    """The words a guide may show, as one normalised string."""
    kit = load(os.path.join(content, "kit.yaml"))
    texts = []
    for key in ("levels", "areas", "rating_scale", "decision_rule",
                "candidate_guide", "title", "subtitle"):
        texts.extend(strings(kit.get(key)))
    return " " + " ".join(" ".join(words(t)) for t in texts) + " "


def windows(content):
    """{window: source} of the distinctive eight-word windows."""
    ok = allowed(content)
    found = {}
    for source, text in secrets(content):
        w = words(text)
        for i in range(0, max(len(w) - WINDOW + 1, 0)):
            win = " ".join(w[i:i + WINDOW])
            if (" %s " % win) not in ok:
                found.setdefault(win, source)
    return found


def text_of(path):
    if path.endswith(".pdf"):
        # -raw: the text in the order it is drawn, a cell's lines together
        return subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", path, "-"],
                              check=True, capture_output=True,
                              text=True).stdout
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if path.endswith(".html"):
        text = re.sub(r"(?is)<(style|script)\b.*?</\1>", " ", text)
        text = html.unescape(re.sub(r"<[^>]*>", " ", text))
    return text


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    wins = windows(sys.argv[1])
    leaks = 0
    for path in sys.argv[2:]:
        hay = " " + " ".join(words(text_of(path))) + " "
        for win, source in wins.items():
            if (" %s " % win) in hay:
                print("%s: leaks %s: ...%s..." % (path, source, win))
                leaks += 1
                break  # one leak a file is enough to fail it
    print("%d files, %d windows checked, %d leaking" %
          (len(sys.argv) - 2, len(wins), leaks))
    sys.exit(1 if leaks else 0)


if __name__ == "__main__":
    main()
