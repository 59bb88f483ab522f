import Foundation

/// One timeboxed step of a workshop agenda (DOMAIN.md §7).
public struct AgendaStep: Codable, Hashable, Sendable {
    public var title: String
    /// The view the step uses (`pilots`, `readiness`, `waves`…).
    public var view: String
    /// The timebox.
    public var minutes: Int
    /// The key question the room answers in this step.
    public var question: String
    public var done: Bool
    /// Time spent in the step so far, in seconds (kept across pauses, step changes and sessions).
    public var spentSeconds: Int
    /// Minutes added to the timebox during the session.
    public var extraMinutes: Int

    public init(title: String, view: String, minutes: Int, question: String = "", done: Bool = false,
                spentSeconds: Int = 0, extraMinutes: Int = 0) {
        self.title = title
        self.view = view
        self.minutes = minutes
        self.question = question
        self.done = done
        self.spentSeconds = spentSeconds
        self.extraMinutes = extraMinutes
    }

    /// The timebox with its extensions, in seconds.
    public var boxSeconds: Int { max(0, minutes + extraMinutes) * 60 }
}

public enum WorkshopStatus: String, StringEnum {
    case planned, running, done
    public var label: String { rawValue }
}

/// Something raised in a workshop that does not belong to the step at hand: kept, not lost.
public struct ParkingItem: Codable, Hashable, Sendable {
    public var text: String
    public var at: Date
    /// Dealt with (turned into an action, answered, dropped on purpose).
    public var closed: Bool

    public init(text: String, at: Date, closed: Bool = false) {
        self.text = text
        self.at = at
        self.closed = closed
    }
}

/// A facilitated session: an agenda of timeboxed steps, run live with the room watching.
public struct Workshop: Codable, Hashable, Sendable, Identifiable {
    public var id: WorkshopID
    public var title: String
    public var date: Day?
    public var steps: [AgendaStep]
    /// The template it was made from (`pilot-selection`, `readiness-check-in`, `wave-planning`,
    /// `demo-review`), if any.
    public var template: String?
    public var status: WorkshopStatus
    /// The step the session is on (index into `steps`).
    public var current: Int
    public var parkingLot: [ParkingItem]

    public init(id: WorkshopID, title: String, date: Day? = nil, steps: [AgendaStep] = [], template: String? = nil,
                status: WorkshopStatus = .planned, current: Int = 0, parkingLot: [ParkingItem] = []) {
        self.id = id
        self.title = title
        self.date = date
        self.steps = steps
        self.template = template
        self.status = status
        self.current = current
        self.parkingLot = parkingLot
    }
}

/// An action agreed in a workshop (or elsewhere): who does what by when.
public struct ActionItem: Codable, Hashable, Sendable, Identifiable {
    public var id: ActionID
    public var text: String
    public var owner: String
    public var due: Day?
    public var done: Bool
    /// The workshop it was agreed in, if any.
    public var workshop: WorkshopID?
    public var createdAt: Date

    public init(id: ActionID, text: String, owner: String, due: Day? = nil, done: Bool = false,
                workshop: WorkshopID? = nil, createdAt: Date) {
        self.id = id
        self.text = text
        self.owner = owner
        self.due = due
        self.done = done
        self.workshop = workshop
        self.createdAt = createdAt
    }
}
