#!/usr/bin/env bash
# The therapist summary in a real browser: headless Chromium prints it to
# PDF on A4 and on Letter, pdftotext reads the PDFs back, and screenshots are
# left in target/summary-check/ for people to look at. Installs Debian's
# chromium and poppler-utils when missing. Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/../.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]}"
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

cargo build -q -p tandem-cli || exit 1
tandem="$PWD/target/debug/tandem"
out="$PWD/target/summary-check"
rm -rf "$out" && mkdir -p "$out"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

passed=0
failed=0
check() { # check NAME COMMAND...
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $name"; fi
}

export TANDEM_PASSPHRASE="summary check passphrase"
journal="$out/demo.tandem"
"$tandem" --journal "$journal" demo --end 2026-06-30 >/dev/null || exit 1
# Private text that must appear only when its section is picked.
note_canary="PELICAN-note-8812"
space_canary="HERON-space-4471"
"$tandem" --journal "$journal" checkin --date 2026-06-29 --mood 3 --me pursued --partner withdrew \
  --intensity 6 --note "$note_canary after dinner" >/dev/null || exit 1
"$tandem" --journal "$journal" reflect --week 2026-06-22 --raises me --space "$space_canary, then we talked" >/dev/null || exit 1

range=(--from 2026-04-06 --to 2026-06-30)
"$tandem" --journal "$journal" summary "${range[@]}" --sections overview,patterns,feelings,skills,reflections \
  --out "$out/summary.html" --json "$out/summary.json" >/dev/null || exit 1
"$tandem" --journal "$journal" summary "${range[@]}" --sections overview,notes,reflection_notes,closeness \
  --out "$out/private.html" >/dev/null || exit 1

html="$out/summary.html"
check "no http in the HTML" bash -c "! grep -qi 'http' '$html'"
check "no // in the HTML" bash -c "! grep -q '//' '$html'"
check "no script in the HTML" bash -c "! grep -qi '<script' '$html'"
check "no note in the HTML" bash -c "! grep -q '$note_canary' '$html'"
check "JSON has its schema version" grep -q '"schema_version": 1' "$out/summary.json"
check "JSON leaves the notes out" bash -c "! grep -q '$note_canary' '$out/summary.json'"

chrome() {
  chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$profile" "$@" >/dev/null 2>&1
}

# A print dialog picks the paper; here a copy of the page names it.
print_pdf() { # print_pdf HTML PAPER PDF
  local copy="${3%.pdf}.html"
  sed "s|</head>|<style>@page { size: $2; }</style></head>|" "$1" > "$copy"
  timeout 120 bash -c "$(declare -f chrome); profile='$profile'; chrome --no-pdf-header-footer --print-to-pdf='$3' 'file://$copy'"
}

for paper in A4 letter; do
  pdf="$out/summary-$paper.pdf"
  print_pdf "$html" "$paper" "$pdf"
  check "$paper: Chromium printed a PDF" test -s "$pdf"
  text=$(pdftotext -layout "$pdf" - 2>/dev/null)
  size=$(pdfinfo "$pdf" 2>/dev/null | grep 'Page size')
  case $paper in
    A4) check "A4: the pages are A4" grep -q '(A4)' <<<"$size" ;;
    letter) check "letter: the pages are Letter" grep -q '612 x 792 pts (letter)' <<<"$size" ;;
  esac
  pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
  check "$paper: more than one page and fewer than ten ($pages)" test "${pages:-0}" -ge 2 -a "${pages:-0}" -lt 10
  check "$paper: the range is printed" grep -q '6 April 2026 to 30 June 2026' <<<"$text"
  for heading in "Overview" "The pattern week by week" "Feelings and behaviours" "Skills and repair" "Weekly reflections" "About the pursue–withdraw cycle"; do
    check "$paper: heading '$heading'" grep -q "$heading" <<<"$text"
  done
  check "$paper: no daily note" bash -c "! grep -q '$note_canary' <<<\"\$0\"" "$text"
  check "$paper: no reflection free text" bash -c "! grep -q '$space_canary' <<<\"\$0\"" "$text"
  check "$paper: no notes heading" bash -c "! grep -q 'Daily notes' <<<\"\$0\"" "$text"
done

# Picked, the private sections do print.
print_pdf "$out/private.html" A4 "$out/private-A4.pdf"
private_text=$(pdftotext "$out/private-A4.pdf" - 2>/dev/null)
check "picked notes are printed" grep -q "$note_canary" <<<"$private_text"
check "picked reflection text is printed" grep -q "$space_canary" <<<"$private_text"
check "picked closeness is printed" grep -q "Closeness" <<<"$private_text"

# Screenshots for people to look at: a phone and a desktop window.
timeout 120 bash -c "$(declare -f chrome); profile='$profile'; chrome --screenshot='$out/summary-phone.png' --window-size=390,3000 'file://$html'"
timeout 120 bash -c "$(declare -f chrome); profile='$profile'; chrome --screenshot='$out/summary-desktop.png' --window-size=1280,2400 'file://$html'"
check "phone screenshot written" test -s "$out/summary-phone.png"
check "desktop screenshot written" test -s "$out/summary-desktop.png"

echo "summary print check: files in $out"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
