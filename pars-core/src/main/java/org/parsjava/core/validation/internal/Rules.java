/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.validation.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parsjava.core.model.Activity;
import org.parsjava.core.model.Board;
import org.parsjava.core.model.Learner;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.model.MocCredit;
import org.parsjava.core.model.MocRegistration;
import org.parsjava.core.model.Npi;
import org.parsjava.core.model.StateLicense;
import org.parsjava.core.rules.BoardRules;
import org.parsjava.core.rules.RulesCatalogue;
import org.parsjava.core.validation.ReportingWindow;
import org.parsjava.core.validation.ViolationCode;

/**
 * The one copy of every PARS record rule. Both {@code ParsValidator} (the fast path) and the
 * Jakarta {@code ConstraintValidator}s call these methods. Rules report into a sink and never
 * throw or allocate exceptions. Immutable and thread safe.
 */
public final class Rules {

    /** docs/pars-reference.md 5.6: maximum name length (PARS's own limit is unknown). */
    public static final int NAME_MAX = 100;
    /** Longest completion key: keeps the derived CreditID under PARS's 300 characters. */
    public static final int COMPLETION_KEY_MAX = 200;
    /** Longest license number accepted. */
    public static final int LICENSE_MAX = 30;

    private static final BigDecimal FOUR = BigDecimal.valueOf(4);

    private final BoardChecks boards;
    private final ReportingWindow reportingWindow;

    /** Rules with the given catalogue and reporting window. */
    public Rules(RulesCatalogue catalogue, ReportingWindow reportingWindow) {
        this.boards = new BoardChecks(catalogue);
        this.reportingWindow = reportingWindow;
    }

    /** Rules with the shipped catalogue and the default window. */
    public static Rules defaults() {
        return new Rules(RulesCatalogue.defaults(), ReportingWindow.defaults());
    }

    /** The board rules these rules apply. */
    public BoardChecks boards() {
        return boards;
    }

    // ---- value rules ------------------------------------------------------------------------

