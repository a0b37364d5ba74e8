package cn.wenzhou.renovation.procedure;

import java.time.LocalDate;
import java.util.Set;

/**
 * What a project has done so far, as the portal reports it. A milestone not reported ({@code false}
 * or no date) is not done yet; {@code publicityObjections} is {@code null} until the publicity has
 * been reviewed. A JavaBean so that Drools Test Scenarios can build it.
 */
public class ProjectProgress {
    private LocalDate evaluationDate;
    private boolean intentConsentReached;
    private boolean planningSchemeDrafted;
    private LocalDate siteSurveyOn;
    private boolean departmentRepliesReceived;
    private boolean designVotePassed;
    private Boolean publicityObjections;
    private boolean streetReviewPassed;
    private boolean fundsReady;
    private boolean projectApproved;
    private boolean constructionCompleted;
    private boolean completionAccepted;
    private boolean handedOver;
    private boolean postEvaluationDone;
    private Set<String> documents = Set.of();

    public ProjectProgress() {}

    public ProjectProgress(
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
        this.evaluationDate = evaluationDate;
        this.intentConsentReached = intentConsentReached;
        this.planningSchemeDrafted = planningSchemeDrafted;
        this.siteSurveyOn = siteSurveyOn;
        this.departmentRepliesReceived = departmentRepliesReceived;
        this.designVotePassed = designVotePassed;
        this.publicityObjections = publicityObjections;
        this.streetReviewPassed = streetReviewPassed;
        this.fundsReady = fundsReady;
        this.projectApproved = projectApproved;
        this.constructionCompleted = constructionCompleted;
        this.completionAccepted = completionAccepted;
        this.handedOver = handedOver;
        this.postEvaluationDone = postEvaluationDone;
        this.documents = documents == null ? Set.of() : Set.copyOf(documents);
    }

    public boolean has(String documentCode) {
        return documents != null && documents.contains(documentCode);
    }

    public LocalDate getEvaluationDate() {
        return evaluationDate;
    }

    public void setEvaluationDate(LocalDate evaluationDate) {
        this.evaluationDate = evaluationDate;
    }

    public boolean isIntentConsentReached() {
        return intentConsentReached;
    }

    public void setIntentConsentReached(boolean intentConsentReached) {
        this.intentConsentReached = intentConsentReached;
    }

    public boolean isPlanningSchemeDrafted() {
        return planningSchemeDrafted;
    }

    public void setPlanningSchemeDrafted(boolean planningSchemeDrafted) {
        this.planningSchemeDrafted = planningSchemeDrafted;
    }

    public LocalDate getSiteSurveyOn() {
        return siteSurveyOn;
    }

    public void setSiteSurveyOn(LocalDate siteSurveyOn) {
        this.siteSurveyOn = siteSurveyOn;
    }

    public boolean isDepartmentRepliesReceived() {
        return departmentRepliesReceived;
    }

    public void setDepartmentRepliesReceived(boolean departmentRepliesReceived) {
        this.departmentRepliesReceived = departmentRepliesReceived;
    }

    public boolean isDesignVotePassed() {
        return designVotePassed;
    }

    public void setDesignVotePassed(boolean designVotePassed) {
        this.designVotePassed = designVotePassed;
    }

    public Boolean getPublicityObjections() {
        return publicityObjections;
    }

    public void setPublicityObjections(Boolean publicityObjections) {
        this.publicityObjections = publicityObjections;
    }

    public boolean isStreetReviewPassed() {
        return streetReviewPassed;
    }

    public void setStreetReviewPassed(boolean streetReviewPassed) {
        this.streetReviewPassed = streetReviewPassed;
    }

    public boolean isFundsReady() {
        return fundsReady;
    }

    public void setFundsReady(boolean fundsReady) {
        this.fundsReady = fundsReady;
    }

    public boolean isProjectApproved() {
        return projectApproved;
    }

    public void setProjectApproved(boolean projectApproved) {
        this.projectApproved = projectApproved;
    }

    public boolean isConstructionCompleted() {
        return constructionCompleted;
    }

    public void setConstructionCompleted(boolean constructionCompleted) {
        this.constructionCompleted = constructionCompleted;
    }

    public boolean isCompletionAccepted() {
        return completionAccepted;
    }

    public void setCompletionAccepted(boolean completionAccepted) {
        this.completionAccepted = completionAccepted;
    }

    public boolean isHandedOver() {
        return handedOver;
    }

    public void setHandedOver(boolean handedOver) {
        this.handedOver = handedOver;
    }

    public boolean isPostEvaluationDone() {
        return postEvaluationDone;
    }

    public void setPostEvaluationDone(boolean postEvaluationDone) {
        this.postEvaluationDone = postEvaluationDone;
    }

    public Set<String> getDocuments() {
        return documents;
    }

    public void setDocuments(Set<String> documents) {
        this.documents = documents;
    }

    @Override
    public String toString() {
        return "ProjectProgress[" + "evaluationDate=" + evaluationDate + ", " + "intentConsentReached="
                + intentConsentReached + ", " + "planningSchemeDrafted=" + planningSchemeDrafted + ", "
                + "siteSurveyOn=" + siteSurveyOn + ", " + "departmentRepliesReceived=" + departmentRepliesReceived
                + ", " + "designVotePassed=" + designVotePassed + ", " + "publicityObjections=" + publicityObjections
                + ", " + "streetReviewPassed=" + streetReviewPassed + ", " + "fundsReady=" + fundsReady + ", "
                + "projectApproved=" + projectApproved + ", " + "constructionCompleted=" + constructionCompleted + ", "
                + "completionAccepted=" + completionAccepted + ", " + "handedOver=" + handedOver + ", "
                + "postEvaluationDone=" + postEvaluationDone + ", " + "documents=" + documents + "]";
    }
}
