package cn.wenzhou.renovation.bench;

import java.nio.file.Files;
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
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.wenzhou.renovation.RenovationDecisionServiceApplication;
import cn.wenzhou.renovation.api.model.AssessmentRequest;
import cn.wenzhou.renovation.api.model.AssessmentResponse;
import cn.wenzhou.renovation.assessment.ProjectAssessor;
import cn.wenzhou.renovation.testing.SpecExamples;

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

    @Setup(Level.Trial)
    public void startTheServiceWithoutAWebServer() throws Exception {
        service = new SpringApplicationBuilder(RenovationDecisionServiceApplication.class)
                .web(WebApplicationType.NONE)
                .properties("renovation.data-dir=" + Files.createTempDirectory("bench-versions"),
                        "spring.datasource.url=jdbc:h2:mem:bench", "logging.level.root=WARN")
                .run();
        assessor = service.getBean(ProjectAssessor.class);
        ObjectMapper json = service.getBean(ObjectMapper.class);
        wholeProject = json.treeToValue(SpecExamples.firstJsonRequestExamples().get("/api/v1/assessments"),
                AssessmentRequest.class);
    }

    @TearDown(Level.Trial)
    public void stop() {
        service.close();
    }

    @Benchmark
    public AssessmentResponse wholeProjectAssessment() {
        return assessor.assess(wholeProject, null);
    }
}
