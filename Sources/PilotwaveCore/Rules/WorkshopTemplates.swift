import Foundation

/// A ready-made agenda for one kind of workshop (DOMAIN.md §7): timeboxed steps, each on one view
/// and with the question the room answers there.
public struct WorkshopTemplate: Hashable, Sendable, Identifiable {
    public var key: WorkshopTemplates.Key
    /// The workshop's title when made from it ("Pilot selection").
    public var title: String
    /// What the workshop is for, in one line.
    public var purpose: String
    public var steps: [AgendaStep]

    public var id: WorkshopTemplates.Key { key }

    /// The planned length: the steps' timeboxes added up.
    public var minutes: Int { steps.reduce(0) { $0 + $1.minutes } }

    /// A planned workshop on this agenda, titled like the template, on its first step, no time spent.
    public func make(id: WorkshopID, date: Day?) -> Workshop {
        Workshop(id: id, title: title, date: date, steps: steps, template: key.rawValue, status: .planned,
                 current: 0, parkingLot: [])
    }
}

/// The four workshop agendas a facilitator starts from: pilot selection, the readiness check-in,
/// wave planning and the discovery–delivery demo review. Each step names the view it is run on
/// (one of ``views``), its timebox and its key question; all of it can be edited once the workshop
/// is made.
public enum WorkshopTemplates {
    /// The template keys, as stored in `Workshop.template`.
    public enum Key: String, CaseIterable, Hashable, Sendable {
        case pilotSelection = "pilot-selection"
        case readinessCheckIn = "readiness-check-in"
        case wavePlanning = "wave-planning"
        case demoReview = "demo-review"
    }

    /// The views an agenda step can name: the screens of pilotwave a step is run on.
    public static let views = ["overview", "teams", "pilots", "readiness", "resistance", "waves", "blockers"]

    /// All templates, in the order a facilitator meets them in a transformation.
    public static let all: [WorkshopTemplate] = [pilotSelection, readinessCheckIn, wavePlanning, demoReview]

    public static func template(_ key: Key) -> WorkshopTemplate {
        switch key {
        case .pilotSelection: pilotSelection
        case .readinessCheckIn: readinessCheckIn
        case .wavePlanning: wavePlanning
        case .demoReview: demoReview
        }
    }

    /// The template a workshop's stored `template` names, if it is one of these.
    public static func template(named raw: String?) -> WorkshopTemplate? {
        raw.flatMap(Key.init(rawValue:)).map(template)
    }

    /// A planned workshop made from the template `key`: its title, agenda and key.
    public static func make(_ key: Key, id: WorkshopID, date: Day?) -> Workshop {
        template(key).make(id: id, date: date)
    }

    // MARK: The agendas

    /// Choosing pilot teams (DOMAIN.md §1–3): 90 minutes from "why pilots" to a recorded decision.
    public static let pilotSelection = WorkshopTemplate(
        key: .pilotSelection, title: "Pilot selection",
        purpose: "Choose the few teams most likely to succeed visibly, and record why.",
        steps: [
            AgendaStep(title: "Why pilots, not a big bang", view: "overview", minutes: 10,
                       question: "Why start with a few teams, and how many does our size suggest?"),
            AgendaStep(title: "Criteria and weights", view: "pilots", minutes: 15,
                       question: "Which criteria matter most for us, and are these weights the room's own?"),
            AgendaStep(title: "Rank and robustness", view: "pilots", minutes: 15,
                       question: "Who leads the ranking, and does the top stay on top when the weights move?"),
            AgendaStep(title: "Compare close candidates", view: "teams", minutes: 10,
                       question: "Where two teams are close, what tells them apart, and does a hard flag rule one out?"),
            AgendaStep(title: "Dot vote", view: "pilots", minutes: 10,
                       question: "Which teams does the room back when everyone has the same votes to give?"),
            AgendaStep(title: "Choose against the recommendation", view: "pilots", minutes: 10,
                       question: "Where our choice differs from the ranking or the recommended number, can we say why?"),
            AgendaStep(title: "Outcomes for the pilots", view: "pilots", minutes: 15,
                       question: "What change in customer or business behaviour will each pilot own: metric, baseline, target?"),
            AgendaStep(title: "Record the decision", view: "overview", minutes: 5,
                       question: "What exactly did we decide, who decided it, and when do we check in?"),
        ])

