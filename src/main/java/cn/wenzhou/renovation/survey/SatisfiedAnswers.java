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

    /** The message quotes the whole cell, so the compiler can point at it. */
    private static SatisfactionAnswer answer(String name, String cell) {
        try {
            return SatisfactionAnswer.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "无法识别的答案 " + name + "（单元格内容 '" + cell + "'），可选 "
                            + java.util.Arrays.toString(SatisfactionAnswer.values()),
                    e);
        }
    }

    private static Set<SatisfactionAnswer> parse(String cell) {
        Set<SatisfactionAnswer> set = EnumSet.noneOf(SatisfactionAnswer.class);
        Arrays.stream(cell.split("[;；,，]"))
                .map(String::strip)
                .filter(a -> !a.isEmpty())
                .forEach(a -> set.add(answer(a, cell)));
        if (set.isEmpty()) {
            throw new IllegalArgumentException("计为满意的答案不能为空: '" + cell + "'");
        }
        return Set.copyOf(set);
    }
}
