package cn.wenzhou.renovation.ruleset.authoring;

import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.engine.PrebuiltModules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.drools.base.util.Drools;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The build's validation of the packaged rules, kept beside them and trusted at startup instead of running the
 * checks again. A record names what was validated (jurisdiction, content version) and says with what: a fingerprint
 * of the application's classes beside it and the Drools version. It holds only for a ruleset loaded from the build's
 * own modules, and only while the classes and Drools are the ones it names; anything else is checked anew.
 */
public final class ValidatedByTheBuild {

    static final String FOLDER = PrebuiltModules.FOLDER + "validated/";
    private static final String CLASSES = "cn/wenzhou/renovation/";

    /** A fingerprint per classes folder or jar: the classes do not change while the process runs. */
    private static final Map<String, String> FINGERPRINTS = new ConcurrentHashMap<>();

    private ValidatedByTheBuild() {}

    /** Whether the build validated exactly this ruleset with exactly this code. */
    public static boolean holdsFor(CompiledRuleset ruleset) {
        if (!ruleset.builtAhead()) {
            return false;
        }
        URL record = ValidatedByTheBuild.class.getClassLoader().getResource(recordPath(ruleset));
        return record != null && holdsAt(record, recordPath(ruleset));
    }

    /** Keeps the build's validation of {@code ruleset} in the classes folder, with the fingerprint of its classes. */
    public static void record(CompiledRuleset ruleset, Path classesFolder) {
        Path record = classesFolder.resolve(recordPath(ruleset));
        try {
            Files.createDirectories(record.getParent());
            Files.writeString(record, madeWith(classesFolder));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the build's validation of " + ruleset.jurisdiction(), e);
        }
    }

    /** What a record made in {@code classesFolder} says: the fingerprint of its classes and the Drools version. */
    public static String madeWith(Path classesFolder) {
        return with(fingerprint(classesFolder.toUri().toString()));
    }

    /** The record at {@code record} (found at {@code relativePath} of its classes root) names the classes beside it. */
    static boolean holdsAt(URL record, String relativePath) {
        String url = record.toString();
        String root = url.substring(0, url.length() - relativePath.length());
        try (InputStream in = record.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).equals(with(fingerprint(root)));
        } catch (IOException e) {
            return false; // unreadable: validate anew
        }
    }

    static String recordPath(CompiledRuleset ruleset) {
        return FOLDER + ruleset.jurisdiction() + "-" + ruleset.version();
    }

    private static String with(String codeFingerprint) {
        return "classes " + codeFingerprint + "\ndrools " + Drools.getFullVersion() + "\n";
    }

    /** SHA-256 over every class of the application under {@code root}, in path order, path and bytes. */
    static String fingerprint(String root) {
        return FINGERPRINTS.computeIfAbsent(root, r -> {
            try {
                Resource[] classes = new PathMatchingResourcePatternResolver().getResources(r + CLASSES + "**/*.class");
                Arrays.sort(classes, Comparator.comparing(ValidatedByTheBuild::pathOf));
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                for (Resource type : classes) {
                    digest.update(pathOf(type).getBytes(StandardCharsets.UTF_8));
                    try (InputStream in = type.getInputStream()) {
                        digest.update(in.readAllBytes());
                    }
                }
                return classes.length + ":" + HexFormat.of().formatHex(digest.digest());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the application's classes under " + r, e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        });
    }

    private static String pathOf(Resource type) {
        try {
            String url = type.getURL().toString();
            return url.substring(url.lastIndexOf(CLASSES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
