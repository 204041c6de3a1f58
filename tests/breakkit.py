#!/usr/bin/python3
"""breakkit.py - a kit made to meet every page-break rule, for
tests/t-breaks.sh: the fixture kit (its folder, copied to OUT by the
caller) with many more topics whose blocks vary in length from one to the
next, so that across the kit a page ends at each kind of block: in a long
list, in a rubric band, in a callout, right after a heading, on a line
that ends in a hyphenated compound, a few lines before a topic's end; and
titles whose last word is short.

  breakkit.py OUT   (OUT/topics/ gets 11- to 78-stress.yaml; OUT/kit.yaml is read)

Deterministic: the same kit every run.
"""
import os
import sys

import yaml

WORDS = ("the queue drains slowly while the worker retries each job with "
         "backoff and jitter so the store never sees a burst of writes from "
         "every client at once").split()
COMPOUNDS = ["read-through", "write-behind", "back-pressure", "at-least-once",
             "dead-letter", "rate-limited", "fan-out", "long-running",
             "well-known", "time-boxed", "cross-region", "hot-spot"]


class Words:
    """Sentences of n words from a fixed cycle, every third a compound."""

    def __init__(self):
        self.k = 0

    def __call__(self, n):
        out = []
        for i in range(n):
            self.k += 1
            pool = COMPOUNDS if self.k % 3 == 0 else WORDS
            out.append(pool[(self.k * 7) % len(pool)])
        s = " ".join(out)
        return s[0].upper() + s[1:] + "."


def tall(say):
    """A text of short paragraphs, taller than a page (under the 4,000
    bytes a text may have)."""
    parts = []
    while sum(len(p) + 2 for p in parts) < 3800:
        parts.append(say(3))
    return "\n\n".join(parts)


def topic(i, say):
    def lst(n, w):
        return [say(w + (j * 5 + i) % 9) for j in range(n)]

    long_title = " ".join(WORDS[(i + j) % len(WORDS)] for j in range(4 + i % 7))
    return {
        "id": f"stress-{i:02d}",
        "title": f"Design {long_title} service ({'ab'[i % 2]}{i})",
        "areas": ["coding", "systems"],
        "exposes": say(12 + i % 5),
        "clarifying_questions": lst(3 + i % 6, 10),
        "signals": [{"name": f"Signal {j}", "detail": say(8 + j)} for j in range(2 + i % 3)],
        "rubric": {
            "strong": say(30 + 11 * (i % 4)),
            "acceptable": say(25 + 13 * (i % 3)),
            # one band taller than a page: split, its label continued
            "weak": tall(say) if i == 5 else say(20 + 7 * (i % 5)),
            "by_level": {"expert": {
                "strong": say(35 + 17 * (i % 5)),
                "acceptable": say(30 + 19 * (i % 4)),
                "weak": say(25 + 23 * (i % 3)),
            }},
        },
        "answer_key": {
            "contains": say(20 + i),
            "tradeoffs": say(15 + 2 * i),
            "push_on": say(10 + i % 7),
        },
        "red_flags": lst(3 + i % 5, 8),
        "follow_ups": lst(2 + (i * 3) % 11, 12),
        "scenario": {"title": f"Case {i}", "prompt": say(14 + i % 6)},
        "comparison": {
            "reveals": say(8),
            "levels": ["fresher", "expert"],
            "minutes": 30,
            "fits": "Busy services",
            # a row of the comparison taller than a page: split, its
            # first cell continued
            "watch_for": "\\\n".join(f"Step {k}." for k in range(100)) if i == 9 else say(6),
        },
        "questions": [{
            "id": f"stress-{i:02d}-{q}",
            "level": "fresher" if q == 1 else "expert",
            "prompt": say(15 + (i + q) % 9),
            "recruiter_cues": lst(2 + (i + q) % 7, 14),
            "strong_answer": say(40 + 9 * ((i + q) % 5)),
            "acceptable_answer": say(30 + 7 * (i % 4)),
            "acceptable_because": say(12),
            "weak_answer": say(25 + 5 * (q % 3)),
            "weak_because": say(10 + i % 4),
            "follow_ups": lst(1 + (i + 2 * q) % 6, 10),
            "hints": lst(2 + q, 9),
            "minutes": 15,
        } for q in (1, 2)],
    }


def sweep(k, say):
    """A topic a line or two longer than the one before (k items in its
    lists): across fifty of them its rubric and its end fall at every
    line of a page, so some bands meet a page's foot and some topics
    leave a short tail."""
    t = topic(7, Words())
    t["id"] = f"sweep-{k:02d}"
    # titles of every length, ending on a short word
    t["title"] = "Sweep " + " ".join(WORDS[(k + j) % len(WORDS)]
                                     for j in range(2 + k % 13)) + f" ({k})"
    q = t["questions"][-1]
    for one in t["questions"]:  # one line after a question's heading
        one["prompt"] = say(6)
    q["id"] = f"sweep-{k:02d}-2"
    # three lines more before the rubric every third topic: its bands
    # come to a page's foot; one line more after it for the others
    t["clarifying_questions"] = [say(36) for _ in range(2 + k // 3)]
    q["recruiter_cues"] = [say(3) for _ in range(1 + (k + 1) // 3)]
    q["follow_ups"] = [say(3) for _ in range(1 + (k + 2) // 3)]
    t["questions"][0]["id"] = f"sweep-{k:02d}-1"
    # bands of five lines and more, to be cut at a page's foot
    t["rubric"]["strong"] = say(90)
    t["rubric"]["acceptable"] = say(80)
    t["rubric"]["weak"] = say(70)
    # a paragraph of compounds, to end a page on a hyphenated line
    q["strong_answer"] = " ".join(COMPOUNDS[(k + j) % len(COMPOUNDS)]
                                  for j in range(90)) + "."
    return t


def main(out):
    say = Words()
    topics = [topic(i, say) for i in range(1, 19)]
    topics += [sweep(k, say) for k in range(50)]
    for i, t in enumerate(topics):
        path = os.path.join(out, "topics", f"{i + 11:02d}-stress.yaml")
        with open(path, "w", encoding="utf-8") as f:
            yaml.safe_dump(t, f, sort_keys=False, width=1000)


if __name__ == "__main__":
    main(sys.argv[1])
