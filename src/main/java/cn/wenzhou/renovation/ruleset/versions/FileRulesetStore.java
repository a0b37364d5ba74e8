package cn.wenzhou.renovation.ruleset.versions;

import cn.wenzhou.renovation.ruleset.engine.RuleFile;
import cn.wenzhou.renovation.ruleset.engine.RulesetFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versions on disk, one folder per jurisdiction:
 * <pre>
 * &lt;data-dir&gt;/&lt;jurisdiction&gt;/&lt;n&gt;/version.json     number, hash, time, who, why
 * &lt;data-dir&gt;/&lt;jurisdiction&gt;/&lt;n&gt;/files.sha256     each file's SHA-256 ({@code sha256sum -c} reads it)
 * &lt;data-dir&gt;/&lt;jurisdiction&gt;/&lt;n&gt;/files/...          the jurisdiction's own files, by path
 * &lt;data-dir&gt;/&lt;jurisdiction&gt;/active                  the active version's activation record (JSON)
 * &lt;data-dir&gt;/&lt;jurisdiction&gt;/activations.jsonl       the audit, one activation a line, append-only
 * &lt;data-dir&gt;/&lt;jurisdiction&gt;/submissions/&lt;n&gt;.json  an edit submitted for review, its files and the decision
 * &lt;data-dir&gt;/&lt;jurisdiction&gt;/inventory.json          the communities staff keep for what-if checks, and who kept them
 * </pre>
 * A version is written to a staging folder, forced to disk and renamed into place, so a crash never
 * leaves half a version. The active pointer is the commit point of an activation: it is written whole
 * to a temporary file, forced, and moved over the old one atomically, and it carries the activation's
 * audit record. The audit line is appended after it; a crash between the two leaves a pointer whose
 * record the audit lacks, and the next start (or activation) appends that record as it was. A crash
 * before the pointer moves changes nothing that is served. A pointer holding a bare number (written
 * by earlier releases) is still read.
 */
final class FileRulesetStore implements RulesetStore {

    private static final Logger log = LoggerFactory.getLogger(FileRulesetStore.class);

    private static final String FILES = "files";
    private static final String METADATA = "version.json";
    private static final String MANIFEST = "files.sha256";
    private static final String ACTIVE = "active";
    private static final String DEPLOYED = "deployed";
    private static final String AUDIT = "activations.jsonl";

    private static final String SUBMISSIONS = "submissions";
    private static final String INVENTORY = "inventory.json";

    private final Path root;
    private final ActivationStep.Listener steps;
    private final ObjectMapper json =
            new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    /** Problems already logged: the console polls the listing, and one torn line is worth one log entry. */
    private final Set<StoredRecordProblem> logged = ConcurrentHashMap.newKeySet();

    FileRulesetStore(Path root) {
        this(root, ActivationStep.Listener.fromSystemProperty());
    }

