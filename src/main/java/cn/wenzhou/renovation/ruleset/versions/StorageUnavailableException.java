package cn.wenzhou.renovation.ruleset.versions;

import cn.wenzhou.renovation.kernel.ProblemCode;
import cn.wenzhou.renovation.kernel.ProblemException;
import cn.wenzhou.renovation.kernel.Problems;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.ReadOnlyFileSystemException;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Something the service had to write or read could not be (a full disk, a read-only or failing
 * volume, an unreachable database). The message says in Chinese what failed and that nothing of it
 * took effect; the cause, with its paths, goes to the log only.
 */
public class StorageUnavailableException extends ProblemException {

    /**
     * @param whatFailed what the service could not do and what that means for the caller, e.g.
     *        「规则版本 4 未能保存，本次启用未生效」
     */
    public StorageUnavailableException(String whatFailed, Throwable cause) {
        super(problem(whatFailed + "（" + reason(cause) + "）"), cause);
    }

    /** A failure found by the service itself (no exception behind it), with its reason in staff language. */
    public StorageUnavailableException(String whatFailed, String reason) {
        super(problem(whatFailed + "（" + reason + "）"));
    }

    private static ProblemDetail problem(String detail) {
        return Problems.of(
                HttpStatus.SERVICE_UNAVAILABLE, "Storage unavailable", ProblemCode.STORAGE_UNAVAILABLE, detail);
    }

    /** The likely reason in staff language, without the file names the cause carries. */
    static String reason(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("no space left")
                    || message.contains("out of disk space")
                    || message.contains("disk full")
                    || message.contains("quota")) {
                return "磁盘空间不足 (disk full)";
            }
            if (t instanceof AccessDeniedException
                    || t instanceof ReadOnlyFileSystemException
                    || message.contains("read-only file system")) {
                return "存储只读或无写入权限 (storage is read-only)";
            }
        }
        return cause instanceof FileSystemException || cause instanceof java.io.IOException
                ? "存储读写失败 (storage I/O error)"
                : "存储不可用 (storage unavailable)";
    }
}
