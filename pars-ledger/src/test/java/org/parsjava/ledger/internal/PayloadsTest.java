/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.rules.RulesCatalogue;
import org.parsjava.core.testing.Fixtures;

/** Activities' stored forms, kept once per fingerprint whether or not the cache keeps them. */
class PayloadsTest {

    @Test
    void anActivityPastTheCacheIsStoredByTheChunkThatCarriesItEvenWhenTheNextWasSealedFirst() throws SQLException {
        // A cache of one form: the second activity's form travels with each completion sealed.
        Payloads payloads =
                new Payloads(new PayloadCipher(new byte[32]), false, new CompletionJson(RulesCatalogue.defaults()), 1);
        LearnerCompletion first = Fixtures.completion();
        LearnerCompletion other = first.toBuilder()
                .activity(first.activity().toBuilder().title("Another activity").build())
                .completionKey("k-2")
                .build();
        LearnerCompletion again = other.toBuilder().completionKey("k-3").build();
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:payloads-test-" + System.nanoTime());
        try (Connection c = h2.getConnection();
                Statement st = c.createStatement()) {
            st.execute(
                    "create table pars_ledger_activity (fingerprint varchar(64) primary key, body varbinary not null)");
            c.setAutoCommit(false);
            // A recording seals the next chunk while it writes the one before: both chunks carry the
            // second activity, and the second chunk is sealed before the first stores it.
            Payloads.Sealed a = payloads.sealOnly(first);
            Payloads.Sealed b = payloads.sealOnly(other);
            Payloads.Sealed nextChunk = payloads.sealOnly(again);
            Map<String, byte[]> chunk = new HashMap<>();
            a.addActivityTo(chunk);
            b.addActivityTo(chunk);
            payloads.storeActivities(c, chunk);
            Map<String, byte[]> next = new HashMap<>();
            nextChunk.addActivityTo(next);
            payloads.storeActivities(c, next);
            c.commit();
            try (ResultSet rs = st.executeQuery("select count(*) from pars_ledger_activity where body is not null")) {
                rs.next();
                assertEquals(2, rs.getInt(1));
            }
            assertEquals(
                    "Another activity",
                    payloads.open(c, nextChunk.bytes(), again.activity().providerId(), "k-3")
                            .activity()
                            .title());
        }
    }
}
