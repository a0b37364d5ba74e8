package cn.wenzhou.renovation.workbook;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipMethod;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * The parts of an .xlsx package, opened in place: only the ZIP's central directory is read when it is
 * opened, and a part is inflated only when {@link #open} is called, with every inflated byte counted
 * against the part's and the workbook's limits.
 */
final class ZipParts implements AutoCloseable {

    /** More entries than any real workbook has; the directory of a ZIP is held in memory, so it is bounded first. */
    static final int MAX_ENTRIES = 10_000;

    private static final int END_OF_DIRECTORY = 0x06054b50;
    private static final int DIRECTORY_ENTRY = 0x02014b50;
    private static final String NOT_XLSX = "不是有效的 .xlsx 工作簿";

    private final ZipFile zip;
    private final List<String> names;
    private final WorkbookLimits limits;
    private long totalRead;

    private ZipParts(ZipFile zip, List<String> names, WorkbookLimits limits) {
        this.zip = zip;
        this.names = names;
        this.limits = limits;
    }

    static ZipParts open(byte[] xlsx, WorkbookLimits limits) throws WorkbookRefusedException {
        countDirectoryEntries(xlsx);
        ZipFile zip;
        try {
            zip = ZipFile.builder()
                    .setSeekableByteChannel(new SeekableInMemoryByteChannel(xlsx))
                    .setIgnoreLocalFileHeader(true)
                    .get();
        } catch (IOException | RuntimeException e) {
            throw new WorkbookRefusedException(NOT_XLSX);
        }
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
            String name = entry.getName();
            if (!seen.add(name)) {
                closeQuietly(zip);
                throw new WorkbookRefusedException(NOT_XLSX + "：部件 " + name + " 出现了两次");
            }
            names.add(name);
        }
        return new ZipParts(zip, names, limits);
    }

    /**
     * Walks the ZIP's central directory in the uploaded bytes without allocating anything per entry, so a
     * directory of millions of tiny entries is refused before a ZIP library builds an object for each.
     */
    private static void countDirectoryEntries(byte[] zip) throws WorkbookRefusedException {
        int end = -1;
        for (int at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xFFFF); at--) {
            if (int32(zip, at) == END_OF_DIRECTORY) {
                end = at;
                break;
            }
        }
        if (end < 0) {
            throw new WorkbookRefusedException(NOT_XLSX);
        }
        long directoryOffset = int32(zip, end + 16) & 0xFFFFFFFFL;
        if (directoryOffset == 0xFFFFFFFFL || int16(zip, end + 10) == 0xFFFF) {
            // ZIP64: only needed past 4 GB or 65,535 entries, far beyond any limit here.
            throw new WorkbookRefusedException("工作簿过大（ZIP64 格式），超过上限");
        }
        int entries = 0;
        long at = directoryOffset;
        while (at + 46 <= zip.length && int32(zip, (int) at) == DIRECTORY_ENTRY) {
            if (++entries > MAX_ENTRIES) {
                throw WorkbookRefusedException.overLimit("工作簿的 ZIP 中有超过 " + MAX_ENTRIES + " 个部件，超过上限", null, null);
            }
            int position = (int) at;
            at += 46L + int16(zip, position + 28) + int16(zip, position + 30) + int16(zip, position + 32);
        }
    }

    private static int int16(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8;
    }

    private static int int32(byte[] bytes, int at) {
        return int16(bytes, at) | int16(bytes, at + 2) << 16;
    }

    List<String> names() {
        return names;
    }

    boolean has(String name) {
        return zip.getEntry(name) != null;
    }

    /**
     * The inflating stream of a part; reading past {@code maxPartBytes} of it, or past {@code maxTotalBytes}
     * of all parts read, throws a {@link Refusal} naming {@code described} (e.g. 工作表「小区清单」).
     */
    InputStream open(String name, String described, String sheet) throws WorkbookRefusedException {
        ZipArchiveEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new WorkbookRefusedException(NOT_XLSX + "：缺少部件 " + name);
        }
        int method = entry.getMethod();
        if (method != ZipMethod.STORED.getCode() && method != ZipMethod.DEFLATED.getCode()) {
            throw new WorkbookRefusedException(NOT_XLSX + "：部件 " + name + " 的压缩方式不是 .xlsx 所用的");
        }
        try {
            return new CountingStream(zip.getInputStream(entry), described, sheet);
        } catch (IOException | RuntimeException e) {
            throw new WorkbookRefusedException(NOT_XLSX + "：部件 " + name + " 无法解压");
        }
    }

    @Override
    public void close() {
        closeQuietly(zip);
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException ignored) {
            // an in-memory channel: nothing to release
        }
    }

    static String size(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " 字节";
    }

    /** A limit reached inside a parser's read of a stream: carried out through the parser, then unwrapped. */
    static final class Refusal extends RuntimeException {
        final transient WorkbookRefusedException refusal;

        Refusal(WorkbookRefusedException refusal) {
            super(refusal.reason(), null, false, false);
            this.refusal = refusal;
        }
    }

    private final class CountingStream extends FilterInputStream {
        private final String described;
        private final String sheet;
        private long partRead;

        CountingStream(InputStream in, String described, String sheet) {
            super(in);
            this.described = described;
            this.sheet = sheet;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            return super.skip(n); // the XML parser never skips; counted reads are what matter
        }

        private void count(int n) {
            partRead += n;
            totalRead += n;
            if (partRead > limits.maxPartBytes()) {
                throw new Refusal(WorkbookRefusedException.overLimit(
                        described + "解压后超过 " + size(limits.maxPartBytes()) + " 的上限", sheet, null));
            }
            if (totalRead > limits.maxTotalBytes()) {
                throw new Refusal(WorkbookRefusedException.overLimit(
                        "工作簿解压后超过 " + size(limits.maxTotalBytes()) + " 的上限（读到" + described + "时）", sheet, null));
            }
        }
    }
}
