package cn.wenzhou.renovation.receipt;

import cn.wenzhou.renovation.kernel.FieldProblem;
import cn.wenzhou.renovation.kernel.ProblemCode;
import cn.wenzhou.renovation.kernel.ProblemException;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** No receipt with that id: never issued, or past its retention. */
class UnknownReceiptException extends ProblemException {

    private final UUID id;

    UnknownReceiptException(UUID id) {
        super(
                HttpStatus.NOT_FOUND,
                "Unknown receipt",
                ProblemCode.UNKNOWN_RECEIPT,
                "没有回执 " + id + "（或已超过保存期限） (no such receipt)",
                new FieldProblem("id", "没有该回执"));
        this.id = id;
    }

    public UUID id() {
        return id;
    }
}
