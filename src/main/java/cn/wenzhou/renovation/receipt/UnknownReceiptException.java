package cn.wenzhou.renovation.receipt;

import java.util.UUID;

/** No receipt with that id: never issued, or past its retention. */
public class UnknownReceiptException extends RuntimeException {

    private final UUID id;

    UnknownReceiptException(UUID id) {
        super("No receipt " + id);
        this.id = id;
    }

    public UUID id() {
        return id;
    }
}
