import Foundation

/// Retiring a readiness dimension that wave gates use: the gates follow, in the same edit.
extension Readiness {
    /// The waves whose entry gate asks for a minimum of `dimension`, in wave order, with that minimum.
    public static func gatesUsing(_ dimension: DimensionKey, in plan: Plan) -> [(wave: Wave, minimum: Int)] {
        plan.orderedWaves.compactMap { wave in
            wave.entry.readiness.first { $0.dimension == dimension }.map { (wave, $0.minimum) }
        }
    }

    /// One undoable edit retiring `dimension` and dropping its threshold from every wave gate that
    /// uses it (a retired dimension gets no new ratings, so a gate on it could never be met).
    public static func retire(_ dimension: ReadinessDimension, in plan: Plan) -> PlanEdit {
        var retired = dimension
        retired.retired = true
        var edits: [PlanEdit] = [.updateDimension(retired)]
        for (wave, _) in gatesUsing(dimension.id, in: plan) {
            var changed = wave
            changed.entry.readiness.removeAll { $0.dimension == dimension.id }
            edits.append(.updateWave(changed))
        }
        return edits.count == 1 ? edits[0] : .batch("Retire \(dimension.name)", edits)
    }
}
