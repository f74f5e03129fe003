/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.job;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One run's counts: every row settled once, codes counted per problem. */
final class Tally {

    final Map<RowStatus, Long> counts = new EnumMap<>(RowStatus.class);
    final Map<RowStatus, Map<String, Long>> codes = new EnumMap<>(RowStatus.class);
    long rowsRead;
    long settled;
    int lastLine;
    long warnings;
    long resumed;
    long earlierSettled;
    long boardAccepted;
    long boardRejected;
    final Map<String, Long> boardCodes = new HashMap<>();

    void boardVerdict(BoardVerdict v) {
        if (v.accepted()) {
            boardAccepted++;
            return;
        }
        boardRejected++;
        for (RowProblem p : v.problems()) {
            boardCodes.merge(p.code(), 1L, Long::sum);
        }
    }

    void settle(RowStatus status, List<RowProblem> problems) {
        settled++;
        counts.merge(status, 1L, Long::sum);
        if (status == RowStatus.INVALID || status == RowStatus.REJECTED) {
            Map<String, Long> byCode = codes.computeIfAbsent(status, s -> new HashMap<>());
            for (RowProblem p : problems) {
                byCode.merge(p.code().isEmpty() ? status.name() : p.code(), 1L, Long::sum);
            }
        }
    }
}
