package cn.wenzhou.renovation.ruleset.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kie.api.definition.rule.Rule;

/**
 * Every rule of every jurisdiction cites a clause, and what it quotes is really in the guide (or, with
 * a source, in the statute excerpts or a county's policy excerpt under docs/policy/counties/).
 */
class RuleClauseTest {

    private static final Path POLICY_TEXT = Path.of("docs/policy/wenzhou-renovation-guide-2020.txt");
    private static final Path STATUTE_TEXT = Path.of("docs/policy/statute-excerpts.txt");

    private static CompiledRuleset ruleset;
    private static List<CompiledRuleset> everyJurisdiction;
    private static String policyText;
    private static String statuteText;

    @BeforeAll
    static void compileRepositoryRulesAndReadPolicy() throws IOException {
        RuleSourceLoader loader = new RuleSourceLoader();
        List<RuleFile> files = new ArrayList<>(loader.load("rules", "rules"));
        files.addAll(loader.load("decision-tables", "decision-tables"));
        ruleset = new RulesetCompiler().compile("wenzhou", files);
        policyText = Files.readString(POLICY_TEXT, StandardCharsets.UTF_8);
        statuteText = Files.readString(STATUTE_TEXT, StandardCharsets.UTF_8);
        try (var countyTexts = Files.list(Path.of("docs/policy/counties"))) {
            for (Path text : countyTexts.sorted().toList()) {
                statuteText += "\n" + Files.readString(text, StandardCharsets.UTF_8);
            }
        }
        everyJurisdiction = RulesetSources.load("rules", "decision-tables").stream()
                .map(sources ->
                        new RulesetCompiler().compile(sources.jurisdiction().code(), sources.files()))
                .toList();
    }

    @Test
    void everyRuleCarriesClauseAndQuoteMetadata() {
        List<Rule> rules = allRules();
        List<String> withoutCitation = rules.stream()
                .filter(r -> isBlank(r.getMetaData().get("clause"))
                        || isBlank(r.getMetaData().get("quote")))
                .map(Rule::getName)
                .toList();

        assertThat(rules).as("rules in the KieBase").isNotEmpty();
        assertThat(withoutCitation).as("rules without @clause/@quote").isEmpty();
    }

    @Test
    void everyQuoteAppearsVerbatimInTheGuideOrInTheStatuteItNames() {
        Map<String, String> quoteNotFound = new LinkedHashMap<>();
        for (Rule rule : allRules()) {
            String quote = String.valueOf(rule.getMetaData().get("quote"));
            String cited = isBlank(rule.getMetaData().get("source")) ? policyText : statuteText;
            if (!quotedVerbatim(cited, quote)) {
                quoteNotFound.put(rule.getName(), quote);
            }
        }

        assertThat(quoteNotFound)
                .as("rule → quote not found verbatim in " + POLICY_TEXT + " or " + STATUTE_TEXT)
                .isEmpty();
    }

    /** A quote may leave words out with "……": each piece must then appear verbatim, in order. */
    static boolean quotedVerbatim(String text, String quote) {
        int from = 0;
        for (String piece : quote.split("……", -1)) {
            int at = text.indexOf(piece, from);
            if (piece.isEmpty() || at < 0) {
                return false;
            }
            from = at + piece.length();
        }
        return true;
    }

    @Test
    void anElidedQuoteMustKeepItsPiecesInOrder() {
        assertThat(quotedVerbatim("甲乙丙丁", "甲……丁")).isTrue();
        assertThat(quotedVerbatim("甲乙丙丁", "丁……甲")).isFalse();
        assertThat(quotedVerbatim("甲乙丙丁", "甲……")).isFalse();
    }

    @Test
    void rulesetOffersTheClauseOfEveryRuleInTheKieBase() {
        // The API answers "which clause?" from clauses(); it must know every rule that can fire.
        List<String> ruleNames = baseRules().stream().map(Rule::getName).toList();

        assertThat(ruleset.clauses().keySet()).containsExactlyInAnyOrderElementsOf(ruleNames);
        for (Rule rule : baseRules()) {
            RuleClause clause = ruleset.clauses().get(rule.getName());
            assertThat(clause.quote())
                    .as(rule.getName())
                    .isEqualTo(rule.getMetaData().get("quote"));
            assertThat(clause.section())
                    .as(rule.getName())
                    .isEqualTo(rule.getMetaData().get("clause"));
        }
    }

    /** The rules of every jurisdiction, each name once (a county inherits most of the base). */
    private static List<Rule> allRules() {
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (CompiledRuleset jurisdiction : everyJurisdiction) {
            jurisdiction.rules().forEach(rule -> rules.putIfAbsent(rule.getName(), rule));
        }
        return new ArrayList<>(rules.values());
    }

    private static List<Rule> baseRules() {
        return ruleset.rules();
    }

    private static boolean isBlank(Object metadata) {
        return metadata == null || metadata.toString().isBlank();
    }
}
