// A portal's first calls through the generated TypeScript client, compiled with tsc --strict against it.
// Usage: node portal-example.js <base URL>; prints one JSON object with what the service answered.
import {
    CatalogueApi,
    Configuration,
    ConsentApi,
    EligibilityApi,
    HousingKind,
    ResponseError,
    VoteRound,
} from './index';

// Node's globals, declared here so that the example needs nothing but the client and TypeScript.
declare const process: { argv: string[]; exit(code: number): never };

async function main(basePath: string): Promise<void> {
    const configuration = new Configuration({ basePath, headers: { 'X-Request-Id': 'portal-example-1' } });
    const eligibility = new EligibilityApi(configuration);
    const community = {
        communityName: '鹿城区五马街道墨池小区',
        completionYear: 2000,
        housingKind: HousingKind.OrdinaryResidentialCommunity,
        listedInShantyRenovationPlan: false,
        deficiencies: { functionsIncomplete: true, facilitiesIncomplete: true, propertyManagementInadequate: false },
        strongRenovationWillingness: true,
        evaluationDate: new Date('2026-03-01'),
    };

    const decided = await eligibility.decideEligibility({ eligibilityRequest: community });
    const tally = await new ConsentApi(configuration).tallyConsent({
        consentTallyRequest: {
            communityName: '鹿城区翠微小区',
            round: VoteRound.FirstConsent,
            voteDate: new Date('2020-10-15'),
            totalExclusiveArea: 300,
            totalHouseholds: 3,
            counts: {
                agreeingHouseholds: 2, agreeingArea: 200, disagreeingHouseholds: 1, disagreeingArea: 100,
                blankHouseholds: 0, blankArea: 0,
            },
        },
    });
    const catalogue = await new CatalogueApi(configuration).listCatalogue({});

    let problem: { status: number; code: string; fields: string[] } | undefined;
    try {
        await eligibility.decideEligibility({ eligibilityRequest: { ...community, completionYear: 2027 } });
    } catch (error) {
        if (!(error instanceof ResponseError)) {
            throw error;
        }
        const body = await error.response.json();
        problem = {
            status: error.response.status,
            code: body.code,
            fields: (body.errors ?? []).map((e: { field: string }) => e.field),
        };
    }

    console.log(JSON.stringify({
        decision: decided.decision,
        clauses: decided.reasons.map(reason => reason.clause.section),
        consentSufficient: tally.sufficient,
        catalogueItems: catalogue.total,
        categories: new Set(catalogue.items.map(item => item.category)).size,
        problem,
    }));
}

main(process.argv[2]).catch(error => {
    console.error(error);
    process.exit(1);
});
