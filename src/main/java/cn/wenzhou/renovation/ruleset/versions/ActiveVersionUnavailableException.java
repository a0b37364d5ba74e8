package cn.wenzhou.renovation.ruleset.versions;

/**
 * The version a jurisdiction's active pointer names cannot be served as it was kept: the pointer is
 * missing or unreadable, or the version's folder, record or files are missing or damaged. The
 * service then does not start (unless {@code renovation.on-missing-active-version=serve-deployed}),
 * rather than silently serve other rules under that jurisdiction.
 */
public class ActiveVersionUnavailableException extends RuntimeException {

    private final String jurisdiction;
    private final String problem;

    public ActiveVersionUnavailableException(String jurisdiction, String problem) {
        super("辖区 '" + jurisdiction + "' 的启用版本不可用 (the active version of " + jurisdiction
                + " is missing or unreadable): " + problem);
        this.jurisdiction = jurisdiction;
        this.problem = problem;
    }

    public String jurisdiction() {
        return jurisdiction;
    }

    /** What is missing or damaged, naming the file. */
    public String problem() {
        return problem;
    }
}
