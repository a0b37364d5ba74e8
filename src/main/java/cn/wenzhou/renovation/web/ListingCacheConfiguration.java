package cn.wenzhou.renovation.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.WebContentInterceptor;

/**
 * Conditional GETs for the two read-only listings, {@code GET /api/v1/catalog} (with its filters) and
 * {@code GET /api/v1/jurisdictions}. The ETag is a hash of the body, and both bodies name the ruleset
 * version, so activating rules changes it; {@code If-None-Match} with the current one is a 304 without
 * a body.
 */
@Configuration(proxyBeanMethods = false)
class ListingCacheConfiguration implements WebMvcConfigurer {

    static final String[] LISTINGS = {"/api/v1/catalog", "/api/v1/jurisdictions"};

    /**
     * Weak, because Tomcat does not gzip a response with a strong ETag (the compressed bytes differ),
     * and the catalogue is large enough to be compressed.
     */
    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> listingEtags() {
        ShallowEtagHeaderFilter etags = new ShallowEtagHeaderFilter();
        etags.setWriteWeakETag(true);
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(etags);
        registration.addUrlPatterns(LISTINGS);
        return registration;
    }

    /**
     * no-cache, not a max-age: staff activate rules at runtime, and a portal must not show a catalogue
     * older than the ruleset deciding its next request. Revalidating costs one 304; it also reaches this
     * service every time, so a shared cache cannot hand the listing to a caller without an API key.
     */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        WebContentInterceptor caching = new WebContentInterceptor();
        caching.addCacheMapping(CacheControl.noCache(), LISTINGS);
        registry.addInterceptor(caching).addPathPatterns(LISTINGS);
    }
}
