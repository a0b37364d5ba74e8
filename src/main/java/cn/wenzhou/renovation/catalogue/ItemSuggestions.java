package cn.wenzhou.renovation.catalogue;

import cn.wenzhou.renovation.api.model.ItemSuggestion;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The closest catalogue items to a name no rule recognised, as the API lists them: at most three, and
 * none less alike than {@code renovation.catalogue.min-suggestion-similarity}.
 */
@Component
public final class ItemSuggestions {

    private static final int COUNT = 3;

    private final double minimumSimilarity;

    ItemSuggestions(CatalogueProperties properties) {
        this.minimumSimilarity = properties.minSuggestionSimilarity();
    }

    public List<ItemSuggestion> of(Catalogue catalogue, String name) {
        return catalogue.closest(name, COUNT, minimumSimilarity).stream()
                .map(s -> new ItemSuggestion(
                        s.item().getCode(),
                        s.item().getOfficialName(),
                        BigDecimal.valueOf(s.similarity()).setScale(2, RoundingMode.HALF_UP)))
                .toList();
    }
}
