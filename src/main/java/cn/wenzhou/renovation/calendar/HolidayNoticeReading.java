package cn.wenzhou.renovation.calendar;

import java.util.List;
import java.util.Optional;

/** An uploaded notice as read: the notice when nothing is wrong with it, otherwise every finding. */
record HolidayNoticeReading(Optional<HolidayNotice> notice, List<NoticeFinding> findings) {

    static HolidayNoticeReading refused(List<NoticeFinding> findings) {
        return new HolidayNoticeReading(Optional.empty(), List.copyOf(findings));
    }
}
