/**
 * Learner rosters as files: {@link org.parsjava.core.batch.RosterReader} streams a CSV export
 * into completions, accounting for every row.
 */
package org.parsjava.core.batch;
