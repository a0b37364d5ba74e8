package cn.wenzhou.renovation.approval;

/** How the guide treats one approval step for a given project. */
public enum StepTreatment {
    /** Must be done as usual. */
    REQUIRED,
    /** Compiled and approved together with other steps (§4(四)). */
    MERGED,
    /** Not needed at all. */
    WAIVED,
    /** Done, with fewer documents or another form (joint acceptance, commitment letter). */
    SIMPLIFIED,
    /** Does not arise for this project (e.g. expert review when standards can be met). */
    NOT_APPLICABLE
}
