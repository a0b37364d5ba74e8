package cn.wenzhou.renovation.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/** Tests that build inputs at or over a size limit (seconds each); in {@code mvn verify}, not in {@code -Pquick}. */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("large-inputs")
public @interface LargeInputs {}
