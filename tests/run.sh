#!/usr/bin/env bash
# Runs every test suite of Tandem: formatting, lints, all Rust tests (unit,
# property, end-to-end, crash safety, file-version fixtures), and the
# therapist summary printed by headless Chromium. On a fresh Debian machine
# it installs what it needs (chromium, poppler-utils) with apt-get.
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
