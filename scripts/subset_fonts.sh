#!/usr/bin/env bash
# Regenerates the bundled fallback fonts in assets/fonts/:
#   NanumGothic subset to Hangul; Noto Sans Arabic subset to Arabic with its presentation forms
#   (the reader shapes Arabic into those characters, since egui has no shaping); Noto Sans
#   Hebrew subset to Hebrew.
# Needs: apt-get install fonts-nanum fonts-noto-core; pip install fonttools
set -euo pipefail
cd "$(dirname "$0")/.."
subset() {
  pyftsubset "$1" --unicodes="$2" --no-hinting --desubroutinize --output-file="$3"
}
subset /usr/share/fonts/truetype/nanum/NanumGothic.ttf \
  "U+AC00-D7A3,U+1100-11FF,U+3130-318F,U+3000-303F" assets/fonts/NanumGothic-Hangul.ttf
subset /usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf \
  "U+0600-06FF,U+0750-077F,U+08A0-08FF,U+FB50-FDFF,U+FE70-FEFF,U+200C-200F" \
  assets/fonts/NotoSansArabic-Subset.ttf
subset /usr/share/fonts/truetype/noto/NotoSansHebrew-Regular.ttf \
  "U+0590-05FF,U+FB1D-FB4F" assets/fonts/NotoSansHebrew-Subset.ttf
