package cn.wenzhou.renovation.ruleset.versions;

/**
 * The points between the writes of an activation in a file store. The fault test halts the process at
 * each of them ({@link #HALT_PROPERTY}) and checks what a restart serves.
 */
enum ActivationStep {
    /** The new version's files are in its staging folder, not yet renamed into place. */
    VERSION_FILES_WRITTEN,
    /** The version is kept (renamed into place); the active pointer still names the old one. */
    VERSION_KEPT,
    /** The active pointer names the new version (and carries its audit record); the audit line is not yet appended. */
    POINTER_WRITTEN,
    /** The audit line is appended; the process has not yet swapped the served ruleset. */
    AUDIT_WRITTEN;

    /**
     * Test only: the JVM system property {@code -Drenovation.fault-test.halt-at=POINTER_WRITTEN} makes the
     * process halt ({@code Runtime.halt}, as abruptly as kill -9) when an activation reaches that step.
     * Without the property every step is a no-op.
     */
    static final String HALT_PROPERTY = "renovation.fault-test.halt-at";
    /** The exit status of such a halt, so the test can tell it from any other exit. */
    static final int HALT_STATUS = 86;

    /** Told of each step an activation reaches. */
    interface Listener {
        void reached(ActivationStep step);

        Listener NONE = step -> {};

        /** Halts at the step the system property names; a no-op when it names none. */
        static Listener fromSystemProperty() {
            String haltAt = System.getProperty(HALT_PROPERTY);
            if (haltAt == null || haltAt.isBlank()) {
                return NONE;
            }
            ActivationStep target = ActivationStep.valueOf(haltAt.strip());
            return step -> {
                if (step == target) {
                    Runtime.getRuntime().halt(HALT_STATUS);
                }
            };
        }
    }
}
