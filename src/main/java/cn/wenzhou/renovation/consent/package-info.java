/** Guide §3.1, §3.4 and annexes 1–2: resident votes, with the statutory floors. A capability decided by rules: rule files in this package (and below) form its KieBase. */
@RuleCapability(
        value = "§3.1、§3.4 及附件1–2 居民表决（含法定底线 rules/statute/）",
        answers = {
            "criteria",
            "blank ballot treatment",
            "counted votes",
            "consent decision",
            "statutory floors",
            "statutory breaches"
        })
package cn.wenzhou.renovation.consent;

import cn.wenzhou.renovation.ruleset.engine.RuleCapability;
