package cn.wenzhou.renovation.administration;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.testing.StaffUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The upload limits on the real server: a rule file over {@code renovation.limits.max-rule-file} is a 413
 * problem, while a workbook form field may be larger. (A file over the 20 MB multipart limit is refused by
 * Tomcat, which closes the connection before a client still sending could read the 413: not tested here.)
 * Activation under concurrent load is {@link MixedLoadDuringActivationTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminUploadLimitHttpTest {

    private static final String PUBLISHER = "wang.fang";
    private static final String PASSWORD = "upload limits";

    @Autowired
    private TestRestTemplate rest;

    @DynamicPropertySource
    static void publisherAndDataFolder(DynamicPropertyRegistry registry) {
        StaffUsers.register(registry, PASSWORD, PUBLISHER, "rules-publisher");
    }

    @Test
    void anUploadOverTheSizeLimitIsA413Problem() {
        ResponseEntity<String> response = rest.withBasicAuth(PUBLISHER, PASSWORD)
                .postForEntity(
                        "/api/v1/admin/rulesets/wenzhou/validate",
                        form("files", "scope-parameters.xlsx", 2_500_000),
                        String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(413);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(response.getBody()).contains("PAYLOAD_TOO_LARGE", "files[0]", "renovation.limits.max-rule-file");
    }

    /** The rules-administration upload limit (docs/operations.md): 2 MB a file and 10 MB a request, below the 25 MB multipart limit. */
    @Test
    void sixRuleFilesOfAlmostTwoMegabytesEachAreOverTheRequestLimit() {
        HttpEntity<MultiValueMap<String, Object>> sixFiles = form(
                "files",
                1_900_000,
                "scope-parameters.xlsx",
                "procedure.drl.xlsx",
                "survey.drl.xlsx",
                "funding.drl.xlsx",
                "consent.drl.xlsx",
                "catalogue.drl.xlsx");

        ResponseEntity<String> response = rest.withBasicAuth(PUBLISHER, PASSWORD)
                .postForEntity("/api/v1/admin/rulesets/wenzhou/validate", sixFiles, String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(413);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(response.getBody())
                .contains(
                        "PAYLOAD_TOO_LARGE",
                        "\"field\":\"files\"",
                        "10 MB",
                        "renovation.limits.max-rule-request",
                        "https://wenzhou-renovation.example/problems/payload-too-large");
    }

    @Test
    void fiveSuchFilesAreWithinItAndReadAsRuleFiles() {
        HttpEntity<MultiValueMap<String, Object>> fiveFiles = form(
                "files",
                1_900_000,
                "scope-parameters.xlsx",
                "procedure.drl.xlsx",
                "survey.drl.xlsx",
                "funding.drl.xlsx",
                "consent.drl.xlsx");

        ResponseEntity<String> response = rest.withBasicAuth(PUBLISHER, PASSWORD)
                .postForEntity("/api/v1/admin/rulesets/wenzhou/validate", fiveFiles, String.class);

        // Not a 413: the files were read, and zeros are not a workbook.
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
        assertThat(response.getBody()).contains("files[0]").doesNotContain("PAYLOAD_TOO_LARGE");
    }

    private static HttpEntity<MultiValueMap<String, Object>> form(String field, String fileName, int bytes) {
        return form(field, bytes, fileName);
    }

    private static HttpEntity<MultiValueMap<String, Object>> form(String field, int bytes, String... fileNames) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        for (String fileName : fileNames) {
            form.add(field, new ByteArrayResource(new byte[bytes]) {
                @Override
                public String getFilename() {
                    return fileName;
                }
            });
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(form, headers);
    }

    @Test
    void aWorkbookFieldOverTheRuleFileLimitIsReadAsAWorkbook() {
        ResponseEntity<String> response = rest.postForEntity(
                "/api/v1/assessments/workbook", form("workbook", "inventory.xlsx", 2_500_000), String.class);

        // Not a 413: the bytes were read, and they are not a workbook.
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).contains("INVALID_WORKBOOK", "workbook");
    }
}
