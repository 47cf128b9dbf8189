#!/usr/bin/env python3
"""Score extraction on every annotated bulletin in ../shared/corpus, one command.

For each BULLETIN.txt with a BULLETIN.gold.json beside it: ingest it into a
fresh database with the built policykb (the bulletin itself; when its layout
is not read yet — not every gold title found — its articles as JSON Lines made
by bulletin-to-jsonl.py), print what `articles|policies|targets|goals` give,
score them with ../shared/tools/score-extraction.py, and score the statistic
rows too (the shared scorer counts only targets and incentives; statistics are
matched the same way: article, kind, value, unit).

Usage: score-bulletins.py [--bin .build/release/policykb] [--corpus DIR] [--json] [--details]
Prints a Markdown table (the README's), or with --json one object per bulletin.
"""
import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def load_scorer(path):
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(binary, *args):
    return subprocess.run([binary, *args], capture_output=True, text=True, check=True).stdout


def statistics(scorer, gold, mapping, goals):
    """F1 of the statistic rows, paired as the shared scorer pairs goals."""
    golds = [g for g in gold["goals"] if g["kind"] == "statistic"]
    used, hits = scorer.assign(golds, mapping, goals)
    want = sum(g.get("count", 1) for g in golds if not g.get("optional"))
    matched = sum(len(hits[id(g)]) for g in golds if not g.get("optional"))
    produced = [i for i, x in enumerate(goals) if x.get("kind") == "statistic"]
    false = [i for i in produced if i not in used]
    precision = (len(produced) - len(false)) / len(produced) if produced else (1.0 if want == 0 else 0.0)
    recall = matched / want if want else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    missed = [f"{g['id']}: {g.get('metric_keywords')} {g['value']} {g.get('unit')}"
              for g in golds if not g.get("optional") and len(hits[id(g)]) < g.get("count", 1)]
    return {"gold": want, "produced": len(produced), "matched": matched, "false_positives": len(false),
            "precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3), "missed": missed,
            "false_positive_examples": [{k: goals[i].get(k) for k in ("metric", "value", "unit", "article_id")}
                                        for i in false[:12]]}


def score(binary, scorer, text, gold_path):
    gold = json.load(open(gold_path, encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        def ingest(path):
            db = os.path.join(tmp, os.path.basename(path) + ".sqlite")
            subprocess.run([binary, "ingest", "--db", db, "--quiet", path], capture_output=True, text=True)
            return db
        db, fed = ingest(text), "bulletin"
        titles = {scorer.norm(a["title"]) for a in gold["articles"]}
        try:
            got = {scorer.norm(a.get("title")) for a in json.loads(run(binary, "articles", "--db", db, "--format", "json"))}
        except subprocess.CalledProcessError:
            got = set()
        if not titles <= got:
            jsonl = os.path.join(tmp, os.path.basename(text).replace(".txt", ".jsonl"))
            with open(jsonl, "w", encoding="utf-8") as out:
                subprocess.run([sys.executable, os.path.join(HERE, "bulletin-to-jsonl.py"), text, gold_path],
                               stdout=out, check=True)
            db, fed = ingest(jsonl), "JSON Lines"
        rows = {}
        for command, extra in (("articles", []), ("policies", []), ("targets", []), ("goals", ["--kind", "all"])):
            rows[command] = json.loads(run(binary, command, "--db", db, "--format", "json", *extra))
    mapping, articles = scorer.score_articles(gold, rows["articles"])
    policies_by_id = {p.get("id"): p for p in rows["policies"]}
    goals = scorer.score_goals(gold, mapping, rows["goals"], policies_by_id)
    policies = scorer.score_policies(gold, rows["policies"])
    targets = scorer.score_targets(gold, mapping, rows["targets"])
    return {"bulletin": os.path.basename(text), "fed_as": fed, "articles": articles, "goals": goals,
            "policies": policies, "targets": targets,
            "statistics": statistics(scorer, gold, mapping, rows["goals"])}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build/release/policykb"))
    ap.add_argument("--corpus", default=os.path.join(os.path.dirname(ROOT), "shared/corpus"))
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--details", action="store_true", help="also list misses, wrong fields and false rows")
    args = ap.parse_args()
    scorer_path = os.path.join(os.path.dirname(os.path.abspath(args.corpus)), "tools/score-extraction.py")
    if not os.path.exists(scorer_path):
        sys.exit(f"no scorer at {scorer_path}")
    scorer = load_scorer(scorer_path)
    reports = []
    for name in sorted(os.listdir(args.corpus)):
        if name.endswith(".gold.json"):
            text = os.path.join(args.corpus, name.replace(".gold.json", ".txt"))
            if os.path.exists(text):
                reports.append(score(args.bin, scorer, text, os.path.join(args.corpus, name)))
    if args.json:
        print(json.dumps(reports, ensure_ascii=False, indent=2))
        return
    print("| bulletin (fed as) | target F1 (P/R) | incentive F1 (P/R) | fields right | statistic F1 (P/R) | policies (period) | targets |")
    print("|---|---|---|---|---|---|---|")
    for r in reports:
        g, s, p, t = r["goals"], r["statistics"], r["policies"], r["targets"]
        cell = lambda x: f"{x['f1']} ({x['precision']}/{x['recall']})"
        print(f"| {r['bulletin']} ({r['fed_as']}) | {cell(g['target'])} | {cell(g['incentive'])} | {g['fields_all_right']} "
              f"| {cell(s)} | {p['found']}/{p['gold']} ({p['period_ok']}) | {t['found']}/{t['gold']} |")
    if args.details:
        for r in reports:
            g, s = r["goals"], r["statistics"]
            print(f"\n## {r['bulletin']}")
            for line in g["missed"]:
                print("  missed", line)
            for line in g["wrong_fields"]:
                print("  wrong ", line)
            for x in g["false_positive_examples"]:
                print("  false ", json.dumps(x, ensure_ascii=False))
            for line in s["missed"]:
                print("  missed statistic", line)
            for x in s["false_positive_examples"]:
                print("  false statistic", json.dumps(x, ensure_ascii=False))
            print("  policies missing", r["policies"]["missing"], "targets missing", r["targets"]["missing"])


if __name__ == "__main__":
    main()
