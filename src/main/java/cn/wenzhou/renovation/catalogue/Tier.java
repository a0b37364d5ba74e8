package cn.wenzhou.renovation.catalogue;

/** The three tiers (3大类) of guide §2, from the basics up. */
public enum Tier {
    BASIC("基础类"),
    IMPROVEMENT("完善类"),
    ENHANCEMENT("提升类");

    private final String label;

    Tier(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
