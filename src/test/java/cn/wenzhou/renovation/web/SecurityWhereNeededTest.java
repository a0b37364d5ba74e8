package cn.wenzhou.renovation.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.testing.DeployedService;
import jakarta.servlet.Filter;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.request.async.WebAsyncManagerIntegrationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.web.filter.CorsFilter;

/**
 * Without API keys a decision needs no login, so its requests pass only the filters that write the
 * security headers and answer CORS; the staff area keeps the login, the key and the role checks.
 * (ApiKeyHttpTest: with keys configured a decision needs one; SecurityHeadersHttpTest: the headers.)
 */
@DeployedService
class SecurityWhereNeededTest {

    @Autowired
    private FilterChainProxy security;

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/eligibility", "/api/v1/projects/assess", "/api/v1/catalog", "/console/index.html"})
    void openPathsPassOnlyTheHeadersAndCors(String path) {
        // Spring Security adds the async-context filter to every chain; it has no switch and costs a lookup.
        assertThat(types(path))
                .containsExactlyInAnyOrder(
                        WebAsyncManagerIntegrationFilter.class, HeaderWriterFilter.class, CorsFilter.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/admin/rulesets/wenzhou/versions", "/api/v1/receipts/abc/replay"})
    void theStaffAreaChecksLoginKeyAndRole(String path) {
        assertThat(types(path))
                .contains(
                        HeaderWriterFilter.class,
                        CorsFilter.class,
                        ApiKeyFilter.class,
                        BasicAuthenticationFilter.class,
                        AuthorizationFilter.class);
    }

    private List<Class<?>> types(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        return security.getFilterChains().stream()
                .filter(chain -> chain.matches(request))
                .findFirst()
                .orElseThrow()
                .getFilters()
                .stream()
                .<Class<?>>map(Filter::getClass)
                .toList();
    }
}
