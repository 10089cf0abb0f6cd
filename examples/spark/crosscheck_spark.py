"""Compare the figures of a corpus on Apache Spark with the crosscheck binary.

The map step runs `crosscheck figures` on every article through `RDD.pipe` (the binary is
shipped to the executors with `--files`, or found on their PATH); figure readings are
shuffled by their kind (`troops/deployed/`: a reading whose actor the article does not name
may join any group of its kind, so a kind is reduced in one place); the reduce step runs
`crosscheck compare --from-figures` once per partition, again through `RDD.pipe`. The groups
are the ones `crosscheck compare --format json` gives on the same corpus in one process.

    spark-submit --files target/release/crosscheck examples/spark/crosscheck_spark.py \\
        --crosscheck ./crosscheck --input CORPUS --output groups.json

CORPUS is a folder of article files (walked as crosscheck walks it: sorted, recursive,
hidden entries skipped) or a JSON-lines file of documents `{"id": ..., "text": ...}`.
"""

import argparse
import json
import os
import shlex
import sys
import time

from pyspark import SparkFiles
from pyspark.sql import SparkSession

ARTICLE_EXTENSIONS = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml"}


def article_paths(folder):
    """The article files under `folder`, in the order crosscheck takes them."""
    found, seen = [], set()

    def walk(directory):
        stat = os.stat(directory)
        if (stat.st_dev, stat.st_ino) in seen:
            return
        seen.add((stat.st_dev, stat.st_ino))
        for name in sorted(os.listdir(directory)):
            if name.startswith("."):
                continue
            path = os.path.join(directory, name)
            try:
                stat = os.stat(path)
            except OSError:
                continue
            if os.path.isdir(path):
                walk(path)
            elif os.path.splitext(name)[1].lower() in ARTICLE_EXTENSIONS:
                if (stat.st_dev, stat.st_ino) not in seen:
                    seen.add((stat.st_dev, stat.st_ino))
                    found.append(path)

    walk(folder)
    return found


def binary(name):
    """The crosscheck binary: shipped with --files, else the path as given."""
    shipped = SparkFiles.get(os.path.basename(name))
    return shipped if os.path.exists(shipped) else name


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--crosscheck", default="crosscheck", help="the crosscheck binary")
    parser.add_argument("--input", required=True, help="a folder of articles or a .jsonl file")
    parser.add_argument("--output", required=True, help="where to write {\"groups\": [...]}")
    parser.add_argument("--partitions", type=int, default=0, help="default: Spark's parallelism")
    args = parser.parse_args()

    spark = SparkSession.builder.appName("crosscheck-figures").getOrCreate()
    sc = spark.sparkContext
    partitions = args.partitions or sc.defaultParallelism
    started = time.monotonic()

    # The corpus, numbered in input order: the reduce step reads readings in that order.
    crosscheck = binary(args.crosscheck)
    if os.path.isdir(args.input):
        paths = article_paths(args.input)
        index_of = {path: i for i, path in enumerate(paths)}
        map_command = [crosscheck, "-q", "figures", "--stdin-paths", "--format", "jsonl"]
        lines = sc.parallelize(paths, partitions)
        identify = lambda record: index_of.get(record.get("path"))  # noqa: E731
    else:
        with open(args.input, encoding="utf-8") as corpus:
            documents = [line.strip() for line in corpus if line.strip()]
        # Documents keep their own ids; their place in the corpus is looked up by id.
        index_of = {}
        for i, line in enumerate(documents):
            index_of.setdefault(json.dumps(json.loads(line).get("id")), i)
        map_command = [crosscheck, "-q", "figures", "--stdin", "--format", "jsonl"]
        lines = sc.parallelize(documents, partitions)
        identify = lambda record: index_of.get(json.dumps(record.get("id")))  # noqa: E731

    # Map: one JSON line per article (or per failed input).
    mapped = lines.pipe(shlex.join(map_command)).map(json.loads).map(lambda r: (identify(r), r))
    mapped.cache()
    failures = mapped.filter(lambda pair: "error" in pair[1]).collect()
    for _, failure in failures:
        print(f"map step failed: {failure.get('path') or failure.get('id')}: {failure['error']}", file=sys.stderr)

    # Organizations are few and every reduce partition needs all of them: a description of a
    # source in one article may mean an organization named in another.
    organizations = {}
    for orgs in mapped.filter(lambda p: "error" not in p[1]).map(lambda p: p[1]["organizations"]).collect():
        for org in orgs:
            known = organizations.setdefault(org["source"]["key"], {"source": org["source"], "countries": set()})
            known["countries"].update(org["countries"])
    organizations_line = json.dumps({
        "article": "",
        "title": "",
        "readings": [],
        "organizations": [
            {"source": o["source"], "countries": sorted(o["countries"])} for o in organizations.values()
        ],
    })

    # Shuffle: every reading to the partition of its kind.
    readings = mapped.filter(lambda p: "error" not in p[1]).flatMap(
        lambda p: [
            (reading["kind"], (p[0], position, p[1]["article"], p[1]["title"], reading))
            for position, reading in enumerate(p[1]["readings"])
        ]
    )
    by_kind = readings.partitionBy(partitions)

    def as_records(pairs):
        """The reduce step's input: the organizations, then one record per article in corpus
        order with the readings of this partition."""
        ordered = sorted((value for _, value in pairs), key=lambda v: (v[0], v[1]))
        yield organizations_line
        current, record = None, None
        for index, _, article, title, reading in ordered:
            if index != current:
                if record is not None:
                    yield json.dumps(record)
                current = index
                record = {"article": article, "title": title, "readings": [], "organizations": []}
            record["readings"].append(reading)
        if record is not None:
            yield json.dumps(record)

    reduce_command = [crosscheck, "-q", "compare", "--from-figures", "--format", "json", "-"]
    groups = (
        by_kind.mapPartitions(as_records)
        .pipe(shlex.join(reduce_command))
        .glom()
        .flatMap(lambda lines: json.loads("\n".join(lines))["groups"] if lines else [])
        .collect()
    )
    # The order `crosscheck compare` gives: most figures, most origins, then label and id.
    groups.sort(key=lambda g: (-len(g["figures"]), -g["independent_origins"], g["label"], g["id"]))
    with open(args.output, "w", encoding="utf-8") as out:
        json.dump({"groups": groups}, out, indent=2, ensure_ascii=False)
        out.write("\n")
    elapsed = time.monotonic() - started
    articles = mapped.count()
    print(
        f"{articles} inputs, {len(failures)} failed, {len(groups)} groups, "
        f"{sum(len(g['figures']) for g in groups)} figures in {elapsed:.1f} s "
        f"({partitions} partitions)",
        file=sys.stderr,
    )
    spark.stop()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
