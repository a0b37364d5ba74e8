/** Guide §3: the construction procedure, its materials and publicity periods. A capability decided by rules: rule files in this package (and below) form its KieBase. */
@RuleCapability(
        value = "§3 实施程序、材料与公示期",
        answers = {
            "publicity findings",
            "required documents",
            "completed steps",
            "step blockers",
            "missing documents",
            "milestones reached",
            "uncounted periods"
        })
package cn.wenzhou.renovation.procedure;

import cn.wenzhou.renovation.ruleset.engine.RuleCapability;
