package cn.wenzhou.renovation.consent;

import cn.wenzhou.renovation.kernel.ExactRatio;
import java.math.BigDecimal;

/** A share the consent rules set a minimum for: what is counted, over what. */
public enum Measure {
    AGREEING_AREA_OF_TOTAL("同意业主专有部分面积占建筑物总面积"),
    AGREEING_HOUSEHOLDS_OF_TOTAL("同意业主户数占总户数"),
    PARTICIPATING_AREA_OF_TOTAL("参与表决业主专有部分面积占建筑物总面积"),
    PARTICIPATING_HOUSEHOLDS_OF_TOTAL("参与表决业主户数占总户数"),
    AGREEING_AREA_OF_PARTICIPATING("同意业主专有部分面积占参与表决面积"),
    AGREEING_HOUSEHOLDS_OF_PARTICIPATING("同意业主户数占参与表决户数");

    private final String label;

    Measure(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The key of this measure's column in the thresholds table's rule template ({@code agreeingAreaOfTotal}): its
     * name in camel case, so that a finding about a minimum points at the cell that set it.
     */
    public String templateKey() {
        String[] words = name().toLowerCase(java.util.Locale.ROOT).split("_");
        StringBuilder key = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            key.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return key.toString();
    }

    /**
     * Whether this share is never larger than the other, for any vote, so that a minimum on this one
     * guarantees the same minimum on the other. Agreeing ÷ total is at most participating ÷ total
     * (those who agree take part) and at most agreeing ÷ participating (those who take part are no
     * more than all): arithmetic, not policy.
     */
    boolean bounds(Measure other) {
        return this == other
                || this == AGREEING_AREA_OF_TOTAL
                        && (other == PARTICIPATING_AREA_OF_TOTAL || other == AGREEING_AREA_OF_PARTICIPATING)
                || this == AGREEING_HOUSEHOLDS_OF_TOTAL
                        && (other == PARTICIPATING_HOUSEHOLDS_OF_TOTAL
                                || other == AGREEING_HOUSEHOLDS_OF_PARTICIPATING);
    }

    /** The share this measure takes of the counted votes. */
    ExactRatio of(CountedVotes v) {
        return switch (this) {
            case AGREEING_AREA_OF_TOTAL -> ExactRatio.of(v.agreeingArea(), v.totalArea());
            case AGREEING_HOUSEHOLDS_OF_TOTAL -> ExactRatio.of(v.agreeingHouseholds(), v.totalHouseholds());
            case PARTICIPATING_AREA_OF_TOTAL -> ExactRatio.of(v.participatingArea(), v.totalArea());
            case PARTICIPATING_HOUSEHOLDS_OF_TOTAL -> ExactRatio.of(v.participatingHouseholds(), v.totalHouseholds());
            case AGREEING_AREA_OF_PARTICIPATING -> ExactRatio.of(v.agreeingArea(), v.participatingArea());
            case AGREEING_HOUSEHOLDS_OF_PARTICIPATING ->
                ExactRatio.of(v.agreeingHouseholds(), v.participatingHouseholds());
        };
    }

    /** What the share is taken of, for display: an area or a number of households. */
    BigDecimal whole(CountedVotes v) {
        return switch (this) {
            case AGREEING_AREA_OF_TOTAL, PARTICIPATING_AREA_OF_TOTAL -> v.totalArea();
            case AGREEING_HOUSEHOLDS_OF_TOTAL, PARTICIPATING_HOUSEHOLDS_OF_TOTAL ->
                BigDecimal.valueOf(v.totalHouseholds());
            case AGREEING_AREA_OF_PARTICIPATING -> v.participatingArea();
            case AGREEING_HOUSEHOLDS_OF_PARTICIPATING -> BigDecimal.valueOf(v.participatingHouseholds());
        };
    }

    /** The part of this measure in the counted votes, for display: an area or a number of households. */
    BigDecimal part(CountedVotes v) {
        return switch (this) {
            case AGREEING_AREA_OF_TOTAL, AGREEING_AREA_OF_PARTICIPATING -> v.agreeingArea();
            case PARTICIPATING_AREA_OF_TOTAL -> v.participatingArea();
            case AGREEING_HOUSEHOLDS_OF_TOTAL, AGREEING_HOUSEHOLDS_OF_PARTICIPATING ->
                BigDecimal.valueOf(v.agreeingHouseholds());
            case PARTICIPATING_HOUSEHOLDS_OF_TOTAL -> BigDecimal.valueOf(v.participatingHouseholds());
        };
    }
}
