package cn.wenzhou.renovation.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataMaskingTest {

    @Test
    void masksFieldsAsGeneratedModelsPrintThem() {
        String printed = "class RosterEntry {\n    roomNumber: 3-101\n    ownerName: 张三\n    idNumber: 330302198001011234\n"
                + "    phone: 13800000001\n}";
        String masked = PersonalDataMasking.mask(printed);
        assertThat(masked).contains("roomNumber: 3-101", "ownerName: ***", "idNumber: ***", "phone: ***")
                .doesNotContain("张三", "330302198001011234", "13800000001");
    }

    @Test
    void masksFieldsInJson() {
        String masked = PersonalDataMasking.mask("{\"ownerName\":\"李四\",\"idNumber\":\"33030219800101123X\",\"roomNumber\":\"1\"}");
        assertThat(masked).doesNotContain("李四", "33030219800101123X").contains("\"roomNumber\":\"1\"");
    }

    @Test
    void blursIdNumbersAndMobilesAnywhere() {
        String masked = PersonalDataMasking.mask("value 33030219800101123X and 13912345678 rejected");
        assertThat(masked).isEqualTo("value 330302********123X and 139****5678 rejected");
    }

    @Test
    void leavesAreasYearsAndAmountsAlone() {
        String text = "面积 6700.00 m², 2026-03-01, 1000000.00 元, 户数 100";
        assertThat(PersonalDataMasking.mask(text)).isEqualTo(text);
    }

    @Test
    void masksRejectedValuesOfPersonalFieldsInSpringFieldErrors() {
        String logged = "Field error in object 'consentTallyRequest' on field 'roster[0].phone': rejected value "
                + "[0577-88123456 (家)]; codes [Size.consentTallyRequest.roster[0].phone]; default message [size]";
        String masked = PersonalDataMasking.mask(logged);
        assertThat(masked).doesNotContain("0577-88123456").contains("rejected value [***]; codes [Size");
    }

}
