package cn.wenzhou.renovation.procedure;

/**
 * Policy parameter from the decision table: a document a procedure step needs before it is complete,
 * with the guide's annex that gives its form (0 when the guide gives no form).
 */
public record RequiredDocument(String ruleId, int step, String code, String name, int annex) {

    public RequiredDocument {
        if (step < 1 || step > ProcedureStep.values().length) {
            throw new IllegalArgumentException("步骤应为 1–10，不能是 " + step);
        }
        if (code.isBlank() || name.isBlank()) {
            throw new IllegalArgumentException("材料代码和名称不能为空");
        }
    }

    public String annexLabel() {
        return annex == 0 ? "" : "附件" + annex;
    }
}
