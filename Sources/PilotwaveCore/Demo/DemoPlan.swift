import Foundation

/// The embedded demo plan: Lindenhof Versicherungen, a regional Swiss insurer with 24 teams in five
/// areas, two months into its pilots. Deterministic (fixed ids; dates fixed for a given day) so that
/// screens, reports and tests built on it are stable.
///
/// The story is written for the week of Monday 9 March 2026 (``storyWeek``) and told as of the day
/// the demo is opened: ``make(today:)`` moves every date by whole weeks so that it reads the same
/// in any week. As of that week: three pilots (Claims Intake, Quote & Buy, 🚀 Launchpad) have been
/// under way since 12 January; wave 1 starts on 13 April, four to five weeks out, and wave 2 in
/// October. The pilots' next check-in, the readiness check-in workshop, is on Monday of the next
/// week, and one follow-up (the COO's, due on the Friday before) is just overdue. Felt pain is
/// rising but executive conviction is flat at 3, so it is the barrier. The demo deliberately trips
/// several plan checks: Launchpad's outcome is an output ("Launch the new claims app"), Broker Hub
/// (wave 1) depends on Identity & Access (wave 2), Marc Dubois coaches more wave-1 teams than his
/// capacity, a high-severity note on Pricing Engine (wave 1) is open without an owner, and wave 1's
/// entry blockers are unresolved (a warning to act on before it starts, not yet a finding). Lena
/// Brunner was seeded from the pilot Claims Intake and coaches in wave 1. One scenario, "Faster: two
/// waves", puts every planned team in scope within six months: it settles Broker Hub's dependency
/// but leaves Marc and Lena over capacity in Q2 and Q3 2026. The pilot-selection workshop of
/// 9 January is done, with its time per step, an open parked question, its last step left over and
/// two actions (one open, overdue since February); the readiness check-in of 16 March is planned
/// from its template and takes those over. Free texts name no year, so that they stay true when
/// the dates move.
public enum DemoPlan {
    public static let planID: PlanID = "plan-lindenhof-demo"

    /// Monday of the week the story is written for: on any day of that week the demo reads as told
    /// above (nothing in it is dated later than the Wednesday before).
    public static let storyWeek = Day(2026, 3, 9)

    /// The days `make(today:)` moves the story by: whole weeks, so that the story's week becomes
    /// the week (Monday to Sunday) of `today` and every weekday stays true.
    public static func shift(for today: Day) -> Int {
        let days = today.ordinal - storyWeek.ordinal
        let weeks = days >= 0 ? days / 7 : -((-days + 6) / 7)
        return weeks * 7
    }

    /// The demo plan told as of `today`: the story moved by whole weeks into the week of `today`
    /// (pilots under way, wave 1 a few weeks out, a check-in next week, one follow-up just overdue).
    /// Every call with a day of the same week returns an equal value.
    public static func make(today: Day) -> Plan {
        make().shiftingDates(byDays: shift(for: today))
    }

    /// The demo plan as written, for the week of ``storyWeek``. Every call returns an equal value.
    public static func make() -> Plan {
        Plan(
            id: planID,
            name: "Lindenhof — towards product teams",
            organisation: Organisation(name: "Lindenhof Versicherungen", size: nil),
            teams: teams,
            stakeholders: stakeholders,
            coaches: coaches,
            signals: signals,
            resistance: resistance,
            waves: waves,
            blockers: blockers,
            decisions: decisions,
            workshops: [pilotSelectionWorkshop, readinessCheckIn],
            actions: actions,
            scenarios: scenarios)
    }

    /// A UTC instant from `YYYY-MM-DDTHH:MM:SSZ` (e.g. `"2026-03-04T10:00:00Z"`). Traps on malformed
    /// text: it is meant for literals in fixtures.
    public static func date(_ iso: String) -> Date {
        let parts = iso.split(separator: "T")
        guard parts.count == 2, let day = Day(iso: String(parts[0])), parts[1].hasSuffix("Z") else {
            preconditionFailure("not a YYYY-MM-DDTHH:MM:SSZ date: \(iso)")
        }
        let clock = parts[1].dropLast().split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3, (0..<24).contains(clock[0]), (0..<60).contains(clock[1]),
            (0..<60).contains(clock[2])
        else { preconditionFailure("not a YYYY-MM-DDTHH:MM:SSZ date: \(iso)") }
        return date(day, seconds: clock[0] * 3600 + clock[1] * 60 + clock[2])
    }

