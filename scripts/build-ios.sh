#!/usr/bin/env bash
# Builds TandemCore.xcframework for iOS devices and simulators (arm64 and
# x86_64 simulators joined with lipo) from the static library, with the
# Swift bindings beside it. Needs macOS with Xcode; it cannot run on the CI
# machine. Uses the release-ffi profile; bindings are generated from an
# unstripped build, then the archives are stripped of debug symbols.
#
#   scripts/build-ios.sh [OUT_DIR]   (default: ios/build)
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:-ios/build}
profile=release-ffi
export IPHONEOS_DEPLOYMENT_TARGET=16.0
targets=(aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios)

command -v xcodebuild >/dev/null || { echo "xcodebuild missing: run on macOS with Xcode"; exit 1; }
rustup target add "${targets[@]}"
for t in "${targets[@]}"; do
    cargo build --locked -p tandem-ffi --lib --profile "$profile" --target "$t"
done

# Swift bindings from the host (macOS) library, unstripped.
cargo build --locked -p tandem-ffi --lib --profile "$profile"
rm -rf "$out"
mkdir -p "$out/swift" "$out/headers" "$out/sim"
cargo run --locked -q -p tandem-ffi --features bindgen --bin uniffi-bindgen -- \
    generate --library "target/$profile/libtandem_ffi.dylib" --language swift \
    --out-dir "$out/swift" --no-format

# The xcframework wants a module map named module.modulemap beside the header.
cp "$out/swift/TandemCoreFFI.h" "$out/headers/"
cp "$out/swift/TandemCoreFFI.modulemap" "$out/headers/module.modulemap"

lipo -create \
    "target/aarch64-apple-ios-sim/$profile/libtandem_ffi.a" \
    "target/x86_64-apple-ios/$profile/libtandem_ffi.a" \
    -output "$out/sim/libtandem_ffi.a"
cp "target/aarch64-apple-ios/$profile/libtandem_ffi.a" "$out/libtandem_ffi.a"
strip -S -x "$out/libtandem_ffi.a" "$out/sim/libtandem_ffi.a"

xcodebuild -create-xcframework \
    -library "$out/libtandem_ffi.a" -headers "$out/headers" \
    -library "$out/sim/libtandem_ffi.a" -headers "$out/headers" \
    -output "$out/TandemCore.xcframework"
echo "$out/TandemCore.xcframework, with $out/swift/TandemCore.swift for the Swift package"
