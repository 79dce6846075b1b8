#!/usr/bin/env bash
# Builds libtandem_ffi.so for the Android ABIs with cargo-ndk into the
# Android module's jniLibs, then generates the Kotlin bindings into its
# sources. Needs the Android NDK (ANDROID_NDK_HOME) and
# `cargo install cargo-ndk`; it cannot run on the CI machine, which has no
# NDK. The libraries are built with the release-ffi profile (size over
# speed, panics unwind into exceptions) and stripped after bindgen has read
# their metadata.
#
#   scripts/build-android.sh [ANDROID_MODULE_DIR]   (default: android/core)
set -euo pipefail
cd "$(dirname "$0")/.."

module=${1:-android/core}
jni="$module/src/main/jniLibs"
kotlin_out="$module/build/generated/uniffi/kotlin"
profile=release-ffi
min_sdk=26

: "${ANDROID_NDK_HOME:?set ANDROID_NDK_HOME to the NDK (e.g. \$ANDROID_HOME/ndk/27.x)}"
command -v cargo-ndk >/dev/null || { echo "cargo-ndk missing: cargo install cargo-ndk"; exit 1; }
rustup target add aarch64-linux-android armv7-linux-androideabi x86_64-linux-android

# cargo-ndk puts each ABI's .so under $jni/<abi>/.
cargo ndk --platform "$min_sdk" \
    -t arm64-v8a -t armeabi-v7a -t x86_64 \
    -o "$jni" \
    build --locked -p tandem-ffi --lib --profile "$profile"

# Bindings from one unstripped library (the metadata is the same on every
# ABI), on the same uniffi version as the library.
rm -rf "$kotlin_out"
mkdir -p "$kotlin_out"
cargo run --locked -q -p tandem-ffi --features bindgen --bin uniffi-bindgen -- \
    generate --library "$jni/arm64-v8a/libtandem_ffi.so" --language kotlin \
    --out-dir "$kotlin_out" --no-format

# Now strip: symbols and the UniFFI metadata are not needed at run time.
strip_tool=$(find "$ANDROID_NDK_HOME/toolchains/llvm/prebuilt" -name llvm-strip -type f | head -n 1)
for so in "$jni"/*/libtandem_ffi.so; do
    "$strip_tool" --strip-unneeded "$so"
    printf '%s: %d bytes\n' "$so" "$(wc -c < "$so")"
done
echo "Kotlin bindings in $kotlin_out (add it to the module's sourceSets; it is git-ignored)"
