package cn.wenzhou.renovation.ruleset.authoring;

import cn.wenzhou.renovation.ruleset.engine.BuildFingerprint;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.engine.PrebuiltModules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The build's validation of the packaged rules, kept beside them and trusted at startup instead of running the
 * checks again. A record names what was validated (jurisdiction, content version) and holds what it was validated
 * with ({@link BuildFingerprint}: the application's classes beside it and the Drools version). It holds only for a
 * ruleset loaded from the build's own modules, and only while the classes and Drools are the ones it names; anything
 * else is checked anew.
 */
public final class ValidatedByTheBuild {

    static final String FOLDER = PrebuiltModules.FOLDER + "validated/";

    private ValidatedByTheBuild() {}

    /** Whether the build validated exactly this ruleset with exactly this code. */
    public static boolean holdsFor(CompiledRuleset ruleset) {
        if (!ruleset.builtAhead()) {
            return false;
        }
        URL record = ValidatedByTheBuild.class.getClassLoader().getResource(recordPath(ruleset));
        return record != null && BuildFingerprint.matchesBeside(record, recordPath(ruleset));
    }

    /** Keeps the build's validation of {@code ruleset} in the classes folder, with the fingerprint of its classes. */
    public static void record(CompiledRuleset ruleset, Path classesFolder) {
        Path record = classesFolder.resolve(recordPath(ruleset));
        try {
            Files.createDirectories(record.getParent());
            Files.writeString(record, BuildFingerprint.of(classesFolder));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the build's validation of " + ruleset.jurisdiction(), e);
        }
    }

    static String recordPath(CompiledRuleset ruleset) {
        return FOLDER + ruleset.jurisdiction() + "-" + ruleset.version();
    }
}
