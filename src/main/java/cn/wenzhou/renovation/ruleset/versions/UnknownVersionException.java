package cn.wenzhou.renovation.ruleset.versions;

/** A rollback named a version that was never kept for the jurisdiction. */
public class UnknownVersionException extends RuntimeException {

    private final String jurisdiction;
    private final int version;

    public UnknownVersionException(String jurisdiction, int version) {
        super("No version " + version + " of " + jurisdiction);
        this.jurisdiction = jurisdiction;
        this.version = version;
    }

    public String jurisdiction() {
        return jurisdiction;
    }

    public int version() {
        return version;
    }
}
