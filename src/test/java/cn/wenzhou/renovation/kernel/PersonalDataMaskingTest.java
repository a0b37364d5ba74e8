package cn.wenzhou.renovation.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonalDataMaskingTest {

    @Test
    void masksFieldsAsGeneratedModelsPrintThem() {
        String printed =
                "class RosterEntry {\n    roomNumber: 3-101\n    ownerName: 张三\n    idNumber: 330302198001011234\n"
                        + "    phone: 13800000001\n}";
        String masked = PersonalDataMasking.mask(printed);
        assertThat(masked)
                .contains("roomNumber: 3-101", "ownerName: ***", "idNumber: ***", "phone: ***")
                .doesNotContain("张三", "330302198001011234", "13800000001");
    }

    @Test
    void masksFieldsInJson() {
        String masked = PersonalDataMasking.mask(
                "{\"ownerName\":\"李四\",\"idNumber\":\"33030219800101123X\",\"roomNumber\":\"1\"}");
        assertThat(masked).doesNotContain("李四", "33030219800101123X").contains("\"roomNumber\":\"1\"");
    }

    @Test
    void hidesEveryDigitOfIdNumbersAndMobilesAnywhere() {
        String masked = PersonalDataMasking.mask("value 33030219800101123X and 13912345678 rejected");
        assertThat(masked).isEqualTo("value ****************** and *********** rejected");
    }

    /** The forms the adversarial campaign found echoed in clear (issue 17, finding 4(e)). */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "请回电139-1234-5670谢谢           | 请回电***-****-****谢谢",
                "身份证330302800101123已登记       | 身份证***************已登记",
                "物业电话0577-88123456             | 物业电话****-********",
                "联系张伟明电话13812345678         | 联系***电话***********",
                "（0577）88123456                  | （****）********",
                "0577 8812 3456转801               | **** **** ****转***",
                "+86 138 1234 5678                 | +** *** **** ****",
                "008613812345678                   | ***************",
                "手机１３８１２３４５６７８        | 手机***********",
                "电话：8812 3456                   | 电话：**** ****",
                "户主欧阳明华，手机 13812345678    | 户主****，手机 ***********",
                "姓名：王芳 0577-88123456          | 姓名：** ****-********"
            })
    void masksPhonesIdsAndNamedContactsInFreeText(String text, String expected) {
        assertThat(PersonalDataMasking.mask(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "面积 6700.00 m², 2026-03-01, 1000000.00 元, 户数 100",
                "2000年建成，总投资20000000元，面积1234.56平方米",
                "3-101、12-1-301 同意，占 66.67%",
                "业主反映楼道灯坏了，联系物业处理",
                "合计 1234567890 元"
            })
    void leavesOrdinaryNumbersAndTextAlone(String text) {
        assertThat(PersonalDataMasking.mask(text)).isEqualTo(text);
    }

    @Test
    void aNameIsMaskedOnlyWhereTheTextSaysItIsAContact() {
        assertThat(PersonalDataMasking.mask("张伟明反映电梯噪音大")).isEqualTo("张伟明反映电梯噪音大");
        assertThat(PersonalDataMasking.mask("联系人电话13812345678")).isEqualTo("联系人电话***********");
    }

    @Test
    void maskingTwiceChangesNothingMore() {
        String once = PersonalDataMasking.mask("联系张伟明电话13812345678，身份证33030219800101123X");
        assertThat(PersonalDataMasking.mask(once)).isEqualTo(once);
    }

    @Test
    void masksRejectedValuesOfPersonalFieldsInSpringFieldErrors() {
        String logged = "Field error in object 'consentTallyRequest' on field 'roster[0].phone': rejected value "
                + "[0577-88123456 (家)]; codes [Size.consentTallyRequest.roster[0].phone]; default message [size]";
        String masked = PersonalDataMasking.mask(logged);
        assertThat(masked).doesNotContain("0577-88123456").contains("rejected value [***]; codes [Size");
    }
}
