package cn.wenzhou.renovation.ruleset.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
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
 * What the build's output was made with: a SHA-256 of the application's classes beside it (every class under
 * {@code cn/wenzhou/renovation/}, path and bytes, in path order) and the Drools version. The prebuilt modules and
 * the build's validation records are trusted only where the classes and Drools running are these, so a class changed
 * without a new build (an IDE's compile, say) never runs against rules compiled for the old one.
 */
public final class BuildFingerprint {

    private static final String CLASSES = "cn/wenzhou/renovation/";

    /** Per classes folder or jar: the classes do not change while the process runs. */
    private static final Map<String, String> BY_ROOT = new ConcurrentHashMap<>();

    private BuildFingerprint() {}

    /** The fingerprint of the classes in {@code classesFolder}, as the build writes it beside its output. */
    public static String of(Path classesFolder) {
        return ofRoot(classesFolder.toUri().toString());
    }

    /**
     * Whether the text of {@code written} (a resource at {@code relativePath} of its classes root) is the fingerprint
     * of the classes under that same root, with the Drools running.
     */
    public static boolean matchesBeside(URL written, String relativePath) {
        String url = written.toString();
        String root = url.substring(0, url.length() - relativePath.length());
        try (InputStream in = written.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).equals(ofRoot(root));
        } catch (IOException e) {
            return false; // unreadable: trusted by nobody
        }
    }

    private static String ofRoot(String root) {
        return BY_ROOT.computeIfAbsent(root, r -> {
            try {
                Resource[] classes = Arrays.stream(
                                new PathMatchingResourcePatternResolver().getResources(r + CLASSES + "**/*.class"))
                        .filter(type -> !generatedBySpringAot(pathOf(type)))
                        .toArray(Resource[]::new);
                Arrays.sort(classes, Comparator.comparing(BuildFingerprint::pathOf));
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                for (Resource type : classes) {
                    digest.update(pathOf(type).getBytes(StandardCharsets.UTF_8));
                    try (InputStream in = type.getInputStream()) {
                        digest.update(in.readAllBytes());
                    }
                }
                return "classes " + classes.length + ":" + HexFormat.of().formatHex(digest.digest()) + "\ndrools "
                        + Drools.getFullVersion() + "\n";
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the application's classes under " + r, e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        });
    }

    /**
     * Spring's ahead-of-time processing adds its bean definitions and configuration proxies to the classes after the
     * rules are prebuilt (they are generated from the application's classes and never called by rules). Told by the
     * class file's own name, so a folder named with two underscores hides nothing.
     */
    public static boolean generatedBySpringAot(String classFile) {
        String name = classFile.substring(classFile.lastIndexOf('/') + 1);
        return name.contains("__") || name.contains("$$SpringCGLIB$$");
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
