package cn.wenzhou.renovation.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Logs these loggers at DEBUG while the class's tests run, and at their configured level after them, so a test
 * can show that personal data stays out of even the most talkative log without a context of its own.
 *
 * <p>Raised before each test, not once: a context started for the class re-reads the logging configuration.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(DebugLogging.Levels.class)
public @interface DebugLogging {

    /** Logger names. */
    String[] value();

    final class Levels implements BeforeEachCallback, AfterAllCallback {

        @Override
        public void beforeEach(ExtensionContext context) {
            set(context, LogLevel.DEBUG);
        }

        @Override
        public void afterAll(ExtensionContext context) {
            set(context, null);
        }

        private static void set(ExtensionContext context, LogLevel level) {
            LoggingSystem logging = LoggingSystem.get(DebugLogging.class.getClassLoader());
            Arrays.stream(loggers(context.getRequiredTestClass())).forEach(name -> logging.setLogLevel(name, level));
        }

        /** The annotation of the class, or of the class a nested test class sits in. */
        private static String[] loggers(Class<?> testClass) {
            for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
                DebugLogging debug = c.getAnnotation(DebugLogging.class);
                if (debug != null) {
                    return debug.value();
                }
            }
            throw new IllegalStateException(testClass + " is not annotated @DebugLogging");
        }
    }
}
