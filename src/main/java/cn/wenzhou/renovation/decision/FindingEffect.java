package cn.wenzhou.renovation.decision;

/** What one fired rule says about a decision, in every capability. */
public enum FindingEffect {
    /** The community qualifies for priority renovation (重点改造). */
    QUALIFIES_FOR_PRIORITY,
    /** The community may be included (可纳入). */
    QUALIFIES_FOR_INCLUSION,
    /** A condition the guide sets is met. */
    CONDITION_MET,
    /** A condition the guide (or a statute) sets is not met: the answer is no. */
    CONDITION_FAILED,
    /** The housing area is outside the guide's scope altogether. */
    OUTSIDE_SCOPE,
    /** Whether a condition is met cannot be told from the data the service holds (a year's holiday notice, say). */
    NOT_DETERMINED;

    public boolean blocks() {
        return this == CONDITION_FAILED || this == OUTSIDE_SCOPE;
    }
}
