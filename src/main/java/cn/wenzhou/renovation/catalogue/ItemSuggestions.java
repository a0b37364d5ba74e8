package cn.wenzhou.renovation.catalogue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import cn.wenzhou.renovation.api.model.ItemSuggestion;

/** The closest catalogue items to a name no rule recognised, as the API lists them. */
public final class ItemSuggestions {

    private static final int COUNT = 3;

    private ItemSuggestions() {
    }

    public static List<ItemSuggestion> of(Catalogue catalogue, String name) {
        return catalogue.closest(name, COUNT).stream()
                .map(s -> new ItemSuggestion(s.item().getCode(), s.item().getOfficialName(),
                        BigDecimal.valueOf(s.similarity()).setScale(2, RoundingMode.HALF_UP)))
                .toList();
    }
}
