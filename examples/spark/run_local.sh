#!/usr/bin/env bash
# Runs the Spark job in local mode on the sample articles repeated to a corpus of N articles
# (default 2000) and checks that its groups equal single-process `crosscheck compare`.
#
#   examples/spark/run_local.sh [N] [CROSSCHECK_BINARY]
#
# Needs Java 17 (Debian: openjdk-17-jre-headless) and PySpark (pip install pyspark); the
# binary defaults to target/release/crosscheck, built when missing.
set -euo pipefail
cd "$(dirname "$0")/../.."

articles="${1:-2000}"
binary="${2:-target/release/crosscheck}"
if [ ! -x "$binary" ]; then
  cargo build --release --no-default-features --locked
fi
binary="$(realpath "$binary")"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
corpus="$work/corpus"
python3 examples/spark/repeat_corpus.py sample_data "$corpus" "$articles"

# spark-submit from PATH, else the one the pyspark package carries.
submit="$(command -v spark-submit || python3 -c \
  'import os, pyspark; print(os.path.join(os.path.dirname(pyspark.__file__), "bin", "spark-submit"))')"
seconds_since() { python3 -c "import sys, time; print(f'{time.time() - float(sys.argv[1]):.1f}')" "$1"; }

started=$(date +%s.%N)
"$binary" -q compare --format json "$corpus" > "$work/single.json"
single=$(seconds_since "$started")

started=$(date +%s.%N)
"$submit" --master "local[${SPARK_CORES:-2}]" --driver-memory 1g \
  --conf spark.ui.enabled=false --conf spark.log.level=WARN \
  examples/spark/crosscheck_spark.py \
  --crosscheck "$binary" --input "$corpus" --output "$work/spark.json"
distributed=$(seconds_since "$started")

python3 - "$work/single.json" "$work/spark.json" <<'EOF'
import json
import sys

single, spark = (json.load(open(path))["groups"] for path in sys.argv[1:3])
figures = sum(len(g["figures"]) for g in single)
if single != spark:
    for a, b in zip(single, spark):
        if a != b:
            print(f"first difference in group {a['label']!r} / {b['label']!r}", file=sys.stderr)
            break
    print(f"DIFFERENT: {len(single)} groups in one process, {len(spark)} on Spark", file=sys.stderr)
    sys.exit(1)
print(f"equal: {len(single)} groups, {figures} figures, "
      f"{sum(g['conflicting_pairs'] for g in single)} conflicting pairs")
EOF
echo "$articles articles: one process ${single} s, Spark local mode ${distributed} s"
