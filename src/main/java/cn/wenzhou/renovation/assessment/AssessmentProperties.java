package cn.wenzhou.renovation.assessment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the batch endpoints: a city's whole inventory fits, a runaway upload does not. An inventory
 * workbook is read with the rows of {@code maxBatchItems} plus its two heading rows, and these limits.
 *
 * @param maxWorkbookSheets       worksheets in an inventory workbook (the template has two)
 * @param maxWorkbookColumns      columns of the 小区清单 sheet (the template's inputs and results are 42)
 * @param maxWorkbookPartBytes    uncompressed size of the 小区清单 sheet, the shared strings or the styles
 * @param maxWorkbookInflatedBytes uncompressed size of all the parts read together
 */
@ConfigurationProperties("renovation.assessment")
record AssessmentProperties(
        @DefaultValue("10000") int maxBatchItems,
        @DefaultValue("20971520") long maxWorkbookBytes,
        @DefaultValue("4") int maxWorkbookSheets,
        @DefaultValue("100") int maxWorkbookColumns,
        @DefaultValue("64MB") DataSize maxWorkbookPartBytes,
        @DefaultValue("96MB") DataSize maxWorkbookInflatedBytes) {}
