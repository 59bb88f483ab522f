import Testing
@testable import PilotwaveCore

/// The outcome lint on real phrasings of both kinds. The earlier tests fed it only statements that
/// lead with a verb, so outputs worded as a noun ("New customer portal") or as a done deed ("The new
/// portal is launched") passed as outcomes.
@Suite("Outcome lint: outputs and outcomes as people write them")
struct OutcomeLintTableTests {
    static let outputs: [(String, OutputReading.Kind, String)] = [
        ("New customer portal", .thing, ""),
        ("The new portal is launched", .delivered, "is launched"),
        ("Launch the new claims app", .leadingVerb, "launch"),
        ("Ship feature X by June", .leadingVerb, "ship"),
        ("We will build a new checkout", .leadingVerb, "build"),
        ("A mobile app for brokers", .thing, ""),
        ("Self-service claims portal", .thing, ""),
        ("The CRM migration is complete", .delivered, "is complete"),
        ("Single sign-on for all internal tools", .thing, ""),
        ("Partner API in production", .thing, ""),
        ("The app has been shipped to both stores", .delivered, "has been shipped"),
        ("Go live with the new quote engine", .leadingVerb, "go live"),
        ("Rollout of the partner API", .leadingVerb, "rollout"),
        ("Redesigned onboarding flow", .leadingVerb, "redesigned"),
        ("Dashboard for underwriters", .thing, ""),
        ("Replace the legacy billing system", .leadingVerb, "replace"),
        ("Chatbot on the website", .thing, ""),
        ("The new pricing page goes live in April", .delivered, "goes live"),
        ("Implementation of the new CRM", .leadingVerb, "implementation"),
        ("Version 2 of the broker portal", .thing, ""),
        ("Integrate payments with the new provider", .leadingVerb, "integrate"),
        ("The data warehouse will be delivered by Q4", .delivered, "will be delivered"),
        ("Online claims form for all customers", .thing, ""),
        ("Deliver 12 features this quarter", .leadingVerb, "deliver"),
        ("Finish the mobile redesign", .leadingVerb, "finish"),
        ("Claims app released in both stores; new design", .thing, ""),
        ("The broker portal was rebuilt", .delivered, "was rebuilt"),
    ]

    static let outcomes: [String] = [
        "More policyholders report a claim completely online, without having to call us",
        "More visitors who start a home-insurance quote go on to buy online",
        "Increase weekly active buyers from 2k to 5k",
        "Customers who relaunch the app within a week double",
        "Fewer support calls about invoices",
        "Buyers build a basket in under two minutes",
        "Brokers get a binding quote in one visit",
        "Reduce checkout drop-off by 20 %",
        "Half of claims are settled within five days",
        "Customers renew without a call from an agent",
        "Policyholders track their claim themselves instead of phoning",
        "Shorter time from first notice of loss to payout",
        "Churn among small-business customers falls below 5 %",
        "Agents spend less time re-keying data",
        "80 % of quotes are completed without help",
        "Net promoter score rises from 20 to 35",
        "Claims handlers close simple claims in one day",
        "Repeat purchases grow by a third",
        "Fewer customers abandon the quote at the payment step",
        "Time to first quote halves",
        "Underwriters decide on standard risks the same day",
        "Small businesses buy cover online without an adviser",
        "Customers who complete onboarding stay longer",
        "Increase the share of customers who complete onboarding",
        "Sales reps spend more time with customers",
        "Drop-off in the claims form falls from 40 % to 20 %",
        "Claims are paid sooner after the last document arrives",
        "Brokers resolve policy questions without contacting us",
    ]

    @Test func theTableHasBothKindsInNumber() {
        #expect(Self.outputs.count + Self.outcomes.count >= 40)
        #expect(Self.outputs.count >= 20 && Self.outcomes.count >= 20)
    }

    @Test(arguments: outputs.map { $0.0 })
    func outputsAreFlaggedWithTheirReason(statement: String) throws {
        let expected = try #require(Self.outputs.first { $0.0 == statement })
        let reading = OutcomeCheck.assess(statement)
        #expect(reading?.kind == expected.1, "\(statement)")
        #expect(reading?.words == expected.2, "\(statement)")
    }

    @Test(arguments: outcomes)
    func outcomesPass(statement: String) {
        #expect(OutcomeCheck.assess(statement) == nil, "\(statement) read as \(String(describing: OutcomeCheck.assess(statement)))")
    }

    @Test func theReasonsSayWhyInWords() throws {
        #expect(try #require(OutcomeCheck.assess("New customer portal")).reason
            == "It names a thing to have, not a change: nobody does anything differently and nothing is measured to move.")
        #expect(try #require(OutcomeCheck.assess("The new portal is launched")).reason
            == "It says something \"is launched\": that it was delivered, not what anyone does differently.")
        #expect(OutcomeCheck.outcomeDefinition.contains("change in customer or business behaviour"))
        #expect(OutcomeCheck.assess("") == nil && OutcomeCheck.assess("  ") == nil)
    }

    /// The plan check uses the same reading: a pilot with a noun-phrase outcome and a metric,
    /// baseline and target is still warned about.
    @Test func thePlanCheckWarnsAboutEveryKind() {
        for statement in ["New customer portal", "The new portal is launched"] {
            var f = healthyPlan()
            let t = f.plan.teamIndex("t-checkout")!
            f.plan.teams[t].outcome = Outcome(statement: statement, metric: "Logins", baseline: "0", target: "1000")
            let finding = PlanChecks.run(f.plan, today: RulesFixture.today).first { $0.code == "outcomeIsOutput" }
            #expect(finding != nil, "\(statement)")
            #expect(finding?.guidance.contains(OutcomeCheck.assess(statement)!.reason) == true)
        }
    }
}
