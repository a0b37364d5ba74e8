package cn.wenzhou.renovation.workbook;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.NumberToTextConverter;

/**
 * Reads an .xlsx package with bounded memory: the ZIP is opened in place (no part inflated until it
 * is read), every part read is parsed by a streaming, XXE-safe XML reader, and each limit of
 * {@link WorkbookLimits} is checked before what would exceed it is kept. Sheets not selected are
 * never inflated.
 */
public final class BoundedWorkbookReader {

    private static final String GENERAL = "General";
    /** Excel's own ceiling on cell formats; a styles part listing more is not from Excel. */
    private static final int MAX_CELL_FORMATS = 65_536;

    private static final int MAX_EXCEL_ROWS = 1_048_576;
    private static final int MAX_EXCEL_COLUMNS = 16_384;
    /** Days between the 1900 and 1904 date systems: dates are handed out in the 1900 system. */
    private static final int DAYS_1900_TO_1904 = 1462;

    private static final Pattern ESCAPED_CHARACTER = Pattern.compile("_x([0-9A-Fa-f]{4})_");
    /** A DDE call in a formula: application|'topic'!item, e.g. cmd|'/c calc'!A0. */
    private static final Pattern DDE = Pattern.compile("[A-Za-z0-9_.\\-]+\\s*\\|\\s*'?[^']*'?\\s*!");

    private BoundedWorkbookReader() {}

    /** Reads the selected sheets (by name) of the workbook. */
    public static WorkbookContent read(byte[] xlsx, WorkbookLimits limits, Predicate<String> sheetSelected)
            throws WorkbookRefusedException {
        if (xlsx == null || xlsx.length < 22) {
            throw new WorkbookRefusedException("不是有效的 .xlsx 工作簿");
        }
        if (isOle2(xlsx)) {
            throw new WorkbookRefusedException("不是有效的 .xlsx 工作簿：这是旧版 .xls 或加密的文件，请在 Excel 中另存为不加密的 .xlsx");
        }
        try (ZipParts parts = ZipParts.open(xlsx, limits)) {
            return new Reading(parts, limits).read(sheetSelected);
        }
    }

    private static boolean isOle2(byte[] bytes) {
        return bytes.length >= 8
                && (bytes[0] & 0xFF) == 0xD0
                && (bytes[1] & 0xFF) == 0xCF
                && (bytes[2] & 0xFF) == 0x11
                && (bytes[3] & 0xFF) == 0xE0;
    }

    private record Relationship(String type, String target, boolean external) {
        boolean is(String kind) {
            return type != null && type.endsWith("/" + kind);
        }
    }

    private record SheetEntry(String name, String relationshipId) {}

    /** The number format of each cell format (the {@code s} of a cell), and whether it shows a date. */
    private record Styles(List<String> formats, BitSet dates) {
        static final Styles NONE = new Styles(List.of(), new BitSet());

        String format(int style) {
            return style >= 0 && style < formats.size() ? formats.get(style) : GENERAL;
        }

        boolean date(int style) {
            return style >= 0 && dates.get(style);
        }
    }

    private record SharedStrings(List<String> texts, BitSet rich) {
        static final SharedStrings NONE = new SharedStrings(List.of(), new BitSet());
    }

    /** One read of one workbook: the limits' counters live here. */
    private static final class Reading {
        private final ZipParts parts;
        private final WorkbookLimits limits;
        private long cellsKept;
        private boolean date1904;

        Reading(ZipParts parts, WorkbookLimits limits) {
            this.parts = parts;
            this.limits = limits;
        }

        WorkbookContent read(Predicate<String> sheetSelected) throws WorkbookRefusedException {
            String workbookPart = workbookPart();
            List<SheetEntry> entries = sheetEntries(workbookPart);
            Map<String, Relationship> relationships = relationships(workbookPart);
            List<String> activeContent = activeContent();
            List<String> names = entries.stream().map(SheetEntry::name).toList();

            List<SheetEntry> selected = new ArrayList<>();
            for (SheetEntry entry : entries) {
                Relationship target = relationships.get(entry.relationshipId());
                if (sheetSelected.test(entry.name())
                        && target != null
                        && target.is("worksheet")
                        && !target.external()) {
                    selected.add(entry);
                }
            }
            List<SheetContent> sheets = new ArrayList<>();
            if (!selected.isEmpty()) {
                Styles styles = styles(relationships);
                SharedStrings strings = sharedStrings(relationships);
                for (SheetEntry entry : selected) {
                    String part = relationships.get(entry.relationshipId()).target();
                    sheets.add(sheet(entry.name(), part, styles, strings, activeContent));
                }
            }
            return new WorkbookContent(names, sheets, activeContent);
        }

