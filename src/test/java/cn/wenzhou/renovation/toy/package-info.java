/**
 * A capability that exists only in the tests: whether a building is high enough to be offered a lift. It
 * shows what adding a capability takes (this annotated package, its rule files, its decider) and that
 * nothing in the service lists capabilities.
 */
@RuleCapability(value = "测试用：加装电梯建议", answers = "lift advice")
package cn.wenzhou.renovation.toy;

import cn.wenzhou.renovation.ruleset.engine.RuleCapability;