    /// `seconds` after midnight UTC of `day`, without calendar arithmetic (fast, for generators).
    static func date(_ day: Day, seconds: Int) -> Date {
        Date(timeIntervalSince1970: TimeInterval(day.ordinal * 86_400 + seconds))
    }

    /// Ratings of the three rated default criteria; `nil` leaves a criterion unrated.
    static func ratings(_ familiarity: Int?, _ learning: Int?, _ customer: Int?) -> [CriterionKey: Int] {
        var result: [CriterionKey: Int] = [:]
        if let familiarity { result[Criterion.familiarity] = familiarity }
        if let learning { result[Criterion.learningAppetite] = learning }
        if let customer { result[Criterion.customerAccess] = customer }
        return result
    }

    /// The pilot-selection workshop agenda: six timeboxed steps, each on one view.
    public static let pilotSelectionAgenda: [AgendaStep] = [
        AgendaStep(title: "Where we stand", view: "overview", minutes: 10,
                   question: "What pain are we trying to relieve, and how would we know it eased?"),
        AgendaStep(title: "Readiness check", view: "readiness", minutes: 15,
                   question: "Do our leaders believe today's way of working will not win tomorrow?"),
        AgendaStep(title: "Long-list and scope", view: "teams", minutes: 20,
                   question: "Which teams could go first, and which work stays project-shaped?"),
        AgendaStep(title: "Score and vote on bright spots", view: "pilots", minutes: 25,
                   question: "Which two to four teams are most likely to succeed visibly?"),
        AgendaStep(title: "Outcomes for the pilots", view: "pilots", minutes: 20,
                   question: "What change in customer behaviour will each pilot be accountable for?"),
        AgendaStep(title: "Waves and blockers", view: "waves", minutes: 15,
                   question: "What must be fixed before wave 1 starts, and who owns it?"),
    ]

    // MARK: Teams

    private static let claims = "Claims"
    private static let policy = "Policy & Pricing"
    private static let channels = "Customer Channels"
    private static let finance = "Payments & Finance"
    private static let platforms = "Core Platforms"

