#!/usr/bin/env bash
# The size budget: builds the shipped library for the host with the
# release-ffi profile, strips a copy (as the phone builds do after bindgen)
# and fails when it is 3 MiB or more. Prints the size either way.
set -euo pipefail
cd "$(dirname "$0")/.."

budget=$((3 * 1024 * 1024))
cargo build --locked -q -p tandem-ffi --lib --profile release-ffi
mkdir -p target/size-check
cp target/release-ffi/libtandem_ffi.so target/size-check/libtandem_ffi.so
strip --strip-unneeded target/size-check/libtandem_ffi.so
size=$(stat -c %s target/size-check/libtandem_ffi.so)
unstripped=$(stat -c %s target/release-ffi/libtandem_ffi.so)
printf 'libtandem_ffi.so (host, release-ffi, stripped): %d bytes = %.2f MiB (budget 3 MiB; unstripped %.2f MiB)\n' \
    "$size" "$(echo "$size / 1048576" | bc -l)" "$(echo "$unstripped / 1048576" | bc -l)"
if [ "$size" -ge "$budget" ]; then
    echo "size budget exceeded"
    exit 1
fi
