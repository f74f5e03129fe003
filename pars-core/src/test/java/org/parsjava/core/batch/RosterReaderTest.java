/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.parsjava.core.model.Activity;
import org.parsjava.core.model.Board;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.model.LicensingJurisdiction;
import org.parsjava.core.model.MocCreditType;
import org.parsjava.core.testing.Fixtures;
import org.parsjava.core.validation.Violation;
import org.parsjava.core.validation.ViolationCode;

public class RosterReaderTest {

    public static final String HEADER = "completion_key,activity_id,first_name,last_name,birth_date,npi,license_state,"
            + "license_number,board_ids,completion_date,cme_credits,moc_credits,consent\n";

    public static List<RosterRow> read(String csv) {
        return read(csv, id -> id.equals("201234567") ? Optional.of(Fixtures.activity()) : Optional.empty());
    }

    /** Reads {@code csv} with an activity lookup that always fails, as an unreachable PARS would. */
    public static List<RosterRow> readWithFailingLookup(String csv) {
        return read(csv, id -> {
            throw new IllegalStateException("PARS unreachable");
        });
    }

    private static List<RosterRow> read(String csv, Function<String, Optional<Activity>> activities) {
        try (RosterReader r = RosterReader.open(new StringReader(csv), activities)) {
            List<RosterRow> rows = new ArrayList<>();
            r.forEachRemaining(rows::add);
            return rows;
        }
    }

    /** Reads a roster file's bytes in {@code encoding}, as the main job does. */
    public static List<RosterRow> readBytes(byte[] file, java.nio.charset.Charset encoding) {
        try (RosterReader r = RosterReader.open(
                new java.io.ByteArrayInputStream(file),
                encoding,
                id -> id.equals("201234567") ? Optional.of(Fixtures.activity()) : Optional.empty())) {
            List<RosterRow> rows = new ArrayList<>();
            r.forEachRemaining(rows::add);
            return rows;
        }
    }

    private static final String GOOD_ROW = ",201234567,Ana,Lopez,1/1,1245319599,,,,2026-02-01,1,,yes\n";

