package cn.wenzhou.renovation.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Workbooks made to hurt whoever reads them, built at test time by rewriting the ZIP parts of a base
 * workbook (never through POI's usermodel, which could not even hold the big ones): a formula whose
 * cached value is Java, a DDE formula, an external link, an XXE or billion-laughs DOCTYPE, a zip bomb,
 * a sheet of 200,000 rows and 20 million cells in extra sheets. Huge parts are written streaming.
 */
public final class HostileWorkbooks {

    /** The cached value that once reached the DRL compiler as code (issue 17, finding 1). */
    public static final String CODE_IN_CACHED_VALUE =
            "2000)); new java.io.File(\"/tmp/x\").mkdirs(); String.valueOf(String.valueOf(1";

    public static final String DDE_FORMULA = "cmd|' /C calc'!A0";

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final Pattern SHEET_DATA_END = Pattern.compile("</(?:\\w+:)?sheetData>|<(?:\\w+:)?sheetData\\s*/>");

    private HostileWorkbooks() {}

    /** Writes one part's bytes into the archive. */
    @FunctionalInterface
    private interface PartWriter {
        void write(OutputStream out) throws IOException;
    }

    // --- cells ---------------------------------------------------------------------------------------

    /** {@code cell} of {@code sheet} becomes {@code <f>FOO</f>} with {@link #CODE_IN_CACHED_VALUE} as its cached string. */
    public static byte[] formulaWithCodeInCachedValue(byte[] base, String sheet, String cell) {
        return withCell(
                base,
                sheet,
                cell,
                "<c r=\"" + cell + "\" t=\"str\"><f>FOO</f><v>" + escape(CODE_IN_CACHED_VALUE) + "</v></c>");
    }

    /** {@code cell} of {@code sheet} becomes the DDE formula {@link #DDE_FORMULA} (cached value 0). */
    public static byte[] ddeFormula(byte[] base, String sheet, String cell) {
        return withCell(base, sheet, cell, "<c r=\"" + cell + "\"><f>" + escape(DDE_FORMULA) + "</f><v>0</v></c>");
    }

    // --- parts ---------------------------------------------------------------------------------------

    /** Adds {@code xl/externalLinks/externalLink1.xml}, linked from the workbook, pointing at a file on another machine. */
    public static byte[] externalLink(byte[] base) {
        Map<String, byte[]> parts = parts(base);
        String link = """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <externalLink xmlns="%s" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                <externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames>\
                <sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>1</v></cell></row></sheetData></sheetDataSet>\
                </externalBook></externalLink>""".formatted(MAIN);
        String linkRels = """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" \
                Target="file://attacker.example/share/data.xlsx" TargetMode="External"/></Relationships>""";
        Map<String, PartWriter> changes = new LinkedHashMap<>();
        changes.put("xl/externalLinks/externalLink1.xml", bytes(link));
        changes.put("xl/externalLinks/_rels/externalLink1.xml.rels", bytes(linkRels));
        String rels = text(parts.get("xl/_rels/workbook.xml.rels"))
                .replace(
                        "</Relationships>",
                        "<Relationship Id=\"rIdExternal1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink\""
                                + " Target=\"externalLinks/externalLink1.xml\"/></Relationships>");
        changes.put("xl/_rels/workbook.xml.rels", bytes(rels));
        String workbook = text(parts.get("xl/workbook.xml"));
        workbook = workbook.replaceFirst(
                "(</(?:\\w+:)?sheets>)",
                "$1<externalReferences><externalReference r:id=\"rIdExternal1\"/></externalReferences>");
        if (!workbook.contains("xmlns:r=")) {
            workbook = workbook.replaceFirst(
                    "<workbook ",
                    "<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" ");
        }
        changes.put("xl/workbook.xml", bytes(workbook));
        String types = text(parts.get("[Content_Types].xml"))
                .replace(
                        "</Types>",
                        "<Override PartName=\"/xl/externalLinks/externalLink1.xml\""
                                + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml\"/></Types>");
        changes.put("[Content_Types].xml", bytes(types));
        return rewrite(base, changes, Deflater.DEFAULT_COMPRESSION);
    }

    /** {@code sheet}'s part starts with a DOCTYPE declaring an external entity (/etc/passwd), used in a cell. */
    public static byte[] xxeInSheet(byte[] base, String sheet) {
        return withDoctype(base, sheet, "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>", "&xxe;");
    }

    /** {@code sheet}'s part declares the ten nested entities of "billion laughs" (3 GB once expanded), used in a cell. */
    public static byte[] billionLaughsInSheet(byte[] base, String sheet) {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE worksheet [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            String previous = "&lol" + (i - 1) + ";";
            doctype.append("<!ENTITY lol")
                    .append(i)
                    .append(" \"")
                    .append(previous.repeat(10))
                    .append("\">");
        }
        return withDoctype(base, sheet, doctype.append("]>").toString(), "&lol9;");
    }

    /**
     * {@code sheet}'s part replaced by a well-formed worksheet of about {@code uncompressedBytes} (e.g. 2 GB),
     * one row of empty cells repeated, which deflates about a thousand to one. Written streaming.
     */
    public static byte[] zipBombSheet(byte[] base, String sheet, long uncompressedBytes) {
        String part = sheetPart(base, sheet);
        byte[] chunk = "<c r=\"A1\"/>".repeat(6_000).getBytes(StandardCharsets.US_ASCII);
        Map<String, PartWriter> changes = Map.of(part, out -> {
            out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + MAIN
                            + "\"><sheetData><row r=\"1\">")
                    .getBytes(StandardCharsets.US_ASCII));
            for (long written = 0; written < uncompressedBytes; written += chunk.length) {
                out.write(chunk);
            }
            out.write("</row></sheetData></worksheet>".getBytes(StandardCharsets.US_ASCII));
        });
        return rewrite(base, changes, Deflater.BEST_COMPRESSION);
    }

    /** {@code rows} rows appended to {@code sheet} after its last row, a number in column A of each. Written streaming. */
    public static byte[] extraRows(byte[] base, String sheet, int rows) {
        String part = sheetPart(base, sheet);
        String xml = text(parts(base).get(part));
        Matcher end = SHEET_DATA_END.matcher(xml);
        if (!end.find()) {
            throw new IllegalArgumentException("no sheetData in " + part);
        }
        int first = lastRow(xml.substring(0, end.start())) + 1;
        boolean selfClosing = end.group().endsWith("/>");
        String before = xml.substring(0, end.start()) + (selfClosing ? "<sheetData>" : "");
        String after = (selfClosing ? "</sheetData>" : end.group()) + xml.substring(end.end());
        return rewrite(
                base,
                Map.of(part, out -> {
                    Writer writer = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
                    writer.write(before);
                    for (int r = first; r < first + rows; r++) {
                        writer.write("<row r=\"" + r + "\"><c r=\"A" + r + "\"><v>" + r + "</v></c></row>");
                    }
                    writer.write(after);
                    writer.flush();
                }),
                Deflater.DEFAULT_COMPRESSION);
    }

    /**
     * {@code sheets} extra worksheets of {@code cellsPerSheet} number cells each (100 to a row), e.g. 4 × 5,000,000:
     * hundreds of MB of XML that deflate to a few MB. Written streaming.
     */
    public static byte[] extraSheetsOfCells(byte[] base, int sheets, int cellsPerSheet) {
        Map<String, byte[]> parts = parts(base);
        Map<String, PartWriter> changes = new LinkedHashMap<>();
        String workbook = text(parts.get("xl/workbook.xml"));
        String rels = text(parts.get("xl/_rels/workbook.xml.rels"));
        String types = text(parts.get("[Content_Types].xml"));
        StringBuilder sheetElements = new StringBuilder();
        for (int i = 1; i <= sheets; i++) {
            String name = "xl/worksheets/extra" + i + ".xml";
            sheetElements
                    .append("<sheet name=\"附加")
                    .append(i)
                    .append("\" sheetId=\"")
                    .append(900 + i)
                    .append("\" r:id=\"rIdExtra")
                    .append(i)
                    .append("\"/>");
            rels = rels.replace(
                    "</Relationships>",
                    "<Relationship Id=\"rIdExtra" + i
                            + "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/extra"
                            + i + ".xml\"/></Relationships>");
            types = types.replace(
                    "</Types>",
                    "<Override PartName=\"/" + name
                            + "\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
            changes.put(name, out -> {
                out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + MAIN + "\"><sheetData>")
                        .getBytes(StandardCharsets.US_ASCII));
                byte[] cells = "<c><v>7</v></c>".repeat(100).getBytes(StandardCharsets.US_ASCII);
                for (int row = 1; row <= (cellsPerSheet + 99) / 100; row++) {
                    out.write(("<row r=\"" + row + "\">").getBytes(StandardCharsets.US_ASCII));
                    out.write(cells);
                    out.write("</row>".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("</sheetData></worksheet>".getBytes(StandardCharsets.US_ASCII));
            });
        }
        workbook = workbook.replaceFirst(
                "(</(?:\\w+:)?sheets>)", Matcher.quoteReplacement(sheetElements.toString()) + "$1");
        changes.put("xl/workbook.xml", bytes(workbook));
        changes.put("xl/_rels/workbook.xml.rels", bytes(rels));
        changes.put("[Content_Types].xml", bytes(types));
        return rewrite(base, changes, Deflater.BEST_COMPRESSION);
    }

    // --- how parts are found and rewritten ------------------------------------------------------------

    /** The part name of the worksheet called {@code sheet}, from workbook.xml and its relationships. */
    public static String sheetPart(byte[] base, String sheet) {
        Map<String, byte[]> parts = parts(base);
        Matcher element = Pattern.compile("<(?:\\w+:)?sheet\\b[^>]*>").matcher(text(parts.get("xl/workbook.xml")));
        while (element.find()) {
            String tag = element.group();
            if (sheet.equals(unescape(attribute(tag, "name")))) {
                String id = attribute(tag, "r:id");
                Matcher rel = Pattern.compile("<Relationship\\b[^>]*>")
                        .matcher(text(parts.get("xl/_rels/workbook.xml.rels")));
                while (rel.find()) {
                    if (id.equals(attribute(rel.group(), "Id"))) {
                        String target = attribute(rel.group(), "Target");
                        return target.startsWith("/") ? target.substring(1) : "xl/" + target;
                    }
                }
            }
        }
        throw new IllegalArgumentException("no sheet " + sheet);
    }

    private static String attribute(String tag, String name) {
        Matcher value =
                Pattern.compile("\\s" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(tag);
        return value.find() ? value.group(1) : null;
    }

    private static int lastRow(String xml) {
        Matcher row = Pattern.compile("<(?:\\w+:)?row\\b[^>]*\\sr=\"(\\d+)\"").matcher(xml);
        int last = 0;
        while (row.find()) {
            last = Math.max(last, Integer.parseInt(row.group(1)));
        }
        return last;
    }

    /** Replaces (or adds) the cell {@code reference} of {@code sheet} with {@code cellXml}, keeping rows in order. */
    private static byte[] withCell(byte[] base, String sheet, String reference, String cellXml) {
        String part = sheetPart(base, sheet);
        String xml = text(parts(base).get(part));
        int row = Integer.parseInt(reference.replaceAll("^[A-Z]+", ""));
        String column = reference.replaceAll("\\d+$", "");
        Matcher rowElement = Pattern.compile(
                        "<(?:\\w+:)?row\\b[^>]*\\sr=\"" + row + "\"[^>]*?(/>|>(.*?)</(?:\\w+:)?row>)", Pattern.DOTALL)
                .matcher(xml);
        String edited;
        if (rowElement.find()) {
            String cells = rowElement.group(2) == null ? "" : rowElement.group(2);
            String withoutCell =
                    cells.replaceAll("<(?:\\w+:)?c\\b[^>]*\\sr=\"" + reference + "\"[^>]*?(/>|>.*?</(?:\\w+:)?c>)", "");
            // Cells of a row are in column order: put the new one before the first cell of a later column.
            Matcher cell =
                    Pattern.compile("<(?:\\w+:)?c\\b[^>]*\\sr=\"([A-Z]+)\\d+\"").matcher(withoutCell);
            int insertAt = withoutCell.length();
            while (cell.find()) {
                String other = cell.group(1);
                if (other.length() > column.length()
                        || (other.length() == column.length() && other.compareTo(column) > 0)) {
                    insertAt = cell.start();
                    break;
                }
            }
            String newCells = withoutCell.substring(0, insertAt) + cellXml + withoutCell.substring(insertAt);
            edited = xml.substring(0, rowElement.start()) + "<row r=\"" + row + "\">" + newCells + "</row>"
                    + xml.substring(rowElement.end());
        } else {
            String newRow = "<row r=\"" + row + "\">" + cellXml + "</row>";
            Matcher later =
                    Pattern.compile("<(?:\\w+:)?row\\b[^>]*\\sr=\"(\\d+)\"").matcher(xml);
            int insertAt = -1;
            while (later.find()) {
                if (Integer.parseInt(later.group(1)) > row) {
                    insertAt = later.start();
                    break;
                }
            }
            if (insertAt < 0) {
                Matcher end = SHEET_DATA_END.matcher(xml);
                if (!end.find()) {
                    throw new IllegalArgumentException("no sheetData in " + part);
                }
                edited = end.group().endsWith("/>")
                        ? xml.substring(0, end.start()) + "<sheetData>" + newRow + "</sheetData>"
                                + xml.substring(end.end())
                        : xml.substring(0, end.start()) + newRow + xml.substring(end.start());
            } else {
                edited = xml.substring(0, insertAt) + newRow + xml.substring(insertAt);
            }
        }
        // The sheet's dimension may no longer cover the cell; Excel does not need it, readers must not trust it.
        return rewrite(base, Map.of(part, bytes(edited)), Deflater.DEFAULT_COMPRESSION);
    }

    private static byte[] withDoctype(byte[] base, String sheet, String doctype, String entityUse) {
        byte[] withCell =
                withCell(base, sheet, "A1", "<c r=\"A1\" t=\"inlineStr\"><is><t>" + entityUse + "</t></is></c>");
        String part = sheetPart(withCell, sheet);
        String xml = text(parts(withCell).get(part));
        String declaration = xml.startsWith("<?xml") ? xml.substring(0, xml.indexOf("?>") + 2) : "";
        return rewrite(
                withCell,
                Map.of(part, bytes(declaration + doctype + xml.substring(declaration.length()))),
                Deflater.DEFAULT_COMPRESSION);
    }

    private static Map<String, byte[]> parts(byte[] workbook) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(workbook))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                parts.put(entry.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parts;
    }

    /** Copies every part of {@code base}, replacing or adding the parts in {@code changes}, streaming their contents. */
    private static byte[] rewrite(byte[] base, Map<String, PartWriter> changes, int level) {
        ByteArrayOutputStream result = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(result)) {
            out.setLevel(level);
            Map<String, PartWriter> remaining = new LinkedHashMap<>(changes);
            for (Map.Entry<String, byte[]> part : parts(base).entrySet()) {
                out.putNextEntry(new ZipEntry(part.getKey()));
                PartWriter replacement = remaining.remove(part.getKey());
                if (replacement != null) {
                    replacement.write(out);
                } else {
                    out.write(part.getValue());
                }
                out.closeEntry();
            }
            for (Map.Entry<String, PartWriter> added : remaining.entrySet()) {
                out.putNextEntry(new ZipEntry(added.getKey()));
                added.getValue().write(out);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result.toByteArray();
    }

    private static PartWriter bytes(String text) {
        return out -> out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static String unescape(String text) {
        return text == null
                ? null
                : text.replace("&quot;", "\"")
                        .replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replace("&amp;", "&");
    }
}
