package cn.wenzhou.renovation.catalogue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How names not in the catalogue are answered (a matter of presentation, not policy: nothing is
 * classified by similarity, a person chooses).
 *
 * @param minSuggestionSimilarity the least similarity (1 − edit distance ÷ the longer name's length) an item
 *                                needs to be suggested; below one half more characters differ than agree, and
 *                                the suggestion would only distract
 */
@ConfigurationProperties("renovation.catalogue")
record CatalogueProperties(@DefaultValue("0.5") double minSuggestionSimilarity) {

    public CatalogueProperties {
        if (minSuggestionSimilarity < 0 || minSuggestionSimilarity > 1) {
            throw new IllegalArgumentException(
                    "renovation.catalogue.min-suggestion-similarity must be between 0 and 1, not "
                            + minSuggestionSimilarity);
        }
    }
}
