#!/usr/bin/env bash
# Regenerates assets/fonts/NanumGothic-Hangul.ttf: NanumGothic subset to Hangul.
# Needs: apt-get install fonts-nanum; pip install fonttools
set -euo pipefail
cd "$(dirname "$0")/.."
pyftsubset /usr/share/fonts/truetype/nanum/NanumGothic.ttf \
  --unicodes="U+AC00-D7A3,U+1100-11FF,U+3130-318F,U+3000-303F" \
  --no-hinting --desubroutinize \
  --output-file=assets/fonts/NanumGothic-Hangul.ttf
