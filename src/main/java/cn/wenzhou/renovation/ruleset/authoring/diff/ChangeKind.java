package cn.wenzhou.renovation.ruleset.authoring.diff;

/** How a row, column or rule of a county's file differs from the base. */
public enum ChangeKind {
    ADDED("新增"),
    REMOVED("删除"),
    CHANGED("修改");

    private final String label;

    ChangeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
