package cn.wenzhou.renovation.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Masks residents' personal data in every log message, whatever logged it and at whatever level:
 * the generated request models print every field in toString(), and Spring MVC logs request
 * bodies at DEBUG/TRACE. Annex 2: 身份证号码应当隐去或模糊设置. Registered for %m, %msg and
 * %message in logback-spring.xml.
 */
public class PersonalDataMasking extends MessageConverter {

    /** A field that holds personal data, as toString() or JSON prints it, and its value. */
    private static final Pattern LABELLED = Pattern.compile(
            "(ownerName|idNumber|phone|respondentName|contact)(\"?\\s*[:=]\\s*\"?)([^,\"\\n}\\]]*)");
    /** Spring's field errors: {@code on field 'roster[0].phone': rejected value [...]; codes [...]}. */
    private static final Pattern REJECTED = Pattern.compile(
            "(on field '[^']*(?:ownerName|idNumber|phone|respondentName|contact)': rejected value \\[)(.*?)(\\](?:; codes|$))");
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])(\\d{6})\\d{8}(\\d{3}[0-9Xx])(?![0-9])");
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])(1[3-9]\\d)\\d{4}(\\d{4})(?![0-9])");

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
        masked = replace(ID_NUMBER, masked, m -> m.group(1) + "********" + m.group(2));
        return replace(MOBILE, masked, m -> m.group(1) + "****" + m.group(2));
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> with) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
