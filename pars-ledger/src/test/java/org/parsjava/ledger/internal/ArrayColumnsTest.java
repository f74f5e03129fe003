/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The columns a PostgreSQL statement reads with {@code unnest}, as the ledger fills them. */
class ArrayColumnsTest {

    private static final String[] TYPES = {"int8", "text", "timestamptz", "date", "bytea"};

    @Test
    void valuesAreKeptOrWrittenAsIsoTextByColumnType() {
        Instant at = Instant.parse("2026-12-07T13:04:05.123456Z");
        ArrayColumns columns = new ArrayColumns(TYPES, 3);
        columns.add(0, new Object[] {1L, "a"}, at, LocalDate.of(2026, 2, 28), new byte[] {7});
        columns.add(1, new Object[] {2L, null}, null, null, null);
        columns.add(2, new Object[] {3L, "c"}, at.plusNanos(1_000), LocalDate.of(2026, 2, 28), new byte[] {9});

        assertArrayEquals(new Object[] {1L, 2L, 3L}, columns.column(0));
        assertArrayEquals(new Object[] {"a", null, "c"}, columns.column(1));
        assertArrayEquals(
                new Object[] {"2026-12-07T13:04:05.123456Z", null, "2026-12-07T13:04:05.123457Z"}, columns.column(2));
        assertArrayEquals(new Object[] {"2026-02-28", null, "2026-02-28"}, columns.column(3));
        assertArrayEquals(new byte[] {9}, (byte[]) columns.column(4)[2]);
    }

    @Test
    void anInstantEqualToTheOneBeforeInItsColumnIsFormattedOnce() {
        ArrayColumns columns = new ArrayColumns(TYPES, 4);
        Instant at = Instant.parse("2026-12-07T13:04:05Z");
        columns.add(0, new Object[] {1L, "a"}, at, null, null);
        columns.add(1, new Object[] {2L, "b"}, Instant.ofEpochSecond(at.getEpochSecond()), null, null);
        columns.add(2, new Object[] {3L, "c"}, at.plusSeconds(1), null, null);
        columns.add(3, new Object[] {4L, "d"}, at, null, null);

        Object[] texts = columns.column(2);
        assertSame(texts[0], texts[1]); // equal instants, one text
        assertNotSame(texts[1], texts[2]);
        assertArrayEquals(
                new Object[] {
                    "2026-12-07T13:04:05Z", "2026-12-07T13:04:05Z", "2026-12-07T13:04:06Z", "2026-12-07T13:04:05Z"
                },
                texts);
    }

    @Test
    void aRowOfTheWrongWidthIsRefused() {
        ArrayColumns columns = new ArrayColumns(TYPES, 1);
        assertThrows(IllegalArgumentException.class, () -> columns.add(0, new Object[] {1L, "a"}, Instant.EPOCH));
    }
}
