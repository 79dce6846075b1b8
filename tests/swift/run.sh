#!/usr/bin/env bash
# Builds and runs the Swift tests where a Swift toolchain exists (called by
# tests/kotlin/run.sh with the generated Swift bindings and the library dir).
#   tests/swift/run.sh BINDINGS_SWIFT_DIR LIB_DIR
set -euo pipefail
cd "$(dirname "$0")/../.."
swift_dir=$1
lib_dir=$(cd "$2" && pwd)
pkg=target/swift-tests

rm -rf "$pkg"
mkdir -p "$pkg/Sources/TandemCore" "$pkg/Sources/TandemCoreFFI/include"
cp tests/swift/Package.swift "$pkg/"
cp -r tests/swift/Tests "$pkg/"
cp "$swift_dir/TandemCore.swift" "$pkg/Sources/TandemCore/"
cp "$swift_dir/TandemCoreFFI.h" "$pkg/Sources/TandemCoreFFI/include/"
# The generated module map names Darwin; this one works on Linux too.
cat > "$pkg/Sources/TandemCoreFFI/include/module.modulemap" <<'MAP'
module TandemCoreFFI {
    header "TandemCoreFFI.h"
    export *
}
MAP
# SwiftPM wants one source file in a C target.
echo '/* The FFI header only; the code is in libtandem_ffi. */' > "$pkg/Sources/TandemCoreFFI/empty.c"

cd "$pkg"
TANDEM_LIB_DIR="$lib_dir" LD_LIBRARY_PATH="$lib_dir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" swift test
