#!/usr/bin/env bash
# Smoke run of the in-repository fuzz targets (fuzz/): each target runs
# under libFuzzer with AddressSanitizer for TANDEM_FUZZ_SECONDS (30 by
# default), starting from the committed seed corpus (fuzz/corpus/<target>,
# left unchanged: new inputs go to a temporary folder). Installs cargo-fuzz
# into .tools/cargo when it is missing; needs the nightly toolchain.
# A crash leaves its input under fuzz/artifacts/<target>/.
# Longer runs: see fuzz/README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${TANDEM_FUZZ_SECONDS:-30}
export PATH="$PWD/.tools/cargo/bin:$PATH"
if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "-- installing cargo-fuzz into .tools/cargo"
    cargo install cargo-fuzz --locked --quiet --root .tools/cargo
fi

cd fuzz
cargo +nightly fuzz build 2>&1 | tail -1
passed=0
failed=0
for target in import restore record recovery_code; do
    scratch=$(mktemp -d)
    if cargo +nightly fuzz run "$target" "$scratch" "corpus/$target" -- \
        -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 2>"$scratch.log"; then
        echo "ok   $target: $(grep -o 'Done [0-9]* runs in [0-9]* second(s)' "$scratch.log")"
        passed=$((passed + 1))
    else
        echo "FAIL $target:"
        tail -30 "$scratch.log"
        failed=$((failed + 1))
    fi
    rm -rf "$scratch" "$scratch.log"
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
