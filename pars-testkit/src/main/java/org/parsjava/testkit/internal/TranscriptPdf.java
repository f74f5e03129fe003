/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.parsjava.core.model.LearnerTranscript;

/**
 * The simulator's transcript PDF: a one-page, valid PDF 1.4 document listing each completion's
 * ACCME Activity ID, date and credit (no names), so tests can check what was streamed.
 */
final class TranscriptPdf {

    private TranscriptPdf() {}

    static byte[] render(List<LearnerTranscript> transcripts) {
        StringBuilder text = new StringBuilder("BT /F1 10 Tf 50 780 Td 14 TL (PARS transcript) Tj\n");
        for (LearnerTranscript t : transcripts) {
            for (LearnerTranscript.Completion c : t.completions()) {
                for (LearnerTranscript.Credit credit : c.credits()) {
                    text.append("T* (")
                            .append(c.accmeActivityId())
                            .append(' ')
                            .append(c.completionDate().map(Object::toString).orElse(""))
                            .append(' ')
                            .append(credit.credits().toPlainString())
                            .append(' ')
                            .append(credit.unit())
                            .append(") Tj\n");
                }
            }
        }
        text.append("ET");
        List<String> objects = new ArrayList<>();
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        objects.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                + "/Resources << /Font << /F1 5 0 R >> >> >>");
        objects.add("<< /Length " + text.length() + " >>\nstream\n" + text + "\nendstream");
        objects.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (int offset : offsets) {
            table.append(String.format("%010d 00000 n \n", offset));
        }
        write(
                out,
                table + "trailer\n<< /Size " + (objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + xref
                        + "\n%%EOF\n");
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }
}
