// swift-tools-version:6.0
// Runs the XCTest suite against the generated Swift bindings and the host
// library, on Linux or macOS. tests/swift/run.sh assembles it under
// target/swift-tests: Sources/TandemCore gets the generated TandemCore.swift,
// Sources/TandemCoreFFI the generated header (with a module map without
// Darwin), and the linker finds libtandem_ffi in TANDEM_LIB_DIR.
import PackageDescription
import Foundation

let libDir = ProcessInfo.processInfo.environment["TANDEM_LIB_DIR"] ?? "../../target/debug"

let package = Package(
    name: "TandemCoreTests",
    targets: [
        .target(name: "TandemCoreFFI", path: "Sources/TandemCoreFFI"),
        .target(
            name: "TandemCore",
            dependencies: ["TandemCoreFFI"],
            path: "Sources/TandemCore",
            linkerSettings: [
                .unsafeFlags(["-L\(libDir)", "-Xlinker", "-rpath", "-Xlinker", libDir]),
                .linkedLibrary("tandem_ffi"),
            ]
        ),
        .testTarget(name: "TandemCoreTests", dependencies: ["TandemCore"], path: "Tests/TandemCoreTests"),
    ]
)
