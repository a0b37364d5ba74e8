package cn.wenzhou.renovation.catalogue;

import java.util.Arrays;
import java.util.List;

/**
 * One renovation item, built by its row of the catalogue table (one setter per column, in column
 * order, then inserted). Its code is the row's rule name, stable across editions.
 */
public class CatalogueItem {

    /** Aliases are separated by semicolons (half or full width); 、 belongs to names such as 疏散通道、安全出口整改. */
    private static final String ALIAS_SEPARATOR = "[;；\\n]";

    private final String code;
    private final Category category;
    private Tier tier;
    private String number;
    private String officialName;
    private List<String> aliases = List.of();
    /** Official name and aliases as compared, computed once: classification compares many names. */
    private String officialKey = "";

    private List<String> aliasKeys = List.of();

    public CatalogueItem(String code, Category category) {
        this.code = code;
        this.category = category;
    }

    public String getCode() {
        return code;
    }

    public Category getCategory() {
        return category;
    }

    public Tier getTier() {
        return tier;
    }

    public void setTier(Tier tier) {
        this.tier = tier;
    }

    /** The number the guide prints, e.g. 1.2; a county's own items may use their own. */
    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public String getOfficialName() {
        return officialName;
    }

    public void setOfficialName(String officialName) {
        this.officialName = officialName.strip();
        this.officialKey = Catalogue.normalise(this.officialName);
    }

    /** Whether a normalised name is this item's official name or one of its aliases. */
    public boolean answersTo(String key) {
        return officialKey.equals(key) || isAliasFor(key);
    }

    public boolean isOfficialName(String key) {
        return officialKey.equals(key);
    }

    /** An alias that merely repeats the official name is no alias. */
    public boolean isAliasFor(String key) {
        return aliasKeys.contains(key) && !officialKey.equals(key);
    }

    public List<String> getAliases() {
        return aliases;
    }

    public void setAliases(String aliases) {
        this.aliases = Arrays.stream(aliases.split(ALIAS_SEPARATOR))
                .map(String::strip)
                .filter(a -> !a.isEmpty())
                .toList();
        this.aliasKeys = this.aliases.stream().map(Catalogue::normalise).toList();
    }
}
