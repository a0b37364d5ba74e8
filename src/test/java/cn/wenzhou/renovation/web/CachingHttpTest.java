package cn.wenzhou.renovation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wenzhou.renovation.testing.DeployedService;
import cn.wenzhou.renovation.testing.RuleFolderCopy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The two listings answer with an ETag and {@code Cache-Control: no-cache}; {@code If-None-Match} with
 * the current ETag is a 304 without a body, any other a 200; activating rules changes the ETag.
 */
@DeployedService
@DirtiesContext
class CachingHttpTest {

    @Autowired
    private MockMvc mvc;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/catalog",
                "/api/v1/catalog?category=BUILDING&tier=BASIC",
                "/api/v1/catalog?jurisdiction=yueqing",
                "/api/v1/jurisdictions"
            })
    void aListingIsRevalidatedByItsETag(String listing) throws Exception {
        MvcResult first = mvc.perform(get(listing))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-cache"))
                .andReturn();
        String etag = first.getResponse().getHeader(HttpHeaders.ETAG);
        assertThat(etag).as("a weak ETag, so Tomcat may still gzip").matches("W/\"[0-9a-f]{33}\"");
        assertThat(first.getResponse().getContentAsByteArray()).isNotEmpty();

        MvcResult notModified = mvc.perform(get(listing).header(HttpHeaders.IF_NONE_MATCH, etag))
                .andExpect(status().isNotModified())
                .andExpect(header().string(HttpHeaders.ETAG, etag))
                .andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-cache"))
                .andExpect(header().exists(RequestIdFilter.HEADER))
                .andReturn();
        assertThat(notModified.getResponse().getContentAsByteArray()).isEmpty();

        mvc.perform(get(listing).header(HttpHeaders.IF_NONE_MATCH, "W/\"0123456789abcdef0123456789abcdef0\""))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, etag))
                .andExpect(content().bytes(first.getResponse().getContentAsByteArray()));
    }

    @Test
    void eachFilterAndJurisdictionHasItsOwnETag() throws Exception {
        String all = etag(get("/api/v1/catalog"));
        String basic = etag(get("/api/v1/catalog").param("tier", "BASIC"));
        String yueqing = etag(get("/api/v1/catalog").param("jurisdiction", "yueqing"));

        assertThat(basic).isNotEqualTo(all);
        assertThat(yueqing).isNotEqualTo(all).isNotEqualTo(basic);
        mvc.perform(get("/api/v1/catalog").param("tier", "BASIC").header(HttpHeaders.IF_NONE_MATCH, all))
                .andExpect(status().isOk());
    }

    @Test
    void decisionsAndProblemsHaveNoETag() throws Exception {
        mvc.perform(post("/api/v1/eligibility")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(EligibilityRequests.PRIORITY))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist(HttpHeaders.ETAG));
        mvc.perform(get("/api/v1/catalog").param("tier", "GOLD"))
                .andExpect(status().isBadRequest())
                .andExpect(header().doesNotExist(HttpHeaders.ETAG));
        mvc.perform(get("/api/v1/jurisdictions/yueqing/diff"))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist(HttpHeaders.ETAG));
    }

    /** The ruleset version is in both bodies, so a cached copy from before an activation is not revalidated. */
    @Test
    void activatingRulesChangesTheETags() throws Exception {
        String catalogue = etag(get("/api/v1/catalog"));
        String jurisdictions = etag(get("/api/v1/jurisdictions"));

        mvc.perform(multipart("/api/v1/admin/rulesets/wenzhou/activate")
                        .file(new MockMultipartFile(
                                "files",
                                RuleFolderCopy.ELIGIBILITY_TABLE_NAME,
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                cutoff2005()))
                        .param("comment", "ETag test")
                        .param("acceptScenarioChanges", "true")
                        .with(httpBasic(DeployedService.PUBLISHER, DeployedService.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.activated").value(true));

        mvc.perform(get("/api/v1/catalog").header(HttpHeaders.IF_NONE_MATCH, catalogue))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, org.hamcrest.Matchers.not(catalogue)));
        mvc.perform(get("/api/v1/jurisdictions").header(HttpHeaders.IF_NONE_MATCH, jurisdictions))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, org.hamcrest.Matchers.not(jurisdictions)));
    }

    private String etag(MockHttpServletRequestBuilder request) throws Exception {
        String etag = mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getHeader(HttpHeaders.ETAG);
        assertThat(etag).isNotNull();
        return etag;
    }

    /** The repository's eligibility table with its cut-off moved from 2000 to 2005: valid, and a new version. */
    private static byte[] cutoff2005() throws Exception {
        Path copy = Files.createTempFile("eligibility", ".xlsx");
        try {
            Files.copy(Path.of(RuleFolderCopy.ELIGIBILITY_TABLE), copy, StandardCopyOption.REPLACE_EXISTING);
            RuleFolderCopy.editCell(
                    copy,
                    RuleFolderCopy.PARAMETER_SHEET,
                    RuleFolderCopy.CUTOFF_ROW,
                    RuleFolderCopy.CUTOFF_COLUMN_LABEL,
                    cell -> cell.setCellValue(2005));
            return Files.readAllBytes(copy);
        } finally {
            Files.deleteIfExists(copy);
        }
    }
}
