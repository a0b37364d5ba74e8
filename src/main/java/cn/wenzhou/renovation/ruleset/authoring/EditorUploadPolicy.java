package cn.wenzhou.renovation.ruleset.authoring;

import cn.wenzhou.renovation.ruleset.engine.RuleFile;
import java.util.List;
import java.util.Map;

/**
 * What a rules editor (not a publisher) may upload. Validation compiles and runs the rules, and rules are code: a
 * DRL file, or a staff table's rule template and form, could run anything in the service. So an editor may upload
 * the tables that exist, which hold data only: each cell is read by its form's type, never spliced as written
 * ({@code CellReading}), for every role. Publishers are trusted with templates, forms and DRL as for a deployment.
 */
public final class EditorUploadPolicy {

    private EditorUploadPolicy() {}

    /** Refuses, naming {@code files[i]}, any upload an editor may not make; {@code current} is what each replaces. */
    public static void check(List<RuleFile> placed, Map<String, RuleFile> current) {
        for (int i = 0; i < placed.size(); i++) {
            RuleFile file = placed.get(i);
            String field = "files[" + i + "]";
            if (file.isDrl()) {
                throw new UploadNotPermittedException(field, "DRL 规则文件可执行任意代码，只能由发布人员（rules-publisher）上传校验；编辑人员请上传决策表");
            }
            String lower = file.path().toLowerCase(java.util.Locale.ROOT);
            if (lower.endsWith(".drt") || lower.endsWith(".table.yaml")) {
                throw new UploadNotPermittedException(
                        field, "表格的规则模板和定义决定每行如何成为规则，只能由发布人员（rules-publisher）上传；编辑人员请上传表格本身");
            }
            if (current.get(file.path()) == null) {
                throw new UploadNotPermittedException(field, "只能修改已有的表格；增加新表格须由发布人员（rules-publisher）上传");
            }
            // A staff table holds data only: every cell is read by its form's types when the rules are built.
        }
    }
}
