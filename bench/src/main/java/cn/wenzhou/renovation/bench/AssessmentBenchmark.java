package cn.wenzhou.renovation.bench;

import cn.wenzhou.renovation.api.ApprovalsApi;
import cn.wenzhou.renovation.api.ConsentApi;
import cn.wenzhou.renovation.api.EligibilityApi;
import cn.wenzhou.renovation.api.FundingApi;
import cn.wenzhou.renovation.api.ProcedureApi;
import cn.wenzhou.renovation.api.model.AssessmentRequest;
import cn.wenzhou.renovation.api.model.AssessmentResponse;
import cn.wenzhou.renovation.assessment.ProjectAssessor;
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
 * spec's {@code wholeProject} example, through the same service beans the endpoint calls, without HTTP.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AssessmentBenchmark {

    private ConfigurableApplicationContext service;
    private ProjectAssessor assessor;
    private AssessmentRequest wholeProject;
    private EligibilityApi eligibility;
    private ConsentApi consent;
    private FundingApi funding;
    private ApprovalsApi approvals;
    private ProcedureApi procedure;

    @Setup(Level.Trial)
    public void startTheServiceWithoutAWebServer() throws Exception {
        service = ServiceWithoutWebServer.start();
        assessor = service.getBean(ProjectAssessor.class);
        eligibility = service.getBean(EligibilityApi.class);
        consent = service.getBean(ConsentApi.class);
        funding = service.getBean(FundingApi.class);
        approvals = service.getBean(ApprovalsApi.class);
        procedure = service.getBean(ProcedureApi.class);
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
        return assessor.assess(wholeProject, null);
    }

    // Each part of the same example alone, through its endpoint's bean: where an assessment's time goes.

    @Benchmark
    public Object partEligibility() {
        return eligibility
                .decideEligibility(wholeProject.getEligibility(), null)
                .getBody();
    }

    @Benchmark
    public Object partConsent() {
        return consent.tallyConsent(wholeProject.getConsent(), null).getBody();
    }

    @Benchmark
    public Object partFunding() {
        return funding.assessFundingReadiness(wholeProject.getFunding(), null).getBody();
    }

    @Benchmark
    public Object partApprovals() {
        return approvals.planApprovals(wholeProject.getApprovals(), null).getBody();
    }

    @Benchmark
    public Object partProcedure() {
        return procedure
                .assessProcedureStatus(wholeProject.getProcedure(), null)
                .getBody();
    }
}
