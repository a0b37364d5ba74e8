package cn.wenzhou.renovation.ruleset.engine;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares, on a module's {@code package-info}, that the module is a capability decided by rules: rule
 * files whose {@code package} is the module's package (or below) compile into a KieBase of its own.
 * This is how the engine finds capabilities, so adding one needs no list: a package so annotated, its
 * rule files, its decider.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PACKAGE)
public @interface RuleCapability {

    /** The part of the guide it decides, for people reading the code, e.g. 「§1 改造范围」. */
    String value();

    /**
     * The named DRL queries its answer is read through (conventionally in {@code rules/<capability>/answers.drl}):
     * a ruleset in which any is missing is refused when it is built, naming it.
     */
    String[] answers() default {};
}
