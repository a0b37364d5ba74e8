package cn.wenzhou.renovation.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.api.model.ApprovalPlanRequest;
import cn.wenzhou.renovation.api.model.ConsentTallyRequest;
import cn.wenzhou.renovation.api.model.VoteRound;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The generated models' constraints refuse in Chinese first, as every refusal of the service does. */
class ValidationMessagesTest {

    private final Validator validator =
            Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void aMissingFieldAndABoundOnEitherSideAreToldInChinese() {
        ConsentTallyRequest tally = new ConsentTallyRequest(
                        VoteRound.FIRST_CONSENT, LocalDate.of(2026, 3, 1), BigDecimal.ZERO, 3)
                .communityName("x".repeat(101));
        ApprovalPlanRequest approval = new ApprovalPlanRequest().totalInvestment(new BigDecimal("-1"));

        Map<String, String> messages = messages(tally);
        messages.putAll(messages(approval));

        assertThat(messages)
                .containsEntry("totalExclusiveArea", "应大于 0 (must be more than 0)")
                .containsEntry("totalInvestment", "不能小于 0 (must be at least 0)")
                .containsEntry("governmentInvested", "须填写 (must not be null)")
                .hasEntrySatisfying("communityName", m -> assertThat(m).startsWith("长度或项数应在 0 到 100 之间"));
        assertThat(messages.values()).noneMatch(m -> m.contains("${"));
    }

    private Map<String, String> messages(Object request) {
        Map<String, String> byField = new TreeMap<>();
        validator.validate(request).forEach(v -> byField.put(v.getPropertyPath().toString(), v.getMessage()));
        return byField;
    }
}
