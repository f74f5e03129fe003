/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * PARS wire codecs: {@link org.parsjava.core.codec.ParsXmlCodec} and
 * {@link org.parsjava.core.codec.ParsJsonCodec}. Only this package knows PARS element names,
 * code strings and the unresolved wire choices ({@link org.parsjava.core.codec.WireOptions}).
 */
package org.parsjava.core.codec;