    static let teams: [Team] = [
        // Claims
        Team(id: "team-claims-intake", name: "Claims Intake", area: claims, stage: .explore,
             roles: Roles(product: 1, design: 1, engineering: 5, data: 1), ratings: ratings(4, 5, 4),
             outcome: Outcome(
                statement: "More policyholders report a claim completely online, without having to call us",
                metric: "Share of first notices of loss completed online", baseline: "31 % (quarter before the pilot)",
                target: "55 % within nine months"),
             status: .pilot, coach: "coach-anna-keller", tags: ["pilot", "digital-first"],
             notes: "Volunteered at the kick-off. Talks to policyholders every week through the service desk."),
        Team(id: "team-claims-triage", name: "Claims Triage", area: claims, stage: .invest,
             roles: Roles(product: 1, engineering: 4, data: 2), ratings: ratings(4, 3, 3),
             status: .inWave, coach: "coach-lena-brunner", dependsOn: ["team-claims-intake"],
             tags: ["needs-designer"], notes: "No designer since the UX pool was centralised two years ago."),
        Team(id: "team-fraud-signals", name: "Fraud Signals", area: claims, stage: .invest,
             roles: Roles(product: 1, engineering: 3, data: 3), ratings: ratings(3, 4, nil),
             tags: ["data-heavy"], notes: "Customer access not rated yet: their customers are the claims handlers."),
        Team(id: "team-motor-claims", name: "Motor Claims", area: claims, stage: .sustain,
             roles: Roles(product: 1, design: 1, engineering: 6, other: 2), ratings: ratings(4, 2, 3),
             status: .inWave, dependsOn: ["team-claims-triage"]),
        Team(id: "team-claims-settlement", name: "Claims Settlement", area: claims, stage: .sustain,
             roles: Roles(product: 1, engineering: 9, other: 3), ratings: ratings(3, 2, 2),
             status: .inWave, tags: ["large-team"],
             notes: "13 people: consider splitting by claim type before wave 2."),
        // Policy & Pricing
        Team(id: "team-quote-buy", name: "Quote & Buy", area: policy, stage: .explore,
             roles: Roles(product: 1, design: 1, engineering: 4, marketing: 1), ratings: ratings(5, 4, 4),
             outcome: Outcome(
                statement: "More visitors who start a home-insurance quote go on to buy online",
                metric: "Quote-to-policy conversion, home insurance, web", baseline: "4.2 %",
                target: "6.5 % within six months"),
             status: .pilot, coach: "coach-anna-keller", tags: ["pilot", "digital-first"]),
        Team(id: "team-pricing-engine", name: "Pricing Engine", area: policy, stage: .invest,
             roles: Roles(product: 1, engineering: 5, data: 2), ratings: ratings(4, 2, 1),
             status: .inWave, coach: "coach-marc-dubois", tags: ["needs-designer"],
             notes: "Actuaries set the rules; the team rarely hears from customers."),
        Team(id: "team-equipe-creme", name: "Équipe Crème", area: policy, stage: .invest,
             roles: Roles(product: 1, design: 1, engineering: 4), ratings: ratings(5, 5, 3),
             status: .inWave, coach: "coach-marc-dubois", dependsOn: ["team-pricing-engine"],
             tags: ["lausanne", "bright-spot"],
             notes: "Home insurance for Romandie. Scored level with the pilots; first in line for wave 1."),
        Team(id: "team-underwriting-rules", name: "Underwriting Rules", area: policy, stage: .sustain,
             roles: Roles(engineering: 5, other: 2), ratings: ratings(4, nil, nil),
             notes: "No product manager or designer; work arrives as change requests from underwriting."),
        // Customer Channels
        Team(id: "team-launchpad", name: "🚀 Launchpad", area: channels, stage: .explore,
             roles: Roles(product: 1, design: 2, engineering: 5), ratings: ratings(3, 4, 3),
             outcome: Outcome(statement: "Launch the new claims app", metric: "App live in both stores",
                              target: "Within three months"),
             status: .pilot, coach: "coach-marc-dubois", dependsOn: ["team-claims-intake"],
             tags: ["pilot", "mobile"],
             notes: "Chosen over Broker Hub because the app is on the CEO's agenda. Outcome still reads like a project."),
        Team(id: "team-kundenportal-jp", name: "顧客ポータル", area: channels, stage: .explore,
             roles: Roles(product: 1, design: 1, engineering: 3), ratings: ratings(3, 4, 4),
             status: .inWave, coach: "coach-marc-dubois", tags: ["travel", "partner-channel"],
             notes: "Travel insurance portal for Japanese tour operators; the name stayed from the Osaka joint venture."),
        Team(id: "team-broker-hub", name: "Broker Hub", area: channels, stage: .invest,
             roles: Roles(product: 1, design: 1, engineering: 6), ratings: ratings(4, 4, 5),
             status: .inWave, coach: "coach-marc-dubois", dependsOn: ["team-identity-access"],
             tags: ["brokers", "bright-spot"],
             notes: "Broker single sign-on needs the new identity service, which is only planned for wave 2."),
        Team(id: "team-contact-centre-tools", name: "Contact Centre Tools", area: channels, stage: .sustain,
             roles: Roles(design: 1, engineering: 4, other: 1), ratings: ratings(5, 3, 4),
             status: .inWave, tags: ["needs-pm"]),
        Team(id: "team-web-campaigns", name: "Web & Campaigns", area: channels, stage: .invest,
             roles: Roles(product: 1, design: 1, engineering: 3, marketing: 2), ratings: ratings(nil, 3, nil),
             notes: "Barely rated: the team lead was away during the pilot-selection workshop."),
        // Payments & Finance
        Team(id: "team-zahlungen-sued", name: "Zahlungen Süd", area: finance, stage: .sustain,
             roles: Roles(product: 1, engineering: 4), ratings: ratings(5, 2, 2),
             status: .inWave, dependsOn: ["team-premium-billing"], tags: ["ticino", "needs-designer"]),
        Team(id: "team-premium-billing", name: "Premium Billing", area: finance, stage: .sustain,
             roles: Roles(product: 1, design: 1, engineering: 6, other: 1), ratings: ratings(3, 3, 2),
             status: .inWave),
        Team(id: "team-refunds-payouts", name: "Refunds & Payouts", area: finance, stage: .invest,
             roles: Roles(product: 1, design: 1, engineering: 4), ratings: ratings(2, 4, 3),
             notes: "New team formed last month; familiarity will grow."),
        Team(id: "team-solvency-reporting", name: "Solvency Reporting", area: finance, stage: .sustain,
             roles: Roles(product: 1, engineering: 3, data: 2, other: 2), status: .outOfScope,
             outOfScopeReason: "Regulatory reporting (Swiss Solvency Test) with fixed FINMA deadlines; stays project-shaped.",
             tags: ["regulatory"]),
        Team(id: "team-sanctions-screening", name: "Sanctions Screening", area: finance, stage: .sustain,
             roles: Roles(engineering: 3, other: 2), status: .outOfScope,
             outOfScopeReason: "Compliance control with scope set by the regulator; audited yearly.",
             tags: ["compliance"]),
        // Core Platforms
        Team(id: "team-core-migration", name: "Core Policy Migration", area: platforms, stage: .retire,
             roles: Roles(product: 1, engineering: 12, other: 3), ratings: ratings(3, 2, 1),
             status: .outOfScope,
             outOfScopeReason: "One-off migration of the policy core off the mainframe, fixed end date next year.",
             tags: ["migration", "large-team"]),
        Team(id: "team-identity-access", name: "Identity & Access", area: platforms, stage: .sustain,
             roles: Roles(product: 1, engineering: 5), ratings: ratings(4, 3, 1),
             status: .inWave, tags: ["platform"]),
        Team(id: "team-integration-platform", name: "Integration Platform", area: platforms, stage: .invest,
             roles: Roles(product: 1, engineering: 6), ratings: ratings(4, 4, 2),
             status: .inWave, coach: "coach-anna-keller", tags: ["platform"],
             notes: "Internal customers only: the other teams."),
        Team(id: "team-data-platform", name: "Data Platform", area: platforms, stage: .invest,
             roles: Roles(product: 1, design: 1, engineering: 7, data: 3), ratings: ratings(nil, 4, 2),
             tags: ["platform", "large-team"], notes: "12 people; familiarity unrated after the merger with BI."),
        Team(id: "team-document-services", name: "Document Services", area: platforms, stage: .retire,
             roles: Roles(engineering: 3, other: 1), ratings: ratings(5, 1, 1),
             notes: "Print and letter generation, retired with the old print stack at the end of the year."),
    ]

