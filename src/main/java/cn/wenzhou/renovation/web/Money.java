package cn.wenzhou.renovation.web;

import java.math.BigDecimal;

/** Amounts of money at the API's edge: yuan, exact decimals, at most two places (分). */
public final class Money {

    private static final int FEN = 2;

    private Money() {
    }

    /**
     * The amount with exactly two decimal places.
     *
     * @throws InvalidFieldException when it has finer precision than one fen; rounding it would
     *                               silently change a figure the residents signed
     */
    public static BigDecimal yuan(String field, BigDecimal amount) {
        if (amount.stripTrailingZeros().scale() > FEN) {
            throw new InvalidFieldException(field, "金额 " + amount.toPlainString()
                    + " 超过两位小数：金额以元为单位，最多精确到分 (at most two decimal places)");
        }
        return amount.setScale(FEN);
    }
}