        /** The workbook part named by the package relationships ({@code xl/workbook.xml} in practice). */
        private String workbookPart() throws WorkbookRefusedException {
            if (parts.has("_rels/.rels")) {
                for (Relationship relationship :
                        readRelationships("_rels/.rels", "").values()) {
                    if (relationship.is("officeDocument") && !relationship.external()) {
                        if (!parts.has(relationship.target())) {
                            break;
                        }
                        return relationship.target();
                    }
                }
            }
            if (parts.has("xl/workbook.xml")) {
                return "xl/workbook.xml";
            }
            throw new WorkbookRefusedException("不是有效的 .xlsx 工作簿：缺少工作簿的主体部分，请在 Excel/WPS 中打开后重新另存为 .xlsx");
        }

        private List<SheetEntry> sheetEntries(String workbookPart) throws WorkbookRefusedException {
            List<SheetEntry> entries = new ArrayList<>();
            try (PartXml xml = PartXml.open(parts, workbookPart, "工作簿部件 " + workbookPart, null, limits)) {
                for (int event = xml.next(); event != XMLStreamConstants.END_DOCUMENT; event = xml.next()) {
                    if (event != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    if ("sheet".equals(xml.localName())) {
                        if (entries.size() == limits.maxSheets()) {
                            throw WorkbookRefusedException.overLimit(
                                    "工作簿的工作表超过 " + limits.maxSheets() + " 个的上限", null, null);
                        }
                        String name = xml.attribute("name");
                        if (name == null || name.isEmpty() || name.length() > 31) {
                            throw new WorkbookRefusedException(
                                    "不是有效的 .xlsx 工作簿：第 " + (entries.size() + 1) + " 个工作表的名称无效");
                        }
                        entries.add(new SheetEntry(name, xml.namespacedAttribute("id")));
                    } else if ("workbookPr".equals(xml.localName())) {
                        String flag = xml.attribute("date1904");
                        date1904 = "1".equals(flag) || "true".equals(flag);
                    }
                }
            }
            return entries;
        }

        private Map<String, Relationship> relationships(String part) throws WorkbookRefusedException {
            int slash = part.lastIndexOf('/');
            String rels = part.substring(0, slash + 1) + "_rels/" + part.substring(slash + 1) + ".rels";
            return parts.has(rels) ? readRelationships(rels, part) : Map.of();
        }

        /** Relationships of {@code source} (empty for the package), targets resolved to part names. */
        private Map<String, Relationship> readRelationships(String relsPart, String source)
                throws WorkbookRefusedException {
            Map<String, Relationship> relationships = new HashMap<>();
            try (PartXml xml = PartXml.open(parts, relsPart, "部件 " + relsPart, null, limits)) {
                for (int event = xml.next(); event != XMLStreamConstants.END_DOCUMENT; event = xml.next()) {
                    if (event == XMLStreamConstants.START_ELEMENT && "Relationship".equals(xml.localName())) {
                        if (relationships.size() >= ZipParts.MAX_ENTRIES) {
                            throw WorkbookRefusedException.overLimit("部件 " + relsPart + " 的关系超过上限", null, null);
                        }
                        boolean external = "External".equalsIgnoreCase(xml.attribute("TargetMode"));
                        String target = xml.attribute("Target");
                        String id = xml.attribute("Id");
                        if (id != null && target != null) {
                            relationships.put(
                                    id,
                                    new Relationship(
                                            xml.attribute("Type"),
                                            external ? target : resolve(source, target, relsPart),
                                            external));
                        }
                    }
                }
            }
            return relationships;
        }

        private static String resolve(String source, String target, String relsPart) throws WorkbookRefusedException {
            try {
                String path = URI.create("/" + source)
                        .resolve(target.replace('\\', '/'))
                        .normalize()
                        .getPath();
                return path.startsWith("/") ? path.substring(1) : path;
            } catch (IllegalArgumentException e) {
                throw new WorkbookRefusedException("不是有效的 .xlsx 工作簿：部件 " + relsPart + " 中的目标 " + target + " 无效");
            }
        }

        /** Parts that run code or fetch data when the workbook is opened, found by name without inflating them. */
        private List<String> activeContent() {
            List<String> found = new ArrayList<>();
            for (String name : parts.names()) {
                String lower = name.toLowerCase(java.util.Locale.ROOT);
                boolean relationshipsOnly = lower.contains("/_rels/");
                if (!relationshipsOnly
                        && (lower.endsWith("vbaproject.bin")
                                || lower.startsWith("xl/externallinks/")
                                || lower.startsWith("xl/activex/")
                                || lower.startsWith("xl/embeddings/")
                                || lower.equals("xl/connections.xml"))) {
                    found.add(name);
                }
            }
            return found;
        }

        private String partOf(Map<String, Relationship> relationships, String kind, String usual) {
            return relationships.values().stream()
                    .filter(r -> r.is(kind) && !r.external())
                    .map(Relationship::target)
                    .filter(parts::has)
                    .findFirst()
                    .orElse(parts.has(usual) ? usual : null);
        }

        private Styles styles(Map<String, Relationship> relationships) throws WorkbookRefusedException {
            String part = partOf(relationships, "styles", "xl/styles.xml");
            if (part == null) {
                return Styles.NONE;
            }
            Map<Integer, String> custom = new HashMap<>();
            List<Integer> formatIds = new ArrayList<>();
            boolean inCellFormats = false;
            try (PartXml xml = PartXml.open(parts, part, "样式部件 " + part, null, limits)) {
                for (int event = xml.next(); event != XMLStreamConstants.END_DOCUMENT; event = xml.next()) {
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        switch (xml.localName()) {
                            case "numFmt" -> {
                                if (custom.size() >= MAX_CELL_FORMATS) {
                                    throw WorkbookRefusedException.overLimit(
                                            "样式部件中的数字格式超过 " + MAX_CELL_FORMATS + " 个", null, null);
                                }
                                Integer id = integer(xml.attribute("numFmtId"));
                                String code = xml.attribute("formatCode");
                                if (id != null && code != null) {
                                    custom.put(id, code);
                                }
                            }
                            case "cellXfs" -> inCellFormats = true;
                            case "xf" -> {
                                if (inCellFormats) {
                                    if (formatIds.size() >= MAX_CELL_FORMATS) {
                                        throw WorkbookRefusedException.overLimit(
                                                "样式部件中的单元格格式超过 " + MAX_CELL_FORMATS + " 个", null, null);
                                    }
                                    Integer id = integer(xml.attribute("numFmtId"));
                                    formatIds.add(id == null ? 0 : id);
                                }
                            }
                            default -> {}
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT && "cellXfs".equals(xml.localName())) {
                        inCellFormats = false;
                    }
                }
            }
            List<String> formats = new ArrayList<>(formatIds.size());
            BitSet dates = new BitSet();
            Map<Integer, Boolean> dateById = new HashMap<>();
            for (int i = 0; i < formatIds.size(); i++) {
                int id = formatIds.get(i);
                String code = custom.containsKey(id) ? custom.get(id) : builtinFormat(id);
                formats.add(code);
                if (dateById.computeIfAbsent(id, key -> isDate(key, code))) {
                    dates.set(i);
                }
            }
            return new Styles(formats, dates);
        }

        /**
         * Excel's built-in formats; 27–36 and 50–58 are the East Asian date and time formats, which a
         * file made by Chinese Excel refers to by number only.
         */
        private static String builtinFormat(int id) {
            String builtin =
                    id < BuiltinFormats.FIRST_USER_DEFINED_FORMAT_INDEX ? BuiltinFormats.getBuiltinFormat(id) : null;
            if (isEastAsianTime(id)) {
                return "h\"时\"mm\"分\"ss\"秒\"";
            }
            if (isEastAsianDate(id)) {
                return "yyyy\"年\"m\"月\"d\"日\"";
            }
            return builtin == null || builtin.startsWith("reserved") ? GENERAL : builtin;
        }

        private static boolean isEastAsianDate(int id) {
            return (id >= 27 && id <= 31) || id == 36 || (id >= 50 && id <= 54) || id == 57 || id == 58;
        }

        private static boolean isEastAsianTime(int id) {
            return (id >= 32 && id <= 35) || id == 55 || id == 56;
        }

        private static boolean isDate(int id, String code) {
            return isEastAsianDate(id) || isEastAsianTime(id) || DateUtil.isADateFormat(id, code);
        }

        private SharedStrings sharedStrings(Map<String, Relationship> relationships) throws WorkbookRefusedException {
            String part = partOf(relationships, "sharedStrings", "xl/sharedStrings.xml");
            if (part == null) {
                return SharedStrings.NONE;
            }
            List<String> texts = new ArrayList<>();
            BitSet rich = new BitSet();
            try (PartXml xml = PartXml.open(parts, part, "共享字符串表 " + part, null, limits)) {
                TextCollector text = null;
                for (int event = xml.next(); event != XMLStreamConstants.END_DOCUMENT; event = xml.next()) {
                    if (event == XMLStreamConstants.START_ELEMENT && "si".equals(xml.localName())) {
                        if (texts.size() == limits.maxSharedStrings()) {
                            throw WorkbookRefusedException.overLimit(
                                    "共享字符串表超过 " + limits.maxSharedStrings() + " 条的上限", null, null);
                        }
                        int index = texts.size();
                        text = new TextCollector(
                                limits,
                                () -> WorkbookRefusedException.overLimit(
                                        "共享字符串表第 " + (index + 1) + " 条的文字超过 " + limits.maxCellChars() + " 个字符的上限",
                                        null,
                                        null));
                    } else if (text != null
                            && event == XMLStreamConstants.END_ELEMENT
                            && "si".equals(xml.localName())) {
                        if (text.runs() > 1) {
                            rich.set(texts.size());
                        }
                        texts.add(text.text());
                        text = null;
                    } else if (text != null) {
                        text.accept(xml, event);
                    }
                }
            }
            return new SharedStrings(texts, rich);
        }

        private SheetContent sheet(
                String name, String part, Styles styles, SharedStrings strings, List<String> activeContent)
                throws WorkbookRefusedException {
            return new SheetParser(this, name, part, styles, strings, activeContent).parse();
        }
    }

