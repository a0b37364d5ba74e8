package cn.wenzhou.renovation.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wenzhou.renovation.testing.DeployedService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Without portals configured (the default) no answer carries CORS headers, so a browser lets no other
 * origin's page read one; same-origin calls, the console's among them, are unaffected.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CorsDefaultHttpTest {

    @Autowired
    private MockMvc mvc;

    @Test
    void noCrossOriginPreflightOrCallIsGrantedAccess() throws Exception {
        mvc.perform(CorsHttpTest.preflight(DeployedService.PORTAL, "POST"))
                .andExpect(header().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN))
                .andExpect(header().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS));
        mvc.perform(post("/api/v1/eligibility")
                        .header(HttpHeaders.ORIGIN, DeployedService.PORTAL)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(EligibilityRequests.PRIORITY))
                .andExpect(header().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN));
    }

    @Test
    void aSameOriginCallIsAnswered() throws Exception {
        // MockMvc's server is http://localhost:80; a browser on the console's page sends its own origin.
        mvc.perform(post("/api/v1/eligibility")
                        .header(HttpHeaders.ORIGIN, "http://localhost")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(EligibilityRequests.PRIORITY))
                .andExpect(status().isOk());
    }
}
