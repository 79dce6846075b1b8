# Shared by run.sh and bench.sh: installs what the JVM side needs when
# missing (kotlinc from npm into .tools/, JNA and JUnit 4 from Debian),
# builds the host library, generates the bindings and sets:
#   KOTLINC, CP_COMPILE, CP_RUN_BASE, LIB_DIR, BINDINGS, BUILD, MODEL
# Source it from the repository root.

KOTLIN_VERSION=2.4.20
TOOLS=.tools
KOTLIN_HOME=$TOOLS/node_modules/kotlin-compiler
KOTLINC=$KOTLIN_HOME/bin/kotlinc
BUILD=target/kotlin-tests
BINDINGS=$BUILD/bindings
# The Android app's pure-Kotlin model layer, compiled and tested on the JVM.
MODEL=android/app/src/main/java/app/tandem/android/model

if [ ! -x "$KOTLINC" ] || ! grep -q "\"version\": \"$KOTLIN_VERSION\"" "$KOTLIN_HOME/package.json"; then
    echo "installing kotlin-compiler@$KOTLIN_VERSION into $TOOLS/"
    npm install --silent --prefix "$TOOLS" "kotlin-compiler@$KOTLIN_VERSION" >/dev/null
fi
if [ ! -f /usr/share/java/jna.jar ] || [ ! -f /usr/share/java/junit4.jar ]; then
    echo "installing libjna-java and junit4 with apt-get"
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO=sudo
    $SUDO apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libjna-java junit4 >/dev/null
fi

bash scripts/generate-bindings.sh "$BINDINGS" dev >/dev/null
LIB_DIR=target/debug

JNA=/usr/share/java/jna.jar
JUNIT=/usr/share/java/junit4.jar
HAMCREST=/usr/share/java/hamcrest-core.jar
KLIB=$KOTLIN_HOME/lib
# The Android model layer's state holders use kotlinx.coroutines; the
# compiler's npm package ships the JVM jar, so no other download is needed.
COROUTINES=$KLIB/kotlinx-coroutines-core-jvm.jar
CP_COMPILE="$JNA:$JUNIT:$COROUTINES:$KLIB/kotlin-test.jar:$KLIB/kotlin-test-junit.jar"
CP_RUN_BASE="$JNA:$JUNIT:$HAMCREST:$COROUTINES:$KLIB/kotlin-stdlib.jar:$KLIB/kotlin-test.jar:$KLIB/kotlin-test-junit.jar"
