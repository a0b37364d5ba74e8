package cn.wenzhou.renovation.web;

/** A valid eligibility request for the convention tests, whose subject is not the decision. */
final class EligibilityRequests {

    static final String PRIORITY = """
            {"completionYear": 1995, "housingKind": "ORDINARY_RESIDENTIAL_COMMUNITY",
             "listedInShantyRenovationPlan": false, "strongRenovationWillingness": true,
             "deficiencies": {"functionsIncomplete": false, "facilitiesIncomplete": false, "propertyManagementInadequate": false},
             "evaluationDate": "2026-03-01"}""";

    private EligibilityRequests() {}
}