    // MARK: People

    static let stakeholders: [Stakeholder] = [
        Stakeholder(id: "stakeholder-regula-imhof", name: "Regula Imhof", role: "CEO",
                    stance: .supportive, desiredStance: .leading),
        Stakeholder(id: "stakeholder-daniel-vogt", name: "Daniel Vogt", role: "CIO",
                    stance: .leading, desiredStance: .leading),
        Stakeholder(id: "stakeholder-sophie-meier", name: "Sophie Meier", role: "CFO",
                    stance: .resistant, desiredStance: .supportive),
        Stakeholder(id: "stakeholder-thomas-baumann", name: "Thomas Baumann", role: "COO",
                    stance: .neutral, desiredStance: .supportive),
        Stakeholder(id: "stakeholder-beat-zuercher", name: "Beat Zürcher", role: "Head of Claims",
                    stance: .resistant, desiredStance: .supportive),
        Stakeholder(id: "stakeholder-claire-fontaine", name: "Claire Fontaine", role: "Head of Distribution",
                    stance: .neutral, desiredStance: .supportive),
        Stakeholder(id: "stakeholder-juerg-wyss", name: "Jürg Wyss", role: "Chief Risk Officer",
                    stance: .unaware, desiredStance: .neutral),
    ]

    static let coaches: [Coach] = [
        Coach(id: "coach-anna-keller", name: "Anna Keller", capacity: 4),
        Coach(id: "coach-marc-dubois", name: "Marc Dubois", capacity: 3),
        Coach(id: "coach-lena-brunner", name: "Lena Brunner", capacity: 2, seededFrom: "team-claims-intake"),
    ]
}
