package cn.wenzhou.renovation;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import cn.wenzhou.renovation.decision.RequestRulesets;
import cn.wenzhou.renovation.ruleset.engine.BuildFingerprint;
import cn.wenzhou.renovation.ruleset.versions.RulesetRegistry;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

/**
 * One way through the service, checked on the compiled classes: a request takes its ruleset once (a
 * controller asks the registry) and passes it to the capability's decider; nothing decides through
 * another endpoint or an ambient pin. Each rule names what it forbids, so a break says what to change.
 */
class ArchitectureTest {

    private static final String SERVICE = "cn.wenzhou.renovation";
    /** The generated endpoint interfaces (their request and answer types are {@code api.model}). */
    private static final String ENDPOINTS = "cn.wenzhou.renovation.api";

    /** The modules that decide something for a caller; shared layers below them must not know them. */
    private static final String[] CAPABILITIES = java.util.stream.Stream.of(
                    "administration",
                    "approval",
                    "assessment",
                    "calendar",
                    "catalogue",
                    "consent",
                    "eligibility",
                    "funding",
                    "goldencases",
                    "jurisdiction",
                    "procedure",
                    "receipt",
                    "survey")
            .map(module -> SERVICE + "." + module + "..")
            .toArray(String[]::new);

    private static final String RULESET = SERVICE + ".ruleset";

    /** The modules whose decisions are rules: they compile into a KieBase each and are handed a ruleset. */
    private static final String[] RULE_CAPABILITIES = java.util.stream.Stream.of(
                    "approval", "catalogue", "consent", "eligibility", "funding", "procedure", "survey")
            .map(module -> SERVICE + "." + module + "..")
            .toArray(String[]::new);

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ArchitectureTest::writtenByUs)
                .importPackages(SERVICE);
    }

    /**
     * Not the bean definitions and configuration proxies Spring generates into the classes at {@code package}
     * (its ahead-of-time processing, which the launcher runs): the rules below are about the code we write.
     */
    private static boolean writtenByUs(Location location) {
        return !BuildFingerprint.generatedBySpringAot(location.toString());
    }

    @Test
    void nothingHoldsStateOnTheRequestThread() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .areAssignableTo(ThreadLocal.class)
                .because("the ruleset a request took is passed explicitly, never pinned to its thread")
                .check(production);
    }

    @Test
    void onlyControllersImplementOrCallTheGeneratedEndpoints() {
        noClasses()
                .that()
                .resideOutsideOfPackage(ENDPOINTS)
                .and()
                .areNotAnnotatedWith(RestController.class)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(ENDPOINTS)
                .because("a capability answers another capability through its decider, not through its endpoint")
                .check(production);
    }

    @Test
    void nothingCallsAController() {
        noClasses()
                .that()
                .areNotAnnotatedWith(RestController.class)
                .should()
                .dependOnClassesThat()
                .areAnnotatedWith(RestController.class)
                .because("controllers only map HTTP; deciding is the deciders' job")
                .check(production);
    }

    @Test
    void nothingUnwrapsSpringProxies() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.aop.framework.AopProxyUtils")
                .check(production);
    }

    @Test
    void decidersTakeTheirRulesetAndNeverLookItUp() {
        classes()
                .that()
                .haveSimpleNameEndingWith("Decider")
                .should()
                .onlyDependOnClassesThat()
                .doNotHaveFullyQualifiedName(RulesetRegistry.class.getName())
                .because("which ruleset decides is chosen once per request, by whoever calls the decider")
                .check(production);
    }

    @Test
    void aRequestTakesItsRulesetInOnePlace() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName(RequestRulesets.class.getName())
                .and()
                .resideOutsideOfPackage(SERVICE + ".cli")
                .should()
                .callMethod(RulesetRegistry.class, "serving", String.class)
                .because("where a request takes its ruleset is also where its decision context is recorded,"
                        + " which the request log, the metrics and the receipt read")
                .check(production);
    }

    @Test
    void modulesDependOnEachOtherWithoutCycles() {
        slices().matching(SERVICE + ".(*)..")
                .should()
                .beFreeOfCycles()
                .because("a module that both uses and is used by another cannot change, or be understood, alone")
                .check(production);
    }

    @Test
    void theWebLayerKnowsNoCapability() {
        noClasses()
                .that()
                .resideInAPackage(SERVICE + ".web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(CAPABILITIES)
                .because(
                        "a capability's refusal carries its own problem (kernel.ProblemException); web writes it unread")
                .check(production);
    }

    @Test
    void theWebLayerWritesRefusalsWithoutKnowingWhoRefused() {
        noClasses()
                .that()
                .resideInAPackage(SERVICE + ".web..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(RULESET + "..")
                .because("a refusal of the rulesets' layers is a kernel.ProblemException too: web writes its answer")
                .check(production);
    }

    @Test
    void decisionsReadTheirAnswerThroughNamedQueries() {
        noClasses()
                .that()
                .resideOutsideOfPackage(RULESET + "..")
                .should()
                .callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                                com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                                        com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo(
                                                cn.wenzhou.renovation.ruleset.engine.CompiledRuleset.class)))
                        .and(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                                com.tngtech.archunit.core.domain.properties.HasName.Predicates.name("evaluate"))))
                .because("a decision reads what its capability's queries answer (CompiledRuleset.answer), not every"
                        + " fact left in working memory")
                .check(production);
    }

    @Test
    void noTestClassShadowsAServiceClass() {
        java.util.Set<String> tests = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS).importPackages(SERVICE).stream()
                        .map(com.tngtech.archunit.core.domain.JavaClass::getName)
                        .collect(java.util.stream.Collectors.toSet());
        org.assertj.core.api.Assertions.assertThat(production.stream()
                        .map(com.tngtech.archunit.core.domain.JavaClass::getName)
                        .filter(tests::contains))
                .as("test classes named as service classes replace them on the test classpath")
                .isEmpty();
    }

    @Test
    void theSharedKernelStandsAlone() {
        noClasses()
                .that()
                .resideInAPackage(SERVICE + ".kernel..")
                .should()
                .dependOnClassesThat(resideInAPackage(SERVICE + "..")
                        .and(not(resideInAnyPackage(SERVICE + ".kernel..", ENDPOINTS + ".model.."))))
                .because("exact numbers, field errors and problems are shared by every module, so they may need none")
                .check(production);
    }

    @Test
    void theRulesetEngineKnowsNeitherAuthoringNorVersions() {
        noClasses()
                .that()
                .resideInAPackage(RULESET + ".engine..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(RULESET + ".authoring..", RULESET + ".versions..")
                .because("compiling and evaluating a ruleset must not depend on how it is checked or kept")
                .check(production);
    }

    @Test
    void authoringKnowsNothingOfVersions() {
        noClasses()
                .that()
                .resideInAPackage(RULESET + ".authoring..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(RULESET + ".versions..")
                .because("an edit is checked the same way whether it is then kept, served or thrown away")
                .check(production);
    }

    @Test
    void ruleCapabilitiesUseOnlyTheEngine() {
        noClasses()
                .that()
                .resideInAnyPackage(RULE_CAPABILITIES)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(RULESET + ".authoring..", RULESET + ".versions..")
                .because(
                        "a capability decides with the ruleset it is given; checking and keeping rulesets is not its job")
                .check(production);
    }
}
