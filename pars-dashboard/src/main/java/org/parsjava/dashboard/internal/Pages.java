/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.dashboard.internal;

import static org.parsjava.dashboard.internal.Html.esc;
import static org.parsjava.dashboard.internal.Html.q;

import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parsjava.core.model.Learner;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.excel.LearnerUploadWriter;
import org.parsjava.ledger.EntryProblem;
import org.parsjava.ledger.EntryState;
import org.parsjava.ledger.LedgerEntry;
import org.parsjava.ledger.ReportingLedger;
import org.parsjava.ledger.Transition;

/** The dashboard's pages, rendered on the server from the ledger's queries. */
final class Pages {

    /** Rows a list shows at most. */
    static final int LIST_LIMIT = 500;

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(java.time.ZoneOffset.UTC);

    private final ReportingLedger ledger;
    private final Clock clock;
    private final Refreshed<Map<EntryState, Long>> stateCounts;
    /** Entries overdue and due in the weeks ahead (the overview's deadlines). */
    private final Refreshed<DeadlineFigures> deadlines;
    /** Transitions per day (in the clock's time zone) and state over the longest span the volume page shows. */
    private final Refreshed<java.util.NavigableMap<java.time.LocalDate, Map<EntryState, Long>>> volume;

    Pages(ReportingLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
        this.stateCounts = new Refreshed<>(() -> Map.copyOf(ledger.counts()), clock, "entries by state");
        this.deadlines = new Refreshed<>(() -> DeadlineFigures.count(ledger, clock), clock, "deadlines");
        this.volume = new Refreshed<>(
                () -> new java.util.TreeMap<>(
                        ledger.transitionsByDay(today(clock).minusDays(MAX_DAYS - 1L), clock.getZone())),
                clock,
                "transitions by day");
    }

    /** The most days the volume page shows. */
    static final int MAX_DAYS = 366;

    /** Today in the clock's time zone, as the overview's deadlines count it. */
    private static java.time.LocalDate today(Clock clock) {
        return java.time.LocalDate.now(clock);
    }

    /** The clock's time zone as the pages name it: {@code UTC}, or its ID (such as America/Chicago). */
    static String zoneName(Clock clock) {
        java.time.ZoneId zone = clock.getZone().normalized();
        return zone.equals(java.time.ZoneOffset.UTC) ? "UTC" : clock.getZone().getId();
    }

    /** An action changed an entry (or the dashboard was put in service): count again. */
    void changed() {
        stateCounts.refresh();
        deadlines.refresh();
        volume.refresh();
    }

    void close() {
        stateCounts.close();
        deadlines.close();
        volume.close();
    }

    String overview() {
        Refreshed.Snapshot<Map<EntryState, Long>> snapshot = stateCounts.get();
        Map<EntryState, Long> counts = snapshot.value();
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder b = new StringBuilder();
        b.append("<p id=\"pars\">This ledger reports to ")
                .append(esc(ledger.boundTo().describe()))
                .append('.');
        ledger.adoption()
                .ifPresent(a -> b.append(" It adopted this PARS when it was opened")
                        .append(a.from()
                                .map(f -> ", in place of " + esc(f.describe()))
                                .orElse(""))
                        .append(": ")
                        .append(a.entries())
                        .append(" entries it had settled are confirmed here by CreditID, and sent again"
                                + " where this PARS does not hold them."));
        b.append("</p>");
        Refreshed.Snapshot<DeadlineFigures> due = deadlines.get();
        DeadlineFigures figures = due.value();
        b.append("<section aria-labelledby=\"deadlines\"><h2 id=\"deadlines\">Deadlines</h2><ul class=\"figures\">");
        b.append("<li><a href=\"overdue\"><span class=\"figure\" id=\"overdue-count\">")
                .append(figures.overdue())
                .append("</span> overdue</a></li>");
        for (int days : new int[] {7, 30}) {
            b.append("<li><a href=\"at-risk?days=")
                    .append(days)
                    .append("\"><span class=\"figure\" id=\"at-risk-")
                    .append(days)
                    .append("\">")
                    .append(figures.dueWithin(days))
                    .append("</span> due within ")
                    .append(days)
                    .append(" days</a></li>");
        }
        b.append("</ul>");
        b.append(Charts.deadlinesAhead(figures.weeks()));
        b.append("<p>Deadlines counted at <span id=\"deadlines-at\">")
                .append(TIME.format(due.at()))
                .append("</span>.</p></section>");
        b.append("<section aria-labelledby=\"states\"><h2 id=\"states\">Entries by state</h2>");
        b.append(chart(counts, total));
        b.append("<table id=\"states-table\"><caption>")
                .append(total)
                .append(" entries, counted at ")
                .append(TIME.format(snapshot.at()))
                .append("</caption><thead><tr><th scope=\"col\">State</th><th scope=\"col\">Entries</th>"
                        + "<th scope=\"col\">Meaning</th></tr></thead><tbody>");
        for (EntryState s : EntryState.values()) {
            b.append("<tr><th scope=\"row\"><a href=\"entries?state=")
                    .append(s.name())
                    .append("\">")
                    .append(s.name())
                    .append("</a></th><td>")
                    .append(counts.getOrDefault(s, 0L))
                    .append("</td><td>")
                    .append(esc(meaning(s)))
                    .append("</td></tr>");
        }
        b.append("</tbody></table></section>");
        return Html.page("Overview", b.toString());
    }

