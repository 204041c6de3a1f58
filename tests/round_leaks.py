#!/usr/bin/python3
"""round_leaks.py - does each per-round document hold its own round and
nothing of the others?

    round_leaks.py CONTENT_DIR EXPORT_JSON OUT_DIR [FORMAT...]

EXPORT_JSON is `kitgen export --format json` of CONTENT_DIR: its rounds
and their dimensions are the plan. For every panel packet in it, OUT_DIR
(a build's output folder, or with --loop a folder `kitgen loop` wrote for
the one packet) holds panels/<packet>/round-N, loop-plan and debrief in
each FORMAT (default md html pdf). For each round's document:

  - every question of the round is there: its number ("Q12") and its
    prompt (an eight-word window of it, or all its words when shorter);
    every behavioural scenario of the round by its prompt;
  - no other round's question prompt, scenario prompt or topic answer key
    is there (no eight-word window of one, or the whole text when it is
    shorter but at least four words, leaving out the windows that also
    occur in the round's own material);
  - there is no round-(N+1) beyond the plan's rounds.

The loop plan and the debrief sheet hold no question prompt and no
answer key at all. Text is compared as candidate_leaks.py compares it
(words, case folded; a PDF by pdftotext). Prints one line per problem and
exits 1 when there is any; the last line counts what was checked.
"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from candidate_leaks import load, strings, text_of, words, WINDOW  # noqa: E402


def kit_texts(content):
    """questions {id: {prompt, all}}, topics {id: {answer_key, all}},
    scenarios {id: {prompt, all}}: texts as word lists."""
    import glob
    qs, ts, ss = {}, {}, {}
    for path in sorted(glob.glob(os.path.join(content, "topics", "*.yaml"))):
        t = load(path)
        ts[t["id"]] = {"answer_key": words(" ".join(strings(t.get("answer_key")))),
                       "all": words(" ".join(strings(
                           {k: v for k, v in t.items() if k != "questions"})))}
        for q in t.get("questions") or []:
            qs[q["id"]] = {"prompt": words(q.get("prompt", "")),
                           "all": words(" ".join(strings(q)))}
    path = os.path.join(content, "scenarios.yaml")
    if os.path.exists(path):
        for s in load(path).get("scenarios") or []:
            ss[s["id"]] = {"prompt": words(s.get("prompt", "")),
                           "all": words(" ".join(strings(s)))}
    return qs, ts, ss


SHORTEST = 4  # words: a shorter text is too common to call a leak


def wins(w):
    """w's eight-word windows; a text shorter than that is one window."""
    if len(w) < WINDOW:
        return [" ".join(w)] if w else []
    return [" ".join(w[i:i + WINDOW]) for i in range(len(w) - WINDOW + 1)]


def telling(win):
    """Is the window long enough to tell a leak?"""
    return len(win.split()) >= SHORTEST


class Hay:
    """A text's words, with its eight-word windows as a set (fast to ask)."""

    def __init__(self, w):
        self.text = " " + " ".join(w) + " "
        self.wins = set(wins(w)) if len(w) >= WINDOW else set()

    def __contains__(self, win):
        if len(win.split()) == WINDOW:
            return win in self.wins
        return (" %s " % win) in self.text


def has(hay, win):
    return win in hay


class Check:
    def __init__(self):
        self.problems = 0
        self.checked = 0

    def bad(self, msg):
        print(msg)
        self.problems += 1


def own_material(rnd, qs, ts, ss):
    """The round's question, topic and scenario ids, and one string of
    all their words (windows found there are the round's own)."""
    q_ids, t_ids, s_ids = set(), set(), set()
    for d in rnd["dimensions"]:
        if d["kind"] == "question":
            q_ids.add(d["id"])
            t_ids.add(d["topic"])
        elif d["kind"] == "exercise":
            t_ids.add(d["topic"])
        else:
            s_ids.add(d["id"])
    own = []
    for q in q_ids:
        own.extend(qs[q]["all"] + ["|"])
    for t in t_ids:
        own.extend(ts[t]["all"] + ["|"])
    for s in s_ids:
        own.extend(ss[s]["all"] + ["|"])
    return q_ids, t_ids, s_ids, Hay(own)


