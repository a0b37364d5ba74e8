/** Annex 7: the satisfaction survey. A capability decided by rules: rule files in this package (and below) form its KieBase. */
@RuleCapability(
        value = "附件7 满意度调查",
        answers = {"satisfied answers"})
package cn.wenzhou.renovation.survey;

import cn.wenzhou.renovation.ruleset.engine.RuleCapability;
