package cn.wenzhou.renovation.ruleset.versions;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.ruleset.engine.RuleFile;
import cn.wenzhou.renovation.ruleset.engine.RulesetFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** Every store keeps versions the same way: numbered from 1, files byte for byte, one active pointer, an audit. */
class RulesetStoreContractTest {

    @TempDir
    static Path folder;

    static Stream<Arguments> stores() {
        return Stream.of(
                Arguments.of("memory", (Supplier<RulesetStore>) RulesetStore::inMemory),
                Arguments.of("files", (Supplier<RulesetStore>) () ->
                        new FileRulesetStore(folder.resolve(UUID.randomUUID().toString()))),
                Arguments.of("database", (Supplier<RulesetStore>) RulesetStoreContractTest::database));
    }

    /** A fresh in-memory H2 database: the same SQL the PostgreSQL replicas run. */
    static RulesetStore database() {
        DriverManagerDataSource source =
                new DriverManagerDataSource("jdbc:h2:mem:store-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        return new JdbcRulesetStore(
                new JdbcTemplate(source), new TransactionTemplate(new DataSourceTransactionManager(source)));
    }

    private static final RuleFile TABLE = new RuleFile(
            "decision-tables/eligibility/eligibility.drl.xlsx", new byte[] {0x50, 0x4b, 0x03, 0x04, (byte) 0xff, 0x00});
    private static final RuleFile DRL =
            new RuleFile("rules/eligibility/yueqing.drl", "rule \"乐清\" when then end".getBytes(StandardCharsets.UTF_8));

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void versionsAreNumberedFromOneAndKeepTheirFilesByteForByte(String kind, Supplier<RulesetStore> stores) {
        RulesetStore store = stores.get();
        RulesetVersion first = store.save("yueqing", List.of(TABLE), "部署", "随程序部署");
        RulesetVersion second = store.save("yueqing", List.of(TABLE, DRL), "wang.fang", "加街道");

        assertThat(first.number()).isEqualTo(1);
        assertThat(second.number()).isEqualTo(2);
        assertThat(second.contentHash()).isEqualTo(RulesetFiles.contentHash(List.of(DRL, TABLE)));
        assertThat(store.versions("yueqing"))
                .extracting(RulesetVersion::number, RulesetVersion::activatedBy, RulesetVersion::comment)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "部署", "随程序部署"),
                        org.assertj.core.groups.Tuple.tuple(2, "wang.fang", "加街道"));
        List<RuleFile> kept = store.files("yueqing", 2).orElseThrow();
        assertThat(kept).extracting(RuleFile::path).containsExactlyInAnyOrder(TABLE.path(), DRL.path());
        assertThat(kept.stream()
                        .filter(f -> f.path().equals(TABLE.path()))
                        .findFirst()
                        .orElseThrow()
                        .content())
                .isEqualTo(TABLE.content());
        assertThat(store.files("yueqing", 3)).isEmpty();
        assertThat(store.versions("wenzhou")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void theActivePointerTheDeploymentMarkerAndTheAuditAreKeptPerJurisdiction(
            String kind, Supplier<RulesetStore> stores) {
        RulesetStore store = stores.get();
        store.save("wenzhou", List.of(TABLE), "部署", null);
        store.save("wenzhou", List.of(DRL), "wang.fang", null);
        assertThat(store.activeVersion("wenzhou")).isEmpty();

        store.activate(new RulesetActivation(
                "wenzhou", 1, Instant.parse("2026-11-30T08:00:00Z"), "部署", RulesetActivation.Kind.DEPLOYMENT));
        store.recordDeployed("wenzhou", "hash-1");
        store.activate(new RulesetActivation(
                "wenzhou",
                2,
                Instant.parse("2026-11-30T09:00:00Z"),
                "wang.fang",
                RulesetActivation.Kind.ACTIVATION,
                null,
                "0123456789abcdef"));
        store.recordActivation(new RulesetActivation(
                "yueqing",
                1,
                Instant.parse("2026-11-30T09:00:00Z"),
                "wang.fang",
                RulesetActivation.Kind.BASE_CHANGE,
                2,
                "fedcba9876543210"));

        assertThat(store.activeVersion("wenzhou")).contains(2);
        assertThat(store.activeVersion("yueqing")).isEmpty();
        assertThat(store.lastDeployed("wenzhou")).contains("hash-1");
        assertThat(store.activations("wenzhou"))
                .extracting(RulesetActivation::version, RulesetActivation::by, RulesetActivation::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "部署", RulesetActivation.Kind.DEPLOYMENT),
                        org.assertj.core.groups.Tuple.tuple(2, "wang.fang", RulesetActivation.Kind.ACTIVATION));
        assertThat(store.activations("wenzhou"))
                .extracting(RulesetActivation::rulesetVersion)
                .containsExactly(null, "0123456789abcdef");
        assertThat(store.activations("yueqing"))
                .extracting(RulesetActivation::baseVersion, RulesetActivation::rulesetVersion)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "fedcba9876543210"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aKeptVersionIsIntactUntilItsFilesChangeAndAnUnknownOneIsNamedAsMissing(
            String kind, Supplier<RulesetStore> stores) {
        RulesetStore store = stores.get();
        store.save("wenzhou", List.of(TABLE, DRL), "wang.fang", null);

        assertThat(store.damage("wenzhou", 1)).isEmpty();
        assertThat(store.damage("wenzhou", 2))
                .hasValueSatisfying(problem -> assertThat(problem).contains("2"));
        assertThat(store.problems("wenzhou")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void concurrentSavesTakeDistinctNumbers(String kind, Supplier<RulesetStore> stores) throws Exception {
        RulesetStore store = stores.get();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<RulesetVersion>> saves = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String by = "publisher-" + i;
                saves.add(pool.submit(() -> store.save("wenzhou", List.of(DRL), by, null)));
            }
            Set<Integer> numbers = ConcurrentHashMap.newKeySet();
            for (Future<RulesetVersion> save : saves) {
                numbers.add(save.get().number());
            }
            assertThat(numbers).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
        } finally {
            pool.shutdown();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void exclusiveWorkForAJurisdictionNeverOverlaps(String kind, Supplier<RulesetStore> stores) throws Exception {
        RulesetStore store = stores.get();
        java.util.concurrent.atomic.AtomicInteger inside = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger mostAtOnce = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<RulesetVersion>> deployments = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                deployments.add(pool.submit(() -> store.exclusively("wenzhou", () -> {
                    mostAtOnce.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    try {
                        // The startup check-then-keep: only the first keeps a version.
                        RulesetVersion kept = store.versions("wenzhou").stream()
                                .findFirst()
                                .orElseGet(() -> store.save("wenzhou", List.of(DRL), "部署", null));
                        Thread.sleep(20);
                        return kept;
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    } finally {
                        inside.decrementAndGet();
                    }
                })));
            }
            for (Future<RulesetVersion> deployment : deployments) {
                assertThat(deployment.get().number()).isEqualTo(1);
            }
            assertThat(mostAtOnce.get()).isEqualTo(1);
            assertThat(store.versions("wenzhou")).hasSize(1);
        } finally {
            pool.shutdown();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aSubmissionKeepsItsFilesUntilDecidedAndIsDecidedOnce(String kind, Supplier<RulesetStore> stores) {
        RulesetStore store = stores.get();
        RulesetSubmission first = store.submit("wenzhou", List.of(TABLE), 3, "wang.fang", "补写解释");
        RulesetSubmission second = store.submit("wenzhou", List.of(DRL), null, "li.na", "加街道");
        store.submit("yueqing", List.of(DRL), 1, "li.na", "乐清");
        RulesetSubmission.Decision approval = new RulesetSubmission.Decision(
                Instant.parse("2026-12-05T08:00:00Z"), "chen.jing", "同意", 4, 3, List.of("测试场景第 4 行的结论变了"));

        boolean approved = store.decide("wenzhou", 1, RulesetSubmission.Status.APPROVED, approval);
        boolean again = store.decide(
                "wenzhou",
                1,
                RulesetSubmission.Status.RETURNED,
                RulesetSubmission.Decision.returned(Instant.now(), "zhao.lei", "退回"));
        boolean unknown = store.decide("wenzhou", 9, RulesetSubmission.Status.RETURNED, approval);

        assertThat(List.of(first.number(), second.number())).containsExactly(1, 2);
        assertThat(approved).isTrue();
        assertThat(again).as("a decided submission is not decided again").isFalse();
        assertThat(unknown).isFalse();
        List<RulesetSubmission> kept = store.submissions("wenzhou");
        assertThat(kept).extracting(RulesetSubmission::number).containsExactly(1, 2);
        assertThat(kept.get(0).status()).isEqualTo(RulesetSubmission.Status.APPROVED);
        assertThat(kept.get(0).decision()).isEqualTo(approval);
        assertThat(kept.get(0).files().get(0).content()).isEqualTo(TABLE.content());
        assertThat(kept.get(0).basedOnVersion()).isEqualTo(3);
        assertThat(kept.get(0).reason()).isEqualTo("补写解释");
        assertThat(kept.get(1).pending()).isTrue();
        assertThat(kept.get(1).basedOnVersion()).isNull();
        assertThat(store.submissions("yueqing"))
                .singleElement()
                .extracting(RulesetSubmission::number)
                .isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void concurrentSubmissionsTakeDistinctNumbers(String kind, Supplier<RulesetStore> stores) throws Exception {
        RulesetStore store = stores.get();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<RulesetSubmission>> submitted = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                submitted.add(pool.submit(() -> store.submit("wenzhou", List.of(DRL), 1, "wang.fang", "并发")));
            }
            Set<Integer> numbers = ConcurrentHashMap.newKeySet();
            for (Future<RulesetSubmission> s : submitted) {
                numbers.add(s.get().number());
            }
            assertThat(numbers).hasSize(8);
        } finally {
            pool.shutdownNow();
        }
    }
}
