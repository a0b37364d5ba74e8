package cn.wenzhou.renovation.ruleset.versions;

/** A request named a jurisdiction the service has no ruleset for. */
public class UnknownJurisdictionException extends RuntimeException {

    private final String jurisdiction;

    public UnknownJurisdictionException(String jurisdiction) {
        super("Unknown jurisdiction: " + jurisdiction);
        this.jurisdiction = jurisdiction;
    }

    public String jurisdiction() {
        return jurisdiction;
    }
}
