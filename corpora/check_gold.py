#!/usr/bin/python3
"""Sanity checks for a hand-annotated corpus directory (zh.txt/en.txt, *.split, gold.align).

Usage: check_gold.py CORPUS_DIR [--glossary GLOSSARY.tsv]

Checks, none of which creates annotation (the splits and beads are made by hand):
  * each *.split line is trimmed, non-empty, and the split lines re-assemble the
    non-empty lines of the text in order without crossing a line break;
  * gold.align covers every line id of both split files exactly once, monotonically;
  * with --glossary: for every bead, each glossary term found on the zh side has its
    rendering (or a variant) on the en side, no forbidden rendering is used, case-
    sensitive entries match in case, and no term is rendered in two ways across beads.
Prints sentence counts and bead-type counts; exits 1 on any problem.
"""
import collections
import re
import sys


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return f.read().split("\n")


def load_split(path):
    lines = read_lines(path)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def check_split(text_path, split_path, joiner, problems):
    paras = [l.strip() for l in read_lines(text_path) if l.strip()]
    sents = load_split(split_path)
    for i, s in enumerate(sents):
        if s != s.strip() or not s:
            problems.append(f"{split_path}: line {i + 1} is empty or not trimmed")
    # Greedy re-assembly: consume sentences until the paragraph is matched exactly.
    norm = lambda s: re.sub(r"\s+", " ", s).strip()
    k = 0
    for p_no, para in enumerate(paras):
        acc = []
        while k < len(sents):
            acc.append(sents[k])
            k += 1
            joined = norm(joiner.join(acc))
            if joined == norm(para):
                break
            if not norm(para).startswith(joined):
                problems.append(f"{split_path}: sentence {k} ({sents[k - 1][:30]!r}) does not continue paragraph {p_no + 1}")
                return sents
        else:
            problems.append(f"{split_path}: ran out of sentences in paragraph {p_no + 1}")
            return sents
    if k != len(sents):
        problems.append(f"{split_path}: {len(sents) - k} sentences left over")
    return sents


def parse_gold(path, problems):
    beads = []
    for n, line in enumerate(load_split(path), 1):
        m = re.fullmatch(r"\[([0-9,]*)\]:\[([0-9,]*)\]", line)
        if not m:
            problems.append(f"{path}: line {n}: malformed bead {line!r}")
            continue
        side = lambda g: [int(x) for x in g.split(",")] if g else []
        beads.append((side(m.group(1)), side(m.group(2))))
    return beads


def check_coverage(beads, n_zh, n_en, problems):
    for side, n in ((0, n_zh), (1, n_en)):
        ids = [i for b in beads for i in b[side]]
        if ids != list(range(n)):
            problems.append(f"gold.align: {'zh' if side == 0 else 'en'} ids are not 0..{n - 1} exactly once in order")
    for b in beads:
        if not b[0] and not b[1]:
            problems.append("gold.align: empty bead")


def load_glossary(path):
    rows = read_lines(path)
    header = rows[0].split("\t")
    assert header == ["zh", "en", "variants", "forbidden", "case", "note"], header
    entries = []
    for n, row in enumerate(rows[1:], 2):
        if not row.strip():
            continue
        f = row.split("\t")
        assert len(f) == 6, f"{path}: line {n}: {len(f)} fields"
        split = lambda s: [x for x in s.split("|") if x]
        assert f[4] in ("yes", "no"), f"{path}: line {n}: case must be yes|no"
        entries.append(dict(zh=f[0], en=f[1], variants=split(f[2]), forbidden=split(f[3]), case=f[4] == "yes"))
    return entries


def find(needle, hay, case):
    if case:
        return needle in hay
    return needle.lower() in hay.lower()


def check_terms(beads, zh, en, entries, problems):
    used = collections.defaultdict(set)
    for b in beads:
        zs = "".join(zh[i] for i in b[0])
        es = " ".join(en[i] for i in b[1])
        for e in entries:
            if e["zh"] not in zs:
                continue
            for bad in e["forbidden"]:
                if find(bad, es, False):
                    problems.append(f"term {e['zh']}: forbidden {bad!r} in bead {b}")
            found = [r for r in [e["en"]] + e["variants"] if find(r, es, e["case"])]
            if not found:
                kind = "case" if any(find(r, es, False) for r in [e["en"]] + e["variants"]) else "missing"
                problems.append(f"term {e['zh']}: {kind} {e['en']!r} in bead {b}")
            used[e["zh"]].update(found)
    for term, forms in used.items():
        if len(forms) > 1:
            problems.append(f"term {term}: inconsistent renderings {sorted(forms)}")


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    d = argv[1].rstrip("/")
    problems = []
    zh = check_split(f"{d}/zh.txt", f"{d}/zh.split", "", problems)
    en = check_split(f"{d}/en.txt", f"{d}/en.split", " ", problems)
    beads = parse_gold(f"{d}/gold.align", problems)
    check_coverage(beads, len(zh), len(en), problems)
    if "--glossary" in argv:
        check_terms(beads, zh, en, load_glossary(argv[argv.index("--glossary") + 1]), problems)
    print(f"sentences: zh {len(zh)}, en {len(en)}; beads {len(beads)}")
    counts = collections.Counter(f"{len(a)}:{len(b)}" for a, b in beads)
    for t, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {t}\t{c}")
    for p in problems:
        print("PROBLEM:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
