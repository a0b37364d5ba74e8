package cn.wenzhou.renovation.approval;

import java.math.BigDecimal;

/**
 * What guide §4 asks about a renovation project to decide its approval path; investment in yuan.
 * A JavaBean so that Drools Test Scenarios can build it.
 */
public class ApprovalProject {
    private boolean governmentInvested;
    private BigDecimal totalInvestment;
    private boolean changesLandOwnership;
    private boolean changesLandUse;
    private boolean changesHousingUse;
    private boolean addsFloorArea;
    private boolean majorStructuralChange;
    private boolean planningConditionAdjustment;
    private boolean facadeAlongImportantStreet;
    private boolean involvesFireSafety;
    private boolean involvesStructureOrSeismic;
    private boolean meetsCurrentStandards;

    public ApprovalProject() {}

    public ApprovalProject(
            boolean governmentInvested,
            BigDecimal totalInvestment,
            boolean changesLandOwnership,
            boolean changesLandUse,
            boolean changesHousingUse,
            boolean addsFloorArea,
            boolean majorStructuralChange,
            boolean planningConditionAdjustment,
            boolean facadeAlongImportantStreet,
            boolean involvesFireSafety,
            boolean involvesStructureOrSeismic,
            boolean meetsCurrentStandards) {
        this.governmentInvested = governmentInvested;
        this.totalInvestment = totalInvestment;
        this.changesLandOwnership = changesLandOwnership;
        this.changesLandUse = changesLandUse;
        this.changesHousingUse = changesHousingUse;
        this.addsFloorArea = addsFloorArea;
        this.majorStructuralChange = majorStructuralChange;
        this.planningConditionAdjustment = planningConditionAdjustment;
        this.facadeAlongImportantStreet = facadeAlongImportantStreet;
        this.involvesFireSafety = involvesFireSafety;
        this.involvesStructureOrSeismic = involvesStructureOrSeismic;
        this.meetsCurrentStandards = meetsCurrentStandards;
    }

    public boolean isGovernmentInvested() {
        return governmentInvested;
    }

    public void setGovernmentInvested(boolean governmentInvested) {
        this.governmentInvested = governmentInvested;
    }

    public BigDecimal getTotalInvestment() {
        return totalInvestment;
    }

    public void setTotalInvestment(BigDecimal totalInvestment) {
        this.totalInvestment = totalInvestment;
    }

    public boolean isChangesLandOwnership() {
        return changesLandOwnership;
    }

    public void setChangesLandOwnership(boolean changesLandOwnership) {
        this.changesLandOwnership = changesLandOwnership;
    }

    public boolean isChangesLandUse() {
        return changesLandUse;
    }

    public void setChangesLandUse(boolean changesLandUse) {
        this.changesLandUse = changesLandUse;
    }

    public boolean isChangesHousingUse() {
        return changesHousingUse;
    }

    public void setChangesHousingUse(boolean changesHousingUse) {
        this.changesHousingUse = changesHousingUse;
    }

    public boolean isAddsFloorArea() {
        return addsFloorArea;
    }

    public void setAddsFloorArea(boolean addsFloorArea) {
        this.addsFloorArea = addsFloorArea;
    }

    public boolean isMajorStructuralChange() {
        return majorStructuralChange;
    }

    public void setMajorStructuralChange(boolean majorStructuralChange) {
        this.majorStructuralChange = majorStructuralChange;
    }

    public boolean isPlanningConditionAdjustment() {
        return planningConditionAdjustment;
    }

    public void setPlanningConditionAdjustment(boolean planningConditionAdjustment) {
        this.planningConditionAdjustment = planningConditionAdjustment;
    }

    public boolean isFacadeAlongImportantStreet() {
        return facadeAlongImportantStreet;
    }

    public void setFacadeAlongImportantStreet(boolean facadeAlongImportantStreet) {
        this.facadeAlongImportantStreet = facadeAlongImportantStreet;
    }

    public boolean isInvolvesFireSafety() {
        return involvesFireSafety;
    }

    public void setInvolvesFireSafety(boolean involvesFireSafety) {
        this.involvesFireSafety = involvesFireSafety;
    }

    public boolean isInvolvesStructureOrSeismic() {
        return involvesStructureOrSeismic;
    }

    public void setInvolvesStructureOrSeismic(boolean involvesStructureOrSeismic) {
        this.involvesStructureOrSeismic = involvesStructureOrSeismic;
    }

    public boolean isMeetsCurrentStandards() {
        return meetsCurrentStandards;
    }

    public void setMeetsCurrentStandards(boolean meetsCurrentStandards) {
        this.meetsCurrentStandards = meetsCurrentStandards;
    }

    @Override
    public String toString() {
        return "ApprovalProject[" + "governmentInvested=" + governmentInvested + ", " + "totalInvestment="
                + totalInvestment + ", " + "changesLandOwnership=" + changesLandOwnership + ", " + "changesLandUse="
                + changesLandUse + ", " + "changesHousingUse=" + changesHousingUse + ", " + "addsFloorArea="
                + addsFloorArea + ", " + "majorStructuralChange=" + majorStructuralChange + ", "
                + "planningConditionAdjustment=" + planningConditionAdjustment + ", " + "facadeAlongImportantStreet="
                + facadeAlongImportantStreet + ", " + "involvesFireSafety=" + involvesFireSafety + ", "
                + "involvesStructureOrSeismic=" + involvesStructureOrSeismic + ", " + "meetsCurrentStandards="
                + meetsCurrentStandards + "]";
    }
}
