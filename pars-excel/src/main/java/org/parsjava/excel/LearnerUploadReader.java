/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.excel;

import java.io.Closeable;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.parsjava.core.batch.RosterRow;
import org.parsjava.core.batch.RowProblems;
import org.parsjava.core.codec.LearnerRecordAction;
import org.parsjava.core.model.Activity;
import org.parsjava.core.model.Board;
import org.parsjava.core.model.Learner;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.model.MocCreditType;
import org.parsjava.core.model.Npi;
import org.parsjava.core.model.Profession;
import org.parsjava.core.model.StateLicense;
import org.parsjava.core.rules.RulesCatalogue;
import org.parsjava.core.validation.ParsValidator;
import org.parsjava.core.validation.Parsed;
import org.parsjava.core.validation.ViolationCode;
import org.parsjava.excel.internal.SheetRows;
import org.parsjava.excel.internal.TemplateLayout;

/**
 * Reads ACCME's learner Excel template back (a file written by {@link LearnerUploadWriter} or
 * filled by hand), so an office can check it before uploading: every record comes back as a
 * completion or as problems naming the sheet row and the column, like a roster row. Rows of one
 * learner, activity and day (one per board) are one record. Record rules (credits against the
 * activity's maximum, the reporting window) are left to {@link ParsValidator#validate}. The
 * template has no completion key or consent column: the key is {@code row-<first row>} and
 * consent is taken as given (the office is uploading the record). Streams; not thread safe.
 */
public final class LearnerUploadReader implements Iterator<TemplateRow>, Closeable {

    private final SheetRows rows;
    private final Function<String, Optional<Activity>> activities;
    /** The header of the optional column, after the template's own, that holds the learner's profession. */
    public static final String PROFESSION_HEADER = "Profession";

    private final ParsValidator parser;
    private int professionColumn = -1;
    private SheetRows.SheetRow lookahead;
    private TemplateRow next;
    private long index;

    private LearnerUploadReader(Path file, Function<String, Optional<Activity>> activities, RulesCatalogue rules) {
        this.parser = rules == RulesCatalogue.defaults()
                ? ParsValidator.defaults()
                : ParsValidator.builder().rules(rules).build();
        this.rows = new SheetRows(file);
        this.activities = activities;
        rows.dates(c -> c == TemplateLayout.BIRTH_DATE ? SheetRows.DateText.MONTH_DAY : SheetRows.DateText.ISO);
        SheetRows.SheetRow r = rows.next();
        while (r != null && r.line() < TemplateLayout.HEADER_ROW) {
            r = rows.next();
        }
        if (r == null || r.line() != TemplateLayout.HEADER_ROW || !isHeader(r.cells())) {
            rows.close();
            throw new XlsxFileException(
                    file,
                    "is not ACCME's learner template: row " + TemplateLayout.HEADER_ROW
                            + " should be its header (" + TemplateLayout.HEADER.get(0) + ", "
                            + TemplateLayout.HEADER.get(1)
                            + ", ...)");
        }
        for (int c = TemplateLayout.HEADER.size(); c < r.cells().size(); c++) {
            if (r.cells().get(c).strip().equalsIgnoreCase(PROFESSION_HEADER)) {
                professionColumn = c;
            }
        }
        this.lookahead = rows.next();
    }

