#!/usr/bin/env bash
# Kotlin benchmarks across the FFI boundary (not part of the test run):
# builds the library with the shipped release-ffi profile, generates the
# bindings from it, compiles tests/kotlin/Bench.kt and prints the figures.
set -euo pipefail
cd "$(dirname "$0")/../.."
source tests/kotlin/env.sh
out=target/kotlin-bench
bash scripts/generate-bindings.sh "$out/bindings" release-ffi >/dev/null
rm -rf "$out/classes"
"$KOTLINC" -nowarn -cp "$CP_COMPILE" -d "$out/classes" \
    "$out"/bindings/kotlin/app/tandem/core/*.kt tests/kotlin/Bench.kt 2>&1 | grep -v '^warning:' || true
java -Djna.library.path=target/release-ffi -cp "$CP_RUN_BASE:$out/classes" BenchKt
