/// Faults to inject into ``PlanStore/save(_:to:expecting:)``, for tests that prove a failed save
/// loses nothing. Production code uses ``none``.
public struct SaveFaults: Sendable, Hashable {
    /// Fail writing the temporary file with `ENOSPC` after this many bytes.
    public var failWriteAfterBytes: Int?
    /// Fail `fsync` of the temporary file with `EIO`.
    public var failFileSync: Bool
    /// Fail hard-linking the current file to the temporary backup name with `EIO`.
    public var failBackupLink: Bool
    /// Fail renaming the temporary backup over `NAME.bak` with `EIO`.
    public var failBackupRename: Bool
    /// Fail the final rename of the temporary file over `NAME` (or, for a new file, linking it into
    /// place) with `EIO`.
    public var failRename: Bool
    /// Fail `fsync` of the folder after the rename with `EIO`. The save still succeeds: the new
    /// version is in place by then, and reporting a failure would make the caller believe otherwise.
    public var failDirectorySync: Bool

    /// Faults to inject; all off by default.
    public init(failWriteAfterBytes: Int? = nil, failFileSync: Bool = false, failBackupLink: Bool = false,
                failBackupRename: Bool = false, failRename: Bool = false, failDirectorySync: Bool = false) {
        self.failWriteAfterBytes = failWriteAfterBytes
        self.failFileSync = failFileSync
        self.failBackupLink = failBackupLink
        self.failBackupRename = failBackupRename
        self.failRename = failRename
        self.failDirectorySync = failDirectorySync
    }

    /// No faults.
    public static let none = SaveFaults()
}

/// A plan could not be saved. The file on disk and its `.bak` are as they were before the attempt;
/// the message starts with the file's path and says why.
public struct PlanSaveError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Why the save was refused or failed.
    public enum Reason: Sendable, Hashable {
        /// The file differs from what was loaded (someone else saved it meanwhile).
        case changedOnDisk
        /// The file was loaded but is no longer there (moved or deleted).
        case missingOnDisk
        /// Saving as a new file (no stamp), but a file is already there: it was never loaded
        /// (or failed to load), so it is not overwritten.
        case alreadyExists
        /// The path is a folder or another kind of non-regular file.
        case notAFile
        /// The plan could not be turned into JSON.
        case encodingFailed(String)
        /// A system call failed: the step in words, `errno` and the system's words for it.
        case io(step: String, errno: Int32, text: String)
    }

    /// The file's path as given to the store.
    public var file: String
    /// Why the save failed.
    public var reason: Reason

    /// A save error for `file`.
    public init(file: String, reason: Reason) {
        self.file = file
        self.reason = reason
    }

    /// The message for the user, starting with the file's path.
    public var message: String {
        switch reason {
        case .changedOnDisk:
            "\(file): changed on disk since it was loaded (edited elsewhere); not saved, so that change "
                + "is not overwritten. Reload the file, or save under another name."
        case .missingOnDisk:
            "\(file): was moved or deleted since it was loaded; not saved. Save under another name."
        case .alreadyExists:
            "\(file): already exists but was not loaded; not overwritten. Open it first, or choose another name."
        case .notAFile:
            "\(file): is not a regular file; not saved."
        case .encodingFailed(let why):
            "\(file): not saved: the plan could not be encoded: \(why)"
        case .io(let step, _, let text):
            "\(file): not saved: \(step) failed: \(text); the file on disk was not changed."
        }
    }

    /// The same as ``message``.
    public var description: String { message }
}
