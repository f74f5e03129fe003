/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.parsjava.core.model.Board;
import org.parsjava.core.model.Learner;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.model.MocCredit;
import org.parsjava.core.validation.Batch;
import org.parsjava.core.validation.ParsValidator;
import org.parsjava.core.validation.Severity;
import org.parsjava.core.validation.Violation;
import org.parsjava.core.validation.ViolationCode;
import org.parsjava.excel.internal.TemplateLayout;

/**
 * Writes ACCME's learner Excel template ({@code .xlsx}) for an office that uploads files to PARS
 * instead of calling its web services. Each completion is validated as {@code submit} would
 * validate it; an invalid one is not written and its violations are returned. Streams: rows go
 * to the output as they are added, so memory stays flat on any number of rows. The template's
 * layout and every assumption about it are in one place (see {@code TemplateLayout}).
 *
 * <pre>{@code
 * try (LearnerUploadWriter upload = LearnerUploadWriter.create(Files.newOutputStream(path))) {
 *     for (LearnerCompletion c : completions) {
 *         List<Violation> problems = upload.add(c);   // empty: written
 *     }
 * }
 * }</pre>
 * Not thread safe.
 */
public final class LearnerUploadWriter implements AutoCloseable {

    /** Rows kept in memory before they are flushed to the output. */
    private static final int FLUSH_EVERY = 1_000;

    private final OutputStream out;
    /** Where the workbook is written first: its sheet's dimension is known only at the end. */
    private final java.nio.file.Path draft;

    private final OutputStream draftOut;
    private final Workbook workbook;
    private final Worksheet sheet;
    private final Batch batch;
    private int row = TemplateLayout.FIRST_DATA_ROW - 1; // 0-based index of the next row
    private int records;
    private long index;
    private boolean closed;
    /** The last column written (0-based): the header's, or a further credit-type pair's. */
    private int lastColumn = TemplateLayout.HEADER.size() - 1;

    private LearnerUploadWriter(OutputStream out, ParsValidator validator) {
        this.out = out;
        try {
            this.draft = UploadFileFinish.draft();
            this.draftOut = java.nio.file.Files.newOutputStream(draft);
            this.workbook = new Workbook(draftOut, "pars-java", "0.1");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the upload file", e);
        }
        this.sheet = workbook.newWorksheet(TemplateLayout.SHEET);
        this.batch = validator.newBatch();
        sheet.value(TemplateLayout.GUIDANCE_ROW - 1, 0, TemplateLayout.GUIDANCE);
        for (int c = 0; c < TemplateLayout.HEADER.size(); c++) {
            sheet.value(TemplateLayout.HEADER_ROW - 1, c, TemplateLayout.HEADER.get(c));
        }
    }

    /** A writer with the default validation rules; {@code out} is closed by {@link #close()}. */
    public static LearnerUploadWriter create(OutputStream out) {
        return create(out, ParsValidator.defaults());
    }

    /** A writer with {@code validator}'s rules (its clock judges future dates and the reporting window). */
    public static LearnerUploadWriter create(OutputStream out, ParsValidator validator) {
        return new LearnerUploadWriter(
                Objects.requireNonNull(out, "out"), Objects.requireNonNull(validator, "validator"));
    }

    /**
     * Validates {@code completion} and, when it has no error, writes it as action {@code Add}.
     *
     * @return the errors that kept it out of the file (empty when written); warnings are not
     *     returned
     */
    public List<Violation> add(LearnerCompletion completion) {
        Objects.requireNonNull(completion, "completion");
        ensureOpen();
        List<Violation> errors =
                batch.add(completion).stream().filter(Violation::isError).toList();
        long i = index++;
        return errors.isEmpty() ? write(completion, i, TemplateLayout.ACTION_ADD) : errors;
    }

    /**
     * Writes {@code c} as {@code action}, unless a board of it has more MOC credit types than a
     * row has columns for ({@link TemplateLayout#CREDIT_PAIRS}): written, the types past them would
     * be lost.
     *
     * @return the error that kept it out of the file, or empty when written
     */
    private List<Violation> write(LearnerCompletion c, long index, String action) {
        Map<Board, List<MocCredit>> boards = byBoard(c);
        for (Map.Entry<Board, List<MocCredit>> e : boards.entrySet()) {
            if (e.getValue().size() > TemplateLayout.CREDIT_PAIRS) {
                return List.of(new Violation(
                        index,
                        c.completionKey(),
                        "mocCredits",
                        ViolationCode.MOC_CREDIT_TYPES_INCOMPATIBLE,
                        Severity.ERROR,
                        "the upload file has room for " + TemplateLayout.CREDIT_PAIRS + " MOC credit types per board; "
                                + e.getKey().acronym() + " has " + e.getValue().size()));
            }
        }
        write(c, boards, action);
        return List.of();
    }

