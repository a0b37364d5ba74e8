package cn.wenzhou.renovation;

import cn.wenzhou.renovation.cli.AssessInventoryCommand;
import cn.wenzhou.renovation.cli.PasswordHashCommand;
import cn.wenzhou.renovation.cli.ValidateRulesCommand;
import cn.wenzhou.renovation.ruleset.versions.RulesHeadStart;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
@org.springframework.scheduling.annotation.EnableScheduling
public class RenovationDecisionServiceApplication {

    public static void main(String[] args) {
        if (args.length > 0 && List.of("assess", "hash-password", "validate").contains(args[0])) {
            // The build's ahead-of-time bean definitions (which the launcher turns on) are the web service's; a
            // command builds its own context without a web server.
            System.clearProperty(AotDetector.AOT_ENABLED);
        }
        if (args.length > 0 && "assess".equals(args[0])) {
            System.exit(AssessInventoryCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && "hash-password".equals(args[0])) {
            System.exit(PasswordHashCommand.run());
        }
        if (args.length > 0 && "validate".equals(args[0])) {
            System.exit(ValidateRulesCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication service = new SpringApplication(RenovationDecisionServiceApplication.class);
        service.addListeners(new RulesHeadStart());
        service.run(args);
    }

    /** "Today" for a default evaluation date is a date in Wenzhou, whatever the server's zone. */
    @Bean
    Clock clock() {
        return Clock.system(ZoneId.of("Asia/Shanghai"));
    }
}
