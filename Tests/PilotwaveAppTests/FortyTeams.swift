import PilotwaveCore
import PilotwaveStorage

/// A new plan with 40 teams imported from a spreadsheet export, as a facilitator starts:
/// `pilotwave new plan.json` then `pilotwave import-teams plan.json teams.csv`. Several names share
/// words ("Broker Hub" in three areas), as real team lists do.
enum FortyTeams {
    static let csv = """
name,area,stage,product,design,engineering,data,familiarity,learning appetite,customer access
Sales Fraud,Sales,invest,2,0,2,2,1,3,5
Claims Mobile,Claims,explore,0,0,5,1,1,2,1
Platform Reporting,Platform,explore,2,0,3,2,5,1,5
Platform Billing,Platform,explore,0,0,6,0,3,4,2
Platform Payments,Platform,sustain,1,2,8,2,2,1,5
Platform Quotes,Platform,invest,0,2,7,0,5,1,5
Policy Analytics,Policy,sustain,2,1,8,1,4,5,4
Sales Search,Sales,explore,0,2,8,0,1,5,3
Platform Analytics,Platform,invest,2,1,4,2,1,1,5
Finance Renewals,Finance,invest,0,1,5,0,1,5,5
Sales Documents,Sales,sustain,1,2,5,2,4,1,1
Sales Analytics,Sales,sustain,2,0,2,2,3,5,4
Sales Billing,Sales,sustain,1,0,5,1,2,5,1
Finance Pricing,Finance,explore,1,0,7,0,4,4,4
Claims Renewals,Claims,invest,1,2,4,0,4,5,3
Finance Portal,Finance,sustain,1,0,3,0,2,2,2
Policy Intake,Policy,invest,2,0,4,1,1,2,4
Platform Portal,Platform,sustain,2,1,3,2,5,5,1
Finance Partner API,Finance,invest,1,1,5,0,4,4,1
Policy Broker Hub,Policy,explore,1,0,2,1,5,1,1
Claims Fraud,Claims,sustain,0,1,6,0,1,2,5
Finance Fraud,Finance,sustain,1,1,6,1,4,1,1
Finance Onboarding,Finance,invest,1,1,2,0,1,3,3
Platform Intake,Platform,explore,2,1,3,2,5,1,5
Sales Broker Hub,Sales,sustain,1,2,4,0,3,2,5
Platform Mobile,Platform,invest,2,0,6,0,2,4,2
Policy Mobile,Policy,invest,1,2,2,0,3,4,3
Policy Portal,Policy,invest,2,1,4,0,2,1,2
Finance Quotes,Finance,invest,0,1,6,2,1,4,3
Claims Payments,Claims,invest,2,0,5,0,4,3,1
Finance Broker Hub,Finance,sustain,0,0,3,0,2,5,4
Platform Partner API,Platform,explore,0,0,8,2,1,5,2
Sales Quotes,Sales,invest,2,0,8,2,3,3,5
Claims Portal,Claims,invest,2,2,8,2,4,5,2
Platform Fraud,Platform,sustain,2,0,8,1,2,5,1
Policy Renewals,Policy,explore,1,2,7,0,5,1,3
Claims Partner API,Claims,explore,0,0,4,0,1,5,4
Claims Onboarding,Claims,invest,2,2,6,2,2,3,4
Finance Mobile,Finance,explore,2,2,4,2,2,4,2
Finance Payments,Finance,invest,1,1,2,2,2,4,1
"""

    static func plan() throws -> Plan {
        var ids = CountingIDs()
        let empty = Plan.empty(id: PlanID("plan-forty"), name: "Product operating model rollout", organisation: "Our organisation")
        var plan = empty
        plan.teams = try TeamCSVImport.teams(fromCSV: csv, file: "teams.csv", plan: empty, ids: &ids)
        return plan
    }

    struct CountingIDs: IDSource {
        var n = 0
        mutating func next(_ prefix: String) -> String {
            n += 1
            return "\(prefix)-\(n)"
        }
    }
}
