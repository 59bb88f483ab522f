// Wave date checks (DOMAIN.md §6): dates that cannot all be true, or that today has overtaken.
extension PlanChecks {
    /// Every wave date check, in the order they run.
    public static func waveDates(_ c: CheckContext) -> [Finding] {
        checkInsOutsideWave(c) + wavesOverlap(c) + waveOrderDates(c) + waveStartPassed(c) + waveEndPassed(c)
    }

    /// `checkInOutsideWave` (warning): a check-in before the wave's start or after its end.
    public static func checkInsOutsideWave(_ c: CheckContext) -> [Finding] {
        c.orderedWaves.compactMap { wave in
            let outside = wave.checkIns.filter { day in
                wave.start.map { day < $0 } == true || wave.end.map { day > $0 } == true
            }
            guard !outside.isEmpty else { return nil }
            let span = [wave.start.map { "from \($0)" }, wave.end.map { "to \($0)" }].compactMap { $0 }.joined(separator: " ")
            return Finding(
                code: "checkInOutsideWave", severity: .warning,
                message: "\(wave.name) has " + (outside.count == 1 ? "a check-in" : "check-ins") + " outside its dates (\(span)): "
                    + Words.list(outside.map(\.description)),
                concerns: [wave.id.raw],
                guidance: "A check-in reviews the wave's outcomes and blockers with its teams and coaches while "
                    + "the wave runs; one outside its dates meets nobody. Move it inside the wave (W on the "
                    + "board), or change the wave's dates.")
        }
    }

    /// `wavesOverlap` (warning): two waves not done whose dates (start to end) overlap.
    public static func wavesOverlap(_ c: CheckContext) -> [Finding] {
        let dated = c.orderedWaves.filter { $0.status != .done && $0.start != nil && $0.end != nil }
        var findings: [Finding] = []
        for (i, a) in dated.enumerated() {
            for b in dated[(i + 1)...] where a.start! <= b.end! && b.start! <= a.end! {
                findings.append(Finding(
                    code: "wavesOverlap", severity: .warning,
                    message: "\(a.name) (\(a.start!) to \(a.end!)) and \(b.name) (\(b.start!) to \(b.end!)) overlap",
                    concerns: [a.id.raw, b.id.raw],
                    guidance: "Each wave learns from the one before: its coaches come free and its blockers get "
                        + "fixed first. Waves that run at once share coaches and start before those lessons are in. "
                        + "Let one end before the next starts, or say why in the decision log."))
            }
        }
        return findings
    }

    /// `waveOrderDates` (warning): a wave starts before a wave that comes earlier in the planned order.
    public static func waveOrderDates(_ c: CheckContext) -> [Finding] {
        let waves = c.orderedWaves
        var findings: [Finding] = []
        for (i, later) in waves.enumerated() {
            guard let start = later.start,
                let earlier = waves[..<i].first(where: { $0.order < later.order && $0.start.map { start < $0 } == true })
            else { continue }
            findings.append(Finding(
                code: "waveOrderDates", severity: .warning,
                message: "\(later.name) starts \(start), before \(earlier.name), which comes earlier (starts \(earlier.start!))",
                concerns: [later.id.raw, earlier.id.raw],
                guidance: "Waves run in their planned order: teams of an earlier wave seed the coaches of later "
                    + "ones and surface the blockers to fix first. Swap the dates, or change the order."))
        }
        return findings
    }

    /// `waveStartPassed` (warning): a planned wave whose start is before today.
    public static func waveStartPassed(_ c: CheckContext) -> [Finding] {
        c.orderedWaves.compactMap { wave in
            guard wave.status == .planned, let start = wave.start, start < c.today else { return nil }
            return Finding(
                code: "waveStartPassed", severity: .warning,
                message: "\(wave.name) is still planned, but its start (\(start)) has passed",
                concerns: [wave.id.raw],
                guidance: "A plan whose dates have been overtaken no longer says what happens next. Start the "
                    + "wave (A on the board, which checks its entry gate) or give it a new start date (W).")
        }
    }

    /// `waveEndPassed` (warning): an active wave whose end is before today.
    public static func waveEndPassed(_ c: CheckContext) -> [Finding] {
        c.orderedWaves.compactMap { wave in
            guard wave.status == .active, let end = wave.end, end < c.today else { return nil }
            return Finding(
                code: "waveEndPassed", severity: .warning,
                message: "\(wave.name) is still active, but its end (\(end)) has passed",
                concerns: [wave.id.raw],
                guidance: "A wave that runs on past its end holds its coaches and delays the next one. Mark it "
                    + "done once its teams own their outcomes, or move its end date (W) and say why.")
        }
    }

    /// What is wrong with a wave's dates as entered in the wave form, by field ("start", "end",
    /// "checkIns"), in words: the warnings the checks above would give, shown where they are typed.
    public static func waveDateWarnings(_ wave: Wave, plan: Plan, today: Day) -> [String: String] {
        var edited = plan
        if let i = edited.waves.firstIndex(where: { $0.id == wave.id }) { edited.waves[i] = wave } else { edited.waves.append(wave) }
        let c = CheckContext(plan: edited, today: today)
        var out: [String: String] = [:]
        func add(_ key: String, _ text: String) { out[key] = out[key].map { $0 + "; " + text } ?? text }
        if wave.status == .planned, let start = wave.start, start < today { add("start", "in the past (today is \(today))") }
        if wave.status == .active, let end = wave.end, end < today { add("end", "passed, while the wave is active") }
        for f in wavesOverlap(c) where f.concerns.contains(wave.id.raw) {
            let other = edited.waves.first { $0.id.raw != wave.id.raw && f.concerns.contains($0.id.raw) }
            add("end", "overlaps \(other?.name ?? "another wave")")
        }
        for f in waveOrderDates(c) where f.concerns.contains(wave.id.raw) {
            let other = edited.waves.first { $0.id.raw != wave.id.raw && f.concerns.contains($0.id.raw) }
            guard let other else { continue }
            add("start", other.order < wave.order ? "before \(other.name), which comes earlier"
                                                 : "after \(other.name), which comes later")
        }
        let outside = wave.checkIns.filter { day in
            wave.start.map { day < $0 } == true || wave.end.map { day > $0 } == true
        }
        if !outside.isEmpty { add("checkIns", "outside the wave's dates: " + Words.list(outside.map(\.description))) }
        return out
    }
}
