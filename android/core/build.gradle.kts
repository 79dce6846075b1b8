// The core library as Android sees it: the Kotlin bindings that
// scripts/build-android.sh generates into build/generated/uniffi/kotlin,
// the native libraries it builds into src/main/jniLibs, and JNA.
plugins {
    alias(libs.plugins.android.library)
}

val uniffiKotlin: File = layout.buildDirectory.dir("generated/uniffi/kotlin").get().asFile
val jniLibsDir: File = file("src/main/jniLibs")

android {
    namespace = "app.tandem.core"
    compileSdk = 36

    defaultConfig {
        minSdk = 26
    }

    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }

    sourceSets {
        getByName("main") {
            kotlin.directories.add(uniffiKotlin.path)
        }
    }

    lint {
        // The generated bindings pick java.lang.ref.Cleaner only when the
        // class exists at run time (API 33+) and JNA's cleaner otherwise.
        disable += "NewApi"
    }
}

dependencies {
    // The AAR, not the JAR: it carries libjnidispatch.so for every ABI.
    api("net.java.dev.jna:jna:${libs.versions.jna.get()}@aar")
}

// Fail early with the fix, instead of with hundreds of unresolved
// references, when the bindings or the libraries have not been built.
val checkUniffiOutputs by tasks.registering {
    val bindings = uniffiKotlin
    val nativeLibs = jniLibsDir
    doLast {
        val bindingsMissing = !File(bindings, "app/tandem/core/tandem_ffi.kt").isFile
        val libsMissing = nativeLibs.listFiles()?.none { File(it, "libtandem_ffi.so").isFile } ?: true
        if (bindingsMissing || libsMissing) {
            throw GradleException(
                "The Tandem core is not built for Android: run scripts/build-android.sh " +
                    "from the repository root (needs ANDROID_NDK_HOME and cargo-ndk), then sync again.",
            )
        }
    }
}
tasks.matching { it.name == "preBuild" }.configureEach { dependsOn(checkUniffiOutputs) }