    /** A store that tells the listener of each step of an activation's writes (the fault tests' seam). */
    FileRulesetStore(Path root, ActivationStep.Listener steps) {
        this.root = root.toAbsolutePath().normalize();
        this.steps = steps;
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new StorageUnavailableException("无法创建规则版本文件夹 " + this.root, e);
        }
    }

    /** A lock on a file beside the versions: it holds across processes sharing the data folder. */
    @Override
    public <T> T exclusively(String jurisdiction, java.util.function.Supplier<T> work) {
        synchronized (exclusiveWork) {
            Path lock = folder(jurisdiction).resolve(".lock");
            try {
                Files.createDirectories(lock.getParent());
                try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        java.nio.channels.FileLock held = channel.lock()) {
                    return work.get();
                }
            } catch (IOException e) {
                throw new StorageUnavailableException("无法锁定规则版本文件夹 " + lock.getParent(), e);
            }
        }
    }

    /** A JVM may hold a file lock only once: threads of this process queue here first. */
    private final Object exclusiveWork = new Object();

    @Override
    public synchronized List<RulesetVersion> versions(String jurisdiction) {
        return readVersions(jurisdiction).versions();
    }

    @Override
    public synchronized Optional<Integer> activeVersion(String jurisdiction) {
        return pointer(jurisdiction).map(Pointer::version);
    }

    @Override
    public synchronized Optional<List<RuleFile>> files(String jurisdiction, int number) {
        Path files = versionFolder(jurisdiction, number).resolve(FILES);
        if (!Files.isDirectory(files)) {
            return Optional.empty();
        }
        try (Stream<Path> walk = Files.walk(files)) {
            List<RuleFile> found = new ArrayList<>();
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                found.add(new RuleFile(relativePath(files, file), Files.readAllBytes(file)));
            }
            return Optional.of(found);
        } catch (IOException e) {
            throw new StorageUnavailableException("无法读取辖区 " + jurisdiction + " 版本 " + number + " 的文件", e);
        }
    }

    @Override
    public synchronized RulesetVersion save(
            String jurisdiction, List<RuleFile> files, String activatedBy, String comment) {
        int number = nextNumber(jurisdiction);
        RulesetVersion version = new RulesetVersion(
                jurisdiction, number, RulesetFiles.contentHash(files), Instant.now(), activatedBy, comment);
        Path target = versionFolder(jurisdiction, number);
        Path staging = folder(jurisdiction).resolve("." + number + ".incomplete");
        try {
            deleteTree(staging);
            StringBuilder manifest = new StringBuilder();
            for (RuleFile file : files) {
                Path out = staging.resolve(FILES).resolve(file.path()).normalize();
                if (!out.startsWith(staging.resolve(FILES))) {
                    throw new IllegalArgumentException("A rule file path leaves its folder: " + file.path());
                }
                Files.createDirectories(out.getParent());
                writeDurably(out, file.content());
                manifest.append(sha256(file.content()))
                        .append("  ")
                        .append(file.path())
                        .append('\n');
            }
            writeDurably(staging.resolve(MANIFEST), manifest.toString().getBytes(StandardCharsets.UTF_8));
            writeDurably(
                    staging.resolve(METADATA),
                    json.writerWithDefaultPrettyPrinter().writeValueAsBytes(version));
            steps.reached(ActivationStep.VERSION_FILES_WRITTEN);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            syncFolder(target.getParent());
        } catch (IOException e) {
            deleteQuietly(staging);
            throw new StorageUnavailableException(
                    "规则版本 " + number + " 未能保存，本次启用未生效 (the version could not be kept; " + "nothing was activated)", e);
        }
        steps.reached(ActivationStep.VERSION_KEPT);
        return version;
    }

    /**
     * The pointer first (the commit point, carrying the record), then the audit line. A pointer whose
     * record the audit lacks (an earlier activation whose audit line failed) has its line appended
     * before the pointer is replaced, or the activation is refused: no record is ever dropped.
     */
    @Override
    public synchronized void activate(RulesetActivation activation) {
        String jurisdiction = activation.jurisdiction();
        Path pointer = folder(jurisdiction).resolve(ACTIVE);
        completeInterruptedActivation(jurisdiction);
        try {
            Files.createDirectories(pointer.getParent());
            writeAtomically(pointer, json.writeValueAsBytes(activation));
        } catch (IOException e) {
            throw new StorageUnavailableException(
                    "启用指针未能写入，本次启用未生效，仍使用原来的版本 (the active pointer could not be " + "written; nothing was activated)",
                    e);
        }
        steps.reached(ActivationStep.POINTER_WRITTEN);
        try {
            appendAudit(activation);
        } catch (IOException e) {
            // The activation stands: the pointer records it, the listing shows it from there, and the next
            // start or activation appends the line.
            log.error(
                    "Version {} of {} is active, but its audit line could not be appended to {}: {}",
                    activation.version(),
                    jurisdiction,
                    pointer.resolveSibling(AUDIT),
                    e.toString());
        }
        steps.reached(ActivationStep.AUDIT_WRITTEN);
    }

    @Override
    public synchronized void recordActivation(RulesetActivation activation) {
        try {
            appendAudit(activation);
        } catch (IOException e) {
            throw new StorageUnavailableException("启用审计记录未能写入 (the audit line could not be written)", e);
        }
    }

    /** Appends the record the pointer carries when the audit lacks it (a crash between the two writes). */
    @Override
    public synchronized void completeInterruptedActivation(String jurisdiction) {
        Optional<RulesetActivation> missing = pointerRecordQuietly(jurisdiction)
                .filter(record -> !readAudit(jurisdiction).entries().contains(record));
        if (missing.isEmpty()) {
            return;
        }
        try {
            appendAudit(missing.get());
            log.warn(
                    "The audit of {} lacked the activation its active pointer records (an interrupted activation): "
                            + "appended {}",
                    jurisdiction,
                    missing.get());
        } catch (IOException e) {
            throw new StorageUnavailableException(
                    "上一次启用的审计记录未能补写，本次操作未生效 (the audit line of the last activation " + "could not be written)", e);
        }
    }

    /** The readable audit lines, and the active pointer's record when the audit does not have it yet. */
    @Override
    public synchronized List<RulesetActivation> activations(String jurisdiction) {
        List<RulesetActivation> entries =
                new ArrayList<>(readAudit(jurisdiction).entries());
        pointerRecordQuietly(jurisdiction)
                .filter(record -> !entries.contains(record))
                .ifPresent(entries::add);
        return entries;
    }

    @Override
    public synchronized List<StoredRecordProblem> problems(String jurisdiction) {
        List<StoredRecordProblem> problems =
                new ArrayList<>(readVersions(jurisdiction).problems());
        problems.addAll(readAudit(jurisdiction).problems());
        try {
            pointer(jurisdiction);
        } catch (ActiveVersionUnavailableException e) {
            problems.add(reported(
                    new StoredRecordProblem(relative(folder(jurisdiction).resolve(ACTIVE)), e.problem())));
        }
        return problems;
    }

    /**
     * Names the first thing wrong with a kept version: its folder, its record, a file missing, added or
     * changed since it was kept (by the SHA-256 list written with it), or else its files' content hash.
     */
    @Override
    public synchronized Optional<String> damage(String jurisdiction, int number) {
        Path folder = versionFolder(jurisdiction, number);
        if (!Files.isDirectory(folder)) {
            return Optional.of(folder + ": 版本文件夹缺失 (the version folder is missing)");
        }
        Path metadata = folder.resolve(METADATA);
        RulesetVersion version;
        try {
            version = json.readValue(Files.readAllBytes(metadata), RulesetVersion.class);
        } catch (IOException e) {
            return Optional.of(metadata + ": 版本记录缺失或无法读取 (the version record is missing or unreadable)");
        }
        Path files = folder.resolve(FILES);
        if (!Files.isDirectory(files)) {
            return Optional.of(files + ": 版本的文件夹缺失 (the version's files are missing)");
        }
        try {
            Optional<String> changed = changedFile(folder.resolve(MANIFEST), files);
            if (changed.isPresent()) {
                return changed;
            }
        } catch (IOException e) {
            return Optional.of(folder + ": 版本的文件无法读取 (its files cannot be read): " + e.getMessage());
        }
        return files(jurisdiction, number)
                .map(RulesetFiles::contentHash)
                .filter(hash -> !hash.equals(version.contentHash()))
                .map(hash -> files + ": 文件与保存时不符（被截断、改动或删除） (the files differ from what was kept)");
    }

    private static Optional<String> changedFile(Path manifest, Path files) throws IOException {
        if (!Files.exists(manifest)) {
            return Optional.empty(); // kept by an earlier release: the content hash alone tells
        }
        Map<String, String> kept = new LinkedHashMap<>();
        for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
            int gap = line.indexOf("  ");
            if (gap > 0) {
                kept.put(line.substring(gap + 2), line.substring(0, gap));
            }
        }
        for (Map.Entry<String, String> entry : kept.entrySet()) {
            Path file = files.resolve(entry.getKey());
            if (!Files.isRegularFile(file)) {
                return Optional.of(file + ": 文件缺失 (missing)");
            }
            if (!sha256(Files.readAllBytes(file)).equals(entry.getValue())) {
                return Optional.of(file + ": 内容与保存时不符（被截断或改动） (differs from what was kept: truncated or edited)");
            }
        }
        try (Stream<Path> walk = Files.walk(files)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> !kept.containsKey(relativePath(files, file)))
                    .findFirst()
                    .map(file -> file + ": 保存后多出的文件 (added after the version was kept)");
        }
    }

    @Override
    public String where(String jurisdiction, int number) {
        return versionFolder(jurisdiction, number).toString();
    }

    @Override
    public String wherePointer(String jurisdiction) {
        return folder(jurisdiction).resolve(ACTIVE).toString();
    }

    @Override
    public synchronized Optional<String> lastDeployed(String jurisdiction) {
        Path marker = folder(jurisdiction).resolve(DEPLOYED);
        try {
            return Files.exists(marker) ? Optional.of(Files.readString(marker).strip()) : Optional.empty();
        } catch (IOException e) {
            throw new StorageUnavailableException("无法读取部署标记 " + marker, e);
        }
    }

    @Override
    public synchronized void recordDeployed(String jurisdiction, String contentHash) {
        try {
            writeAtomically(folder(jurisdiction).resolve(DEPLOYED), contentHash.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new StorageUnavailableException("部署标记未能写入 (the deployment marker could not be written)", e);
        }
    }

    /** The active pointer: a bare number (earlier releases) or the activation record that made it active. */
    private record Pointer(int version, Optional<RulesetActivation> record) {}

    private Optional<Pointer> pointer(String jurisdiction) {
        Path file = folder(jurisdiction).resolve(ACTIVE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new ActiveVersionUnavailableException(
                    jurisdiction, file + ": 启用指针无法读取 (unreadable): " + e.getMessage());
        }
        if (text.matches("\\d{1,9}")) {
            return Optional.of(new Pointer(Integer.parseInt(text), Optional.empty()));
        }
        try {
            RulesetActivation record = json.readValue(text, RulesetActivation.class);
            if (complete(record) && record.jurisdiction().equals(jurisdiction)) {
                return Optional.of(new Pointer(record.version(), Optional.of(record)));
            }
        } catch (IOException unreadable) {
            // reported below
        }
        throw new ActiveVersionUnavailableException(
                jurisdiction, file + ": 启用指针的内容无法识别 (neither a version number nor an activation record)");
    }

    private Optional<RulesetActivation> pointerRecordQuietly(String jurisdiction) {
        try {
            return pointer(jurisdiction).flatMap(Pointer::record);
        } catch (ActiveVersionUnavailableException unreadable) {
            return Optional.empty(); // listed in problems(); startup refuses it
        }
    }

    private static boolean complete(RulesetActivation record) {
        return record != null
                && record.jurisdiction() != null
                && record.version() >= 1
                && record.at() != null
                && record.by() != null
                && record.kind() != null;
    }

    private record AuditRead(List<RulesetActivation> entries, List<StoredRecordProblem> problems) {}

    /** Every readable line; a torn or garbled one is reported and skipped, never the whole audit. */
    private AuditRead readAudit(String jurisdiction) {
        Path audit = folder(jurisdiction).resolve(AUDIT);
        if (!Files.exists(audit)) {
            return new AuditRead(List.of(), List.of());
        }
        String text;
        try {
            text = new String(Files.readAllBytes(audit), StandardCharsets.UTF_8); // malformed bytes become U+FFFD
        } catch (IOException e) {
            throw new StorageUnavailableException("无法读取启用审计记录 (the audit cannot be read)", e);
        }
        List<RulesetActivation> entries = new ArrayList<>();
        List<StoredRecordProblem> problems = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            RulesetActivation entry = null;
            try {
                entry = json.readValue(lines[i], RulesetActivation.class);
            } catch (IOException | RuntimeException unreadable) {
                // reported below
            }
            if (complete(entry)) {
                entries.add(entry);
            } else {
                problems.add(reported(new StoredRecordProblem(
                        relative(audit) + ":" + (i + 1),
                        "审计记录第 " + (i + 1) + " 行无法读取，已跳过 (unreadable audit line, skipped)")));
            }
        }
        return new AuditRead(List.copyOf(entries), List.copyOf(problems));
    }

    private record VersionsRead(List<RulesetVersion> versions, List<StoredRecordProblem> problems) {}

    /** Every version whose record is readable; a numbered folder without one is reported and skipped. */
    private VersionsRead readVersions(String jurisdiction) {
        List<RulesetVersion> versions = new ArrayList<>();
        List<StoredRecordProblem> problems = new ArrayList<>();
        for (int number : numbers(jurisdiction)) {
            Path metadata = versionFolder(jurisdiction, number).resolve(METADATA);
            RulesetVersion version = null;
            try {
                version = json.readValue(Files.readAllBytes(metadata), RulesetVersion.class);
            } catch (IOException | RuntimeException unreadable) {
                // reported below
            }
            if (version != null
                    && version.number() == number
                    && jurisdiction.equals(version.jurisdiction())
                    && version.contentHash() != null
                    && version.activatedAt() != null
                    && version.activatedBy() != null) {
                versions.add(version);
            } else {
                problems.add(reported(new StoredRecordProblem(
                        relative(metadata),
                        "版本 " + number + " 的记录缺失或无法读取，未列出 (version record missing or unreadable, not listed)")));
            }
        }
        return new VersionsRead(List.copyOf(versions), List.copyOf(problems));
    }

    private StoredRecordProblem reported(StoredRecordProblem problem) {
        if (logged.add(problem)) {
            log.warn("Ruleset store: {} — {}", problem.where(), problem.problem());
        }
        return problem;
    }

    /** Numbered folders, read or not: a new version never takes the number of a damaged one. */
    private List<Integer> numbers(String jurisdiction) {
        Path folder = folder(jurisdiction);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(name -> name.matches("\\d{1,9}"))
                    .map(Integer::parseInt)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new StorageUnavailableException("无法读取规则版本文件夹 " + folder, e);
        }
    }

    /** Past every number a folder, the audit or the pointer has used: a deleted version's number is not given again. */
    private int nextNumber(String jurisdiction) {
        int highest =
                numbers(jurisdiction).stream().mapToInt(Integer::intValue).max().orElse(0);
        highest = Math.max(
                highest,
                readAudit(jurisdiction).entries().stream()
                        .mapToInt(RulesetActivation::version)
                        .max()
                        .orElse(0));
        try {
            highest = Math.max(
                    highest, pointer(jurisdiction).map(Pointer::version).orElse(0));
        } catch (ActiveVersionUnavailableException unreadable) {
            // the folders and the audit still tell
        }
        return highest + 1;
    }

    /** Appends one line and forces it to disk; a line torn by an earlier failure is ended first, not joined. */
    private void appendAudit(RulesetActivation activation) throws IOException {
        Path audit = folder(activation.jurisdiction()).resolve(AUDIT);
        Files.createDirectories(audit.getParent());
        String line = (endsMidLine(audit) ? "\n" : "") + json.writeValueAsString(activation) + "\n";
        try (FileChannel channel = FileChannel.open(
                audit, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            writeFully(channel, line.getBytes(StandardCharsets.UTF_8));
            channel.force(true);
        }
    }

    private static boolean endsMidLine(Path file) throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return false;
        }
        try (SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ)) {
            channel.position(channel.size() - 1);
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.read(last);
            return last.get(0) != '\n';
        }
    }

    /** Writes a small file whole or not at all: a forced temporary file moved over the old one. */
    private static void writeAtomically(Path target, byte[] content) throws IOException {
        Path staging = target.resolveSibling("." + target.getFileName() + ".incomplete");
        try {
            writeDurably(staging, content);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(staging);
            throw e;
        }
        syncFolder(target.getParent());
    }

    private static void writeDurably(Path file, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            writeFully(channel, content);
            channel.force(true);
        }
    }

    private static void writeFully(FileChannel channel, byte[] content) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** Makes a rename in the folder durable where the platform allows opening a folder (Linux does). */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException notSupportedHere) {
            // the rename is then as durable as the file system makes it
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String relativePath(Path folder, Path file) {
        return folder.relativize(file).toString().replace('\\', '/');
    }

    /** A new submission's file is created, never replaced: two instances cannot take the same number. */
    @Override
    public RulesetSubmission submit(
            String jurisdiction, List<RuleFile> files, Integer basedOnVersion, String submittedBy, String reason) {
        return exclusively(jurisdiction, () -> {
            Path folder = folder(jurisdiction).resolve(SUBMISSIONS);
            try {
                Files.createDirectories(folder);
                int number = submissionsRead(jurisdiction).stream()
                                .mapToInt(RulesetSubmission::number)
                                .max()
                                .orElse(0)
                        + 1;
                while (Files.exists(folder.resolve(number + ".json"))) {
                    number++; // an unreadable record keeps its number
                }
                RulesetSubmission submission =
                        RulesetSubmission.pending(jurisdiction, number, files, basedOnVersion, submittedBy, reason);
                writeAtomically(folder.resolve(number + ".json"), SubmissionRecords.write(submission));
                return submission;
            } catch (IOException e) {
                throw new StorageUnavailableException("提交审核未能保存 (the submission could not be kept)", e);
            }
        });
    }

    @Override
    public List<RulesetSubmission> submissions(String jurisdiction) {
        return submissionsRead(jurisdiction);
    }

    @Override
    public boolean decide(
            String jurisdiction, int number, RulesetSubmission.Status outcome, RulesetSubmission.Decision decision) {
        return exclusively(jurisdiction, () -> {
            Path record = folder(jurisdiction).resolve(SUBMISSIONS).resolve(number + ".json");
            try {
                if (!Files.exists(record)) {
                    return false;
                }
                RulesetSubmission submission = SubmissionRecords.read(Files.readAllBytes(record));
                if (!submission.pending()) {
                    return false;
                }
                writeAtomically(record, SubmissionRecords.write(submission.decided(outcome, decision)));
                return true;
            } catch (IOException e) {
                throw new StorageUnavailableException("审核结论未能保存 (the decision could not be kept)", e);
            }
        });
    }

    private record InventoryRecord(String contentBase64, Instant keptAt, String keptBy) {}

    /** Written whole or not at all: a crash leaves the inventory kept before. */
    @Override
    public synchronized void keepInventory(String jurisdiction, byte[] content, String keptBy) {
        try {
            Files.createDirectories(folder(jurisdiction));
            writeAtomically(
                    folder(jurisdiction).resolve(INVENTORY),
                    json.writeValueAsBytes(new InventoryRecord(
                            java.util.Base64.getEncoder().encodeToString(content), Instant.now(), keptBy)));
        } catch (IOException e) {
            throw new StorageUnavailableException("小区清单未能保存 (the inventory could not be kept)", e);
        }
    }

    @Override
    public synchronized Optional<KeptInventory> inventory(String jurisdiction) {
        Path file = folder(jurisdiction).resolve(INVENTORY);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            InventoryRecord record = json.readValue(Files.readAllBytes(file), InventoryRecord.class);
            return Optional.of(new KeptInventory(
                    java.util.Base64.getDecoder().decode(record.contentBase64()), record.keptAt(), record.keptBy()));
        } catch (IOException | RuntimeException e) {
            reported(new StoredRecordProblem(relative(file), "小区清单无法读取，已忽略 (unreadable inventory, ignored)"));
            return Optional.empty();
        }
    }

    /** The readable submission records by number; an unreadable one is logged once and skipped. */
    private List<RulesetSubmission> submissionsRead(String jurisdiction) {
        Path folder = folder(jurisdiction).resolve(SUBMISSIONS);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<RulesetSubmission> read = new java.util.ArrayList<>();
        try (Stream<Path> records = Files.list(folder)) {
            for (Path record : records.filter(p -> p.getFileName().toString().matches("\\d{1,9}\\.json"))
                    .toList()) {
                try {
                    read.add(SubmissionRecords.read(Files.readAllBytes(record)));
                } catch (IOException | RuntimeException e) {
                    reported(new StoredRecordProblem(
                            relative(record), "提交审核记录无法读取，已跳过 (unreadable submission, skipped)"));
                }
            }
        } catch (IOException e) {
            throw new StorageUnavailableException("无法读取提交审核记录 " + folder, e);
        }
        read.sort(Comparator.comparingInt(RulesetSubmission::number));
        return read;
    }

    private String relative(Path file) {
        return relativePath(root, file);
    }

    private Path folder(String jurisdiction) {
        return root.resolve(jurisdiction);
    }

    private Path versionFolder(String jurisdiction, int number) {
        return folder(jurisdiction).resolve(Integer.toString(number));
    }

    private static void deleteQuietly(Path folder) {
        try {
            deleteTree(folder);
        } catch (IOException leftForTheNextSave) {
            // the next save of this number deletes it first
        }
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