    /** Name: required, has a letter, at most {@link #NAME_MAX} characters. */
    public static void checkName(String name, String field, ViolationSink sink) {
        if (name == null || name.isBlank()) {
            sink.report(field, ViolationCode.NAME_MISSING);
            return;
        }
        if (name.length() > NAME_MAX) {
            sink.report(field, ViolationCode.NAME_TOO_LONG);
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isLetter(name.charAt(i))) {
                return;
            }
        }
        sink.report(field, ViolationCode.NAME_INVALID);
    }

    /** License number shape: 1-30 of letters, digits, space . - /, with at least one digit. */
    public static boolean isLicenseNumber(String number) {
        int n = number.length();
        if (n == 0 || n > LICENSE_MAX) {
            return false;
        }
        boolean digit = false;
        for (int i = 0; i < n; i++) {
            char c = number.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (!((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || c == ' '
                    || c == '.'
                    || c == '-'
                    || c == '/')) {
                return false;
            }
        }
        return digit;
    }

    /** Completion key: 1-200 of A-Z a-z 0-9 . _ - ~ (safe inside a CreditID URN). */
    public static boolean isCompletionKey(String key) {
        int n = key.length();
        if (n == 0 || n > COMPLETION_KEY_MAX) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = key.charAt(i);
            if (!((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '_'
                    || c == '-'
                    || c == '~')) {
                return false;
            }
        }
        return true;
    }

    /** Exactly {@code length} ASCII digits. */
    public static boolean isDigits(String s, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Positive and a multiple of 0.25. */
    public static void checkCreditAmount(BigDecimal credits, String field, ViolationSink sink) {
        if (credits.signum() <= 0) {
            sink.report(field, ViolationCode.CREDITS_NOT_POSITIVE);
        } else if (!isQuarterStep(credits)) {
            sink.report(field, ViolationCode.CREDITS_NOT_QUARTER_STEP);
        }
    }

    /** True when {@code credits} is a whole multiple of 0.25. */
    public static boolean isQuarterStep(BigDecimal credits) {
        int scale = credits.scale();
        if (scale <= 0) {
            return true;
        }
        if (scale <= 10 && credits.precision() <= 15) {
            // Exact without allocating: the value has at most 15 significant digits, so the
            // double quotient is correctly rounded, and a quarter step is exactly representable
            // while any other value with <= 10 decimals lies far more than an ulp away from one.
            double times4 = credits.doubleValue() * 4;
            return times4 == Math.rint(times4);
        }
        BigDecimal times4 = credits.multiply(FOUR);
        return times4.signum() == 0 || times4.stripTrailingZeros().scale() <= 0;
    }

    // ---- learner ----------------------------------------------------------------------------

    /** Field paths of a learner's fields under one prefix, built once (not per record). */
    public static final class LearnerPaths {
        /** Paths for a learner validated on its own. */
        public static final LearnerPaths ROOT = new LearnerPaths("");
        /** Paths for the learner of a completion. */
        public static final LearnerPaths IN_COMPLETION = new LearnerPaths("learner.");

        final String firstName;
        final String lastName;
        final String npi;
        final String licenseNumber;
        final String boardIds;

        private LearnerPaths(String prefix) {
            firstName = prefix + "firstName";
            lastName = prefix + "lastName";
            npi = prefix + "npi";
            licenseNumber = prefix + "license.number";
            boardIds = prefix + "boardIds";
        }
    }

    /** Every learner rule. */
    public void checkLearner(Learner learner, LearnerPaths paths, ViolationSink sink) {
        checkName(learner.firstName(), paths.firstName, sink);
        checkName(learner.lastName(), paths.lastName, sink);
        checkIdentity(learner, paths, sink);
        if (!learner.boardIds().isEmpty()) {
            checkBoardIds(learner.boardIds(), paths.boardIds, sink);
        }
    }

    /** An NPI or a state license is required; NPI prefix and license shape are checked. */
    public static void checkIdentity(Learner learner, LearnerPaths paths, ViolationSink sink) {
        Optional<Npi> npi = learner.npi();
        Optional<StateLicense> license = learner.license();
        if (npi.isEmpty() && license.isEmpty()) {
            sink.report(paths.npi, ViolationCode.IDENTITY_MISSING);
        }
        if (npi.isPresent() && !npi.get().hasIssuedPrefix()) {
            sink.report(paths.npi, ViolationCode.NPI_UNUSUAL_PREFIX);
        }
        if (license.isPresent()) {
            checkLicenseNumber(license.get().number(), paths.licenseNumber, sink);
        }
    }

    /** License number shape. */
    public static void checkLicenseNumber(String number, String field, ViolationSink sink) {
        if (!isLicenseNumber(number)) {
            sink.report(field, ViolationCode.LICENSE_NUMBER_INVALID);
        }
    }

    /** Each board ID is of a board the catalogue lists and matches its format. */
    public void checkBoardIds(Map<Board, String> ids, String field, ViolationSink sink) {
        boards.checkBoardIds(ids, field, sink);
    }

    // ---- activity ---------------------------------------------------------------------------

    /** Longest activity description the draft activity schema allows (stated in its prose). */
    public static final int MAX_DESCRIPTION = 2500;

    /** Every activity rule. */
    public static void checkActivity(Activity a, String prefix, ViolationSink sink) {
        if (!isDigits(a.providerId(), 7)) {
            sink.report(prefix + "providerId", ViolationCode.PROVIDER_ID_INVALID);
        }
        a.accmeActivityId().ifPresent(id -> {
            if (!isDigits(id, 9)) {
                sink.report(prefix + "accmeActivityId", ViolationCode.ACTIVITY_ID_INVALID);
            }
        });
        if (a.providerActivityId().isEmpty() || a.providerActivityId().length() > 100) {
            sink.report(prefix + "providerActivityId", ViolationCode.PROVIDER_ACTIVITY_ID_INVALID);
        }
        if (a.title().isEmpty() || a.title().length() > 500) {
            sink.report(prefix + "title", ViolationCode.TITLE_INVALID);
        }
        if (a.endDate().isBefore(a.startDate())) {
            sink.report(prefix + "endDate", ViolationCode.ACTIVITY_DATES_INVERTED);
        }
        // Required by the draft activity schema v0.1.2 (Lom.general.description, activitySponsorship).
        String description = a.description().orElse("");
        if (description.isEmpty()) {
            sink.report(prefix + "description", ViolationCode.ACTIVITY_DESCRIPTION_MISSING);
        } else if (description.length() > MAX_DESCRIPTION) {
            sink.report(prefix + "description", ViolationCode.ACTIVITY_DESCRIPTION_TOO_LONG);
        }
        if (a.sponsorship().isEmpty()) {
            sink.report(prefix + "sponsorship", ViolationCode.ACTIVITY_SPONSORSHIP_MISSING);
        }
        checkCreditAmount(a.maxCmeCredits(), prefix + "maxCmeCredits", sink);
        for (MocRegistration r : a.mocRegistrations().values()) {
            checkCreditAmount(
                    r.points(), prefix + "mocRegistrations[" + r.board().acronym() + "].points", sink);
        }
    }

    /**
     * Fields an update must not change, because PARS would create a new activity instead
     * (docs/pars-reference.md 2.4 [S26]): format, duration (start and end dates), ACCME Activity ID and
     * provider activity ID.
     */
    public static void checkActivityUpdate(Activity existing, Activity updated, ViolationSink sink) {
        if (existing.type() != updated.type()) {
            sink.report("type", ViolationCode.ACTIVITY_PROTECTED_FIELD_CHANGED);
        }
        if (!existing.startDate().equals(updated.startDate())) {
            sink.report("startDate", ViolationCode.ACTIVITY_PROTECTED_FIELD_CHANGED);
        }
        if (!existing.endDate().equals(updated.endDate())) {
            sink.report("endDate", ViolationCode.ACTIVITY_PROTECTED_FIELD_CHANGED);
        }
        if (!existing.accmeActivityId().equals(updated.accmeActivityId())) {
            sink.report("accmeActivityId", ViolationCode.ACTIVITY_PROTECTED_FIELD_CHANGED);
        }
        if (!existing.providerActivityId().equals(updated.providerActivityId())) {
            sink.report("providerActivityId", ViolationCode.ACTIVITY_PROTECTED_FIELD_CHANGED);
        }
    }

    // ---- completion -------------------------------------------------------------------------

    /** Completion key, consent, activity reference, credits and dates (not the learner). */
    public void checkCompletion(LearnerCompletion c, LocalDate today, ViolationSink sink) {
        if (!isCompletionKey(c.completionKey())) {
            sink.report("completionKey", ViolationCode.COMPLETION_KEY_INVALID);
        }
        if (!c.consent()) {
            sink.report("consent", ViolationCode.CONSENT_MISSING);
        }
        checkActivityReference(c.activity(), sink);
        checkCredits(c, sink);
        checkDates(c, today, sink);
        boards.checkLines(c, sink);
    }

    /** The activity must carry a valid ACCME Activity ID and accept learners. */
    public static void checkActivityReference(Activity a, ViolationSink sink) {
        Optional<String> id = a.accmeActivityId();
        if (id.isEmpty()) {
            sink.report("activity.accmeActivityId", ViolationCode.ACTIVITY_ID_MISSING);
        } else if (!isDigits(id.get(), 9)) {
            sink.report("activity.accmeActivityId", ViolationCode.ACTIVITY_ID_INVALID);
        }
        if (!isDigits(a.providerId(), 7)) {
            sink.report("activity.providerId", ViolationCode.PROVIDER_ID_INVALID);
        }
        if (!a.status().acceptsLearners()) {
            sink.report("activity.status", ViolationCode.ACTIVITY_NOT_ACTIVE);
        }
    }

    /** Credit lines: present, positive, quarter steps, within maxima and board registrations. */
    public void checkCredits(LearnerCompletion c, ViolationSink sink) {
        Activity activity = c.activity();
        List<MocCredit> moc = c.mocCredits();
        Optional<BigDecimal> cme = c.cmeCredits();
        if (cme.isEmpty() && moc.isEmpty()) {
            sink.report("cmeCredits", ViolationCode.CREDITS_MISSING);
            return;
        }
        if (cme.isPresent()) {
            BigDecimal credits = cme.get();
            if (credits.signum() <= 0 || !isQuarterStep(credits)) {
                checkCreditAmount(credits, "cmeCredits", sink);
            }
            if (credits.compareTo(activity.maxCmeCredits()) > 0) {
                sink.report("cmeCredits", ViolationCode.CREDITS_ABOVE_MAXIMUM);
            }
        }
        Map<Board, BigDecimal> perBoard = null;
        for (int i = 0; i < moc.size(); i++) {
            MocCredit m = moc.get(i);
            for (int j = 0; j < i; j++) {
                if (moc.get(j).type().equals(m.type())) {
                    sink.report(mocField(i, ".type"), ViolationCode.MOC_CREDIT_DUPLICATE);
                    break;
                }
            }
            if (m.points().signum() <= 0 || !isQuarterStep(m.points())) {
                checkCreditAmount(m.points(), mocField(i, ".points"), sink);
            }
            Optional<BoardRules> rules = boards.checkLine(c, i, m, sink);
            if (rules.isEmpty()) {
                continue;
            }
            Board board = m.board();
            MocRegistration reg = activity.mocRegistrations().get(board);
            if (reg == null) {
                sink.report(mocField(i, ".type"), ViolationCode.MOC_BOARD_NOT_REGISTERED);
                continue;
            }
            if (!reg.creditTypes().contains(m.type())) {
                sink.report(mocField(i, ".type"), ViolationCode.MOC_CREDIT_TYPE_NOT_REGISTERED);
            }
            if (perBoard == null) {
                perBoard = new java.util.HashMap<>(4);
            }
            perBoard.merge(board, m.points(), BigDecimal::add);
        }
        if (perBoard != null) {
            for (Map.Entry<Board, BigDecimal> e : perBoard.entrySet()) {
                Board board = e.getKey();
                if (e.getValue()
                                .compareTo(
                                        activity.mocRegistrations().get(board).points())
                        > 0) {
                    sink.report(
                            "mocCredits",
                            ViolationCode.CREDITS_ABOVE_MAXIMUM,
                            "MOC points for " + board.acronym() + " exceed the points the activity is registered for");
                }
            }
        }
    }

    private static String mocField(int i, String suffix) {
        return "mocCredits[" + i + "]" + suffix;
    }

    /** Completion date against today, the activity's dates, the window and board deadlines. */
    public void checkDates(LearnerCompletion c, LocalDate today, ViolationSink sink) {
        LocalDate date = c.completionDate();
        Activity a = c.activity();
        if (date.isAfter(today)) {
            sink.report("completionDate", ViolationCode.COMPLETION_DATE_IN_FUTURE);
        }
        if (date.isBefore(a.startDate())) {
            sink.report("completionDate", ViolationCode.COMPLETION_DATE_BEFORE_ACTIVITY);
        } else if (!a.type().openEnded() && date.isAfter(a.endDate())) {
            sink.report("completionDate", ViolationCode.COMPLETION_DATE_AFTER_ACTIVITY);
        }
        switch (reportingWindow.check(date, today)) {
            case OUTSIDE -> sink.report("completionDate", ViolationCode.COMPLETION_DATE_OUTSIDE_REPORTING_WINDOW);
            case AT_RISK -> sink.report("completionDate", ViolationCode.REPORTING_WINDOW_AT_RISK);
            case INSIDE -> {}
        }
        List<MocCredit> moc = c.mocCredits();
        for (int i = 0; i < moc.size(); i++) {
            Board board = moc.get(i).board();
            MocRegistration reg = a.mocRegistrations().get(board);
            if (reg != null && reg.creditClaimDate().isPresent()) {
                LocalDate deadline = reg.creditClaimDate().get();
                if (date.isAfter(deadline) || today.isAfter(deadline)) {
                    sink.report(mocField(i, ""), ViolationCode.MOC_CLAIM_DEADLINE_PASSED);
                }
            }
        }
    }

    /** True when month/day exists in a leap year (02/29 does, 02/30 and 04/31 do not). */
    public static boolean isCalendarDay(int month, int day) {
        if (month < 1 || month > 12 || day < 1) {
            return false;
        }
        return day <= java.time.Month.of(month).maxLength();
    }
}
