// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "pilotwave",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "pilotwave", targets: ["pilotwave"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
    ],
    targets: [
        // Domain: plain value types, rules, edits. Foundation only.
        .target(name: "PilotwaveCore"),
        // JSON file, validation, atomic save, lock, CSV import.
        .target(
            name: "PilotwaveStorage",
            dependencies: ["PilotwaveCore", .product(name: "SwiftCSV", package: "SwiftCSV")]
        ),
        .executableTarget(
            name: "pilotwave",
            dependencies: [
                "PilotwaveCore", "PilotwaveStorage",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "PilotwaveCoreTests", dependencies: ["PilotwaveCore"]),
        .testTarget(name: "PilotwaveStorageTests", dependencies: ["PilotwaveStorage", "PilotwaveCore"]),
    ],
    swiftLanguageModes: [.v6]
)
