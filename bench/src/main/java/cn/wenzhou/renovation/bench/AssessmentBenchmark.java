package cn.wenzhou.renovation.bench;

import cn.wenzhou.renovation.api.model.AssessmentRequest;
import cn.wenzhou.renovation.api.model.AssessmentResponse;
import cn.wenzhou.renovation.approval.ApprovalDecider;
import cn.wenzhou.renovation.assessment.ProjectAssessor;
import cn.wenzhou.renovation.consent.ConsentTallies;
import cn.wenzhou.renovation.eligibility.EligibilityDecider;
import cn.wenzhou.renovation.funding.FundingDecider;
import cn.wenzhou.renovation.procedure.ProcedureDecider;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.versions.RulesetRegistry;
import cn.wenzhou.renovation.testing.SpecExamples;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One whole-project assessment in process (eligibility, consent, funding, approvals, procedure), the
 * spec's {@code wholeProject} example, through the same deciders the endpoint calls with the ruleset
 * Wenzhou serves, without HTTP.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AssessmentBenchmark {

    private ConfigurableApplicationContext service;
    private ProjectAssessor assessor;
    private AssessmentRequest wholeProject;
    private CompiledRuleset wenzhou;
    private EligibilityDecider eligibility;
    private ConsentTallies consent;
    private FundingDecider funding;
    private ApprovalDecider approvals;
    private ProcedureDecider procedure;

    @Setup(Level.Trial)
    public void startTheServiceWithoutAWebServer() throws Exception {
        service = ServiceWithoutWebServer.start();
        assessor = service.getBean(ProjectAssessor.class);
        wenzhou = service.getBean(RulesetRegistry.class).serving("wenzhou").ruleset();
        eligibility = service.getBean(EligibilityDecider.class);
        consent = service.getBean(ConsentTallies.class);
        funding = service.getBean(FundingDecider.class);
        approvals = service.getBean(ApprovalDecider.class);
        procedure = service.getBean(ProcedureDecider.class);
        ObjectMapper json = service.getBean(ObjectMapper.class);
        wholeProject = json.treeToValue(
                SpecExamples.firstJsonRequestExamples().get("/api/v1/assessments"), AssessmentRequest.class);
    }

    @TearDown(Level.Trial)
    public void stop() {
        service.close();
    }

    @Benchmark
    public AssessmentResponse wholeProjectAssessment() {
        return assessor.decide(wenzhou, wholeProject);
    }

    /**
     * The five parts one after another through their deciders, without the assessor: against the whole, what the
     * assessor adds; against the parts run alone, what running every capability in one JVM costs.
     */
    @Benchmark
    public void everyPartInTurn(org.openjdk.jmh.infra.Blackhole answers) {
        answers.consume(eligibility.decide(wenzhou, wholeProject.getEligibility()));
        answers.consume(consent.decide(wenzhou, wholeProject.getConsent()));
        answers.consume(funding.decide(wenzhou, wholeProject.getFunding()));
        answers.consume(approvals.decide(wenzhou, wholeProject.getApprovals()));
        answers.consume(procedure.decide(wenzhou, wholeProject.getProcedure()));
    }

    // Each part of the same example alone, through its decider: where an assessment's time goes.

    @Benchmark
    public Object partEligibility() {
        return eligibility.decide(wenzhou, wholeProject.getEligibility());
    }

    @Benchmark
    public Object partConsent() {
        return consent.decide(wenzhou, wholeProject.getConsent());
    }

    @Benchmark
    public Object partFunding() {
        return funding.decide(wenzhou, wholeProject.getFunding());
    }

    @Benchmark
    public Object partApprovals() {
        return approvals.decide(wenzhou, wholeProject.getApprovals());
    }

    @Benchmark
    public Object partProcedure() {
        return procedure.decide(wenzhou, wholeProject.getProcedure());
    }
}
