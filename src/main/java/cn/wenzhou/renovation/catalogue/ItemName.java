package cn.wenzhou.renovation.catalogue;

/**
 * An item name as someone wrote it, to be classified. A JavaBean so that Drools Test Scenarios can
 * build it; {@link #getKey()} is the name as the catalogue compares names.
 */
public class ItemName {

    /** Why the name was given: only to be looked up, or as part of a renovation plan or of what residents asked for. */
    public enum Role {
        LOOKUP,
        PLANNED,
        REQUESTED
    }

    private String text;
    private Role role = Role.LOOKUP;

    public ItemName() {}

    public ItemName(String text, Role role) {
        this.text = text;
        this.role = role;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getKey() {
        return Catalogue.normalise(text);
    }
}
