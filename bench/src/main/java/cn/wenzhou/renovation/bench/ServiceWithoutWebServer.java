package cn.wenzhou.renovation.bench;

import cn.wenzhou.renovation.RenovationDecisionServiceApplication;
import java.io.IOException;
import java.nio.file.Files;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The whole service, with its beans and the Wenzhou rules, but no web server: what the in-process benchmarks call. */
final class ServiceWithoutWebServer {

    private ServiceWithoutWebServer() {}

    static ConfigurableApplicationContext start() throws IOException {
        return new SpringApplicationBuilder(RenovationDecisionServiceApplication.class)
                .web(WebApplicationType.NONE)
                .properties(
                        "renovation.data-dir=" + Files.createTempDirectory("bench-versions"),
                        "spring.datasource.url=jdbc:h2:mem:bench",
                        "logging.level.root=WARN")
                .run();
    }
}