    /** The volume page for the last {@code days} days (1 to {@link #MAX_DAYS}). */
    String volume(int days) {
        java.time.LocalDate today = today(clock);
        Refreshed.Snapshot<java.util.NavigableMap<java.time.LocalDate, Map<EntryState, Long>>> snapshot = volume.get();
        Map<java.time.LocalDate, Map<EntryState, Long>> byDay =
                snapshot.value().subMap(today.minusDays(days - 1L), true, today, true);
        String zone = esc(zoneName(clock));
        return Html.page(
                "Reporting volume",
                "<p>What happened to entries each day (" + zone + ") over the last " + days
                        + " days, counted at <span "
                        + "id=\"counted-at\">" + TIME.format(snapshot.at()) + "</span>.</p>"
                        + "<form method=\"get\" action=\"volume\"><label for=\"days\">Days</label>"
                        + "<input id=\"days\" name=\"days\" type=\"number\" min=\"1\" max=\"366\" value=\""
                        + days + "\"><button type=\"submit\">Show</button></form>"
                        + Charts.volume(byDay, today, days, zone));
    }

    /** A bar per state, drawn in SVG presentation attributes (no inline styles, so the CSP holds). */
    private static String chart(Map<EntryState, Long> counts, long total) {
        EntryState[] states = EntryState.values();
        int rowHeight = 22;
        StringBuilder b = new StringBuilder();
        b.append("<figure><svg role=\"img\" aria-labelledby=\"chart-title\" width=\"640\" height=\"")
                .append(states.length * rowHeight + 10)
                .append("\" viewBox=\"0 0 640 ")
                .append(states.length * rowHeight + 10)
                .append("\"><title id=\"chart-title\">Entries by state, as bars</title>");
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        for (int i = 0; i < states.length; i++) {
            long n = counts.getOrDefault(states[i], 0L);
            int width = max == 0 ? 0 : (int) Math.max(n > 0 ? 2 : 0, 400 * n / max);
            int y = i * rowHeight + 5;
            b.append("<text x=\"0\" y=\"")
                    .append(y + 15)
                    .append("\" font-size=\"12\">")
                    .append(states[i].name())
                    .append("</text><rect x=\"150\" y=\"")
                    .append(y + 3)
                    .append("\" width=\"")
                    .append(width)
                    .append("\" height=\"14\" fill=\"")
                    .append(colour(states[i]))
                    .append("\"></rect><text x=\"")
                    .append(156 + width)
                    .append("\" y=\"")
                    .append(y + 15)
                    .append("\" font-size=\"12\">")
                    .append(n)
                    .append("</text>");
        }
        b.append("</svg><figcaption>").append(total).append(" entries in the ledger</figcaption></figure>");
        return b.toString();
    }

    private static String colour(EntryState s) {
        return switch (s) {
            case ACCEPTED, BOARD_ACCEPTED, WITHDRAWN -> "#2e7d32";
            case INVALID, REJECTED, BOARD_REJECTED -> "#c62828";
            case RETRYING -> "#ef6c00";
            default -> "#1565c0";
        };
    }

    static String meaning(EntryState s) {
        return switch (s) {
            case PENDING -> "recorded, not yet sent";
            case ACCEPTED -> "accepted by PARS (CME only)";
            case AWAITING_BOARD -> "accepted by PARS, the board has not decided";
            case BOARD_ACCEPTED -> "accepted by the board";
            case BOARD_REJECTED -> "rejected by the board: needs a person";
            case INVALID -> "refused before sending: needs a person";
            case REJECTED -> "rejected by PARS: needs a person";
            case RETRYING -> "sending failed, tried again later";
            case CORRECTING -> "changed after PARS had it: old record deleted, new one sent";
            case WITHDRAWING -> "withdrawn: the delete is being sent";
            case WITHDRAWN -> "withdrawn";
        };
    }

