package cn.wenzhou.renovation;

import cn.wenzhou.renovation.cli.AssessInventoryCommand;
import cn.wenzhou.renovation.cli.PasswordHashCommand;
import cn.wenzhou.renovation.cli.ValidateRulesCommand;
import cn.wenzhou.renovation.ruleset.versions.RulesHeadStart;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
@org.springframework.scheduling.annotation.EnableScheduling
public class RenovationDecisionServiceApplication {

    /** The command-line commands, by their first argument; each gets the arguments after it. */
    private static final Map<String, ToIntFunction<String[]>> COMMANDS = Map.of(
            "assess", AssessInventoryCommand::run,
            "hash-password", arguments -> PasswordHashCommand.run(),
            "validate", ValidateRulesCommand::run);

    public static void main(String[] args) {
        ToIntFunction<String[]> command = args.length > 0 ? COMMANDS.get(args[0]) : null;
        if (command != null) {
            // The build's ahead-of-time bean definitions (which the launcher turns on) are the web service's; a
            // command builds its own context without a web server.
            System.clearProperty(AotDetector.AOT_ENABLED);
            System.exit(command.applyAsInt(Arrays.copyOfRange(args, 1, args.length)));
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
