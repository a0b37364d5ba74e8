package cn.wenzhou.renovation.web;

/**
 * Spring Security's own rule for header names, header values and parameter names (every character
 * assigned in Unicode and none a control character; a value may hold a tab), as a loop over the
 * characters instead of a regular expression. The firewall asks it each time anything reads a header,
 * which made the regular expression a twentieth of a decision request's CPU. Equal to
 * {@code StrictHttpFirewall}'s predicates on every string: {@code FirewallCharactersProperties}.
 */
final class FirewallCharacters {

    private FirewallCharacters() {}

    static boolean assignedAndNotControl(String text) {
        return allowed(text, false);
    }

    static boolean assignedAndNotControlOrTab(String text) {
        return allowed(text, true);
    }

    private static boolean allowed(String text, boolean tabAllowed) {
        if (text == null) {
            return false; // the regular expression's matcher refuses null too
        }
        int length = text.length();
        for (int i = 0; i < length; ) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) { // printable ASCII: assigned, not control
                i++;
                continue;
            }
            int codePoint = text.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || type == Character.CONTROL && !(tabAllowed && codePoint == '\t')) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
