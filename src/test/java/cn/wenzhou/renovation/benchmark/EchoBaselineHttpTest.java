package cn.wenzhou.renovation.benchmark;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The load test's baseline endpoint, switched on as bench/load.sh switches it on, gives back what it was sent. */
@SpringBootTest(properties = "renovation.benchmark.echo-endpoint=true")
@AutoConfigureMockMvc
class EchoBaselineHttpTest {

    private static final String COMMUNITY = """
            {"communityName":"鹿城区江滨小区","completionYear":1995,"housingKind":"ORDINARY_RESIDENTIAL_COMMUNITY",\
            "listedInShantyRenovationPlan":false,"deficiencies":{"functionsIncomplete":false,"facilitiesIncomplete":false,\
            "propertyManagementInadequate":false},"strongRenovationWillingness":true,"evaluationDate":"2026-03-01"}""";

    @Autowired
    private MockMvc mvc;

    @Test
    void theRecordComesBackAsItWasSent() throws Exception {
        mvc.perform(post("/api/v1/benchmark/echo")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(COMMUNITY))
                .andExpect(status().isOk())
                .andExpect(content().json(COMMUNITY, true));
    }
}
