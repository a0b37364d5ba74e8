package cn.wenzhou.renovation.ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Versions on disk, one folder per jurisdiction:
 * <pre>
 * &lt;data-dir&gt;/&lt;jurisdiction&gt;/&lt;n&gt;/version.json     number, hash, time, who, why
 * &lt;data-dir&gt;/&lt;jurisdiction&gt;/&lt;n&gt;/files/...          the jurisdiction's own files, by path
 * &lt;data-dir&gt;/&lt;jurisdiction&gt;/active                  the active number
 * </pre>
 * A version is written to a temporary folder and renamed into place, and the active pointer is
 * replaced by an atomic move, so a crash never leaves half a version or a torn pointer.
 */
final class FileRulesetStore implements RulesetStore {

    private static final String FILES = "files";
    private static final String METADATA = "version.json";
    private static final String ACTIVE = "active";
    private static final String DEPLOYED = "deployed";
    private static final String AUDIT = "activations.jsonl";

    private final Path root;
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    FileRulesetStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the ruleset data folder " + this.root, e);
        }
    }

    /** A lock on a file beside the versions: it holds across processes sharing the data folder. */
    @Override
    public <T> T exclusively(String jurisdiction, java.util.function.Supplier<T> work) {
        synchronized (exclusiveWork) {
            Path lock = folder(jurisdiction).resolve(".lock");
            try {
                Files.createDirectories(lock.getParent());
                try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(lock,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
                        java.nio.channels.FileLock held = channel.lock()) {
                    return work.get();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot lock " + lock, e);
            }
        }
    }

    /** A JVM may hold a file lock only once: threads of this process queue here first. */
    private final Object exclusiveWork = new Object();

    @Override
    public synchronized List<RulesetVersion> versions(String jurisdiction) {
        List<RulesetVersion> versions = new ArrayList<>();
        for (int number : numbers(jurisdiction)) {
            versions.add(read(jurisdiction, number));
        }
        return versions;
    }

    @Override
    public synchronized Optional<Integer> activeVersion(String jurisdiction) {
        Path pointer = folder(jurisdiction).resolve(ACTIVE);
        try {
            return Files.exists(pointer) ? Optional.of(Integer.parseInt(Files.readString(pointer).strip())) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized Optional<List<RuleFile>> files(String jurisdiction, int number) {
        Path files = folder(jurisdiction).resolve(Integer.toString(number)).resolve(FILES);
        if (!Files.isDirectory(files)) {
            return Optional.empty();
        }
        try (Stream<Path> walk = Files.walk(files)) {
            List<RuleFile> found = new ArrayList<>();
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String path = files.relativize(file).toString().replace('\\', '/');
                found.add(new RuleFile(path, Files.readAllBytes(file)));
            }
            return Optional.of(found);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized RulesetVersion save(String jurisdiction, List<RuleFile> files, String activatedBy, String comment) {
        int number = numbers(jurisdiction).stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        RulesetVersion version = new RulesetVersion(jurisdiction, number, RulesetFiles.contentHash(files), Instant.now(),
                activatedBy, comment);
        Path target = folder(jurisdiction).resolve(Integer.toString(number));
        Path staging = folder(jurisdiction).resolve("." + number + ".incomplete");
        try {
            deleteTree(staging);
            for (RuleFile file : files) {
                Path out = staging.resolve(FILES).resolve(file.path()).normalize();
                if (!out.startsWith(staging.resolve(FILES))) {
                    throw new IllegalArgumentException("A rule file path leaves its folder: " + file.path());
                }
                Files.createDirectories(out.getParent());
                Files.write(out, file.content());
            }
            json.writerWithDefaultPrettyPrinter().writeValue(staging.resolve(METADATA).toFile(), version);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep version " + number + " of " + jurisdiction, e);
        }
    }

    @Override
    public synchronized void activate(String jurisdiction, int number) {
        replace(jurisdiction, ACTIVE, Integer.toString(number));
    }

    /** One JSON line per change, appended: the audit only grows. */
    @Override
    public synchronized void recordActivation(RulesetActivation activation) {
        Path audit = folder(activation.jurisdiction()).resolve(AUDIT);
        try {
            Files.createDirectories(audit.getParent());
            Files.writeString(audit, json.writeValueAsString(activation) + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot record the activation of " + activation, e);
        }
    }

    @Override
    public synchronized List<RulesetActivation> activations(String jurisdiction) {
        Path audit = folder(jurisdiction).resolve(AUDIT);
        if (!Files.exists(audit)) {
            return List.of();
        }
        try {
            List<RulesetActivation> activations = new ArrayList<>();
            for (String line : Files.readAllLines(audit, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    activations.add(json.readValue(line, RulesetActivation.class));
                }
            }
            return activations;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the activations of " + jurisdiction, e);
        }
    }

    @Override
    public synchronized Optional<String> lastDeployed(String jurisdiction) {
        Path marker = folder(jurisdiction).resolve(DEPLOYED);
        try {
            return Files.exists(marker) ? Optional.of(Files.readString(marker).strip()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void recordDeployed(String jurisdiction, String contentHash) {
        replace(jurisdiction, DEPLOYED, contentHash);
    }

    /** Writes a small pointer file whole or not at all. */
    private void replace(String jurisdiction, String name, String value) {
        Path pointer = folder(jurisdiction).resolve(name);
        Path staging = folder(jurisdiction).resolve("." + name + ".incomplete");
        try {
            Files.createDirectories(pointer.getParent());
            Files.writeString(staging, value, StandardCharsets.UTF_8);
            Files.move(staging, pointer, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + name + " of " + jurisdiction + " (" + value + ")", e);
        }
    }

    private List<Integer> numbers(String jurisdiction) {
        Path folder = folder(jurisdiction);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.map(p -> p.getFileName().toString()).filter(name -> name.matches("\\d+"))
                    .map(Integer::parseInt).filter(n -> Files.exists(folder.resolve(n.toString()).resolve(METADATA)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RulesetVersion read(String jurisdiction, int number) {
        try {
            return json.readValue(folder(jurisdiction).resolve(Integer.toString(number)).resolve(METADATA).toFile(),
                    RulesetVersion.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read version " + number + " of " + jurisdiction, e);
        }
    }

    private Path folder(String jurisdiction) {
        return root.resolve(jurisdiction);
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
