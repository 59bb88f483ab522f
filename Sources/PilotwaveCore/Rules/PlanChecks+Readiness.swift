import Foundation

/// Checks on readiness and resistance records that a form refuses but a hand-edited file can hold.
extension PlanChecks {
    /// `gateOnRetiredDimension` (warning): a wave's entry gate asks for a minimum of a retired
    /// readiness dimension, which gets no new ratings, so the gate can only be met by old ones.
    public static func gatesOnRetiredDimensions(_ c: CheckContext) -> [Finding] {
        let retired = Set(c.plan.dimensions.filter(\.retired).map(\.id))
        guard !retired.isEmpty else { return [] }
        return c.orderedWaves.flatMap { wave in
            wave.entry.readiness.filter { retired.contains($0.dimension) }.map { threshold in
                Finding(
                    code: "gateOnRetiredDimension", severity: .warning,
                    message: "\(wave.name)'s entry gate asks for \(c.dimensionName(threshold.dimension)) at least "
                        + "\(threshold.minimum), but that dimension is retired",
                    concerns: [wave.id.raw],
                    guidance: "A retired dimension gets no new ratings: drop it from the gate (Waves view) "
                        + "or bring the dimension back (R in the Readiness view).")
            }
        }
    }

    /// `followUpBeforeNote` (warning): a resistance note's follow-up date is before the day the note
    /// was taken.
    public static func followUpsBeforeNotes(_ c: CheckContext) -> [Finding] {
        c.plan.resistance.compactMap { note in
            guard let due = note.followUp, due < Day(note.recordedAt) else { return nil }
            return Finding(
                code: "followUpBeforeNote", severity: .warning,
                message: "Follow-up on \(Words.quote(note.words, max: 40)) is set for \(due), "
                    + "before the note was taken on \(Day(note.recordedAt))",
                concerns: [note.id.raw],
                guidance: "A follow-up is a check-in still to come; set a date on or after the day the words were heard.")
        }
    }

    /// `ratingWithoutRater` (info): readiness ratings that do not say who gave them.
    public static func ratingsWithoutRater(_ c: CheckContext) -> [Finding] {
        let unsigned = c.plan.signals.filter { $0.struck == nil && $0.recordedBy.trimmingWhitespace().isEmpty }
        guard !unsigned.isEmpty else { return [] }
        return [Finding(
            code: "ratingWithoutRater", severity: .info,
            message: "\(Words.count(unsigned.count, "readiness rating")) do\(unsigned.count == 1 ? "es" : "") not say who gave "
                + (unsigned.count == 1 ? "it" : "them"),
            concerns: unsigned.prefix(10).map(\.id.raw),
            guidance: "Readiness is who said what, when: a rating without its rater cannot be followed up.")]
    }
}
