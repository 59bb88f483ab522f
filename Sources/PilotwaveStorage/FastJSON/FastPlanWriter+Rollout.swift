import Foundation
import PilotwaveCore

/// Readiness signals, resistance, waves, blockers, decisions, workshops, actions, voting rounds,
/// scenarios and participants' rounds.
extension FastPlanWriter {
    mutating func signal(_ s: ReadinessSignal) {
        out.openObject()
        out.key("dimension")
        out.string(s.dimension)
        out.key("evidence")
        out.string(s.evidence)
        out.key("id")
        out.string(s.id.raw)
        out.key("rating")
        out.int(s.rating)
        out.key("recordedAt")
        date(s.recordedAt)
        out.key("recordedBy")
        out.string(s.recordedBy)
        if let struck = s.struck {
            out.key("struck")
            out.openObject()
            out.key("at")
            date(struck.at)
            out.key("by")
            out.string(struck.by)
            out.key("reason")
            out.string(struck.reason)
            out.closeObject()
        }
        if let team = s.team {
            out.key("team")
            out.string(team.raw)
        }
        out.closeObject()
    }

    mutating func resistanceNote(_ n: ResistanceNote) {
        out.openObject()
        if let followUp = n.followUp {
            out.key("followUp")
            day(followUp)
        }
        out.key("id")
        out.string(n.id.raw)
        out.key("kind")
        out.string(n.kind.rawValue)
        if let owner = n.owner {
            out.key("owner")
            out.string(owner)
        }
        if let raisedBy = n.raisedBy {
            out.key("raisedBy")
            out.string(raisedBy)
        }
        out.key("recordedAt")
        date(n.recordedAt)
        if let response = n.response {
            out.key("response")
            out.string(response)
        }
        if let rootCause = n.rootCause {
            out.key("rootCause")
            out.string(rootCause)
        }
        out.key("severity")
        out.string(n.severity.rawValue)
        if let stakeholder = n.stakeholder {
            out.key("stakeholder")
            out.string(stakeholder.raw)
        }
        out.key("status")
        out.string(n.status.rawValue)
        if let team = n.team {
            out.key("team")
            out.string(team.raw)
        }
        out.key("words")
        out.string(n.words)
        if let workshop = n.workshop {
            out.key("workshop")
            out.string(workshop.raw)
        }
        out.closeObject()
    }

    mutating func wave(_ w: Wave) {
        out.openObject()
        out.key("checkIns")
        array(w.checkIns) { writer, d in writer.day(d) }
        if let end = w.end {
            out.key("end")
            day(end)
        }
        out.key("entry")
        out.openObject()
        out.key("blockers")
        refs(w.entry.blockers)
        out.key("checklist")
        array(w.entry.checklist) { writer, item in writer.checklistItem(item) }
        out.key("readiness")
        array(w.entry.readiness) { writer, t in
            writer.out.openObject()
            writer.out.key("dimension")
            writer.out.string(t.dimension)
            writer.out.key("minimum")
            writer.out.int(t.minimum)
            writer.out.closeObject()
        }
        out.closeObject()
        out.key("id")
        out.string(w.id.raw)
        out.key("name")
        out.string(w.name)
        out.key("order")
        out.int(w.order)
        if let start = w.start {
            out.key("start")
            day(start)
        }
        out.key("status")
        out.string(w.status.rawValue)
        out.key("teams")
        refs(w.teams)
        out.closeObject()
    }

    mutating func checklistItem(_ item: ChecklistItem) {
        out.openObject()
        out.key("done")
        out.bool(item.done)
        out.key("evidence")
        out.string(item.evidence)
        out.key("text")
        out.string(item.text)
        out.closeObject()
    }

    mutating func blocker(_ b: Blocker) {
        out.openObject()
        out.key("category")
        out.string(b.category.rawValue)
        out.key("id")
        out.string(b.id.raw)
        if let owner = b.owner {
            out.key("owner")
            out.string(owner)
        }
        out.key("status")
        out.string(b.status.rawValue)
        out.key("surfacedBy")
        refs(b.surfacedBy)
        out.key("title")
        out.string(b.title)
        out.closeObject()
    }

    mutating func decision(_ d: Decision) {
        out.openObject()
        out.key("at")
        date(d.at)
        out.key("concerns")
        strings(d.concerns)
        out.key("decidedBy")
        out.string(d.decidedBy)
        out.key("id")
        out.string(d.id.raw)
        out.key("kind")
        out.string(d.kind.rawValue)
        if let selection = d.selection {
            out.key("selection")
            pilotSelection(selection)
        }
        out.key("text")
        out.string(d.text)
        if let workshop = d.workshop {
            out.key("workshop")
            out.string(workshop.raw)
        }
        out.closeObject()
    }

    mutating func pilotSelection(_ s: PilotSelection) {
        out.openObject()
        out.key("recommended")
        out.string(s.recommended)
        out.key("tally")
        teamVotes(s.tally)
        out.key("teams")
        array(s.teams) { writer, t in
            writer.out.openObject()
            writer.out.key("flags")
            writer.strings(t.flags)
            writer.out.key("name")
            writer.out.string(t.name)
            if let score = t.score {
                writer.out.key("score")
                writer.out.int(score)
            }
            writer.out.key("team")
            writer.out.string(t.team.raw)
            if let votes = t.votes {
                writer.out.key("votes")
                writer.out.int(votes)
            }
            writer.out.closeObject()
        }
        if let round = s.voteRound {
            out.key("voteRound")
            out.string(round.raw)
        }
        out.key("weights")
        array(s.weights) { writer, w in
            writer.out.openObject()
            writer.out.key("criterion")
            writer.out.string(w.criterion)
            writer.out.key("name")
            writer.out.string(w.name)
            writer.out.key("weight")
            writer.out.int(w.weight)
            writer.out.closeObject()
        }
        out.closeObject()
    }

