package cn.wenzhou.renovation.workbook;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One part's XML, pulled event by event. DTDs are refused when they start (so no entity, internal or
 * external, is ever declared or expanded), and Woodstox bounds every attribute, text run and nesting
 * depth, so a part costs the parser no more than a few of its buffers whatever it contains.
 */
final class PartXml implements AutoCloseable {

    private static final int MAX_ATTRIBUTE_CHARS = 256 * 1024;
    private static final int MAX_DEPTH = 100;

    private final InputStream bytes;
    private final XMLStreamReader xml;
    private final String described;
    private final String sheet;

    private PartXml(InputStream bytes, XMLStreamReader xml, String described, String sheet) {
        this.bytes = bytes;
        this.xml = xml;
        this.described = described;
        this.sheet = sheet;
    }

    static PartXml open(ZipParts parts, String name, String described, String sheet, WorkbookLimits limits)
            throws WorkbookRefusedException {
        InputStream bytes = parts.open(name, described, sheet);
        try {
            return new PartXml(bytes, factory(limits).createXMLStreamReader(bytes), described, sheet);
        } catch (XMLStreamException | RuntimeException e) {
            closeQuietly(bytes);
            throw refusal(e, described, sheet);
        }
    }

    private static XMLInputFactory factory(WorkbookLimits limits) {
        XMLInputFactory factory = new WstxInputFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, MAX_ATTRIBUTE_CHARS);
        factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, MAX_DEPTH);
        // Cell text is checked against maxCellChars as it arrives; this only stops a runaway run of anything else.
        factory.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, Math.max(64 * 1024, limits.maxCellChars() + 1024));
        factory.setProperty(WstxInputProperties.P_MAX_ENTITY_COUNT, 1);
        return factory;
    }

    /** The next start element, end element or text event; a DOCTYPE is refused here. */
    int next() throws WorkbookRefusedException {
        try {
            while (true) {
                int event = xml.next();
                switch (event) {
                    case XMLStreamConstants.DTD:
                        throw new WorkbookRefusedException(
                                described + "含有文件类型声明（正常的 .xlsx 中不会有，可能是恶意构造的文件），已拒收", sheet, null);
                    case XMLStreamConstants.START_ELEMENT,
                            XMLStreamConstants.END_ELEMENT,
                            XMLStreamConstants.CHARACTERS,
                            XMLStreamConstants.CDATA,
                            XMLStreamConstants.SPACE,
                            XMLStreamConstants.END_DOCUMENT:
                        return event;
                    case XMLStreamConstants.ENTITY_REFERENCE:
                        throw new WorkbookRefusedException(described + "引用了未声明的 XML 实体，已拒收", sheet, null);
                    default:
                    // comments and processing instructions carry nothing a workbook needs
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            throw refusal(e, described, sheet);
        }
    }

    String localName() {
        return xml.getLocalName();
    }

    /** An attribute by local name, in no namespace. */
    String attribute(String localName) {
        return xml.getAttributeValue(null, localName);
    }

    /** An attribute by local name in any namespace (the relationship id of a sheet, transitional or strict). */
    String namespacedAttribute(String localName) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String namespace = xml.getAttributeNamespace(i);
            if (namespace != null && !namespace.isEmpty() && localName.equals(xml.getAttributeLocalName(i))) {
                return xml.getAttributeValue(i);
            }
        }
        return null;
    }

    char[] textCharacters() {
        return xml.getTextCharacters();
    }

    int textStart() {
        return xml.getTextStart();
    }

    int textLength() {
        return xml.getTextLength();
    }

    int line() {
        return xml.getLocation() == null ? -1 : xml.getLocation().getLineNumber();
    }

    @Override
    public void close() {
        try {
            xml.close();
        } catch (XMLStreamException ignored) {
            // closing releases buffers only
        }
        closeQuietly(bytes);
    }

    private static void closeQuietly(InputStream stream) {
        try {
            stream.close();
        } catch (IOException | RuntimeException ignored) {
            // an in-memory part
        }
    }

    /** A limit met while the parser read (carried out as a {@link ZipParts.Refusal}), or XML that is not well-formed. */
    private static WorkbookRefusedException refusal(Exception failure, String described, String sheet) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ZipParts.Refusal limit) {
                return limit.refusal;
            }
            if (t instanceof WorkbookRefusedException refused) {
                return refused;
            }
        }
        String where = "";
        if (failure instanceof XMLStreamException xml
                && xml.getLocation() != null
                && xml.getLocation().getLineNumber() > 0) {
            where = "（第 " + xml.getLocation().getLineNumber() + " 行附近）";
        }
        return new WorkbookRefusedException("不是有效的 .xlsx 工作簿：" + described + "不是合法的 XML 或超过解析上限" + where, sheet, null);
    }
}
