/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * pars-core's own validator and codecs need neither Jakarta Validation nor Hibernate Validator
 * (optional dependencies, for the Bean Validation bridge only): a JVM whose classpath lacks them
 * validates and encodes.
 */
class BeanValidationOptionalTest {

    @Test
    void theValidatorAndCodecsRunWithoutBeanValidationOnTheClasspath() throws Exception {
        String full = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String without = Arrays.stream(full.split(File.pathSeparator))
                .filter(e -> !e.contains("jakarta.validation")
                        && !e.contains("hibernate-validator")
                        && !e.contains("jboss-logging")
                        && !e.contains("classmate")
                        && !e.contains("expressly"))
                .collect(Collectors.joining(File.pathSeparator));
        assertTrue(without.length() < full.length(), "the Bean Validation jars were on the test classpath");
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        without,
                        NoBeanValidationMain.class.getName())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.contains("without Bean Validation"), out);
    }
}
