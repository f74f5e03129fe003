/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
/** The PARS Excel path: writing and reading PARS's learner upload template. */
module org.parsjava.excel {
    requires transitive org.parsjava.core;
    requires org.dhatim.fastexcel;
    requires org.dhatim.fastexcel.reader;
    requires java.xml;

    exports org.parsjava.excel;
}
