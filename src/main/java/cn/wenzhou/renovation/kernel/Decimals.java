package cn.wenzhou.renovation.kernel;

import java.math.BigDecimal;

/** Money and areas at the API's edge: exact decimals, at most two places (分, 0.01 m²). */
public final class Decimals {

    private static final int FEN = 2;

    private Decimals() {}

    /**
     * The amount with exactly two decimal places.
     *
     * @throws InvalidFieldException when it has finer precision than one fen; rounding it would
     *                               silently change a figure the residents signed
     */
    public static BigDecimal yuan(String field, BigDecimal amount) {
        if (amount.stripTrailingZeros().scale() > FEN) {
            throw new InvalidFieldException(
                    field, "金额 " + shown(amount) + " 超过两位小数：金额以元为单位，最多精确到分 (at most two decimal places)");
        }
        return amount.setScale(FEN);
    }

    /** The value as sent, briefly: toPlainString() of 1e-1000000000 would be a gigabyte. */
    private static String shown(BigDecimal value) {
        String text = value.toString();
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** An area in m² with exactly two decimal places; finer precision is refused as for money. */
    public static BigDecimal squareMetres(String field, BigDecimal area) {
        if (area.stripTrailingZeros().scale() > FEN) {
            throw new InvalidFieldException(
                    field, "面积 " + shown(area) + " m² 超过两位小数：面积最多精确到 0.01 m² (at most two decimal places)");
        }
        return area.setScale(FEN);
    }
}
