package cn.wenzhou.renovation.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Exact shares: compared as fractions, shown as percentages that never overstate. */
class ExactRatioTest {

    private static final ExactRatio TWO_THIRDS = ExactRatio.of(2, 3);

    private static ExactRatio of(String part, String whole) {
        return ExactRatio.of(new BigDecimal(part), new BigDecimal(whole));
    }

    @Nested
    class Comparison {

        @Test
        void areaOf66Point68Of100Point02IsExactlyTwoThirds() {
            ExactRatio share = of("66.68", "100.02");

            assertThat(share).isEqualTo(TWO_THIRDS);
            assertThat(share.fraction()).isEqualTo("2/3");
        }

        @Test
        void exactlyTwoThirdsReachesTwoThirds() {
            assertThat(of("66.68", "100.02").isAtLeast(TWO_THIRDS)).isTrue();
        }

        @Test
        void oneHundredthShortOfTwoThirdsDoesNotReachTwoThirds() {
            // 66.67 / 100.02 = 0.66656..., which a percentage rounded to 2 places would show as 66.66 or 66.67.
            ExactRatio share = of("66.67", "100.02");

            assertThat(share.isAtLeast(TWO_THIRDS)).isFalse();
            assertThat(share).isNotEqualTo(TWO_THIRDS);
        }

        @Test
        void moreThanTheMinimumReachesIt() {
            assertThat(of("66.69", "100.02").isAtLeast(TWO_THIRDS)).isTrue();
        }

        @Test
        void sameShareWrittenWithDifferentScalesIsEqual() {
            assertThat(of("900000.00", "1000000")).isEqualTo(of("9", "10")).isEqualTo(ExactRatio.parse("90%"));
            assertThat(of("900000.00", "1000000")).hasSameHashCodeAs(ExactRatio.parse("0.9"));
        }
    }

    @Nested
    class ShareOfNothing {

        private final ExactRatio nothingOfNothing = of("0", "0");

        @Test
        void zeroOfZeroIsUndefined() {
            assertThat(nothingOfNothing.isDefined()).isFalse();
            assertThat(ExactRatio.of(0, 0).isDefined()).isFalse();
        }

        @Test
        void zeroOfZeroReachesNoThresholdNotEvenZero() {
            assertThat(nothingOfNothing.isAtLeast(ExactRatio.parse("0"))).isFalse();
            assertThat(nothingOfNothing.isAtLeast(TWO_THIRDS)).isFalse();
        }

        @Test
        void nothingReachesAnUndefinedThreshold() {
            assertThat(ExactRatio.of(1, 1).isAtLeast(nothingOfNothing)).isFalse();
        }

        @Test
        void zeroOfZeroIsWrittenAs0Over0WithoutAPercentage() {
            assertThat(nothingOfNothing.fraction()).isEqualTo("0/0");
            assertThat(nothingOfNothing.percent(2)).isNull();
            assertThat(nothingOfNothing).hasToString("undefined");
        }

        @Test
        void zeroOfAPositiveWholeIsADefinedZero() {
            ExactRatio none = of("0", "1000000");

            assertThat(none.isDefined()).isTrue();
            assertThat(none.fraction()).isEqualTo("0/1");
            assertThat(none.isAtLeast(ExactRatio.parse("0"))).isTrue();
        }
    }

    @Nested
    class Parsing {

        @ParameterizedTest(name = "\"{0}\" is {1}")
        @CsvSource(
                delimiter = ';',
                value = {
                    "2/3; 2/3",
                    "90%; 9/10",
                    "0.9; 9/10",
                    "９０％; 9/10",
                    "2／3; 2/3",
                    "' 90 % '; 9/10",
                    "66.68/100.02; 2/3",
                    "100%; 1/1",
                    "0; 0/1"
                })
        void readsThresholdAsPolicyStaffWriteIt(String text, String fraction) {
            assertThat(ExactRatio.parse(text).fraction()).isEqualTo(fraction);
        }

        @Test
        void ninetyPercentWrittenThreeWaysIsOneShare() {
            assertThat(ExactRatio.parse("90%"))
                    .isEqualTo(ExactRatio.parse("0.9"))
                    .isEqualTo(ExactRatio.parse("9/10"))
                    .isEqualTo(ExactRatio.parse("９０％"));
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(
                strings = {"九成", "ninety", "90%%", "%", "/", "2/", "/3", "2/0", "0/0", "9/10/11", "90 percent", "0.9.1"
                })
        void rejectsTextThatIsNoShare(String text) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> ExactRatio.parse(text))
                    .withMessageContaining(text);
        }

        @ParameterizedTest(name = "\"{0}\"")
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void rejectsMissingText(String text) {
            assertThatIllegalArgumentException().isThrownBy(() -> ExactRatio.parse(text));
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"-90%", "-0.9", "-2/3", "2/-3"})
        void rejectsNegativeShare(String text) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> ExactRatio.parse(text))
                    .withMessageContaining(text);
        }
    }

    @Nested
    class Display {

        @Test
        void percentIsCutNotRoundedUpSoOneCentShortOfNinetyShows89Point99() {
            assertThat(of("899999.99", "1000000").percent(2)).isEqualByComparingTo("89.99");
        }

        @Test
        void twoThirdsShowsAs66Point66Not66Point67() {
            assertThat(TWO_THIRDS.percent(2)).isEqualByComparingTo("66.66");
        }

        @Test
        void percentHasTheRequestedNumberOfPlaces() {
            assertThat(ExactRatio.parse("90%").percent(2)).isEqualTo(new BigDecimal("90.00"));
            assertThat(TWO_THIRDS.percent(4)).isEqualTo(new BigDecimal("66.6666"));
        }

        @Test
        void fractionIsReduced() {
            assertThat(of("900000.00", "1000000.00").fraction()).isEqualTo("9/10");
            assertThat(ExactRatio.of(6, 8).fraction()).isEqualTo("3/4");
            assertThat(ExactRatio.parse("50%").fraction()).isEqualTo("1/2");
        }

        @Test
        void fractionKeepsAnIrreducibleShareAsItIs() {
            assertThat(of("899999.99", "1000000").fraction()).isEqualTo("89999999/100000000");
        }

        @Test
        void textShowsFractionAndCutPercent() {
            assertThat(TWO_THIRDS).hasToString("2/3 (66.66%)");
        }
    }
}
