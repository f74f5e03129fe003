/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.excel.internal.TemplateLayout;

/**
 * The upload file as a reader we did not write sees it: Apache POI, an independent xlsx
 * implementation (test scope only). PARS's own importer is unknown, so the file must be correct
 * for any conformant reader.
 */
class UploadFileReadersTest {

    private static final org.parsjava.core.validation.ParsValidator VALIDATOR =
            org.parsjava.core.validation.ParsValidator.builder()
                    .clock(org.parsjava.core.testing.Fixtures.CLOCK)
                    .build();

    @TempDir
    Path dir;

    private Path write(List<LearnerCompletion> completions) throws Exception {
        Path file = dir.resolve("upload.xlsx");
        try (OutputStream out = Files.newOutputStream(file);
                LearnerUploadWriter writer = LearnerUploadWriter.create(out, VALIDATOR)) {
            for (LearnerCompletion c : completions) {
                assertTrue(writer.add(c).isEmpty(), c.toString());
            }
        }
        return file;
    }

    @Test
    void theSheetDeclaresItsTrueDimensionAndTheWorkbookADefaultCellStyle() throws Exception {
        List<LearnerCompletion> completions = LearnerTemplateTest.completions();
        Path file = write(completions);
        try (OPCPackage pkg = OPCPackage.open(file.toFile());
                XSSFWorkbook workbook = new XSSFWorkbook(pkg)) {
            XSSFSheet sheet = workbook.getSheet(TemplateLayout.SHEET);
            int lastRow = sheet.getLastRowNum() + 1; // POI counts rows from 0
            int lastColumn = 0;
            for (org.apache.poi.ss.usermodel.Row r : sheet) {
                lastColumn = Math.max(lastColumn, r.getLastCellNum());
            }
            String expected =
                    "A1:" + org.apache.poi.ss.util.CellReference.convertNumToColString(lastColumn - 1) + lastRow;
            assertEquals(expected, sheet.getCTWorksheet().getDimension().getRef(), "the declared dimension");
            assertEquals(TemplateLayout.FIRST_DATA_ROW - 1 + 5, lastRow, "guidance, header, five data rows");
            DataFormatter text = new DataFormatter();
            assertEquals(
                    "Record Action",
                    text.formatCellValue(
                            sheet.getRow(TemplateLayout.HEADER_ROW - 1).getCell(0)));
            assertEquals(
                    "Add",
                    text.formatCellValue(
                            sheet.getRow(TemplateLayout.FIRST_DATA_ROW - 1).getCell(0)));
        }
    }

    @Test
    void aStreamingReaderThatTrustsTheDimensionSeesEveryRow() throws Exception {
        Path file = write(LearnerTemplateTest.completions());
        try (OPCPackage pkg = OPCPackage.open(file.toFile())) {
            XSSFReader reader = new XSSFReader(pkg);
            try (InputStream sheet = reader.getSheetsData().next()) {
                String head = new String(sheet.readNBytes(2048), java.nio.charset.StandardCharsets.UTF_8);
                assertTrue(head.contains("<dimension ref=\"A1:"), head);
                assertTrue(
                        !head.contains("<dimension ref=\"A1\"/>"), "not the one-cell dimension of a streaming writer");
            }
            try (InputStream styles = reader.getStylesData()) {
                String xml = new String(styles.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertTrue(xml.contains("<cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/>"), xml);
            }
        }
        assertEquals(
                LearnerTemplateTest.completions().size(),
                LearnerUploadReaderRows.count(file),
                "pars-excel's own reader reads every completion back");
    }

    /** Rows pars-excel reads back as completions. */
    static final class LearnerUploadReaderRows {
        static int count(Path file) {
            int n = 0;
            try (LearnerUploadReader r = LearnerUploadReader.open(file, LearnerTemplateTest.LOOKUP)) {
                while (r.hasNext()) {
                    if (r.next().row().completion().isPresent()) {
                        n++;
                    }
                }
            }
            return n;
        }
    }

    @Test
    void aSheetRowNamesItsLineNotItsCells() {
        String shown = new org.parsjava.excel.internal.SheetRows.SheetRow(
                        7, List.of("Jane", "Sample", "1234567893"), null)
                .toString();
        assertEquals("SheetRow[line 7, 3 cells]", shown);
    }
}