    /**
     * Writes {@code completion} as action {@code Delete}: only the fields that name the record
     * are checked (its ACCME Activity ID).
     *
     * @return the errors that kept it out of the file (empty when written)
     */
    public List<Violation> delete(LearnerCompletion completion) {
        Objects.requireNonNull(completion, "completion");
        ensureOpen();
        long i = index++;
        if (completion.activity().accmeActivityId().isEmpty()) {
            return List.of(new Violation(
                    i,
                    completion.completionKey(),
                    "activity.accmeActivityId",
                    ViolationCode.ACTIVITY_ID_MISSING,
                    Severity.ERROR,
                    ViolationCode.ACTIVITY_ID_MISSING.message()));
        }
        return write(completion, i, TemplateLayout.ACTION_DELETE);
    }

    /** Completions written so far. */
    public int recordsWritten() {
        return records;
    }

    /** Data rows written so far (a completion with several boards takes one row each). */
    public int rowsWritten() {
        return row - (TemplateLayout.FIRST_DATA_ROW - 1);
    }

    private static Map<Board, List<MocCredit>> byBoard(LearnerCompletion c) {
        Map<Board, List<MocCredit>> out = new LinkedHashMap<>();
        for (MocCredit m : c.mocCredits()) {
            out.computeIfAbsent(m.board(), b -> new ArrayList<>()).add(m);
        }
        return out;
    }

    private void write(LearnerCompletion c, Map<Board, List<MocCredit>> boards, String action) {
        List<Board> order = new ArrayList<>(boards.keySet());
        if (order.isEmpty()) {
            order.add(null); // CME only: one row without a board
        }
        Learner l = c.learner();
        boolean first = true;
        for (Board board : order) {
            int r = row++;
            sheet.value(r, TemplateLayout.RECORD_ACTION, action);
            sheet.value(
                    r,
                    TemplateLayout.ACTIVITY_ID,
                    c.activity().accmeActivityId().orElse(""));
            sheet.value(r, TemplateLayout.COMPLETION_DATE, c.completionDate());
            sheet.style(r, TemplateLayout.COMPLETION_DATE)
                    .format(TemplateLayout.DATE_FORMAT)
                    .set();
            sheet.value(r, TemplateLayout.FIRST_NAME, l.firstName());
            sheet.value(r, TemplateLayout.LAST_NAME, l.lastName());
            sheet.value(
                    r,
                    TemplateLayout.BIRTH_DATE,
                    String.format(
                            "%02d/%02d",
                            l.birthDate().getMonthValue(), l.birthDate().getDayOfMonth()));
            if (l.license().isPresent()) {
                sheet.value(
                        r,
                        TemplateLayout.LICENSING_STATE,
                        l.license().get().jurisdiction().displayName());
                sheet.value(r, TemplateLayout.LICENSE_OR_NPI, l.license().get().number());
            } else {
                l.npi().ifPresent(n -> sheet.value(r, TemplateLayout.LICENSE_OR_NPI, n.value()));
            }
            if (first) {
                c.cmeCredits().ifPresent(cme -> sheet.value(r, TemplateLayout.CME_CREDITS, cme));
            }
            if (board != null) {
                List<MocCredit> credits = boards.get(board);
                sheet.value(r, TemplateLayout.BOARD, board.acronym());
                String id = l.boardIds().get(board);
                if (id != null) {
                    sheet.value(r, TemplateLayout.BOARD_ID, id);
                }
                BigDecimal total = credits.stream().map(MocCredit::points).reduce(BigDecimal.ZERO, BigDecimal::add);
                sheet.value(r, TemplateLayout.BOARD_CREDITS, total);
                int col = TemplateLayout.FIRST_CREDIT_TYPE;
                for (MocCredit m : credits) {
                    sheet.value(r, col++, m.type().displayName());
                    sheet.value(r, col++, m.points());
                }
                lastColumn = Math.max(lastColumn, col - 1);
            }
            first = false;
            if ((row - TemplateLayout.FIRST_DATA_ROW) % FLUSH_EVERY == 0) {
                flush();
            }
        }
        records++;
    }

    private void flush() {
        try {
            sheet.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the upload file", e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this upload file is already closed");
        }
    }

    /**
     * Finishes the workbook and writes it to the output, which it closes: with the sheet's true
     * dimension and a default cell style, so any conformant reader (one that trusts the
     * dimension, as streaming readers do) sees every row.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (OutputStream o = out) {
            sheet.finish();
            workbook.finish();
            draftOut.close();
            UploadFileFinish.copy(draft, o, Math.max(row, TemplateLayout.HEADER_ROW), lastColumn);
        } catch (IOException e) {
            throw new UncheckedIOException("could not finish the upload file", e);
        } finally {
            UploadFileFinish.delete(draft);
        }
    }
}
