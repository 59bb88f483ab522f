import Foundation
import PilotwaveCore
import PilotwaveStorage
import Testing

@Suite("PlanStore")
struct StoreTests {
    let store = PlanStore()

    func read(_ url: URL) throws -> [UInt8] { [UInt8](try Data(contentsOf: url)) }

    func version(_ n: Int) -> Plan {
        var plan = Fixtures.fullPlan()
        plan.name = "Version \(n)"
        return plan
    }

    @Test func newFileThenLoadGivesTheSamePlanAndStamp() throws {
        try withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("plan.json")
            let saved = try store.save(Fixtures.fullPlan(), to: url, expecting: nil)
            let bytes = try read(url)
            #expect(bytes == [UInt8](try PlanCodec.encode(Fixtures.fullPlan())))
            let (plan, stamp) = try store.load(url)
            #expect(plan == Fixtures.fullPlan())
            #expect(stamp == saved)
            #expect(stamp.size == Int64(bytes.count))
            #expect(stamp.hash == FNV1a.hash64(bytes))
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            #expect(stamp.inode == (attributes[.systemFileNumber] as? NSNumber)?.uint64Value)
            #expect(fileNames(in: dir) == ["plan.json"])  // no .bak for a new file, no temporaries
        }
    }

    @Test func loadThenSaveIsByteIdenticalAndKeepsTheBackup() throws {
        try withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("plan.json")
            try PlanCodec.encode(Fixtures.fullPlan()).write(to: url)
            let original = try read(url)
            let (plan, stamp) = try store.load(url)
            try store.save(plan, to: url, expecting: stamp)
            #expect(try read(url) == original)
            #expect(try read(PlanStore.backupURL(for: url)) == original)
            #expect(fileNames(in: dir) == ["plan.json", "plan.json.bak"])
        }
    }

    @Test func versionOneFileLoadsAndIsSavedAsTheCurrentVersion() throws {
        try withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("plan.json")
            let original = Array(Fixtures.versionOne.utf8)
            try Data(original).write(to: url)
            let (plan, stamp) = try store.load(url)
            #expect(plan.schemaVersion == Plan.currentSchemaVersion)
            #expect(plan.votes == [])
            #expect(plan == Fixtures.versionOnePlan())
            #expect(try read(url) == original)  // loading does not touch the file
            try store.save(plan, to: url, expecting: stamp)
            let saved = String(decoding: try read(url), as: UTF8.self)
            #expect(saved.contains("  \"schemaVersion\" : 6,\n"))
            #expect(saved.contains("  \"rounds\" : [],\n"))
            #expect(saved.contains("  \"actions\" : [],\n"))
            #expect(saved.contains("  \"votes\" : [],\n"))
            #expect(saved.contains("  \"scenarios\" : [],\n"))
            #expect(saved == Fixtures.encoded(Fixtures.versionOnePlan()))
            #expect(try read(PlanStore.backupURL(for: url)) == original)
            // Read back as a current file: same plan, and saving again changes nothing.
            let (again, newStamp) = try store.load(url)
            #expect(again == plan)
            try store.save(again, to: url, expecting: newStamp)
            #expect(String(decoding: try read(url), as: UTF8.self) == saved)
        }
    }

    @Test func backupHoldsThePreviousVersion() throws {
        try withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("plan.json")
            var stamp = try store.save(version(1), to: url, expecting: nil)
            let v1 = try read(url)
            stamp = try store.save(version(2), to: url, expecting: stamp)
            #expect(try read(PlanStore.backupURL(for: url)) == v1)
            let v2 = try read(url)
            try store.save(version(3), to: url, expecting: stamp)
            #expect(try read(PlanStore.backupURL(for: url)) == v2)
            #expect(try store.load(url).plan.name == "Version 3")
        }
    }

    @Test func outsideEditIsNeverOverwritten() throws {
        try withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("plan.json")
            let stamp = try store.save(version(1), to: url, expecting: nil)
            try PlanCodec.encode(version(99)).write(to: url)  // someone else saves
            let edited = try read(url)
            let error = #expect(throws: PlanSaveError.self) { try store.save(version(2), to: url, expecting: stamp) }
            #expect(error?.reason == .changedOnDisk)
            #expect(error?.message == "\(url.path): changed on disk since it was loaded (edited elsewhere); not saved, "
                + "so that change is not overwritten. Reload the file, or save under another name.")
            #expect(try read(url) == edited)
            #expect(fileNames(in: dir) == ["plan.json"])
        }
    }

    @Test func sameSizeDifferentContentIsCaughtByTheHash() throws {
        try withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("plan.json")
            let stamp = try store.save(version(1), to: url, expecting: nil)
            try PlanCodec.encode(version(7)).write(to: url)  // "Version 7": same length as "Version 1"
            #expect(try read(url).count == Int(stamp.size))
            let error = #expect(throws: PlanSaveError.self) { try store.save(version(2), to: url, expecting: stamp) }
            #expect(error?.reason == .changedOnDisk)
        }
    }

    @Test func rewrittenWithTheSameBytesIsNotAChange() throws {
        try withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("plan.json")
            let stamp = try store.save(version(1), to: url, expecting: nil)
            let bytes = try read(url)
            try FileManager.default.removeItem(at: url)
            try Data(bytes).write(to: url)  // new inode and mtime, same content (e.g. git checkout)
            let newStamp = try store.save(version(2), to: url, expecting: stamp)
            #expect(newStamp != stamp)
            #expect(try store.load(url).plan.name == "Version 2")
        }
    }

    @Test func staleStampIsRefusedAfterASave() throws {
        try withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("plan.json")
            let first = try store.save(version(1), to: url, expecting: nil)
            try store.save(version(2), to: url, expecting: first)
            let error = #expect(throws: PlanSaveError.self) { try store.save(version(3), to: url, expecting: first) }
            #expect(error?.reason == .changedOnDisk)
        }
    }

    @Test func deletedFileIsNotSilentlyRecreated() throws {
        try withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("plan.json")
            let stamp = try store.save(version(1), to: url, expecting: nil)
            try FileManager.default.removeItem(at: url)
            let error = #expect(throws: PlanSaveError.self) { try store.save(version(2), to: url, expecting: stamp) }
            #expect(error?.message == "\(url.path): was moved or deleted since it was loaded; not saved. Save under another name.")
            #expect(fileNames(in: dir) == [])
        }
    }

    @Test func newFileRefusesToReplaceAnExistingOne() throws {
        try withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("plan.json")
            try Data("precious".utf8).write(to: url)
            let error = #expect(throws: PlanSaveError.self) { try store.save(version(1), to: url, expecting: nil) }
            #expect(error?.message == "\(url.path): already exists but was not loaded; not overwritten. "
                + "Open it first, or choose another name.")
            #expect(try read(url) == Array("precious".utf8))
        }
    }

    @Test func aFileThatFailedToLoadIsNeverWritten() throws {
        try withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("plan.json")
            let broken = Fixtures.encoded(version(1)).replacingOccurrences(of: "\"stage\" : \"explore\"", with: "\"stage\" : \"grow\"")
            try Data(broken.utf8).write(to: url)
            #expect(throws: PlanLoadError.self) { try store.load(url) }
            // Without a stamp from a successful load the only way to save is as a new file, which
            // refuses to replace anything; FileStamp has no public initialiser to forge one.
            #expect(throws: PlanSaveError.self) { try store.save(version(2), to: url, expecting: nil) }
            #expect(try read(url) == Array(broken.utf8))
            #expect(fileNames(in: dir) == ["plan.json"])
        }
    }

    @Test func permissionsOfTheFileAreKept() throws {
        try withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("plan.json")
            var stamp = try store.save(version(1), to: url, expecting: nil)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
            stamp = try store.load(url).stamp
            try store.save(version(2), to: url, expecting: stamp)
            let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? NSNumber
            #expect(mode?.intValue == 0o600)
        }
    }

    @Test func savingThroughASymlinkReplacesTheTarget() throws {
        try withTemporaryDirectory { dir in
            let realDir = dir.appendingPathComponent("real")
            try FileManager.default.createDirectory(at: realDir, withIntermediateDirectories: true)
            let target = realDir.appendingPathComponent("plan.json")
            let link = dir.appendingPathComponent("plan.json")
            try store.save(version(1), to: target, expecting: nil)
            try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
            let stamp = try store.load(link).stamp
            try store.save(version(2), to: link, expecting: stamp)
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
            #expect(try store.load(target).plan.name == "Version 2")
            #expect(fileNames(in: realDir) == ["plan.json", "plan.json.bak"])
        }
    }

    // MARK: Injected faults

    static let faults: [(SaveFaults, String)] = [
        (SaveFaults(failWriteAfterBytes: 0), "writing the temporary file failed: No space left on device"),
        (SaveFaults(failWriteAfterBytes: 1000), "writing the temporary file failed: No space left on device"),
        (SaveFaults(failFileSync: true), "syncing the temporary file to disk failed: Input/output error"),
        (SaveFaults(failBackupLink: true), "keeping the previous version as plan.json.bak failed: Input/output error"),
        (SaveFaults(failBackupRename: true), "keeping the previous version as plan.json.bak failed: Input/output error"),
        (SaveFaults(failRename: true), "replacing the file failed: Input/output error"),
    ]

    @Test(arguments: faults)
    func failedSaveLeavesFileAndBackupExactlyAsTheyWere(faults: SaveFaults, step: String) throws {
        try withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("plan.json")
            var stamp = try store.save(version(1), to: url, expecting: nil)
            stamp = try store.save(version(2), to: url, expecting: stamp)
            let file = try read(url)
            let backup = try read(PlanStore.backupURL(for: url))
            let error = #expect(throws: PlanSaveError.self) {
                try PlanStore(faults: faults).save(version(3), to: url, expecting: stamp)
            }
            #expect(error?.message == "\(url.path): not saved: \(step); the file on disk was not changed.")
            #expect(try read(url) == file)
            #expect(try read(PlanStore.backupURL(for: url)) == backup)
            #expect(fileNames(in: dir) == ["plan.json", "plan.json.bak"])
            // The stamp still matches, so the save can simply be tried again.
            try store.save(version(3), to: url, expecting: stamp)
            #expect(try read(PlanStore.backupURL(for: url)) == file)
        }
    }

    @Test(arguments: faults)
    func failedFirstReplaceLeavesNoBackup(faults: SaveFaults, step: String) throws {
        try withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("plan.json")
            let stamp = try store.save(version(1), to: url, expecting: nil)
            let file = try read(url)
            #expect(throws: PlanSaveError.self) { try PlanStore(faults: faults).save(version(2), to: url, expecting: stamp) }
            #expect(try read(url) == file)
            #expect(fileNames(in: dir) == ["plan.json"])
        }
    }

    @Test(arguments: [SaveFaults(failWriteAfterBytes: 5), SaveFaults(failFileSync: true), SaveFaults(failRename: true)])
    func failedNewFileLeavesNothing(faults: SaveFaults) throws {
        try withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("plan.json")
            #expect(throws: PlanSaveError.self) { try PlanStore(faults: faults).save(version(1), to: url, expecting: nil) }
            #expect(fileNames(in: dir) == [])
        }
    }

    @Test func folderSyncFailureDoesNotUndoACompletedSave() throws {
        try withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("plan.json")
            let stamp = try store.save(version(1), to: url, expecting: nil)
            try PlanStore(faults: SaveFaults(failDirectorySync: true)).save(version(2), to: url, expecting: stamp)
            #expect(try store.load(url).plan.name == "Version 2")
        }
    }

    @Test func saveIntoAMissingFolderFails() throws {
        try withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("no/such/plan.json")
            let error = #expect(throws: PlanSaveError.self) { try store.save(version(1), to: url, expecting: nil) }
            #expect(error?.message == "\(url.path): not saved: creating the temporary file failed: "
                + "No such file or directory; the file on disk was not changed.")
        }
    }

    @Test func fnv1aMatchesPublishedVectors() {
        #expect(FNV1a.hash64([UInt8]()) == 0xcbf2_9ce4_8422_2325)
        #expect(FNV1a.hash64(Array("a".utf8)) == 0xaf63_dc4c_8601_ec8c)
        #expect(FNV1a.hash64(Array("foobar".utf8)) == 0x8594_4171_f739_67e8)
        #expect(FNV1a.hash64("foobar".utf8.lazy.map { $0 }) == 0x8594_4171_f739_67e8)  // non-contiguous path
    }
}
