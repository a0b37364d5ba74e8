package cn.wenzhou.renovation.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Tests that compile edited copies of the rule files, a second or more each: what an officer's edit
 * does and how its mistakes are reported. They run in {@code mvn verify}; the {@code -Pquick} loop
 * leaves them out, since the packaged rules' decisions and scenarios already run there.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("compiles-edited-rules")
public @interface CompilesEditedRules {}
