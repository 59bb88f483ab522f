extension PlanEdit {
    /// Applies the edit. Throws (leaving `plan` unchanged) when it names something that does not exist,
    /// would create a duplicate id, or holds a value out of range.
    public func apply(to plan: inout Plan) throws(EditError) {
        var copy = plan
        try applyInPlace(&copy)
        plan = copy
    }

    private func applyInPlace(_ plan: inout Plan) throws(EditError) {
        switch self {
        case .renamePlan(let name):
            try requireText(name, "plan name")
            plan.name = name
        case .setOrganisation(let org):
            guard org.thresholds.midFrom >= 1, org.thresholds.largeFrom > org.thresholds.midFrom else {
                throw EditError("size thresholds must satisfy 1 ≤ mid-size < large")
            }
            plan.organisation = org
        case .setSettings(let settings):
            guard settings.maxTeamSize >= 1 else { throw EditError("largest team size must be at least 1") }
            guard (1...100).contains(settings.maxWaveSharePercent) else {
                throw EditError("wave share must be 1–100 %")
            }
            if let n = settings.robustnessTopN, n < 1 { throw EditError("the N of the robustness check must be at least 1") }
            plan.settings = settings

        case .addTeam(let team):
            try checkTeam(team, in: plan)
            guard plan.teamIndex(team.id) == nil else { throw EditError("a team with id \(team.id) already exists") }
            plan.teams.append(team)
        case .updateTeam(let team):
            let i = try teamIndex(team.id, plan)
            try checkTeam(team, in: plan)
            plan.teams[i] = team
        case .removeTeam(let id):
            let i = try teamIndex(id, plan)
            plan.teams.remove(at: i)
            for t in plan.teams.indices where plan.teams[t].dependsOn.contains(id) {
                plan.teams[t].dependsOn.removeAll { $0 == id }
            }
            for w in plan.waves.indices { plan.waves[w].teams.removeAll { $0 == id } }
            for b in plan.blockers.indices { plan.blockers[b].surfacedBy.removeAll { $0 == id } }
            for c in plan.coaches.indices where plan.coaches[c].seededFrom == id { plan.coaches[c].seededFrom = nil }
            for s in plan.scenarios.indices {
                for w in plan.scenarios[s].waves.indices { plan.scenarios[s].waves[w].teams.removeAll { $0 == id } }
                plan.scenarios[s].assignments.removeAll { $0.team == id }
            }
            plan.signals.removeAll { $0.team == id }
            plan.resistance.removeAll { $0.team == id }
            // A participants' round about the team goes with it (its answers were about that team).
            plan.rounds.removeAll { $0.team == id }
            for r in plan.votes.indices {
                plan.votes[r].totals.removeAll { $0.team == id }
                for b in plan.votes[r].ballots.indices { plan.votes[r].ballots[b].votes.removeAll { $0.team == id } }
            }
        case .setTeamStatus(let id, let status, let reason):
            let i = try teamIndex(id, plan)
            if status == .outOfScope {
                try requireText(reason ?? "", "reason for out of scope")
                for w in plan.waves.indices { plan.waves[w].teams.removeAll { $0 == id } }
            }
            if status == .candidate { for w in plan.waves.indices { plan.waves[w].teams.removeAll { $0 == id } } }
            plan.teams[i].status = status
            plan.teams[i].outOfScopeReason = status == .outOfScope ? reason : nil
        case .rateTeam(let id, let key, let rating):
            let i = try teamIndex(id, plan)
            guard plan.criterion(key) != nil else { throw EditError("no criterion \"\(key)\"") }
            if let rating { try requireRating(rating) }
            plan.teams[i].ratings[key] = rating
        case .setOutcome(let id, let outcome):
            let i = try teamIndex(id, plan)
            plan.teams[i].outcome = outcome
        case .importTeams(let teams):
            var ids = Set(plan.teams.map(\.id))
            for team in teams {
                try checkTeam(team, in: plan)
                guard ids.insert(team.id).inserted else { throw EditError("a team with id \(team.id) already exists") }
            }
            plan.teams.append(contentsOf: teams)

        case .setWeight(let key, let weight):
            guard let i = plan.criteria.firstIndex(where: { $0.id == key }) else { throw EditError("no criterion \"\(key)\"") }
            guard Criterion.weightRange.contains(weight) else { throw EditError("weight must be 0–10, not \(weight)") }
            plan.criteria[i].weight = weight
        case .resetWeights:
            for i in plan.criteria.indices {
                if let d = Criterion.defaults.first(where: { $0.id == plan.criteria[i].id }) {
                    plan.criteria[i].weight = d.weight
                }
            }
        case .addCriterion(let c):
            try requireText(c.id, "criterion key")
            try requireText(c.name, "criterion name")
            guard plan.criterion(c.id) == nil else { throw EditError("a criterion \"\(c.id)\" already exists") }
            guard Criterion.weightRange.contains(c.weight) else { throw EditError("weight must be 0–10, not \(c.weight)") }
            plan.criteria.append(c)
        case .updateCriterion(let c):
            guard let i = plan.criteria.firstIndex(where: { $0.id == c.id }) else { throw EditError("no criterion \"\(c.id)\"") }
            guard Criterion.weightRange.contains(c.weight) else { throw EditError("weight must be 0–10, not \(c.weight)") }
            plan.criteria[i] = c
        case .removeCriterion(let key):
            guard let i = plan.criteria.firstIndex(where: { $0.id == key }) else { throw EditError("no criterion \"\(key)\"") }
            guard plan.criteria[i].source == .rated, Criterion.defaults.allSatisfy({ $0.id != key }) else {
                throw EditError("the built-in criterion \"\(plan.criteria[i].name)\" cannot be removed; set its weight to 0")
            }
            plan.criteria.remove(at: i)
            for t in plan.teams.indices where plan.teams[t].ratings[key] != nil { plan.teams[t].ratings[key] = nil }

        case .addDimension(let d):
            try requireText(d.id, "dimension key")
            guard plan.dimension(d.id) == nil else { throw EditError("a dimension \"\(d.id)\" already exists") }
            plan.dimensions.append(d)
        case .updateDimension(let d):
            guard let i = plan.dimensions.firstIndex(where: { $0.id == d.id }) else { throw EditError("no dimension \"\(d.id)\"") }
            plan.dimensions[i] = d
        case .moveDimension(let key, let by):
            guard by != 0 else { throw EditError("nothing to move") }
            guard let i = plan.dimensions.firstIndex(where: { $0.id == key }) else { throw EditError("no dimension \"\(key)\"") }
            let j = min(max(0, i + by), plan.dimensions.count - 1)
            guard j != i else { throw EditError("\(plan.dimensions[i].name) is already \(by < 0 ? "first" : "last")") }
            let d = plan.dimensions.remove(at: i)
            plan.dimensions.insert(d, at: j)
        case .recordSignal(let s):
            guard plan.dimension(s.dimension) != nil else { throw EditError("no readiness dimension \"\(s.dimension)\"") }
            if let team = s.team { _ = try teamIndex(team, plan) }
            try requireRating(s.rating)
            guard !plan.signals.contains(where: { $0.id == s.id }) else { throw EditError("a signal \(s.id) already exists") }
            plan.signals.append(s)
        case .strikeSignal(let id, let strike):
            guard let i = plan.signals.firstIndex(where: { $0.id == id }) else { throw EditError("no signal \(id)") }
            try requireText(strike.reason, "reason for striking")
            plan.signals[i].struck = strike

        case .addNote(let n):
            try checkNote(n, plan)
            guard !plan.resistance.contains(where: { $0.id == n.id }) else { throw EditError("a note \(n.id) already exists") }
            plan.resistance.append(n)
        case .updateNote(let n):
            guard let i = plan.resistance.firstIndex(where: { $0.id == n.id }) else { throw EditError("no note \(n.id)") }
            try checkNote(n, plan)
            plan.resistance[i] = n
        case .removeNote(let id):
            guard let i = plan.resistance.firstIndex(where: { $0.id == id }) else { throw EditError("no note \(id)") }
            plan.resistance.remove(at: i)

        case .addStakeholder(let s):
            try requireText(s.name, "stakeholder name")
            guard plan.stakeholder(s.id) == nil else { throw EditError("a stakeholder \(s.id) already exists") }
            plan.stakeholders.append(s)
        case .updateStakeholder(let s):
            guard let i = plan.stakeholders.firstIndex(where: { $0.id == s.id }) else { throw EditError("no stakeholder \(s.id)") }
            try requireText(s.name, "stakeholder name")
            plan.stakeholders[i] = s
        case .removeStakeholder(let id):
            guard let i = plan.stakeholders.firstIndex(where: { $0.id == id }) else { throw EditError("no stakeholder \(id)") }
            guard !plan.resistance.contains(where: { $0.stakeholder == id }) else {
                throw EditError("\(plan.stakeholders[i].name) is the source of resistance notes; remove or reassign them first")
            }
            plan.stakeholders.remove(at: i)

        case .addCoach(let c):
            try checkCoach(c, plan)
            guard plan.coach(c.id) == nil else { throw EditError("a coach \(c.id) already exists") }
            plan.coaches.append(c)
        case .updateCoach(let c):
            guard let i = plan.coaches.firstIndex(where: { $0.id == c.id }) else { throw EditError("no coach \(c.id)") }
            try checkCoach(c, plan)
            plan.coaches[i] = c
        case .removeCoach(let id):
            guard let i = plan.coaches.firstIndex(where: { $0.id == id }) else { throw EditError("no coach \(id)") }
            plan.coaches.remove(at: i)
            for t in plan.teams.indices where plan.teams[t].coach == id { plan.teams[t].coach = nil }
            for s in plan.scenarios.indices { plan.scenarios[s].assignments.removeAll { $0.coach == id } }

        case .addWave(let w):
            try checkWave(w, plan)
            guard plan.wave(w.id) == nil else { throw EditError("a wave \(w.id) already exists") }
            plan.waves.append(w)
        case .updateWave(let w):
            guard let i = plan.waves.firstIndex(where: { $0.id == w.id }) else { throw EditError("no wave \(w.id)") }
            try checkWave(w, plan)
            plan.waves[i] = w
        case .removeWave(let id):
            guard let i = plan.waves.firstIndex(where: { $0.id == id }) else { throw EditError("no wave \(id)") }
            let members = Set(plan.waves[i].teams)
            plan.waves.remove(at: i)
            for t in plan.teams.indices where members.contains(plan.teams[t].id) { plan.teams[t].status = .candidate }
        case .moveTeam(let id, let target):
            let t = try teamIndex(id, plan)
            let status: TeamStatus
            if let target {
                guard let w = plan.waves.firstIndex(where: { $0.id == target }) else { throw EditError("no wave \(target)") }
                status = plan.waves[w].order == 0 ? .pilot : .inWave
            } else {
                status = .candidate
            }
            // Only the waves and the team that change are written: the rest keep sharing storage
            // with the plan before the edit, which is what lets undo and the caches see at once
            // that they are unchanged.
            for w in plan.waves.indices where plan.waves[w].teams.contains(id) { plan.waves[w].teams.removeAll { $0 == id } }
            if let target, let w = plan.waves.firstIndex(where: { $0.id == target }) { plan.waves[w].teams.append(id) }
            if plan.teams[t].status != status { plan.teams[t].status = status }
            if plan.teams[t].outOfScopeReason != nil { plan.teams[t].outOfScopeReason = nil }

        case .addBlocker(let b):
            try checkBlocker(b, plan)
            guard plan.blocker(b.id) == nil else { throw EditError("a blocker \(b.id) already exists") }
            plan.blockers.append(b)
        case .updateBlocker(let b):
            guard let i = plan.blockers.firstIndex(where: { $0.id == b.id }) else { throw EditError("no blocker \(b.id)") }
            // Only teams the blocker did not name before are looked up: a status or owner change
            // does not search the whole team list.
            try checkBlocker(b, plan, known: plan.blockers[i].surfacedBy)
            plan.blockers[i] = b
        case .removeBlocker(let id):
            guard let i = plan.blockers.firstIndex(where: { $0.id == id }) else { throw EditError("no blocker \(id)") }
            plan.blockers.remove(at: i)
            for w in plan.waves.indices { plan.waves[w].entry.blockers.removeAll { $0 == id } }
            for s in plan.scenarios.indices {
                for w in plan.scenarios[s].waves.indices { plan.scenarios[s].waves[w].entry.blockers.removeAll { $0 == id } }
            }

        case .addScenario(let s):
            try requireText(s.name, "scenario name")
            try checkWavePlan(s.waves, s.assignments, plan)
            guard plan.scenario(s.id) == nil else { throw EditError("a scenario \(s.id) already exists") }
            plan.scenarios.append(s)
        case .updateScenario(let s):
            guard let i = plan.scenarios.firstIndex(where: { $0.id == s.id }) else { throw EditError("no scenario \(s.id)") }
            try requireText(s.name, "scenario name")
            try checkWavePlan(s.waves, s.assignments, plan)
            plan.scenarios[i] = s
        case .removeScenario(let id):
            guard let i = plan.scenarios.firstIndex(where: { $0.id == id }) else { throw EditError("no scenario \(id)") }
            plan.scenarios.remove(at: i)
        case .setWavePlan(let waves, let assignments):
            try checkWavePlan(waves, assignments, plan)
            Scenarios.place(waves, assignments, in: &plan)

        case .recordDecision(let d):
            try requireText(d.text, "decision text")
            guard !plan.decisions.contains(where: { $0.id == d.id }) else { throw EditError("a decision \(d.id) already exists") }
            try requireWorkshop(d.workshop, plan)
            plan.decisions.append(d)

        case .openVoteRound(let r):
            try requireText(r.title, "voting round title")
            guard plan.voteRound(r.id) == nil else { throw EditError("a voting round \(r.id) already exists") }
            guard VoteRound.budgetRange.contains(r.budget) else {
                throw EditError("votes per person must be \(VoteRound.budgetRange.lowerBound)–\(VoteRound.budgetRange.upperBound), not \(r.budget)")
            }
            if let cap = r.capPerTeam, cap < 1 || cap > r.budget {
                throw EditError("the cap per team must be 1–\(r.budget) (the votes per person), not \(cap)")
            }
            guard r.ballots.isEmpty, r.totals.isEmpty, r.ballotCount == 0 else { throw EditError("a new round has no ballots") }
            plan.votes.append(r)
        case .castBallot(let id, let ballot):
            guard let i = plan.votes.firstIndex(where: { $0.id == id }) else { throw EditError("no voting round \(id)") }
            if let problem = Voting.problem(with: ballot, in: plan.votes[i], plan: plan) { throw EditError(problem) }
            Voting.cast(ballot, into: &plan.votes[i])
        case .revealVotes(let id, let shown):
            guard let i = plan.votes.firstIndex(where: { $0.id == id }) else { throw EditError("no voting round \(id)") }
            plan.votes[i].revealed = shown
        case .closeVoteRound(let id):
            guard let i = plan.votes.firstIndex(where: { $0.id == id }) else { throw EditError("no voting round \(id)") }
            plan.votes[i].closed = true
        case .removeVoteRound(let id):
            guard let i = plan.votes.firstIndex(where: { $0.id == id }) else { throw EditError("no voting round \(id)") }
            plan.votes.remove(at: i)
        case .submitBallot, .countBallots, .openRound, .submitRatings, .addConcern, .revealRound, .closeRound,
             .removeRound:
            try applyParticipation(&plan)

        case .addWorkshop(let w):
            try checkWorkshop(w)
            guard !plan.workshops.contains(where: { $0.id == w.id }) else { throw EditError("a workshop \(w.id) already exists") }
            plan.workshops.append(w)
        case .updateWorkshop(let w):
            guard let i = plan.workshops.firstIndex(where: { $0.id == w.id }) else { throw EditError("no workshop \(w.id)") }
            try checkWorkshop(w)
            plan.workshops[i] = w
        case .removeWorkshop(let id):
            guard let i = plan.workshops.firstIndex(where: { $0.id == id }) else { throw EditError("no workshop \(id)") }
            plan.workshops.remove(at: i)
            for a in plan.actions.indices where plan.actions[a].workshop == id { plan.actions[a].workshop = nil }
            for d in plan.decisions.indices where plan.decisions[d].workshop == id { plan.decisions[d].workshop = nil }
            for n in plan.resistance.indices where plan.resistance[n].workshop == id { plan.resistance[n].workshop = nil }
            for r in plan.rounds.indices where plan.rounds[r].workshop == id { plan.rounds[r].workshop = nil }
        case .addAction(let a):
            try requireText(a.text, "action")
            guard !plan.actions.contains(where: { $0.id == a.id }) else { throw EditError("an action \(a.id) already exists") }
            try requireWorkshop(a.workshop, plan)
            plan.actions.append(a)
        case .updateAction(let a):
            guard let i = plan.actions.firstIndex(where: { $0.id == a.id }) else { throw EditError("no action \(a.id)") }
            try requireText(a.text, "action")
            try requireWorkshop(a.workshop, plan)
            plan.actions[i] = a
        case .removeAction(let id):
            guard let i = plan.actions.firstIndex(where: { $0.id == id }) else { throw EditError("no action \(id)") }
            plan.actions.remove(at: i)

        case .dropConflict(let id):
            guard let i = plan.conflicts.firstIndex(where: { $0.id == id }) else { throw EditError("no merge conflict \(id)") }
            plan.conflicts.remove(at: i)
        case .resolveConflict(let id, let takeTheirs):
            try PlanMerge.resolve(&plan, conflict: id, takeTheirs: takeTheirs)

        case .batch(_, let edits):
            for edit in edits { try edit.applyInPlace(&plan) }
        }
    }

    // MARK: Checks shared by several edits

    func teamIndex(_ id: TeamID, _ plan: Plan) throws(EditError) -> Int {
        guard let i = plan.teamIndex(id) else { throw EditError("no team \(id)") }
        return i
    }

    func requireText(_ text: String, _ what: String) throws(EditError) {
        if text.trimmingWhitespace().isEmpty { throw EditError("\(what) must not be empty") }
    }

    /// A workshop the plan has, if one is named.
    func requireWorkshop(_ id: WorkshopID?, _ plan: Plan) throws(EditError) {
        if let id, plan.workshop(id) == nil { throw EditError("no workshop \(id)") }
    }

    /// What the loader refuses in a workshop: its current step out of range, negative minutes, time
    /// spent or extensions.
    private func checkWorkshop(_ w: Workshop) throws(EditError) {
        try requireText(w.title, "workshop title")
        if w.steps.isEmpty ? w.current != 0 : !w.steps.indices.contains(w.current) {
            throw EditError("current step \(w.current) is not one of the workshop's \(w.steps.count) steps")
        }
        for step in w.steps {
            if step.minutes < 0 { throw EditError("a step's minutes must not be negative") }
            if step.spentSeconds < 0 { throw EditError("a step's time spent must not be negative") }
            if step.extraMinutes < 0 { throw EditError("a step's added minutes must not be negative") }
        }
    }

    private func requireRating(_ rating: Int) throws(EditError) {
        guard Criterion.ratingRange.contains(rating) else { throw EditError("rating must be 1–5, not \(rating)") }
    }

    private func checkTeam(_ team: Team, in plan: Plan) throws(EditError) {
        try requireText(team.name, "team name")
        for (name, keyPath) in Roles.fields where team.roles[keyPath: keyPath] < 0 {
            throw EditError("\(name) count must not be negative")
        }
        for (key, rating) in team.ratings {
            guard plan.criterion(key) != nil else { throw EditError("no criterion \"\(key)\"") }
            try requireRating(rating)
        }
        if team.status == .outOfScope { try requireText(team.outOfScopeReason ?? "", "reason for out of scope") }
        if let coach = team.coach, plan.coach(coach) == nil { throw EditError("no coach \(coach)") }
        for dep in team.dependsOn {
            guard dep != team.id else { throw EditError("a team cannot depend on itself") }
            guard plan.teamIndex(dep) != nil else { throw EditError("no team \(dep) to depend on") }
        }
    }

    func checkNote(_ n: ResistanceNote, _ plan: Plan) throws(EditError) {
        try requireText(n.words, "the words heard")
        try requireWorkshop(n.workshop, plan)
        switch (n.team, n.stakeholder) {
        case (let t?, nil): _ = try teamIndex(t, plan)
        case (nil, let s?): guard plan.stakeholder(s) != nil else { throw EditError("no stakeholder \(s)") }
        default: throw EditError("a note comes from exactly one team or one stakeholder")
        }
    }

    private func checkCoach(_ c: Coach, _ plan: Plan) throws(EditError) {
        try requireText(c.name, "coach name")
        guard c.capacity >= 1 else { throw EditError("a coach carries at least 1 team") }
        if let seed = c.seededFrom { _ = try teamIndex(seed, plan) }
    }

    private func checkWave(_ w: Wave, _ plan: Plan) throws(EditError) {
        try requireText(w.name, "wave name")
        if let s = w.start, let e = w.end, e < s { throw EditError("wave ends (\(e)) before it starts (\(s))") }
        for t in w.teams { _ = try teamIndex(t, plan) }
        for b in w.entry.blockers where plan.blocker(b) == nil { throw EditError("no blocker \(b)") }
        for r in w.entry.readiness {
            guard plan.dimension(r.dimension) != nil else { throw EditError("no readiness dimension \"\(r.dimension)\"") }
            try requireRating(r.minimum)
        }
    }

    /// A scenario's waves (or a wave plan to adopt) are checked like the plan's (names, dates, teams,
    /// blockers, readiness thresholds), and a team may be in only one of them and have one coach;
    /// with indexes rather than lookups, since a scenario may place every team of a large plan.
    private func checkWavePlan(_ waves: [Wave], _ assignments: [CoachAssignment], _ plan: Plan) throws(EditError) {
        let teams = Set(plan.teams.map(\.id))
        let coaches = Set(plan.coaches.map(\.id))
        let blockers = Set(plan.blockers.map(\.id))
        let dimensions = Set(plan.dimensions.map(\.id))
        var waveIDs = Set<WaveID>()
        var placed = Set<TeamID>()
        for w in waves {
            try requireText(w.name, "wave name")
            guard waveIDs.insert(w.id).inserted else { throw EditError("two waves have the id \(w.id)") }
            if let start = w.start, let end = w.end, end < start {
                throw EditError("\(w.name) ends (\(end)) before it starts (\(start))")
            }
            for t in w.teams {
                guard teams.contains(t) else { throw EditError("no team \(t)") }
                guard placed.insert(t).inserted else {
                    throw EditError("\(plan.team(t)?.name ?? t.raw) is in two waves; a team belongs to at most one wave")
                }
            }
            for b in w.entry.blockers where !blockers.contains(b) { throw EditError("no blocker \(b)") }
            for r in w.entry.readiness {
                guard dimensions.contains(r.dimension) else { throw EditError("no readiness dimension \"\(r.dimension)\"") }
                try requireRating(r.minimum)
            }
        }
        var assigned = Set<TeamID>()
        for a in assignments {
            guard teams.contains(a.team) else { throw EditError("no team \(a.team)") }
            guard coaches.contains(a.coach) else { throw EditError("no coach \(a.coach)") }
            guard assigned.insert(a.team).inserted else {
                throw EditError("\(plan.team(a.team)?.name ?? a.team.raw) is assigned two coaches")
            }
        }
    }

    private func checkBlocker(_ b: Blocker, _ plan: Plan, known: [TeamID] = []) throws(EditError) {
        try requireText(b.title, "blocker title")
        for t in b.surfacedBy where !known.contains(t) { _ = try teamIndex(t, plan) }
    }
}
