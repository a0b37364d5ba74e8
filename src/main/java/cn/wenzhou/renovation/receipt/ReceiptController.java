package cn.wenzhou.renovation.receipt;

import cn.wenzhou.renovation.api.ReceiptsApi;
import cn.wenzhou.renovation.api.model.AnswerChange;
import cn.wenzhou.renovation.api.model.DecisionReceipt;
import cn.wenzhou.renovation.api.model.ReceiptReplay;
import cn.wenzhou.renovation.decision.Decider;
import cn.wenzhou.renovation.decision.DecisionEndpoints;
import cn.wenzhou.renovation.ruleset.authoring.RulesetValidation;
import cn.wenzhou.renovation.ruleset.versions.RulesetRegistry;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shows a kept decision, and replays it under another kept version of its jurisdiction's rules:
 * the stored request goes through the same endpoint code with that version pinned, and the answer is
 * compared with the original, field by field.
 */
@RestController
class ReceiptController implements ReceiptsApi {

    private static final Logger log = LoggerFactory.getLogger(ReceiptController.class);

    private final ReceiptStore store;
    private final DecisionEndpoints endpoints;
    private final RulesetRegistry registry;
    private final ReceiptProperties properties;
    private final ObjectMapper json;

    ReceiptController(
            ReceiptStore store,
            DecisionEndpoints endpoints,
            RulesetRegistry registry,
            ReceiptProperties properties,
            ObjectMapper json) {
        this.store = store;
        this.endpoints = endpoints;
        this.registry = registry;
        this.properties = properties;
        this.json = json;
    }

    @Override
    public ResponseEntity<DecisionReceipt> getReceipt(UUID id) {
        Receipt receipt = store.find(id).orElseThrow(() -> new UnknownReceiptException(id));
        return ResponseEntity.ok(new DecisionReceipt(
                        receipt.id(),
                        receipt.createdAt().atOffset(ZoneOffset.UTC),
                        receipt.endpoint(),
                        receipt.jurisdiction(),
                        receipt.rulesetVersion(),
                        tree(receipt.request()),
                        tree(receipt.response()))
                .versionNumber(receipt.versionNumber()));
    }

    @Override
    public ResponseEntity<ReceiptReplay> replayReceipt(UUID id, Integer version) {
        Receipt receipt = store.find(id).orElseThrow(() -> new UnknownReceiptException(id));
        RulesetValidation replayRules = registry.versionForReplay(receipt.jurisdiction(), version);
        if (replayRules.ruleset() == null) {
            throw new VersionNotReplayableException(replayRules.findings());
        }
        Decider<?, ?> decider = endpoints
                .at(receipt.endpoint())
                .orElseThrow(() -> new IllegalStateException(
                        "A receipt of an endpoint that is not replayable: " + receipt.endpoint()));
        Object request;
        try {
            request = json.readValue(receipt.request(), decider.requestType());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored request that no longer reads as " + decider.requestType(), e);
        }
        Object replayed = decider.decideRead(replayRules.ruleset(), request);
        JsonNode original = tree(receipt.response());
        JsonNode again = ReceiptJson.masked(json.valueToTree(replayed));
        List<AnswerChange> changes = ReceiptJson.changes(original, again).stream()
                .map(c -> new AnswerChange(c[0]).before(c[1]).after(c[2]))
                .toList();
        return ResponseEntity.ok(new ReceiptReplay(
                id,
                receipt.jurisdiction(),
                receipt.rulesetVersion(),
                version,
                replayRules.ruleset().version(),
                !changes.isEmpty(),
                changes,
                original,
                again));
    }

    /** Receipts older than the retention are deleted once an hour. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void purgeExpired() {
        int deleted = store.deleteOlderThan(Instant.now().minus(properties.retention()));
        if (deleted > 0) {
            log.info("Deleted {} decision receipts older than {}", deleted, properties.retention());
        }
    }

    private JsonNode tree(String stored) {
        try {
            return json.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored receipt that is not JSON", e);
        }
    }
}
