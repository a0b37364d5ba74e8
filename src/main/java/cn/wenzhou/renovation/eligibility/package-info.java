/** Guide §1, the renovation scope. A capability decided by rules: rule files in this package (and below) form its KieBase. */
@RuleCapability(
        value = "§1 改造范围",
        answers = {"eligibility decision", "findings"})
package cn.wenzhou.renovation.eligibility;

import cn.wenzhou.renovation.ruleset.engine.RuleCapability;
