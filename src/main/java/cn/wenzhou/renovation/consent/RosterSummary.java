package cn.wenzhou.renovation.consent;

import cn.wenzhou.renovation.kernel.Decimals;
import cn.wenzhou.renovation.kernel.InvalidFieldException;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sums a roster (annex 2: one line per household) into ballots per opinion. Only room number, area
 * and ballot reach this class: names, ID numbers and phones are dropped at the controller and go
 * nowhere else.
 */
final class RosterSummary {

    /** One household's line, without its personal data. */
    record Line(String roomNumber, BigDecimal exclusiveArea, Opinion opinion) {}

    enum Opinion {
        AGREE,
        DISAGREE,
        SIGNED_BLANK,
        NO_BALLOT
    }

    private final List<Line> lines;

    private RosterSummary(List<Line> lines) {
        this.lines = lines;
    }

    /**
     * Checks room numbers are unique (ignoring spaces, case and full-width forms) and areas exact.
     *
     * @param field the roster's JSON path, for field names in problems
     */
    static RosterSummary of(List<Line> lines, String field) {
        Map<String, Integer> seen = new HashMap<>();
        List<Line> checked = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            String room = line.roomNumber().strip();
            String key = Normalizer.normalize(room, Normalizer.Form.NFKC)
                    .replaceAll("\\s+", "")
                    .toUpperCase(Locale.ROOT);
            Integer first = seen.putIfAbsent(key, i);
            if (first != null) {
                throw new InvalidFieldException(
                        field + "[" + i + "].roomNumber",
                        "房号 " + room + " 与 " + field + "[" + first + "] 重复：一户只能表决一次 (duplicate room number)");
            }
            BigDecimal area = Decimals.squareMetres(field + "[" + i + "].exclusiveArea", line.exclusiveArea());
            checked.add(new Line(room, area, line.opinion()));
        }
        return new RosterSummary(checked);
    }

    int size() {
        return lines.size();
    }

    Line line(int index) {
        return lines.get(index);
    }

    BigDecimal totalArea() {
        return lines.stream().map(Line::exclusiveArea).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    void addTo(ConsentTally tally) {
        tally.setAgreeingHouseholds(households(Opinion.AGREE));
        tally.setAgreeingArea(area(Opinion.AGREE));
        tally.setDisagreeingHouseholds(households(Opinion.DISAGREE));
        tally.setDisagreeingArea(area(Opinion.DISAGREE));
        tally.setBlankHouseholds(households(Opinion.SIGNED_BLANK));
        tally.setBlankArea(area(Opinion.SIGNED_BLANK));
    }

    /** Annex 2's room-number summary: the rooms that agreed, and the blank ballots if the rules counted them. */
    List<String> agreeingRooms(boolean blankBallotsAgree) {
        return lines.stream()
                .filter(l -> l.opinion() == Opinion.AGREE || (blankBallotsAgree && l.opinion() == Opinion.SIGNED_BLANK))
                .map(Line::roomNumber)
                .toList();
    }

    private int households(Opinion opinion) {
        return (int) lines.stream().filter(l -> l.opinion() == opinion).count();
    }

    private BigDecimal area(Opinion opinion) {
        return lines.stream()
                .filter(l -> l.opinion() == opinion)
                .map(Line::exclusiveArea)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
