/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.excel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds test workbooks by rewriting the parts of a real one. */
final class XlsxFiles {

    private XlsxFiles() {}

    /** The parts of {@code file}, by name, in order. */
    static Map<String, byte[]> parts(Path file) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            for (java.util.Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                try (InputStream in = zip.getInputStream(entry)) {
                    out.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return out;
    }

    /** Writes {@code parts} as a zip at {@code file}. */
    static Path write(Path file, Map<String, byte[]> parts) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> p : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(p.getKey()));
                zip.write(p.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    /** A copy of {@code source} at {@code target} with one text part changed. */
    static Path rewrite(Path source, Path target, String part, UnaryOperator<String> change) throws IOException {
        Map<String, byte[]> parts = parts(source);
        byte[] old = parts.get(part);
        if (old == null) {
            throw new IllegalArgumentException("no part " + part + " in " + parts.keySet());
        }
        parts.put(part, change.apply(new String(old, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        return write(target, parts);
    }

    /** Streams {@code bytes} zero bytes as one compressed part (a zip bomb's payload). */
    static Path zeros(Path file, String part, long bytes) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(part));
            byte[] block = new byte[1 << 20];
            for (long done = 0; done < bytes; done += block.length) {
                zip.write(block);
            }
            zip.closeEntry();
        }
        return file;
    }

    static void copy(InputStream in, OutputStream out) throws IOException {
        in.transferTo(out);
    }
}
