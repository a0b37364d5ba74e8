package cn.wenzhou.renovation.administration;

import cn.wenzhou.renovation.kernel.InvalidFieldException;
import cn.wenzhou.renovation.kernel.PayloadTooLargeException;
import cn.wenzhou.renovation.ruleset.engine.JurisdictionDescriptor;
import cn.wenzhou.renovation.ruleset.engine.RuleFile;
import cn.wenzhou.renovation.ruleset.engine.RuleWorkbook;
import cn.wenzhou.renovation.ruleset.engine.RulesetSources;
import cn.wenzhou.renovation.workbook.WorkbookContent;
import cn.wenzhou.renovation.workbook.WorkbookRefusedException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * Where each uploaded file goes: a staff member uploads {@code consent-thresholds.xlsx}, not a path. It
 * replaces the jurisdiction's own file of that name; a county uploading a base file's name gets it as
 * its override ({@code decision-tables/counties/<code>/consent/consent-thresholds.xlsx}). Only rule tables (.xlsx), DRL
 * and a staff table's template and form are accepted, and a workbook with macros or external links is refused.
 */
final class RuleUploads {

    private RuleUploads() {}

    static List<RuleFile> place(
            String jurisdiction,
            List<MultipartFile> uploads,
            List<RuleFile> ownFiles,
            List<RuleFile> baseFiles,
            DataSize maxRuleFile,
            DataSize maxRuleRequest) {
        if (uploads == null || uploads.isEmpty()) {
            throw new InvalidFieldException("files", "至少上传一个规则表格（.xlsx）或规则文件（.drl）");
        }
        if (uploads.stream().mapToLong(MultipartFile::getSize).sum() > maxRuleRequest.toBytes()) {
            throw new PayloadTooLargeException(
                    "files",
                    "一次上传的规则文件合计超过 " + maxRuleRequest.toMegabytes() + " MB 上限 (renovation.limits.max-rule-request)");
        }
        List<RuleFile> placed = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < uploads.size(); i++) {
            String field = "files[" + i + "]";
            MultipartFile upload = uploads.get(i);
            String name = fileName(upload.getOriginalFilename());
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.endsWith(".drl")
                    && !lower.endsWith(".xlsx")
                    && !lower.endsWith(".drt")
                    && !lower.endsWith(".table.yaml")
                    && !lower.endsWith(".cases.yaml")) {
                throw new InvalidFieldException(
                        field,
                        "只接受规则表格和测试用例（.xlsx）、规则文件（.drl）和表格的模板与定义（.drt、.table.yaml、.cases.yaml），收到 " + abbreviate(name));
            }
            if (upload.getSize() > maxRuleFile.toBytes()) {
                throw new PayloadTooLargeException(
                        field, "规则文件超过 " + maxRuleFile.toMegabytes() + " MB 上限 (renovation.limits.max-rule-file)");
            }
            if (!names.add(lower)) {
                throw new InvalidFieldException(field, "文件 " + name + " 上传了不止一次");
            }
            String path = pathFor(jurisdiction, name, field, ownFiles, baseFiles);
            byte[] content = bytes(upload, field);
            if (lower.endsWith(".xlsx")) {
                refuseActiveContent(content, field, name);
            }
            placed.add(new RuleFile(path, content));
        }
        return placed;
    }

    private static String pathFor(
            String jurisdiction, String name, String field, List<RuleFile> ownFiles, List<RuleFile> baseFiles) {
        List<String> own = named(ownFiles, name);
        if (own.size() == 1) {
            return own.get(0);
        }
        if (own.isEmpty() && !JurisdictionDescriptor.BASE.equals(jurisdiction)) {
            List<String> base = named(baseFiles, name);
            if (base.size() == 1) {
                return RulesetSources.countyPath(jurisdiction, base.get(0));
            }
            own = base;
        }
        if (own.isEmpty()) {
            throw new InvalidFieldException(
                    field, "辖区 " + jurisdiction + " 没有名为 " + name + " 的规则文件：上传只能替换已有文件（新增文件请放入规则目录并重新部署）");
        }
        throw new InvalidFieldException(field, "辖区 " + jurisdiction + " 有多个名为 " + name + " 的文件: " + own);
    }

    private static List<String> named(List<RuleFile> files, String name) {
        return files.stream()
                .map(RuleFile::path)
                .filter(path -> path.substring(path.lastIndexOf('/') + 1).equalsIgnoreCase(name))
                .toList();
    }

    /**
     * Macros run code and external links or DDE fetch data when a colleague opens the workbook: none
     * belongs in a rule table. Read with the rule tables' limits, so a flood or a bomb stops here.
     */
    private static void refuseActiveContent(byte[] content, String field, String name) {
        List<String> active = workbook(content, field, name).activeContent();
        if (active.stream().anyMatch(part -> part.toLowerCase(Locale.ROOT).endsWith("vbaproject.bin"))) {
            throw new InvalidFieldException(field, name + " 含有宏，不予接受：请另存为不含宏的 .xlsx");
        }
        if (!active.isEmpty()) {
            throw new InvalidFieldException(field, name + " 含有指向其他工作簿的外部链接、DDE 链接或嵌入对象，不予接受：请把数值粘贴为值后再上传");
        }
    }

    /** A workbook read with the rule tables' limits; over a limit a 413, unreadable a 400, naming the field. */
    private static WorkbookContent workbook(byte[] content, String field, String name) {
        try {
            return RuleWorkbook.read(content);
        } catch (WorkbookRefusedException e) {
            if (e.isOverLimit()) {
                throw new PayloadTooLargeException(field, name + ": " + e.reason());
            }
            throw new InvalidFieldException(field, name + ": " + e.reason());
        }
    }

    /** One uploaded table, for the console's preview: its name and its cells, under the same limits as an upload. */
    record ReadTable(String name, WorkbookContent content) {}

    static ReadTable readTable(MultipartFile upload, String field, DataSize maxRuleFile) {
        if (upload == null || upload.isEmpty()) {
            throw new InvalidFieldException(field, "请上传一个表格（.xlsx）");
        }
        if (upload.getSize() > maxRuleFile.toBytes()) {
            throw new PayloadTooLargeException(
                    field, "规则文件超过 " + maxRuleFile.toMegabytes() + " MB 上限 (renovation.limits.max-rule-file)");
        }
        String name = fileName(upload.getOriginalFilename());
        return new ReadTable(name, workbook(bytes(upload, field), field, name));
    }

    private static byte[] bytes(MultipartFile upload, String field) {
        try {
            return upload.getBytes();
        } catch (IOException e) {
            throw new InvalidFieldException(field, "无法读取上传的文件");
        }
    }

    private static String fileName(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        return name.substring(name.lastIndexOf('/') + 1).strip();
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
