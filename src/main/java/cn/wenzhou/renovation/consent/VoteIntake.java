package cn.wenzhou.renovation.consent;

import cn.wenzhou.renovation.api.model.ConsentCounts;
import cn.wenzhou.renovation.api.model.ConsentTallyRequest;
import cn.wenzhou.renovation.api.model.RosterEntry;
import cn.wenzhou.renovation.kernel.Decimals;
import cn.wenzhou.renovation.kernel.InvalidFieldException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Reads a vote from the API into a {@link ConsentTally}, checking only that the figures are
 * possible: no more ballots than households, no more area than the building beyond rounding, no
 * room twice, no vote in the future. What the figures mean is for the rules. Roster names, ID
 * numbers and phones are never read.
 */
final class VoteIntake {

    /** Counts give three entries (agree, disagree, blank), each rounded. */
    private static final int COUNT_ENTRIES = 3;

    record Vote(ConsentTally tally, RosterSummary roster) {}

    private final ConsentProperties properties;
    private final Clock clock;

    VoteIntake(ConsentProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param prefix      the JSON path of the vote within the request body, for field names in problems
     * @param rosterField what the body calls its list of households
     */
    Vote read(ConsentTallyRequest request, String prefix, String rosterField) {
        ConsentTally tally = new ConsentTally();
        tally.setRound(VoteRound.valueOf(request.getRound().getValue()));
        tally.setVoteDate(pastOrToday(request.getVoteDate(), prefix));
        tally.setTotalArea(Decimals.squareMetres(prefix + "totalExclusiveArea", request.getTotalExclusiveArea()));
        tally.setTotalHouseholds(request.getTotalHouseholds());

        boolean hasCounts = request.getCounts() != null;
        boolean hasRoster = request.getRoster() != null && !request.getRoster().isEmpty();
        if (hasCounts == hasRoster) {
            throw new InvalidFieldException(
                    prefix + (hasCounts ? rosterField : "counts"),
                    "counts（汇总数）与 roster（逐户名册）须且只须提交其一 (give exactly one of counts or roster)");
        }
        if (hasCounts) {
            String countsPrefix = prefix + "counts.";
            addCounts(request.getCounts(), tally, countsPrefix);
            checkCountTotals(tally, countsPrefix, prefix);
            return new Vote(tally, null);
        }
        RosterSummary roster = roster(request.getRoster(), tally, prefix + rosterField);
        roster.addTo(tally);
        checkRosterArea(tally, roster, prefix + rosterField, prefix);
        return new Vote(tally, roster);
    }

    private LocalDate pastOrToday(LocalDate voteDate, String prefix) {
        LocalDate today = LocalDate.now(clock);
        if (voteDate.isAfter(today)) {
            throw new InvalidFieldException(
                    prefix + "voteDate",
                    "表决日期 " + voteDate + " 晚于今天 " + today + "：尚未举行的表决无法计票 (the vote date is in the future)");
        }
        return voteDate;
    }

    private static void addCounts(ConsentCounts counts, ConsentTally tally, String prefix) {
        tally.setAgreeingHouseholds(counts.getAgreeingHouseholds());
        tally.setAgreeingArea(area(prefix + "agreeingArea", counts.getAgreeingArea(), counts.getAgreeingHouseholds()));
        tally.setDisagreeingHouseholds(counts.getDisagreeingHouseholds());
        tally.setDisagreeingArea(
                area(prefix + "disagreeingArea", counts.getDisagreeingArea(), counts.getDisagreeingHouseholds()));
        tally.setBlankHouseholds(counts.getBlankHouseholds());
        tally.setBlankArea(area(prefix + "blankArea", counts.getBlankArea(), counts.getBlankHouseholds()));
    }

    /** Households without area, or area without households, cannot both be right. */
    private static BigDecimal area(String field, BigDecimal area, int households) {
        BigDecimal exact = Decimals.squareMetres(field, area);
        if ((households == 0) != (exact.signum() == 0)) {
            throw new InvalidFieldException(
                    field,
                    "户数为 " + households + " 而面积为 " + exact.toPlainString()
                            + " m²：户数与面积须同为零或同不为零 (households and area contradict each other)");
        }
        return exact;
    }

    private RosterSummary roster(List<RosterEntry> entries, ConsentTally tally, String field) {
        if (entries.size() > properties.maxRosterEntries()) {
            throw new InvalidFieldException(field, "名册最多 " + properties.maxRosterEntries() + " 户 (roster too long)");
        }
        if (entries.size() > tally.getTotalHouseholds()) {
            // The first line past the total is the one that cannot be.
            throw new InvalidFieldException(
                    field + "[" + tally.getTotalHouseholds() + "]",
                    "名册有 " + entries.size()
                            + " 户，多于总户数 " + tally.getTotalHouseholds() + "：第 " + (tally.getTotalHouseholds() + 1)
                            + " 户起超出总户数 (more households listed than in total)");
        }
        return RosterSummary.of(
                entries.stream()
                        .map(e -> new RosterSummary.Line(
                                e.getRoomNumber(),
                                e.getExclusiveArea(),
                                RosterSummary.Opinion.valueOf(e.getBallot().getValue())))
                        .toList(),
                field);
    }

    /**
     * Ballots cannot outnumber households, nor their areas the building beyond rounding. A figure that
     * alone is impossible is named; when only their sum is, the total they exceed is.
     */
    private void checkCountTotals(ConsentTally tally, String countsPrefix, String prefix) {
        int total = tally.getTotalHouseholds();
        householdsWithin(total, countsPrefix + "agreeingHouseholds", tally.getAgreeingHouseholds(), "同意");
        householdsWithin(total, countsPrefix + "disagreeingHouseholds", tally.getDisagreeingHouseholds(), "不同意");
        householdsWithin(total, countsPrefix + "blankHouseholds", tally.getBlankHouseholds(), "空白票");
        int households = tally.getAgreeingHouseholds() + tally.getDisagreeingHouseholds() + tally.getBlankHouseholds();
        if (households > total) {
            throw new InvalidFieldException(
                    prefix + "totalHouseholds",
                    "总户数 " + total + " 少于同意、不同意与空白票合计 " + households + " 户 (more ballots than households)");
        }
        areaWithin(tally, countsPrefix + "agreeingArea", tally.getAgreeingArea(), "同意户");
        areaWithin(tally, countsPrefix + "disagreeingArea", tally.getDisagreeingArea(), "不同意户");
        areaWithin(tally, countsPrefix + "blankArea", tally.getBlankArea(), "空白票户");
        BigDecimal balloted =
                tally.getAgreeingArea().add(tally.getDisagreeingArea()).add(tally.getBlankArea());
        sumWithin(tally, balloted, COUNT_ENTRIES, prefix + "totalExclusiveArea", "同意、不同意与空白票户的面积合计");
    }

    /** Every listed household's area counts against the building, whether it voted or not. */
    private void checkRosterArea(ConsentTally tally, RosterSummary roster, String rosterField, String prefix) {
        for (int i = 0; i < roster.size(); i++) {
            areaWithin(
                    tally,
                    rosterField + "[" + i + "].exclusiveArea",
                    roster.line(i).exclusiveArea(),
                    "该户");
        }
        sumWithin(tally, roster.totalArea(), roster.size(), prefix + "totalExclusiveArea", "名册所列面积合计");
    }

    private static void householdsWithin(int total, String field, int households, String opinion) {
        if (households > total) {
            throw new InvalidFieldException(
                    field, opinion + " " + households + " 户，多于总户数 " + total + " (more households than in total)");
        }
    }

    private void areaWithin(ConsentTally tally, String field, BigDecimal area, String whose) {
        BigDecimal tolerance = properties.areaRoundingPerEntry();
        if (area.subtract(tally.getTotalArea()).compareTo(tolerance) > 0) {
            throw new InvalidFieldException(
                    field,
                    whose + "面积 " + area.toPlainString() + " m² 超过总面积 "
                            + tally.getTotalArea().toPlainString() + " m² (area exceeds the total)");
        }
    }

    private void sumWithin(ConsentTally tally, BigDecimal sum, int entries, String totalField, String what) {
        BigDecimal tolerance = properties.areaRoundingPerEntry().multiply(BigDecimal.valueOf(entries));
        if (sum.subtract(tally.getTotalArea()).compareTo(tolerance) > 0) {
            throw new InvalidFieldException(
                    totalField,
                    "总面积 " + tally.getTotalArea().toPlainString() + " m² 小于"
                            + what + " " + sum.toPlainString() + " m²（允许的舍入误差 "
                            + tolerance.stripTrailingZeros().toPlainString() + " m²） (areas exceed the total)");
        }
    }
}
