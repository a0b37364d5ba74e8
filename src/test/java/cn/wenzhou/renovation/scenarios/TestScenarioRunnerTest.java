package cn.wenzhou.renovation.scenarios;

import org.junit.runner.RunWith;

/**
 * Runs every Test Scenario ({@code *.scesim}) on the test classpath, i.e. the files under
 * {@code src/test/resources/scenarios/}, against the rules of {@code rules/} and every rule sheet of
 * {@code decision-tables/}, through the stateless session each file names as its {@code <dmoSession>}
 * ({@code eligibility-scenarios}, {@code consent-scenarios}, {@code funding-scenarios}), declared in
 * {@code META-INF/kmodule.xml}. Surefire reports each scenario row as one test, named by its Description.
 *
 * <p>Runs through {@link AllWorksheetsScenarioActivator}, Drools' {@code ScenarioJunitActivator}
 * with a KieContainer that compiles every worksheet of a decision table; the stock one compiles only
 * the first worksheet and would lose the 不属改造范畴 sheet.
 */
@RunWith(AllWorksheetsScenarioActivator.class)
public class TestScenarioRunnerTest {
}
