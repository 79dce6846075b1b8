#!/usr/bin/env bash
# The Kotlin side of the bindings, on the JVM: generates the bindings from
# the host library, compiles them with the Android app's model layer and
# the tests (tests/kotlin/*Test.kt, tests/kotlin/android/*Test.kt) using
# kotlinc, runs every test class with JUnit 4 over JNA, then the size
# budget of the shipped library. Ends with one line: `N passed, N failed`.
# (The Swift side is tests/swift/run.sh.)
set -euo pipefail
cd "$(dirname "$0")/../.."
source tests/kotlin/env.sh

passed=0
failed=0

tests=(tests/kotlin/*Test.kt tests/kotlin/android/*Test.kt)
# The android tests share fixtures from files not named *Test.kt.
sources=(tests/kotlin/*Test.kt tests/kotlin/android/*.kt)
# A test class is named after its file, in the file's package (if any).
classes=()
for t in "${tests[@]}"; do
    pkg=$(sed -nE 's/^package +([A-Za-z0-9_.]+).*/\1/p' "$t" | head -n 1)
    name=$(basename "$t" .kt)
    classes+=("${pkg:+$pkg.}$name")
done

echo "-- compiling bindings, the Android model layer and tests with kotlinc $KOTLIN_VERSION"
rm -rf "$BUILD/classes"
mkdir -p "$BUILD/classes"
# Warnings of the generated bindings are not ours to fix; every other
# warning (model layer, tests) is shown.
set +e
"$KOTLINC" -cp "$CP_COMPILE" -d "$BUILD/classes" \
    "$BINDINGS"/kotlin/app/tandem/core/*.kt "$MODEL"/*.kt "${sources[@]}" > "$BUILD/kotlinc.log" 2>&1
compiled=$?
set -e
grep -v -e "^$BINDINGS/" -e '^warning:' "$BUILD/kotlinc.log" || true
missing=0
for c in "${classes[@]}"; do
    [ -f "$BUILD/classes/${c//.//}.class" ] || missing=1
done
if [ "$compiled" -ne 0 ] || [ "$missing" -ne 0 ]; then
    echo "kotlinc failed"
    echo "0 passed, 1 failed"
    exit 1
fi

echo "-- JUnit: ${classes[*]}"
set +e
java -Djna.library.path="$LIB_DIR" -cp "$CP_RUN_BASE:$BUILD/classes" \
    org.junit.runner.JUnitCore "${classes[@]}" > "$BUILD/junit.log" 2>&1
status=$?
set -e
cat "$BUILD/junit.log"
if line=$(grep -E '^OK \([0-9]+ tests?\)' "$BUILD/junit.log"); then
    passed=$((passed + $(echo "$line" | grep -oE '[0-9]+')))
elif line=$(grep -E '^Tests run: [0-9]+, +Failures: [0-9]+' "$BUILD/junit.log"); then
    run=$(echo "$line" | sed -E 's/^Tests run: ([0-9]+).*/\1/')
    bad=$(echo "$line" | sed -E 's/.*Failures: ([0-9]+).*/\1/')
    passed=$((passed + run - bad))
    failed=$((failed + bad))
else
    failed=$((failed + 1))
fi
[ "$status" -eq 0 ] || [ "$failed" -gt 0 ] || failed=$((failed + 1))

echo "-- size budget of the shipped library"
if bash scripts/check-size.sh; then
    passed=$((passed + 1))
else
    failed=$((failed + 1))
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
