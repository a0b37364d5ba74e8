package cn.wenzhou.renovation.calendar;

import cn.wenzhou.renovation.api.CalendarAdminApi;
import cn.wenzhou.renovation.api.model.CalendarDayChange;
import cn.wenzhou.renovation.api.model.CalendarDayInfo;
import cn.wenzhou.renovation.api.model.CalendarListing;
import cn.wenzhou.renovation.api.model.CalendarNoticeFinding;
import cn.wenzhou.renovation.api.model.CalendarNoticeReport;
import cn.wenzhou.renovation.api.model.CalendarVersionInfo;
import cn.wenzhou.renovation.api.model.RulesetActivationInfo;
import cn.wenzhou.renovation.kernel.InvalidFieldException;
import cn.wenzhou.renovation.kernel.PayloadTooLargeException;
import cn.wenzhou.renovation.ruleset.versions.RulesetVersion;
import cn.wenzhou.renovation.web.SignedInStaff;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Check, activate, list and roll back the holiday calendar. The checks and the versions are {@link CalendarVersions}'. */
@RestController
class CalendarAdminController implements CalendarAdminApi {

    private final CalendarVersions calendars;
    private final DataSize maxNoticeFile;

    CalendarAdminController(
            CalendarVersions calendars, @Value("${renovation.limits.max-calendar-file:512KB}") DataSize maxNoticeFile) {
        this.calendars = calendars;
        this.maxNoticeFile = maxNoticeFile;
    }

    @Override
    public ResponseEntity<CalendarNoticeReport> checkHolidayNotice(MultipartFile file) {
        return ResponseEntity.ok(report(calendars.check(name(file), bytes(file))));
    }

    @Override
    public ResponseEntity<CalendarNoticeReport> activateHolidayNotice(MultipartFile file, String comment) {
        if (comment == null || comment.isBlank()) {
            throw new InvalidFieldException("comment", "请写明启用的原因，如“载入国务院办公厅关于2027年部分节假日安排的通知”");
        }
        CalendarVersions.NoticeOutcome outcome =
                calendars.activate(name(file), bytes(file), SignedInStaff.name(), comment.strip());
        return ResponseEntity.status(outcome.valid() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
                .body(report(outcome));
    }

    @Override
    public ResponseEntity<CalendarListing> listCalendarVersions() {
        return ResponseEntity.ok(listing());
    }

    @Override
    public ResponseEntity<CalendarListing> rollbackCalendar(Integer version) {
        calendars.rollback(version, SignedInStaff.name());
        return ResponseEntity.ok(listing());
    }

    private CalendarListing listing() {
        CalendarVersions.Served served = calendars.served();
        return new CalendarListing()
                .activeVersion(served.version())
                .coveredYears(List.copyOf(served.calendar().coveredYears()))
                .lastCoveredDay(served.calendar().lastCoveredDay())
                .versions(calendars.versions().stream()
                        .map(v -> info(v, v.number() == served.version()))
                        .toList())
                .activations(calendars.activations().stream()
                        .map(a -> new RulesetActivationInfo()
                                .version(a.version())
                                .at(a.at().atOffset(ZoneOffset.UTC))
                                .by(a.by())
                                .kind(RulesetActivationInfo.KindEnum.valueOf(
                                        a.kind().name())))
                        .toList());
    }

    private CalendarVersionInfo info(RulesetVersion version, boolean active) {
        return new CalendarVersionInfo()
                .number(version.number())
                .contentHash(version.contentHash())
                .activatedAt(version.activatedAt().atOffset(ZoneOffset.UTC))
                .activatedBy(version.activatedBy())
                .comment(version.comment())
                .active(active)
                .coveredYears(calendars
                        .kept(version.number())
                        .map(c -> List.copyOf(c.coveredYears()))
                        .orElse(List.of()));
    }

    private CalendarNoticeReport report(CalendarVersions.NoticeOutcome outcome) {
        CalendarNoticeReport report = new CalendarNoticeReport()
                .valid(outcome.valid())
                .noticeYears(
                        outcome.reading().notice().map(n -> List.of(n.year())).orElse(List.of()))
                .findings(outcome.reading().findings().stream()
                        .map(f -> new CalendarNoticeFinding()
                                .file(f.file())
                                .sheet(f.sheet())
                                .where(f.where())
                                .field(f.field())
                                .location(f.location())
                                .message(f.message()))
                        .toList());
        outcome.diff()
                .ifPresent(diff -> report.newYears(diff.newYear() ? List.of(diff.year()) : List.of())
                        .added(diff.added().stream()
                                .map(CalendarAdminController::day)
                                .toList())
                        .changed(diff.changed().stream()
                                .map(c -> new CalendarDayChange(day(c.before()), day(c.after())))
                                .toList())
                        .removed(diff.removed().stream()
                                .map(CalendarAdminController::day)
                                .toList()));
        outcome.version().ifPresent(v -> report.version(info(v, true)));
        return report;
    }

    private static CalendarDayInfo day(CalendarDay day) {
        return new CalendarDayInfo(
                day.date(),
                CalendarDayInfo.KindEnum.valueOf(day.kind().name()),
                day.holiday(),
                day.noticeYear(),
                day.source());
    }

    /** The upload's bytes, refused before they are read when over the limit: a notice is a few kilobytes. */
    private byte[] bytes(MultipartFile file) {
        if (file.getSize() > maxNoticeFile.toBytes()) {
            throw new PayloadTooLargeException(
                    "file", "放假安排文件超过 " + maxNoticeFile.toKilobytes() + " KB（一年的通知通常只有几 KB），请检查是否上传了别的文件");
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(MultipartFile file) {
        return Optional.ofNullable(file.getOriginalFilename())
                .filter(n -> !n.isBlank())
                .orElse("上传的文件");
    }
}
