#!/usr/bin/env python3
"""Encrypted vs. plaintext figures from the last `store` bench run.

Run after `cargo bench -p tandem-core --bench store`; reads criterion's
target/criterion/<group>/<function>/new/estimates.json and prints each
group's encrypted and plaintext times and their ratio.

Also reads the insights bench (`--bench insights`): its groups compare the
insights with decrypting the same check-ins alone; and the backup bench
(`--bench backup`): backup and restore of ten years beside a plain copy
(and, for restore, a copy, open and full load), yardsticks rather than
goals. Groups not yet run are listed on stderr.

Usage: python3 scripts/bench-ratios.py [--stat mean|median] [--target DIR]
The target directory defaults to $CARGO_TARGET_DIR, else ./target beside
this script's parent (the workspace root).
"""

import argparse
import json
import os
import sys
from pathlib import Path

# group -> (measured function, baseline function, goal text,
#           check(measured_ns, baseline_ns) -> bool)
GROUPS = {
    "open": ("encrypted", "plaintext", "ratio <= 1.2", lambda e, p: e / p <= 1.2),
    "save": ("encrypted", "plaintext", "ratio <= 1.1", lambda e, p: e / p <= 1.1),
    "load_ten_years": ("encrypted", "plaintext", "encrypted <= 3 ms", lambda e, p: e <= 3e6),
    "week_ten_years": ("encrypted", "plaintext", "encrypted < 0.5 ms", lambda e, p: e < 0.5e6),
    "week_hundred_years": ("encrypted", "plaintext", "encrypted < 0.5 ms", lambda e, p: e < 0.5e6),
    "pattern_52_weeks": ("insights", "decrypt_only", "insights < 10 ms", lambda e, p: e < 10e6),
    "pattern_520_weeks": ("insights", "decrypt_only", "insights < 30 ms", lambda e, p: e < 30e6),
    "summary_12_weeks": ("html", "decrypt_only", "report", lambda e, p: True),
    "summary_2_years": ("html", "decrypt_only", "report", lambda e, p: True),
    "passphrase_unlock": ("argon2id", "pbkdf2_600000", "report", lambda e, p: True),
    # No goal for these: the baseline is a yardstick (see core/benches/backup.rs).
    "backup_ten_years": ("backup", "copy", "report", lambda e, p: True),
    "restore_ten_years": ("restore", "copy_open_load", "report", lambda e, p: True),
}


def fmt(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3f} {unit}"
    return f"{ns:.1f} ns"


def estimate(root, group, function, stat):
    path = root / group / function / "new" / "estimates.json"
    try:
        with open(path) as f:
            data = json.load(f)[stat]
    except FileNotFoundError:
        return None
    ci = data["confidence_interval"]
    return data["point_estimate"], ci["lower_bound"], ci["upper_bound"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stat", choices=("mean", "median"), default="mean")
    default_target = os.environ.get("CARGO_TARGET_DIR") or Path(__file__).resolve().parent.parent / "target"
    parser.add_argument("--target", type=Path, default=Path(default_target))
    args = parser.parse_args()
    root = args.target / "criterion"

    header = ("group", f"measured ({args.stat})", f"baseline ({args.stat})", "ratio", "goal", "met")
    rows, missing = [], []
    for group, (measured, baseline, goal, check) in GROUPS.items():
        enc = estimate(root, group, measured, args.stat)
        plain = estimate(root, group, baseline, args.stat)
        if enc is None or plain is None:
            missing.append(group)
            continue
        e, p = enc[0], plain[0]
        rows.append((f"{group} ({measured} / {baseline})", fmt(e), fmt(p), f"{e / p:.2f}x", goal,
                     "yes" if check(e, p) else "NO"))

    # Groups whose bench also timed the two stores in interleaved pairs: the
    # ratio of those sums is the one to trust (no drift between runs).
    for group, (_, _, goal, check) in GROUPS.items():
        try:
            with open(root / group / "paired.json") as f:
                paired = json.load(f)
        except FileNotFoundError:
            continue
        e, p = paired["encrypted_ns"], paired["plaintext_ns"]
        rows.append((f"{group} (paired, {paired['pairs']} pairs)", fmt(e), fmt(p), f"{e / p:.2f}x", goal,
                     "yes" if check(e, p) else "NO"))

    if rows:
        widths = [max(len(r[i]) for r in rows + [header]) for i in range(len(header))]
        for r in [header, tuple("-" * w for w in widths)] + rows:
            print("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())
    if missing:
        print(f"no estimates under {root} for: {', '.join(missing)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
