package cn.wenzhou.renovation.kernel;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks residents' personal data in free text: in every log message, whatever logged it and at whatever
 * level (the generated request models print every field in toString(), and Spring MVC logs request
 * bodies at DEBUG/TRACE), and in every text the service echoes (the web module's free-text masking,
 * receipts). Annex 2: 身份证号码应当隐去或模糊设置. Registered for %m, %msg and %message in
 * logback-spring.xml.
 * <p>
 * Every digit of an ID number (18 or 15 digits, or any run of 15 digits or more: bank cards too), a
 * mobile or a landline becomes {@code *}, separators and surrounding text stay: a reader sees that a
 * number was there, never any part of it. Phones are found by libphonenumber (every form it knows for
 * China: +86/0086/86, spaces, hyphens, parentheses, full-width digits), and, because a leak is worse
 * than a masked amount, also by patterns that do not depend on its numbering-plan data (an 11-digit
 * 13x–19x number; a number with an area code, with an extension; a 7–8 digit number after 电话/手机/联系).
 * A name is masked only where the text says it is one: 2–4 Chinese characters between 联系/联系人/户主/姓名
 * and a phone number. Years, amounts up to 10 digits, areas and dates are left alone.
 */
public class PersonalDataMasking extends MessageConverter {

    /** A field that holds personal data, as toString() or JSON prints it, and its value. */
    private static final Pattern LABELLED =
            Pattern.compile("(ownerName|idNumber|phone|respondentName|contact)(\"?\\s*[:=]\\s*\"?)([^,\"\\n}\\]]*)");
    /** Spring's field errors: {@code on field 'roster[0].phone': rejected value [...]; codes [...]}. */
    private static final Pattern REJECTED = Pattern.compile(
            "(on field '[^']*(?:ownerName|idNumber|phone|respondentName|contact)': rejected value \\[)(.*?)(\\](?:; codes|$))");

