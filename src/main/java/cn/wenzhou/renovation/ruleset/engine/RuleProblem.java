package cn.wenzhou.renovation.ruleset.engine;

/**
 * Something wrong with a rule file, located as precisely as the source allows: a DRL line, or a
 * spreadsheet's sheet and cell (for example sheet 改造范围参数, cell C4).
 */
public record RuleProblem(
        String file, String sheet, String cell, Integer line, String message, String technicalDetail) {

    public static RuleProblem inFile(String file, String message) {
        return new RuleProblem(file, null, null, null, message, null);
    }

    public static RuleProblem atLine(String file, int line, String message) {
        return new RuleProblem(file, null, null, line > 0 ? line : null, message, null);
    }

    public static RuleProblem atCell(String file, String sheet, String cell, String message) {
        return new RuleProblem(file, sheet, cell, null, message, null);
    }

    /**
     * The same place told in policy language, the engine's own text kept aside: a publisher may open it (技术细节),
     * an officer never has to read it.
     */
    public RuleProblem toldAs(String message, String technicalDetail) {
        return new RuleProblem(file, sheet, cell, line, message, technicalDetail);
    }

    /** Where, as a person would write it: {@code scope-parameters.xlsx 工作表「改造范围参数」单元格 C4}. */
    public String location() {
        StringBuilder where = new StringBuilder(file);
        if (sheet != null) {
            where.append(" 工作表「").append(sheet).append('」');
        }
        if (cell != null) {
            where.append(" 单元格 ").append(cell);
        }
        if (line != null) {
            where.append(" 第 ").append(line).append(" 行");
        }
        return where.toString();
    }

    @Override
    public String toString() {
        return location() + ": " + message;
    }
}