    String entries(EntryState state) {
        return Html.page(
                "Entries " + state.name(),
                "<p>" + esc(meaning(state)) + ".</p>" + table(ledger.entries(state, LIST_LIMIT), "entries"));
    }

    String atRisk(int days) {
        return Html.page(
                "At risk",
                "<p>Not yet with PARS and due within " + days + " days.</p>"
                        + "<form method=\"get\" action=\"at-risk\"><label for=\"days\">Due within (days)</label>"
                        + "<input id=\"days\" name=\"days\" type=\"number\" min=\"1\" max=\"366\" value=\"" + days
                        + "\"><button type=\"submit\">Show</button></form>"
                        + table(ledger.atRisk(Duration.ofDays(days), LIST_LIMIT), "at-risk"));
    }

    String overdue() {
        return Html.page(
                "Overdue",
                "<p>Past their due date and still not with PARS.</p>" + table(ledger.overdue(LIST_LIMIT), "overdue"));
    }

    String rowsToFix(RowFilter rf, Visitor v, boolean readOnly) {
        List<LedgerEntry> rows = rowsToFixWith(rf);
        String filter = "<form method=\"get\" action=\"rows-to-fix\"><label for=\"code\">Code</label>"
                + "<input id=\"code\" name=\"code\" type=\"text\" value=\"" + esc(rf.code())
                + "\"> <label for=\"activity\">ACCME Activity ID</label>"
                + "<input id=\"activity\" name=\"activity\" type=\"text\" value=\"" + esc(rf.activity())
                + "\"> <label for=\"due-by\">Due by</label>"
                + "<input id=\"due-by\" name=\"due-by\" type=\"date\" value=\""
                + (rf.dueBy() == null ? "" : rf.dueBy()) + "\"> <button type=\"submit\">Filter</button></form>"
                + "<p>Filters apply to the " + LIST_LIMIT + " most urgent rows to fix.</p>"
                + "<p><a id=\"csv\" href=\"rows-to-fix.csv" + esc(rf.query())
                + "\">Download as CSV</a> (no learner data)</p>";
        if (!readOnly) {
            filter += form(
                    v,
                    "rows-to-fix.xlsx",
                    rf.params(),
                    "xlsx",
                    "Download ACCME's Excel upload file",
                    "It holds learner identities; the download is logged with how many rows it holds and left "
                            + "out. Rows refused before sending (INVALID) are left out: fix them where they come "
                            + "from; so are rows that no longer pass the checks as of today.");
        }
        StringBuilder b = new StringBuilder(filter);
        b.append("<table id=\"rows-to-fix\"><caption>")
                .append(rows.size())
                .append(" rows to fix (at most ")
                .append(LIST_LIMIT)
                .append(")</caption><thead><tr><th scope=\"col\">Completion key</th><th scope=\"col\">State</th>"
                        + "<th scope=\"col\">Field</th><th scope=\"col\">Code</th><th scope=\"col\">What PARS or "
                        + "the rules said, and what to do</th></tr></thead><tbody>");
        for (LedgerEntry e : rows) {
            for (String[] p : problems(e)) {
                b.append("<tr><td>")
                        .append(entryLink(e))
                        .append("</td><td>")
                        .append(e.state().name())
                        .append("</td><td>")
                        .append(esc(p[0]))
                        .append("</td><td>")
                        .append(esc(p[1]))
                        .append("</td><td>")
                        .append(esc(p[2]))
                        .append("</td></tr>");
            }
        }
        b.append("</tbody></table>");
        return Html.page("Rows to fix", b.toString());
    }

    /** The rows to fix as CSV: no names, birth days or identifiers, as the command line's file. */
    String rowsToFixCsv(RowFilter rf) {
        StringBuilder b =
                new StringBuilder("provider_id,completion_key,activity_id,completion_date,state,field,code,message\n");
        for (LedgerEntry e : rowsToFixWith(rf)) {
            for (String[] p : problems(e)) {
                b.append(String.join(
                                ",",
                                csv(e.providerId()),
                                csv(e.completionKey()),
                                csv(e.accmeActivityId().orElse("")),
                                e.completionDate().toString(),
                                e.state().name(),
                                csv(p[0]),
                                csv(p[1]),
                                csv(p[2])))
                        .append('\n');
            }
        }
        return b.toString();
    }

