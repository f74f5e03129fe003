/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.batch;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.parsjava.core.codec.CreditIds;
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

/**
 * Reads a learner-completion roster CSV ({@link RosterColumns}) one row at a time, turning the
 * forms people type ({@code 2/9}, {@code California}, NPIs with spaces) into completions and
 * reporting every cell it cannot read, with the row and column. Streams: memory does not grow
 * with the file. Record rules (credits vs maximum, reporting window...) are left to
 * {@link ParsValidator#validate}, which the client applies before sending.
 *
 * <p>Not thread safe. Close it to close the underlying reader.
 */
public final class RosterReader implements Iterator<RosterRow>, Closeable {

    private final RosterSource csv;
    private final Function<String, Optional<Activity>> activities;
    private final ParsValidator parser;
    private final Map<String, Integer> columns = new HashMap<>();
    private final int width;
    private final List<String> headerNames;
    /** What a decoder puts where bytes were not text in the roster's encoding. */
    private static final char UNDECODABLE = '\uFFFD';

    private final List<String> ignoredColumns;
    private long index;
    private RosterRow next;

    private RosterReader(RosterSource source, Function<String, Optional<Activity>> activities, ParsValidator parser) {
        this.csv = source;
        this.activities = activities;
        this.parser = parser;
        List<String> header = csv.next();
        if (header == null) {
            throw new IllegalArgumentException(
                    "the roster is empty: expected a header row naming " + String.join(", ", RosterColumns.REQUIRED));
        }
        List<String> known =
                RosterColumns.ALL.stream().map(RosterColumns::normalize).toList();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = RosterColumns.normalize(header.get(i));
            columns.putIfAbsent(name, i);
            if (!known.contains(name) && !header.get(i).isBlank()) {
                unknown.add(header.get(i).strip());
            }
        }
        this.ignoredColumns = List.copyOf(unknown);
        List<String> missing = RosterColumns.REQUIRED.stream()
                .filter(c -> !columns.containsKey(RosterColumns.normalize(c)))
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the roster header lacks required column(s) "
                    + String.join(", ", missing) + "; a roster's first row names its columns: "
                    + String.join(", ", RosterColumns.REQUIRED) + " (required), "
                    + String.join(", ", RosterColumns.OPTIONAL) + " (optional)");
        }
        this.width = header.size();
        this.headerNames = header.stream().map(String::strip).toList();
    }

    /**
     * Header cells that name no roster column, in file order: their values are not read. Show
     * them to the user, since a misspelt optional column ("License #") loses its data quietly
     * otherwise.
     */
    public List<String> ignoredColumns() {
        return ignoredColumns;
    }

    /**
     * Opens a roster file's bytes in {@code encoding} (UTF-8 for most exports; {@code
     * windows-1252} for a "CSV" saved by Excel on Windows). A row holding bytes that are not text
     * in that encoding is not read: it comes back with a {@link ViolationCode#ROW_ENCODING}
     * problem naming its line and column, and the rows after it are read as usual. A leading
     * UTF-8 byte order mark is skipped.
     *
     * @param source the file's bytes; closed by {@link #close()}
     * @param encoding the file's character encoding
     * @param activities as for {@link #open(Reader, Function)}
     * @throws IllegalArgumentException when the header lacks a required column
     */
    public static RosterReader open(
            InputStream source, Charset encoding, Function<String, Optional<Activity>> activities) {
        return open(source, encoding, activities, RulesCatalogue.defaults());
    }

    /**
     * {@link #open(InputStream, Charset, Function)} reading board and credit type names as
     * {@code rules} lists them (boards an application added, say).
     */
    public static RosterReader open(
            InputStream source,
            Charset encoding,
            Function<String, Optional<Activity>> activities,
            RulesCatalogue rules) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(encoding, "encoding");
        // Undecodable bytes become U+FFFD, which row() turns into ROW_ENCODING for that row alone.
        CharsetDecoder decoder = encoding.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return open(
                new CsvRosterSource(new BufferedReader(new InputStreamReader(source, decoder), 1 << 16)),
                activities,
                rules);
    }

    /**
     * Opens a roster already decoded to text. A {@code Reader} that throws on bad bytes (as
     * {@code Files.newBufferedReader} does) ends the reading there; prefer
     * {@link #open(InputStream, Charset, Function)} for files.
     *
     * @param source the CSV text; closed by {@link #close()}
     * @param activities finds the provider's activity by ACCME Activity ID (for example a map
     *     of your activities, or {@code id -> client.activities().get(id)} with a cache)
     * @throws IllegalArgumentException when the header lacks a required column
     */
    public static RosterReader open(Reader source, Function<String, Optional<Activity>> activities) {
        return open(new CsvRosterSource(Objects.requireNonNull(source, "source")), activities);
    }

    /**
     * Opens a roster from any {@link RosterSource} (an {@code .xlsx} sheet, say), with the same
     * columns, parsing and row accounting as a CSV roster.
     *
     * @param source the rows; closed by {@link #close()}
     * @param activities as for {@link #open(Reader, Function)}
     * @throws IllegalArgumentException when the header lacks a required column
     */
    public static RosterReader open(RosterSource source, Function<String, Optional<Activity>> activities) {
        return open(source, activities, RulesCatalogue.defaults());
    }

    /**
     * {@link #open(RosterSource, Function)} reading board and credit type names as {@code rules}
     * lists them.
     */
    public static RosterReader open(
            RosterSource source, Function<String, Optional<Activity>> activities, RulesCatalogue rules) {
        Objects.requireNonNull(rules, "rules");
        return new RosterReader(
                Objects.requireNonNull(source, "source"),
                Objects.requireNonNull(activities, "activities"),
                rules == RulesCatalogue.defaults()
                        ? ParsValidator.defaults()
                        : ParsValidator.builder().rules(rules).build());
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            List<String> cells = csv.next();
            if (cells != null) {
                next = row(cells, csv.line());
            }
        }
        return next != null;
    }

    @Override
    public RosterRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        RosterRow r = next;
        next = null;
        return r;
    }

    @Override
    public void close() {
        csv.close();
    }

    private String cell(List<String> cells, String column) {
        Integer i = columns.get(RosterColumns.normalize(column));
        return i == null || i >= cells.size() ? "" : cells.get(i).strip();
    }

    private RosterRow row(List<String> cells, int line) {
        long idx = index++;
        String rawKey = cell(cells, RosterColumns.COMPLETION_KEY);
        String key = CreditIds.isValidCompletionKey(rawKey) ? rawKey : "";
        RowProblems sink = new RowProblems(idx, key);
        Optional<String> problem = csv.problem();
        if (problem.isPresent()) {
            sink.add(Parsed.failed(ViolationCode.ROW_MALFORMED, problem.get()), "row");
            return new RosterRow(idx, line, key, Optional.empty(), sink.list());
        }
        for (int c = 0; c < cells.size(); c++) {
            if (cells.get(c).indexOf(UNDECODABLE) >= 0) {
                String column = c < headerNames.size() ? headerNames.get(c) : "row";
                sink.add(Parsed.failed(ViolationCode.ROW_ENCODING), column.isBlank() ? "row" : column);
                return new RosterRow(idx, line, key, Optional.empty(), sink.list());
            }
        }
        if (cells.size() != width) {
            sink.add(
                    Parsed.failed(
                            ViolationCode.ROW_MALFORMED, "the row has " + cells.size() + " cells, the header " + width),
                    "row");
            return new RosterRow(idx, line, key, Optional.empty(), sink.list());
        }
        if (key.isEmpty()) {
            sink.add(Parsed.failed(ViolationCode.COMPLETION_KEY_INVALID), RosterColumns.COMPLETION_KEY);
        }
        Activity activity =
                sink.activity(cell(cells, RosterColumns.ACTIVITY_ID), activities, RosterColumns.ACTIVITY_ID);
        String first = cell(cells, RosterColumns.FIRST_NAME);
        String last = cell(cells, RosterColumns.LAST_NAME);
        if (first.isEmpty()) {
            sink.add(Parsed.failed(ViolationCode.NAME_MISSING), RosterColumns.FIRST_NAME);
        }
        if (last.isEmpty()) {
            sink.add(Parsed.failed(ViolationCode.NAME_MISSING), RosterColumns.LAST_NAME);
        }
        MonthDay birth =
                sink.add(parser.parseBirthDate(cell(cells, RosterColumns.BIRTH_DATE)), RosterColumns.BIRTH_DATE);
        String npiCell = cell(cells, RosterColumns.NPI);
        Npi npi = npiCell.isEmpty() ? null : sink.add(parser.parseNpi(npiCell), RosterColumns.NPI);
        String state = cell(cells, RosterColumns.LICENSE_STATE);
        String number = cell(cells, RosterColumns.LICENSE_NUMBER);
        StateLicense license =
                number.isEmpty() ? null : sink.add(parser.parseLicense(state, number), RosterColumns.LICENSE_NUMBER);
        if (number.isEmpty() && !state.isEmpty()) {
            sink.add(parser.parseJurisdiction(state), RosterColumns.LICENSE_STATE);
        }
        String professionCell = cell(cells, RosterColumns.PROFESSION);
        Profession profession = professionCell.isEmpty()
                ? null
                : sink.add(parser.parseProfession(professionCell), RosterColumns.PROFESSION);
        Map<Board, String> boardIds = boardIds(cell(cells, RosterColumns.BOARD_IDS), sink);
        LocalDate completed = sink.add(
                parser.parseCompletionDate(cell(cells, RosterColumns.COMPLETION_DATE)), RosterColumns.COMPLETION_DATE);
        String cmeCell = cell(cells, RosterColumns.CME_CREDITS);
        BigDecimal cme = cmeCell.isEmpty() ? null : sink.add(parser.parseCredits(cmeCell), RosterColumns.CME_CREDITS);
        Map<MocCreditType, BigDecimal> moc = mocCredits(cell(cells, RosterColumns.MOC_CREDITS), sink);
        Boolean consent = consent(cell(cells, RosterColumns.CONSENT));
        if (consent == null) {
            sink.add(Parsed.failed(ViolationCode.CONSENT_MISSING, "consent must be yes or no"), RosterColumns.CONSENT);
        }
        if (!sink.isEmpty()) {
            return new RosterRow(idx, line, key, Optional.empty(), sink.list());
        }
        Learner.Builder learner =
                Learner.builder().firstName(first).lastName(last).birthDate(birth);
        if (npi != null) {
            learner.npi(npi);
        }
        if (license != null) {
            learner.license(license);
        }
        boardIds.forEach(learner::boardId);
        if (profession != null) {
            learner.profession(profession);
        }
        LearnerCompletion.Builder c = LearnerCompletion.builder()
                .completionKey(key)
                .activity(activity)
                .learner(learner.build())
                .completionDate(completed)
                .consent(consent);
        if (cme != null) {
            c.cmeCredits(cme);
        }
        moc.forEach((type, points) -> c.mocCredit(type, points.toPlainString()));
        return new RosterRow(idx, line, key, Optional.of(c.build()), List.of());
    }

    private Map<Board, String> boardIds(String cell, RowProblems sink) {
        Map<Board, String> out = new java.util.TreeMap<>();
        for (String part : pairs(cell)) {
            int eq = part.indexOf('=');
            Parsed<Board> board = parser.parseBoard(eq < 0 ? part : part.substring(0, eq));
            if (!board.isOk() || eq < 0 || part.substring(eq + 1).isBlank()) {
                sink.add(
                        board.isOk()
                                ? Parsed.failed(ViolationCode.BOARD_ID_INVALID, "write board IDs as BOARD=ID")
                                : board,
                        RosterColumns.BOARD_IDS);
                continue;
            }
            out.put(board.value(), part.substring(eq + 1).strip());
        }
        return out;
    }

    private Map<MocCreditType, BigDecimal> mocCredits(String cell, RowProblems sink) {
        Map<MocCreditType, BigDecimal> out = new java.util.LinkedHashMap<>();
        for (String part : pairs(cell)) {
            int eq = part.indexOf('=');
            MocCreditType type = eq < 0
                    ? null
                    : parser.rules().creditType(part.substring(0, eq)).orElse(null);
            if (type == null) {
                sink.add(Parsed.failed(ViolationCode.MOC_CREDIT_TYPE_UNKNOWN), RosterColumns.MOC_CREDITS);
                continue;
            }
            BigDecimal points = sink.add(parser.parseCredits(part.substring(eq + 1)), RosterColumns.MOC_CREDITS);
            if (points != null) {
                out.merge(type, points, BigDecimal::add);
            }
        }
        return out;
    }

    /** What separates the pairs of a cell: a semicolon or a bar. */
    private static final java.util.regex.Pattern PAIR_SEPARATOR = java.util.regex.Pattern.compile("[;|]");

    private static List<String> pairs(String cell) {
        List<String> out = new ArrayList<>();
        for (String p : PAIR_SEPARATOR.split(cell)) {
            if (!p.isBlank()) {
                out.add(p.strip());
            }
        }
        return out;
    }

    private static Boolean consent(String raw) {
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true", "1", "x" -> Boolean.TRUE;
            case "no", "n", "false", "0" -> Boolean.FALSE;
            default -> null;
        };
    }
}
