package cn.wenzhou.renovation.survey;

/** Question 8 of annex 7: 您对我市城镇老旧小区改造工作是否满意？ */
enum SatisfactionAnswer {
    VERY_SATISFIED("非常满意"),
    BASICALLY_SATISFIED("基本满意"),
    NEUTRAL("一般"),
    DISSATISFIED("不满意");

    private final String label;

    SatisfactionAnswer(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
