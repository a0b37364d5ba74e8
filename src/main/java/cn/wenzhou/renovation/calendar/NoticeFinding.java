package cn.wenzhou.renovation.calendar;

/**
 * What is wrong with an uploaded notice, where: the file, the sheet (none for a CSV), the cell or the line,
 * and the column, in Chinese and in the notice's terms, saying what was expected.
 */
record NoticeFinding(String file, String sheet, String where, String field, String message) {

    /** For example 2027年放假安排.xlsx 工作表“放假安排” A7（日期）. */
    public String location() {
        return file
                + (sheet == null ? "" : " 工作表“" + sheet + "”")
                + (where == null ? "" : " " + where)
                + (field == null ? "" : "（" + field + "）");
    }

    public String describe() {
        return location() + "：" + message;
    }
}
