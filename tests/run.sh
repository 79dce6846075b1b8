#!/usr/bin/env bash
# Runs every test suite of Tandem: formatting, lints, all Rust tests (unit,
# property, end-to-end, crash safety, file-version fixtures), and the
# therapist summary printed by headless Chromium, the UniFFI bindings and
# the phones' model layers (Kotlin on the JVM with the size budget; Swift,
# in a Debian trixie chroot when the machine has no Swift of its own).
# On a fresh Debian machine it installs what it needs (chromium,
# poppler-utils, libjna-java, junit4, debootstrap) with apt-get, kotlinc
# from npm into .tools/, cargo-fuzz into .tools/cargo (the fuzz targets run
# on the nightly toolchain), and the Swift chroot under .tools/.
# TANDEM_SKIP_SWIFT=1 skips the Swift stage on purpose.
set -euo pipefail
cd "$(dirname "$0")/.."

# Each stage's wall time, printed when the run ends (passed or not).
times=()
stage_name=""
stage_start=$SECONDS
stage() { # NAME
    [ -z "$stage_name" ] || times+=("$((SECONDS - stage_start)) s  $stage_name")
    stage_name=$1
    stage_start=$SECONDS
    [ -z "$1" ] || echo "== $1"
}
report() {
    stage ""
    echo "== stage times (whole run: $SECONDS s)"
    printf '   %s\n' "${times[@]}"
}
trap report EXIT

stage "cargo fmt --check"
cargo fmt --all -- --check

stage "cargo clippy (all targets, warnings are errors)"
cargo clippy --workspace --all-targets --locked -- -D warnings

stage "cargo test"
cargo test --workspace --locked

stage "fuzz targets: 30 s each under libFuzzer"
bash tests/fuzz/run.sh

stage "therapist summary in headless Chromium"
bash tests/summary/print-check.sh

stage "bindings and the Android model layer: Kotlin on the JVM, size budget"
bash tests/kotlin/run.sh

stage "bindings and TandemKit (the iOS model layer): Swift 6 XCTests"
bash tests/swift/run.sh
