package cn.wenzhou.renovation.consent;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The ballots of one vote, summed (from a roster or given as counts). Area in m², exact decimals.
 * A JavaBean so that Drools Test Scenarios can build it. Households that cast no ballot are the
 * rest of the totals.
 */
public class ConsentTally {

    private VoteRound round;
    private LocalDate voteDate;
    private BigDecimal totalArea;
    private int totalHouseholds;
    private BigDecimal agreeingArea = BigDecimal.ZERO;
    private int agreeingHouseholds;
    private BigDecimal disagreeingArea = BigDecimal.ZERO;
    private int disagreeingHouseholds;
    private BigDecimal blankArea = BigDecimal.ZERO;
    private int blankHouseholds;

    public ConsentTally() {}

    /** Used by the legal-basis table: the vote was held on or after this ISO date. */
    public boolean heldOnOrAfter(String isoDate) {
        return !voteDate.isBefore(LocalDate.parse(isoDate));
    }

    /** Used by the legal-basis table: the vote was held on or before this ISO date. */
    public boolean heldOnOrBefore(String isoDate) {
        return !voteDate.isAfter(LocalDate.parse(isoDate));
    }

    /** Agree minus disagree on the basis given: positive when the agreeing side is larger. */
    public int opinionBalance(MajorityBasis basis) {
        return basis == MajorityBasis.AREA
                ? agreeingArea.compareTo(disagreeingArea)
                : Integer.compare(agreeingHouseholds, disagreeingHouseholds);
    }

    /** The votes as the rules count them, once they have decided which way the blank ballots go. */
    public CountedVotes counted(boolean blankBallotsAgree) {
        BigDecimal agreeArea = blankBallotsAgree ? agreeingArea.add(blankArea) : agreeingArea;
        int agree = blankBallotsAgree ? agreeingHouseholds + blankHouseholds : agreeingHouseholds;
        return new CountedVotes(
                totalArea,
                totalHouseholds,
                agreeArea,
                agree,
                agreeingArea.add(disagreeingArea).add(blankArea),
                agreeingHouseholds + disagreeingHouseholds + blankHouseholds);
    }

    public VoteRound getRound() {
        return round;
    }

    public void setRound(VoteRound round) {
        this.round = round;
    }

    public LocalDate getVoteDate() {
        return voteDate;
    }

    public void setVoteDate(LocalDate voteDate) {
        this.voteDate = voteDate;
    }

    public BigDecimal getTotalArea() {
        return totalArea;
    }

    public void setTotalArea(BigDecimal totalArea) {
        this.totalArea = totalArea;
    }

    public int getTotalHouseholds() {
        return totalHouseholds;
    }

    public void setTotalHouseholds(int totalHouseholds) {
        this.totalHouseholds = totalHouseholds;
    }

    public BigDecimal getAgreeingArea() {
        return agreeingArea;
    }

    public void setAgreeingArea(BigDecimal agreeingArea) {
        this.agreeingArea = agreeingArea;
    }

    public int getAgreeingHouseholds() {
        return agreeingHouseholds;
    }

    public void setAgreeingHouseholds(int agreeingHouseholds) {
        this.agreeingHouseholds = agreeingHouseholds;
    }

    public BigDecimal getDisagreeingArea() {
        return disagreeingArea;
    }

    public void setDisagreeingArea(BigDecimal disagreeingArea) {
        this.disagreeingArea = disagreeingArea;
    }

    public int getDisagreeingHouseholds() {
        return disagreeingHouseholds;
    }

    public void setDisagreeingHouseholds(int disagreeingHouseholds) {
        this.disagreeingHouseholds = disagreeingHouseholds;
    }

    public BigDecimal getBlankArea() {
        return blankArea;
    }

    public void setBlankArea(BigDecimal blankArea) {
        this.blankArea = blankArea;
    }

    public int getBlankHouseholds() {
        return blankHouseholds;
    }

    public void setBlankHouseholds(int blankHouseholds) {
        this.blankHouseholds = blankHouseholds;
    }
}
