package cn.wenzhou.renovation.eligibility;

/** The kinds of housing area the guide's §1 distinguishes. */
public enum HousingKind {
    /** 住宅小区 */
    ORDINARY_RESIDENTIAL_COMMUNITY,
    /** 居民自建住房为主的区域 */
    MAINLY_SELF_BUILT_HOUSING_AREA,
    /** 城中村 */
    URBAN_VILLAGE,
    /** 拟通过拆除新建（改建、扩建、翻建）实施改造的棚户区 */
    SHANTY_AREA_FOR_DEMOLITION_AND_REBUILD
}
