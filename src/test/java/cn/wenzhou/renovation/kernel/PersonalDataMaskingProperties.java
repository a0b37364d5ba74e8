package cn.wenzhou.renovation.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Personal numbers in the forms residents write them, inside Chinese free text, never survive masking
 * by a single digit; the ordinary numbers of a comment (years, amounts, areas, dates, rooms) survive
 * untouched. Generated: mobiles with or without +86/0086/86, grouped 3-4-4 with spaces, hyphens,
 * full-width hyphens or ideographic spaces, or not at all; landlines with area codes, in parentheses,
 * split 4-4, with extensions; 18- and 15-digit ID numbers (X as check digit), grouped or not; digits
 * half- or full-width.
 */
class PersonalDataMaskingProperties {

    private static final List<String> PHRASES = List.of(
            "请尽快修缮", "楼道灯坏了", "谢谢！", "希望增加停车位", "我的号码是", "电话", "联系电话：", "手机", "号码：", "，", "。", " ", "（", "）", "有事请找",
            "身份证号", "业主反映", "联系方式：", "", "");

    @Property(tries = 400)
    void noDigitOfAPersonalNumberSurvives(
            @ForAll("surroundings") String before,
            @ForAll("personalNumbers") String number,
            @ForAll("surroundings") String after) {
        String text = before + number + after;

        String masked = PersonalDataMasking.mask(text);

        assertThat(masked)
                .as(text)
                .doesNotContainPattern("[0-9０-９]")
                .hasSameSizeAs(text)
                .startsWith(before)
                .endsWith(after);
    }

    @Property(tries = 400)
    void ordinaryNumbersAreLeftAlone(@ForAll("ordinaryText") String text) {
        assertThat(PersonalDataMasking.mask(text)).isEqualTo(text);
    }

    @Property(tries = 200)
    void aNameBetweenAContactCueAndAPhoneIsMasked(@ForAll("names") String name, @ForAll("mobiles") String mobile) {
        for (String form :
                List.of("联系" + name + "电话" + mobile, "联系人：" + name + "，手机 " + mobile, "户主" + name + mobile)) {
            assertThat(PersonalDataMasking.mask(form))
                    .as(form)
                    .doesNotContain(name)
                    .contains("*".repeat(name.length()));
        }
    }

    @Provide
    Arbitrary<String> surroundings() {
        return Arbitraries.of(PHRASES).list().ofMaxSize(3).map(p -> String.join("", p));
    }

    @Provide
    Arbitrary<String> personalNumbers() {
        return Arbitraries.oneOf(mobiles(), landlines(), idNumbers());
    }

    @Provide
    Arbitrary<String> mobiles() {
        Arbitrary<String> digits = Combinators.combine(Arbitraries.integers().between(3, 9), digits(9))
                .as((second, rest) -> "1" + second + rest);
        Arbitrary<String> prefix =
                Arbitraries.of("", "", "+86", "+86 ", "+86-", "0086", "0086 ", "86", "86 ", "(+86)", "（+86）", "＋86 ");
        return Combinators.combine(prefix, digits, separator(), separator(), Arbitraries.of(true, false))
                .as((p, d, s1, s2, wide) ->
                        p + width(d.substring(0, 3) + s1 + d.substring(3, 7) + s2 + d.substring(7), wide));
    }

    private Arbitrary<String> landlines() {
        Arbitrary<String> area = Arbitraries.oneOf(
                Arbitraries.of("010", "021", "0577", "0571", "0755", "0591"),
                Combinators.combine(Arbitraries.integers().between(1, 9), digits(2))
                        .as((a, b) -> "0" + a + b));
        Arbitrary<String> local = Combinators.combine(Arbitraries.integers().between(2, 9), Arbitraries.of(6, 7))
                .flatAs((first, rest) -> digits(rest).map(d -> first + d));
        Arbitrary<String> extension = Arbitraries.of("", "", "-801", "转8", " 转 12");
        return Combinators.combine(
                        area,
                        local,
                        Arbitraries.of("", "-", " ", "－", "()", "（）"),
                        separator(),
                        extension,
                        Arbitraries.of(true, false))
                .as((a, l, form, split, ext, wide) -> {
                    String written = form.length() == 2 ? form.charAt(0) + a + form.charAt(1) : a + form;
                    int half = l.length() - 4;
                    return width(written + l.substring(0, half) + split + l.substring(half) + ext, wide);
                });
    }

