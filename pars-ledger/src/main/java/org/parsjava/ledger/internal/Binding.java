/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.parsjava.client.ParsEndpoints;
import org.parsjava.client.ParsTarget;
import org.parsjava.ledger.Adoption;
import org.parsjava.ledger.LedgerBindingException;

/**
 * The one PARS a ledger reports to ({@code pars_ledger_binding}): recorded when a ledger is first
 * opened, checked every time after, and changed only by an explicit adoption, which puts every
 * entry the old PARS settled back to be confirmed against the new one.
 */
public final class Binding {

    /** States a PARS's verdict settled: an adopted PARS is asked about them again. */
    private static final String SETTLED_BY_PARS =
            "'ACCEPTED','AWAITING_BOARD','BOARD_ACCEPTED','BOARD_REJECTED','REJECTED'";

    private Binding() {}

    /**
     * Checks that the ledger reports to {@code target}, binding an empty one to it.
     *
     * @param adopt whether a different PARS is adopted rather than refused
     * @return the adoption, when one happened
     * @throws LedgerBindingException when the ledger reports to another PARS and {@code adopt} is false
     */
    public static Optional<Adoption> check(Jdbc jdbc, ParsTarget target, boolean adopt, Instant now) {
        return jdbc.inTransaction(
                c -> {
                    Optional<ParsTarget> bound = read(c);
                    if (bound.isPresent() && bound.get().equals(target)) {
                        return Optional.empty();
                    }
                    boolean empty = bound.isEmpty() && !hasEntries(c);
                    if (!empty && !adopt) {
                        throw new LedgerBindingException(bound.orElse(null), target);
                    }
                    write(c, target, now, bound.isPresent());
                    if (empty) {
                        return Optional.empty();
                    }
                    long entries = reopen(c, target, now);
                    return Optional.of(new Adoption(bound, target, entries));
                },
                "check which PARS the ledger reports to");
    }

    /** The PARS the ledger reports to, if recorded. */
    public static Optional<ParsTarget> read(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                        "select base_url, generation, provider_id from pars_ledger_binding where id=1");
                ResultSet rs = ps.executeQuery()) {
            return rs.next()
                    ? Optional.of(new ParsTarget(
                            rs.getString(1), ParsEndpoints.Generation.valueOf(rs.getString(2)), rs.getString(3)))
                    : Optional.empty();
        }
    }

    private static boolean hasEntries(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1 from pars_ledger_entry fetch first 1 rows only");
                ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    private static void write(Connection c, ParsTarget t, Instant now, boolean update) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                update
                        ? "update pars_ledger_binding set base_url=?, generation=?, provider_id=?, bound_at=? where id=1"
                        : "insert into pars_ledger_binding (base_url, generation, provider_id, bound_at, id) values (?,?,?,?,1)")) {
            ps.setString(1, t.baseUrl());
            ps.setString(2, t.generation().name());
            ps.setString(3, t.providerId());
            ps.setObject(4, Jdbc.time(now));
            ps.executeUpdate();
        }
    }

    /**
     * Entries the old PARS settled go back to be confirmed against the new one first; a send or
     * status check under way for the old one is forgotten (the new PARS holds none of it).
     */
    private static long reopen(Connection c, ParsTarget to, Instant now) throws SQLException {
        String note = Jdbc.note("adopted PARS at " + to.describe() + ": confirm by CreditID, send if not held");
        // The entries are locked first, so none is deleted (retention on another node) between
        // their transitions and their update: a transition never outlives its entry.
        try (PreparedStatement lock = c.prepareStatement(
                        "select id from pars_ledger_entry where state in (" + SETTLED_BY_PARS + ") for update");
                java.sql.ResultSet rs = lock.executeQuery()) {
            while (rs.next()) {
                rs.getLong(1);
            }
        }
        try (PreparedStatement t = c.prepareStatement("insert into pars_ledger_transition (entry_id, at, from_state, "
                + "to_state, note) select id, ?, state, 'PENDING', ? from pars_ledger_entry where state in ("
                + SETTLED_BY_PARS + ")")) {
            t.setObject(1, Jdbc.time(now));
            t.setString(2, note);
            t.executeUpdate();
        }
        long reopened;
        try (PreparedStatement ps =
                c.prepareStatement("update pars_ledger_entry set state='PENDING', confirm_first=true, "
                        + "attempts=0, next_attempt_at=null, outcome_unknown=false, pars_code=null, pars_message=null, "
                        + "violations=null, status_checks=0, next_status_check_at=null, updated_at=?, version=version+1 "
                        + "where state in (" + SETTLED_BY_PARS + ")")) {
            ps.setObject(1, Jdbc.time(now));
            reopened = ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("update pars_ledger_entry set outcome_unknown=false, "
                + "sending_since=null where outcome_unknown or sending_since is not null")) {
            ps.executeUpdate();
        }
        return reopened;
    }
}