    /// A regular look at readiness (DOMAIN.md §4–5): 75 minutes from the barrier to actions.
    public static let readinessCheckIn = WorkshopTemplate(
        key: .readinessCheckIn, title: "Readiness check-in",
        purpose: "See whether the product model is taking hold, name what holds it back and agree who acts.",
        steps: [
            AgendaStep(title: "The barrier", view: "readiness", minutes: 10,
                       question: "Which precondition is lowest now (conviction, felt pain, technology), and is it the barrier?"),
            AgendaStep(title: "Dimension by dimension", view: "readiness", minutes: 25,
                       question: "What have we seen or heard on each dimension since last time, and does its rating move?"),
            AgendaStep(title: "Systemic patterns", view: "blockers", minutes: 15,
                       question: "Which problems do several teams share that none can fix alone, and who owns each blocker?"),
            AgendaStep(title: "Resistance heard", view: "resistance", minutes: 15,
                       question: "What objections have we heard, what lies behind them, and how do we respond?"),
            AgendaStep(title: "Actions", view: "overview", minutes: 10,
                       question: "Who does what, by when, before the next check-in?"),
        ])

    /// Planning the next wave (DOMAIN.md §6): 85 minutes from coaching capacity to a decision.
    public static let wavePlanning = WorkshopTemplate(
        key: .wavePlanning, title: "Wave planning",
        purpose: "Plan the next wave within coaching capacity, behind the blockers it depends on.",
        steps: [
            AgendaStep(title: "Coaches and capacity", view: "waves", minutes: 15,
                       question: "How many teams can our coaches support at once, and which pilots can seed new coaches?"),
            AgendaStep(title: "Move teams into waves", view: "waves", minutes: 25,
                       question: "Which teams go next, each paired with which coach, without overloading anyone?"),
            AgendaStep(title: "Compare scenarios", view: "waves", minutes: 20,
                       question: "Would a faster or slower alternative serve us better, and what does it cost in coaching?"),
            AgendaStep(title: "Entry gates", view: "blockers", minutes: 15,
                       question: "Which blockers must be resolved and which readiness thresholds met before the wave starts?"),
            AgendaStep(title: "Decide", view: "waves", minutes: 10,
                       question: "Which wave plan do we adopt, and when are its check-ins?"),
        ])

    /// The pilots' discovery–delivery demo (DOMAIN.md §3): 65 minutes, the team showing, leaders
    /// saying what it means for their decisions.
    public static let demoReview = WorkshopTemplate(
        key: .demoReview, title: "Discovery–delivery demo",
        purpose: "The team shows what it has learned; leaders say what it means for their decisions.",
        steps: [
            AgendaStep(title: "Latest insights", view: "overview", minutes: 10,
                       question: "What have we learned from customers since the last demo that surprised us?"),
            AgendaStep(title: "The opportunity", view: "pilots", minutes: 10,
                       question: "Which customer opportunity are we focusing on, and why this one over the others?"),
            AgendaStep(title: "Assumptions under test", view: "pilots", minutes: 15,
                       question: "Which assumptions are we testing now, how, and what result would change our mind?"),
            AgendaStep(title: "Early signals", view: "pilots", minutes: 10,
                       question: "What early signals do we see in the outcome metric, against its baseline?"),
            AgendaStep(title: "Questions and concerns", view: "resistance", minutes: 10,
                       question: "What worries the stakeholders about what they saw, and what lies behind it?"),
            AgendaStep(title: "Decision implications", view: "overview", minutes: 10,
                       question: "What does this mean for leaders' decisions, and is each piece of feedback a suggestion or a decision?"),
        ])
}
