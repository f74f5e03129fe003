/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.modulepath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsjava.client.ParsClient;
import org.parsjava.core.codec.ParsCodec;
import org.parsjava.excel.LearnerUploadWriter;
import org.parsjava.ledger.ReportingLedger;
import org.parsjava.testkit.ParsSimulator;

/** Runs inside the named module {@code org.parsjava.modulepath}, on the module path. */
class ModulePathTest {

    private static final List<String> PUBLISHED = List.of(
            "org.parsjava.core",
            "org.parsjava.client",
            "org.parsjava.testkit",
            "org.parsjava.ledger",
            "org.parsjava.excel",
            "org.parsjava.job");

    @Test
    void everyPublishedModuleIsANamedModuleWithADescriptor() {
        assertTrue(ModulePathTest.class.getModule().isNamed(), "the test itself runs in a named module");
        assertEquals("org.parsjava.modulepath", ModulePathTest.class.getModule().getName());
        for (Class<?> type : List.of(
                ParsCodec.class,
                ParsClient.class,
                ParsSimulator.class,
                ReportingLedger.class,
                LearnerUploadWriter.class,
                org.parsjava.job.ReportingJob.class)) {
            Module module = type.getModule();
            assertTrue(PUBLISHED.contains(module.getName()), type + " is in " + module);
            assertFalse(module.getDescriptor().isAutomatic(), module.getName() + " has a module-info");
        }
    }

    @Test
    void reportsThroughClientExcelAndLedgerFromANamedModule(@TempDir Path dir) throws Exception {
        ModulePathConsumer.Outcome outcome = ModulePathConsumer.run(dir);
        assertEquals(1, outcome.clientAccepted());
        assertEquals(1, outcome.excelCompletions());
        assertEquals(1, outcome.ledgerAccepted());
        assertEquals(2, outcome.creditsHeld(), "one CME line each from the client and the ledger");
        assertEquals(1, outcome.jobValid(), "the reporting job checked the roster's one row");
    }

    @Test
    void internalPackagesAreExportedToNoOneButTheirQualifiedReaders() {
        for (String name : PUBLISHED) {
            Module module = ModuleLayer.boot().findModule(name).orElseThrow();
            for (String pkg : module.getPackages()) {
                boolean internal = pkg.endsWith(".internal") || pkg.contains(".internal.");
                assertEquals(!internal, module.isExported(pkg), name + " exports " + pkg);
            }
        }
        Module core = ModuleLayer.boot().findModule("org.parsjava.core").orElseThrow();
        Module testkit = ModuleLayer.boot().findModule("org.parsjava.testkit").orElseThrow();
        Module client = ModuleLayer.boot().findModule("org.parsjava.client").orElseThrow();
        assertTrue(core.isExported("org.parsjava.core.codec.internal", testkit), "the simulator speaks PARS's half");
        assertFalse(core.isExported("org.parsjava.core.codec.internal", client), "the client does not");
    }

    @Test
    void reflectionCannotReachAnInternalClass() throws Exception {
        Class<?> peer = Class.forName("org.parsjava.core.codec.internal.PeerCodec");
        assertThrows(
                IllegalAccessException.class,
                () -> peer.getMethod("of", ParsCodec.class)
                        .invoke(null, org.parsjava.core.codec.ParsXmlCodec.create()));
    }

    @Test
    void codeThatImportsAnInternalPackageDoesNotCompile(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("src");
        Files.createDirectories(src.resolve("probe"));
        Files.writeString(
                src.resolve("module-info.java"),
                "module probe { requires org.parsjava.client; }",
                StandardCharsets.UTF_8);
        Files.writeString(src.resolve("probe/Probe.java"), """
                package probe;
                public class Probe {
                    Object ok = org.parsjava.client.ParsClient.VERSION;
                    Object peer = org.parsjava.core.codec.internal.PeerCodec.class;
                    Object transport = org.parsjava.client.internal.Transport.class;
                }
                """, StandardCharsets.UTF_8);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files =
                javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of(
                    "--module-path",
                    System.getProperty("jdk.module.path"),
                    "-d",
                    dir.resolve("out").toString());
            boolean compiled = javac.getTask(
                            new StringWriter(),
                            files,
                            diagnostics,
                            options,
                            null,
                            files.getJavaFileObjects(src.resolve("module-info.java"), src.resolve("probe/Probe.java")))
                    .call();
            assertFalse(compiled);
        }
        Set<String> refused = new java.util.TreeSet<>();
        diagnostics.getDiagnostics().forEach(d -> {
            String message = d.getMessage(Locale.ROOT);
            assertTrue(message.contains("is not visible") || message.contains("does not export"), message);
            refused.add(message.contains("org.parsjava.core.codec.internal") ? "core" : "client");
            assertTrue(d.getLineNumber() == 4 || d.getLineNumber() == 5, "line " + d.getLineNumber() + ": " + message);
        });
        assertEquals(Set.of("core", "client"), refused, "both internal packages are refused, the public one is not");
    }
}