    private static boolean isHeader(List<String> cells) {
        int n = Math.min(cells.size(), TemplateLayout.FIRST_CREDIT_TYPE + 2);
        if (n < TemplateLayout.FIRST_CREDIT_TYPE + 2) {
            return false;
        }
        for (int c = 0; c < n; c++) {
            if (!cells.get(c)
                    .strip()
                    .equalsIgnoreCase(TemplateLayout.HEADER.get(c).strip())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Opens an upload file.
     *
     * @param activities finds an activity by ACCME Activity ID
     * @throws XlsxFileException when the file is not a readable, safe workbook or not the template
     */
    public static LearnerUploadReader open(Path file, Function<String, Optional<Activity>> activities) {
        return open(file, activities, RulesCatalogue.defaults());
    }

    /**
     * {@link #open(Path, Function)} reading board and credit type names as {@code rules} lists
     * them. A column headed {@value #PROFESSION_HEADER} after the template's own columns (ACCME's
     * template has none) gives each learner's profession.
     *
     * @throws XlsxFileException when the file is not a readable, safe workbook or not the template
     */
    public static LearnerUploadReader open(
            Path file, Function<String, Optional<Activity>> activities, RulesCatalogue rules) {
        return new LearnerUploadReader(
                Objects.requireNonNull(file, "file"),
                Objects.requireNonNull(activities, "activities"),
                Objects.requireNonNull(rules, "rules"));
    }

    @Override
    public boolean hasNext() {
        if (next == null && lookahead != null) {
            List<SheetRows.SheetRow> group = new ArrayList<>();
            group.add(lookahead);
            lookahead = rows.next();
            while (lookahead != null && sameRecord(group.get(0), lookahead)) {
                group.add(lookahead);
                lookahead = rows.next();
            }
            next = record(group);
        }
        return next != null;
    }

    @Override
    public TemplateRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        TemplateRow r = next;
        next = null;
        return r;
    }

    @Override
    public void close() {
        rows.close();
    }

    private static String cell(SheetRows.SheetRow r, int c) {
        return c < r.cells().size() ? r.cells().get(c).strip() : "";
    }

    /** Rows of one record share everything before the CME credits. */
    private static boolean sameRecord(SheetRows.SheetRow a, SheetRows.SheetRow b) {
        for (int c = 0; c < TemplateLayout.CME_CREDITS; c++) {
            if (!cell(a, c).equalsIgnoreCase(cell(b, c))) {
                return false;
            }
        }
        return !cell(b, TemplateLayout.BOARD).isEmpty()
                && cell(b, TemplateLayout.CME_CREDITS).isEmpty();
    }

    private TemplateRow record(List<SheetRows.SheetRow> group) {
        SheetRows.SheetRow first = group.get(0);
        long idx = index++;
        String key = "row-" + first.line();
        RowProblems sink = new RowProblems(idx, key);
        String rawAction = cell(first, TemplateLayout.RECORD_ACTION);
        LearnerRecordAction action = rawAction.equalsIgnoreCase(TemplateLayout.ACTION_DELETE)
                ? LearnerRecordAction.DELETE
                : LearnerRecordAction.ADD;
        if (!rawAction.equalsIgnoreCase(TemplateLayout.ACTION_ADD) && action == LearnerRecordAction.ADD) {
            sink.add(
                    Parsed.failed(
                            ViolationCode.ROW_MALFORMED,
                            "Record Action must be " + TemplateLayout.ACTION_ADD + " or "
                                    + TemplateLayout.ACTION_DELETE),
                    header(TemplateLayout.RECORD_ACTION));
        }
        for (SheetRows.SheetRow r : group) {
            if (r.problem() != null) {
                sink.add(Parsed.failed(ViolationCode.ROW_MALFORMED, r.problem()), "row " + r.line());
            }
        }
        Activity activity =
                sink.activity(cell(first, TemplateLayout.ACTIVITY_ID), activities, header(TemplateLayout.ACTIVITY_ID));
        String firstName = cell(first, TemplateLayout.FIRST_NAME);
        String lastName = cell(first, TemplateLayout.LAST_NAME);
        if (firstName.isEmpty()) {
            sink.add(Parsed.failed(ViolationCode.NAME_MISSING), header(TemplateLayout.FIRST_NAME));
        }
        if (lastName.isEmpty()) {
            sink.add(Parsed.failed(ViolationCode.NAME_MISSING), header(TemplateLayout.LAST_NAME));
        }
        MonthDay birth = sink.add(
                parser.parseBirthDate(cell(first, TemplateLayout.BIRTH_DATE)), header(TemplateLayout.BIRTH_DATE));
        LocalDate completed = sink.add(
                parser.parseCompletionDate(cell(first, TemplateLayout.COMPLETION_DATE)),
                header(TemplateLayout.COMPLETION_DATE));
        String state = cell(first, TemplateLayout.LICENSING_STATE);
        String id = cell(first, TemplateLayout.LICENSE_OR_NPI);
        Npi npi = null;
        StateLicense license = null;
        if (state.isEmpty() && id.replaceAll("[\\s-]", "").matches("\\d{10}")) {
            npi = sink.add(parser.parseNpi(id), header(TemplateLayout.LICENSE_OR_NPI));
        } else if (!id.isEmpty()) {
            license = sink.add(parser.parseLicense(state, id), header(TemplateLayout.LICENSE_OR_NPI));
        }
        String cmeCell = cell(first, TemplateLayout.CME_CREDITS);
        BigDecimal cme =
                cmeCell.isEmpty() ? null : sink.add(parser.parseCredits(cmeCell), header(TemplateLayout.CME_CREDITS));
        Learner.Builder learner = Learner.builder().firstName(firstName).lastName(lastName);
        String professionCell = professionColumn < 0 ? "" : cell(first, professionColumn);
        if (!professionCell.isEmpty()) {
            Profession p = sink.add(parser.parseProfession(professionCell), PROFESSION_HEADER);
            if (p != null) {
                learner.profession(p);
            }
        }
        LearnerCompletion.Builder completion =
                LearnerCompletion.builder().completionKey(key).consent(true);
        Set<Board> seen = new HashSet<>();
        for (SheetRows.SheetRow r : group) {
            String boardCell = cell(r, TemplateLayout.BOARD);
            if (boardCell.isEmpty()) {
                for (int c = TemplateLayout.BOARD_ID; c < TemplateLayout.HEADER.size(); c++) {
                    if (!cell(r, c).isEmpty()) { // MOC credit that names no board: refused, not dropped
                        sink.add(
                                Parsed.failed(ViolationCode.BOARD_UNKNOWN, "MOC credit without a certifying board"),
                                header(TemplateLayout.BOARD));
                        break;
                    }
                }
                continue;
            }
            Board board = sink.add(parser.parseBoard(boardCell), header(TemplateLayout.BOARD));
            if (board == null) {
                continue;
            }
            if (!seen.add(board)) {
                sink.add(
                        Parsed.failed(ViolationCode.MOC_CREDIT_DUPLICATE, "two rows for the same board"),
                        header(TemplateLayout.BOARD));
                continue;
            }
            String boardId = cell(r, TemplateLayout.BOARD_ID);
            if (!boardId.isEmpty()) {
                learner.boardId(board, boardId);
            }
            for (int c = TemplateLayout.FIRST_CREDIT_TYPE; c + 1 < TemplateLayout.HEADER.size(); c += 2) {
                String type = cell(r, c);
                if (type.isEmpty()) {
                    if (!cell(r, c + 1).isEmpty()) { // points that name no credit type: refused, not dropped
                        sink.add(
                                Parsed.failed(
                                        ViolationCode.MOC_CREDIT_TYPE_UNKNOWN, "MOC points without a credit type"),
                                header(c));
                    }
                    continue;
                }
                MocCreditType t = creditType(board, type);
                if (t == null) {
                    sink.add(Parsed.failed(ViolationCode.MOC_CREDIT_TYPE_UNKNOWN), header(c));
                    continue;
                }
                BigDecimal points = sink.add(parser.parseCredits(cell(r, c + 1)), header(c + 1));
                if (points != null) {
                    completion.mocCredit(t, points.toPlainString());
                }
            }
        }
        if (!sink.isEmpty()) {
            return new TemplateRow(action, new RosterRow(idx, first.line(), key, Optional.empty(), sink.list()));
        }
        learner.birthDate(birth);
        if (npi != null) {
            learner.npi(npi);
        }
        if (license != null) {
            learner.license(license);
        }
        completion.activity(activity).learner(learner.build()).completionDate(completed);
        if (cme != null) {
            completion.cmeCredits(cme);
        }
        return new TemplateRow(
                action, new RosterRow(idx, first.line(), key, Optional.of(completion.build()), List.of()));
    }

    private MocCreditType creditType(Board board, String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (MocCreditType t : parser.rules().creditTypes()) {
            if (t.board().equals(board)
                    && (t.displayName().toLowerCase(Locale.ROOT).equals(wanted)
                            || (board.acronym() + " " + t.displayName())
                                    .toLowerCase(Locale.ROOT)
                                    .equals(wanted))) {
                return t;
            }
        }
        return null;
    }

    private static String header(int column) {
        return TemplateLayout.HEADER.get(column).strip();
    }
}
