import PilotwaveCore

/// Upgrades plan files written by older versions of pilotwave, one schema version at a time.
///
/// A file records the format it was written in as `schemaVersion`. On load, a file older than
/// ``currentVersion`` is read as a plain JSON object and passed through the steps
/// `steps[v]`, `steps[v + 1]`, … `steps[currentVersion - 1]`, each turning a version-`k` document
/// into a version-`k + 1` one; only then is it decoded. The file itself is not touched: the next
/// save writes the current version (and keeps the old file as `NAME.bak`).
///
/// **Adding a version** is one entry plus one constant: when the model changes incompatibly in
/// version 7, bump `Plan.currentSchemaVersion` to 7 and add to ``standard``
///
/// ```swift
/// steps: [
///     1: { … },     // 1 → 2, as today
///     …
///     5: { … },     // 5 → 6, as today
///     6: { doc in   // 6 → 7: teams' "area" became "domain"
///         guard var teams = doc["teams"] as? [[String: Any]] else { return }
///         for i in teams.indices { teams[i]["domain"] = teams[i].removeValue(forKey: "area") }
///         doc["teams"] = teams
///     },
/// ]
/// ```
///
/// plus a test that loads a version-6 file. Steps never delete data they do not understand; a step
/// that cannot upgrade a document throws ``MigrationError`` with words for the user.
///
/// Files are never downgraded: a file newer than ``currentVersion`` is refused, not read.
public struct Migrations: Sendable {
    /// Turns a document of version `k` (the key it is registered under) into version `k + 1`.
    public typealias Step = @Sendable (_ document: inout [String: Any]) throws -> Void

    /// Steps by the version they upgrade *from*.
    public var steps: [Int: Step]
    /// The version this build reads and writes.
    public var currentVersion: Int

    /// A registry with `steps` that upgrades documents to `currentVersion`.
    public init(steps: [Int: Step], currentVersion: Int) {
        self.steps = steps
        self.currentVersion = currentVersion
    }

    /// The migrations of this build. 1 → 2: plans gain `votes` (dot-voting rounds), empty in an
    /// older file; decisions gain an optional `selection`, absent in an older file. 2 → 3: plans
    /// gain `scenarios` (alternative wave plans), empty in an older file. 3 → 4: plans gain
    /// `actions`, empty in an older file; each workshop gains `status` `planned`, `current` 0 and
    /// an empty `parkingLot` (and no `template`); each agenda step gains `spentSeconds` and
    /// `extraMinutes`, both 0; decisions gain an optional `workshop`, absent in an older file.
    /// 4 → 5: plans gain `rounds`, empty in an older file. 5 → 6: plans gain `conflicts` (what a
    /// merge left to decide), empty in an older file. A value already there is kept.
    public static let standard = Migrations(steps: [
        1: { document in
            if document["votes"] == nil { document["votes"] = [Any]() }
        },
        2: { document in
            if document["scenarios"] == nil { document["scenarios"] = [Any]() }
        },
        3: { document in
            if document["actions"] == nil { document["actions"] = [Any]() }
            // Element by element, leaving anything that is not an object as it is: the decoder
            // then reports it where it is, not as a missing key elsewhere.
            guard var workshops = document["workshops"] as? [Any] else { return }
            for w in workshops.indices {
                guard var workshop = workshops[w] as? [String: Any] else { continue }
                if workshop["status"] == nil { workshop["status"] = "planned" }
                if workshop["current"] == nil { workshop["current"] = 0 }
                if workshop["parkingLot"] == nil { workshop["parkingLot"] = [Any]() }
                if var steps = workshop["steps"] as? [Any] {
                    for i in steps.indices {
                        guard var step = steps[i] as? [String: Any] else { continue }
                        if step["spentSeconds"] == nil { step["spentSeconds"] = 0 }
                        if step["extraMinutes"] == nil { step["extraMinutes"] = 0 }
                        steps[i] = step
                    }
                    workshop["steps"] = steps
                }
                workshops[w] = workshop
            }
            document["workshops"] = workshops
        },
        4: { document in
            // Notes' `raisedBy` and vote rounds' `countedAt` are optional: absent is right.
            if document["rounds"] == nil { document["rounds"] = [Any]() }
        },
        5: { document in
            if document["conflicts"] == nil { document["conflicts"] = [Any]() }
        },
    ], currentVersion: Plan.currentSchemaVersion)

    /// Upgrades `document` from `version` to ``currentVersion`` and sets its `schemaVersion`.
    ///
    /// - Throws: ``MigrationError`` when a step is missing or fails; `document` may then be half
    ///   upgraded and must be discarded.
    public func upgrade(_ document: inout [String: Any], from version: Int) throws(MigrationError) {
        var v = version
        while v < currentVersion {
            guard let step = steps[v] else {
                throw MigrationError(fromVersion: v, reason: "this build has no upgrade from schemaVersion \(v)")
            }
            do {
                try step(&document)
            } catch let error as MigrationError {
                throw error
            } catch {
                throw MigrationError(fromVersion: v, reason: String(describing: error))
            }
            v += 1
        }
        document["schemaVersion"] = currentVersion
    }
}

/// A migration step could not upgrade a document.
public struct MigrationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The version the failing step upgrades from.
    public var fromVersion: Int
    /// What went wrong, in words for the user.
    public var reason: String

    /// A failure of the step that upgrades from `fromVersion`.
    public init(fromVersion: Int, reason: String) {
        self.fromVersion = fromVersion
        self.reason = reason
    }

    public var description: String { "cannot upgrade from schemaVersion \(fromVersion): \(reason)" }
}
