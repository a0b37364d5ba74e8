/** Guide §4: approval simplifications. A capability decided by rules: rule files in this package (and below) form its KieBase. */
@RuleCapability(
        value = "§4 审批简化",
        answers = {"approval steps", "scope findings", "optimized scope"})
package cn.wenzhou.renovation.approval;

import cn.wenzhou.renovation.ruleset.engine.RuleCapability;
