/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsjava.core.batch.RosterReader;
import org.parsjava.core.batch.RosterRow;
import org.parsjava.core.codec.LearnerRecordAction;
import org.parsjava.core.model.Activity;
import org.parsjava.core.model.Board;
import org.parsjava.core.model.Learner;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.model.LicensingJurisdiction;
import org.parsjava.core.model.MocCredit;
import org.parsjava.core.model.MocCreditType;
import org.parsjava.core.model.MocRegistration;
import org.parsjava.core.testing.Fixtures;
import org.parsjava.core.validation.Violation;
import org.parsjava.core.validation.ViolationCode;
import org.parsjava.excel.internal.TemplateLayout;

class LearnerTemplateTest {

    /** Judges dates as of {@link Fixtures#TODAY}, so the fixtures stay inside the reporting window. */
    private static final org.parsjava.core.validation.ParsValidator VALIDATOR =
            org.parsjava.core.validation.ParsValidator.builder()
                    .clock(Fixtures.CLOCK)
                    .build();

    @TempDir
    Path dir;

    static final Activity ACTIVITY = Fixtures.activity().toBuilder()
            .mocRegistration(MocRegistration.of(Board.ABS, "1.5", MocCreditType.ABS_ACCREDITED_CME))
            .build();
    static final Function<String, Optional<Activity>> LOOKUP =
            id -> id.equals("201234567") ? Optional.of(ACTIVITY) : Optional.empty();

    /** CME with ABIM; CME only by NPI; ABIM and ABS (two rows); MOC only. */
    static List<LearnerCompletion> completions() {
        LearnerCompletion base =
                Fixtures.completion().toBuilder().activity(ACTIVITY).build();
        return List.of(
                base,
                base.toBuilder()
                        .completionKey("k2")
                        .clearMocCredits()
                        .learner(Learner.builder()
                                .firstName("Omar")
                                .lastName("Haddad")
                                .birthDate(7, 4)
                                .npi("1245319599")
                                .build())
                        .build(),
                base.toBuilder()
                        .completionKey("k3")
                        .learner(Fixtures.learner().toBuilder()
                                .firstName("Lena")
                                .boardId(Board.ABS, "55555")
                                .build())
                        .mocCredit(MocCreditType.ABS_ACCREDITED_CME, "1")
                        .build(),
                base.toBuilder()
                        .completionKey("k4")
                        .clearCmeCredits()
                        .learner(Fixtures.learner().toBuilder()
                                .firstName("Ruth")
                                .license(LicensingJurisdiction.ME, "1234567")
                                .build())
                        .build());
    }

    private Path write(List<LearnerCompletion> cs) throws IOException {
        Path file = dir.resolve("upload.xlsx");
        try (LearnerUploadWriter w = LearnerUploadWriter.create(Files.newOutputStream(file), VALIDATOR)) {
            for (LearnerCompletion c : cs) {
                assertEquals(List.of(), w.add(c));
            }
            assertEquals(cs.size(), w.recordsWritten());
            assertEquals(cs.size() + 1, w.rowsWritten(), "the ABIM + ABS completion takes two rows");
        }
        return file;
    }

    private static List<TemplateRow> read(Path file) {
        try (LearnerUploadReader r = LearnerUploadReader.open(file, LOOKUP)) {
            List<TemplateRow> rows = new ArrayList<>();
            r.forEachRemaining(rows::add);
            return rows;
        }
    }

