package cn.wenzhou.renovation.procedure;

/**
 * Policy parameter from the decision table: a document a procedure step needs before it is complete,
 * with the guide's annex that gives its form (0 when the guide gives no form).
 */
public record RequiredDocument(String ruleId, int step, String code, String name, int annex) {

    /** As written in the table; the annex cell is a number or 无. */
    public RequiredDocument(String ruleId, int step, String code, String name, String annex) {
        this(ruleId, step, code.strip(), name.strip(), annexNumber(annex));
    }

    private static int annexNumber(String cell) {
        if ("无".equals(cell.strip())) {
            return 0;
        }
        try {
            return Integer.parseInt(cell.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("附件应填编号或“无”，不能是 '" + cell.strip() + "'");
        }
    }

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
