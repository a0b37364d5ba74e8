/** Guide §2: the item catalogue, classification and plan check. A capability decided by rules: rule files in this package (and below) form its KieBase. */
@RuleCapability(
        value = "§2 改造内容清单、分类与计划核对",
        answers = {"catalogue items", "classifications", "plan warnings"})
package cn.wenzhou.renovation.catalogue;

import cn.wenzhou.renovation.ruleset.engine.RuleCapability;
