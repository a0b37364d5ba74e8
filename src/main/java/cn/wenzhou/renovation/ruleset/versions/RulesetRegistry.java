package cn.wenzhou.renovation.ruleset.versions;

import cn.wenzhou.renovation.kernel.Futures;
import cn.wenzhou.renovation.ruleset.authoring.RulesetCandidate;
import cn.wenzhou.renovation.ruleset.authoring.RulesetScenarios;
import cn.wenzhou.renovation.ruleset.authoring.RulesetValidation;
import cn.wenzhou.renovation.ruleset.authoring.RulesetValidator;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.engine.ContentCaches;
import cn.wenzhou.renovation.ruleset.engine.JurisdictionDescriptor;
import cn.wenzhou.renovation.ruleset.engine.RuleFile;
import cn.wenzhou.renovation.ruleset.engine.RuleProblem;
import cn.wenzhou.renovation.ruleset.engine.RulesetCheck;
import cn.wenzhou.renovation.ruleset.engine.RulesetFiles;
import cn.wenzhou.renovation.ruleset.engine.RulesetSources;
import cn.wenzhou.renovation.ruleset.engine.TableTranslation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The active ruleset of each jurisdiction. A request takes its ruleset once and uses only that one;
 * an activation builds and validates the new rulesets aside, keeps the version, then swaps one
 * immutable state for another: requests in flight finish on the ruleset they took.
 *
 * <p>At startup each jurisdiction serves its active kept version, or the deployed files when they
 * are new (a deployment is a new version). The Wenzhou base must be valid or the service does not
 * start. A county variant that fails validation is refused on its own, logged and listed with its
 * findings; the base and the other counties go on serving.
 */
