package cn.wenzhou.renovation.administration;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wenzhou.renovation.testing.OccupiedLane;
import cn.wenzhou.renovation.testing.StaffUsers;
import cn.wenzhou.renovation.web.HeavyWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/** One validation at a time and none waiting: while one runs, an editor's validation is a 503 BUSY with Retry-After. */
@SpringBootTest(
        properties = {
            "renovation.limits.concurrent-validations=1",
            "renovation.limits.queued-validations=0",
            "renovation.limits.busy-retry-after=15s"
        })
@AutoConfigureMockMvc
class ValidationBusyHttpTest {

    private static final String EDITOR = "li.na";
    private static final String PASSWORD = "correct horse battery staple";

    @Autowired
    private MockMvc mvc;

    @Autowired
    private HeavyWork heavyWork;

    @DynamicPropertySource
    static void users(DynamicPropertyRegistry registry) {
        StaffUsers.register(registry, PASSWORD, EDITOR, "rules-editor");
    }

    /** Not a rule file: refused as such (400) once the validation is admitted. */
    private MockMultipartHttpServletRequestBuilder validation() {
        MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/admin/rulesets/wenzhou/validate");
        request.file(new MockMultipartFile(
                "files",
                "eligibility.xlsm",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                new byte[] {1}));
        request.with(httpBasic(EDITOR, PASSWORD));
        return request;
    }

    @Test
    void aValidationWhileAnotherRunsIsBusyAndIsAdmittedOnceItEnds() throws Exception {
        try (OccupiedLane lane = OccupiedLane.of(heavyWork, HeavyWork.Kind.VALIDATION)) {
            mvc.perform(validation())
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "15"))
                    .andExpect(jsonPath("$.code").value("BUSY"))
                    .andExpect(jsonPath("$.detail", org.hamcrest.Matchers.containsString("规则校验")));
        }
        mvc.perform(validation())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("files[0]"));
    }
}
