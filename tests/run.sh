#!/usr/bin/env bash
# Runs every test suite of Tandem: formatting, lints, all Rust tests (unit,
# property, end-to-end, crash safety, file-version fixtures), and the
# therapist summary printed by headless Chromium, and the UniFFI bindings
# (Kotlin tests on the JVM, Swift where a toolchain exists, the size budget).
# On a fresh Debian machine it installs what it needs (chromium,
# poppler-utils, libjna-java, junit4) with apt-get, and kotlinc from npm
# into .tools/.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== cargo fmt --check"
cargo fmt --all -- --check

echo "== cargo clippy (all targets, warnings are errors)"
cargo clippy --workspace --all-targets --locked -- -D warnings

echo "== cargo test"
cargo test --workspace --locked

echo "== therapist summary in headless Chromium"
bash tests/summary/print-check.sh

echo "== bindings: Kotlin on the JVM, Swift where present, size budget"
bash tests/kotlin/run.sh
