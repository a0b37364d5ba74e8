package cn.wenzhou.renovation.scenarios;

import org.junit.runner.RunWith;

/**
 * Runs every Test Scenario ({@code *.scesim}) on the test classpath, i.e. the files under
 * {@code scenarios/}, against the rules of {@code rules/} and every rule sheet of
 * {@code decision-tables/}, through the stateless session each file names as its {@code <dmoSession>}
 * ({@code eligibility-scenarios}, {@code consent-scenarios}…: one per capability the rule files declare,
 * see {@link AllWorksheetsScenarioActivator}). Surefire reports each scenario row as one test, named by its
 * Description.
 *
 * <p>The catalogue table's rows are in agenda group "catalogue". A scenario's {@code <ruleFlowGroup>}
 * setting focuses that group: the stateless RULE runner (drools-scenario-simulation-backend 10.1.0,
 * {@code RuleScenarioRunnerHelper} → {@code RuleStatelessScenarioExecutableBuilder.setActiveRuleFlowGroup})
 * adds an {@code AgendaGroupSetFocus} command before inserting the givens, as the service's
 * {@code CompiledRuleset.evaluate(facts, "catalogue")} does.
 *
 * <p>Scenarios sit under {@code scenarios/<jurisdiction>/<capability>/}; each runs against its own
 * jurisdiction's rules ({@code scenarios/yueqing/} against the base overlaid with Yueqing's files).
 *
 * <p>Runs through {@link AllWorksheetsScenarioActivator}, Drools' {@code ScenarioJunitActivator}
 * with a KieContainer that compiles every worksheet of a decision table; the stock one compiles only
 * the first worksheet and would lose the 不属改造范畴 sheet.
 */
@RunWith(AllWorksheetsScenarioActivator.class)
public class TestScenarioRunnerTest {}
