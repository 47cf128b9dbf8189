#!/usr/bin/env python3
"""Split an annotated bulletin into JSON Lines, one article per line, using the
titles of its hand annotation (GOLD.json) to find where each article starts.

For scoring extraction apart from layout: `policykb ingest` reads the JSONL
file as it would read the bulletin's articles. Running headers (the
periodical's name and a date), page footers (— 5 —), section banners, the
source line and link lines are taken out of the body; a paragraph broken by a
page end is joined again.

Usage: bulletin-to-jsonl.py BULLETIN.txt GOLD.json > OUT.jsonl
"""
import json
import re
import sys

FOOTER = re.compile(r"^[—-]+\s*\d+\s*[—-]+$|^第\s*\d+\s*页$")
SOURCE = re.compile(r"^[【\[（(]?来源[：:]\s*(.+?)[】\]）)]?$")
LINK = re.compile(r"^原文链接\s*[：:]\s*<?(\S+?)>?$")
SENTENCE_END = tuple("。！？!?”）)】;；")


def squash(text):
    return "".join(text.split())


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
    gold = json.load(open(sys.argv[2], encoding="utf-8"))
    issue = gold.get("issue", {})
    publication = issue.get("publication", "")
    sections = set(issue.get("sections", [])) | {a["section"] for a in gold["articles"]}
    running = re.compile(r"^(?=.*" + re.escape(publication) + r")(?=.*\d{4}年\d{1,2}月\d{1,2}日).*$") if publication else None

    # Where each title stands in the body: its last whole occurrence (the
    # contents list comes first), on one line or broken over two.
    starts = []
    for article in gold["articles"]:
        want = squash(article["title"])
        found = None
        for i, line in enumerate(lines):
            if squash(line) == want:
                found = (i, i + 1)
            elif i + 1 < len(lines) and squash(line) and squash(line) + squash(lines[i + 1]) == want:
                found = (i, i + 2)
        if found is None:
            sys.exit(f"title not found: {article['title']}")
        starts.append(found)

    for n, article in enumerate(gold["articles"]):
        begin = starts[n][1]
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        paragraphs, source, urls, closed = [], None, [], False
        broken = False
        for line in lines[begin:end]:
            text = line.strip()
            if not text or FOOTER.match(text) or (running and running.match(text)) or text in sections:
                continue
            if m := SOURCE.match(text):
                source, closed = m.group(1), True
                continue
            if m := LINK.match(text):
                urls.append(m.group(1))
                closed = True
                continue
            if closed:
                break  # back matter after the last article
            if paragraphs and not paragraphs[-1].endswith(SENTENCE_END):
                paragraphs[-1] += text  # a paragraph broken at a page end
            else:
                paragraphs.append(text)
        record = {"title": article["title"], "body": "\n".join(paragraphs), "section": article["section"],
                  "source": source, "urls": urls, "publication": publication, "issue": issue.get("number"),
                  "date": issue.get("date")}
        print(json.dumps(record, ensure_ascii=False))


if __name__ == "__main__":
    main()