    private static Integer integer(String text) {
        if (text == null || text.isEmpty() || text.length() > 9) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Collects the text of a string item (shared or inline): its {@code t} elements, phonetic runs excluded, length-checked. */
    private static final class TextCollector {
        private final WorkbookLimits limits;
        private final java.util.function.Supplier<WorkbookRefusedException> tooLong;
        private final StringBuilder text = new StringBuilder();
        private int runs;
        private int phoneticDepth;
        private boolean inText;

        TextCollector(WorkbookLimits limits, java.util.function.Supplier<WorkbookRefusedException> tooLong) {
            this.limits = limits;
            this.tooLong = tooLong;
        }

        void accept(PartXml xml, int event) throws WorkbookRefusedException {
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    String local = xml.localName();
                    if ("rPh".equals(local)) {
                        phoneticDepth++;
                    } else if ("r".equals(local) && phoneticDepth == 0) {
                        runs++;
                    } else if ("t".equals(local) && phoneticDepth == 0) {
                        inText = true;
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    String local = xml.localName();
                    if ("rPh".equals(local)) {
                        phoneticDepth--;
                    } else if ("t".equals(local)) {
                        inText = false;
                    }
                }
                default -> {
                    if (inText) {
                        if (text.length() + xml.textLength() > limits.maxCellChars() * 7L + 7) {
                            throw tooLong.get(); // even fully escaped (_xHHHH_ is 7 characters for one) it is too long
                        }
                        text.append(xml.textCharacters(), xml.textStart(), xml.textLength());
                    }
                }
            }
        }

        int runs() {
            return runs;
        }

        String text() throws WorkbookRefusedException {
            String decoded = unescape(text);
            if (decoded.length() > limits.maxCellChars()) {
                throw tooLong.get();
            }
            return decoded;
        }
    }

