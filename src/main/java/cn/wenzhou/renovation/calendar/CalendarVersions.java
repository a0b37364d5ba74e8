package cn.wenzhou.renovation.calendar;

import cn.wenzhou.renovation.ruleset.engine.RuleFile;
import cn.wenzhou.renovation.ruleset.engine.RulesetFiles;
import cn.wenzhou.renovation.ruleset.versions.ActiveVersionUnavailableException;
import cn.wenzhou.renovation.ruleset.versions.RulesetActivation;
import cn.wenzhou.renovation.ruleset.versions.RulesetStore;
import cn.wenzhou.renovation.ruleset.versions.RulesetVersion;
import cn.wenzhou.renovation.ruleset.versions.StorageUnavailableException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The holiday calendar in force and its kept versions. Staff load a year's notice at runtime the way
 * they activate a rule table: checked, kept as a new version, activated atomically, audited, rolled
 * back, and followed by every instance sharing the store. The calendar is kept in the rules' store
 * under its own key; version 1 is the calendar packaged with the service, and a release that packages
 * a year the calendar in force lacks adds that year as a new version.
 */
@Service
public class CalendarVersions {

    private static final Logger log = LoggerFactory.getLogger(CalendarVersions.class);

    /** The calendar's key in the store: jurisdiction codes have no underscore, so it is never a jurisdiction's. */
    static final String STORE_KEY = "holiday_calendar";

    static final String FILE_PATH = "calendar/cn-public-holidays.csv";
    static final String DEPLOYMENT = "部署";

    private final RulesetStore store;
    private final AtomicReference<Served> served;
    /** Kept versions never change: each is read and parsed once (the listing shows every version's years). */
    private final Map<Integer, OfficialCalendar> parsed = new ConcurrentHashMap<>();

    /** The calendar serving requests and the kept version it is. */
    public record Served(OfficialCalendar calendar, int version) {}

    /** What a check or an activation found, what it would change (or changed), and the version it made, if any. */
    public record NoticeOutcome(
            HolidayNoticeReading reading, Optional<HolidayNoticeDiff> diff, Optional<RulesetVersion> version) {
        public boolean valid() {
            return reading.notice().isPresent();
        }
    }

    public CalendarVersions(RulesetStore store, CalendarProperties properties, ResourceLoader resources) {
        this.store = store;
        OfficialCalendar packaged = packaged(properties, resources);
        this.served = new AtomicReference<>(store.exclusively(STORE_KEY, () -> startWith(packaged)));
        log.info(
                "Holiday calendar version {} covers {}–{}",
                served.get().version(),
                current().coveredYears().first(),
                current().coveredYears().last());
    }

    /** The calendar in force: take it once per request, so one answer never mixes two versions. */
    public OfficialCalendar current() {
        return served.get().calendar();
    }

    public Served served() {
        return served.get();
    }

    /** Checks an upload and shows what it would change, without keeping anything. */
    public NoticeOutcome check(String fileName, byte[] content) {
        HolidayNoticeReading reading = HolidayNoticeReader.read(fileName, content);
        OfficialCalendar calendar = current();
        return new NoticeOutcome(
                reading, reading.notice().map(notice -> HolidayNoticeDiff.between(calendar, notice)), Optional.empty());
    }

    /** Checks the upload and, when it passes, keeps the calendar with its year replaced as a new version and serves it. */
    public synchronized NoticeOutcome activate(String fileName, byte[] content, String user, String comment) {
        HolidayNoticeReading reading = HolidayNoticeReader.read(fileName, content);
        if (reading.notice().isEmpty()) {
            return new NoticeOutcome(reading, Optional.empty(), Optional.empty());
        }
        HolidayNotice notice = reading.notice().get();
        OfficialCalendar before = current();
        OfficialCalendar after = HolidayNoticeDiff.merged(before, notice);
        RulesetVersion version = store.save(STORE_KEY, files(after), user, comment);
        // The store's commit point: if it throws, what was served stays served.
        store.activate(new RulesetActivation(
                STORE_KEY, version.number(), Instant.now(), user, RulesetActivation.Kind.ACTIVATION));
        served.set(new Served(after, version.number()));
        log.info(
                "Holiday calendar version {} activated by {}: notice year {}, now covering {}–{}",
                version.number(),
                user,
                notice.year(),
                after.coveredYears().first(),
                after.coveredYears().last());
        return new NoticeOutcome(reading, Optional.of(HolidayNoticeDiff.between(before, notice)), Optional.of(version));
    }

    /** Makes a kept version the calendar in force again. */
    public synchronized Served rollback(int number, String user) {
        // Checked again now, whatever was read before: a version damaged since is not made active.
        store.damage(STORE_KEY, number).ifPresent(problem -> parsed.remove(number));
        OfficialCalendar calendar = kept(number)
                .orElseThrow(() -> new CalendarNotFoundException("version", "日历没有可用的版本 " + number + "（已保存的版本见版本列表）"));
        store.activate(new RulesetActivation(STORE_KEY, number, Instant.now(), user, RulesetActivation.Kind.ROLLBACK));
        Served now = new Served(calendar, number);
        served.set(now);
        log.info("Holiday calendar rolled back to version {} by {}", number, user);
        return now;
    }

    public List<RulesetVersion> versions() {
        return store.versions(STORE_KEY);
    }

    public List<RulesetActivation> activations() {
        return store.activations(STORE_KEY);
    }

