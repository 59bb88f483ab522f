import Foundation
import PilotwaveCore

/// A plan file of schema version 3, kept verbatim: the migration tests read it as a file the
/// previous version of pilotwave wrote.
extension Fixtures {
    /// The plan of ``versionThree``: the small plan with a pilot-selection workshop (one step done)
    /// and a decision, as a version-4 plan: the workshop `planned` on its first step with an empty
    /// parking lot and no template, its steps with no time spent or added, the decision not linked
    /// to it, no actions.
    static func versionThreePlan() -> Plan {
        var plan = smallPlan()
        plan.workshops = [
            Workshop(id: "workshop-1", title: "Pilot selection", date: Day(2026, 1, 9), steps: [
                AgendaStep(title: "Criteria and weights", view: "pilots", minutes: 15,
                           question: "What makes a team likely to succeed visibly?", done: true),
                AgendaStep(title: "Decide", view: "pilots", minutes: 10, question: "Which teams go first?"),
            ]),
        ]
        plan.decisions = [Decision(id: "decision-1", text: "Pilot with Alpha", decidedBy: "Steering group",
                                   at: monday, concerns: ["team-1"])]
        return plan
    }

    /// ``versionThreePlan()`` as a file of schema version 3 (before `actions`, workshops' session
    /// state and parking lot, steps' time and decisions' `workshop`), kept as text: the input of the
    /// 3 → 4 migration tests. Made once from version 4's bytes without the `actions` line, the
    /// workshop's `current`, `parkingLot` and `status` lines and the steps' `extraMinutes` and
    /// `spentSeconds` lines, with the version lowered, which is what version 3 wrote (the two differ
    /// only there: the template and the decision's workshop are unset, so not written).
    static let versionThree = """
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
          "scenarios" : [],
          "schemaVersion" : 3,
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
          "votes" : [],
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
          "workshops" : [
            {
              "date" : "2026-01-09",
              "id" : "workshop-1",
              "steps" : [
                {
                  "done" : true,
                  "minutes" : 15,
                  "question" : "What makes a team likely to succeed visibly?",
                  "title" : "Criteria and weights",
                  "view" : "pilots"
                },
                {
                  "done" : false,
                  "minutes" : 10,
                  "question" : "Which teams go first?",
                  "title" : "Decide",
                  "view" : "pilots"
                }
              ],
              "title" : "Pilot selection"
            }
          ]
        }
        """ + "\n"
}
