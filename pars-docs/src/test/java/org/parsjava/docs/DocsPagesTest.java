/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pages cannot drift from the code: every Java block of README.md and docs/*.md is marked
 * {@code <!-- snippet: Class#tag -->} and shows exactly the region {@code // tag::tag[]} ...
 * {@code // end::tag[]} of {@code Class.java} in this module, which the build compiles (and
 * {@link SnippetsRunTest} runs). {@code mvn -pl pars-docs test -Ddocs.write=true} copies the
 * regions into the pages instead of failing.
 */
class DocsPagesTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path SOURCES = Path.of("src/test/java/org/parsjava/docs");
    private static final Pattern JAVA_BLOCK = Pattern.compile("(?m)^```java\\n(.*?)^```\\n", Pattern.DOTALL);
    private static final Pattern MARKER = Pattern.compile("<!-- snippet: (\\w+)#([\\w-]+) -->\\n$");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    @Test
    void everyJavaBlockIsACompiledSnippetShownAsItIs() throws IOException {
        List<String> problems = new ArrayList<>();
        boolean write = Boolean.getBoolean("docs.write");
        int snippets = 0;
        for (Path page : pages()) {
            String text = Files.readString(page);
            StringBuilder out = new StringBuilder();
            Matcher block = JAVA_BLOCK.matcher(text);
            int last = 0;
            while (block.find()) {
                String where = ROOT.relativize(page) + ":" + line(text, block.start());
                Matcher marker = MARKER.matcher(text.substring(Math.max(0, block.start() - 200), block.start()));
                out.append(text, last, block.start());
                last = block.end();
                if (!marker.find()) {
                    problems.add(where + ": a Java block without <!-- snippet: Class#tag -->");
                    out.append(block.group());
                    continue;
                }
                snippets++;
                String region = region(marker.group(1), marker.group(2));
                if (region == null) {
                    problems.add(where + ": no region " + marker.group(2) + " in " + marker.group(1) + ".java");
                    out.append(block.group());
                } else {
                    if (!region.equals(block.group(1))) {
                        problems.add(where + ": differs from " + marker.group(1) + "#" + marker.group(2));
                    }
                    out.append("```java\n").append(region).append("```\n");
                }
            }
            out.append(text.substring(last));
            if (write && !out.toString().equals(text)) {
                Files.writeString(page, out.toString(), StandardCharsets.UTF_8);
            }
        }
        assertTrue(snippets >= 8, "the pages show " + snippets + " snippets");
        if (!write) {
            assertEquals(List.of(), problems, "run mvn -pl pars-docs test -Ddocs.write=true to copy the sources");
        }
    }

    @Test
    void theReadmeIsAFrontPage() throws IOException {
        long size = Files.size(ROOT.resolve("README.md"));
        assertTrue(size <= 12 * 1024, "README.md is " + size + " bytes; keep it at most 12 KB");
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            assertTrue(docs.filter(p -> p.toString().endsWith(".md")).count() >= 5, "at least five docs pages");
        }
    }

    @Test
    void everyLinkBetweenPagesLeadsSomewhere() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            String text = Files.readString(page);
            Matcher m = LINK.matcher(text);
            while (m.find()) {
                String target = m.group(1);
                if (target.startsWith("http://") || target.startsWith("https://") || target.startsWith("mailto:")) {
                    continue;
                }
                int hash = target.indexOf('#');
                String file = hash >= 0 ? target.substring(0, hash) : target;
                String anchor = hash >= 0 ? target.substring(hash + 1) : null;
                Path resolved =
                        file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                String where = ROOT.relativize(page) + ":" + line(text, m.start()) + " -> " + target;
                if (!Files.exists(resolved)) {
                    broken.add(where + " (no such file)");
                } else if (anchor != null
                        && resolved.toString().endsWith(".md")
                        && !anchors(resolved).contains(anchor)) {
                    broken.add(where + " (no such heading)");
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    /** GitHub's anchors: headings lower-cased, punctuation dropped, spaces as hyphens. */
    private static List<String> anchors(Path page) throws IOException {
        List<String> out = new ArrayList<>();
        for (String l : Files.readAllLines(page)) {
            if (l.startsWith("#")) {
                String h = l.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT);
                out.add(h.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
            }
        }
        return out;
    }

    /** The region of a snippet source, indented as its least indented line, or null. */
    static String region(String className, String tag) throws IOException {
        Path source = SOURCES.resolve(className + ".java");
        if (!Files.exists(source)) {
            return null;
        }
        List<String> lines = Files.readAllLines(source);
        int start = lines.indexOf(lines.stream()
                .filter(l -> l.trim().equals("// tag::" + tag + "[]"))
                .findFirst()
                .orElse(null));
        int end = lines.indexOf(lines.stream()
                .filter(l -> l.trim().equals("// end::" + tag + "[]"))
                .findFirst()
                .orElse(null));
        if (start < 0 || end < start) {
            return null;
        }
        List<String> body = lines.subList(start + 1, end);
        int indent = body.stream()
                .filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length())
                .min()
                .orElse(0);
        StringBuilder out = new StringBuilder();
        for (String l : body) {
            out.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
        }
        return out.toString();
    }

    private static int line(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }
}
