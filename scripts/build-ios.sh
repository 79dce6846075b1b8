#!/usr/bin/env bash
# Builds TandemCoreFFI.xcframework for iOS devices and simulators (arm64 and
# x86_64 simulators joined with lipo) from the static library, and puts the
# generated Swift bindings into the TandemKit package that wraps it:
#
#   ios/TandemKit/build/TandemCoreFFI.xcframework     the binary target TandemKit names
#   ios/TandemKit/Sources/TandemCore/TandemCore.swift the generated bindings (git-ignored)
#
# Needs macOS with Xcode; it cannot run on the CI machine. Uses the
# release-ffi profile; bindings are generated from an unstripped build, then
# the archives are stripped of debug symbols.
#
#   scripts/build-ios.sh [OUT_DIR]   (default: ios/TandemKit/build, where Package.swift looks;
#                                     it must be inside the package)
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:-ios/TandemKit/build}
profile=release-ffi
export IPHONEOS_DEPLOYMENT_TARGET=16.0
targets=(aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios)
kit_core=ios/TandemKit/Sources/TandemCore

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

# The xcframework wants a module map named module.modulemap beside the
# header; it declares the module TandemCoreFFI that TandemCore.swift imports.
cp "$out/swift/TandemCoreFFI.h" "$out/headers/"
cp "$out/swift/TandemCoreFFI.modulemap" "$out/headers/module.modulemap"

lipo -create \
    "target/aarch64-apple-ios-sim/$profile/libtandem_ffi.a" \
    "target/x86_64-apple-ios/$profile/libtandem_ffi.a" \
    -output "$out/sim/libtandem_ffi.a"
cp "target/aarch64-apple-ios/$profile/libtandem_ffi.a" "$out/libtandem_ffi.a"
strip -S -x "$out/libtandem_ffi.a" "$out/sim/libtandem_ffi.a"

# Named after the binary target (TandemCoreFFI) that ios/TandemKit/Package.swift declares.
xcodebuild -create-xcframework \
    -library "$out/libtandem_ffi.a" -headers "$out/headers" \
    -library "$out/sim/libtandem_ffi.a" -headers "$out/headers" \
    -output "$out/TandemCoreFFI.xcframework"

# The bindings go into the package beside the framework they call.
mkdir -p "$kit_core"
cp "$out/swift/TandemCore.swift" "$kit_core/TandemCore.swift"
echo "$out/TandemCoreFFI.xcframework, with the bindings in $kit_core/TandemCore.swift"
