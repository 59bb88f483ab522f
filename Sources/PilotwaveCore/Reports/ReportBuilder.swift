import Foundation

/// Why a report cannot be built.
public enum ReportError: Error, Hashable, Sendable {
    /// `--workshop ID` names no workshop of the plan; `known` lists the plan's workshops (id, title).
    case unknownWorkshop(id: String, known: [String])

    public var message: String {
        switch self {
        case .unknownWorkshop(let id, let known):
            known.isEmpty
                ? "no workshop \"\(id)\": the plan has no workshops"
                : "no workshop \"\(id)\" in the plan; known workshops: " + known.joined(separator: ", ")
        }
    }
}

extension Report {
    /// The report on `plan` as of `today`. With `workshop`, the report opens with that workshop (its
    /// agenda, time used, parking lot) and its decision log and actions are those of the workshop.
    ///
    /// Linear in the plan's size apart from sorting (the ranking, the decision log).
    public static func build(_ plan: Plan, today: Day, workshop: WorkshopID? = nil) throws(ReportError) -> Report {
        var session: Workshop?
        if let workshop {
            guard let w = plan.workshops.first(where: { $0.id == workshop }) else {
                throw .unknownWorkshop(id: workshop.raw, known: plan.workshops.map { "\($0.id.raw) (\($0.title))" })
            }
            session = w
        }
        return ReportBuilder(plan: plan, today: today, workshop: session).report()
    }
}

/// Builds the sections of a ``Report``; indexes the plan once.
struct ReportBuilder {
    let plan: Plan
    let today: Day
    let workshop: Workshop?
    let context: CheckContext
    let findings: [Finding]
    let teamNames: [TeamID: String]
    let coachNames: [CoachID: String]
    let rec: PilotRecommendation

