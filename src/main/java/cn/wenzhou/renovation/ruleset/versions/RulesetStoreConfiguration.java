package cn.wenzhou.renovation.ruleset.versions;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where kept versions live: {@code renovation.ruleset-store=files} (the default) keeps them in
 * {@code renovation.data-dir}, or in memory when that is empty; {@code database} keeps them in the
 * configured {@code spring.datasource}, which is what several replicas share.
 */
@Configuration(proxyBeanMethods = false)
class RulesetStoreConfiguration {

    @Bean
    RulesetStore rulesetStore(
            @Value("${renovation.ruleset-store:files}") String kind,
            RulesetProperties properties,
            org.springframework.beans.factory.ObjectProvider<JdbcTemplate> jdbc,
            org.springframework.beans.factory.ObjectProvider<TransactionTemplate> transaction) {
        return switch (kind) {
            case "files" -> properties.store();
            case "database" -> new JdbcRulesetStore(jdbc.getObject(), transaction.getObject());
            default ->
                throw new IllegalStateException(
                        "renovation.ruleset-store must be 'files' or 'database', not '" + kind + "'");
        };
    }
}
