package cn.wenzhou.renovation.procedure;

/** The ten steps of guide §3 (建设程序), in their order. */
enum ProcedureStep {
    CONSULTATION(1, "征求意见"),
    PLANNING_SCHEME(2, "制定改造策划方案"),
    SITE_SURVEY(3, "组织部门现场踏勘"),
    DESIGN_CONFIRMATION(4, "确认改造设计方案"),
    APPLICATION(5, "项目申报"),
    IMPLEMENTATION(6, "工程组织实施"),
    SUPERVISION(7, "项目过程监督"),
    COMPLETION_ACCEPTANCE(8, "组织竣工验收"),
    HANDOVER(9, "项目移交维护"),
    POST_EVALUATION(10, "建立后评估机制");

    private final int number;
    private final String label;

    ProcedureStep(int number, String label) {
        this.number = number;
        this.label = label;
    }

    public int number() {
        return number;
    }

    public String label() {
        return label;
    }

    public static ProcedureStep numbered(int number) {
        for (ProcedureStep step : values()) {
            if (step.number == number) {
                return step;
            }
        }
        throw new IllegalArgumentException("guide §3 has no step " + number);
    }
}
