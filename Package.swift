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
        // Domain-free terminal toolkit: text width, cell grid, widgets. Foundation only.
        .target(name: "TerminalUI"),
        // JSON file, validation, atomic save, lock, CSV import.
        .target(
            name: "PilotwaveStorage",
            dependencies: ["PilotwaveCore", .product(name: "SwiftCSV", package: "SwiftCSV")]
        ),
        .executableTarget(
            name: "pilotwave",
            dependencies: [
                "PilotwaveCore", "PilotwaveStorage", "TerminalUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "PilotwaveCoreTests", dependencies: ["PilotwaveCore"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"]),
        .testTarget(name: "PilotwaveStorageTests", dependencies: ["PilotwaveStorage", "PilotwaveCore"]),
        // Drives the built binary; depends on it so `swift test` builds it first.
        .testTarget(name: "pilotwaveCLITests", dependencies: ["pilotwave"]),
    ],
    swiftLanguageModes: [.v6]
)
