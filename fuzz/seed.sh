#!/usr/bin/env bash
# Fills corpus/ with seeds from the project's sample articles and workspace fixtures.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/load_article corpus/extract corpus/load_workspace
for file in ../sample_data/*.txt; do
  name=$(basename "$file")
  cp "$file" "corpus/extract/$name"
  { printf '\x02'; cat "$file"; } > "corpus/load_article/$name"
done
printf '\x00<html><head><title>T</title></head><body><p a="1" b="2">Kirby said so.</p><script>x<y</script></body></html>' > corpus/load_article/page.html
for file in ../sample_data/workspaces/*.json; do
  cp "$file" "corpus/load_workspace/$(basename "$file")"
done
