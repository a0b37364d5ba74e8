package cn.wenzhou.renovation.eligibility;

import java.time.LocalDate;

/**
 * The facts about one community that guide §1 needs. A JavaBean rather than a record because
 * Drools Test Scenarios build GIVEN facts through a no-argument constructor and setters.
 */
public class Community {

    private int completionYear;
    private HousingKind housingKind;
    private boolean listedInShantyRenovationPlan;
    private Integer plannedExpropriationYear;
    private boolean functionsIncomplete;
    private boolean facilitiesIncomplete;
    private boolean propertyManagementInadequate;
    private boolean strongRenovationWillingness;
    private LocalDate evaluationDate;
    /** The subdistrict (街道) or town (镇) the community lies in; a county variant may limit renovation to some. */
    private String subdistrict;

    public Community() {}

    /** Whole years from the evaluation year to the planned expropriation year; null when none is planned. */
    public Integer getYearsUntilPlannedExpropriation() {
        if (plannedExpropriationYear == null || evaluationDate == null) {
            return null;
        }
        return plannedExpropriationYear - evaluationDate.getYear();
    }

    /** How many of the three deficiencies §1 names for later communities (功能、配套、物业) the community shows. */
    public int getDeficiencyCount() {
        return (functionsIncomplete ? 1 : 0) + (facilitiesIncomplete ? 1 : 0) + (propertyManagementInadequate ? 1 : 0);
    }

    public int getCompletionYear() {
        return completionYear;
    }

    public void setCompletionYear(int completionYear) {
        this.completionYear = completionYear;
    }

    public HousingKind getHousingKind() {
        return housingKind;
    }

    public void setHousingKind(HousingKind housingKind) {
        this.housingKind = housingKind;
    }

    public boolean isListedInShantyRenovationPlan() {
        return listedInShantyRenovationPlan;
    }

    public void setListedInShantyRenovationPlan(boolean listedInShantyRenovationPlan) {
        this.listedInShantyRenovationPlan = listedInShantyRenovationPlan;
    }

    public Integer getPlannedExpropriationYear() {
        return plannedExpropriationYear;
    }

    public void setPlannedExpropriationYear(Integer plannedExpropriationYear) {
        this.plannedExpropriationYear = plannedExpropriationYear;
    }

    public boolean isFunctionsIncomplete() {
        return functionsIncomplete;
    }

    public void setFunctionsIncomplete(boolean functionsIncomplete) {
        this.functionsIncomplete = functionsIncomplete;
    }

    public boolean isFacilitiesIncomplete() {
        return facilitiesIncomplete;
    }

    public void setFacilitiesIncomplete(boolean facilitiesIncomplete) {
        this.facilitiesIncomplete = facilitiesIncomplete;
    }

    public boolean isPropertyManagementInadequate() {
        return propertyManagementInadequate;
    }

    public void setPropertyManagementInadequate(boolean propertyManagementInadequate) {
        this.propertyManagementInadequate = propertyManagementInadequate;
    }

    public boolean isStrongRenovationWillingness() {
        return strongRenovationWillingness;
    }

    public void setStrongRenovationWillingness(boolean strongRenovationWillingness) {
        this.strongRenovationWillingness = strongRenovationWillingness;
    }

    public LocalDate getEvaluationDate() {
        return evaluationDate;
    }

    public void setEvaluationDate(LocalDate evaluationDate) {
        this.evaluationDate = evaluationDate;
    }

    public String getSubdistrict() {
        return subdistrict;
    }

    public void setSubdistrict(String subdistrict) {
        this.subdistrict = subdistrict;
    }
}
