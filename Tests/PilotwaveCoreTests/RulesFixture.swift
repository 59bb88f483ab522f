import Foundation
@testable import PilotwaveCore

/// A tiny builder for hand-made plans in rule tests.
struct RulesFixture {
    var plan: Plan
    static let today = Day(2026, 3, 15)
    /// A product manager, a designer and four engineers.
    static let fullRoles = Roles(product: 1, design: 1, engineering: 4)
    static let goodOutcome = Outcome(
        statement: "Increase weekly active buyers", metric: "weekly active buyers", baseline: "2k", target: "5k")

    init(size: OrgSize? = .mid) {
        plan = Plan.empty(id: "plan-t", name: "Test", organisation: "Acme", size: size)
    }

    /// Midnight UTC `days` after 2026-01-01.
    static func at(_ days: Int) -> Date { Day(2026, 1, 1).adding(days: days).startDate }

    @discardableResult
    mutating func team(_ id: TeamID, _ name: String? = nil, status: TeamStatus = .candidate,
                       stage: LifecycleStage = .explore, roles: Roles = RulesFixture.fullRoles,
                       ratings: [CriterionKey: Int] = [:], outcome: Outcome? = nil, coach: CoachID? = nil,
                       dependsOn: [TeamID] = []) -> TeamID {
        plan.teams.append(Team(
            id: id, name: name ?? id.raw.capitalized, stage: stage, roles: roles, ratings: ratings,
            outcome: outcome, status: status, outOfScopeReason: status == .outOfScope ? "regulatory" : nil,
            coach: coach, dependsOn: dependsOn))
        return id
    }

    /// A pilot with a coach and a complete outcome.
    mutating func pilot(_ id: TeamID, _ name: String? = nil, coach: CoachID? = "coach-ana",
                        outcome: Outcome? = RulesFixture.goodOutcome) {
        team(id, name, status: .pilot, ratings: [Criterion.customerAccess: 4], outcome: outcome, coach: coach)
    }

    mutating func coach(_ id: CoachID, _ name: String, capacity: Int = 4) {
        plan.coaches.append(Coach(id: id, name: name, capacity: capacity))
    }

    mutating func wave(_ id: WaveID, _ name: String, order: Int, teams: [TeamID] = [],
                       status: WaveStatus = .planned, start: Day? = nil, end: Day? = nil,
                       blockers: [BlockerID] = [], readiness: [ReadinessThreshold] = []) {
        plan.waves.append(Wave(
            id: id, name: name, order: order, start: start, end: end, teams: teams,
            entry: EntryCriteria(blockers: blockers, readiness: readiness), status: status))
    }

    mutating func blocker(_ id: BlockerID, _ title: String, _ category: BlockerCategory,
                          status: BlockerStatus = .open) {
        plan.blockers.append(Blocker(id: id, title: title, category: category, status: status))
    }

    mutating func signal(_ id: SignalID, _ dimension: DimensionKey, _ rating: Int, team: TeamID? = nil,
                         day: Int = 0, struck: Bool = false) {
        plan.signals.append(ReadinessSignal(
            id: id, dimension: dimension, team: team, rating: rating, recordedBy: "Fay", recordedAt: Self.at(day),
            struck: struck ? Strike(reason: "typo", by: "Fay", at: Self.at(day + 1)) : nil))
    }

    mutating func note(_ id: NoteID, team: TeamID? = nil, stakeholder: StakeholderID? = nil,
                       words: String = "We don't have time", kind: ResistanceKind = .noTime,
                       severity: Severity = .high, status: NoteStatus = .open, response: String? = nil,
                       owner: String? = nil, followUp: Day? = nil, day: Int = 0) {
        plan.resistance.append(ResistanceNote(
            id: id, team: team, stakeholder: stakeholder, words: words, kind: kind, severity: severity,
            status: status, response: response, owner: owner, followUp: followUp, recordedAt: Self.at(day)))
    }

    /// Readiness preconditions rated well and a funding blocker in progress: a plan with pilots and
    /// these passes the organisation checks.
    mutating func healthyOrganisation() {
        signal("sig-ec", ReadinessDimension.executiveConviction, 4)
        signal("sig-fp", ReadinessDimension.feltPain, 4)
        blocker("blk-fund", "Annual project budgets", .funding, status: .inProgress)
    }

    func context(today: Day = RulesFixture.today) -> CheckContext { CheckContext(plan: plan, today: today) }

    func run(_ check: (CheckContext) -> [Finding], today: Day = RulesFixture.today) -> [Finding] {
        check(context(today: today))
    }
}
