import Foundation
import PilotwaveCore

/// A plan file of schema version 5, kept verbatim: the migration tests read it as a file the
/// previous version of pilotwave wrote.
extension Fixtures {
    /// The plan of ``versionFive``: ``versionFourPlan()`` with its note raised by a participant,
    /// as a version-6 plan: no merge conflicts.
    static func versionFivePlan() -> Plan {
        var plan = versionFourPlan()
        plan.resistance[0].raisedBy = "Ana"
        return plan
    }

    /// ``versionFivePlan()`` as a file of schema version 5 (before `conflicts`), kept as text: the
    /// input of the 5 → 6 migration tests.
    static let versionFive = """
        {
          "actions" : [],
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
          "decisions" : [],
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
          "resistance" : [
            {
              "id" : "note-1",
              "kind" : "neverWorkHere",
              "raisedBy" : "Ana",
              "recordedAt" : "2026-01-05T09:30:00Z",
              "severity" : "medium",
              "status" : "open",
              "team" : "team-2",
              "words" : "We tried this in 2019."
            }
          ],
          "rounds" : [],
          "scenarios" : [],
          "schemaVersion" : 5,
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
              "attributed" : false,
              "ballotCount" : 2,
              "ballots" : [],
              "budget" : 3,
              "closed" : false,
              "id" : "vote-1",
              "openedAt" : "2026-01-05T09:30:00Z",
              "revealed" : true,
              "title" : "Pilot candidates",
              "totals" : [
                {
                  "team" : "team-1",
                  "votes" : 4
                }
              ]
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