@Component
public class RulesetRegistry implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RulesetRegistry.class);
    /** Spring Boot starts its web server in a phase just below {@code SmartLifecycle.DEFAULT_PHASE}; ours is far below it. */
    private static final int BEFORE_THE_WEB_SERVER = 0;

    static final String DEPLOYMENT = "部署 (deployment)";
    static final String RECOVERED = "启动时恢复 (recovered at startup)";
    static final String SERVED_INSTEAD = "启动时改用随程序部署的规则 (deployed rules served instead of an unavailable version)";

    /** Everything a request or an activation reads, replaced as a whole. */
    private record State(
            Map<String, List<RuleFile>> own,
            Map<String, Integer> versionNumbers,
            Map<String, RulesetValidation> validations,
            Map<String, CompiledRuleset> served) {}

    /** A kept version and its files. */
    private record KeptFiles(int number, List<RuleFile> files) {}

    private final AtomicReference<State> state = new AtomicReference<>();
    private final RulesetValidator validator;
    private final RulesetStore store;
    private final RulesetScenarios scenarios;
    private final String defaultJurisdiction;
    private final OnMissingActiveVersion onMissingActiveVersion;
    private final Executor compilers;
    private final RulesetProperties properties;

    /**
     * {@code compilers} runs the jurisdictions' compiles side by side (Spring's application task
     * executor in the service; the caller's thread in a test).
     */
    public RulesetRegistry(
            RulesetProperties properties,
            List<RulesetCheck> checks,
            RulesetStore store,
            List<RulesetScenarios> scenarios,
            @Qualifier("applicationTaskExecutor") Executor compilers) {
        this.compilers = compilers;
        this.validator = new RulesetValidator(checks);
        this.store = store;
        this.scenarios = RulesetScenarios.all(scenarios);
        this.properties = properties;
        this.defaultJurisdiction = properties.jurisdiction();
        this.onMissingActiveVersion = properties.onMissingActiveVersion();
    }

    /**
     * Builds every jurisdiction's ruleset from its active kept version (or a new deployment) and starts
     * serving. Spring calls it once every bean exists and before the web server takes requests
     * ({@link #getPhase()}); a failure here (an invalid Wenzhou base, an unreadable kept version)
     * stops startup with the failure analysers' account of it.
     */
    @Override
    public void start() {
        if (state.get() != null) {
            return;
        }
        Map<String, List<RuleFile>> own = new LinkedHashMap<>();
        Map<String, Integer> numbers = new LinkedHashMap<>();
        RulesetSources.ownFiles(properties.rulesDir(), properties.decisionTablesDir())
                .forEach((code, deployed) -> {
                    // The base comes first, so a county's audit can name the ruleset it serves over it.
                    KeptFiles active = activeFiles(code, own.get(JurisdictionDescriptor.BASE), deployed);
                    own.put(code, active.files());
                    numbers.put(code, active.number());
                });
        Map<String, RulesetValidation> validations = validateSideBySide(List.copyOf(own.keySet()), own);
        RulesetValidation base = validations.get(JurisdictionDescriptor.BASE);
        if (!base.valid()) {
            throw base.failure();
        }
        validations.values().stream()
                .filter(v -> !v.valid())
                .forEach(v -> log.error(
                        "County variant '{}' is refused and not served:\n{}",
                        v.jurisdiction(),
                        v.failure().getMessage()));
        state.set(state(own, numbers, validations));
        active(defaultJurisdiction);
    }

    /** Rulesets hold no threads or connections; a stopped registry keeps answering until the context closes. */
    @Override
    public void stop() {}

    @Override
    public boolean isRunning() {
        return state.get() != null;
    }

    /** Before the web server's phase, so the first request finds every ruleset built. */
    @Override
    public int getPhase() {
        return BEFORE_THE_WEB_SERVER;
    }

    /**
     * Each jurisdiction compiles on its own, so they compile side by side: startup, or a base edit
     * with its counties, takes about the longest one. Each compile runs with the caller's context class
     * loader, which Drools finds its services with (a pool thread may have been started by another).
     */
    private Map<String, RulesetValidation> validateSideBySide(List<String> codes, Map<String, List<RuleFile>> own) {
        if (codes.size() == 1) {
            return Map.of(codes.get(0), validate(codes.get(0), own));
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Map<String, CompletableFuture<RulesetValidation>> running = new LinkedHashMap<>();
        codes.forEach(code -> running.put(
                code,
                CompletableFuture.supplyAsync(
                        () -> {
                            Thread thread = Thread.currentThread();
                            ClassLoader previous = thread.getContextClassLoader();
                            thread.setContextClassLoader(loader);
                            try {
                                return validate(code, own);
                            } finally {
                                thread.setContextClassLoader(previous);
                            }
                        },
                        compilers)));
        Map<String, RulesetValidation> validations = new LinkedHashMap<>();
        running.forEach((code, validation) -> validations.put(code, Futures.joined(validation)));
        return validations;
    }

    /**
     * The kept active version's files, unless the deployed files differ from the last deployment: then
     * they are served (as a new version, or the kept version with the same files). The deployment is
     * recorded only after it is active, so a crash in between deploys it again at the next start.
     */
    private KeptFiles activeFiles(String code, List<RuleFile> baseFiles, List<RuleFile> deployed) {
        return store.exclusively(code, () -> activeFilesExclusively(code, baseFiles, deployed));
    }

    /**
     * First what is kept must be whole: an active pointer that cannot be read, or that names a version
     * whose record or files are missing or changed, stops startup naming the file (or, when configured,
     * the deployed rules are served and that is audited as a recovery, never as a deployment). Then the
     * audit is reconciled with the pointer; then a new deployment, if any, is kept and activated.
     */
    private KeptFiles activeFilesExclusively(String code, List<RuleFile> baseFiles, List<RuleFile> deployed) {
        String hash = RulesetFiles.contentHash(deployed);
        boolean sameDeployment = store.lastDeployed(code).filter(hash::equals).isPresent();
        Optional<Integer> active;
        Optional<String> unavailable;
        try {
            active = store.activeVersion(code);
            unavailable = active.isPresent()
                    ? store.damage(code, active.get())
                    : sameDeployment
                            ? Optional.of(store.wherePointer(code) + ": 启用指针缺失 (the active pointer is missing)")
                            : Optional.empty();
        } catch (ActiveVersionUnavailableException unreadable) {
            active = Optional.empty();
            unavailable = Optional.of(unreadable.problem());
        }
        if (unavailable.isPresent()) {
            if (onMissingActiveVersion == OnMissingActiveVersion.FAIL) {
                throw new ActiveVersionUnavailableException(code, unavailable.get());
            }
            log.error(
                    "The active version of {} is unavailable ({}); serving the deployed rules instead, as "
                            + "renovation.on-missing-active-version=serve-deployed says",
                    code,
                    unavailable.get());
            RulesetVersion version = store.save(
                    code,
                    deployed,
                    SERVED_INSTEAD,
                    "启用版本不可用时改用的随程序部署的规则 " + "(the deployed rules, served because the active version was unavailable)");
            store.activate(RulesetActivation.serving(
                    code,
                    version.number(),
                    SERVED_INSTEAD,
                    RulesetActivation.Kind.RECOVERY,
                    servedRuleset(code, baseFiles, deployed)));
            store.recordDeployed(code, hash);
            return new KeptFiles(version.number(), deployed);
        }
        active.ifPresent(number -> reconcileAudit(code, number, baseFiles));
        if (active.isPresent()
                && (sameDeployment
                        || keptHash(code, active.get()).filter(hash::equals).isPresent())) {
            if (!sameDeployment) {
                store.recordDeployed(code, hash); // a crash came between activating this deployment and marking it
            }
            int number = active.get();
            return new KeptFiles(number, store.files(code, number).orElseThrow());
        }
        RulesetVersion version = store.versions(code).stream()
                .filter(v -> v.contentHash().equals(hash))
                .filter(v -> store.damage(code, v.number()).isEmpty())
                .reduce((first, later) -> later)
                .orElseGet(
                        () -> store.save(code, deployed, DEPLOYMENT, "随程序部署的规则 (the rules deployed with the service)"));
        store.activate(RulesetActivation.serving(
                code,
                version.number(),
                DEPLOYMENT,
                RulesetActivation.Kind.DEPLOYMENT,
                servedRuleset(code, baseFiles, deployed)));
        store.recordDeployed(code, hash);
        return new KeptFiles(version.number(), deployed);
    }

    private Optional<String> keptHash(String code, int number) {
        return store.versions(code).stream()
                .filter(v -> v.number() == number)
                .map(RulesetVersion::contentHash)
                .findFirst();
    }

    /**
     * After a crash the audit must name what the pointer names. The store first completes an activation
     * it can complete exactly (a file store's pointer carries its record). A pointer the audit still does
     * not name (a crash between the two writes of an earlier release, whose pointer held only a number)
     * is kept, not rolled back, and recorded as a recovery: that version was kept whole and validated
     * before the pointer moved, and a restart of that release may already have served answers under it.
     */
    private void reconcileAudit(String code, int active, List<RuleFile> baseFiles) {
        store.completeInterruptedActivation(code);
        List<RulesetActivation> audit = store.activations(code);
        if (audit.isEmpty() || audit.get(audit.size() - 1).version() != active) {
            log.warn(
                    "The active pointer of {} names version {}, which the audit does not record as the last activation "
                            + "(an interrupted activation): recorded as a recovery",
                    code,
                    active);
            store.recordActivation(RulesetActivation.serving(
                    code,
                    active,
                    RECOVERED,
                    RulesetActivation.Kind.RECOVERY,
                    store.files(code, active)
                            .map(files -> servedRuleset(code, baseFiles, files))
                            .orElse(null)));
        }
    }

    /**
     * The ruleset a jurisdiction's answers name when it serves these own files (for a county, over the base's):
     * what its compile will call its version, known before compiling.
     */
    private static String servedRuleset(String code, List<RuleFile> baseFiles, List<RuleFile> ownFiles) {
        return RulesetFiles.contentHash(
                RulesetSources.compose(code, baseFiles, ownFiles).files());
    }

    /**
     * Validation is a function of the files alone, so the last few results are kept by content: a
     * rollback to a version served a moment ago, a replay, or a follow of another instance's rollback
     * reuses the compiled ruleset instead of compiling it again.
     */
    private RulesetValidation validate(String code, Map<String, List<RuleFile>> own) {
        RulesetSources sources = RulesetSources.compose(code, own.get(JurisdictionDescriptor.BASE), own.get(code));
        String key = code + "|" + RulesetFiles.contentHash(sources.files());
        synchronized (recentValidations) {
            RulesetValidation kept = recentValidations.get(key);
            if (kept != null) {
                return kept;
            }
        }
        RulesetValidation validation = validator.validate(sources);
        synchronized (recentValidations) {
            recentValidations.put(key, validation);
        }
        return validation;
    }

    /** A KieBase is megabytes: only a handful are kept besides the ones serving. */
    private final Map<String, RulesetValidation> recentValidations = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RulesetValidation> eldest) {
            return size() > 6;
        }
    };

    private static State state(
            Map<String, List<RuleFile>> own, Map<String, Integer> numbers, Map<String, RulesetValidation> validations) {
        Map<String, CompiledRuleset> served = new LinkedHashMap<>();
        validations.forEach((code, validation) -> {
            if (validation.valid()) {
                served.put(code, validation.ruleset());
            }
        });
        return new State(
                Collections.unmodifiableMap(new LinkedHashMap<>(own)),
                Collections.unmodifiableMap(new LinkedHashMap<>(numbers)),
                Collections.unmodifiableMap(new LinkedHashMap<>(validations)),
                Collections.unmodifiableMap(served));
    }

    /**
     * Validates the jurisdiction with the given files in place of (or beside) its own, and, for the
     * base, every county over it. Nothing is kept or activated.
     */
    public RulesetCandidate candidate(String jurisdiction, List<RuleFile> replacements) {
        // One state for both: the scenario rows must be compared with the ruleset the candidate replaces.
        State current = state.get();
        List<RuleFile> own = current.own().get(jurisdiction);
        if (own == null) {
            throw new UnknownJurisdictionException(jurisdiction);
        }
        return withScenarioChanges(current, candidate(current, jurisdiction, merged(own, replacements)));
    }

    /**
     * The Test Scenario rows the edit changes, for the jurisdiction and (for a base edit) every county
     * over it: rows that pass on the ruleset served now and fail on the candidate.
     */
    private RulesetCandidate withScenarioChanges(State current, RulesetCandidate candidate) {
        List<RuleProblem> changes = new ArrayList<>();
        candidate.validations().forEach((code, validation) -> {
            if (validation.valid()) {
                // A county's rows name the county: the base's cases asked of it sit in the base's files.
                String county = JurisdictionDescriptor.BASE.equals(code)
                        ? ""
                        : validation.sources().jurisdiction().name() + "：";
                scenarios.changedBy(current.served().get(code), validation.ruleset()).stream()
                        .map(row -> county.isEmpty() ? row : row.toldAs(county + row.message(), row.technicalDetail()))
                        .forEach(changes::add);
            }
        });
        return candidate.withScenarioChanges(changes);
    }

    private RulesetCandidate candidate(State current, String jurisdiction, List<RuleFile> files) {
        Map<String, List<RuleFile>> own = new LinkedHashMap<>(current.own());
        own.put(jurisdiction, files);
        // A base edit changes every county over it: all of them compile, side by side.
        List<String> affected =
                JurisdictionDescriptor.BASE.equals(jurisdiction) ? List.copyOf(own.keySet()) : List.of(jurisdiction);
        Map<String, RulesetValidation> validations = new LinkedHashMap<>(validateSideBySide(affected, own));
        List<String> broken = new ArrayList<>();
        validations.forEach((code, validation) -> {
            if (!code.equals(jurisdiction)
                    && !validation.valid()
                    && current.validations().get(code).valid()) {
                broken.add(code);
            }
        });
        RulesetValidation edited = validations.get(jurisdiction);
        CompiledRuleset served = current.served().get(jurisdiction);
        boolean sameRules = edited.valid() && served != null && edited.ruleset().hasSameRulesAs(served);
        return new RulesetCandidate(
                jurisdiction,
                List.copyOf(files),
                current.own().get(jurisdiction),
                validations,
                broken,
                List.of(),
                sameRules);
    }

    /**
     * Validates, keeps as a new version and activates. A candidate that is not activatable changes
     * nothing and is returned with its findings.
     */
    public synchronized Activation activate(
            String jurisdiction, List<RuleFile> replacements, String user, String comment) {
        return activate(jurisdiction, replacements, user, comment, false);
    }

    /**
     * As above; an edit that changes the answers Test Scenarios pin is activated only when the
     * publisher accepts those changes, and the version's comment says how many were accepted.
     */
    public synchronized Activation activate(
            String jurisdiction,
            List<RuleFile> replacements,
            String user,
            String comment,
            boolean acceptScenarioChanges) {
        return activateFiles(
                jurisdiction, merged(ownFiles(jurisdiction), replacements), user, comment, acceptScenarioChanges);
    }

    /** As {@link #activate}, with the given files as the jurisdiction's whole own set (a removed file is gone). */
    public synchronized Activation activateFiles(
            String jurisdiction, List<RuleFile> files, String user, String comment, boolean acceptScenarioChanges) {
        State current = state.get();
        RulesetCandidate candidate = withScenarioChanges(current, candidate(current, jurisdiction, List.copyOf(files)));
        if (candidate.sameRulesAsActive()) {
            log.info("Activation of {} by {} changes no rule; the active version stays", jurisdiction, user);
            return new Activation(candidate, Optional.empty());
        }
        if (!candidate.activatable() || !candidate.scenarioChanges().isEmpty() && !acceptScenarioChanges) {
            return new Activation(candidate, Optional.empty());
        }
        String kept = candidate.scenarioChanges().isEmpty()
                ? comment
                : comment + "（接受 " + candidate.scenarioChanges().size() + " 个测试场景结果的变化）";
        RulesetVersion version = store.save(jurisdiction, candidate.ownFiles(), user, kept);
        return swap(current, candidate, version, user, RulesetActivation.Kind.ACTIVATION);
    }

    /**
     * A kept version's files, refused when they differ from what was kept (a truncated or edited file):
     * a damaged version that still compiles must not be served or replayed as if it were that version.
     */
    private List<RuleFile> intactFiles(String jurisdiction, int number) {
        List<RuleFile> files =
                store.files(jurisdiction, number).orElseThrow(() -> new UnknownVersionException(jurisdiction, number));
        store.damage(jurisdiction, number).ifPresent(problem -> {
            log.error("Version {} of {} is damaged and was not used: {}", number, jurisdiction, problem);
            throw new StorageUnavailableException(
                    "版本 " + number + " 的保存文件与保存时不符，未使用 (the kept files of version " + number
                            + " differ from what was kept; not used)",
                    "文件已损坏，详见日志 (damaged; see the log)");
        });
        return files;
    }

    /** Makes a kept version active again, after validating it as it would be served now. */
    public synchronized Activation rollback(String jurisdiction, int number, String user) {
        State current = state.get();
        ownFiles(jurisdiction);
        List<RuleFile> files = intactFiles(jurisdiction, number);
        RulesetCandidate candidate = candidate(current, jurisdiction, files);
        if (!candidate.activatable()) {
            return new Activation(candidate, Optional.empty());
        }
        RulesetVersion version = store.versions(jurisdiction).stream()
                .filter(v -> v.number() == number)
                .findFirst()
                .orElseThrow(() -> new UnknownVersionException(jurisdiction, number));
        log.info("Rollback of {} to version {} by {}", jurisdiction, number, user);
        return swap(current, candidate, version, user, RulesetActivation.Kind.ROLLBACK);
    }

    private Activation swap(
            State current,
            RulesetCandidate candidate,
            RulesetVersion version,
            String user,
            RulesetActivation.Kind kind) {
        // The store's commit point: if it throws, nothing is served and what was active stays active.
        store.activate(RulesetActivation.serving(
                candidate.jurisdiction(),
                version.number(),
                user,
                kind,
                candidate.validation().ruleset().version()));
        serve(current, candidate, version.number());
        recordBaseChangeInCounties(current, candidate, version.number(), user);
        log.info(
                "Activated {} version {} ({}) by {}: ruleset {}",
                candidate.jurisdiction(),
                version.number(),
                version.contentHash(),
                version.activatedBy(),
                candidate.validation().ruleset().version());
        return new Activation(candidate, Optional.of(version));
    }

    /**
     * A base activation or rollback changes what every county over it serves while their own versions stay:
     * each county's audit says so, naming the base version. The base's own audit is the commit point; a county
     * entry that cannot be written is logged, and the activation stands.
     */
    private void recordBaseChangeInCounties(State current, RulesetCandidate candidate, int baseVersion, String user) {
        if (!JurisdictionDescriptor.BASE.equals(candidate.jurisdiction())) {
            return;
        }
        java.time.Instant at = java.time.Instant.now();
        current.versionNumbers().forEach((county, countyVersion) -> {
            if (county.equals(JurisdictionDescriptor.BASE)) {
                return;
            }
            RulesetValidation served = candidate.validations().get(county);
            try {
                store.recordActivation(new RulesetActivation(
                        county,
                        countyVersion,
                        at,
                        user,
                        RulesetActivation.Kind.BASE_CHANGE,
                        baseVersion,
                        served != null && served.valid() ? served.ruleset().version() : null));
            } catch (RuntimeException e) {
                log.error(
                        "Wenzhou version {} is active, but the audit of {} could not record it: {}",
                        baseVersion,
                        county,
                        e.toString());
            }
        });
    }

    private void serve(State current, RulesetCandidate candidate, int number) {
        Map<String, List<RuleFile>> own = new LinkedHashMap<>(current.own());
        own.put(candidate.jurisdiction(), candidate.ownFiles());
        Map<String, Integer> numbers = new LinkedHashMap<>(current.versionNumbers());
        numbers.put(candidate.jurisdiction(), number);
        Map<String, RulesetValidation> validations = new LinkedHashMap<>(current.validations());
        validations.putAll(candidate.validations());
        state.set(state(own, numbers, validations));
    }

    /**
     * Serves whatever version the store now says is active, where another instance sharing the store
     * activated or rolled back one. A version that does not validate here (a different deployment of
     * the base, say) is logged once and not served; this instance keeps serving what it had.
     */
    public synchronized void followStore() {
        for (String code : state.get().own().keySet()) {
            State current = state.get();
            Optional<Integer> stored;
            try {
                stored = store.activeVersion(code);
            } catch (RuntimeException unreachable) {
                log.warn(
                        "Cannot read the active version of {} from the ruleset store: {}",
                        code,
                        unreachable.toString());
                return;
            }
            if (stored.isEmpty()
                    || stored.get().equals(current.versionNumbers().get(code))
                    || stored.get().equals(notFollowed.get(code))) {
                continue;
            }
            int number = stored.get();
            Optional<List<RuleFile>> files = store.files(code, number);
            RulesetCandidate candidate =
                    files.map(f -> candidate(current, code, f)).orElse(null);
            if (candidate == null || !candidate.validation().valid()) {
                notFollowed.put(code, number);
                log.error(
                        "Another instance activated version {} of {}, but it does not validate here; still serving version {}",
                        number,
                        code,
                        current.versionNumbers().get(code));
                continue;
            }
            serve(current, candidate, number);
            log.info(
                    "Following the store: serving {} version {} (ruleset {})",
                    code,
                    number,
                    candidate.validation().ruleset().version());
        }
    }

    /** Versions another instance activated that do not validate here, so they are not tried every poll. */
    private final Map<String, Integer> notFollowed = new java.util.concurrent.ConcurrentHashMap<>();

    /** What an activation or rollback did: the version it activated, or nothing and the findings. */
    public record Activation(RulesetCandidate candidate, Optional<RulesetVersion> version) {
        public boolean activated() {
            return version.isPresent();
        }
    }

    /** Kept versions of a jurisdiction, oldest first, and which is active. */
    public List<RulesetVersion> versions(String jurisdiction) {
        ownFiles(jurisdiction);
        return store.versions(jurisdiction);
    }

    /**
     * What today's cell checks refuse in a kept version (empty when none): such a version was kept
     * before the checks existed, and is not served, rolled back to or replayed. Judged by content, once.
     */
    public List<RuleProblem> refusedCells(RulesetVersion version) {
        return ContentCaches.REFUSED_CELLS_OF_KEPT_VERSIONS.get(
                version.jurisdiction() + "|" + version.contentHash(),
                key -> store.files(version.jurisdiction(), version.number())
                        .map(TableTranslation::refusedCells)
                        .orElse(List.of()));
    }

    /** Who made which version active when, oldest first: deployments, activations and rollbacks. */
    public List<RulesetActivation> activations(String jurisdiction) {
        ownFiles(jurisdiction);
        return store.activations(jurisdiction);
    }

    /** Kept records of the jurisdiction that could not be read and were skipped (logged once each). */
    public List<StoredRecordProblem> storeProblems(String jurisdiction) {
        ownFiles(jurisdiction);
        return store.problems(jurisdiction);
    }

    /** The kept version this instance serves for the jurisdiction (what its answers are labelled with). */
    public Optional<Integer> activeVersion(String jurisdiction) {
        return Optional.ofNullable(state.get().versionNumbers().get(jurisdiction));
    }

    /**
     * A jurisdiction's files as it serves them, in its active version or in kept version {@code version}: the
     * base's own; a county's own over the base's active files, each county file standing in for the base file it
     * names (a county's kept version is shown over today's base, as a rollback would serve it).
     */
    public List<RuleFile> servedFiles(String jurisdiction, Optional<Integer> version) {
        State current = state.get();
        List<RuleFile> own = current.own().get(jurisdiction);
        if (own == null) {
            throw new UnknownJurisdictionException(jurisdiction);
        }
        if (version.isPresent()) {
            own = intactFiles(jurisdiction, version.get());
        }
        return RulesetSources.compose(jurisdiction, current.own().get(JurisdictionDescriptor.BASE), own)
                .files();
    }

    /** The jurisdiction's own files as served now (the base's all, a county's its own). */
    public List<RuleFile> ownFiles(String jurisdiction) {
        List<RuleFile> files = state.get().own().get(jurisdiction);
        if (files == null) {
            throw new UnknownJurisdictionException(jurisdiction);
        }
        return files;
    }

    static List<RuleFile> merged(List<RuleFile> own, List<RuleFile> replacements) {
        Map<String, RuleFile> byPath = new LinkedHashMap<>();
        own.forEach(f -> byPath.put(f.path(), f));
        replacements.forEach(f -> byPath.put(f.path(), f));
        return List.copyOf(byPath.values());
    }

    /** Every jurisdiction found, served or refused, the base first, with what its validation found. */
    public List<RulesetValidation> jurisdictions() {
        return List.copyOf(state.get().validations().values());
    }

    /** What validating a jurisdiction found; empty for a code with no folder. */
    public Optional<RulesetValidation> validation(String jurisdiction) {
        return Optional.ofNullable(state.get().validations().get(jurisdiction));
    }

    /** The ruleset currently serving the given jurisdiction. */
    public CompiledRuleset active(String jurisdiction) {
        State current = state.get();
        CompiledRuleset ruleset = current.served().get(jurisdiction);
        if (ruleset != null) {
            return ruleset;
        }
        RulesetValidation refused = current.validations().get(jurisdiction);
        if (refused != null) {
            throw new JurisdictionRefusedException(jurisdiction, refused.findings());
        }
        throw new UnknownJurisdictionException(jurisdiction);
    }

    /** The ruleset the jurisdiction's answers name now (their rulesetVersion); empty while it is refused. */
    public Optional<String> servedVersion(String jurisdiction) {
        ownFiles(jurisdiction);
        return Optional.ofNullable(state.get().served().get(jurisdiction)).map(CompiledRuleset::version);
    }

    /** Whether the jurisdiction is served now (found and valid). */
    public boolean isServed(String jurisdiction) {
        return state.get().served().containsKey(jurisdiction);
    }

    /**
     * The ruleset a request asked for with {@code ?jurisdiction=} (the default when it named none) and
     * its number among the kept versions, read from one state: taken once per request and passed
     * explicitly to every decision the request makes, so an activation in the middle cannot give one
     * request two rulesets, nor label an answer with another version's number.
     */
    public ServedRuleset serving(String jurisdiction) {
        String code = jurisdiction == null ? defaultJurisdiction : jurisdiction;
        State current = state.get();
        CompiledRuleset ruleset = current.served().get(code);
        if (ruleset != null) {
            return new ServedRuleset(ruleset, current.versionNumbers().get(code));
        }
        RulesetValidation refused = current.validations().get(code);
        if (refused != null) {
            throw new JurisdictionRefusedException(code, refused.findings());
        }
        throw new UnknownJurisdictionException(code);
    }

    /**
     * A kept version compiled as it would be served now (a county over the active base), for replaying
     * a decision under it; empty when its files no longer compile. Compiled on demand and kept.
     */
    public RulesetValidation versionForReplay(String jurisdiction, int number) {
        List<RuleFile> files = intactFiles(jurisdiction, number);
        Map<String, List<RuleFile>> own = new LinkedHashMap<>(state.get().own());
        own.put(jurisdiction, files);
        return validate(jurisdiction, own);
    }

    /** Keeps the jurisdiction's inventory of communities (the rows read from it), replacing the one before. */
    public void keepInventory(String jurisdiction, byte[] rows, String keptBy) {
        ownFiles(jurisdiction);
        store.keepInventory(jurisdiction, rows, keptBy);
    }

    public Optional<RulesetStore.KeptInventory> inventory(String jurisdiction) {
        ownFiles(jurisdiction);
        return store.inventory(jurisdiction);
    }

    public CompiledRuleset defaultRuleset() {
        return active(defaultJurisdiction);
    }
}
