package cn.wenzhou.renovation.survey;

import cn.wenzhou.renovation.api.model.AnswerCount;
import cn.wenzhou.renovation.api.model.QuestionDistribution;
import cn.wenzhou.renovation.api.model.SatisfactionForm;
import cn.wenzhou.renovation.kernel.ExactRatio;
import cn.wenzhou.renovation.kernel.ExactShares;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Annex 7's questions with their answers in the form's order and wording, and the counting of a
 * pile of forms into distributions. An unanswered question is left out of that question's base.
 */
final class SatisfactionQuestions {

    private record Question(
            int number,
            String title,
            boolean multipleChoice,
            Function<SatisfactionForm, List<String>> answersOf,
            Map<String, String> labels) {}

    private static final List<Question> QUESTIONS = List.of(
            single(1, "您的性别", SatisfactionForm::getGender, labels("MALE", "男", "FEMALE", "女")),
            single(
                    2,
                    "您的年龄段",
                    SatisfactionForm::getAgeBand,
                    labels(
                            "AGE_20_OR_UNDER",
                            "20岁及以下",
                            "AGE_21_TO_35",
                            "21-35岁",
                            "AGE_36_TO_45",
                            "36-45岁",
                            "AGE_46_TO_60",
                            "46-60岁",
                            "AGE_OVER_60",
                            "60周岁以上")),
            single(
                    3,
                    "您的文化程度",
                    SatisfactionForm::getEducation,
                    labels(
                            "JUNIOR_HIGH_OR_BELOW",
                            "初中及以下",
                            "SENIOR_HIGH_OR_TECHNICAL",
                            "高中/中专",
                            "COLLEGE",
                            "大专",
                            "BACHELOR",
                            "本科",
                            "MASTER_OR_ABOVE",
                            "硕士及以上")),
            single(
                    4,
                    "您了解我市城镇老旧小区改造的方式吗？",
                    SatisfactionForm::getAwareness,
                    labels("NOT_AWARE", "不了解", "A_LITTLE", "了解一点", "BASICALLY", "基本了解", "VERY_WELL", "非常了解")),
            single(5, "您所在的小区是否涉及老旧小区改造？", SatisfactionForm::getInvolved, labels("YES", "是", "NO", "不是")),
            new Question(
                    6,
                    "您所在的老旧小区改造主要改造了哪些方面？",
                    true,
                    // A form that sends null for this optional list left it blank, as one that leaves it out.
                    f -> f.getRenovatedAspects() == null
                            ? List.of()
                            : f.getRenovatedAspects().stream().distinct().toList(),
                    labels(
                            "PIPELINES",
                            "管线",
                            "FACADES",
                            "房屋外立面",
                            "ROADS",
                            "小区道路",
                            "GREENING",
                            "小区绿化",
                            "EV_CHARGING",
                            "电动车辆充电设施",
                            "LEAK_REPAIR",
                            "漏水改造",
                            "ELEVATORS",
                            "加装电梯",
                            "OTHER",
                            "其他")),
            single(
                    7,
                    "改造后，小区环境和您的生活品质是否有提高？",
                    SatisfactionForm::getQualityOfLife,
                    labels(
                            "MUCH_BETTER",
                            "较原来提高很多",
                            "A_LITTLE_BETTER",
                            "较原来有一点提高",
                            "ABOUT_THE_SAME",
                            "跟原来差不多",
                            "WORSE",
                            "比原来差")),
            single(8, "您对我市城镇老旧小区改造工作是否满意？", SatisfactionForm::getSatisfaction, satisfactionLabels()));

    private SatisfactionQuestions() {}

    static List<QuestionDistribution> distributions(List<SatisfactionForm> forms) {
        List<QuestionDistribution> result = new ArrayList<>();
        for (Question q : QUESTIONS) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            q.labels().keySet().forEach(a -> counts.put(a, 0));
            int answered = 0;
            for (SatisfactionForm form : forms) {
                List<String> answers = q.answersOf().apply(form);
                if (!answers.isEmpty()) {
                    answered++;
                    answers.forEach(a -> counts.merge(a, 1, Integer::sum));
                }
            }
            int base = answered;
            result.add(new QuestionDistribution(
                    q.number(),
                    q.title(),
                    answered,
                    q.multipleChoice(),
                    counts.entrySet().stream()
                            .map(e -> new AnswerCount(
                                    e.getKey(),
                                    q.labels().get(e.getKey()),
                                    e.getValue(),
                                    ExactShares.of(ExactRatio.of(e.getValue(), base))))
                            .toList()));
        }
        return result;
    }

    private static Question single(
            int number, String title, Function<SatisfactionForm, Object> answer, Map<String, String> labels) {
        return new Question(
                number,
                title,
                false,
                f -> {
                    Object a = answer.apply(f);
                    return a == null ? List.of() : List.of(a.toString());
                },
                labels);
    }

    private static Map<String, String> satisfactionLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        for (SatisfactionAnswer a : SatisfactionAnswer.values()) {
            labels.put(a.name(), a.label());
        }
        return labels;
    }

    private static Map<String, String> labels(String... codesAndLabels) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < codesAndLabels.length; i += 2) {
            labels.put(codesAndLabels[i], codesAndLabels[i + 1]);
        }
        return labels;
    }
}
