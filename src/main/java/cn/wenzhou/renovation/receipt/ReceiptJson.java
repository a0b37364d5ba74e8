package cn.wenzhou.renovation.receipt;

import cn.wenzhou.renovation.kernel.PersonalDataMasking;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** JSON handling for receipts: masking what is personal, and listing what differs between two answers. */
final class ReceiptJson {

    /** Fields annexes 1, 2 and 7 collect about a person; the rules never read them. */
    private static final Set<String> PERSONAL = Set.of("ownerName", "idNumber", "phone", "respondentName", "contact");

    private static final String ROOM = "roomNumber";
    /** Answers of two versions always differ here; it says which version answered, not what. */
    private static final Set<String> NOT_AN_ANSWER = Set.of("rulesetVersion");

    private static final int MAX_CHANGES = 200;

    private ReceiptJson() {}

    /**
     * Personal fields become {@code ***}; room numbers become 户1, 户2… (a room and its ballot together
     * say how a flat voted, yet a replay needs them distinct); ID and mobile numbers in any other text
     * are masked too.
     */
    static JsonNode masked(JsonNode node) {
        return masked(node, new java.util.HashMap<>());
    }

    /** A request and its answer masked together, so a room has the same pseudonym in both. */
    static JsonNode[] maskedTogether(JsonNode request, JsonNode answer) {
        Map<String, String> rooms = new java.util.HashMap<>();
        return new JsonNode[] {masked(request, rooms), masked(answer, rooms)};
    }

    private static TextNode room(String room, Map<String, String> rooms) {
        // Already a pseudonym (a replayed request): keep it, so a replay's answer compares with the original.
        return TextNode.valueOf(
                room.matches("户\\d+") ? room : rooms.computeIfAbsent(room, r -> "户" + (rooms.size() + 1)));
    }

    private static JsonNode masked(JsonNode node, Map<String, String> rooms) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            List<String> names = new ArrayList<>();
            fields.forEachRemaining(e -> names.add(e.getKey()));
            for (String name : names) {
                JsonNode value = object.get(name);
                if (ROOM.equals(name) && value.isTextual()) {
                    object.set(name, room(value.asText(), rooms));
                } else if (name.endsWith("Rooms") && value.isArray()) {
                    com.fasterxml.jackson.databind.node.ArrayNode pseudonyms = object.arrayNode();
                    value.forEach(r -> pseudonyms.add(r.isTextual() ? room(r.asText(), rooms) : r));
                    object.set(name, pseudonyms);
                } else {
                    object.set(
                            name,
                            PERSONAL.contains(name) && !value.isNull()
                                    ? TextNode.valueOf("***")
                                    : masked(value, rooms));
                }
            }
            return object;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, masked(node.get(i), rooms));
            }
            return node;
        }
        return node.isTextual() ? TextNode.valueOf(PersonalDataMasking.mask(node.asText())) : node;
    }

    /** Differences between two answers, path by path (leaves only), at most {@value #MAX_CHANGES}. */
    static List<String[]> changes(JsonNode before, JsonNode after) {
        List<String[]> changes = new ArrayList<>();
        compare("", before, after, changes);
        return changes;
    }

    private static void compare(String path, JsonNode before, JsonNode after, List<String[]> changes) {
        if (changes.size() >= MAX_CHANGES) {
            return;
        }
        boolean bothObjects = before != null && after != null && before.isObject() && after.isObject();
        boolean bothArrays = before != null && after != null && before.isArray() && after.isArray();
        if (bothObjects) {
            Set<String> names = new java.util.LinkedHashSet<>();
            before.fieldNames().forEachRemaining(names::add);
            after.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (!NOT_AN_ANSWER.contains(name)) {
                    compare(path.isEmpty() ? name : path + "." + name, before.get(name), after.get(name), changes);
                }
            }
        } else if (bothArrays) {
            for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
                compare(path + "[" + i + "]", before.get(i), after.get(i), changes);
            }
        } else if (!same(before, after)) {
            changes.add(new String[] {path, text(before), text(after)});
        }
    }

    /** Numbers by value: a stored 50.0 and a replayed 50.00 are one percentage. */
    private static boolean same(JsonNode before, JsonNode after) {
        if (before != null && after != null && before.isNumber() && after.isNumber()) {
            return before.decimalValue().compareTo(after.decimalValue()) == 0;
        }
        return java.util.Objects.equals(before, after);
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue().stripTrailingZeros().toPlainString();
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }
}
