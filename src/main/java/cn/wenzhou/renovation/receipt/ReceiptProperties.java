package cn.wenzhou.renovation.receipt;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When decisions get a receipt ({@code on-request}: the caller asks with {@code ?receipt=true} or the
 * header {@code Decision-Receipt: true}; {@code always}; {@code off}) and how long receipts are kept.
 */
@ConfigurationProperties("renovation.receipts")
record ReceiptProperties(
        @DefaultValue("on-request") Mode mode,
        @DefaultValue("400d") Duration retention) {

    public enum Mode {
        ON_REQUEST,
        ALWAYS,
        OFF
    }
}
