/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger.internal.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.parsjava.ledger.EntryProblem;
import org.parsjava.ledger.internal.ProblemsJson;

/**
 * Rewrites the problems of entries kept by an earlier version, one {@code field CODE: message}
 * line each, as the structured form {@link ProblemsJson} reads. A line of another form becomes
 * a problem with that line as its message, so nothing is lost.
 */
public final class V2__Problems_as_json extends BaseJavaMigration {

    private static final Pattern LINE = Pattern.compile("(\\S+) ([A-Z0-9_]+): (.*)");

    /** Rows rewritten per step, so memory stays flat on any ledger. */
    private static final int STEP = 1_000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        while (true) {
            List<Long> ids = new ArrayList<>();
            List<String> rewritten = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select id, violations from pars_ledger_entry where "
                            + "violations is not null and violations not like '[%' order by id limit " + STEP);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                    rewritten.add(ProblemsJson.write(parse(rs.getString(2))));
                }
            }
            if (ids.isEmpty()) {
                return;
            }
            try (PreparedStatement up = c.prepareStatement("update pars_ledger_entry set violations=? where id=?")) {
                for (int i = 0; i < ids.size(); i++) {
                    up.setString(1, rewritten.get(i));
                    up.setLong(2, ids.get(i));
                    up.addBatch();
                }
                up.executeBatch();
            }
        }
    }

    static List<EntryProblem> parse(String text) {
        List<EntryProblem> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = LINE.matcher(line);
            out.add(
                    m.matches()
                            ? new EntryProblem(m.group(1), m.group(2), m.group(3))
                            : new EntryProblem("", "", line));
        }
        return out;
    }
}
