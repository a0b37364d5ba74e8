package cn.wenzhou.renovation.assessment;

import java.util.List;

/**
 * One input column of the inventory template: the JSON path it fills in an assessment item, its
 * Chinese heading, and how its cells are read. The set of columns is the contract of the template.
 */
record InventoryColumn(String path, String heading, Kind kind, List<String> choices) {

    enum Kind {
        TEXT,
        INTEGER,
        DECIMAL,
        YES_NO,
        DATE,
        CHOICE
    }

    static InventoryColumn of(String path, String heading, Kind kind) {
        return new InventoryColumn(path, heading, kind, kind == Kind.YES_NO ? List.of("是", "否") : List.of());
    }

    static InventoryColumn choice(String path, String heading, List<String> choices) {
        return new InventoryColumn(path, heading, Kind.CHOICE, List.copyOf(choices));
    }

    /** The part of the assessment the column belongs to: {@code eligibility}, {@code funding}, ... */
    String part() {
        int dot = path.indexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }

    static final List<InventoryColumn> ALL = List.of(
            of("projectName", "项目（小区）名称", Kind.TEXT),
            of("eligibility.completionYear", "建成年份", Kind.INTEGER),
            choice(
                    "eligibility.housingKind",
                    "住房区域类型",
                    List.of(
                            "ORDINARY_RESIDENTIAL_COMMUNITY",
                            "MAINLY_SELF_BUILT_HOUSING_AREA",
                            "URBAN_VILLAGE",
                            "SHANTY_AREA_FOR_DEMOLITION_AND_REBUILD")),
            of("eligibility.listedInShantyRenovationPlan", "已列入棚改计划", Kind.YES_NO),
            of("eligibility.plannedExpropriationYear", "计划征收年份（无则留空）", Kind.INTEGER),
            of("eligibility.deficiencies.functionsIncomplete", "房屋使用功能不完善", Kind.YES_NO),
            of("eligibility.deficiencies.facilitiesIncomplete", "配套设施不完善", Kind.YES_NO),
            of("eligibility.deficiencies.propertyManagementInadequate", "物业管理不健全", Kind.YES_NO),
            of("eligibility.strongRenovationWillingness", "居民改造意愿强烈", Kind.YES_NO),
            of("eligibility.evaluationDate", "评估日期（留空为当天）", Kind.DATE),
            choice("consent.round", "表决轮次", List.of("FIRST_CONSENT", "DESIGN_PLAN")),
            of("consent.voteDate", "表决日期", Kind.DATE),
            of("consent.totalExclusiveArea", "专有部分总面积（m²）", Kind.DECIMAL),
            of("consent.totalHouseholds", "总户数", Kind.INTEGER),
            of("consent.counts.agreeingHouseholds", "同意户数", Kind.INTEGER),
            of("consent.counts.agreeingArea", "同意面积（m²）", Kind.DECIMAL),
            of("consent.counts.disagreeingHouseholds", "不同意户数", Kind.INTEGER),
            of("consent.counts.disagreeingArea", "不同意面积（m²）", Kind.DECIMAL),
            of("consent.counts.blankHouseholds", "弃权（空白票）户数", Kind.INTEGER),
            of("consent.counts.blankArea", "弃权（空白票）面积（m²）", Kind.DECIMAL),
            of("funding.targetAmount", "应筹自筹资金（元）", Kind.DECIMAL),
            of("funding.amountInPlace", "已到位自筹资金（元）", Kind.DECIMAL),
            of("funding.remainderCommitted", "业主已承诺剩余资金开工前到位", Kind.YES_NO),
            of("approvals.governmentInvested", "政府投资项目", Kind.YES_NO),
            of("approvals.totalInvestment", "总投资（元）", Kind.DECIMAL),
            of("approvals.changesLandOwnership", "改变土地权属", Kind.YES_NO),
            of("approvals.changesLandUse", "改变用地性质", Kind.YES_NO),
            of("approvals.changesHousingUse", "改变房屋使用性质", Kind.YES_NO),
            of("approvals.addsFloorArea", "新增建筑面积", Kind.YES_NO),
            of("approvals.majorStructuralChange", "建筑主体或承重结构重大改变", Kind.YES_NO),
            of("approvals.planningConditionAdjustment", "涉及规划条件调整", Kind.YES_NO),
            of("approvals.facadeAlongImportantStreet", "涉及重要街道两侧外立面改造", Kind.YES_NO),
            of("approvals.involvesFireSafety", "涉及消防", Kind.YES_NO),
            of("approvals.involvesStructureOrSeismic", "涉及结构、抗震", Kind.YES_NO),
            of("approvals.meetsCurrentStandards", "能满足现有标准", Kind.YES_NO));
}