    String entry(
            LedgerEntry e,
            List<Transition> history,
            Visitor v,
            boolean readOnly,
            boolean reveal,
            Optional<LearnerCompletion> shown) {
        StringBuilder b = new StringBuilder();
        b.append("<dl id=\"entry\">");
        dt(b, "Completion key", esc(e.completionKey()));
        dt(b, "Provider", esc(e.providerId()));
        dt(b, "State", e.state().name() + " (" + esc(meaning(e.state())) + ")");
        dt(b, "ACCME Activity ID", esc(e.accmeActivityId().orElse("-")));
        dt(b, "Completion date", e.completionDate().toString());
        dt(b, "Due", e.deadline().date() + " (" + esc(e.deadline().rule().name()) + ")");
        dt(b, "Attempts", String.valueOf(e.attempts()));
        dt(b, "Next attempt", e.nextAttemptAt().map(TIME::format).orElse("-"));
        dt(b, "CreditIDs", e.creditIds().isEmpty() ? "-" : esc(String.join(", ", e.creditIds())));
        dt(b, "PARS code", esc(e.parsCode().orElse("-")));
        dt(b, "PARS message", esc(e.message().orElse("-")));
        b.append("</dl>");
        b.append("<h2>Learner</h2>");
        if (reveal) {
            b.append(shown.map(Pages::identity)
                    .orElse("<p id=\"identity\">The learner data was removed after the retention.</p>"));
        } else {
            b.append("<p>Learner identity is kept encrypted in the ledger and hidden here.</p>");
            if (!readOnly) {
                b.append(form(
                        v,
                        "reveal",
                        keyOf(e),
                        "reveal",
                        "Show learner identity",
                        "Show who this is (the showing is logged)"));
            }
        }
        if (!e.problems().isEmpty()) {
            b.append("<h2>Problems</h2><ul id=\"problems\">");
            for (EntryProblem p : e.problems()) {
                b.append("<li>")
                        .append(esc(p.field()))
                        .append(" ")
                        .append(esc(p.code()))
                        .append(": ")
                        .append(esc(p.message()))
                        .append("</li>");
            }
            b.append("</ul>");
        }
        b.append("<h2>History</h2><table id=\"history\"><caption>Every change of state, oldest first</caption>"
                + "<thead><tr><th scope=\"col\">When</th><th scope=\"col\">From</th><th scope=\"col\">To</th>"
                + "<th scope=\"col\">Note</th></tr></thead><tbody>");
        for (Transition t : history) {
            b.append("<tr><td>")
                    .append(TIME.format(t.at()))
                    .append("</td><td>")
                    .append(t.from().map(Enum::name).orElse("-"))
                    .append("</td><td>")
                    .append(t.to().name())
                    .append("</td><td>")
                    .append(esc(t.note()))
                    .append("</td></tr>");
        }
        b.append("</tbody></table>");
        if (!readOnly) {
            b.append("<h2>Actions</h2>");
            b.append(form(
                    v,
                    "send-now",
                    keyOf(e),
                    "send-now",
                    "Send now",
                    "Send it at the next drain rather than wait for its retry"));
            b.append(form(
                    v,
                    "withdraw",
                    keyOf(e),
                    "withdraw",
                    "Withdraw",
                    "Withdraw it: the learner opted out (deleted from PARS if sent)"));
        }
        return Html.page("Entry", b.toString());
    }

    private static Map<String, String> keyOf(LedgerEntry e) {
        return Map.of("provider", e.providerId(), "key", e.completionKey());
    }

    /** A POST form: the CSRF token, the host's fields, {@code hidden}, a confirmation box and a button. */
    private static String form(
            Visitor v, String path, Map<String, String> hidden, String id, String label, String what) {
        StringBuilder b = new StringBuilder("<form method=\"post\" action=\"")
                .append(path)
                .append("\" class=\"action\">");
        hidden(b, "csrf", v.csrf());
        v.formFields().forEach((k, val) -> hidden(b, k, val));
        new java.util.TreeMap<>(hidden).forEach((k, val) -> hidden(b, k, val));
        b.append("<input type=\"checkbox\" required name=\"confirm\" value=\"yes\" id=\"confirm-")
                .append(id)
                .append("\"><label for=\"confirm-")
                .append(id)
                .append("\">")
                .append(esc(what))
                .append("</label> <button type=\"submit\" id=\"")
                .append(id)
                .append("\">")
                .append(esc(label))
                .append("</button></form>");
        return b.toString();
    }

    private static void hidden(StringBuilder b, String name, String value) {
        b.append("<input type=\"hidden\" name=\"")
                .append(esc(name))
                .append("\" value=\"")
                .append(esc(value))
                .append("\">");
    }

