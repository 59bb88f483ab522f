import Foundation

/// Something both sides of a merge changed differently (`pilotwave merge`, the git merge driver):
/// kept in the plan until someone decides, so that the merged file still loads and pilotwave can
/// show each conflict in words.
///
/// The plan holds OURS' value; `theirs` is what the other side wanted, `base` what both started
/// from. Values are JSON text (`"coach-2"`, `3`, `{"…": …}`); nil means "not there" (deleted, or
/// never added).
public struct MergeConflict: Codable, Hashable, Sendable, Identifiable {
    /// Where in the plan: `name`, `settings`, `organisation` for the plan's own fields;
    /// `LIST/ID` for a whole element (deleted on one side, edited on the other); `LIST/ID/FIELD`
    /// for one field of an element (`teams/team-3f9a/coach`). LIST is the plan's JSON key
    /// (`teams`, `waves`, `signals`…), ID the element's `id`, FIELD its JSON key.
    public var id: String
    /// In words, for the Conflicts overlay and `check`: `Team "Claims Intake": coach`.
    public var what: String
    public var ours: String?
    public var theirs: String?
    public var base: String?

    public init(id: String, what: String, ours: String?, theirs: String?, base: String?) {
        self.id = id
        self.what = what
        self.ours = ours
        self.theirs = theirs
        self.base = base
    }

    /// The path's parts: list, element id, field (each nil when absent).
    public var path: (list: String, element: String?, field: String?) {
        let parts = id.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        return (parts[0], parts.count > 1 ? parts[1] : nil, parts.count > 2 ? parts[2] : nil)
    }
}
