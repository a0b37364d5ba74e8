package cn.wenzhou.renovation.administration;

import static org.assertj.core.api.Assertions.assertThat;

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

import cn.wenzhou.renovation.testing.StaffUsers;

/**
 * The multipart limits of the admin uploads, enforced by the real server (MockMvc does not apply them).
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
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("files", new ByteArrayResource(new byte[2_500_000]) {
            @Override
            public String getFilename() {
                return "eligibility.drl.xlsx";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);

        ResponseEntity<String> response = rest.withBasicAuth(PUBLISHER, PASSWORD)
                .postForEntity("/api/v1/admin/rulesets/wenzhou/validate", new HttpEntity<>(form, headers), String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(413);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(response.getBody()).contains("PAYLOAD_TOO_LARGE", "files");
    }
}
