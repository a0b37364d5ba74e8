package cn.wenzhou.renovation.procedure;

import java.time.LocalDate;
import java.util.Set;

/**
 * What a project has done so far, as the portal reports it. A milestone not reported ({@code false}
 * or no date) is not done yet; {@code publicityObjections} is {@code null} until the publicity has
 * been reviewed. The working-day calendar comes with it so the rules can count periods.
 */
public record ProjectProgress(
        LocalDate evaluationDate,
        boolean intentConsentReached,
        boolean planningSchemeDrafted,
        LocalDate siteSurveyOn,
        boolean departmentRepliesReceived,
        boolean designVotePassed,
        Boolean publicityObjections,
        boolean streetReviewPassed,
        boolean fundsReady,
        boolean projectApproved,
        boolean constructionCompleted,
        boolean completionAccepted,
        boolean handedOver,
        boolean postEvaluationDone,
        Set<String> documents) {

    public ProjectProgress {
        documents = Set.copyOf(documents);
    }

    public boolean has(String documentCode) {
        return documents.contains(documentCode);
    }
}