    @Test
    void aWindows1252RowInAUtf8FileIsOneInvalidRowNamingItsLineAndTheRestAreRead() {
        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        byte[] utf8Header = HEADER.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        file.writeBytes(utf8Header);
        for (int i = 0; i < 5; i++) {
            file.writeBytes(("k" + i + GOOD_ROW).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        // Excel on Windows: "José" with é as the single byte 0xE9.
        file.writeBytes("k5,201234567,Jos\u00e9,Lopez,1/1,1245319599,,,,2026-02-01,1,,yes\n"
                .getBytes(java.nio.charset.Charset.forName("windows-1252")));
        file.writeBytes(("k6" + GOOD_ROW).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<RosterRow> rows = readBytes(file.toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(7, rows.size(), "every row accounted for");
        RosterRow bad = rows.get(5);
        assertFalse(bad.isReadable());
        assertEquals(7, bad.line());
        assertEquals(Set.of(ViolationCode.ROW_ENCODING), codes(bad));
        assertEquals("first_name", bad.problems().get(0).field());
        assertFalse(bad.problems().get(0).message().contains("Jos"), "no learner data in the message");
        assertTrue(rows.get(6).isReadable(), "the row after it is read as usual");
    }

    @Test
    void aWholeWindows1252FileReadsCleanlyWhenItsEncodingIsNamed() {
        byte[] file = (HEADER + "k1,201234567,Jos\u00e9,Mu\u00f1oz,1/1,1245319599,,,,2026-02-01,1,,yes\n")
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));
        assertEquals(
                Set.of(ViolationCode.ROW_ENCODING),
                codes(readBytes(file, java.nio.charset.StandardCharsets.UTF_8).get(0)));
        RosterRow row = readBytes(file, java.nio.charset.Charset.forName("windows-1252"))
                .get(0);
        assertTrue(row.isReadable(), row.problems().toString());
        assertEquals("Jos\u00e9", row.completion().orElseThrow().learner().firstName());
    }

    @Test
    void linesOfOnlySpacesOrTabsAreSkippedLikeEmptyLines() {
        List<RosterRow> rows = read(HEADER + "k1" + GOOD_ROW + "   \n\t \r\n" + "k2" + GOOD_ROW + "  ");
        assertEquals(2, rows.size(), rows.toString());
        assertTrue(rows.stream().allMatch(RosterRow::isReadable), rows.toString());
        assertEquals(5, rows.get(1).line());
    }

    public static Set<ViolationCode> codes(RosterRow row) {
        return row.problems().stream().map(Violation::code).collect(Collectors.toSet());
    }

    @Test
    void readsTheMessyFormsPeopleType() {
        List<RosterRow> rows = read(HEADER
                + "lms-1,201234567, Jane ,Sample,2/29,1234 567 893,california,a99999,\"ABIM=000000; ABS=55555\","
                + "2/27/2026,1.5,ABIM Medical Knowledge=1.5,Yes\n");
        assertEquals(1, rows.size());
        LearnerCompletion c = rows.get(0).completion().orElseThrow();
        assertEquals("Jane", c.learner().firstName());
        assertEquals(MonthDay.of(2, 29), c.learner().birthDate());
        assertEquals(Fixtures.NPI, c.learner().npi().orElseThrow().value());
        assertEquals(
                LicensingJurisdiction.CA, c.learner().license().orElseThrow().jurisdiction());
        assertEquals("A99999", c.learner().license().orElseThrow().number());
        assertEquals("55555", c.learner().boardIds().get(Board.ABS));
        assertEquals(LocalDate.of(2026, 2, 27), c.completionDate());
        assertEquals(new BigDecimal("1.5"), c.cmeCredits().orElseThrow());
        assertEquals(MocCreditType.ABIM_MEDICAL_KNOWLEDGE, c.mocCredits().get(0).type());
        assertTrue(c.consent());
        assertEquals(2, rows.get(0).line());
    }

    @Test
    void reportsEveryBadCellWithRowAndColumnAndKeepsGoing() {
        List<RosterRow> rows = read(HEADER
                + "k1,201234567,Jane,Sample,02/30,1234567890,ZZ,A1,ABX=1,2026-02-27T10:00,\"1,5\",Foo=1,maybe\n"
                + "k2,201234567,John,Doe,3/4,1245319599,NY,12345,,2026-02-20,1,,no\n"
                + "k3,999999999,Ann,Lee,3/4,1003000126,,,,2026-02-20,1,,y\n"
                + "k4,201234567,Ann,Lee\n");
        assertEquals(4, rows.size());
        assertEquals(
                Set.of(
                        ViolationCode.BIRTH_DATE_INVALID,
                        ViolationCode.NPI_CHECK_DIGIT,
                        ViolationCode.JURISDICTION_UNKNOWN,
                        ViolationCode.BOARD_UNKNOWN,
                        ViolationCode.COMPLETION_DATE_INVALID,
                        ViolationCode.MOC_CREDIT_TYPE_UNKNOWN,
                        ViolationCode.CONSENT_MISSING,
                        ViolationCode.CREDITS_INVALID),
                codes(rows.get(0)));
        Set<String> columns =
                rows.get(0).problems().stream().map(Violation::field).collect(Collectors.toSet());
        assertTrue(
                columns.containsAll(Set.of(
                        "birth_date",
                        "npi",
                        "license_number",
                        "board_ids",
                        "completion_date",
                        "moc_credits",
                        "consent",
                        "cme_credits")),
                columns.toString());
        assertTrue(rows.get(1).isReadable(), "consent 'no' is read; the validator refuses it later");
        assertFalse(rows.get(1).completion().orElseThrow().consent());
        assertEquals(Set.of(ViolationCode.ACTIVITY_UNKNOWN), codes(rows.get(2)));
        assertEquals(Set.of(ViolationCode.ROW_MALFORMED), codes(rows.get(3)));
        assertEquals(5, rows.get(3).line());
        for (RosterRow r : rows) {
            assertFalse(
                    r.toString().contains("Jane") || r.problems().toString().contains("1234567890"),
                    r.problems().toString());
        }
    }

    @Test
    void quotedCellsMayHoldCommasQuotesAndNewlines() {
        List<RosterRow> rows = read(HEADER
                + "k1,201234567,\"Mary, Ann\",\"O\"\"Neil\",1/2,1245319599,,,,2026-02-01,1,,yes\r\n"
                + "\r\n"
                + "k2,201234567,\"Multi\nLine\",Smith,1/3,1003000126,,,,2026-02-01,1,,yes\r\n");
        assertEquals(2, rows.size());
        assertEquals(
                "Mary, Ann", rows.get(0).completion().orElseThrow().learner().firstName());
        assertEquals("O\"Neil", rows.get(0).completion().orElseThrow().learner().lastName());
        assertEquals(
                "Multi Line", rows.get(1).completion().orElseThrow().learner().firstName());
        assertEquals(4, rows.get(1).line());
    }

    @Test
    void headerIsMatchedLooselyAndMustHaveTheRequiredColumns() {
        List<RosterRow> rows = read(
                "\uFEFFCompletion Key,ACTIVITY_ID,First Name,Last Name,Birth Date,NPI,"
                        + "Completion Date,CME Credits,Consent,Notes\nk1,201234567,A,B,1/1,1245319599,2026-02-01,1,yes,whatever\n");
        assertTrue(rows.get(0).isReadable(), rows.get(0).problems().toString());
        try (RosterReader r = RosterReader.open(
                new StringReader("completion_key,activity_id,first_name,last_name,"
                        + "birth_date,NPI,License #,completion_date,cme_credits,consent,Notes\n"),
                id -> Optional.empty())) {
            assertEquals(List.of("License #", "Notes"), r.ignoredColumns());
        }
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> read("completion_key,first_name\nk,A\n"));
        assertTrue(e.getMessage().contains("activity_id"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> read(""));
    }

    @Test
    void aFailingActivityLookupKeepsEveryRowWithItsOwnCode() {
        List<RosterRow> rows = readWithFailingLookup(HEADER
                + "k1,201234567,A,B,1/1,1245319599,,,,2026-02-01,1,,yes\n"
                + "k2,201234567,A,B,1/1,1245319599,,,,2026-02-01,1,,yes\n");
        assertEquals(2, rows.size());
        for (RosterRow row : rows) {
            assertFalse(row.isReadable());
            assertEquals(Set.of(ViolationCode.ACTIVITY_LOOKUP_FAILED), codes(row));
            Violation v = row.problems().get(0);
            assertEquals(RosterColumns.ACTIVITY_ID, v.field());
            assertTrue(v.message().contains("IllegalStateException"), v.message());
        }
        assertEquals(
                List.of("k1", "k2"), rows.stream().map(RosterRow::completionKey).toList());
    }

    @Test
    void anUnterminatedQuoteIsReportedNotSwallowed() {
        List<RosterRow> rows = read(HEADER
                + "k1,201234567,A,B,1/1,1245319599,,,,2026-02-01,1,,yes\n"
                + "k2,201234567,\"A,B,1/1,1245319599,,,,2026-02-01,1,,yes\n"
                + "k3,201234567,A,B,1/1,1245319599,,,,2026-02-01,1,,yes\n");
        assertEquals(2, rows.size());
        assertTrue(rows.get(0).isReadable());
        RosterRow broken = rows.get(1);
        assertEquals(3, broken.line());
        assertEquals(Set.of(ViolationCode.ROW_MALFORMED), codes(broken));
        assertTrue(
                broken.problems().get(0).message().contains("never closed"),
                broken.problems().get(0).message());
    }

    @Test
    void aQuotedLastCellThatIsClosedIsNoProblemAndTextAfterAClosingQuoteStaysInTheCell() {
        List<RosterRow> rows = read(HEADER
                + "k1,201234567,A,\"B\"x,1/1,1245319599,,,,2026-02-01,1,,\"yes\"\n"
                + " \t \n"
                + "k2,201234567,A,B,1/1,1245319599,,,,2026-02-01,1,,\"yes\"");
        assertEquals(2, rows.size(), "the line of spaces and tabs is skipped");
        assertTrue(rows.get(0).isReadable(), rows.get(0).problems().toString());
        assertEquals("Bx", rows.get(0).completion().orElseThrow().learner().lastName());
        assertTrue(rows.get(1).isReadable(), rows.get(1).problems().toString());
        assertEquals(4, rows.get(1).line());
    }
}
