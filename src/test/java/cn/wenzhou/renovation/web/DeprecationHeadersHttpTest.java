package cn.wenzhou.renovation.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wenzhou.renovation.testing.DeployedService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

/**
 * In the running application, with {@code renovation.api.spec-location} pointing at a spec that marks
 * real operations deprecated ({@code conventions/deprecated-operations.yaml}): their responses announce
 * it, a refusal by Spring Security included; the others do not.
 */
@DeployedService
class DeprecationHeadersHttpTest {

    @Autowired
    private MockMvc mvc;

    @Test
    void aDeprecatedOperationAnnouncesItsDeprecationSunsetAndLink() throws Exception {
        mvc.perform(get("/api/v1/jurisdictions/yueqing/diff"))
                .andExpect(status().isOk())
                .andExpect(header().string(DeprecationHeaders.DEPRECATION, "@1782835200"))
                .andExpect(header().string(DeprecationHeaders.SUNSET, "Thu, 31 Dec 2026 16:00:00 GMT"))
                .andExpect(header().string(
                                HttpHeaders.LINK,
                                "<https://wenzhou-renovation.example/changes/jurisdiction-diff>; rel=\"deprecation\""));
    }

    @Test
    void itsProblemsAndRefusalsAnnounceItToo() throws Exception {
        mvc.perform(get("/api/v1/jurisdictions/atlantis/diff"))
                .andExpect(status().isNotFound())
                .andExpect(header().string(DeprecationHeaders.DEPRECATION, "@1782835200"));
        mvc.perform(get("/api/v1/admin/rulesets/wenzhou/versions"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"))
                .andExpect(header().string(DeprecationHeaders.DEPRECATION, "@1772294400"))
                .andExpect(header().doesNotExist(DeprecationHeaders.SUNSET));
    }

    @Test
    void currentOperationsAnnounceNothing() throws Exception {
        mvc.perform(get("/api/v1/jurisdictions"))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist(DeprecationHeaders.DEPRECATION))
                .andExpect(header().doesNotExist(DeprecationHeaders.SUNSET))
                .andExpect(header().doesNotExist(HttpHeaders.LINK));
    }

    @Test
    void aPortalsBrowserPageMayReadThem() throws Exception {
        mvc.perform(get("/api/v1/jurisdictions/yueqing/diff").header(HttpHeaders.ORIGIN, DeployedService.PORTAL))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, DeployedService.PORTAL))
                .andExpect(header().string(
                                HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
                                org.hamcrest.Matchers.allOf(
                                        org.hamcrest.Matchers.containsString("Deprecation"),
                                        org.hamcrest.Matchers.containsString("Sunset"),
                                        org.hamcrest.Matchers.containsString("Link"))));
    }
}