    mutating func workshop(_ w: Workshop) {
        out.openObject()
        out.key("current")
        out.int(w.current)
        if let date = w.date {
            out.key("date")
            day(date)
        }
        out.key("id")
        out.string(w.id.raw)
        out.key("parkingLot")
        array(w.parkingLot) { writer, item in
            writer.out.openObject()
            writer.out.key("at")
            writer.date(item.at)
            writer.out.key("closed")
            writer.out.bool(item.closed)
            writer.out.key("text")
            writer.out.string(item.text)
            writer.out.closeObject()
        }
        out.key("status")
        out.string(w.status.rawValue)
        out.key("steps")
        array(w.steps) { writer, step in
            writer.out.openObject()
            writer.out.key("done")
            writer.out.bool(step.done)
            writer.out.key("extraMinutes")
            writer.out.int(step.extraMinutes)
            writer.out.key("minutes")
            writer.out.int(step.minutes)
            writer.out.key("question")
            writer.out.string(step.question)
            writer.out.key("spentSeconds")
            writer.out.int(step.spentSeconds)
            writer.out.key("title")
            writer.out.string(step.title)
            writer.out.key("view")
            writer.out.string(step.view)
            writer.out.closeObject()
        }
        if let template = w.template {
            out.key("template")
            out.string(template)
        }
        out.key("title")
        out.string(w.title)
        out.closeObject()
    }

    mutating func action(_ a: ActionItem) {
        out.openObject()
        out.key("createdAt")
        date(a.createdAt)
        out.key("done")
        out.bool(a.done)
        if let due = a.due {
            out.key("due")
            day(due)
        }
        out.key("id")
        out.string(a.id.raw)
        out.key("owner")
        out.string(a.owner)
        out.key("text")
        out.string(a.text)
        if let workshop = a.workshop {
            out.key("workshop")
            out.string(workshop.raw)
        }
        out.closeObject()
    }

    mutating func voteRound(_ r: VoteRound) {
        out.openObject()
        out.key("attributed")
        out.bool(r.attributed)
        out.key("ballotCount")
        out.int(r.ballotCount)
        out.key("ballots")
        array(r.ballots) { writer, b in
            writer.out.openObject()
            writer.out.key("voter")
            writer.out.string(b.voter)
            writer.out.key("votes")
            writer.teamVotes(b.votes)
            writer.out.closeObject()
        }
        out.key("budget")
        out.int(r.budget)
        if let cap = r.capPerTeam {
            out.key("capPerTeam")
            out.int(cap)
        }
        out.key("closed")
        out.bool(r.closed)
        if let countedAt = r.countedAt {
            out.key("countedAt")
            date(countedAt)
        }
        out.key("id")
        out.string(r.id.raw)
        out.key("openedAt")
        date(r.openedAt)
        out.key("revealed")
        out.bool(r.revealed)
        out.key("title")
        out.string(r.title)
        out.key("totals")
        teamVotes(r.totals)
        out.closeObject()
    }

    mutating func scenario(_ s: Scenario) {
        out.openObject()
        out.key("assignments")
        array(s.assignments) { writer, a in
            writer.out.openObject()
            writer.out.key("coach")
            writer.out.string(a.coach.raw)
            writer.out.key("team")
            writer.out.string(a.team.raw)
            writer.out.closeObject()
        }
        out.key("createdAt")
        date(s.createdAt)
        out.key("id")
        out.string(s.id.raw)
        out.key("name")
        out.string(s.name)
        out.key("note")
        out.string(s.note)
        out.key("waves")
        array(s.waves) { writer, wave in writer.wave(wave) }
        out.closeObject()
    }

    mutating func participantRound(_ r: ParticipantRound) {
        out.openObject()
        out.key("closed")
        out.bool(r.closed)
        out.key("concerns")
        out.int(r.concerns)
        out.key("dimensions")
        strings(r.dimensions)
        out.key("id")
        out.string(r.id.raw)
        out.key("kind")
        out.string(r.kind.rawValue)
        out.key("named")
        strings(r.named)
        out.key("openedAt")
        date(r.openedAt)
        out.key("responses")
        array(r.responses) { writer, response in
            writer.out.openObject()
            writer.out.key("at")
            writer.date(response.at)
            writer.out.key("participant")
            writer.out.string(response.participant)
            writer.out.key("ratings")
            writer.array(response.ratings) { writer, rating in
                writer.out.openObject()
                writer.out.key("dimension")
                writer.out.string(rating.dimension)
                writer.out.key("evidence")
                writer.out.string(rating.evidence)
                writer.out.key("rating")
                writer.out.int(rating.rating)
                writer.out.closeObject()
            }
            writer.out.closeObject()
        }
        out.key("revealed")
        out.bool(r.revealed)
        if let team = r.team {
            out.key("team")
            out.string(team.raw)
        }
        out.key("title")
        out.string(r.title)
        if let workshop = r.workshop {
            out.key("workshop")
            out.string(workshop.raw)
        }
        out.closeObject()
    }

    /// A list of `{ "team", "votes" }` lines: a ballot's, a round's totals or a selection's tally.
    mutating func teamVotes(_ lines: [TeamVotes]) {
        array(lines) { writer, line in
            writer.out.openObject()
            writer.out.key("team")
            writer.out.string(line.team.raw)
            writer.out.key("votes")
            writer.out.int(line.votes)
            writer.out.closeObject()
        }
    }
}
