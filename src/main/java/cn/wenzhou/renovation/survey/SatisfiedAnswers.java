package cn.wenzhou.renovation.survey;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;



/**
 * Policy parameter from the decision table: which answers to question 8 count as satisfied. An
 * unknown answer name in the cell fails when the compiler's dry run fires the row.
 */
public record SatisfiedAnswers(Set<SatisfactionAnswer> answers) {

    /** As written in the table cell: answer names separated by semicolons. */
    public SatisfiedAnswers(String answers) {
        this(parse(answers));
    }

    private static Set<SatisfactionAnswer> parse(String cell) {
        Set<SatisfactionAnswer> set = EnumSet.noneOf(SatisfactionAnswer.class);
        Arrays.stream(cell.split("[;；,，]")).map(String::strip).filter(a -> !a.isEmpty())
                .forEach(a -> set.add(SatisfactionAnswer.valueOf(a)));
        if (set.isEmpty()) {
            throw new IllegalArgumentException("计为满意的答案不能为空: '" + cell + "'");
        }
        return Set.copyOf(set);
    }
}