    /** The learner as recorded, for a person who asked to see it. */
    private static String identity(LearnerCompletion c) {
        Learner l = c.learner();
        StringBuilder b = new StringBuilder("<dl id=\"identity\">");
        dt(b, "Name", esc(l.firstName() + " " + l.lastName()));
        dt(b, "Birth day", l.birthDate().getMonthValue() + "/" + l.birthDate().getDayOfMonth());
        dt(b, "NPI", esc(l.npi().map(org.parsjava.core.model.Npi::value).orElse("-")));
        dt(
                b,
                "License",
                esc(l.license().map(x -> x.jurisdiction() + " " + x.number()).orElse("-")));
        l.boardIds().forEach((board, id) -> dt(b, board.code() + " ID", esc(id)));
        return b.append("</dl>").toString();
    }

    /** ACCME's Excel upload file of the rows to fix that pass the checks (at most {@link #LIST_LIMIT}). */
    UploadFile rowsToFixUploadFile(RowFilter rf) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int written = 0;
        int leftOut = 0;
        // Checked as of the dashboard's today, not the machine's.
        try (LearnerUploadWriter w = LearnerUploadWriter.create(
                out,
                org.parsjava.core.validation.ParsValidator.builder()
                        .clock(clock)
                        .build())) {
            for (LedgerEntry e : rowsToFixWith(rf)) {
                java.util.Optional<org.parsjava.core.model.LearnerCompletion> c = e.state() == EntryState.INVALID
                        ? java.util.Optional.empty()
                        : ledger.completion(e.providerId(), e.completionKey());
                if (c.isPresent() && w.add(c.get()).isEmpty()) {
                    written++;
                } else {
                    leftOut++;
                }
            }
        }
        return new UploadFile(out.toByteArray(), written, leftOut);
    }

    private static void dt(StringBuilder b, String term, String html) {
        b.append("<dt>").append(esc(term)).append("</dt><dd>").append(html).append("</dd>");
    }

    private String table(List<LedgerEntry> entries, String id) {
        StringBuilder b = new StringBuilder("<table id=\"" + id + "\"><caption>")
                .append(entries.size())
                .append(" entries (at most ")
                .append(LIST_LIMIT)
                .append("), most urgent first</caption><thead><tr><th scope=\"col\">Completion key</th>"
                        + "<th scope=\"col\">State</th><th scope=\"col\">Activity</th><th scope=\"col\">Completed</th>"
                        + "<th scope=\"col\">Due</th><th scope=\"col\">Attempts</th><th scope=\"col\">PARS code</th>"
                        + "</tr></thead><tbody>");
        for (LedgerEntry e : entries) {
            b.append("<tr><td>")
                    .append(entryLink(e))
                    .append("</td><td>")
                    .append(e.state().name())
                    .append("</td><td>")
                    .append(esc(e.accmeActivityId().orElse("-")))
                    .append("</td><td>")
                    .append(e.completionDate())
                    .append("</td><td>")
                    .append(e.deadline().date())
                    .append("</td><td>")
                    .append(e.attempts())
                    .append("</td><td>")
                    .append(esc(e.parsCode().orElse("")))
                    .append("</td></tr>");
        }
        return b.append("</tbody></table>").toString();
    }

    private static String entryLink(LedgerEntry e) {
        return "<a href=\"entry?provider=" + esc(q(e.providerId())) + "&amp;key=" + esc(q(e.completionKey())) + "\">"
                + esc(e.completionKey()) + "</a>";
    }

    /** Those of the {@link #LIST_LIMIT} most urgent rows to fix that pass {@code rf}. */
    private List<LedgerEntry> rowsToFixWith(RowFilter rf) {
        return ledger.rowsToFix(LIST_LIMIT).stream()
                .filter(e -> rf.matches(e, problems(e).stream().map(p -> p[1]).toList()))
                .toList();
    }

    /** Field, code and message of each problem; PARS's own code and message when there is none. */
    private static List<String[]> problems(LedgerEntry e) {
        if (!e.problems().isEmpty()) {
            return e.problems().stream()
                    .map(p -> new String[] {p.field(), p.code(), p.message()})
                    .toList();
        }
        return java.util.Collections.singletonList(new String[] {
            "", e.parsCode().orElse(e.state().name()), e.message().orElse("")
        });
    }

    private static String csv(String s) {
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0;
        String v = s.replace("\"", "\"\"");
        // A cell a spreadsheet would run as a formula is kept as text.
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return quote ? "\"" + v + "\"" : v;
    }

    Clock clock() {
        return clock;
    }
}