    /** The calendar a kept version holds; empty when there is no such version or its file is damaged. */
    public Optional<OfficialCalendar> kept(int number) {
        OfficialCalendar known = parsed.get(number);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> damage = store.damage(STORE_KEY, number);
        if (damage.isPresent()) {
            log.error("Holiday calendar version {} not used: {}", number, damage.get());
            return Optional.empty();
        }
        Optional<OfficialCalendar> calendar = store.files(STORE_KEY, number).map(CalendarVersions::read);
        calendar.ifPresent(c -> parsed.put(number, c));
        return calendar;
    }

    /** Serves what another instance sharing the store activated or rolled back. Cheap when nothing changed. */
    @Scheduled(
            fixedDelayString = "${renovation.ruleset-follow-interval:2s}",
            initialDelayString = "${renovation.ruleset-follow-interval:2s}")
    public synchronized void followStore() {
        Optional<Integer> stored;
        try {
            stored = store.activeVersion(STORE_KEY);
        } catch (RuntimeException unreachable) {
            log.warn("Cannot read the holiday calendar's active version from the store: {}", unreachable.toString());
            return;
        }
        if (stored.isEmpty() || stored.get() == served.get().version()) {
            return;
        }
        Optional<OfficialCalendar> calendar = kept(stored.get());
        if (calendar.isEmpty()) {
            return;
        }
        served.set(new Served(calendar.get(), stored.get()));
        log.info("Following the store: holiday calendar version {}", stored.get());
    }

    private Served startWith(OfficialCalendar packaged) {
        String packagedHash = RulesetFiles.contentHash(files(packaged));
        Optional<Integer> active;
        try {
            active = store.activeVersion(STORE_KEY);
        } catch (ActiveVersionUnavailableException unreadable) {
            // Working days must not stop every answer: serve the packaged calendar, recorded as a version of its own.
            log.error(
                    "The holiday calendar's active version cannot be read ({}); serving the packaged calendar",
                    unreadable.getMessage());
            return keep(packaged, packagedHash, RulesetActivation.Kind.RECOVERY, "启用版本记录无法读取，改用随程序部署的日历");
        }
        if (active.isEmpty()) {
            return keep(packaged, packagedHash, RulesetActivation.Kind.DEPLOYMENT, "随程序部署的法定节假日日历");
        }
        store.completeInterruptedActivation(STORE_KEY);
        Optional<OfficialCalendar> kept = kept(active.get());
        if (kept.isEmpty()) {
            log.error(
                    "The active holiday calendar version {} cannot be read; serving the packaged calendar as a new version",
                    active.get());
            return keep(
                    packaged,
                    packagedHash,
                    RulesetActivation.Kind.RECOVERY,
                    "启用版本 " + active.get() + " 无法读取，改用随程序部署的日历");
        }
        if (store.lastDeployed(STORE_KEY).filter(packagedHash::equals).isPresent()) {
            return new Served(kept.get(), active.get());
        }
        // A release with a different packaged calendar: it adds the years the calendar in force lacks, and
        // never replaces a year staff loaded (they may have corrected it since the release was built).
        List<Integer> newYears = packaged.coveredYears().stream()
                .filter(y -> !kept.get().coveredYears().contains(y))
                .toList();
        if (newYears.isEmpty()) {
            store.recordDeployed(STORE_KEY, packagedHash);
            return new Served(kept.get(), active.get());
        }
        OfficialCalendar merged = kept.get();
        for (int year : newYears) {
            merged = HolidayNoticeDiff.merged(merged, packaged.notice(year));
        }
        return keep(
                merged,
                packagedHash,
                RulesetActivation.Kind.DEPLOYMENT,
                "随程序部署的日历补充了 "
                        + String.join(
                                "、", newYears.stream().map(String::valueOf).toList()) + " 年");
    }

    /** Keeps the deployment's calendar (or the recovery's) as a new version and serves it. */
    private Served keep(OfficialCalendar calendar, String packagedHash, RulesetActivation.Kind kind, String comment) {
        RulesetVersion version = store.save(STORE_KEY, files(calendar), DEPLOYMENT, comment);
        store.activate(new RulesetActivation(STORE_KEY, version.number(), Instant.now(), DEPLOYMENT, kind));
        store.recordDeployed(STORE_KEY, packagedHash);
        return new Served(calendar, version.number());
    }

    private static List<RuleFile> files(OfficialCalendar calendar) {
        return List.of(new RuleFile(FILE_PATH, CalendarFile.write(calendar).getBytes(StandardCharsets.UTF_8)));
    }

    private static OfficialCalendar read(List<RuleFile> files) {
        RuleFile file = files.stream()
                .filter(f -> f.path().equals(FILE_PATH))
                .findFirst()
                .orElseThrow(() -> new StorageUnavailableException("日历版本中没有 " + FILE_PATH, "文件缺失 (missing)"));
        try (InputStream in = new ByteArrayInputStream(file.content())) {
            return CalendarFile.read(in, FILE_PATH);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OfficialCalendar packaged(CalendarProperties properties, ResourceLoader resources) {
        // A bare path is a file on disk, as for the rule folders.
        Resource file = properties.file().contains(":")
                ? resources.getResource(properties.file())
                : new FileSystemResource(properties.file());
        if (!file.exists()) {
            throw new IllegalStateException("节假日日历文件不存在: " + properties.file() + " (renovation.calendar.file)");
        }
        try (InputStream in = file.getInputStream()) {
            return CalendarFile.read(in, properties.file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
