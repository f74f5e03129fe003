package org.parsjava.core.batch;

import java.util.ArrayList;
import java.util.List;
import org.parsjava.core.validation.Parsed;
import org.parsjava.core.validation.Severity;
import org.parsjava.core.validation.Violation;
import org.parsjava.core.validation.ViolationCode;

/**
 * Collects what could not be read from one row of a file as violations naming the row and the
 * column, for readers of roster-like files (CSV, {@code .xlsx}). Not thread safe.
 */
public final class RowProblems {

    private final long index;
    private final String key;
    private final List<Violation> found = new ArrayList<>(0);

    /**
     * Problems of the row at {@code index} (zero-based among data rows) whose completion key is
     * {@code key} (empty when the key itself is unreadable).
     */
    public RowProblems(long index, String key) {
        this.index = index;
        this.key = key;
    }

    /** The parsed value, or null after recording its failure against {@code column}. */
    public <T> T add(Parsed<T> parsed, String column) {
        if (parsed.isOk()) {
            return parsed.value();
        }
        ViolationCode code = parsed.code().orElseThrow();
        found.add(new Violation(index, key, column, code, Severity.ERROR, parsed.message().orElse(code.message())));
        return null;
    }

    /** Whether nothing failed so far. */
    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** The problems recorded, in order. */
    public List<Violation> list() {
        return List.copyOf(found);
    }
}
