package cn.wenzhou.renovation;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RenovationDecisionServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(RenovationDecisionServiceApplication.class, args);
    }

    /** "Today" for a default evaluation date is a date in Wenzhou, whatever the server's zone. */
    @Bean
    Clock clock() {
        return Clock.system(ZoneId.of("Asia/Shanghai"));
    }
}