    /** One optional separator between groups of digits, after full-width forms are read as ASCII. */
    private static final String SEP = "[ \\-\\u00A0\\u2013\\u2014]?";

    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])(?:"
            + "\\d{6}" + SEP + "\\d{4}" + SEP + "\\d{4}" + SEP + "\\d{3}[0-9Xx]"
            + "|\\d{6}" + SEP + "\\d{6}" + SEP + "\\d{3}"
            + "|\\d{15,}[Xx]?)(?![0-9])");
    private static final String COUNTRY = "(?:\\(?(?:\\+|00)?" + SEP + "86\\)?" + SEP + ")";
    private static final Pattern MOBILE =
            Pattern.compile("(?<![0-9])" + COUNTRY + "?1[3-9]\\d" + SEP + "\\d{4}" + SEP + "\\d{4}(?![0-9])");
    private static final String AREA =
            "(?:\\(0[1-9]\\d{1,2}\\)|0[1-9]\\d{1,2}|(?:\\+|00)" + SEP + "86" + SEP + "\\(?0?[1-9]\\d{1,2}\\)?)";
    private static final String LOCAL = "[2-9]\\d{2,3}" + SEP + "\\d{4}";
    private static final String EXTENSION = "(?:" + SEP + "(?:-|转|ext\\.?|EXT\\.?)" + SEP + "\\d{1,6})?";
    private static final Pattern LANDLINE =
            Pattern.compile("(?<![0-9])" + AREA + SEP + LOCAL + EXTENSION + "(?![0-9])");
    private static final Pattern CUED_LOCAL = Pattern.compile(
            "(?:电话|手机|座机|联系|致电|拨打|tel|Tel|TEL)[^0-9\\n]{0,6}?(?<![0-9])(" + LOCAL + EXTENSION + ")(?![0-9])");
    /** The text just before a phone number: a contact cue, then the name. */
    private static final Pattern NAME_BEFORE_PHONE = Pattern.compile(
            "(?:联系人|联系|户主|姓名)[:：为是]?\\s*((?:(?!电话|手机|座机|号码|方式)[\\p{IsHan}·]){2,4}?)\\s*[,，:：]?\\s*(?:的)?(?:联系)?"
                    + "(?:电话|手机|座机)?(?:号码)?[:：是为]?\\s*$");

    private static final int NAME_LOOKBACK = 16;
    private static final Pattern DECIMAL_END = Pattern.compile("\\.\\d{1,2}$");
    /** No personal number has fewer digits than a local landline. */
    private static final int FEWEST_DIGITS = 7;

    private static final String CLUSTER_SEPARATORS = " -()+.（）－＋\u3000\u00A0\u2013\u2014/";
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    @Override
    public String convert(ILoggingEvent event) {
        return mask(super.convert(event));
    }

    public static String mask(String message) {
        if (message == null || message.isEmpty()) {
            return message;
        }
        String masked = replace(REJECTED, message, m -> m.group(1) + "***" + m.group(3));
        masked = replace(LABELLED, masked, m -> m.group(1) + m.group(2) + "***");
        return maskNumbers(masked);
    }

    private static String maskNumbers(String text) {
        if (!hasDigitCluster(text)) {
            return text; // most log lines: no phone or ID can be in them, and finding phones is costly
        }
        String plain = halfWidth(text);
        boolean[] hidden = new boolean[text.length()];
        hide(ID_NUMBER.matcher(plain), 0, hidden);
        boolean[] phone = new boolean[text.length()];
        for (PhoneNumberMatch found : PHONES.findNumbers(plain, "CN", PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
            if (writtenAsAPhone(found)) {
                fill(phone, found.start(), found.end());
            }
        }
        hide(MOBILE.matcher(plain), 0, phone);
        hide(LANDLINE.matcher(plain), 0, phone);
        hide(CUED_LOCAL.matcher(plain), 1, phone);
        hideNamesBeforePhones(plain, phone, hidden);

        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = plain.charAt(i);
            boolean digit = c >= '0' && c <= '9' || (c == 'X' || c == 'x') && hidden[i];
            out.append(
                    hidden[i] && (digit || Character.isIdeographic(c) || c == '·') || phone[i] && c >= '0' && c <= '9'
                            ? '*'
                            : text.charAt(i));
        }
        return out.toString();
    }

    /**
     * libphonenumber also reads a landline in a number without its trunk 0 ({@code 20000000.00} as a
     * Beijing number), and a mobile in an amount with decimals ({@code 1300000000.5}): a number ending
     * in one or two decimals is an amount; a landline without 0 or +86 is a number, not a phone.
     */
    private static boolean writtenAsAPhone(PhoneNumberMatch found) {
        String raw = found.rawString().replaceFirst("^\\(", "");
        if (DECIMAL_END.matcher(raw).find()) {
            return false;
        }
        return PHONES.getNumberType(found.number()) == PhoneNumberUtil.PhoneNumberType.MOBILE
                || raw.startsWith("0")
                || raw.startsWith("+");
    }

    private static void hideNamesBeforePhones(String plain, boolean[] phone, boolean[] hidden) {
        for (int i = 0; i < plain.length(); i++) {
            boolean startsAPhone = phone[i] && (i == 0 || !phone[i - 1]);
            if (startsAPhone) {
                int from = Math.max(0, i - NAME_LOOKBACK);
                Matcher cue = NAME_BEFORE_PHONE.matcher(plain.substring(from, i));
                if (cue.find()) {
                    fill(hidden, from + cue.start(1), from + cue.end(1));
                }
            }
        }
    }

    private static void hide(Matcher m, int group, boolean[] hidden) {
        while (m.find()) {
            fill(hidden, m.start(group), m.end(group));
        }
    }

    private static void fill(boolean[] marks, int from, int to) {
        java.util.Arrays.fill(marks, from, to, true);
    }

    /** Whether some {@value #FEWEST_DIGITS} digits stand together, at most three separators apart. */
    private static boolean hasDigitCluster(String text) {
        int digits = 0;
        int gap = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9' || c >= '０' && c <= '９') {
                if (++digits >= FEWEST_DIGITS) {
                    return true;
                }
                gap = 0;
            } else if (CLUSTER_SEPARATORS.indexOf(c) >= 0 && ++gap <= 3) {
                continue;
            } else {
                digits = 0;
                gap = 0;
            }
        }
        return false;
    }

    /** Full-width digits, the letter X, signs and spaces read as ASCII, one char for one, so offsets stay. */
    private static String halfWidth(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= '０' && c <= '９') {
                chars[i] = (char) ('0' + (c - '０'));
            } else if (c == 'Ｘ' || c == 'ｘ') {
                chars[i] = 'X';
            } else if (c == '－') {
                chars[i] = '-';
            } else if (c == '（') {
                chars[i] = '(';
            } else if (c == '）') {
                chars[i] = ')';
            } else if (c == '＋') {
                chars[i] = '+';
            } else if (c == '\u3000') {
                chars[i] = ' ';
            }
        }
        return new String(chars);
    }

    private static String replace(Pattern pattern, String text, Function<Matcher, String> with) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
