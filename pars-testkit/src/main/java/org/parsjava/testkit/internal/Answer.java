/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.testkit.internal;

import mockwebserver3.MockResponse;

/**
 * What the simulator answers a request with, and how many learner records the request carried
 * (for the request log).
 */
record Answer(MockResponse response, int records) {}
