#!/usr/bin/env bash
# Generates the Kotlin and Swift bindings of tandem-ffi in library mode:
# builds the host library unstripped (bindgen reads the metadata UniFFI
# embeds in it), then runs the workspace's own uniffi-bindgen on it.
#
#   scripts/generate-bindings.sh [OUT_DIR] [PROFILE]
#
# OUT_DIR defaults to target/bindings (git-ignored); it gets kotlin/ and
# swift/. PROFILE is a cargo profile (default: dev). Never edit the output:
# it is regenerated from the library on every build.
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:-target/bindings}
profile=${2:-dev}
case "$profile" in
    dev) dir=debug ;;
    *) dir=$profile ;;
esac
case "$(uname -s)" in
    Darwin) lib=libtandem_ffi.dylib ;;
    *) lib=libtandem_ffi.so ;;
esac

cargo build --locked -q -p tandem-ffi --lib --profile "$profile"
library="target/$dir/$lib"

rm -rf "$out/kotlin" "$out/swift"
mkdir -p "$out/kotlin" "$out/swift"
bindgen() {
    cargo run --locked -q -p tandem-ffi --features bindgen --bin uniffi-bindgen -- \
        generate --library "$library" --no-format "$@"
}
bindgen --language kotlin --out-dir "$out/kotlin"
bindgen --language swift --out-dir "$out/swift"
echo "bindings: $out/kotlin and $out/swift from $library"
