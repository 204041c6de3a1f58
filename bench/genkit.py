#!/usr/bin/env python3
"""genkit.py - a synthetic kit of N topics for the benchmarks (make bench).

    bench/genkit.py N OUT [--content DIR] [--trim BYTES]

Writes OUT/kit.yaml, OUT/scenarios.yaml and OUT/topics/*.yaml: the real
kit.yaml and scenarios.yaml of DIR (default: content), and N topics, each
made from one of DIR's topics (in turn) with every word of four letters or
more replaced by another word of the same length from the kit's own
vocabulary, chosen by a seeded hash per copy. So every topic has four
questions (as the real ones do), texts of the real length and markup
(lists, `code`, **strong**, the same characters), but no two copies say
the same thing. The first copy of each real topic keeps its ids, so the
profiles' pinned rounds in kit.yaml still find their topics and every
profile x level packet plans as it does for the real kit; later copies get
ids ending in -cK (questions -cK-1 ...).

--trim BYTES makes smaller topics of the same shape: each multi-line text
(a YAML block scalar) keeps its first BYTES or so, cut at a space, and a
one-line text or list item is cut at a space past BYTES, so every field,
list and question is still there but the prose is short. That is
how 1,000 topics fit the 8 MiB content budget (a topic of content/ is
about 34 KiB; --trim 40 makes one of about 7 KiB).

The same N and content always give the same bytes. Standard library only.
"""
import hashlib
import os
import re
import shutil
import sys

WORD = re.compile(r"[A-Za-z]{4,}")
# YAML plain scalars that would change meaning if a word became one of them
AVOID = {"true", "false", "null", "True", "False", "Null"}
# keys whose inline value is prose (all block scalars are prose too)
TEXT_KEYS = {"title", "name", "reveals", "fits", "watch_for",
             "prompt", "detail", "strong",
             "acceptable", "weak", "contains", "tradeoffs", "push_on",
             "strong_answer", "weak_answer", "weak_because", "exposes"}
# keys whose list items are prose
TEXT_LISTS = {"clarifying_questions", "red_flags", "follow_ups",
              "recruiter_cues"}
KEY = re.compile(r"^(\s*)(- )?([a-z_]+):(?: (.*))?$")


def vocabulary(texts):
    """Words of the real content by length, sorted so runs agree."""
    by_len = {}
    for t in texts:
        for w in WORD.findall(t):
            w = w.lower()
            if w not in AVOID:
                by_len.setdefault(len(w), set()).add(w)
    return {n: sorted(ws) for n, ws in by_len.items()}


class Mutator:
    """Replaces each word by one of the same length, consistently per copy
    (so word frequencies stay as skewed as in real prose)."""

    def __init__(self, vocab, seed):
        self.vocab = vocab
        self.seed = seed
        self.memo = {}

    def word(self, m):
        w = m.group(0)
        key = w.lower()
        if key not in self.memo:
            choices = self.vocab.get(len(key))
            if not choices:
                self.memo[key] = key
            else:
                h = hashlib.sha256(("%s/%s" % (self.seed, key)).encode())
                n = int.from_bytes(h.digest()[:8], "big")
                self.memo[key] = choices[n % len(choices)]
        r = self.memo[key]
        if w.isupper():
            return r.upper()
        if w[0].isupper():
            return r[0].upper() + r[1:]
        return r

    def text(self, s):
        return WORD.sub(self.word, s)


def cut(text, trim):
    """A one-line plain YAML value cut at the first space past trim
    bytes (kept whole when quoted or short), never ending in a colon."""
    if not trim or text[:1] in "\"'|>&*!%@[{`" or len(text) <= trim:
        return text, False
    at = text.find(" ", trim)
    if at < 0:
        return text, False
    return text[:at].rstrip(":,;-#"), True


