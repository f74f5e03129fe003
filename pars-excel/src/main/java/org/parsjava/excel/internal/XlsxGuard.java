/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.excel.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.parsjava.excel.XlsxFileException;

/**
 * Checks a file before a workbook library opens it, so that a hostile or mistaken file ends in
 * one clear {@link XlsxFileException} rather than an out-of-memory error or a stack trace:
 * the format (zip, not an encrypted or old OLE2 file, not text), the number and sizes of its
 * parts, their compression ratio (a zip bomb), and the shared-string table, which workbook
 * readers hold in memory (its bytes and entries are counted as it is read, so a part that lies
 * about its size is caught too).
 */
public final class XlsxGuard {

    /** Largest part, uncompressed. */
    static final long MAX_PART = 512L * 1024 * 1024;
    /** All parts together, uncompressed. */
    static final long MAX_TOTAL = 2L * 1024 * 1024 * 1024;
    /** Parts in the zip. */
    static final int MAX_PARTS = 1_000;
    /** Compression above this ratio, on a part over {@link #RATIO_FLOOR} bytes, is refused. */
    static final long MAX_RATIO = 200;
    /** Parts smaller than this are not judged by their ratio. */
    static final long RATIO_FLOOR = 16L * 1024 * 1024;
    /** Distinct texts in the shared-string table. */
    public static final int MAX_SHARED_STRINGS = 500_000;
    /** The shared-string table's bytes. */
    static final long MAX_SHARED_STRING_BYTES = 64L * 1024 * 1024;

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {
        (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
    };

    private XlsxGuard() {}

    /** True when the file starts as a zip (an {@code .xlsx}) does. */
    public static boolean looksLikeXlsx(Path file) {
        return startsWith(head(file), ZIP);
    }

    /** The first bytes of the file. */
    static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(8);
        } catch (IOException e) {
            throw new XlsxFileException(file, "cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Refuses a file that is not a safe {@code .xlsx}.
     *
     * @throws XlsxFileException naming the file and the problem
     */
    public static void check(Path file) {
        byte[] head = head(file);
        if (startsWith(head, OLE2)) {
            throw new XlsxFileException(
                    file,
                    "is a password-protected workbook or an old Excel 97-2003 (.xls) file; "
                            + "open it in Excel and save it as .xlsx (Excel Workbook) without a password");
        }
        if (!startsWith(head, ZIP)) {
            throw new XlsxFileException(
                    file,
                    "is not an .xlsx workbook"
                            + (looksLikeText(head) ? " (it holds text: a CSV file with an .xlsx name?)" : ""));
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            int parts = 0;
            long total = 0;
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (++parts > MAX_PARTS) {
                    throw new XlsxFileException(file, "has more than " + MAX_PARTS + " parts; not a learner workbook");
                }
                long size = entry.getSize();
                long packed = entry.getCompressedSize();
                if (size < 0 || size > MAX_PART) {
                    throw new XlsxFileException(
                            file,
                            "has a part larger than " + MAX_PART / (1024 * 1024)
                                    + " MB uncompressed; split the rows over several files");
                }
                if (size > RATIO_FLOOR && packed > 0 && size / packed > MAX_RATIO) {
                    throw new XlsxFileException(
                            file,
                            "is compressed more than " + MAX_RATIO + " to 1, as a zip bomb " + "is; it is not read");
                }
                total += size;
                if (total > MAX_TOTAL) {
                    throw new XlsxFileException(
                            file,
                            "unpacks to more than " + MAX_TOTAL / (1024 * 1024)
                                    + " MB; split the rows over several files");
                }
            }
            // Every part that could be the text table (readers find it by content type, in any case
            // of name), not only the usual name.
            long strings = 0;
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                String name = entry.getName().toLowerCase(java.util.Locale.ROOT);
                if (name.endsWith(".xml")
                        && !name.contains("worksheets/")
                        && !name.startsWith("[content_types]")
                        && !name.contains("_rels/")
                        && entry.getSize() > 0) {
                    try (InputStream in = new Capped(zip.getInputStream(entry), MAX_SHARED_STRING_BYTES, file)) {
                        strings = Math.max(strings, countSharedStrings(in, file));
                    }
                }
            }
            // A cell pointing past the end of the text table makes some readers grow an array to
            // that index: every such reference is checked before the sheet is read.
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (entry.getName().toLowerCase(java.util.Locale.ROOT).contains("worksheets/")
                        && entry.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".xml")) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        checkTextReferences(in, strings, file);
                    }
                }
            }
        } catch (ZipException e) {
            throw new XlsxFileException(
                    file, "is damaged: not a readable zip (" + e.getClass().getSimpleName() + ")", e);
        } catch (IOException e) {
            throw new XlsxFileException(file, "cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static boolean looksLikeText(byte[] head) {
        for (byte b : head) {
            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B)) {
                return false;
            }
        }
        return head.length > 0;
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f;
    }

    /** Refuses a shared-string cell whose index is not in the text table of {@code strings} entries. */
    private static void checkTextReferences(InputStream in, long strings, Path file) {
        try {
            XMLStreamReader r = factory().createXMLStreamReader(in);
            boolean textCell = false;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamReader.START_ELEMENT) {
                    String name = r.getLocalName();
                    if (name.equals("c")) {
                        textCell = "s".equals(r.getAttributeValue(null, "t"));
                    } else if (name.equals("v") && textCell) {
                        String v = r.getElementText().strip();
                        long index;
                        try {
                            index = Long.parseLong(v);
                        } catch (NumberFormatException e) {
                            index = -1;
                        }
                        if (index < 0 || index >= strings) {
                            throw new XlsxFileException(
                                    file,
                                    "has a cell that refers to a text entry the workbook does "
                                            + "not have; it is not read");
                        }
                        textCell = false;
                    }
                }
            }
            r.close();
        } catch (XMLStreamException e) {
            throw new XlsxFileException(
                    file, "has a damaged sheet (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static long countSharedStrings(InputStream in, Path file) {
        int count = 0;
        try {
            XMLStreamReader r = factory().createXMLStreamReader(in);
            while (r.hasNext()) {
                if (r.next() == XMLStreamReader.START_ELEMENT
                        && r.getLocalName().equals("si")
                        && ++count > MAX_SHARED_STRINGS) {
                    throw new XlsxFileException(
                            file,
                            "holds more than " + MAX_SHARED_STRINGS + " distinct texts; "
                                    + "not a learner workbook (split it, or export the roster as CSV)");
                }
            }
            r.close();
            return count;
        } catch (XMLStreamException e) {
            throw new XlsxFileException(
                    file, "has a damaged text table (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** Fails once more than {@code max} bytes were read: a part that lies about its size. */
    private static final class Capped extends FilterInputStream {
        private final long max;
        private final Path file;
        private long read;

        Capped(InputStream in, long max, Path file) {
            super(in);
            this.max = max;
            this.file = file;
        }

        private void count(long n) {
            if (n > 0 && (read += n) > max) {
                throw new XlsxFileException(
                        file,
                        "has a text table larger than " + max / (1024 * 1024) + " MB; not " + "a learner workbook");
            }
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count(n);
            return n;
        }
    }
}
