package cn.wenzhou.renovation.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * A share of any two amounts, at any scale (negative scales and numbers beyond a long included), is the reduced
 * fraction of exactly those amounts, and its percentage is their quotient cut to the places asked for. Checked
 * against BigDecimal's own arithmetic, not against a second fraction implementation.
 */
class ExactRatioProperties {

    @Property(tries = 2000)
    void aShareIsTheReducedFractionOfExactlyItsAmounts(
            @ForAll("amounts") BigDecimal part, @ForAll("positiveAmounts") BigDecimal whole) {
        String[] written = ExactRatio.of(part, whole).fraction().split("/");
        BigInteger numerator = new BigInteger(written[0]);
        BigInteger denominator = new BigInteger(written[1]);

        assertThat(denominator.signum())
                .as("the denominator of %s / %s", part, whole)
                .isPositive();
        assertThat(numerator.gcd(denominator))
                .as("%s/%s reduced", numerator, denominator)
                .isEqualTo(BigInteger.ONE);
        assertThat(new BigDecimal(numerator).multiply(whole).compareTo(new BigDecimal(denominator).multiply(part)))
                .as("%s/%s = %s / %s", numerator, denominator, part, whole)
                .isZero();
    }

    @Property(tries = 2000)
    void aPercentageIsTheQuotientCutToItsPlaces(
            @ForAll("amounts") BigDecimal part,
            @ForAll("positiveAmounts") BigDecimal whole,
            @ForAll("places") int places) {
        BigDecimal percent = ExactRatio.of(part, whole).percent(places);

        assertThat(percent)
                .as("%s of %s to %s places", part, whole, places)
                .isEqualTo(part.multiply(BigDecimal.valueOf(100)).divide(whole, places, RoundingMode.DOWN));
    }

    @Property(tries = 1000)
    void aThresholdWrittenAsAFractionIsTheShareOfItsTwoNumbers(
            @ForAll("amounts") BigDecimal top, @ForAll("positiveAmounts") BigDecimal bottom) {
        BigDecimal notNegative = top.abs();

        assertThat(ExactRatio.parse(notNegative.toPlainString() + "/" + bottom.toPlainString()))
                .isEqualTo(ExactRatio.of(notNegative, bottom));
        assertThat(ExactRatio.parse(notNegative.toPlainString() + "%"))
                .isEqualTo(ExactRatio.of(notNegative, BigDecimal.valueOf(100)));
    }

    @Provide
    Arbitrary<BigDecimal> amounts() {
        return Combinators.combine(unscaled(), Arbitraries.integers().between(-3, 6))
                .as((unscaled, scale) -> new BigDecimal(unscaled, scale));
    }

    @Provide
    Arbitrary<BigDecimal> positiveAmounts() {
        return amounts().filter(amount -> amount.signum() > 0);
    }

    @Provide
    Arbitrary<Integer> places() {
        return Arbitraries.integers().between(0, 4);
    }

    /** Small and everyday (an area, a household count) most of the time; now and then beyond a long. */
    private static Arbitrary<BigInteger> unscaled() {
        return Arbitraries.frequencyOf(
                Tuple.of(
                        8,
                        Arbitraries.bigIntegers()
                                .between(BigInteger.valueOf(-100_000_000), BigInteger.valueOf(100_000_000))),
                Tuple.of(
                        2,
                        Arbitraries.bigIntegers().between(BigInteger.TEN.pow(25).negate(), BigInteger.TEN.pow(25))));
    }
}
