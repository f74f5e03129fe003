/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.testkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.MonthDay;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parsjava.core.codec.internal.LearnerReportRecord;

class PersonTest {

    @Test
    void aPersonShowsNoLearnerData() {
        Person p = new Person(
                "Jane", "Sample", MonthDay.of(2, 9), List.of(new LearnerReportRecord.Identifier("NPI", "1234567893")));
        assertEquals("Person[1 identifiers]", p.toString());
    }
}
