package cn.wenzhou.renovation.catalogue;

/** What a classification rule concluded about one name: the item it names, or none ({@code itemCode} null). */
public record Classification(String ruleId, ItemName name, String itemCode, boolean byAlias) {

    public boolean isMatched() {
        return itemCode != null;
    }

    /** For Test Scenarios, which match on fields: the text the name was written as. */
    public String getText() {
        return name.getText();
    }
}