def check_round(c, path, rnd, others, qs, ts, ss):
    raw = text_of(path)
    hay = Hay(words(raw))
    q_ids, t_ids, s_ids, own = own_material(rnd, qs, ts, ss)
    for d in rnd["dimensions"]:
        c.checked += 1
        if d["kind"] == "question":
            if not re.search(r"\bQ%d\b" % d["question"], raw):
                c.bad("%s: lacks its question Q%d" % (path, d["question"]))
            if not any(has(hay, w) for w in wins(qs[d["id"]]["prompt"])):
                c.bad("%s: lacks the prompt of its question %s" % (path, d["id"]))
        elif d["kind"] == "scenario":
            if not any(has(hay, w) for w in wins(ss[d["id"]]["prompt"])):
                c.bad("%s: lacks its scenario %s" % (path, d["id"]))
    for other in others:
        for d in other["dimensions"]:
            if d["kind"] == "question" and d["id"] not in q_ids:
                texts = [("prompt of question " + d["id"], qs[d["id"]]["prompt"])]
            elif d["kind"] == "scenario" and d["id"] not in s_ids:
                texts = [("prompt of scenario " + d["id"], ss[d["id"]]["prompt"])]
            else:
                texts = []
            if d.get("topic") and d["topic"] not in t_ids:
                texts.append(("answer key of topic " + d["topic"],
                              ts[d["topic"]]["answer_key"]))
            for what, w in texts:
                c.checked += 1
                for win in wins(w):
                    if telling(win) and win not in own and has(hay, win):
                        c.bad("%s: holds round %d's %s: ...%s..." %
                              (path, other["number"], what, win))
                        break


def check_lead(c, path, qs, ts):
    """The loop plan and the debrief sheet: no prompt, no answer key."""
    hay = Hay(words(text_of(path)))
    for what, texts in (("question prompt", [(k, v["prompt"]) for k, v in qs.items()]),
                        ("answer key", [(k, v["answer_key"]) for k, v in ts.items()])):
        for ident, w in texts:
            c.checked += 1
            for win in wins(w):
                if telling(win) and has(hay, win):
                    c.bad("%s: holds the %s of %s: ...%s..." % (path, what, ident, win))
                    break


def main():
    args = [a for a in sys.argv[1:] if a != "--loop"]
    loop = "--loop" in sys.argv[1:]
    if len(args) < 3:
        sys.exit(__doc__)
    content, export, out = args[:3]
    formats = args[3:] or ["md", "html", "pdf"]
    qs, ts, ss = kit_texts(content)
    with open(export, encoding="utf-8") as f:
        data = json.load(f)
    c = Check()
    for ed in data["editions"]:
        folder = out if loop else os.path.join(out, "panels", ed["id"])
        rounds = ed["rounds"]
        for fmt in formats:
            for rnd in rounds:
                path = os.path.join(folder, "round-%d.%s" % (rnd["number"], fmt))
                if not os.path.exists(path):
                    c.bad("%s: missing" % path)
                    continue
                check_round(c, path, rnd, [r for r in rounds if r is not rnd],
                            qs, ts, ss)
            extra = os.path.join(folder, "round-%d.%s" % (len(rounds) + 1, fmt))
            if os.path.exists(extra):
                c.bad("%s: a round the plan does not have" % extra)
            for lead in ("loop-plan", "debrief"):
                path = os.path.join(folder, "%s.%s" % (lead, fmt))
                if not os.path.exists(path):
                    c.bad("%s: missing" % path)
                    continue
                check_lead(c, path, qs, ts)
    print("%d packets, %d checks, %d problems" %
          (len(data["editions"]), c.checked, c.problems))
    sys.exit(1 if c.problems else 0)


if __name__ == "__main__":
    main()
