package cn.wenzhou.renovation.administration;

import cn.wenzhou.renovation.ruleset.authoring.diff.CellChange;
import cn.wenzhou.renovation.ruleset.authoring.diff.ChangeKind;
import cn.wenzhou.renovation.ruleset.authoring.diff.DrlRuleChange;
import cn.wenzhou.renovation.ruleset.authoring.diff.RowChange;
import cn.wenzhou.renovation.ruleset.authoring.diff.RulesetDiff;
import cn.wenzhou.renovation.ruleset.authoring.diff.TableChange;
import cn.wenzhou.renovation.ruleset.engine.RuleClause;
import cn.wenzhou.renovation.ruleset.engine.RuleFile;
import cn.wenzhou.renovation.ruleset.versions.RulesetReview;
import cn.wenzhou.renovation.ruleset.versions.RulesetSubmission;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * The change record a leader signs (规则修改审批单): who asked for which change and why, the old and new value
 * of every cell with the clause it rests on, the Test Scenario answers it changes, who reviewed it and what
 * became of it, and lines for the signatures. A Word document, so the office prints it or edits its wording.
 */
final class ChangeRecordDocument {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static final ZoneId WENZHOU = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final String FONT = "SimSun";

    private ChangeRecordDocument() {}

    static String fileName(RulesetSubmission submission) {
        return "规则修改审批单-" + submission.jurisdiction() + "-第" + submission.number() + "号.docx";
    }

