package cn.wenzhou.renovation.assessment;

import cn.wenzhou.renovation.decision.RequestRulesets;
import cn.wenzhou.renovation.kernel.InvalidFieldException;
import cn.wenzhou.renovation.kernel.PayloadTooLargeException;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.web.HeavyWork;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The batch endpoints of the spec (tag assessment-batch), written by hand rather than from the
 * generated interface: each item is read and validated on its own so a bad item cannot fail the
 * batch, results are streamed as they are decided, and workbooks go in and out as files.
 */
@RestController
class AssessmentBatchController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ProjectAssessor assessor;
    private final InventoryWorkbook workbooks;
    private final RequestRulesets rulesets;
    private final AssessmentProperties properties;
    private final ObjectMapper mapper;
    private final HeavyWork heavyWork;

    AssessmentBatchController(
            ProjectAssessor assessor,
            InventoryWorkbook workbooks,
            RequestRulesets rulesets,
            AssessmentProperties properties,
            ObjectMapper mapper,
            HeavyWork heavyWork) {
        this.assessor = assessor;
        this.workbooks = workbooks;
        this.rulesets = rulesets;
        this.properties = properties;
        this.mapper = mapper;
        this.heavyWork = heavyWork;
    }

    @PostMapping(
            path = "/api/v1/assessments/batch",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<StreamingResponseBody> assessBatch(
            InputStream body, @RequestParam(name = "jurisdiction", required = false) String jurisdiction)
            throws IOException {
        var ruleset = rulesets.take(jurisdiction);
        List<JsonNode> items = readItems(body);
        StreamingResponseBody stream = out -> {
            try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
                int invalid = 0;
                json.writeStartObject();
                json.writeStringField("jurisdiction", ruleset.jurisdiction());
                json.writeStringField("rulesetVersion", ruleset.version());
                json.writeArrayFieldStart("results");
                // Every item answers with the ruleset named above, even if another is activated meanwhile.
                for (int i = 0; i < items.size(); i++) {
                    ProjectAssessor.AssessedItem result = assessor.assessItem(i, items.get(i), ruleset);
                    if (!result.valid()) {
                        invalid++;
                    }
                    mapper.writeValue(json, assessor.toJson(result));
                    items.set(i, null);
                }
                json.writeEndArray();
                json.writeNumberField("itemCount", items.size());
                json.writeNumberField("invalidCount", invalid);
                json.writeEndObject();
            }
        };
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(stream);
    }

    @GetMapping(path = "/api/v1/assessments/template.xlsx")
    ResponseEntity<byte[]> downloadInventoryTemplate() throws IOException {
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header("Content-Disposition", "attachment; filename=\"inventory-template.xlsx\"")
                .body(workbooks.template());
    }

    @PostMapping(
            path = "/api/v1/assessments/workbook",
            consumes = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    ResponseEntity<byte[]> assessWorkbook(
            InputStream body, @RequestParam(name = "jurisdiction", required = false) String jurisdiction)
            throws IOException {
        // Taken before the upload is read: an unknown code is a 404 without reading it.
        return assessed(body, "body", rulesets.take(jurisdiction));
    }

    /** The same, for a browser form or a generated client: the workbook as the multipart field {@code workbook}. */
    @PostMapping(path = "/api/v1/assessments/workbook", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<byte[]> assessWorkbookForm(
            @RequestPart("workbook") MultipartFile workbook,
            @RequestParam(name = "jurisdiction", required = false) String jurisdiction)
            throws IOException {
        CompiledRuleset ruleset = rulesets.take(jurisdiction);
        try (InputStream upload = workbook.getInputStream()) {
            return assessed(upload, "workbook", ruleset);
        }
    }

    /** Admitted first, then read: a request waiting for its turn holds its connection, not its upload. */
    private ResponseEntity<byte[]> assessed(InputStream body, String field, CompiledRuleset ruleset)
            throws IOException {
        byte[] result = heavyWork.run(HeavyWork.Kind.WORKBOOK_ASSESSMENT, () -> {
            byte[] upload = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, properties.maxWorkbookBytes() + 1));
            if (upload.length > properties.maxWorkbookBytes()) {
                throw new PayloadTooLargeException(
                        field,
                        "工作簿超过 " + properties.maxWorkbookBytes() + " 字节上限 (renovation.assessment.max-workbook-bytes)");
            }
            return workbooks.assess(upload, ruleset, InventoryWorkbook.Progress.NONE);
        });
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header("Content-Disposition", "attachment; filename=\"inventory-assessed.xlsx\"")
                .body(result);
    }

    /** The items array, each item kept as JSON to be read on its own; the whole body must be valid JSON. */
    private List<JsonNode> readItems(InputStream body) throws IOException {
        JsonFactory factory = mapper.getFactory();
        // Decimals stay exact in the tree, as they do when a single endpoint reads its body. Each item is followed
        // by the next one: content after the whole body is checked below, not after each item.
        ObjectReader trees = mapper.reader()
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(JsonNodeFactory.withExactBigDecimals(true));
        List<JsonNode> items = new ArrayList<>();
        boolean sawItems = false;
        try (JsonParser parser = factory.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidFieldException("body", "请求体应为 JSON 对象 {\"items\": [...]}");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!"items".equals(field)) {
                    throw new InvalidFieldException(field, "未知字段 (unknown field)");
                }
                if (sawItems) {
                    throw new InvalidFieldException("items", "items 出现了两次 (items given twice)");
                }
                if (value != JsonToken.START_ARRAY) {
                    throw new InvalidFieldException("items", "items 应为数组");
                }
                sawItems = true;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (items.size() == properties.maxBatchItems()) {
                        throw new PayloadTooLargeException(
                                "items",
                                "一次最多评估 " + properties.maxBatchItems() + " 项 (renovation.assessment.max-batch-items)");
                    }
                    items.add(trees.readTree(parser));
                }
            }
            if (parser.nextToken() != null) {
                throw new InvalidFieldException("body", "JSON 对象之后还有多余内容");
            }
        }
        if (!sawItems || items.isEmpty()) {
            throw new InvalidFieldException("items", "items 不能缺失或为空");
        }
        return items;
    }
}
