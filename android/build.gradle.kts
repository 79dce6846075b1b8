// AGP 9 compiles Kotlin itself (built-in Kotlin) with the Kotlin Gradle
// plugin it depends on; putting a newer one on the build classpath raises
// the compiler to the catalog's Kotlin, so that the Compose compiler plugin
// (versioned with Kotlin) matches it.
buildscript {
    repositories {
        google()
        mavenCentral()
    }
    dependencies {
        classpath(libs.kotlin.gradle.plugin)
    }
}

plugins {
    alias(libs.plugins.android.application) apply false
    alias(libs.plugins.android.library) apply false
    alias(libs.plugins.kotlin.compose) apply false
}