def mutate_topic(src, mut, old_id, new_id, trim=0):
    """The topic's YAML with its prose mutated and its ids renamed; with
    trim, each block scalar cut after its first line past trim bytes."""
    out = []
    kept = 0           # bytes kept of the current block scalar
    item_cut = False   # the current list item was cut: drop its rest
    block = None       # indentation of the key that opened a block scalar
    list_key = None    # (indentation, key) of a list of prose items
    item = None        # indentation of the current prose list item
    for line in src.split("\n"):
        indent = len(line) - len(line.lstrip(" "))
        if block is not None:
            if line.strip() == "" or indent > block:
                if not trim or kept < trim:
                    if trim and line.strip():
                        body = line[indent:]
                        at = body.find(" ", max(1, trim - kept))
                        if at > 0:
                            line = line[:indent] + body[:at]
                    out.append(mut.text(line))
                    kept += len(line.strip()) + 1
                continue
            block = None
        if item is not None:
            if line.strip() != "" and indent > item and \
                    not line.lstrip().startswith("- "):
                if not item_cut:
                    out.append(mut.text(line))   # a plain scalar continued
                continue
            item = None
        m = KEY.match(line)
        if m:
            lead, dash, key, value = m.group(1), m.group(2), m.group(3), m.group(4)
            col = len(lead) + (2 if dash else 0)
            if list_key and col <= list_key[0]:
                list_key = None
            value = value or ""
            if value in ("|", ">", "|-", ">-"):
                block = col
                kept = 0
            elif key == "id" and old_id != new_id:
                if value == old_id:
                    value = new_id
                elif value.startswith(old_id + "-"):
                    value = new_id + value[len(old_id):]
            elif key in TEXT_KEYS and value:
                value = mut.text(cut(value, trim)[0])
            elif (key in TEXT_LISTS or (trim and key == "hints")) and \
                    not value:
                list_key = (col, key)
            out.append("%s%s%s:%s" % (lead, dash or "", key,
                                      " " + value if value else ""))
            continue
        if list_key and line.lstrip().startswith("- ") and indent >= list_key[0]:
            item = indent
            text, item_cut = cut(line[indent + 2:], trim)
            out.append(line[:indent + 2] + mut.text(text))
            continue
        out.append(line)
    return "\n".join(out)


def main(argv):
    content = "content"
    trim = 0
    args = []
    i = 1
    while i < len(argv):
        if argv[i] == "--content" and i + 1 < len(argv):
            content = argv[i + 1]
            i += 2
        elif argv[i] == "--trim" and i + 1 < len(argv) and \
                argv[i + 1].isdigit():
            trim = int(argv[i + 1])
            i += 2
        else:
            args.append(argv[i])
            i += 1
    if len(args) != 2 or not args[0].isdigit() or int(args[0]) < 1:
        sys.stderr.write("usage: genkit.py N OUT [--content DIR] "
                         "[--trim BYTES]\n")
        return 2
    n, out = int(args[0]), args[1]
    tdir = os.path.join(content, "topics")
    names = sorted(f for f in os.listdir(tdir) if f.endswith(".yaml"))
    sources = []
    for f in names:
        with open(os.path.join(tdir, f), encoding="utf-8") as fh:
            src = fh.read()
        tid = re.search(r"^id: (\S+)$", src, re.M).group(1)
        sources.append((f, tid, src))
    vocab = vocabulary(s for _, _, s in sources)

    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(os.path.join(out, "topics"))
    for f in ("kit.yaml", "scenarios.yaml"):
        shutil.copyfile(os.path.join(content, f), os.path.join(out, f))
    width = len(str(n))
    for k in range(n):
        f, tid, src = sources[k % len(sources)]
        copy = k // len(sources)
        new_id = tid if copy == 0 else "%s-c%d" % (tid, copy)
        text = mutate_topic(src, Mutator(vocab, "%d/%s" % (copy, tid)),
                            tid, new_id, trim)
        # NN (two digits) orders the topics; the rest keeps k's order
        name = "%02d-%0*d-%s.yaml" % (k * 100 // n, width, k, new_id)
        with open(os.path.join(out, "topics", name), "w",
                  encoding="utf-8") as fh:
            fh.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
