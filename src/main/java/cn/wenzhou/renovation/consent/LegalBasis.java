package cn.wenzhou.renovation.consent;

/** The rules a vote must satisfy, depending on when it is held. */
public enum LegalBasis {
    /** 温州市城镇老旧小区改造工作指南（试行）, in force from 2020-09-01. */
    GUIDE,
    /** 物权法第七十六条, for votes before the Civil Code took effect. */
    PROPERTY_LAW_ART_76,
    /** 民法典第二百七十八条, from 2021-01-01. */
    CIVIL_CODE_ART_278
}