    /** {@code impact}: what the edit does to the jurisdiction's kept inventory, line by line; empty when none is kept. */
    static byte[] render(
            String jurisdictionName,
            RulesetReview.ChangeRecord record,
            List<String> impact,
            Function<String, Optional<RuleClause>> clauses) {
        RulesetSubmission submission = record.submission();
        RulesetDiff diff = RulesetDiff.ofEdit(submission.jurisdiction(), record.before(), record.after());
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            paragraph(doc, "温州市城镇老旧小区改造判定规则", 14, true, ParagraphAlignment.CENTER);
            paragraph(doc, "规则修改审批单", 20, true, ParagraphAlignment.CENTER);
            facts(doc, jurisdictionName, submission);

            paragraph(doc, "一、修改内容", 14, true, ParagraphAlignment.LEFT);
            changes(doc, diff, clauses);

            paragraph(doc, "二、测试场景结果的变化", 14, true, ParagraphAlignment.LEFT);
            if (record.scenarioChanges().isEmpty()) {
                paragraph(doc, "无：各测试场景的既定结论不变。", 12, false, ParagraphAlignment.LEFT);
            } else {
                paragraph(
                        doc,
                        "以下 " + record.scenarioChanges().size() + " 个测试场景的结论因本次修改而改变"
                                + (submission.status() == RulesetSubmission.Status.APPROVED ? "，审核人已确认为修改本意：" : "："),
                        12,
                        false,
                        ParagraphAlignment.LEFT);
                for (int i = 0; i < record.scenarioChanges().size(); i++) {
                    paragraph(
                            doc, (i + 1) + ". " + record.scenarioChanges().get(i), 11, false, ParagraphAlignment.LEFT);
                }
            }

            paragraph(doc, "三、对小区清单的影响", 14, true, ParagraphAlignment.LEFT);
            if (impact.isEmpty()) {
                paragraph(doc, "本辖区未保存小区清单（或无法比较），未评估。", 12, false, ParagraphAlignment.LEFT);
            } else {
                impact.forEach(line -> paragraph(doc, line, 11, false, ParagraphAlignment.LEFT));
            }

            paragraph(doc, "四、签批", 14, true, ParagraphAlignment.LEFT);
            signatures(doc);
            paragraph(
                    doc,
                    "本单由规则管理台于 " + when(Instant.now()) + " 生成。"
                            + (submission.pending() ? "尚待审核：修改内容按生成时正在使用的规则比较。" : ""),
                    9,
                    false,
                    ParagraphAlignment.LEFT);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the change record", e);
        }
    }

    private static void facts(XWPFDocument doc, String jurisdictionName, RulesetSubmission submission) {
        RulesetSubmission.Decision decision = submission.decision();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"辖区", jurisdictionName + "（" + submission.jurisdiction() + "）"});
        rows.add(new String[] {"提交编号", "第 " + submission.number() + " 号"});
        rows.add(new String[] {
            "修改的表格",
            String.join(
                    "、",
                    submission.files().stream()
                            .map(ChangeRecordDocument::fileName)
                            .toList())
        });
        rows.add(new String[] {"修改理由", submission.reason()});
        rows.add(new String[] {"提交人", submission.submittedBy() + "，" + when(submission.submittedAt())});
        rows.add(new String[] {
            "提交时的现行版本", submission.basedOnVersion() == null ? "（无）" : "版本 " + submission.basedOnVersion()
        });
        rows.add(new String[] {"审核结果", status(submission)});
        if (decision != null) {
            rows.add(new String[] {"审核人", decision.by() + "，" + when(decision.at())});
            rows.add(new String[] {"审核意见", decision.comment() == null ? "" : decision.comment()});
        }
        XWPFTable table = doc.createTable(rows.size(), 2);
        table.setWidth("100%");
        for (int i = 0; i < rows.size(); i++) {
            cell(table.getRow(i), 0, rows.get(i)[0], true);
            cell(table.getRow(i), 1, rows.get(i)[1], false);
        }
        doc.createParagraph();
    }

    private static String status(RulesetSubmission submission) {
        RulesetSubmission.Decision decision = submission.decision();
        return switch (submission.status()) {
            case PENDING -> "待审核";
            case RETURNED -> "已退回，未启用";
            case APPROVED ->
                "已审核启用，成为版本 " + decision.version()
                        + (decision.replacedVersion() == null
                                        || decision.replacedVersion().equals(decision.version())
                                ? ""
                                : "（替换版本 " + decision.replacedVersion() + "）");
        };
    }

    private static void changes(XWPFDocument doc, RulesetDiff diff, Function<String, Optional<RuleClause>> clauses) {
        List<String[]> rows = new ArrayList<>();
        for (TableChange table : diff.tables()) {
            for (RowChange row : table.rows()) {
                String rule = row.ruleId() + "（第 " + row.row() + " 行）";
                String basis = clauses.apply(row.ruleId())
                        .map(c -> c.section() + (c.quote() == null || c.quote().isBlank() ? "" : "：" + c.quote()))
                        .orElse("");
                if (row.change() != ChangeKind.CHANGED) {
                    rows.add(new String[] {
                        fileName(table.file()), rule, row.change().label() + "规则", "", "", basis
                    });
                    continue;
                }
                for (CellChange cell : row.cells()) {
                    rows.add(new String[] {
                        fileName(table.file()),
                        rule,
                        cell.column() + "（" + cell.cell() + "）",
                        nullToBlank(cell.before()),
                        nullToBlank(cell.after()),
                        basis
                    });
                }
            }
        }
        for (DrlRuleChange rule : diff.rules()) {
            rows.add(new String[] {
                fileName(rule.file()), rule.ruleId(), rule.change().label() + "规则（规则文件）", "", "", ""
            });
        }
        if (rows.isEmpty()) {
            paragraph(doc, "与比较的版本相比没有规则变化。", 12, false, ParagraphAlignment.LEFT);
            return;
        }
        XWPFTable table = doc.createTable(rows.size() + 1, 6);
        table.setWidth("100%");
        String[] headers = {"表格", "规则", "项目（单元格）", "原值", "新值", "依据"};
        for (int c = 0; c < headers.length; c++) {
            cell(table.getRow(0), c, headers[c], true);
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < headers.length; c++) {
                cell(table.getRow(r + 1), c, rows.get(r)[c], false);
            }
        }
        doc.createParagraph();
    }

    private static void signatures(XWPFDocument doc) {
        String[] roles = {"提交人（签字）", "审核人（签字）", "分管领导签批意见（签字）"};
        XWPFTable table = doc.createTable(roles.length, 2);
        table.setWidth("100%");
        for (int i = 0; i < roles.length; i++) {
            cell(table.getRow(i), 0, roles[i], true);
            cell(table.getRow(i), 1, "\n\n日期：　　　年　　月　　日", false);
        }
        doc.createParagraph();
    }

    private static void cell(XWPFTableRow row, int column, String text, boolean bold) {
        XWPFParagraph p = row.getCell(column).getParagraphs().get(0);
        String[] lines = text.split("\n", -1);
        XWPFRun run = p.createRun();
        run.setFontFamily(FONT);
        run.setFontSize(10);
        run.setBold(bold);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i]);
        }
    }

    private static void paragraph(XWPFDocument doc, String text, int size, boolean bold, ParagraphAlignment alignment) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(alignment);
        XWPFRun run = p.createRun();
        run.setFontFamily(FONT);
        run.setFontSize(size);
        run.setBold(bold);
        run.setText(text);
    }

    private static String fileName(RuleFile file) {
        return fileName(file.path());
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String nullToBlank(String text) {
        return text == null ? "" : text;
    }

    private static String when(Instant instant) {
        return WHEN.format(instant.atZone(WENZHOU));
    }
}
