package cn.wenzhou.renovation.web;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/** The loop gives Spring Security's answer for every string: ASCII, Chinese, controls, unassigned and lone surrogates. */
class FirewallCharactersProperties {

    @Property(tries = 5000)
    void headerNamesAndParameterNamesAsSpringSecurityJudgesThem(@ForAll("headerText") String text) {
        assertThat(FirewallCharacters.assignedAndNotControl(text))
                .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(text))
                .isEqualTo(StrictHttpFirewall.ALLOWED_PARAMETER_NAMES.test(text));
    }

    @Property(tries = 5000)
    void headerValuesAsSpringSecurityJudgesThem(@ForAll("headerText") String text) {
        assertThat(FirewallCharacters.assignedAndNotControlOrTab(text))
                .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(text));
    }

    @Example
    void aControlCharacterIsRefusedAndATabOnlyInAValue() {
        assertThat(FirewallCharacters.assignedAndNotControl("X-Request-Id")).isTrue();
        assertThat(FirewallCharacters.assignedAndNotControlOrTab("鹿城区\t江滨")).isTrue();
        assertThat(FirewallCharacters.assignedAndNotControl("a\tb")).isFalse();
        assertThat(FirewallCharacters.assignedAndNotControlOrTab("a\u0000b")).isFalse();
        assertThat(FirewallCharacters.assignedAndNotControlOrTab("a\u0378b"))
                .as("unassigned")
                .isFalse();
    }

    @Provide
    Arbitrary<String> headerText() {
        Arbitrary<Character> printable = Arbitraries.chars().range(' ', '~');
        Arbitrary<Character> anyChar = Arbitraries.chars();
        Arbitrary<Character> controls = Arbitraries.oneOf(
                Arbitraries.chars().range('\u0000', '\u001f'),
                Arbitraries.chars().range('\u007f', '\u009f'));
        Arbitrary<Character> surrogates = Arbitraries.chars().range('\ud800', '\udfff');
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(6, printable),
                        net.jqwik.api.Tuple.of(3, anyChar),
                        net.jqwik.api.Tuple.of(1, controls),
                        net.jqwik.api.Tuple.of(1, surrogates))
                .list()
                .ofMaxSize(24)
                .map(chars -> {
                    StringBuilder text = new StringBuilder();
                    chars.forEach(text::append);
                    return text.toString();
                });
    }
}
