package cn.wenzhou.renovation.consent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

/**
 * A vote the statutory guard puts to a ruleset: 1,000 households of 1,000.00 m² in all, where the
 * floor's share falls one household (or 0.01 m²) short of the law and every other share is close to
 * everyone. A lawful ruleset must find such a vote insufficient, whatever its tables and DRL say.
 *
 * <p>It also records the dates the legal-basis rows ask about ({@link #heldOnOrAfter}), so the guard
 * can probe the days around each date a county's table changes which rules are in force.
 */
final class FloorProbeVote extends ConsentTally {

    static final int HOUSEHOLDS = 1000;
    static final BigDecimal AREA = new BigDecimal("1000.00");
    private static final BigDecimal SMALLEST_AREA = new BigDecimal("0.01");

    private final Set<LocalDate> datesAsked = new TreeSet<>();

    private FloorProbeVote(LocalDate date, VoteRound round) {
        setVoteDate(date);
        setRound(round);
        setTotalArea(AREA);
        setTotalHouseholds(HOUSEHOLDS);
    }

    /** Everyone agrees: every share is 1, so every requirement row in force fires. */
    static FloorProbeVote unanimous(LocalDate date, VoteRound round) {
        FloorProbeVote vote = new FloorProbeVote(date, round);
        vote.setAgreeingArea(AREA);
        vote.setAgreeingHouseholds(HOUSEHOLDS);
        return vote;
    }

    /** The floor's share just below its minimum, every other share as high as that allows. */
    static FloorProbeVote justBelow(StatutoryFloor floor, LocalDate date, VoteRound round) {
        FloorProbeVote vote = new FloorProbeVote(date, round);
        int households =
                floor.minimum().largestBelow(BigDecimal.valueOf(HOUSEHOLDS), 0).intValueExact();
        BigDecimal area = floor.minimum().largestBelow(AREA, 2);
        switch (floor.measure()) {
            case PARTICIPATING_HOUSEHOLDS_OF_TOTAL -> {
                // The households who stay away own 0.01 m² each: the area share stays close to all.
                vote.setAgreeingHouseholds(households);
                vote.setAgreeingArea(
                        AREA.subtract(SMALLEST_AREA.multiply(BigDecimal.valueOf(HOUSEHOLDS - households))));
            }
            case AGREEING_HOUSEHOLDS_OF_TOTAL, AGREEING_HOUSEHOLDS_OF_PARTICIPATING -> {
                BigDecimal disagreeingArea = SMALLEST_AREA.multiply(BigDecimal.valueOf(HOUSEHOLDS - households));
                vote.setAgreeingHouseholds(households);
                vote.setAgreeingArea(AREA.subtract(disagreeingArea));
                vote.setDisagreeingHouseholds(HOUSEHOLDS - households);
                vote.setDisagreeingArea(disagreeingArea);
            }
            case PARTICIPATING_AREA_OF_TOTAL -> {
                // One large household stays away.
                vote.setAgreeingHouseholds(HOUSEHOLDS - 1);
                vote.setAgreeingArea(area);
            }
            case AGREEING_AREA_OF_TOTAL, AGREEING_AREA_OF_PARTICIPATING -> {
                vote.setAgreeingHouseholds(HOUSEHOLDS - 1);
                vote.setAgreeingArea(area);
                vote.setDisagreeingHouseholds(1);
                vote.setDisagreeingArea(AREA.subtract(area));
            }
        }
        return vote;
    }

    @Override
    public boolean heldOnOrAfter(String isoDate) {
        datesAsked.add(LocalDate.parse(isoDate));
        return super.heldOnOrAfter(isoDate);
    }

    @Override
    public boolean heldOnOrBefore(String isoDate) {
        datesAsked.add(LocalDate.parse(isoDate));
        return super.heldOnOrBefore(isoDate);
    }

    Set<LocalDate> datesAsked() {
        return datesAsked;
    }

    /** The floor's share of this vote, as a fraction, for the finding. */
    String share(Measure measure) {
        return measure.of(counted(false)).fraction();
    }
}
