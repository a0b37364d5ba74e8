package cn.wenzhou.renovation.ruleset.versions;

import cn.wenzhou.renovation.kernel.FieldProblem;
import cn.wenzhou.renovation.kernel.ProblemCode;
import cn.wenzhou.renovation.kernel.ProblemException;
import org.springframework.http.HttpStatus;

/** A rollback named a version that was never kept for the jurisdiction. */
public class UnknownVersionException extends ProblemException {

    private final String jurisdiction;
    private final int version;

    public UnknownVersionException(String jurisdiction, int version) {
        super(
                HttpStatus.NOT_FOUND,
                "Unknown version",
                ProblemCode.UNKNOWN_VERSION,
                "辖区 " + jurisdiction + " 没有版本 " + version + " (no such version)",
                new FieldProblem("version", "没有版本 " + version));
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
