import Foundation
import PilotwaveCore

/// The Workshop view's own state: which workshop and step are selected, the live session's timer,
/// presenter mode and the bell.
public struct WorkshopViewState: Sendable, Equatable {
    /// The selected workshop (nil: the latest one not done, else the latest).
    public var selectedID: WorkshopID?
    /// The selected step in the agenda (the timed one is the workshop's `current`).
    public var step = 0
    /// The running session, if a workshop is being run now.
    public var session: WorkshopSession?
    /// Full-screen, high-contrast layout of the current step.
    public var presenter = false
    /// No terminal bell when a timebox runs out (the screen still says so).
    public var muted = false
    /// j/k move over the open actions (carried over and this workshop's) instead of the agenda.
    public var actionsFocused = false
    /// The selected action in that list.
    public var action = 0

    public init() {}
}

/// A workshop being run: its timer runs from `runningSince` (nil while paused); the seconds before
/// are in the step's `spentSeconds`, flushed into the plan on every step change, pause and save.
public struct WorkshopSession: Sendable, Equatable {
    public var workshop: WorkshopID
    public var runningSince: Date?
    /// The timebox of the current step has run out and the room was told (bell rung once).
    public var signalled = false
    /// The whole second last shown, so the screen redraws once a second while the timer runs.
    public var shownSecond = 0

    public init(workshop: WorkshopID, runningSince: Date?) {
        self.workshop = workshop
        self.runningSince = runningSince
    }
}

/// What a timed step looks like now.
public struct StepClock: Sendable, Equatable {
    public var elapsed: Int
    public var box: Int
    public var running: Bool
    public var remaining: Int { box - elapsed }
    public var isOver: Bool { box > 0 && elapsed >= box }

    /// "04:12", or "+02:05" once over.
    public var text: String {
        let s = abs(remaining)
        let t = String(format: "%02d:%02d", s / 60, s % 60)
        return remaining < 0 ? "+" + t : t
    }
}
