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
        // State, actions, the pure reducer, effects, undo, the command registry and keymap.
        .target(name: "PilotwaveApp", dependencies: ["PilotwaveCore", "PilotwaveStorage", "TerminalUI"]),
        // Views of the app state drawn with TerminalUI widgets.
        .target(name: "PilotwaveUI", dependencies: ["PilotwaveApp", "PilotwaveCore", "TerminalUI"]),
        // Random action sequences weighted towards edits, undo, redo and reloads, with the invariants
        // checked after each step and a shrinker: used by the random-input tests and the soak.
        .target(name: "PilotwaveSoak", dependencies: ["PilotwaveApp", "PilotwaveUI", "PilotwaveCore", "PilotwaveStorage", "TerminalUI"]),
        // The system ncursesw library (wide-character API) through a shim header.
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncurses-dev"])]),
        // The only code that talks to ncurses: setup/restore, input decoding, frame diff.
        .target(name: "TerminalCurses", dependencies: ["TerminalUI", "CNcursesw"]),
        .executableTarget(
            name: "pilotwave",
            dependencies: [
                "PilotwaveCore", "PilotwaveStorage", "TerminalUI", "PilotwaveApp", "PilotwaveUI", "TerminalCurses",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks on generated plans: `swift run -c release pilotwave-bench`.
        .executableTarget(
            name: "pilotwave-bench",
            dependencies: ["PilotwaveCore", "PilotwaveStorage", "TerminalUI", "PilotwaveApp", "PilotwaveUI", "TerminalCurses",
                           "PilotwaveSoak"]
        ),
        // Report goldens are read from the source tree (#filePath), not bundled.
        .testTarget(name: "PilotwaveCoreTests", dependencies: ["PilotwaveCore"], exclude: ["ReportGoldens"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"]),
        .testTarget(name: "TerminalCursesTests", dependencies: ["TerminalCurses", "TerminalUI", "CNcursesw"]),
        // Goldens are read from the source tree (#filePath), not bundled.
        .testTarget(name: "PilotwaveAppTests", dependencies: ["PilotwaveApp", "PilotwaveUI", "PilotwaveCore", "TerminalUI",
                                                             "PilotwaveSoak", "PilotwaveStorage"],
                    exclude: ["Goldens"]),
        .testTarget(name: "PilotwaveStorageTests", dependencies: ["PilotwaveStorage", "PilotwaveCore"]),
        // Drives the built binary; depends on it so `swift test` builds it first.
        .testTarget(name: "pilotwaveCLITests", dependencies: ["pilotwave"]),
    ],
    swiftLanguageModes: [.v6]
)
