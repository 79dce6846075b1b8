#!/usr/bin/env bash
# Compiles and runs every Swift test outside the SwiftUI app, in Swift 6
# language mode:
#   1. the bindings' XCTests (tests/swift), assembled under target/swift-tests;
#   2. TandemKit's XCTests (ios/TandemKit), the iOS model layer, assembled in
#      place: the generated TandemCore.swift into Sources/TandemCore, the
#      header and a module map without Darwin into Sources/TandemCoreFFI
#      (both git-ignored). Its Package.swift builds that C target instead of
#      the XCFramework on Linux or whenever TANDEM_LIB_DIR is set, and links
#      the host libtandem_ffi.
# It uses the `swift` on PATH when there is one (a Mac, a Linux box with
# Swift); otherwise Debian trixie's Swift in a chroot under .tools/, made on
# first use by tests/swift/chroot.sh. TANDEM_SKIP_SWIFT=1 skips it on purpose.
# A warning in our Swift (not the generated bindings) fails the stage.
# Ends with one line: `N passed, N failed`, counting XCTest cases.
#
#   tests/swift/run.sh [BINDINGS_SWIFT_DIR LIB_DIR]
#
# Without arguments it generates the bindings from the debug library.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

if [ "${TANDEM_SKIP_SWIFT:-}" = 1 ]; then
    echo "swift: skipped on purpose (TANDEM_SKIP_SWIFT=1)"
    echo "0 passed, 0 failed"
    exit 0
fi

case $# in
    0)
        bash scripts/generate-bindings.sh target/swift-tests/bindings dev >/dev/null
        swift_dir=$root/target/swift-tests/bindings/swift
        lib_dir=$root/target/debug
        ;;
    2)
        swift_dir=$(cd "$1" && pwd)
        lib_dir=$(cd "$2" && pwd)
        ;;
    *)
        echo "usage: tests/swift/run.sh [BINDINGS_SWIFT_DIR LIB_DIR]"
        exit 2
        ;;
esac

logs=$root/target/swift-tests/logs
mkdir -p "$logs"
passed=0
failed=0

started=$SECONDS
if command -v swift >/dev/null 2>&1; then
    swift=(swift)
    where="on this machine"
else
    if ! bash tests/swift/chroot.sh ensure; then
        echo "swift: no Swift toolchain here and the chroot could not be made (the line above says why)"
        echo "0 passed, 1 failed"
        exit 1
    fi
    swift=(bash tests/swift/chroot.sh run swift)
    where="in the trixie chroot under .tools/"
fi
version=$("${swift[@]}" --version 2>/dev/null | head -n 1)
echo "swift: toolchain ready $where in $((SECONDS - started)) s: $version"

export TANDEM_LIB_DIR="$lib_dir"
export LD_LIBRARY_PATH="$lib_dir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"

# The generated module map names Darwin; this one works on Linux too.
write_ffi_target() { # DIR: a C target holding only the FFI header
    mkdir -p "$1/include"
    cp "$swift_dir/TandemCoreFFI.h" "$1/include/"
    cat >"$1/include/module.modulemap" <<'MAP'
module TandemCoreFFI {
    header "TandemCoreFFI.h"
    export *
}
MAP
    # SwiftPM wants one source file in a C target.
    echo '/* The FFI header only; the code is in libtandem_ffi. */' >"$1/shim.c"
}

# Runs `swift test` for one package and adds its XCTest cases to the counts;
# a build that fails, or a warning in our own Swift, counts as one failure.
swift_test() { # NAME LOG SWIFT-TEST-ARGS…
    local name=$1 log=$2
    shift 2
    local begun=$SECONDS status=0
    "${swift[@]}" test "$@" >"$log" 2>&1 || status=$?
    # XCTest's last lines sum up the whole run.
    local summary run=0 bad=0
    summary=$(grep -A1 "^Test Suite 'All tests'" "$log" | grep -E 'Executed [0-9]+ tests?' | tail -n 1 || true)
    if [ -n "$summary" ]; then
        run=$(echo "$summary" | sed -E 's/.*Executed ([0-9]+) tests?.*/\1/')
        bad=$(echo "$summary" | sed -E 's/.*with ([0-9]+) failures?.*/\1/')
    fi
    # Warnings of the generated bindings are not ours to fix.
    local warnings
    warnings=$(grep -E '^[^ ]+: warning: ' "$log" | grep -v -E '^[^ ]*/Sources/TandemCore/TandemCore\.swift:' | sort -u || true)
    local extra=0
    if [ -z "$summary" ] || { [ "$status" -ne 0 ] && [ "$bad" -eq 0 ]; }; then
        grep -E 'error:' "$log" | sort -u | head -n 40 || true
        tail -n 30 "$log"
        extra=1
    fi
    if [ -n "$warnings" ]; then
        echo "$warnings"
        echo "swift: $name: warnings in our Swift (above); they fail the stage"
        extra=1
    fi
    if [ "$bad" -gt 0 ]; then
        grep -E "error: |^Test Case .* failed" "$log" | sort -u || true
    fi
    passed=$((passed + run - bad))
    failed=$((failed + bad + extra))
    echo "swift: $name: $((run - bad)) passed, $((bad + extra)) failed in $((SECONDS - begun)) s (log: ${log#"$root"/})"
}

# Sources are copied afresh; .build is kept, so a warm run builds only what changed.
pkg=target/swift-tests/package
rm -rf "$pkg/Package.swift" "$pkg/Sources" "$pkg/Tests"
mkdir -p "$pkg/Sources/TandemCore"
cp tests/swift/Package.swift "$pkg/"
cp -r tests/swift/Tests "$pkg/"
cp "$swift_dir/TandemCore.swift" "$pkg/Sources/TandemCore/"
write_ffi_target "$pkg/Sources/TandemCoreFFI"
swift_test "bindings XCTests" "$logs/bindings.log" --package-path "$root/$pkg"

kit=ios/TandemKit
rm -rf "$kit/Sources/TandemCore" "$kit/Sources/TandemCoreFFI"
mkdir -p "$kit/Sources/TandemCore"
cp "$swift_dir/TandemCore.swift" "$kit/Sources/TandemCore/"
write_ffi_target "$kit/Sources/TandemCoreFFI"
# Build products stay under target/, out of the source tree.
swift_test "TandemKit XCTests" "$logs/tandemkit.log" \
    --package-path "$root/$kit" --scratch-path "$root/target/tandemkit-build"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
