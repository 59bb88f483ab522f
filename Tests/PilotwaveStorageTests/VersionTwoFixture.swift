import Foundation
import PilotwaveCore

/// A plan file of schema version 2, kept verbatim: the migration tests read it as a file the
/// previous version of pilotwave wrote.
extension Fixtures {
    /// The plan of ``versionTwo``: the small plan with a voting round and a pilot selection, as a
    /// version-3 plan (no scenarios).
    static func versionTwoPlan() -> Plan {
        var plan = smallPlan()
        plan.votes = [VoteRound(id: "vote-1", title: "Pilots", budget: 3, attributed: true, openedAt: monday,
                                ballots: [Ballot(voter: "Kim", votes: [TeamVotes(team: "team-1", votes: 3)])],
                                ballotCount: 1, revealed: true, closed: true)]
        plan.decisions = [Decision(id: "decision-1", text: "Pilot with Alpha", decidedBy: "Steering group",
                                   at: monday, concerns: ["team-1"],
                                   selection: PilotSelection(
                                    teams: [SelectedTeam(team: "team-1", name: "Alpha", score: 80, votes: 3)],
                                    weights: [WeightUsed(criterion: "familiarity", name: "Familiarity", weight: 3)],
                                    recommended: "1", voteRound: "vote-1",
                                    tally: [TeamVotes(team: "team-1", votes: 3)]))]
        return plan
    }

    /// ``versionTwoPlan()`` as a file of schema version 2 (before `scenarios`), kept as text: the
    /// input of the 2 → 3 migration tests. Made once from version 3's bytes without the
    /// `scenarios` line and with the version lowered, which is what version 2 wrote (the two differ
    /// only there).
    static let versionTwo = """
        {
          "blockers" : [
            {
              "category" : "funding",
              "id" : "blocker-1",
              "status" : "open",
              "surfacedBy" : [
                "team-1"
              ],
              "title" : "Annual budgets"
            }
          ],
          "coaches" : [
            {
              "capacity" : 2,
              "id" : "coach-1",
              "name" : "Kai"
            }
          ],
          "criteria" : [
            {
              "anchors" : [],
              "help" : "Know each other.",
              "id" : "familiarity",
              "name" : "Familiarity",
              "source" : "rated",
              "weight" : 3
            },
            {
              "anchors" : [],
              "help" : "Roles.",
              "id" : "crossFunctional",
              "name" : "Cross-functional",
              "source" : "crossFunctional",
              "weight" : 4
            }
          ],
          "decisions" : [
            {
              "at" : "2026-01-05T09:30:00Z",
              "concerns" : [
                "team-1"
              ],
              "decidedBy" : "Steering group",
              "id" : "decision-1",
              "kind" : "decision",
              "selection" : {
                "recommended" : "1",
                "tally" : [
                  {
                    "team" : "team-1",
                    "votes" : 3
                  }
                ],
                "teams" : [
                  {
                    "flags" : [],
                    "name" : "Alpha",
                    "score" : 80,
                    "team" : "team-1",
                    "votes" : 3
                  }
                ],
                "voteRound" : "vote-1",
                "weights" : [
                  {
                    "criterion" : "familiarity",
                    "name" : "Familiarity",
                    "weight" : 3
                  }
                ]
              },
              "text" : "Pilot with Alpha"
            }
          ],
          "dimensions" : [
            {
              "anchors" : [
                "1",
                "2",
                "3",
                "4",
                "5"
              ],
              "group" : "precondition",
              "help" : "Pain.",
              "id" : "feltPain",
              "name" : "Felt pain",
              "retired" : false,
              "scope" : "organisation"
            }
          ],
          "id" : "plan-1",
          "name" : "Small",
          "organisation" : {
            "name" : "Acme",
            "thresholds" : {
              "largeFrom" : 40,
              "midFrom" : 8
            }
          },
          "resistance" : [],
          "schemaVersion" : 2,
          "settings" : {
            "maxTeamSize" : 10,
            "maxWaveSharePercent" : 50
          },
          "signals" : [
            {
              "dimension" : "feltPain",
              "evidence" : "",
              "id" : "signal-1",
              "rating" : 3,
              "recordedAt" : "2026-01-05T09:30:00Z",
              "recordedBy" : ""
            }
          ],
          "stakeholders" : [],
          "teams" : [
            {
              "area" : "",
              "coach" : "coach-1",
              "dependsOn" : [],
              "id" : "team-1",
              "name" : "Alpha",
              "notes" : "",
              "ratings" : {
                "familiarity" : 4
              },
              "roles" : {
                "data" : 0,
                "design" : 1,
                "engineering" : 3,
                "marketing" : 0,
                "other" : 0,
                "product" : 1
              },
              "stage" : "explore",
              "status" : "pilot",
              "tags" : []
            },
            {
              "area" : "",
              "dependsOn" : [
                "team-1"
              ],
              "id" : "team-2",
              "name" : "Beta",
              "notes" : "",
              "ratings" : {},
              "roles" : {
                "data" : 0,
                "design" : 0,
                "engineering" : 0,
                "marketing" : 0,
                "other" : 0,
                "product" : 0
              },
              "stage" : "invest",
              "status" : "candidate",
              "tags" : []
            },
            {
              "area" : "",
              "dependsOn" : [],
              "id" : "team-3",
              "name" : "Gamma",
              "notes" : "",
              "ratings" : {},
              "roles" : {
                "data" : 0,
                "design" : 0,
                "engineering" : 0,
                "marketing" : 0,
                "other" : 0,
                "product" : 0
              },
              "stage" : "sustain",
              "status" : "candidate",
              "tags" : []
            }
          ],
          "votes" : [
            {
              "attributed" : true,
              "ballotCount" : 1,
              "ballots" : [
                {
                  "voter" : "Kim",
                  "votes" : [
                    {
                      "team" : "team-1",
                      "votes" : 3
                    }
                  ]
                }
              ],
              "budget" : 3,
              "closed" : true,
              "id" : "vote-1",
              "openedAt" : "2026-01-05T09:30:00Z",
              "revealed" : true,
              "title" : "Pilots",
              "totals" : []
            }
          ],
          "waves" : [
            {
              "checkIns" : [],
              "entry" : {
                "blockers" : [
                  "blocker-1"
                ],
                "checklist" : [],
                "readiness" : [
                  {
                    "dimension" : "feltPain",
                    "minimum" : 3
                  }
                ]
              },
              "id" : "wave-0",
              "name" : "Pilots",
              "order" : 0,
              "status" : "planned",
              "teams" : [
                "team-1"
              ]
            }
          ],
          "workshops" : []
        }
        """ + "\n"
}
