/**
 * A PARS stand-in for integration tests: {@link org.parsjava.testkit.ParsSimulator}, its JUnit 5
 * extension and a standalone entry point.
 */
package org.parsjava.testkit;