    /** Excel writes characters XML cannot hold as _xHHHH_. */
    private static String unescape(CharSequence text) {
        if (text.length() < 7 || text.toString().indexOf("_x") < 0) {
            return text.toString();
        }
        Matcher escaped = ESCAPED_CHARACTER.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (escaped.find()) {
            escaped.appendReplacement(
                    out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(escaped.group(1), 16))));
        }
        escaped.appendTail(out);
        return out.toString();
    }

    /** One worksheet part, cell by cell. */
    private static final class SheetParser {
        private final Reading reading;
        private final String name;
        private final String part;
        private final String described;
        private final Styles styles;
        private final SharedStrings strings;
        private final List<String> activeContent;
        private final List<SheetCell> cells = new ArrayList<>();
        private final List<CellRangeAddress> merged = new ArrayList<>();
        private final Map<String, String> sharedFormulas = new HashMap<>();

        // the cell being read
        private int row = -1;
        private int column = -1;
        private int style;
        private String type;
        private boolean inCell;
        private final StringBuilder value = new StringBuilder();
        private boolean hasValue;
        private StringBuilder formula;
        private String sharedFormulaIndex;
        private TextCollector inline;
        private boolean inValue;
        private boolean inFormula;

        SheetParser(
                Reading reading,
                String name,
                String part,
                Styles styles,
                SharedStrings strings,
                List<String> activeContent) {
            this.reading = reading;
            this.name = name;
            this.part = part;
            this.described = "工作表「" + name + "」";
            this.styles = styles;
            this.strings = strings;
            this.activeContent = activeContent;
        }

        SheetContent parse() throws WorkbookRefusedException {
            int lastRow = -1;
            try (PartXml xml = PartXml.open(reading.parts, part, described, name, reading.limits)) {
                for (int event = xml.next(); event != XMLStreamConstants.END_DOCUMENT; event = xml.next()) {
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        switch (xml.localName()) {
                            case "row" -> {
                                Integer r = integer(xml.attribute("r"));
                                row = r == null ? lastRow + 1 : r - 1;
                                if (row < 0 || row >= MAX_EXCEL_ROWS) {
                                    throw invalid("行号 " + xml.attribute("r") + " 无效");
                                }
                                lastRow = row;
                                column = -1;
                            }
                            case "c" -> startCell(xml);
                            case "v" -> inValue = inCell;
                            case "f" -> {
                                if (inCell) {
                                    inFormula = true;
                                    formula = new StringBuilder();
                                    sharedFormulaIndex =
                                            "shared".equals(xml.attribute("t")) ? xml.attribute("si") : null;
                                }
                            }
                            case "is" -> {
                                if (inCell) {
                                    inline = new TextCollector(reading.limits, () -> tooLong());
                                }
                            }
                            case "mergeCell" -> merge(xml.attribute("ref"));
                            default -> {
                                if (inline != null) {
                                    inline.accept(xml, event);
                                }
                            }
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        switch (xml.localName()) {
                            case "c" -> endCell();
                            case "v" -> inValue = false;
                            case "f" -> inFormula = false;
                            case "is" -> {
                                if (inline != null) {
                                    hasValue = true;
                                }
                            }
                            default -> {
                                if (inline != null) {
                                    inline.accept(xml, event);
                                }
                            }
                        }
                    } else if (inValue) {
                        append(value, xml);
                        hasValue = true;
                    } else if (inFormula) {
                        append(formula, xml);
                    } else if (inline != null) {
                        inline.accept(xml, event);
                    }
                }
            }
            boolean inOrder = true;
            for (int i = 1; i < cells.size() && inOrder; i++) {
                inOrder = position(cells.get(i - 1)) < position(cells.get(i));
            }
            if (!inOrder) {
                cells.sort(Comparator.comparingLong(BoundedWorkbookReader::position));
                for (int i = 1; i < cells.size(); i++) {
                    if (position(cells.get(i - 1)) == position(cells.get(i))) {
                        throw invalid("单元格 " + cells.get(i).reference() + " 出现了两次");
                    }
                }
            }
            return new SheetContent(name, cells, merged);
        }

        private void append(StringBuilder into, PartXml xml) throws WorkbookRefusedException {
            if (into.length() + xml.textLength() > reading.limits.maxCellChars()) {
                throw tooLong();
            }
            into.append(xml.textCharacters(), xml.textStart(), xml.textLength());
        }

        private void startCell(PartXml xml) throws WorkbookRefusedException {
            if (row < 0) {
                throw invalid("单元格不在任何行中");
            }
            String reference = xml.attribute("r");
            if (reference == null) {
                column++;
            } else {
                int[] at = parseReference(reference);
                if (at == null) {
                    throw invalid("单元格地址 " + abbreviate(reference) + " 无效");
                }
                if (at[0] != row) {
                    throw invalid("单元格 " + reference + " 不在它所在的第 " + (row + 1) + " 行");
                }
                column = at[1];
            }
            Integer s = integer(xml.attribute("s"));
            style = s == null ? 0 : s;
            type = xml.attribute("t");
            inCell = true;
            value.setLength(0);
            hasValue = false;
            formula = null;
            sharedFormulaIndex = null;
            inline = null;
        }

        private void endCell() throws WorkbookRefusedException {
            inCell = false;
            if (!hasValue && formula == null) {
                inline = null;
                return; // an empty (perhaps formatted) cell: nothing to keep
            }
            WorkbookLimits limits = reading.limits;
            if (row + 1 > limits.maxRowsPerSheet()) {
                throw WorkbookRefusedException.overLimit(
                        described + "超过 " + limits.maxRowsPerSheet() + " 行的上限（单元格 " + reference() + "）",
                        name,
                        reference());
            }
            if (column + 1 > limits.maxColumns()) {
                throw WorkbookRefusedException.overLimit(
                        described + "超过 " + limits.maxColumns() + " 列的上限（单元格 " + reference() + "）", name, reference());
            }
            if (reading.cellsKept + 1 > limits.maxCells()) {
                throw WorkbookRefusedException.overLimit(
                        "读取的工作表共超过 " + limits.maxCells() + " 个非空单元格的上限（" + described + "单元格 " + reference() + "）",
                        name,
                        reference());
            }
            String formulaText = formula == null ? null : formula.toString();
            if (sharedFormulaIndex != null) {
                if (!formulaText.isEmpty()) {
                    sharedFormulas.putIfAbsent(sharedFormulaIndex, formulaText);
                } else {
                    formulaText = sharedFormulas.getOrDefault(sharedFormulaIndex, "");
                }
            }
            if (formulaText != null && DDE.matcher(formulaText).find()) {
                activeContent.add(part + "#" + reference());
            }
            SheetCell cell = cell(formulaText);
            inline = null;
            if (cell != null) {
                reading.cellsKept++;
                cells.add(cell);
            }
        }

        private SheetCell cell(String formulaText) throws WorkbookRefusedException {
            String format = styles.format(style);
            boolean date = styles.date(style);
            String raw = value.toString();
            if (inline != null) {
                String text = inline.text();
                return new SheetCell(row, column, CellKind.TEXT, text, formulaText, inline.runs() > 1, format, false);
            }
            switch (type == null ? "n" : type) {
                case "s" -> {
                    Integer index = integer(raw.strip());
                    if (index == null || index >= strings.texts().size()) {
                        throw invalid("单元格 " + reference() + " 引用了不存在的共享字符串");
                    }
                    return new SheetCell(
                            row,
                            column,
                            CellKind.TEXT,
                            strings.texts().get(index),
                            formulaText,
                            strings.rich().get(index),
                            format,
                            false);
                }
                case "str", "d" -> {
                    return new SheetCell(row, column, CellKind.TEXT, unescape(raw), formulaText, false, format, false);
                }
                case "b" -> {
                    String flag = raw.strip();
                    if (!flag.equals("1")
                            && !flag.equals("0")
                            && !flag.equalsIgnoreCase("true")
                            && !flag.equalsIgnoreCase("false")) {
                        throw invalid("单元格 " + reference() + " 的真假值 " + abbreviate(flag) + " 无效");
                    }
                    boolean truth = flag.equals("1") || flag.equalsIgnoreCase("true");
                    return new SheetCell(
                            row, column, CellKind.BOOLEAN, truth ? "TRUE" : "FALSE", formulaText, false, format, false);
                }
                case "e" -> {
                    return new SheetCell(row, column, CellKind.ERROR, raw.strip(), formulaText, false, format, false);
                }
                case "n" -> {
                    if (raw.isBlank()) {
                        // a formula without a cached result
                        return formulaText == null
                                ? null
                                : new SheetCell(row, column, CellKind.TEXT, "", formulaText, false, format, false);
                    }
                    return new SheetCell(
                            row, column, CellKind.NUMBER, number(raw.strip(), date), formulaText, false, format, date);
                }
                default -> throw invalid("单元格 " + reference() + " 的类型 " + abbreviate(type) + " 无效");
            }
        }

        /** The number as Excel shows it at most (15 significant digits), in plain notation. */
        private String number(String raw, boolean date) throws WorkbookRefusedException {
            double number;
            try {
                number = Double.parseDouble(raw);
            } catch (NumberFormatException e) {
                throw invalid("单元格 " + reference() + " 的数值 " + abbreviate(raw) + " 无效");
            }
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                throw invalid("单元格 " + reference() + " 的数值 " + abbreviate(raw) + " 无效");
            }
            if (date && reading.date1904) {
                number += DAYS_1900_TO_1904;
            }
            return new BigDecimal(NumberToTextConverter.toText(number)).toPlainString();
        }

        private void merge(String ref) throws WorkbookRefusedException {
            if (ref == null) {
                return;
            }
            if (reading.cellsKept + 1 > reading.limits.maxCells()) {
                throw WorkbookRefusedException.overLimit(
                        described + "的合并区域和非空单元格共超过 " + reading.limits.maxCells() + " 个的上限", name, null);
            }
            String[] corners = ref.split(":", -1);
            int[] first = corners.length >= 1 ? parseReference(corners[0]) : null;
            int[] last = corners.length == 2 ? parseReference(corners[1]) : first;
            if (first == null || last == null || corners.length > 2) {
                throw invalid("合并区域 " + abbreviate(ref) + " 无效");
            }
            reading.cellsKept++;
            merged.add(new CellRangeAddress(
                    Math.min(first[0], last[0]),
                    Math.max(first[0], last[0]),
                    Math.min(first[1], last[1]),
                    Math.max(first[1], last[1])));
        }

        private String reference() {
            return new CellReference(row, column).formatAsString(false);
        }

        private WorkbookRefusedException tooLong() {
            return WorkbookRefusedException.overLimit(
                    described + "单元格 " + reference() + " 的文字超过 " + reading.limits.maxCellChars() + " 个字符的上限",
                    name,
                    reference());
        }

        private WorkbookRefusedException invalid(String what) {
            return new WorkbookRefusedException(
                    "不是有效的 .xlsx 工作簿：" + described + "的" + what, name, row >= 0 && column >= 0 ? reference() : null);
        }
    }

    private static long position(SheetCell cell) {
        return ((long) cell.row() << 20) | cell.column();
    }

    /** A1-style reference to {row, column}, both 0-based; null when it is not one within Excel's grid. */
    static int[] parseReference(String reference) {
        int i = 0;
        int column = 0;
        int length = reference.length();
        if (length > 12) {
            return null;
        }
        while (i < length && Character.isLetter(reference.charAt(i))) {
            char c = Character.toUpperCase(reference.charAt(i));
            if (c < 'A' || c > 'Z') {
                return null;
            }
            column = column * 26 + (c - 'A' + 1);
            i++;
        }
        if (i == 0 || i > 3 || i == length || column > MAX_EXCEL_COLUMNS) {
            return null;
        }
        int row = 0;
        for (; i < length; i++) {
            char c = reference.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            row = row * 10 + (c - '0');
            if (row > MAX_EXCEL_ROWS) {
                return null;
            }
        }
        return row == 0 ? null : new int[] {row - 1, column - 1};
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() <= 20 ? text : text.substring(0, 20) + "…";
    }
}
