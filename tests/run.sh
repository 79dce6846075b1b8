#!/usr/bin/env bash
# Runs every test suite of Tandem: formatting, lints, and all Rust tests
# (unit, property, end-to-end, crash safety, file-version fixtures).
# On a fresh machine it needs only the Rust toolchain this machine has.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== cargo fmt --check"
cargo fmt --all -- --check

echo "== cargo clippy (all targets, warnings are errors)"
cargo clippy --workspace --all-targets --locked -- -D warnings

echo "== cargo test"
cargo test --workspace --locked
