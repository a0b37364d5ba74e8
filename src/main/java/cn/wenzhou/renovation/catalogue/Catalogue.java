package cn.wenzhou.renovation.catalogue;

import cn.wenzhou.renovation.ruleset.engine.RuleProblem;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The renovation items of one ruleset, as its catalogue table lists them, indexed by every name a
 * community worker may write: the official name and each alias, compared after {@link #normalise}.
 */
public final class Catalogue {

    /**
     * Numbering a name may carry when copied from a form — 1.2, （2）, 3、, 一、 — but not digits that
     * belong to the name (5G基站建设): a number counts as numbering only when bracketed, dotted or
     * followed by a list mark.
     */
    private static final Pattern NUMBERING =
            Pattern.compile("^(\\([0-9]+\\)|[0-9]+(\\.[0-9]+)+|[0-9]+[.、]|[一二三四五六七八九十]+、)+");

    private static final Pattern TICKS = Pattern.compile("[□☐√✓✔]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** List punctuation around a name: 屋面防漏维修； or 加装电梯。 */
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[.。;；,，、]+|[.。;；,，、]+$");
    /** Separators between the parts of one name (疏散通道，安全出口整改): all read as the guide's 、. */
    private static final Pattern INNER_SEPARATORS = Pattern.compile("[,;，；、]+");

    private final List<CatalogueItem> items;
    private final Map<String, CatalogueItem> byName;

    private Catalogue(List<CatalogueItem> items, Map<String, CatalogueItem> byName) {
        this.items = items;
        this.byName = byName;
    }

    /**
     * A name with surrounding numbering, spaces and full-width forms taken away, and its inner separators
     * (，、； and their half-width forms) read as one, for comparison only.
     */
    public static String normalise(String name) {
        String text = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKC);
        text = SPACES.matcher(TICKS.matcher(text).replaceAll("")).replaceAll("");
        text = NUMBERING.matcher(text).replaceFirst("");
        text = EDGE_PUNCTUATION.matcher(text).replaceAll("");
        return INNER_SEPARATORS.matcher(text).replaceAll("、");
    }

    /** One item suggested for an unknown name, with how alike the two are (1 = identical). */
    public record Suggestion(CatalogueItem item, double similarity) {}

    /** The catalogue, or the problems that make its table unusable (two items answering to one name). */
    static Catalogue of(List<CatalogueItem> rows, List<RuleProblem> problems, String file) {
        List<CatalogueItem> items = rows.stream()
                .sorted(Comparator.comparing(CatalogueItem::getCategory)
                        .thenComparing(CatalogueItem::getTier)
                        .thenComparing(CatalogueItem::getNumber, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(CatalogueItem::getCode))
                .toList();
        Map<String, CatalogueItem> byName = new HashMap<>();
        for (CatalogueItem item : items) {
            if (item.getTier() == null
                    || item.getOfficialName() == null
                    || item.getOfficialName().isBlank()) {
                problems.add(RuleProblem.inFile(file, "改造项目 " + item.getCode() + " 缺少层级或名称"));
                continue;
            }
            List<String> names = new ArrayList<>(item.getAliases());
            names.add(0, item.getOfficialName());
            for (String name : names) {
                CatalogueItem other = byName.putIfAbsent(normalise(name), item);
                if (other != null && other != item) {
                    problems.add(RuleProblem.inFile(
                            file,
                            "名称“" + name + "”同时指向改造项目 " + other.getCode() + " 和 " + item.getCode()
                                    + "：每个名称或别名只能对应一个项目"));
                }
            }
        }
        return new Catalogue(items, Map.copyOf(byName));
    }

    public List<CatalogueItem> items() {
        return items;
    }

    public Optional<CatalogueItem> byCode(String code) {
        return items.stream().filter(i -> i.getCode().equals(code)).findFirst();
    }

    /** The items whose names are closest to {@code name}, most alike first. */
    public List<Suggestion> closest(String name, int count) {
        return closest(name, count, 0);
    }

    /** The items whose names are closest to {@code name} and at least {@code minimumSimilarity} alike, most alike first. */
    public List<Suggestion> closest(String name, int count, double minimumSimilarity) {
        String wanted = normalise(name);
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        Map<CatalogueItem, Double> best = new HashMap<>();
        byName.forEach((known, item) -> {
            int longer = Math.max(known.length(), wanted.length());
            double similarity = longer == 0 ? 0 : 1.0 - (double) distance.apply(known, wanted) / longer;
            best.merge(item, similarity, Math::max);
        });
        return best.entrySet().stream()
                .map(e -> new Suggestion(e.getKey(), e.getValue()))
                .filter(s -> s.similarity() >= minimumSimilarity)
                .sorted(Comparator.comparingDouble(Suggestion::similarity)
                        .reversed()
                        .thenComparing(s -> s.item().getCode()))
                .limit(count)
                .toList();
    }
}
