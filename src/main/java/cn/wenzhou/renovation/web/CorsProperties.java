package cn.wenzhou.renovation.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The portals whose pages may call the API from a browser, each by name and its exact origins. None by
 * default: no cross-origin access.
 *
 * <pre>
 * renovation:
 *   cors:
 *     portals:
 *       - name: provincial-approval-platform
 *         origins: [https://approval.zjzwfw.example]
 * </pre>
 */
@ConfigurationProperties("renovation.cors")
record CorsProperties(@DefaultValue List<Portal> portals) {

    /** The name is for people reading the configuration; origins are scheme://host[:port], no path. */
    public record Portal(String name, @DefaultValue List<String> origins) {}
}
