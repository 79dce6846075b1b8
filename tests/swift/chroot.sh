#!/usr/bin/env bash
# A Swift toolchain for machines that have none: Debian trixie's `swiftlang`
# (Swift 6.0.3 with SwiftPM, XCTest and Foundation) in a chroot under the
# git-ignored .tools/. It needs trixie's glibc, so it cannot go on a
# Debian 12 host itself; the host's Rust library loads inside unchanged.
#
#   tests/swift/chroot.sh ensure     make .tools/swift-chroot when missing
#   tests/swift/chroot.sh run CMD…   run CMD in it, in the current directory
#
# `ensure` is idempotent: a finished chroot carries a marker naming what it
# holds and is left alone; anything else under that name (an interrupted
# run) is removed and made again. Packages are kept in .tools/swift-cache,
# so making the chroot again downloads nothing but the package lists.
#
# Mounts (/proc, /sys, /dev with /dev/pts, the project folder at its own
# path, and while installing the package cache) are made only inside a private mount namespace
# (`unshare --mount`), for the one command that needs them: the kernel
# drops them when that command ends, however it ends, and the host never
# sees them, so removing the chroot is always safe.
#
# Needs root (debootstrap, chroot and mounts do), or sudo without a
# password. The mirror is the one the host's apt sources name, or
# TANDEM_DEBIAN_MIRROR.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
tools=$root/.tools
dir=$tools/swift-chroot
cache=$tools/swift-cache
suite=trixie
packages=(swiftlang libc6-dev)
# What a finished chroot holds; a different one is made again.
want="$suite ${packages[*]}"
marker=.tandem-swift-ready

fail() {
    echo "swift chroot: $*" >&2
    exit 1
}

need_root() {
    [ "$(id -u)" -eq 0 ] ||
        fail "needs root (or sudo without a password) for debootstrap, chroot and mounts; run as root, install Swift, or set TANDEM_SKIP_SWIFT=1"
    command -v unshare >/dev/null 2>&1 || fail "unshare (util-linux) is missing"
}

# The Debian mirror the host's apt sources already use.
mirror() {
    if [ -n "${TANDEM_DEBIAN_MIRROR:-}" ]; then
        echo "$TANDEM_DEBIAN_MIRROR"
        return
    fi
    local found
    found=$(
        {
            sed -nE 's/^URIs:[[:space:]]*//p' /etc/apt/sources.list.d/*.sources 2>/dev/null | tr ' ' '\n'
            sed -nE 's/^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?([^[:space:]]+).*/\2/p' \
                /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null
        } | grep -E '^https?://.*/debian/?$' | head -n 1
    ) || true
    echo "${found:-http://deb.debian.org/debian}"
}

# The last lines of a failed step's log, then one line saying which step.
failed_step() { # STEP LOG
    tail -n 20 "$2" >&2 || true
    fail "$1 failed (whole log: ${2#"$root"/})"
}

ensure() {
    if [ -f "$dir/$marker" ] && [ "$(cat "$dir/$marker")" = "$want" ]; then
        return
    fi
    need_root
    if ! command -v debootstrap >/dev/null 2>&1; then
        echo "installing debootstrap with apt-get"
        apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null ||
            fail "could not install debootstrap with apt-get"
    fi
    mkdir -p "$cache/debootstrap" "$cache/apt" "$cache/lists" "$cache/logs"
    local partial=$dir.partial
    # Nothing is ever mounted here outside a namespace that has ended, so
    # this removes only files; --one-file-system guards it all the same.
    rm -rf --one-file-system "$dir" "$partial"

    local base=$SECONDS from
    local log=$cache/logs/debootstrap.log
    from=$(mirror)
    unshare --mount --propagation private \
        debootstrap --variant=minbase --cache-dir="$cache/debootstrap" "$suite" "$partial" "$from" \
        >"$log" 2>&1 || failed_step "debootstrap of $suite from $from" "$log"
    echo "swift chroot: $suite base system from $from in $((SECONDS - base)) s"

    local install=$SECONDS
    log=$cache/logs/apt-install.log
    rm -f "$partial/etc/resolv.conf"
    cp /etc/resolv.conf "$partial/etc/resolv.conf"
    in_namespace "$partial" cache /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive \
        sh -c "apt-get update -qq && apt-get install -y -qq --no-install-recommends ${packages[*]}" \
        >"$log" 2>&1 || failed_step "apt-get install ${packages[*]} in the chroot" "$log"
    echo "swift chroot: ${packages[*]} installed in $((SECONDS - install)) s"

    echo "$want" >"$partial/$marker"
    mv "$partial" "$dir"
}

# Runs CMD in the chroot ROOT inside a private mount namespace that holds
# the mounts it needs; they go when the command ends. With "cache", apt's
# package cache and lists are the ones kept in .tools/swift-cache.
in_namespace() { # ROOT cache|no-cache CMD…
    local target=$1 with_cache=$2
    shift 2
    unshare --mount --propagation private /bin/bash -c '
        set -e
        target=$1 project=$2 cache=$3 with_cache=$4
        shift 4
        mount -t proc proc "$target/proc"
        mount --rbind /sys "$target/sys"
        mount --rbind /dev "$target/dev"
        if [ "$with_cache" = cache ]; then
            mount --bind "$cache/apt" "$target/var/cache/apt/archives"
            mount --bind "$cache/lists" "$target/var/lib/apt/lists"
        fi
        mkdir -p "$target$project"
        mount --bind "$project" "$target$project"
        exec chroot "$target" "$@"
    ' in_namespace "$target" "$root" "$cache" "$with_cache" "$@"
}

# Sets `vars` to NAME=VALUE for each NAME given that is set and not empty.
set_vars() { # NAME…
    vars=()
    local name
    for name in "$@"; do
        [ -z "${!name:-}" ] || vars+=("$name=${!name}")
    done
}

run() { # CMD…
    [ -f "$dir/$marker" ] || fail "no chroot yet: run tests/swift/chroot.sh ensure"
    need_root
    case "$PWD/" in
        "$root"/*) ;;
        *) fail "run it from inside the project ($root); only that folder is in the chroot" ;;
    esac
    local env=(HOME=/root PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 TERM=dumb)
    # What the Swift packages read to find and load the host library.
    set_vars TANDEM_LIB_DIR LD_LIBRARY_PATH
    env+=("${vars[@]}")
    in_namespace "$dir" no-cache /usr/bin/env -i "${env[@]}" \
        /bin/sh -c 'cd "$1" && shift && exec "$@"' run "$PWD" "$@"
}

# Not root: go on through sudo when it needs no password, as apt-get does
# elsewhere in the test run, keeping the variables this script reads.
if [ "$(id -u)" -ne 0 ] && sudo -n true 2>/dev/null; then
    set_vars TANDEM_LIB_DIR LD_LIBRARY_PATH TANDEM_DEBIAN_MIRROR
    exec sudo -n env "${vars[@]}" bash "$0" "$@"
fi

case "${1:-}" in
    ensure)
        mkdir -p "$tools"
        # One maker at a time; a second run waits, then finds it made.
        exec 9>"$tools/swift-chroot.lock"
        flock 9
        ensure
        ;;
    run)
        shift
        [ $# -gt 0 ] || fail "usage: tests/swift/chroot.sh run CMD…"
        run "$@"
        ;;
    *)
        echo "usage: tests/swift/chroot.sh ensure | run CMD…" >&2
        exit 2
        ;;
esac