    private Arbitrary<String> idNumbers() {
        Arbitrary<String> eighteen = Combinators.combine(
                        digits(17), Arbitraries.of("0", "5", "9", "X", "x"), separator(), separator(), separator())
                .as((d, check, s1, s2, s3) -> d.substring(0, 6)
                        + s1
                        + d.substring(6, 10)
                        + s2
                        + d.substring(10, 14)
                        + s3
                        + d.substring(14)
                        + check);
        Arbitrary<String> fifteen = Combinators.combine(digits(15), separator(), separator())
                .as((d, s1, s2) -> d.substring(0, 6) + s1 + d.substring(6, 12) + s2 + d.substring(12));
        return Combinators.combine(Arbitraries.oneOf(eighteen, fifteen), Arbitraries.of(true, false))
                .as(this::width);
    }

    @Provide
    Arbitrary<String> ordinaryText() {
        Arbitrary<String> year = Arbitraries.integers().between(1949, 2100).map(y -> y + "年");
        Arbitrary<String> amount = Combinators.combine(
                        Arbitraries.longs().between(0, 9_999_999_999L), Arbitraries.of("", ".00", ".5"))
                .as((a, cents) -> a + cents + "元");
        Arbitrary<String> area = Combinators.combine(
                        Arbitraries.integers().between(0, 999_999),
                        Arbitraries.integers().between(0, 99))
                .as((m, c) -> m + "." + String.format("%02d", c) + "平方米");
        Arbitrary<String> date = Combinators.combine(
                        Arbitraries.integers().between(1990, 2099),
                        Arbitraries.integers().between(1, 12),
                        Arbitraries.integers().between(1, 28))
                .as((y, m, d) -> String.format("%d-%02d-%02d", y, m, d));
        Arbitrary<String> room = Combinators.combine(
                        Arbitraries.integers().between(1, 30),
                        Arbitraries.integers().between(101, 3204))
                .as((b, r) -> b + "-" + r);
        Arbitrary<String> share =
                Arbitraries.integers().between(0, 10000).map(s -> s / 100 + "." + String.format("%02d", s % 100) + "%");
        Arbitrary<String> words = Arbitraries.of("，", "。", "总投资", "建成于", "面积", "户数", "同意率", "日期", "房号", " ");
        return Combinators.combine(Arbitraries.oneOf(year, amount, area, date, room, share), words)
                .as((number, word) -> word + number)
                .list()
                .ofMinSize(1)
                .ofMaxSize(6)
                .map(parts -> String.join("、", parts));
    }

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> surname = Arbitraries.of("张", "王", "李", "欧阳", "陈", "林", "诸葛");
        Arbitrary<String> given = Arbitraries.of("伟", "芳", "明", "华", "小红", "建国", "秀英")
                .list()
                .ofMinSize(1)
                .ofMaxSize(2)
                .map(p -> String.join("", p));
        return Combinators.combine(surname, given).as(String::concat).filter(n -> n.length() <= 4);
    }

    private static Arbitrary<String> separator() {
        return Arbitraries.of("", "", " ", "-", "－", "\u3000");
    }

    private static Arbitrary<String> digits(int count) {
        return Arbitraries.strings().numeric().ofLength(count);
    }

    /** The same digits, half-width or full-width (０–９). */
    private String width(String text, boolean fullWidth) {
        if (!fullWidth) {
            return text;
        }
        StringBuilder wide = new StringBuilder(text.length());
        text.chars().forEach(c -> wide.append(c >= '0' && c <= '9' ? (char) ('０' + (c - '0')) : (char) c));
        return wide.toString();
    }
}
