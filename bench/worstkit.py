#!/usr/bin/env python3
"""worstkit.py - the largest kit that passes `kitgen check`, for make bench.

    bench/worstkit.py OUT [--topics N] [--items N] [--questions N]
                          [--profiles N] [--levels N] [--areas N]
                          [--scenarios N] [--percent P] [--mixed 1]
                          [--dense 1]

Writes OUT/kit.yaml, OUT/scenarios.yaml and OUT/topics/*.yaml: every list
as long as content/README.md's limits allow, every field at its kind's
size limit, the most profiles x levels, every topic with questions at
every level (so every packet plans every round and every round asks its
topic's questions), and as many topics as the limit on topics and the
content budget allow (each topic file just under the per-topic bound).
That is the worst case of class 12 of issue 14: a build of it must take
under 10 s and 256 MiB (bench/bench.py reports it).

The limits below mirror generator/schema.h and the field kinds of
content/README.md; keep them in step (the options override them, to
explore). Texts are prose of ordinary words with `code`, **strong** and
*emphasis*, in paragraphs, as a person would write, so the layout engine
does the work it does for real prose; --mixed 1 writes them in five
scripts (shaping, bidi, fallback fonts) and --dense 1 as lists of short
items thick with markup (the most blocks and runs a byte can buy). The
same options always give the same bytes. Standard library only.
"""
import os
import shutil
import sys

# counts (generator/schema.h)
LIMITS = {
    "topics": 1000,       # topic files
    "content": 8 << 20,   # bytes of YAML, all files together
    "questions": 20,      # questions in one topic
    "items": 20,          # items in a list of text or of signals
    "levels": 8,
    "areas": 8,
    "profiles": 12,
    "kinds": 10,
    "scenarios": 100,
    "percent": 100,       # of each field's size limit (to explore)
    "mixed": 0,           # 1: words in Chinese, Arabic, Hindi, Russian, Thai
    "dense": 0,           # 1: texts are lists of short marked-up items
}

# field kinds: the most bytes a value of each may hold
ID, LINE, ITEM, TEXT, LONG = 64, 200, 1000, 4000, 16000
# items in one Markdown list of a text (KG_MAX_MD_LIST_ITEMS)
MD_LIST_ITEMS = 50

WORDS = ("the candidate explains how a queue absorbs bursts while workers "
         "drain it at a steady rate and names what happens when the broker "
         "restarts halfway through a batch of retries idempotency keys keep "
         "a payment from being charged twice interviewer listens for "
         "trade-offs latency throughput consistency partition replica index "
         "cache eviction deadline backpressure monitoring alert rollback "
         "schema migration lock contention shard leader follower quorum "
         "timeout budget").split()
# the same, in scripts that need shaping, bidi and fallback fonts
MIXED = ("候选人 解释 队列 如何 吸收 突发 流量 المرشح يشرح كيف تمتص "
         "الطابور الدفعات उम्मीदवार बताता है कि कतार кандидат объясняет "
         "очередь ที่ผู้สมัคร อธิบาย queue latency").split()


