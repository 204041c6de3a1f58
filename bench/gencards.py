#!/usr/bin/env python3
"""gencards.py - realistic synthetic card files for kitgen score and
kitgen calibrate (make bench, tests).

    bench/gencards.py [--kitgen PATH] [--content DIR] [--cards N]
                      [--seed S] OUTDIR

Writes about N card files into OUTDIR: candidates of every panel packet
of the kit, each with a latent ability; every round rated by one
interviewer (by two in about one round of six) with a leniency of their
own; a dimension's rating is the ability plus the leniency plus noise, cut
into weak / acceptable / strong, not-probed about one time in twenty. One
dimension of each topic is pure noise, so calibrate has questions that do
not separate. The blank cards come from `kitgen card`, so the files fit
the kit whatever it holds. Deterministic for a seed. Standard library only.
"""
import argparse
import os
import random
import re
import subprocess
import zlib

NAMES = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Linus", "Donald",
         "Frances", "John", "Margaret", "Ken", "Dennis", "Radia", "Leslie",
         "Tony", "Niklaus", "Shafi", "Silvio", "Judea", "Yoshua"]


def blanks(kitgen, content):
    """{edition: [blank card text per round]} for every panel packet."""
    out = subprocess.run([kitgen, "list", "--content", content],
                         check=True, capture_output=True, text=True).stdout
    eds = sorted(set(re.findall(r"^panels/([a-z0-9-]+)", out, re.M)))
    cards = {}
    for ed in eds:
        text = subprocess.run([kitgen, "card", ed, "--content", content],
                              check=True, capture_output=True,
                              text=True).stdout
        cards[ed] = text.split("\n---\n")
    return cards


def band(x):
    return "weak" if x < -0.6 else "acceptable" if x < 0.6 else "strong"


def fill(blank, cand, who, ability, lean, rng):
    """A blank card filled in by one interviewer."""
    text = blank.replace('candidate: ""', "candidate: " + cand, 1)
    text = text.replace('interviewer: ""', "interviewer: " + who, 1)
    text = re.sub(r'date: "".*', "date: 2026-%02d-%02d" %
                  (rng.randint(1, 12), rng.randint(1, 28)), text, 1)
    ratings = []
    nrat = text.count("    rating:\n")
    for k in range(nrat):
        noise = rng.gauss(0, 0.5)
        x = rng.gauss(0, 1) if k == nrat - 1 else ability + lean + noise
        r = "not-probed" if rng.random() < 0.05 else band(x)
        ratings.append(r)
    it = iter(ratings)
    text = re.sub(r"    rating:\n", lambda m: "    rating: %s\n" % next(it),
                  text)
    text = text.replace('    evidence: ""',
                        "    evidence: Said what they would measure first.")
    # one topic in seven is a question that does not separate: its
    # interviewers' overall ratings follow nothing but noise
    topic = re.search(r"\(topic: (.*)\)", text).group(1)
    if zlib.crc32(topic.encode()) % 7 == 0:
        overall = band(rng.gauss(0, 1))
    else:
        overall = band(ability + lean + rng.gauss(0, 0.4))
    return re.sub(r"^overall:.*$", "overall: " + overall, text, flags=re.M)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kitgen", default="./kitgen")
    ap.add_argument("--content", default="content")
    ap.add_argument("--cards", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("outdir")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    os.makedirs(a.outdir, exist_ok=True)
    cards = blanks(a.kitgen, a.content)
    eds = sorted(cards)
    lean = {n: rng.gauss(0, 0.3) for n in NAMES}
    written, c = 0, 0
    while written < a.cards:
        c += 1
        ed = rng.choice(eds)
        ability = rng.gauss(0.2, 0.8)
        for r, blank in enumerate(cards[ed]):
            panel = rng.sample(NAMES, 2 if rng.random() < 1 / 6 else 1)
            for who in panel:
                path = os.path.join(a.outdir, "c%05d-r%d-%s.yaml" %
                                    (c, r + 1, who.lower()))
                with open(path, "w") as f:
                    f.write(fill(blank, "Candidate %05d" % c, who, ability,
                                 lean[who], rng))
                written += 1
    print("wrote %d cards of %d candidates to %s" % (written, c, a.outdir))


if __name__ == "__main__":
    main()
