/**
 * The PARS domain model: immutable activities, learners and completions with their value types
 * and code lists. Nothing here knows PARS wire names; see {@code org.parsjava.core.codec}.
 */
package org.parsjava.core.model;
