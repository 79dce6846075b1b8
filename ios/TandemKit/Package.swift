// swift-tools-version:6.0
// TandemKit: the generated TandemCore bindings plus the iOS model layer
// (docs/shells.md). Foundation only, so it builds and tests on Linux too.
//
// TandemCoreFFI, the C side of the bindings, comes from one of two places:
// - Apple platforms (the app): the XCFramework that scripts/build-ios.sh
//   writes to ios/TandemKit/build/TandemCoreFFI.xcframework (inside the
//   package: SwiftPM refuses a binary target outside its root).
// - Linux, or anywhere TANDEM_LIB_DIR is set (tests/swift/run.sh): a C
//   target whose include/ holds the generated header and a module map
//   without Darwin, assembled by the test script, linked against the host
//   libtandem_ffi in TANDEM_LIB_DIR.
// Sources/TandemCore/TandemCore.swift is generated and copied in by those
// scripts; it is git-ignored, like Sources/TandemCoreFFI.
import Foundation
import PackageDescription

let hostLibDir = ProcessInfo.processInfo.environment["TANDEM_LIB_DIR"]

#if os(Linux)
let useHostLibrary = true
#else
let useHostLibrary = hostLibDir != nil
#endif

// The default is the workspace's debug build, two levels up from here.
let libDir = hostLibDir
    ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../target/debug").standardizedFileURL.path

let ffi: Target = useHostLibrary
    ? .target(name: "TandemCoreFFI", path: "Sources/TandemCoreFFI")
    : .binaryTarget(name: "TandemCoreFFI", path: "build/TandemCoreFFI.xcframework")

let coreLinkerSettings: [LinkerSetting] = useHostLibrary
    ? [
        .unsafeFlags(["-L\(libDir)", "-Xlinker", "-rpath", "-Xlinker", libDir]),
        .linkedLibrary("tandem_ffi"),
    ]
    : [
        // The core's static library draws its random bytes from
        // SecRandomCopyBytes: link Security wherever the package is used
        // (the app's own link of it, in project.yml, is harmless beside this).
        .linkedFramework("Security", .when(platforms: [.iOS, .macOS])),
    ]

let package = Package(
    name: "TandemKit",
    platforms: [.iOS(.v16), .macOS(.v13)],
    products: [
        .library(name: "TandemKit", targets: ["TandemKit"]),
    ],
    targets: [
        ffi,
        .target(
            name: "TandemCore",
            dependencies: ["TandemCoreFFI"],
            path: "Sources/TandemCore",
            linkerSettings: coreLinkerSettings
        ),
        .target(name: "TandemKit", dependencies: ["TandemCore"], path: "Sources/TandemKit"),
        .testTarget(
            name: "TandemKitTests",
            dependencies: ["TandemKit", "TandemCore"],
            path: "Tests/TandemKitTests"
        ),
    ]
)
