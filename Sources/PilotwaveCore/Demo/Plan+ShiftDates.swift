import Foundation

extension Plan {
    /// This plan with every day and instant in it moved by `days` (negative: earlier): wave dates
    /// and check-ins (the scenarios' too), follow-ups, ratings and their strikes, notes, decisions,
    /// workshops and their parking lots, actions, vote rounds, scenarios and participants' rounds.
    /// Moving by whole weeks keeps every weekday. The demo uses it to tell its story as of the day it is opened.
    public func shiftingDates(byDays days: Int) -> Plan {
        guard days != 0 else { return self }
        let seconds = TimeInterval(days * 86_400)
        func day(_ d: Day) -> Day { d.adding(days: days) }
        func wave(_ w: Wave) -> Wave {
            var w = w
            w.start = w.start.map(day)
            w.end = w.end.map(day)
            w.checkIns = w.checkIns.map(day)
            return w
        }
        var plan = self
        plan.waves = waves.map(wave)
        for i in plan.signals.indices {
            plan.signals[i].recordedAt += seconds
            plan.signals[i].struck?.at += seconds
        }
        for i in plan.stakeholders.indices {
            plan.stakeholders[i].stanceHistory = plan.stakeholders[i].stanceHistory?.map { change in
                var c = change
                c.at += seconds
                return c
            }
        }
        for i in plan.resistance.indices {
            plan.resistance[i].recordedAt += seconds
            plan.resistance[i].followUp = plan.resistance[i].followUp.map(day)
        }
        for i in plan.decisions.indices { plan.decisions[i].at += seconds }
        for i in plan.workshops.indices {
            plan.workshops[i].date = plan.workshops[i].date.map(day)
            for j in plan.workshops[i].parkingLot.indices { plan.workshops[i].parkingLot[j].at += seconds }
        }
        for i in plan.actions.indices {
            plan.actions[i].due = plan.actions[i].due.map(day)
            plan.actions[i].createdAt += seconds
        }
        for i in plan.votes.indices {
            plan.votes[i].openedAt += seconds
            plan.votes[i].countedAt? += seconds
        }
        for i in plan.rounds.indices {
            plan.rounds[i].openedAt += seconds
            for j in plan.rounds[i].responses.indices { plan.rounds[i].responses[j].at += seconds }
        }
        for i in plan.scenarios.indices {
            plan.scenarios[i].createdAt += seconds
            plan.scenarios[i].waves = plan.scenarios[i].waves.map(wave)
        }
        return plan
    }
}
