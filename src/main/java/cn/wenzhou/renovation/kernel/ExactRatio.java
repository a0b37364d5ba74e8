package cn.wenzhou.renovation.kernel;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * A share kept as an exact fraction (66.68 m² of 100.02 m² is exactly 2/3) and compared exactly.
 * Percentages exist only for display. A share of nothing (0 of 0) is undefined and reaches no
 * threshold.
 */
public final class ExactRatio {

    private static final BigInteger HUNDRED = BigInteger.valueOf(100);

    /** Null when the whole is zero. */
    private final BigFraction value;

    /** {@link #fraction()}, once asked for. */
    private String written;

    private ExactRatio(BigFraction value) {
        this.value = value;
    }

    public static ExactRatio of(BigDecimal part, BigDecimal whole) {
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(whole, "whole");
        if (whole.signum() == 0) {
            return new ExactRatio(null);
        }
        return new ExactRatio(quotient(part, whole));
    }

    public static ExactRatio of(long part, long whole) {
        return whole == 0 ? new ExactRatio(null) : new ExactRatio(BigFraction.of(part, whole));
    }

    /**
     * Reads a threshold as policy staff write it in a decision table: {@code 2/3}, {@code 75%} or
     * {@code 0.75}.
     *
     * @throws IllegalArgumentException when the text is none of these or is negative
     */
    public static ExactRatio parse(String text) {
        String t = text == null ? "" : text.strip().replace('％', '%').replace('／', '/');
        try {
            BigFraction parsed;
            if (t.endsWith("%")) {
                parsed = quotient(new BigDecimal(t.substring(0, t.length() - 1).strip()), BigDecimal.valueOf(100));
            } else if (t.contains("/")) {
                String[] parts = t.split("/", 2);
                parsed = quotient(new BigDecimal(parts[0].strip()), new BigDecimal(parts[1].strip()));
            } else {
                parsed = fraction(new BigDecimal(t));
            }
            if (parsed.signum() < 0) {
                throw new IllegalArgumentException("比例不能为负数: " + text);
            }
            return new ExactRatio(parsed);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("无法识别的比例 '" + text + "'，应写作 3/4、75% 或 0.75 这样的形式", e);
        }
    }

    public boolean isDefined() {
        return value != null;
    }

    /** {@code 以上} includes the number itself: exactly the minimum passes. */
    public boolean isAtLeast(ExactRatio minimum) {
        return isDefined() && minimum.isDefined() && value.compareTo(minimum.value) >= 0;
    }

    /**
     * The largest amount with {@code scale} decimal places that is strictly less than this share of
     * {@code whole}: for 3/4 of 1000.00 at scale 2, 749.99; for 2/3 of 1000 at scale 0, 666.
     */
    public BigDecimal largestBelow(BigDecimal whole, int scale) {
        if (!isDefined()) {
            throw new IllegalStateException("an undefined share has no amount below it");
        }
        BigFraction exact = value.multiply(fraction(whole));
        BigDecimal floor = exact.bigDecimalValue(scale, RoundingMode.FLOOR);
        boolean exactlyRepresentable = fraction(floor).compareTo(exact) == 0;
        return exactlyRepresentable ? floor.subtract(BigDecimal.ONE.movePointLeft(scale)) : floor;
    }

    /** The reduced fraction, e.g. {@code 2/3}; {@code 0/0} when undefined. */
    public String fraction() {
        if (!isDefined()) {
            return "0/0";
        }
        // Every answer and message that shows a share asks for it, some more than once; a share never changes.
        String shown = written;
        if (shown == null) {
            // BigFraction keeps the signs it was given (1/-2); show the sign on the numerator only.
            boolean negativeDenominator = value.getDenominator().signum() < 0;
            shown = decimal(negativeDenominator ? value.getNumerator().negate() : value.getNumerator()) + "/"
                    + decimal(value.getDenominator().abs());
            written = shown;
        }
        return shown;
    }

    /**
     * A percentage for display only, cut (not rounded up) to {@code scale} places so that it never
     * overstates a share: 899,999.99 of 1,000,000 shows 89.99, not a misleading 90.00. Null when
     * undefined. Decisions compare {@link #isAtLeast}, never this.
     */
    public BigDecimal percent(int scale) {
        return isDefined()
                ? new BigDecimal(value.getNumerator().multiply(HUNDRED))
                        .divide(new BigDecimal(value.getDenominator()), scale, RoundingMode.DOWN)
                : null;
    }

    /** {@code part / whole} reduced once, rather than each decimal reduced and then their quotient again. */
    private static BigFraction quotient(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            // BigFraction.of(0, 0) is zero, not an error.
            throw new ArithmeticException("division by zero");
        }
        int scale = Math.max(part.scale(), whole.scale());
        return BigFraction.of(
                part.unscaledValue().multiply(BigInteger.TEN.pow(scale - part.scale())),
                whole.unscaledValue().multiply(BigInteger.TEN.pow(scale - whole.scale())));
    }

    /** BigInteger's own decimal rendering is general and slow; shares are almost always small numbers. */
    private static String decimal(BigInteger number) {
        return number.bitLength() < Long.SIZE ? Long.toString(number.longValue()) : number.toString();
    }

    private static BigFraction fraction(BigDecimal decimal) {
        BigDecimal d = decimal.scale() < 0 ? decimal.setScale(0) : decimal;
        return BigFraction.of(d.unscaledValue(), BigInteger.TEN.pow(d.scale()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExactRatio other && Objects.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(value);
    }

    @Override
    public String toString() {
        return isDefined() ? fraction() + " (" + percent(2) + "%)" : "undefined";
    }
}
