/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.testkit.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.parsjava.core.batch.RosterColumns;
import org.parsjava.core.model.Activity;
import org.parsjava.core.model.Npi;

/**
 * Writes a synthetic learner-completion roster: fictional physicians (no real person), mostly
 * good rows typed the messy ways people type them, about 10% rows with one local mistake each,
 * and about 3% rows that repeat an earlier learner's completion under another key (PARS refuses
 * those as duplicates), against the {@link DemoActivities} and dated up to their demo day.
 * Deterministic for a given seed: the examples' bundled sample roster is
 * {@code write(writer, 1000, 20261120)}.
 */
public final class DemoRoster {

    private static final String[] FIRST = {
        "Avery", "Jordan", "Priya", "Mateo", "Grace", "Kenji", "Amara", "Lucas", "Sofia", "Omar", "Hannah", "Dmitri",
        "Leila", "Noah", "Chloé", "Tomás", "Ingrid", "Kwame", "Mei", "Rafael"
    };
    private static final String[] LAST = {
        "Whitfield",
        "Okafor",
        "Lindqvist",
        "Moreno",
        "Tanaka",
        "Haddad",
        "Novak",
        "Brennan",
        "Castellano",
        "Iyer",
        "Fairbanks",
        "O'Rourke",
        "Van der Berg",
        "Nakamura",
        "Adeyemi",
        "Kowalski",
        "Delacroix",
        "Sandoval",
        "Petrov",
        "Ashworth"
    };
    private static final String[][] STATES = {
        {"CA", "California", "ca"},
        {"NY", "New York", "ny"},
        {"TX", "Texas", "tx"},
        {"IL", "Illinois", "il"},
        {"MA", "Massachusetts", "ma"},
        {"DC", "D.C.", "dc"}
    };

    private final Random random;
    private final List<String[]> good = new ArrayList<>();

    private DemoRoster(long seed) {
        this.random = new Random(seed);
    }

    /** Writes a header and {@code rows} data rows. */
    public static void write(Writer out, int rows, long seed) throws IOException {
        DemoRoster g = new DemoRoster(seed);
        BufferedWriter w = out instanceof BufferedWriter b ? b : new BufferedWriter(out);
        w.write(String.join(",", RosterColumns.ALL));
        w.write('\n');
        for (int i = 0; i < rows; i++) {
            w.write(csv(g.row(i)));
            w.write('\n');
        }
        w.flush();
    }

    private String[] row(int i) {
        int dice = random.nextInt(100);
        if (dice < 3 && !good.isEmpty()) {
            String[] dup = good.get(random.nextInt(good.size())).clone();
            dup[0] = "enr-" + (100000 + i);
            return dup;
        }
        String[] r = goodRow(i);
        if (dice >= 90) {
            breakRow(r, dice - 90);
        } else {
            good.add(r);
        }
        return r;
    }

    private String[] goodRow(int i) {
        Activity a = DemoActivities.ALL.get(random.nextInt(DemoActivities.ALL.size()));
        String[] r = new String[RosterColumns.ALL.size()];
        r[0] = "enr-" + (100000 + i);
        r[1] = a.accmeActivityId().orElseThrow();
        r[2] = FIRST[random.nextInt(FIRST.length)];
        r[3] = LAST[random.nextInt(LAST.length)];
        int month = 1 + random.nextInt(12);
        int day = 1 + random.nextInt(month == 2 ? 29 : 28);
        r[4] = random.nextBoolean() ? month + "/" + day : String.format("%02d/%02d", month, day);
        String npi = npi();
        r[5] = random.nextInt(10) == 0 ? npi.substring(0, 4) + " " + npi.substring(4, 7) + " " + npi.substring(7) : npi;
        String[] state = STATES[random.nextInt(STATES.length)];
        r[6] = state[random.nextInt(3)];
        r[7] = state[0].charAt(0) + Integer.toString(10000 + random.nextInt(89999));
        LocalDate date = completionDate(a);
        r[9] = random.nextBoolean()
                ? date.toString()
                : date.getMonthValue() + "/" + date.getDayOfMonth() + "/" + date.getYear();
        BigDecimal max = a.maxCmeCredits();
        int quarters = 1 + random.nextInt(max.multiply(BigDecimal.valueOf(4)).intValue());
        String credits = BigDecimal.valueOf(quarters)
                .divide(BigDecimal.valueOf(4))
                .stripTrailingZeros()
                .toPlainString();
        r[10] = credits;
        r[8] = "";
        r[11] = "";
        if (a == DemoActivities.SEPSIS && random.nextBoolean()) {
            r[8] = "ABIM=" + (100000 + random.nextInt(899999));
            r[11] = "ABIM_MEDICAL_KNOWLEDGE=" + credits;
        } else if (a == DemoActivities.PEDIATRICS && random.nextBoolean()) {
            // ABP: every learner of an activity earns the same MOC credit (docs/pars-reference.md 12).
            r[8] = "ABP=" + (1000000 + random.nextInt(8999999));
            r[10] = a.maxCmeCredits().stripTrailingZeros().toPlainString();
            r[11] = "ABP Lifelong Learning and Self-Assessment=" + r[10];
        }
        r[12] = new String[] {"yes", "Y", "true", "Yes"}[random.nextInt(4)];
        return r;
    }

    /** One local mistake, ten kinds. */
    private void breakRow(String[] r, int kind) {
        switch (kind) {
            case 0 ->
                r[5] = r[5].replace(" ", "").substring(0, 9)
                        + ((r[5].replace(" ", "").charAt(9) - '0' + 1) % 10);
            case 1 -> r[4] = "02/30";
            case 2 -> r[6] = "ZZ";
            case 3 -> r[10] = "9";
            case 4 -> r[10] = "1.1";
            case 5 -> r[12] = "no";
            case 6 -> {
                r[5] = "";
                r[6] = "";
                r[7] = "";
            }
            case 7 -> r[9] = "2026-12-24";
            case 8 -> {
                r[8] = "ABTS=12345";
                r[11] = "ABTS_ACCREDITED_CME=1";
            }
            default -> r[9] = r[9].contains("/") ? "2026-03-03T14:30" : r[9] + "T09:00:00";
        }
    }

    private LocalDate completionDate(Activity a) {
        LocalDate from = a.startDate();
        LocalDate to = a.type().openEnded() ? DemoActivities.AS_OF : a.endDate();
        if (to.isAfter(DemoActivities.AS_OF)) {
            to = DemoActivities.AS_OF;
        }
        long span = to.toEpochDay() - from.toEpochDay();
        return from.plusDays(span <= 0 ? 0 : random.nextInt((int) span + 1));
    }

    /**
     * A valid NPI meant to name no physician: CMS assigns NPIs starting with 1 or 2, and the ones
     * in public NPPES data all start with 1, so the synthetic ones start with 2 (valid check
     * digit, no warning).
     */
    private String npi() {
        StringBuilder base = new StringBuilder("2");
        for (int k = 0; k < 8; k++) {
            base.append(random.nextInt(10));
        }
        return base.toString() + Npi.checkDigit(base);
    }

    private static String csv(String[] cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            String c = cells[i] == null ? "" : cells[i];
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0) {
                b.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
