package cn.wenzhou.renovation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wenzhou.renovation.testing.DeployedService;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The console and Swagger UI carry a Content-Security-Policy, nosniff and no framing (issue 17,
 * finding 5); the pages need nothing their policy forbids (no inline script, and for the console no
 * inline style or handler). The console's browser test (console/RulesConsoleBrowserTest) drives the
 * console under this policy where Chromium is installed.
 */
@DeployedService
class SecurityHeadersHttpTest {

    private static final Pattern INLINE_SCRIPT =
            Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_STYLE_OR_HANDLER =
            Pattern.compile("<style|\\sstyle=|\\son[a-z]+=", Pattern.CASE_INSENSITIVE);

    @Autowired
    private MockMvc mvc;

    @ParameterizedTest
    @ValueSource(strings = {"/console/index.html", "/console/console.js", "/console/console.css"})
    void theConsoleLoadsOnlyItsOwnFilesAndCannotBeFramed(String path) throws Exception {
        protectedAnswer(mvc.perform(get(path)), SecurityHeaders.CONSOLE_POLICY);
    }

    @Test
    void theConsolePageHasNoInlineScriptStyleOrHandler() throws Exception {
        String page = mvc.perform(get("/console/index.html"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("<script src=\"console.js\">");
        assertThat(INLINE_SCRIPT.matcher(page).find())
                .as("an inline <script> in the console")
                .isFalse();
        assertThat(INLINE_STYLE_OR_HANDLER.matcher(page).find())
                .as("an inline style or handler in the console")
                .isFalse();
        assertThat(resource("static/console/console.js"))
                .doesNotContain("innerHTML", "eval(", "new Function", ".style.", "setAttribute('style'");
    }

    @Test
    void swaggerUiAllowsOnlyInlineStylesAndDataImagesBeyondItsOwnFiles() throws Exception {
        ResultActions page = mvc.perform(get("/swagger-ui/index.html"));
        protectedAnswer(page, SecurityHeaders.SWAGGER_UI_POLICY);
        String html = page.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("swagger-ui-bundle.js");
        assertThat(INLINE_SCRIPT.matcher(html).find())
                .as("an inline <script> in Swagger UI")
                .isFalse();
        assertThat(SecurityHeaders.SWAGGER_UI_POLICY).contains("script-src 'self';");

        protectedAnswer(mvc.perform(get("/swagger-ui/swagger-initializer.js")), SecurityHeaders.SWAGGER_UI_POLICY);
        mvc.perform(get("/swagger-ui.html"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Content-Security-Policy", SecurityHeaders.SWAGGER_UI_POLICY));
    }

    @Test
    void apiAnswersAllowNothingToLoadOrFrame() throws Exception {
        mvc.perform(post("/api/v1/eligibility")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(EligibilityRequests.PRIORITY))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"));
    }

    private static void protectedAnswer(ResultActions answer, String policy) throws Exception {
        answer.andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", policy))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"));
        assertThat(policy)
                .contains("frame-ancestors 'none'")
                .contains("object-src 'none'")
                .doesNotContain("unsafe-eval");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SecurityHeadersHttpTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
