package cn.wenzhou.renovation.ruleset.engine.stafftable;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.workbook.CellKind;
import cn.wenzhou.renovation.workbook.SheetCell;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each type's cells as staff type them, the literal each becomes, and the finding for what cannot be read. */
class CellReadingTest {

    private static final Map<String, String> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("URBAN_VILLAGE", "城中村");
        KINDS.put("MAINLY_SELF_BUILT_HOUSING_AREA", "居民自建住房为主的区域");
    }

    private static FormColumn column(ValueType type) {
        return new FormColumn(
                "列", "value", type, false, type == ValueType.SHARE ? "1/2" : null, null, "年", KINDS, null);
    }

    private static SheetCell text(String value) {
        return new SheetCell(3, 2, CellKind.TEXT, value, null, false, "General", false);
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "INTEGER | 2005        | 2005",
                "INTEGER | ２００５    | 2005",
                "INTEGER | 2005年      | 2005",
                "INTEGER | 1,000       | 1000",
                "DECIMAL | 0.35        | 0.35",
                "SHARE   | 2/3         | 2/3",
                "SHARE   | 9/10        | 9/10",
                "SHARE   | 90%         | 9/10",
                "SHARE   | ９０％      | 9/10",
                "SHARE   | 0.9         | 9/10",
                "YES_NO  | 是          | true",
                "YES_NO  | 否          | false",
                "DATE    | 2021-01-01  | 2021-01-01",
                "DATE    | 2021/1/1    | 2021-01-01",
                "DATE    | 2021.1.1    | 2021-01-01",
                "DATE    | 2021年1月1日 | 2021-01-01",
                "CODE    | 城中村      | URBAN_VILLAGE",
                "CODE    | URBAN_VILLAGE | URBAN_VILLAGE",
                "TEXT    | 一、改造范围 | 一、改造范围",
            })
    void aValueAsStaffTypeItBecomesTheLiteralItsTypeAllows(ValueType type, String typed, String literal) {
        assertThat(CellReading.read(column(type), text(typed))).isEqualTo(new CellReading.Value(literal, typed));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "INTEGER | 二千          | 应填写整数",
                "INTEGER | 2005.5        | 应填写整数",
                "INTEGER | 2005); x(     | 应填写整数",
                "SHARE   | 三分之二      | 应填写比例",
                "SHARE   | 1/3           | 超出合理范围",
                "YES_NO  | 对            | 应选择 是 或 否",
                "DATE    | 2021-02-30    | 不是存在的日期",
                "DATE    | 明年          | 应填写日期",
                "CODE    | 村            | 应从下拉列表中选择（城中村、居民自建住房为主的区域）",
                "CODE    | URBAN_VILLAGE.x | 应从下拉列表中选择",
                "TEXT    | 说\"明        | 英文引号",
                "TEXT    | a\\b          | 反斜杠",
            })
    void whatCannotBeReadIsSaidInChinese(ValueType type, String typed, String expected) {
        assertThat(CellReading.read(column(type), text(typed)))
                .isInstanceOfSatisfying(
                        CellReading.Refused.class,
                        refused -> assertThat(refused.why()).contains(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"INTEGER", "SHARE"})
    void aNumberTheSpreadsheetTurnedIntoADateIsNamedAsThatDate(ValueType type) {
        // 9/10 typed into a General cell: Calc stores 46275 formatted as a date.
        SheetCell date = new SheetCell(3, 2, CellKind.NUMBER, "46275", null, false, "m/d/yy", true);

        assertThat(CellReading.read(column(type), date))
                .isInstanceOfSatisfying(
                        CellReading.Refused.class,
                        refused -> assertThat(refused.why()).contains("被表格程序当作了日期 2026-09-10"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"INTEGER", "TEXT", "DATE"})
    void aFormulaIsNeverRead(ValueType type) {
        SheetCell formula = new SheetCell(3, 2, CellKind.NUMBER, "2000", "1000*2", false, "General", false);

        assertThat(CellReading.read(column(type), formula))
                .isInstanceOfSatisfying(
                        CellReading.Refused.class,
                        refused -> assertThat(refused.why()).contains("是公式"));
    }
}
