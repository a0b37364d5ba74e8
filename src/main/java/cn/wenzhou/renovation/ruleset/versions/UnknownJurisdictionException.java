package cn.wenzhou.renovation.ruleset.versions;

import cn.wenzhou.renovation.kernel.FieldProblem;
import cn.wenzhou.renovation.kernel.ProblemCode;
import cn.wenzhou.renovation.kernel.ProblemException;
import org.springframework.http.HttpStatus;

/** A request named a jurisdiction the service has no ruleset for. */
public class UnknownJurisdictionException extends ProblemException {

    private final String jurisdiction;

    public UnknownJurisdictionException(String jurisdiction) {
        super(
                HttpStatus.NOT_FOUND,
                "Unknown jurisdiction",
                ProblemCode.UNKNOWN_JURISDICTION,
                "没有辖区 '" + jurisdiction + "' 的规则集 (unknown jurisdiction)",
                new FieldProblem("jurisdiction", "未知辖区代码 " + jurisdiction));
        this.jurisdiction = jurisdiction;
    }

    public String jurisdiction() {
        return jurisdiction;
    }
}
