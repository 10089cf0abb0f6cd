"""Writes a corpus of N articles made of the given articles repeated, each copy numbered
(a last line `Reference N.`) so that no two texts are the same article.

    python3 repeat_corpus.py SOURCE_FOLDER TARGET_FOLDER N
"""

import os
import sys


def main():
    source, target, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    names = sorted(
        name
        for name in os.listdir(source)
        if name.endswith(".txt") and os.path.isfile(os.path.join(source, name))
    )
    texts = []
    for name in names:
        with open(os.path.join(source, name), encoding="utf-8") as article:
            texts.append(article.read().rstrip("\n"))
    os.makedirs(target, exist_ok=True)
    width = len(str(count))
    for i in range(count):
        with open(os.path.join(target, f"a{i:0{width}d}.txt"), "w", encoding="utf-8") as out:
            out.write(f"{texts[i % len(texts)]}\n\nReference {i}.\n")


if __name__ == "__main__":
    main()