class Text:
    """Deterministic prose: words, some marked up, in sentences."""

    def __init__(self):
        self.n = 0

    def word(self):
        self.n += 1
        words = MIXED if LIMITS["mixed"] else WORDS
        w = words[(self.n * 7919) % len(words)]
        if self.n % 23 == 0:
            return "`%s`" % w
        if self.n % 31 == 0:
            return "**%s**" % w
        if self.n % 37 == 0:
            return "*%s*" % w
        return w

    def words(self, size):
        """Exactly size bytes of words, with no markup left open."""
        out = "Worst"
        while len(out.encode()) < size:
            out += " " + self.word()
        out = out.encode()[:size].decode(errors="ignore")
        while out.count("`") % 2 or out.count("**") % 2 or \
                out.replace("**", "").count("*") % 2:
            out = out[:-1]
        out = out.rstrip()
        return out + "x" * (size - len(out.encode()))

    @staticmethod
    def scaled(size):
        return max(8, size * LIMITS["percent"] // 100)

    def dense(self, size, sep):
        """Short items of strong, code and links, size bytes in all; as
        lines, a Markdown list of at most MD_LIST_ITEMS items, then the
        next one (a new bullet character starts a new list)."""
        parts, used = [], 0
        while True:
            self.n += 1
            bullet = "-+"[len(parts) // MD_LIST_ITEMS % 2] + " "
            p = "%s**%d** `%s` [a](https://example.com/%d) &" % (
                bullet if sep == "\n" else "", self.n,
                self.word().strip("`*"), self.n)
            if used + len(p.encode()) + len(sep) > size:
                break
            parts.append(p)
            used += len(p.encode()) + len(sep)
        text = sep.join(parts) or "x"
        return text + "x" * (size - len(text.encode())) if sep == " " \
            else text

    def line(self, size):
        """One line of size bytes (no line break)."""
        if LIMITS["dense"] and size > LINE:
            return self.dense(self.scaled(size), " ")
        return self.words(self.scaled(size))

    def block(self, size, para=600):
        """Paragraphs of para bytes (the last shorter), size bytes in all."""
        size = self.scaled(size)
        if LIMITS["dense"]:
            return self.dense(size, "\n")
        paras = []
        while size > 0:
            n = min(para, size)
            paras.append(self.words(n))
            size -= n + 2
        return "\n\n".join(paras)


T = Text()


def ident(prefix, k):
    """An id of exactly ID bytes."""
    s = "%s-%d-" % (prefix, k)
    return s + "x" * (ID - len(s))


def scalar(value, indent):
    """A YAML value: a number, a quoted line or a literal block."""
    if isinstance(value, int):
        return " %d" % value
    if "\n" not in value:
        return ' "%s"' % value.replace("\\", "\\\\").replace('"', '\\"')
    pad = " " * (indent + 2)
    return " |-\n" + "\n".join(pad + l if l else "" for l in
                              value.split("\n"))


def emit(node, indent=0):
    """YAML for dicts, lists, strings and ints (block style)."""
    pad = " " * indent
    out = []
    if isinstance(node, dict):
        for k, v in node.items():
            if isinstance(v, (dict, list)):
                out.append("%s%s:" % (pad, k))
                out.append(emit(v, indent + 2))
            else:
                out.append("%s%s:%s" % (pad, k, scalar(v, indent)))
    else:
        for v in node:
            if isinstance(v, dict):
                inner = emit(v, indent + 2).split("\n")
                inner[0] = pad + "- " + inner[0][indent + 2:]
                out.append("\n".join(inner))
            elif isinstance(v, list):
                raise ValueError("no lists of lists in a kit")
            else:
                out.append("%s-%s" % (pad, scalar(v, indent)))
    return "\n".join(out)


def items(n, size=ITEM):
    return [T.line(size) for _ in range(n)]


def rubric():
    return {"strong": T.block(TEXT), "acceptable": T.block(TEXT),
            "weak": T.block(TEXT)}


def signals(n):
    return [{"name": T.line(LINE), "detail": T.line(ITEM)} for _ in range(n)]


def kit(lim):
    areas = [ident("area", a) for a in range(lim["areas"])]
    levels = [ident("level", l) for l in range(lim["levels"])]
    weights = [100 // len(areas)] * len(areas)
    weights[0] += 100 - sum(weights)

    def band(points):
        return {"label": T.line(LINE), "points": points,
                "definition": T.block(TEXT)}
    return {
        "id": ident("kit", 0), "title": T.line(LINE),
        "subtitle": T.line(LINE), "version": "1.0.0",
        "publisher": T.line(LINE), "licence": T.line(LINE),
        "introduction": T.block(LONG),
        "rating_scale": {"strong": band(3), "acceptable": band(2),
                         "weak": band(1)},
        "levels": [{"id": l, "title": T.line(LINE),
                    "expects": T.block(TEXT)} for l in levels],
        "areas": [{"id": a, "title": T.line(LINE),
                   "description": T.block(TEXT)} for a in areas],
        "scenario_kinds": [{"id": ident("kind", k), "title": T.line(LINE)}
                           for k in range(lim["kinds"])],
        "profiles": [{"id": ident("profile", p), "title": T.line(LINE),
                      "rationale": T.block(TEXT),
                      "weights": dict(zip(areas, weights)),
                      "must_have": areas}
                     for p in range(lim["profiles"])],
        "decision_rule": T.block(LONG),
        "loop": {"round_minutes": 45},
        "guidance": {
            "running_a_loop": T.block(LONG), "scoring": T.block(LONG),
            "evidence": {"summary": T.block(LONG),
                         "good_notes": items(lim["items"]),
                         "bad_notes": items(lim["items"])},
            "calibration": {"summary": T.block(LONG),
                            "borderline": items(lim["items"])},
            "bias": T.block(LONG)},
    }, areas, levels


def question(k, q, level, lim):
    return {"id": ident("q%d" % k, q), "level": level,
            "prompt": T.block(TEXT), "recruiter_cues": items(lim["items"]),
            "strong_answer": T.block(TEXT), "weak_answer": T.block(TEXT),
            "weak_because": T.block(TEXT), "follow_ups": items(lim["items"])}


def topic(k, areas, levels, lim):
    n = lim["items"]
    return {
        "id": ident("topic", k), "title": T.line(LINE),
        "areas": areas, "exposes": T.block(TEXT),
        "clarifying_questions": items(n), "signals": signals(n),
        "rubric": rubric(),
        "answer_key": {"contains": T.block(LONG),
                       "tradeoffs": T.block(LONG),
                       "push_on": T.block(LONG)},
        "red_flags": items(n), "follow_ups": items(n),
        "scenario": {"title": T.line(LINE), "prompt": T.block(LONG)},
        "comparison": {"reveals": T.line(ITEM),
                       "levels": levels[:lim["items"]],
                       "minutes": 120,
                       "fits": T.line(ITEM),
                       "watch_for": T.line(ITEM)},
        "questions": [question(k, q, levels[q % len(levels)], lim)
                      for q in range(lim["questions"])],
    }


def scenarios(lim):
    kinds = [ident("kind", k) for k in range(lim["kinds"])]
    return {"scenarios": [
        {"id": ident("scenario", s), "kind": kinds[s % len(kinds)],
         "title": T.line(LINE), "prompt": T.block(LONG),
         "signals": signals(lim["items"]), "rubric": rubric(),
         "red_flags": items(lim["items"])}
        for s in range(lim["scenarios"])]}


def write(path, data):
    text = emit(data) + "\n"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
    return len(text.encode())


def main(argv):
    lim = LIMITS
    args = []
    i = 1
    while i < len(argv):
        key = argv[i][2:] if argv[i].startswith("--") else None
        if key in lim and i + 1 < len(argv):
            lim[key] = int(argv[i + 1])
            i += 2
        else:
            args.append(argv[i])
            i += 1
    if len(args) != 1:
        sys.stderr.write(__doc__.split("\n\n")[1] + "\n")
        return 2
    out = args[0]
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(os.path.join(out, "topics"))
    data, areas, levels = kit(lim)
    used = write(os.path.join(out, "kit.yaml"), data)
    used += write(os.path.join(out, "scenarios.yaml"), scenarios(lim))
    # every topic serves every area and has questions at every level, so
    # any topic can fill any round; as many as the budget holds
    for k in range(lim["topics"]):
        text = emit(topic(k, areas, levels, lim)) + "\n"
        if used + len(text.encode()) > lim["content"]:
            break
        with open(os.path.join(out, "topics", "%02d-%04d.yaml" % (
                k * 100 // lim["topics"], k)), "w", encoding="utf-8") as fh:
            fh.write(text)
        used += len(text.encode())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
