package cn.wenzhou.renovation.approval;

import java.math.BigDecimal;

/** What guide §4 asks about a renovation project to decide its approval path. Investment in yuan. */
public record ApprovalProject(
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
}