    @Test
    void theHeaderRowAndTheFirstDataRowAreTheTemplates() throws IOException {
        Path file = write(completions());
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile());
                Stream<Row> rows = wb.getFirstSheet().openStream()) {
            assertEquals("Sheet1", wb.getFirstSheet().getName());
            List<Row> all = rows.toList();
            assertEquals(1, all.get(0).getRowNum());
            assertEquals(TemplateLayout.GUIDANCE, all.get(0).getCellAsString(0).orElseThrow());
            List<String> header = new ArrayList<>();
            for (int c = 0; c < all.get(1).getCellCount(); c++) {
                header.add(all.get(1).getCellAsString(c).orElse(""));
            }
            assertEquals(
                    List.of(
                            "Record Action",
                            "ACCME Activity ID",
                            "Completion Date",
                            "First Name",
                            "Last Name",
                            "Date of Birth",
                            "Licensing State",
                            "Licensing ID or NPI",
                            "Number of CME Credits",
                            "Certifying Board",
                            "Certifying Board ID",
                            "Total Board Credits",
                            "Credit Type ",
                            "Credits Awarded for Credit Type"),
                    header.subList(0, 14));
            Row first = all.get(2);
            assertEquals(3, first.getRowNum());
            assertEquals("Add", first.getCellAsString(0).orElseThrow());
            assertEquals("201234567", first.getCellAsString(1).orElseThrow());
            assertEquals(
                    LocalDate.of(2026, 2, 27),
                    first.getCellAsDate(2).orElseThrow().toLocalDate(),
                    "the completion date is a real Excel date");
            assertEquals("Jane", first.getCellAsString(3).orElseThrow());
            assertEquals("Sample", first.getCellAsString(4).orElseThrow());
            assertEquals("02/29", first.getCellAsString(5).orElseThrow(), "birth date as MM/DD text");
            assertEquals("California", first.getCellAsString(6).orElseThrow(), "the state's full name");
            assertEquals("A99999", first.getCellAsString(7).orElseThrow());
            assertEquals(
                    0, new BigDecimal("1.5").compareTo(first.getCellAsNumber(8).orElseThrow()), "a number");
            assertEquals("ABIM", first.getCellAsString(9).orElseThrow());
            assertEquals("000000", first.getCellAsString(10).orElseThrow());
            assertEquals(
                    0, new BigDecimal("1.5").compareTo(first.getCellAsNumber(11).orElseThrow()));
            assertEquals("Medical Knowledge", first.getCellAsString(12).orElseThrow());
            assertEquals(
                    0, new BigDecimal("1.5").compareTo(first.getCellAsNumber(13).orElseThrow()));
            Row npiOnly = all.get(3);
            assertEquals("1245319599", npiOnly.getCellAsString(7).orElseThrow(), "the NPI when there is no license");
            assertTrue(npiOnly.getCellAsString(6).orElse("").isEmpty());
            // The ABIM + ABS completion: one row per board, the CME credits on the first only.
            assertEquals("ABIM", all.get(4).getCellAsString(9).orElseThrow());
            assertEquals("ABS", all.get(5).getCellAsString(9).orElseThrow());
            assertTrue(all.get(5).getCellAsNumber(8).isEmpty());
        }
    }

    /** What the template carries of a completion (it has one identity column and no key). */
    private static List<Object> carried(LearnerCompletion c) {
        Learner l = c.learner();
        Object identity = l.license().isPresent()
                ? l.license().get()
                : l.npi().orElseThrow().value();
        return List.of(
                c.activity().accmeActivityId().orElseThrow(),
                l.firstName(),
                l.lastName(),
                l.birthDate(),
                identity,
                c.completionDate(),
                c.cmeCredits().map(BigDecimal::stripTrailingZeros).orElse(BigDecimal.ZERO),
                c.mocCredits().stream()
                        .map(m -> m.type() + "=" + m.points().stripTrailingZeros())
                        .collect(Collectors.toSet()),
                c.mocCredits().stream()
                        .map(MocCredit::board)
                        .distinct()
                        .map(b -> b + "=" + l.boardIds().getOrDefault(b, ""))
                        .collect(Collectors.toSet()));
    }

    @Test
    void whatIsWrittenReadsBackAsTheSameCompletions() throws IOException {
        List<LearnerCompletion> written = completions();
        List<TemplateRow> back = read(write(written));
        assertEquals(written.size(), back.size());
        for (int i = 0; i < written.size(); i++) {
            TemplateRow r = back.get(i);
            assertEquals(LearnerRecordAction.ADD, r.action());
            assertTrue(r.row().isReadable(), r.row().problems().toString());
            assertEquals(carried(written.get(i)), carried(r.row().completion().orElseThrow()));
        }
        assertEquals(List.of(3, 4, 5, 7), back.stream().map(r -> r.row().line()).toList(), "sheet rows");
    }

    @Test
    void invalidCompletionsAreNotWrittenAndSayWhy() throws IOException {
        Path file = dir.resolve("upload.xlsx");
        try (LearnerUploadWriter w = LearnerUploadWriter.create(Files.newOutputStream(file), VALIDATOR)) {
            List<Violation> refused =
                    w.add(completions().get(0).toBuilder().consent(false).build());
            assertEquals(
                    Set.of(ViolationCode.CONSENT_MISSING),
                    refused.stream().map(Violation::code).collect(Collectors.toSet()));
            assertEquals(List.of(), w.add(completions().get(1)));
            assertEquals(1, w.recordsWritten());
        }
        assertEquals(1, read(file).size());
    }

    @Test
    void deletionsAreWrittenAndReadWithTheirAction() throws IOException {
        Path file = dir.resolve("upload.xlsx");
        try (LearnerUploadWriter w = LearnerUploadWriter.create(Files.newOutputStream(file))) {
            assertEquals(List.of(), w.delete(completions().get(1)));
        }
        TemplateRow r = read(file).get(0);
        assertEquals(LearnerRecordAction.DELETE, r.action());
    }

    @Test
    void aFileFilledByHandIsCheckedRowByRowWithTheColumnNamed() throws IOException {
        Path file = XlsxFiles.rewrite(
                write(completions()),
                dir.resolve("edited.xlsx"),
                "xl/sharedStrings.xml",
                xml -> xml.replace("02/29", "02/30").replace("California", "Atlantis"));
        List<TemplateRow> rows = read(file);
        assertEquals(4, rows.size(), "every record accounted for");
        RosterRow bad = rows.get(0).row();
        assertFalse(bad.isReadable());
        Set<String> fields = bad.problems().stream().map(Violation::field).collect(Collectors.toSet());
        assertTrue(fields.contains("Date of Birth") && fields.contains("Licensing ID or NPI"), fields.toString());
        assertTrue(bad.problems().stream().noneMatch(v -> v.message().contains("02/30")), "no learner data");
    }

    @Test
    void aProfessionColumnAfterTheTemplatesOwnGivesEachLearnersProfession() throws IOException {
        List<String> header = new java.util.ArrayList<>(org.parsjava.excel.internal.TemplateLayout.HEADER);
        header.add(LearnerUploadReader.PROFESSION_HEADER);
        int columns = header.size();
        Path xlsx = filledByHand(
                "with-profession.xlsx",
                header,
                withProfession(
                        columns,
                        "MD",
                        row("Ana", "Ruiz", "03/14", "1245319599", "ABIM", "654321", "1", "Medical Knowledge", "1")),
                withProfession(
                        columns,
                        "nurse practitioner",
                        row("Omar", "Haddad", "07/04", "1234567893", "ABIM", "123456", "1", "Medical Knowledge", "1")),
                withProfession(columns, "astronaut", row("Lee", "Park", "01/02", "1497758544")));
        List<TemplateRow> read = read(xlsx);
        assertEquals(3, read.size(), "every record accounted for");
        assertEquals(
                java.util.Optional.of(org.parsjava.core.model.Profession.PHYSICIAN),
                read.get(0).row().completion().orElseThrow().learner().profession());
        LearnerCompletion np = read.get(1).row().completion().orElseThrow();
        assertEquals(
                java.util.Optional.of(org.parsjava.core.model.Profession.NURSE_PRACTITIONER),
                np.learner().profession());
        // The validator then refuses the nurse practitioner's MOC line before anything is sent.
        assertTrue(org.parsjava.core.validation.ParsValidator.builder()
                .clock(org.parsjava.core.testing.Fixtures.CLOCK)
                .build()
                .validate(np)
                .errors()
                .stream()
                .anyMatch(v -> v.code() == org.parsjava.core.validation.ViolationCode.MOC_PROFESSION_NOT_ELIGIBLE));
        assertTrue(read.get(2).row().problems().stream()
                .anyMatch(v -> v.code() == org.parsjava.core.validation.ViolationCode.PROFESSION_UNKNOWN
                        && v.field().equals("Profession")));
    }

    @Test
    void mocCreditThatNamesNoBoardOrNoCreditTypeIsRefusedNotDropped() throws IOException {
        Path xlsx = filledByHand(
                "loose-credit.xlsx",
                org.parsjava.excel.internal.TemplateLayout.HEADER,
                row("Ana", "Ruiz", "03/14", "1245319599", "", "", "1", "Medical Knowledge", "1"),
                row("Omar", "Haddad", "07/04", "1234567893", "ABIM", "123456", "1", "", "1"),
                row("Lee", "Park", "01/02", "1497758544"));
        List<TemplateRow> read = read(xlsx);
        assertEquals(3, read.size(), "every record accounted for");
        assertTrue(
                read.get(0).row().problems().stream()
                        .anyMatch(v -> v.code() == org.parsjava.core.validation.ViolationCode.BOARD_UNKNOWN
                                && v.field().equals("Certifying Board")),
                read.get(0).row().problems().toString());
        assertTrue(
                read.get(1).row().problems().stream()
                        .anyMatch(v -> v.code() == org.parsjava.core.validation.ViolationCode.MOC_CREDIT_TYPE_UNKNOWN
                                && v.field().equals("Credit Type")),
                read.get(1).row().problems().toString());
        assertTrue(read.get(2).row().isReadable(), "a CME-only row is fine");
    }

    @Test
    void aBoardWithMoreCreditTypesThanTheFileHasRoomForIsNotWritten() throws IOException {
        // A rules catalogue of one's own may list five types for a board; a row has room for four.
        LearnerCompletion.Builder b = completions().get(0).toBuilder().clearMocCredits();
        for (int i = 1; i <= 5; i++) {
            b.mocCredit(
                    org.parsjava.core.model.MocCreditType.of(
                            "ABIM_TYPE_" + i, org.parsjava.core.model.Board.ABIM, "Type " + i),
                    "1");
        }
        try (LearnerUploadWriter w = LearnerUploadWriter.create(Files.newOutputStream(dir.resolve("five.xlsx")))) {
            List<org.parsjava.core.validation.Violation> refused = w.delete(b.build());
            assertEquals(1, refused.size(), refused.toString());
            assertTrue(
                    refused.get(0)
                            .message()
                            .equals("the upload file has room for 4 MOC credit types per board; ABIM has 5"),
                    refused.toString());
            assertEquals(0, w.recordsWritten());
        }
    }

    @Test
    void aCatalogueWithFiveCreditTypesForABoardStillGetsNoRowWithMoreThanFour() throws IOException {
        org.parsjava.core.model.Board abim = org.parsjava.core.model.Board.ABIM;
        org.parsjava.core.rules.RulesCatalogue defaults = org.parsjava.core.rules.RulesCatalogue.defaults();
        org.parsjava.core.rules.BoardRules.Builder board = defaults.rules(abim).orElseThrow().toBuilder();
        List<org.parsjava.core.model.MocCreditType> five = new java.util.ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            org.parsjava.core.model.MocCreditType t =
                    org.parsjava.core.model.MocCreditType.of("ABIM_EXTRA_" + i, abim, "Extra " + i);
            five.add(t);
            board.creditType(org.parsjava.core.rules.CreditTypeRules.builder(t).build());
        }
        org.parsjava.core.rules.RulesCatalogue rules =
                defaults.toBuilder().board(board.build()).build();
        LearnerCompletion.Builder c = org.parsjava.core.testing.Fixtures.completion().toBuilder()
                .activity(org.parsjava.core.testing.Fixtures.activity().toBuilder()
                        .mocRegistration(org.parsjava.core.model.MocRegistration.of(
                                abim, "1.5", five.toArray(org.parsjava.core.model.MocCreditType[]::new)))
                        .build())
                .clearMocCredits();
        five.forEach(t -> c.mocCredit(t, "0.25"));
        org.parsjava.core.validation.ParsValidator validator = org.parsjava.core.validation.ParsValidator.builder()
                .clock(org.parsjava.core.testing.Fixtures.CLOCK)
                .rules(rules)
                .build();
        assertEquals(List.of(), validator.validate(c.build()).errors(), "valid by the catalogue");
        try (LearnerUploadWriter w =
                LearnerUploadWriter.create(Files.newOutputStream(dir.resolve("five-added.xlsx")), validator)) {
            List<org.parsjava.core.validation.Violation> refused = w.add(c.build());
            assertEquals(1, refused.size(), refused.toString());
            assertEquals(
                    "the upload file has room for 4 MOC credit types per board; ABIM has 5",
                    refused.get(0).message());
            assertEquals(0, w.recordsWritten());
        }
    }

    /** A template as an office fills it by hand: guidance, {@code header}, then {@code rows} of text cells. */
    private Path filledByHand(String name, List<String> header, String[]... rows) throws IOException {
        Path xlsx = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(xlsx);
                org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(out, "test", "1.0")) {
            org.dhatim.fastexcel.Worksheet ws = wb.newWorksheet(org.parsjava.excel.internal.TemplateLayout.SHEET);
            ws.value(0, 0, "guidance");
            for (int c = 0; c < header.size(); c++) {
                ws.value(1, c, header.get(c));
            }
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] != null) {
                        ws.value(2 + r, c, rows[r][c]);
                    }
                }
            }
            ws.finish();
        }
        return xlsx;
    }

    /**
     * A row adding a learner, by NPI, to activity 201234567 completed 02/27/2026 with 1 CME credit,
     * then {@code moc}: board, board ID, board credits, credit type, points.
     */
    private static String[] row(String first, String last, String birth, String npi, String... moc) {
        String[] learner = {"Add", "201234567", "02/27/2026", first, last, birth, "", npi, "1"};
        String[] row = java.util.Arrays.copyOf(learner, learner.length + moc.length);
        System.arraycopy(moc, 0, row, learner.length, moc.length);
        return row;
    }

    /** {@code cells}, then {@code profession} in the last of {@code columns}. */
    private static String[] withProfession(int columns, String profession, String[] cells) {
        String[] row = java.util.Arrays.copyOf(cells, columns);
        row[columns - 1] = profession;
        return row;
    }

    // ---- hostile and mistaken files -------------------------------------------------------------

    @Test
    void aCsvNamedXlsxIsRefusedAsATemplateButReadAsARosterByItsContent() throws IOException {
        Path csv = dir.resolve("roster.xlsx");
        Files.writeString(
                csv,
                String.join(",", org.parsjava.core.batch.RosterColumns.ALL) + "\n"
                        + "k1,201234567,Ana,Ruiz,3/14,1245319599,,,,2026-02-27,1,,yes,\n");
        XlsxFileException e = assertThrows(XlsxFileException.class, () -> LearnerUploadReader.open(csv, LOOKUP));
        assertTrue(e.getMessage().startsWith("roster.xlsx ") && e.getMessage().contains("CSV"), e.getMessage());
        try (RosterReader r = Rosters.open(csv, StandardCharsets.UTF_8, LOOKUP)) {
            assertTrue(r.next().isReadable());
        }
    }

    @Test
    void aPasswordProtectedOrOldXlsFileIsRefusedWithWhatToDo() throws IOException {
        Path xls = dir.resolve("old.xls");
        byte[] ole2 = new byte[4096];
        byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(magic, 0, ole2, 0, magic.length);
        Files.write(xls, ole2);
        XlsxFileException e = assertThrows(XlsxFileException.class, () -> LearnerUploadReader.open(xls, LOOKUP));
        assertTrue(e.getMessage().contains("old.xls") && e.getMessage().contains("password"), e.getMessage());
        assertThrows(
                XlsxFileException.class,
                () -> Rosters.open(xls, StandardCharsets.UTF_8, LOOKUP),
                "not taken for CSV text");
    }

    @Test
    void aDamagedWorkbookIsRefusedNamingTheFile() throws IOException {
        byte[] whole = Files.readAllBytes(write(completions()));
        Path cut = dir.resolve("cut.xlsx");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
        XlsxFileException e = assertThrows(XlsxFileException.class, () -> LearnerUploadReader.open(cut, LOOKUP));
        assertTrue(e.getMessage().startsWith("cut.xlsx ") && e.getMessage().contains("damaged"), e.getMessage());
    }

    @Test
    void aZipBombIsRefusedBeforeAnythingIsInflated() throws IOException {
        Path bomb = XlsxFiles.zeros(dir.resolve("bomb.xlsx"), "xl/worksheets/sheet1.xml", 64L * 1024 * 1024);
        XlsxFileException e = assertThrows(XlsxFileException.class, () -> LearnerUploadReader.open(bomb, LOOKUP));
        assertTrue(e.getMessage().contains("bomb.xlsx") && e.getMessage().contains("zip bomb"), e.getMessage());
    }

    @Test
    void aMillionSharedStringsAreRefused() throws IOException {
        StringBuilder sst = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas."
                + "openxmlformats.org/spreadsheetml/2006/main\" count=\"1000000\" uniqueCount=\"1000000\">");
        for (int i = 0; i < 1_000_000; i++) {
            sst.append("<si><t>").append(i).append("</t></si>");
        }
        sst.append("</sst>");
        Map<String, byte[]> parts = XlsxFiles.parts(write(completions()));
        parts.put("xl/sharedStrings.xml", sst.toString().getBytes(StandardCharsets.UTF_8));
        Path file = XlsxFiles.write(dir.resolve("strings.xlsx"), parts);
        XlsxFileException e = assertThrows(XlsxFileException.class, () -> LearnerUploadReader.open(file, LOOKUP));
        assertTrue(
                e.getMessage().contains("strings.xlsx") && e.getMessage().contains("distinct texts"), e.getMessage());
        // Under another name (readers find the table by its content type), it is refused all the same.
        parts.put("xl/TEXTS.xml", parts.remove("xl/sharedStrings.xml"));
        Path renamed = XlsxFiles.write(dir.resolve("renamed.xlsx"), parts);
        assertThrows(XlsxFileException.class, () -> LearnerUploadReader.open(renamed, LOOKUP));
    }

    @Test
    void aCellPointingFarPastTheTextTableIsRefusedBeforeAnyReaderGrowsAnArrayToIt() throws IOException {
        Path file = XlsxFiles.rewrite(
                write(completions()),
                dir.resolve("index.xlsx"),
                "xl/worksheets/sheet1.xml",
                xml -> xml.replaceFirst(
                        "<c r=\"D3\"[^>]*>(<v>[^<]*</v>|<is>.*?</is>)</c>",
                        "<c r=\"D3\" t=\"s\"><v>2000000000</v></c>"));
        assertTrue(new String(XlsxFiles.parts(file).get("xl/worksheets/sheet1.xml"), StandardCharsets.UTF_8)
                .contains("2000000000"));
        XlsxFileException e = assertThrows(XlsxFileException.class, () -> LearnerUploadReader.open(file, LOOKUP));
        assertTrue(e.getMessage().contains("index.xlsx") && e.getMessage().contains("text entry"), e.getMessage());
    }

    @Test
    void aHugeDeclaredSheetDimensionReadsOnlyTheRowsThatExist() throws IOException {
        Path file = XlsxFiles.rewrite(
                write(completions()),
                dir.resolve("dimension.xlsx"),
                "xl/worksheets/sheet1.xml",
                xml -> xml.contains("<dimension")
                        ? xml.replaceFirst("<dimension ref=\"[^\"]*\"", "<dimension ref=\"A1:XFD1048576\"")
                        : xml.replaceFirst("<sheetData", "<dimension ref=\"A1:XFD1048576\"/><sheetData"));
        assertTrue(new String(XlsxFiles.parts(file).get("xl/worksheets/sheet1.xml"), StandardCharsets.UTF_8)
                .contains("XFD1048576"));
        assertEquals(4, read(file).size());
    }

    @Test
    void aFormulaCellMakesItsRowAProblemNamingTheCell() throws IOException {
        Path file = XlsxFiles.rewrite(
                write(completions()),
                dir.resolve("formula.xlsx"),
                "xl/worksheets/sheet1.xml",
                xml -> xml.replaceFirst(
                        "<c r=\"I3\"([^>]*)><v>([^<]*)</v></c>", "<c r=\"I3\"><f>1+0.5</f><v>$2</v></c>"));
        assertTrue(
                new String(XlsxFiles.parts(file).get("xl/worksheets/sheet1.xml"), StandardCharsets.UTF_8)
                        .contains("<f>1+0.5</f>"),
                "the test file has its formula");
        List<TemplateRow> rows = read(file);
        assertEquals(4, rows.size());
        RosterRow r = rows.get(0).row();
        assertFalse(r.isReadable());
        assertTrue(
                r.problems().get(0).message().contains("I3")
                        && r.problems().get(0).message().contains("formula"),
                r.problems().toString());
    }

    @Test
    void anXlsxRosterIsReadLikeItsCsvTwin() throws IOException {
        Path xlsx = dir.resolve("roster.bin");
        try (OutputStream out = Files.newOutputStream(xlsx);
                org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(out, "test", "1.0")) {
            org.dhatim.fastexcel.Worksheet ws = wb.newWorksheet("Roster");
            List<String> header = org.parsjava.core.batch.RosterColumns.ALL;
            for (int c = 0; c < header.size(); c++) {
                ws.value(0, c, header.get(c));
            }
            ws.value(1, 0, "k1");
            ws.value(1, 1, 201234567); // a number
            ws.value(1, 2, "Ana");
            ws.value(1, 3, "Ruiz");
            ws.value(1, 4, LocalDate.of(2026, 3, 14)); // Excel made "3/14" a date
            ws.style(1, 4).format("m/d").set();
            ws.value(1, 5, 1245319599L);
            ws.value(1, 9, LocalDate.of(2026, 2, 27));
            ws.style(1, 9).format("mm/dd/yyyy").set();
            ws.value(1, 10, 1.5);
            ws.value(1, 12, true);
            ws.finish();
        }
        try (RosterReader r = Rosters.open(xlsx, StandardCharsets.UTF_8, LOOKUP)) {
            RosterRow row = r.next();
            assertTrue(row.isReadable(), row.problems().toString());
            LearnerCompletion c = row.completion().orElseThrow();
            assertEquals(java.time.MonthDay.of(3, 14), c.learner().birthDate());
            assertEquals(LocalDate.of(2026, 2, 27), c.completionDate());
            assertEquals("1245319599", c.learner().npi().orElseThrow().value());
            assertEquals(0, new BigDecimal("1.5").compareTo(c.cmeCredits().orElseThrow()));
            assertEquals(2, row.line());
            assertFalse(r.hasNext());
        }
    }
}