    init(plan: Plan, today: Day, workshop: Workshop?) {
        self.plan = plan
        self.today = today
        self.workshop = workshop
        context = CheckContext(plan: plan, today: today)
        findings = PlanChecks.run(context)
        teamNames = Dictionary(plan.teams.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        coachNames = Dictionary(plan.coaches.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        rec = context.recommendation
    }

    func report() -> Report {
        var subtitle = "\(plan.organisation.name) · as of \(today)"
        var sections: [ReportSection]
        if let workshop {
            subtitle += " · " + workshop.title + (workshop.date.map { ", \($0)" } ?? "")
            sections = [workshopSection(workshop), decisionsSection(), actionsSection(), summarySection()]
        } else {
            sections = [summarySection()]
        }
        sections += [pilotsSection(), readinessSection(), resistanceSection(), wavesSection(), findingsSection(),
                     blockersSection()]
        if workshop == nil { sections += [decisionsSection(), actionsSection()] }
        return Report(title: plan.name, subtitle: subtitle, planID: plan.id.raw, organisation: plan.organisation.name,
                      today: today, workshop: workshop?.id.raw, sections: sections)
    }

    func teamName(_ id: TeamID) -> String { teamNames[id] ?? id.raw }

    // MARK: Summary

    func summarySection() -> ReportSection {
        let inScope = context.inScopeCount
        let pilots = context.pilotTeams
        let waves = plan.orderedWaves
        let open = plan.resistance.filter { $0.status != .resolved }
        let overdue = open.filter { ResistanceRules.daysOverdue($0, today: today) != nil }.count
        let openActions = plan.actions.filter { !$0.done }
        let lateActions = openActions.filter { a in a.due.map { $0 < today } ?? false }.count
        let barrier = Readiness.barrier(plan)

        func counted<T: StringEnum>(_ values: [T]) -> String {
            let parts = T.allCases.compactMap { c -> String? in
                let n = values.count { $0 == c }
                return n == 0 ? nil : "\(n) \(c.label)"
            }
            return parts.isEmpty ? "none" : parts.joined(separator: ", ")
        }
        let severities = FindingSeverity.allCases.reversed().compactMap { s -> String? in
            let n = findings.count { $0.severity == s }
            return n == 0 ? nil : "\(n) \(s.label)"
        }
        var facts: [ReportFact] = [
            ReportFact("organisation", "Organisation", ReportCell(plan.organisation.name)),
            ReportFact("size", "Size", ReportCell("\(rec.size.label) (\(rec.sizeSource))", value: .string(rec.size.rawValue))),
            ReportFact("teams", "Teams", ReportCell(
                "\(plan.teams.count) (\(inScope) in scope, \(plan.teams.count - inScope) out of scope)",
                value: .int(plan.teams.count))),
            ReportFact("pilotsRecommended", "Pilots recommended",
                       ReportCell(rec.rangeText, value: .list([.int(rec.range.lowerBound), .int(rec.range.upperBound)]))),
            ReportFact("pilotsChosen", "Pilots chosen", ReportCell(
                pilots.isEmpty ? "none yet" : "\(pilots.count) — " + Words.list(pilots.map(\.name)),
                value: .int(pilots.count))),
            ReportFact("waves", "Waves", ReportCell(
                waves.isEmpty ? "none" : "\(waves.count) (\(counted(waves.map(\.status))))", value: .int(waves.count))),
            ReportFact("barrier", "Barrier", barrier.map {
                ReportCell("\($0.dimension.name), \($0.signal.rating)/5", value: .string($0.dimension.id))
            } ?? ReportCell("none", value: .null)),
            ReportFact("openResistance", "Open resistance", ReportCell(
                "\(Words.count(open.count, "note")) (\(open.count { $0.severity == .high }) high, \(overdue) overdue)",
                value: .int(open.count))),
            ReportFact("blockers", "Blockers", ReportCell(counted(plan.blockers.map(\.status)), value: .int(plan.blockers.count))),
            ReportFact("decisions", "Decisions", .int(plan.decisions.count)),
            ReportFact("actions", "Actions", ReportCell(
                "\(openActions.count) open (\(lateActions) overdue), \(plan.actions.count - openActions.count) done",
                value: .int(openActions.count))),
            ReportFact("findings", "Plan checks", ReportCell(
                severities.isEmpty ? "no findings" : severities.joined(separator: ", "), value: .int(findings.count))),
        ]
        facts.append(ReportFact("asOf", "As of", .day(today)))
        return ReportSection(id: "summary", title: "Summary", blocks: [.facts(facts)])
    }

    // MARK: Pilot selection

    func pilotsSection() -> ReportSection {
        var blocks: [ReportBlock] = []
        let pilots = context.pilotTeams
        let chosen = pilots.count
        let standing = chosen == 0 ? "none chosen yet."
            : chosen > rec.range.upperBound ? "\(chosen) chosen — more than recommended. \(rec.guidance)"
            : chosen < rec.range.lowerBound ? "\(chosen) chosen — fewer than recommended."
            : "\(chosen) chosen, within the recommendation."
        blocks.append(.paragraph(ReportParagraph(
            "\(rec.rangeText) pilot \(rec.range.upperBound == 1 ? "team" : "teams") for a \(rec.size.label) "
                + "organisation (size \(rec.sizeSource)); " + standing, lead: "Recommended")))

        let ranking = Scoring.rank(plan)
        let round = Voting.current(plan)
        let tally = round.flatMap(Voting.visibleTally)
        let byID = Dictionary(plan.teams.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var columns = [ReportColumn("rank", "#", numeric: true), ReportColumn("team", "team"),
                       ReportColumn("area", "area"), ReportColumn("score", "score", numeric: true, valueTitle: "score (0–100)"),
                       ReportColumn("rated", "rated")]
        if tally != nil { columns.append(ReportColumn("votes", "votes", numeric: true)) }
        columns += [ReportColumn("status", "status"), ReportColumn("flags", "hard flags")]
        var rows: [[ReportCell]] = []
        var ids: [String] = []
        rows.reserveCapacity(ranking.ranked.count)
        for (i, s) in ranking.ranked.enumerated() {
            guard let team = byID[s.team] else { continue }
            ids.append(team.id.raw)
            let score = s.score.map { s.isThin ? "\($0) (thin)" : "\($0)" } ?? "unrated"
            var row: [ReportCell] = [
                .int(i + 1), ReportCell(team.name), ReportCell.text(team.area), .int(s.score, text: score),
                ReportCell("\(s.ratedCount) of \(s.weightedCount)"),
            ]
            if let tally { row.append(.int(tally[team.id] ?? 0)) }
            row += [ReportCell(team.status.label, value: .string(team.status.rawValue)),
                    .list(HardFlag.flags(team, settings: plan.settings).map(\.label))]
            rows.append(row)
        }
        blocks.append(.table(ReportTable(id: "pilot-ranking", title: "Candidates by score", columns: columns,
                                         rows: rows, emptyText: "No teams in scope.", rowIDs: ids)))
        blocks.append(.paragraph(ReportParagraph(
            "Weighted score 0–100 over the rated criteria only (\"rated\" says how many); a thin score rests "
                + "on less than half of the weight and ranks after the others. Hard flags are shown, not hidden.")))
        if let round {
            blocks.append(.paragraph(ReportParagraph(
                "\(round.title), \(Words.count(round.ballotCount, "ballot"))" + (round.attributed ? "" : ", unattributed")
                    + (round.revealed ? "; shown beside the score, never added to it."
                        : "; not revealed yet, so not shown."), lead: "Votes")))
        }
        let robustness = Robustness.analyse(RankingModel(plan: plan), n: PlanSettings.robustnessN(plan))
        if robustness.n > 0 {
            let names = { (t: Int32) in plan.teams[Int(t)].name }
            var text: String
            if robustness.isStable {
                text = "the top \(robustness.n) stay the same under each of the \(robustness.shiftsTried) one-step weight changes."
            } else {
                let out = robustness.dropsOut.sorted { $0.key < $1.key }.map {
                    "\(names($0.key)) drops out if " + Words.list($0.value.map(\.label), conjunction: "or")
                }
                let enter = robustness.entrants.sorted { $0.key < $1.key }.map {
                    "\(names($0.key)) comes in if " + Words.list($0.value.map(\.label), conjunction: "or")
                }
                text = "the top \(robustness.n) are fragile — " + (out + enter).joined(separator: "; ") + "."
            }
            blocks.append(.paragraph(ReportParagraph(text, lead: "Robustness")))
        }

        blocks.append(.table(ReportTable(
            id: "pilot-weights", title: "Weights", columns: [
                ReportColumn("criterion", "criterion"), ReportColumn("weight", "weight", numeric: true),
                ReportColumn("source", "from"),
            ],
            rows: plan.criteria.map { [ReportCell($0.name), .int($0.weight), ReportCell($0.source.label)] },
            emptyText: "No criteria.")))

        let chosenRows: [[ReportCell]] = pilots.map { team in
            let outcome = team.outcome.flatMap { $0.isEmpty ? nil : $0 }
            var notes: [String] = []
            if let outcome {
                if let reading = OutcomeCheck.assess(outcome.statement) { notes.append("worded as an output (\(reading.label))") }
                let missing = [("metric", outcome.metric), ("target", outcome.target), ("baseline", outcome.baseline)]
                    .filter { $0.1.trimmingWhitespace().isEmpty }.map(\.0)
                if !missing.isEmpty { notes.append("no " + Words.list(missing, conjunction: "or")) }
            } else {
                notes.append("no outcome")
            }
            let flags = HardFlag.flags(team, settings: plan.settings).map(\.label)
            return [
                ReportCell(team.name), .text(team.coach.map { coachNames[$0] ?? $0.raw }, missing: "—"),
                .text(outcome?.statement, missing: "—"), .text(outcome?.metric, missing: "—"),
                .text(outcome?.baseline, missing: "—"), .text(outcome?.target, missing: "—"),
                .list(notes + flags),
            ]
        }
        blocks.append(.table(ReportTable(
            id: "pilots-chosen", title: "Chosen pilots and their outcomes", columns: [
                ReportColumn("team", "pilot"), ReportColumn("coach", "coach"), ReportColumn("outcome", "outcome"),
                ReportColumn("metric", "metric"), ReportColumn("baseline", "baseline"), ReportColumn("target", "target"),
                ReportColumn("attention", "needs attention"),
            ],
            rows: chosenRows, emptyText: "No pilot chosen yet.", rowIDs: pilots.map(\.id.raw))))

        if !ranking.outOfScope.isEmpty {
            blocks.append(.table(ReportTable(
                id: "out-of-scope", title: "Out of scope (stays project-shaped)", columns: [
                    ReportColumn("team", "team"), ReportColumn("area", "area"), ReportColumn("reason", "reason"),
                ],
                rows: ranking.outOfScope.compactMap { s in
                    byID[s.team].map { [ReportCell($0.name), .text($0.area), .text($0.outOfScopeReason, missing: "—")] }
                },
                rowIDs: ranking.outOfScope.map(\.team.raw))))
        }
        return ReportSection(id: "pilots", title: "Pilot selection", newPage: true, blocks: blocks)
    }

    // MARK: Readiness

    func readinessSection() -> ReportSection {
        var blocks: [ReportBlock] = []
        let trends = Readiness.trends(plan.signals)
        if let barrier = Readiness.barrier(plan) {
            let s = barrier.signal
            blocks.append(.paragraph(ReportParagraph(
                "\(barrier.dimension.name) — the organisation's latest rating is \(s.rating)/5 "
                    + "(\(ReportText.day(s.recordedAt))" + (s.recordedBy.isEmpty ? "" : ", \(s.recordedBy)") + ")"
                    + (s.evidence.trimmingWhitespace().isEmpty ? "." : ": " + Words.quote(s.evidence, max: 120)),
                lead: "Barrier")))
        } else {
            blocks.append(.paragraph(ReportParagraph(
                "none — no dimension rated for the organisation stands at 3 or below.", lead: "Barrier")))
        }
        let pilots = context.pilotTeams
        let dimensions = plan.dimensions.filter { !$0.retired }
        var columns = [ReportColumn("dimension", "dimension"), ReportColumn("group", "group"),
                       ReportColumn("organisation", "organisation")]
        columns += pilots.map { ReportColumn($0.id.raw, $0.name) }
        func cell(_ key: Readiness.CellKey, applies: Bool) -> ReportCell {
            guard applies else { return ReportCell("", value: .null) }
            guard let t = trends[key] else { return ReportCell("—", value: .null) }
            return ReportCell("\(t.latest.rating) \(t.direction.symbol)", value: .int(t.latest.rating))
        }
        let matrix = dimensions.map { d in
            [ReportCell(d.name), ReportCell(d.group.label, value: .string(d.group.rawValue)),
             cell(.organisation(d.id), applies: d.scope != .team)]
                + pilots.map { cell(Readiness.CellKey(dimension: d.id, team: $0.id), applies: d.scope != .organisation) }
        }
        blocks.append(.table(ReportTable(id: "readiness-matrix", title: "Latest ratings and trends",
                                         columns: columns, rows: matrix, emptyText: "No readiness dimensions.",
                                         rowIDs: dimensions.map(\.id))))
        blocks.append(.paragraph(ReportParagraph(
            "Ratings 1–5, the latest of each cell; ↑ up, → the same, ↓ down since the rating before; • a first "
                + "rating; — not rated yet. Struck ratings are left out.")))

        var details: [[ReportCell]] = []
        var signalIDs: [String] = []
        let cells: [(ReadinessDimension, TeamID?)] = dimensions.filter { $0.scope != .team }.map { ($0, nil) }
            + pilots.flatMap { p in dimensions.filter { $0.scope != .organisation }.map { ($0, p.id) } }
        for (d, team) in cells {
            guard let t = trends[Readiness.CellKey(dimension: d.id, team: team)] else { continue }
            let s = t.latest
            let trend = t.previous.map { "\(t.direction.symbol) from \($0.rating)" } ?? "• first"
            signalIDs.append(s.id.raw)
            details.append([
                ReportCell(d.name), ReportCell(team.map(teamName) ?? "organisation", value: .string(team?.raw ?? "organisation")),
                .int(s.rating), ReportCell(trend, value: .string(t.direction.rawValue)),
                ReportCell(ReportText.day(s.recordedAt).description, value: .string(ReportText.isoInstant(s.recordedAt))),
                .text(s.recordedBy, missing: "—"), .text(s.evidence, missing: "—"),
            ])
        }
        blocks.append(.table(ReportTable(
            id: "readiness-ratings", title: "Evidence behind the latest ratings", columns: [
                ReportColumn("dimension", "dimension"), ReportColumn("for", "for"),
                ReportColumn("rating", "rating", numeric: true), ReportColumn("trend", "trend"),
                ReportColumn("recorded", "recorded"), ReportColumn("by", "by"), ReportColumn("evidence", "evidence"),
            ],
            rows: details, emptyText: "No ratings recorded yet.", rowIDs: signalIDs)))

        let latest = Readiness.latest(plan)
        for pattern in Readiness.systemic(plan, latest: latest, pilots: pilots.map(\.id)) {
            let who = Words.list(pattern.teams.map { "\(teamName($0.team)) (\($0.rating))" })
            blocks.append(.paragraph(ReportParagraph(
                "\(pattern.dimension.name) is rated \(Readiness.systemicRating) or lower by \(who)"
                    + (pattern.raised != nil ? "; raised as a systemic blocker."
                        : "; not a blocker yet — raise it rather than leaving it to each team."),
                lead: "Systemic")))
        }
        return ReportSection(id: "readiness", title: "Readiness", newPage: true, blocks: blocks)
    }

    // MARK: Resistance

    func resistanceSection() -> ReportSection {
        let stakeholders = Dictionary(plan.stakeholders.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let open = plan.resistance.enumerated().filter { $0.element.status != .resolved }
            .map { (offset: $0.offset, note: $0.element, late: ResistanceRules.daysOverdue($0.element, today: today)) }
            .sorted { a, b in
                if a.note.severity.rank != b.note.severity.rank { return a.note.severity.rank > b.note.severity.rank }
                if (a.late ?? -1) != (b.late ?? -1) { return (a.late ?? -1) > (b.late ?? -1) }
                return a.offset < b.offset
            }
        let resolved = plan.resistance.count - open.count
        let late = open.count { $0.late != nil }
        let rows: [[ReportCell]] = open.map { item in
            let note = item.note
            let source: String
            if let t = note.team {
                source = teamName(t)
            } else if let s = note.stakeholder {
                source = stakeholders[s].map { $0.role.isEmpty ? $0.name : "\($0.name) (\($0.role))" } ?? s.raw
            } else {
                source = "—"
            }
            return [
                ReportCell(note.severity.label, value: .string(note.severity.rawValue)),
                ReportCell(note.kind.label, value: .string(note.kind.rawValue)),
                ReportCell(ReportText.oneLine(note.words)), ReportCell(source),
                ReportCell(note.status.label, value: .string(note.status.rawValue)),
                .text(note.response.map(ReportText.oneLine), missing: "—"), .text(note.owner, missing: "no owner"),
                .day(note.followUp, missing: "—"),
                item.late.map { ReportCell(Words.count($0, "day"), value: .int($0)) } ?? ReportCell("", value: .null),
            ]
        }
        let intro = open.isEmpty ? "No open resistance."
            : "\(Words.count(open.count, "note")) not resolved (\(open.count { $0.note.severity == .high }) high "
                + "severity, \(late) with the follow-up overdue), most severe first"
                + (resolved > 0 ? "; \(resolved) resolved, not listed." : ".")
        return ReportSection(id: "resistance", title: "Open resistance", newPage: true, blocks: [
            .paragraph(ReportParagraph(intro)),
            .table(ReportTable(
                id: "resistance-open", columns: [
                    ReportColumn("severity", "severity"), ReportColumn("kind", "kind"), ReportColumn("words", "words heard"),
                    ReportColumn("source", "from"), ReportColumn("status", "status"), ReportColumn("response", "response"),
                    ReportColumn("owner", "owner"), ReportColumn("followUp", "follow-up"),
                    ReportColumn("overdueDays", "overdue", numeric: true, valueTitle: "overdue (days)"),
                ],
                rows: rows, emptyText: "No open resistance.", rowIDs: open.map(\.note.id.raw))),
        ])
    }

    // MARK: Waves

    func wavesSection() -> ReportSection {
        let capacity = WavePlanning.capacity(plan)
        let orgLatest = context.organisationLatest
        let waves = plan.orderedWaves
        var rows: [[ReportCell]] = []
        var gateRows: [[ReportCell]] = []
        for wave in waves {
            let cap = capacity[wave.id]
            let gate = WavePlanning.gate(wave, plan: plan, organisation: orgLatest)
            let met = gate.count { $0.met }
            let loads = (cap?.coaches ?? []).map { "\($0.name) \($0.total)/\($0.capacity)" + ($0.isOver ? " over" : "") + ($0.isFree ? "" : " not free yet") }
            rows.append([
                .int(wave.order), ReportCell(wave.name), .day(wave.start, missing: "—"), .day(wave.end, missing: "—"),
                ReportCell(wave.status.label, value: .string(wave.status.rawValue)),
                .int(cap?.teams ?? 0),
                .list(wave.teams.compactMap { teamNames[$0] }, separator: ", "),
                .list(loads),
                .int(cap?.uncoached ?? 0),
                .list(wave.checkIns.map(\.description), separator: ", "),
                ReportCell(gate.isEmpty ? "no criteria" : "\(met) of \(gate.count) met"),
            ])
            for item in gate {
                let kind = switch item.kind {
                case .blocker: "blocker"
                case .readiness: "readiness"
                case .checklist: "checklist"
                }
                gateRows.append([ReportCell(wave.name), ReportCell(kind), ReportCell(item.text),
                                 .bool(item.met, yes: "met", no: "not met"), .text(item.evidence, missing: "—")])
            }
        }
        let planned = Set(waves.flatMap(\.teams))
        let unplanned = plan.teams.filter { $0.status != .outOfScope && !planned.contains($0.id) && $0.status != .pilot }
        var blocks: [ReportBlock] = [
            .table(ReportTable(
                id: "waves", columns: [
                    ReportColumn("order", "#", numeric: true), ReportColumn("wave", "wave"), ReportColumn("start", "start"),
                    ReportColumn("end", "end"), ReportColumn("status", "status"),
                    ReportColumn("teamCount", "teams", numeric: true), ReportColumn("teams", "team names"),
                    ReportColumn("coaches", "coach load"), ReportColumn("uncoached", "no coach", numeric: true),
                    ReportColumn("checkIns", "check-ins"), ReportColumn("gate", "entry gate"),
                ],
                rows: rows, emptyText: "No waves planned yet.", rowIDs: waves.map(\.id.raw))),
        ]
        blocks.append(.paragraph(ReportParagraph(
            "Coach load is teams carried in the wave against the coach's capacity. "
                + (unplanned.isEmpty ? "Every team in scope is in a wave."
                    : "\(Words.count(unplanned.count, "team")) in scope \(unplanned.count == 1 ? "is" : "are") in no wave yet: "
                        + Words.short(unplanned.map(\.name), limit: 8) + "."))))
        blocks.append(.table(ReportTable(
            id: "wave-gates", title: "Entry gates", columns: [
                ReportColumn("wave", "wave"), ReportColumn("kind", "kind"), ReportColumn("criterion", "criterion"),
                ReportColumn("met", "state"), ReportColumn("evidence", "evidence"),
            ],
            rows: gateRows, emptyText: "No entry criteria set.")))
        return ReportSection(id: "waves", title: "Wave plan", newPage: true, blocks: blocks)
    }

    // MARK: Findings

    func findingsSection() -> ReportSection {
        let counts = FindingSeverity.allCases.reversed().compactMap { s -> String? in
            let n = findings.count { $0.severity == s }
            return n == 0 ? nil : "\(n) \(s.label)"
        }
        let intro = findings.isEmpty ? "The plan checks found nothing to look at."
            : "What the plan checks noticed as of \(today) (\(counts.joined(separator: ", "))), most severe first, "
                + "with the reasoning behind each."
        return ReportSection(id: "findings", title: "Plan checks", newPage: true, blocks: [
            .paragraph(ReportParagraph(intro)),
            .table(ReportTable(
                id: "findings", columns: [
                    ReportColumn("severity", "severity"), ReportColumn("code", "check"), ReportColumn("finding", "finding"),
                    ReportColumn("guidance", "why it matters"),
                ],
                rows: findings.map {
                    [ReportCell($0.severity.label), ReportCell($0.code), ReportCell($0.message), ReportCell($0.guidance)]
                },
                emptyText: "No findings.")),
        ])
    }

    // MARK: Blockers

    func blockersSection() -> ReportSection {
        var gates: [BlockerID: [String]] = [:]
        for wave in plan.orderedWaves {
            for b in wave.entry.blockers { gates[b, default: []].append(wave.name) }
        }
        let order: [BlockerStatus] = [.open, .inProgress, .resolved]
        let sorted = plan.blockers.enumerated().sorted {
            let a = order.firstIndex(of: $0.element.status) ?? 0, b = order.firstIndex(of: $1.element.status) ?? 0
            return a != b ? a < b : $0.offset < $1.offset
        }.map(\.element)
        return ReportSection(id: "blockers", title: "Systemic blockers", blocks: [
            .table(ReportTable(
                id: "blockers", columns: [
                    ReportColumn("blocker", "blocker"), ReportColumn("category", "category"),
                    ReportColumn("status", "status"), ReportColumn("owner", "owner"),
                    ReportColumn("surfacedBy", "surfaced by"), ReportColumn("gates", "gates"),
                ],
                rows: sorted.map { b in
                    [ReportCell(b.title), ReportCell(b.category.label, value: .string(b.category.rawValue)),
                     ReportCell(b.status.label, value: .string(b.status.rawValue)), .text(b.owner, missing: "no owner"),
                     .list(b.surfacedBy.map(teamName), separator: ", "), .list(gates[b.id] ?? [], separator: ", ")]
                },
                emptyText: "No blockers recorded.", rowIDs: sorted.map(\.id.raw))),
        ])
    }

    // MARK: Decisions and actions

    /// The decisions of the report: all, or with a workshop those naming it plus those naming no
    /// workshop taken on its day (plans from before decisions named their workshop).
    func decisions() -> [Decision] {
        guard let workshop else { return plan.decisions }
        return plan.decisions.filter { d in
            d.workshop == workshop.id || (d.workshop == nil && workshop.date.map { ReportText.day(d.at) == $0 } == true)
        }
    }

    func decisionsSection() -> ReportSection {
        let workshops = Dictionary(plan.workshops.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        let list = decisions().enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
        var blocks: [ReportBlock] = []
        if let workshop {
            blocks.append(.paragraph(ReportParagraph(
                "Decisions taken in \(workshop.title)"
                    + (workshop.date.map { "; those that name no workshop count when taken on its day, \($0)" } ?? "") + ".")))
        }
        blocks.append(.table(ReportTable(
            id: "decisions", columns: [
                ReportColumn("at", "when (UTC)"), ReportColumn("kind", "kind"), ReportColumn("decidedBy", "by"),
                ReportColumn("text", "decision"), ReportColumn("workshop", "workshop"),
            ],
            rows: list.map { d in
                [ReportCell(ReportText.instant(d.at), value: .string(ReportText.isoInstant(d.at))),
                 ReportCell(d.kind.label, value: .string(d.kind.rawValue)), .text(d.decidedBy, missing: "—"),
                 ReportCell(ReportText.oneLine(d.text)), .text(d.workshop.map { workshops[$0] ?? $0.raw }, missing: "—")]
            },
            emptyText: workshop == nil ? "No decisions recorded yet." : "No decisions recorded in this workshop.",
            rowIDs: list.map(\.id.raw))))
        return ReportSection(id: "decisions", title: "Decision log", blocks: blocks)
    }

    func actionsSection() -> ReportSection {
        let list = plan.actions.enumerated().filter { workshop == nil || $0.element.workshop == workshop?.id }
        let sorted = list.sorted { a, b in
            if a.element.done != b.element.done { return !a.element.done }
            let da = a.element.due?.ordinal ?? Int.max, db = b.element.due?.ordinal ?? Int.max
            return da != db ? da < db : a.offset < b.offset
        }.map(\.element)
        let workshops = Dictionary(plan.workshops.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        let rows: [[ReportCell]] = sorted.map { a in
            let state: ReportCell
            if a.done {
                state = ReportCell("done", value: .string("done"))
            } else if let due = a.due, due < today {
                state = ReportCell("overdue (\(Words.count(today.ordinal - due.ordinal, "day")))", value: .string("overdue"))
            } else {
                state = ReportCell("open", value: .string("open"))
            }
            return [ReportCell(ReportText.oneLine(a.text)), .text(a.owner, missing: "no owner"), .day(a.due, missing: "—"),
                    state, .text(a.workshop.map { workshops[$0] ?? $0.raw }, missing: "—")]
        }
        return ReportSection(id: "actions", title: "Actions", blocks: [
            .table(ReportTable(
                id: "actions", columns: [
                    ReportColumn("text", "action"), ReportColumn("owner", "owner"), ReportColumn("due", "due"),
                    ReportColumn("state", "state"), ReportColumn("workshop", "workshop"),
                ],
                rows: rows,
                emptyText: workshop == nil ? "No actions recorded yet." : "No actions agreed in this workshop.",
                rowIDs: sorted.map(\.id.raw))),
        ])
    }

    // MARK: Workshop

    func workshopSection(_ w: Workshop) -> ReportSection {
        var facts: [ReportFact] = [
            ReportFact("date", "Date", .day(w.date, missing: "not set")),
            ReportFact("status", "Status", ReportCell(w.status.label, value: .string(w.status.rawValue))),
        ]
        if let template = w.template { facts.append(ReportFact("template", "Template", ReportCell(template))) }
        if w.status == .running, w.steps.indices.contains(w.current) {
            facts.append(ReportFact("currentStep", "Current step", ReportCell(
                "\(w.current + 1) of \(w.steps.count): \(w.steps[w.current].title)", value: .int(w.current + 1))))
        }
        let planned = w.steps.reduce(0) { $0 + max(0, $1.minutes + $1.extraMinutes) }
        let used = Workshops.usedSeconds(of: w)
        facts.append(ReportFact("plannedMinutes", "Time planned", ReportCell(Words.count(planned, "minute"), value: .int(planned))))
        facts.append(ReportFact("usedSeconds", "Time used", ReportCell(clock(used), value: .int(used))))

        let steps: [[ReportCell]] = w.steps.enumerated().map { i, step in
            let box = max(0, step.minutes + step.extraMinutes)
            let spent = Workshops.usedSeconds(ofStep: i, in: w)
            let over = spent - step.boxSeconds
            return [
                .int(i + 1), ReportCell(step.title), ReportCell(step.view),
                ReportCell(step.extraMinutes == 0 ? "\(box)" : "\(box) (\(step.minutes) + \(step.extraMinutes))", value: .int(box)),
                ReportCell(clock(spent), value: .int(spent)),
                over > 0 && spent > 0 ? ReportCell("+" + clock(over), value: .int(over)) : ReportCell("", value: .int(0)),
                .bool(step.done, yes: "done", no: ""),
                .text(step.question, missing: "—"),
            ]
        }
        let parking: [[ReportCell]] = w.parkingLot.map { item in
            [ReportCell(ReportText.oneLine(item.text)),
             ReportCell(ReportText.instant(item.at), value: .string(ReportText.isoInstant(item.at))),
             .bool(item.closed, yes: "dealt with", no: "open")]
        }
        return ReportSection(id: "workshop", title: w.title, blocks: [
            .facts(facts),
            .table(ReportTable(
                id: "workshop-agenda", title: "Agenda: time planned and used", columns: [
                    ReportColumn("step", "#", numeric: true), ReportColumn("title", "step"), ReportColumn("view", "view"),
                    ReportColumn("plannedMinutes", "planned (min)", numeric: true),
                    ReportColumn("usedSeconds", "used (m:ss)", numeric: true, valueTitle: "used (seconds)"),
                    ReportColumn("overSeconds", "over", numeric: true, valueTitle: "over (seconds)"), ReportColumn("done", "done"),
                    ReportColumn("question", "question"),
                ],
                rows: steps, emptyText: "No agenda.")),
            .table(ReportTable(
                id: "workshop-parking-lot", title: "Parking lot", columns: [
                    ReportColumn("text", "item"), ReportColumn("at", "raised (UTC)"), ReportColumn("state", "state"),
                ],
                rows: parking, emptyText: "Nothing parked.")),
        ])
    }

    /// `12:05` minutes and seconds, as the Workshop view writes them.
    func clock(_ seconds: Int) -> String { Workshops.clock(seconds) }
}
