package cn.wenzhou.renovation.administration;

import cn.wenzhou.renovation.kernel.FieldProblem;
import cn.wenzhou.renovation.kernel.ProblemCode;
import cn.wenzhou.renovation.kernel.ProblemException;
import org.springframework.http.HttpStatus;

/** A download named a table the jurisdiction does not serve (in that version). */
class UnknownTableException extends ProblemException {

    UnknownTableException(String jurisdiction, String capability, String fileName) {
        super(
                HttpStatus.NOT_FOUND,
                "Not found",
                ProblemCode.NOT_FOUND,
                "辖区 " + jurisdiction + " 没有表格 " + capability + "/" + fileName + " (no such table)",
                new FieldProblem("fileName", "「" + capability + "」中没有表格 " + fileName));
    }
}
