package cn.wenzhou.renovation.consent;

import cn.wenzhou.renovation.api.model.NoticeDetails;
import cn.wenzhou.renovation.kernel.ExactRatio;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/**
 * Annex 3 (居民意见公示书) filled in from a passed vote, with annex 2's room-number summary, as a
 * Word document a community worker prints and posts. The wording is the annex's; only its blanks
 * are filled. Only room numbers of the roster appear: never names, ID numbers or phones.
 */
final class PublicityNotice {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private PublicityNotice() {}

    static byte[] render(String communityName, ConsentOutcome outcome, RosterSummary roster, NoticeDetails notice) {
        String community = communityName.contains("小区") ? communityName : communityName + "小区";
        CountedVotes votes = outcome.votes();
        ExactRatio householdShare = votes.share(Measure.AGREEING_HOUSEHOLDS_OF_TOTAL);
        ExactRatio areaShare = votes.share(Measure.AGREEING_AREA_OF_TOTAL);
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            heading(doc, community + "改造居民意见公示书");
            paragraph(
                    doc,
                    "　　" + community + "总建筑面积" + area(votes.totalArea()) + "m²，总业主户数" + votes.totalHouseholds()
                            + "户。经征求小区居民意见，同意进行老旧小区改造的业主户数" + votes.agreeingHouseholds() + "户，占总业主户数"
                            + householdShare.percent(2).toPlainString() + "%，业主专有部分建筑面积" + area(votes.agreeingArea())
                            + "m²，占总建筑面积" + areaShare.percent(2).toPlainString()
                            + "%，符合有关规定，拟申请办理老旧小区改造手续。根据有关规定，现予以公示（含改造及同意居民房号汇总表）。"
                            + "小区业主如有异议，请于公示期内与业委会（或社区居委会）联系（联系人：" + notice.getContactPerson()
                            + "；联系方式：" + notice.getContactPhone() + "）协商。如协商不成的，请以书面形式向所在街道办事处（地址"
                            + notice.getSubdistrictOfficeAddress() + "；联系电话：" + notice.getSubdistrictOfficePhone()
                            + "）请求调解。逾期提出异议的，将不予受理。",
                    ParagraphAlignment.BOTH);
            long days = ChronoUnit.DAYS.between(notice.getPublicityStartDate(), notice.getPublicityEndDate()) + 1;
            paragraph(
                    doc,
                    "　　本公示期" + days + "天，自" + date(notice.getPublicityStartDate()) + "起至"
                            + date(notice.getPublicityEndDate()) + "止",
                    ParagraphAlignment.BOTH);
            paragraph(doc, "附件：", ParagraphAlignment.LEFT);
            paragraph(doc, "1.改造初步设计方案", ParagraphAlignment.LEFT);
            paragraph(doc, "2.同意改造居民房号汇总表", ParagraphAlignment.LEFT);
            paragraph(doc, notice.getIssuedBy() + "（盖章）", ParagraphAlignment.RIGHT);
            paragraph(doc, "（业委会未成立的由社区居委会代章）", ParagraphAlignment.RIGHT);
            paragraph(doc, date(notice.getIssueDate()), ParagraphAlignment.RIGHT);
            roomSummary(doc, community, roster, outcome.blankBallots().countedAsAgreeing());
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the publicity notice", e);
        }
    }

    private static void roomSummary(XWPFDocument doc, String community, RosterSummary roster, boolean blanksAgree) {
        XWPFParagraph pageBreak = doc.createParagraph();
        pageBreak.createRun().addBreak(BreakType.PAGE);
        heading(doc, community + "同意改造居民房号汇总表");
        if (roster == null) {
            paragraph(doc, "（本次按汇总数计票，未提交逐户名册；房号汇总表由社区另附。）", ParagraphAlignment.LEFT);
            return;
        }
        List<String> rooms = roster.agreeingRooms(blanksAgree);
        XWPFTable table = doc.createTable(rooms.size() + 1, 2);
        table.getRow(0).getCell(0).setText("序号");
        table.getRow(0).getCell(1).setText("房号");
        for (int i = 0; i < rooms.size(); i++) {
            table.getRow(i + 1).getCell(0).setText(String.valueOf(i + 1));
            table.getRow(i + 1).getCell(1).setText(rooms.get(i));
        }
        paragraph(
                doc,
                "共 " + rooms.size() + " 户" + (blanksAgree ? "（含已签字但意见栏留空白、视为同意多数居民意见的户）" : "")
                        + "。为保护个人隐私，本表不列姓名、身份证号码和联系电话。",
                ParagraphAlignment.LEFT);
    }

    private static void heading(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        XWPFRun run = p.createRun();
        run.setBold(true);
        run.setFontSize(18);
        run.setFontFamily("SimSun");
        run.setText(text);
    }

    private static void paragraph(XWPFDocument doc, String text, ParagraphAlignment alignment) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(alignment);
        XWPFRun run = p.createRun();
        run.setFontSize(14);
        run.setFontFamily("SimSun");
        run.setText(text);
    }

    private static String area(BigDecimal area) {
        return area.toPlainString();
    }

    private static String date(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
}
