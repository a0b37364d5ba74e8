/** Guide §3.6: self-raised funds in place. A capability decided by rules: rule files in this package (and below) form its KieBase. */
@RuleCapability(
        value = "§3.6 自筹资金到位",
        answers = {"funds decision", "minimum arrival rate", "findings"})
package cn.wenzhou.renovation.funding;

import cn.wenzhou.renovation.ruleset.engine.RuleCapability;
