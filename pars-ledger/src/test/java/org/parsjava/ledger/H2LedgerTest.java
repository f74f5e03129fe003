/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;

/** The ledger contract on the embedded default: an H2 file database. */
class H2LedgerTest extends LedgerContractTest {

    @TempDir
    static Path dir;

    @Override
    DataSource dataSource() {
        return new UrlDataSource("jdbc:h2:file:" + dir.resolve("ledger").toAbsolutePath(), null, null);
    }
}
