//! The workspace's `uniffi-bindgen`: generates Kotlin and Swift bindings
//! from the compiled library (library mode), on the same uniffi version as
//! the library itself.

fn main() {
    uniffi::uniffi_bindgen_main()
}
