#!/usr/bin/env bash
# Builds and runs the Swift tests where a Swift toolchain exists (called by
# tests/kotlin/run.sh with the generated Swift bindings and the library dir):
#   1. the bindings tests (tests/swift), assembled under target/swift-tests;
#   2. TandemKit's tests (ios/TandemKit), assembled in place: the generated
#      TandemCore.swift into Sources/TandemCore, the header and a module map
#      without Darwin into Sources/TandemCoreFFI (both git-ignored). Its
#      Package.swift builds that C target instead of the XCFramework on Linux
#      or whenever TANDEM_LIB_DIR is set, and links the host libtandem_ffi.
#
#   tests/swift/run.sh BINDINGS_SWIFT_DIR LIB_DIR
set -euo pipefail
cd "$(dirname "$0")/../.."
[ $# -eq 2 ] || { echo "usage: tests/swift/run.sh BINDINGS_SWIFT_DIR LIB_DIR"; exit 2; }
command -v swift >/dev/null 2>&1 || { echo "swift: skipped (no Swift toolchain on this machine)"; exit 0; }
swift_dir=$(cd "$1" && pwd)
lib_dir=$(cd "$2" && pwd)
root=$(pwd)

# The generated module map names Darwin; this one works on Linux too.
write_ffi_target() { # DIR: a C target holding only the FFI header
    mkdir -p "$1/include"
    cp "$swift_dir/TandemCoreFFI.h" "$1/include/"
    cat > "$1/include/module.modulemap" <<'MAP'
module TandemCoreFFI {
    header "TandemCoreFFI.h"
    export *
}
MAP
    # SwiftPM wants one source file in a C target.
    echo '/* The FFI header only; the code is in libtandem_ffi. */' > "$1/shim.c"
}

export TANDEM_LIB_DIR="$lib_dir"
export LD_LIBRARY_PATH="$lib_dir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"

echo "-- Swift: bindings tests"
pkg=target/swift-tests
rm -rf "$pkg"
mkdir -p "$pkg/Sources/TandemCore"
cp tests/swift/Package.swift "$pkg/"
cp -r tests/swift/Tests "$pkg/"
cp "$swift_dir/TandemCore.swift" "$pkg/Sources/TandemCore/"
write_ffi_target "$pkg/Sources/TandemCoreFFI"
(cd "$pkg" && swift test)

echo "-- Swift: TandemKit tests"
kit=ios/TandemKit
rm -rf "$kit/Sources/TandemCore" "$kit/Sources/TandemCoreFFI"
mkdir -p "$kit/Sources/TandemCore"
cp "$swift_dir/TandemCore.swift" "$kit/Sources/TandemCore/"
write_ffi_target "$kit/Sources/TandemCoreFFI"
# Build products stay under target/, out of the source tree.
swift test --package-path "$kit" --scratch-path "$root/target/tandemkit-build"
