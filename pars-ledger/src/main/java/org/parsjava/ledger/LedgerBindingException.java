/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger;

import java.util.Objects;
import java.util.Optional;
import org.parsjava.client.ParsTarget;

/**
 * The ledger reports to another PARS than the client it was opened with: its entries were settled
 * by that PARS, so none may count as held by this one. Use another ledger for this PARS, or adopt
 * it ({@link ReportingLedger.Builder#adoptPars(boolean)}): every entry the old PARS settled is then
 * confirmed against the new one by CreditID and sent again where it is not held.
 */
public final class LedgerBindingException extends LedgerException {
    private static final long serialVersionUID = 1L;

    private final transient ParsTarget boundTo;
    private final transient ParsTarget offered;

    /**
     * An exception about a ledger bound to {@code boundTo} (null when it was made by an earlier
     * version, which did not record its PARS) opened with a client of {@code offered}.
     */
    public LedgerBindingException(ParsTarget boundTo, ParsTarget offered) {
        super(message(boundTo, Objects.requireNonNull(offered, "offered")));
        this.boundTo = boundTo;
        this.offered = offered;
    }

    private static String message(ParsTarget boundTo, ParsTarget offered) {
        String was = boundTo == null
                ? "this ledger holds entries but does not say which PARS settled them (an earlier version made it)"
                : "this ledger reports to " + boundTo.describe();
        return was + ", not to " + offered.describe() + ": use another ledger for that PARS, or adopt it "
                + "(--adopt-pars, ReportingLedger.Builder.adoptPars): every entry the old PARS settled is then "
                + "confirmed against the new one by CreditID and sent again where it is not held";
    }

    /** The PARS the ledger reports to, or empty for a ledger of an earlier version. */
    public Optional<ParsTarget> boundTo() {
        return Optional.ofNullable(boundTo);
    }

    /** The PARS of the client it was opened with. */
    public ParsTarget offered() {
        return offered;
    }
}
