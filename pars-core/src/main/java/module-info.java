/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The PARS model, validation, codecs and roster reading. No network, no storage.
 *
 * <p>Jakarta Validation and Hibernate Validator are optional: only
 * {@link org.parsjava.core.validation.JakartaValidation} and the constraint annotations need
 * them. Internal packages are exported only to the modules of this project that need them.
 */
module org.parsjava.core {
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.xml;
    requires com.ctc.wstx;
    requires de.siegmar.fastcsv;
    requires java.xml;
    requires static jakarta.validation;
    requires static org.hibernate.validator;

    exports org.parsjava.core.batch;
    exports org.parsjava.core.codec;
    exports org.parsjava.core.model;
    exports org.parsjava.core.rules;
    exports org.parsjava.core.validation;
    exports org.parsjava.core.validation.constraints;

    // The answering half of the codec, for the PARS simulator only.
    exports org.parsjava.core.codec.internal to
            org.parsjava.testkit;
    // Hibernate Validator instantiates the constraint validators and reads the model's fields.
    exports org.parsjava.core.validation.internal to
            org.hibernate.validator;

    opens org.parsjava.core.model to
            org.hibernate.validator;
    // Jackson binds the wire documents to these classes.
    opens org.parsjava.core.codec.internal to
            com.fasterxml.jackson.databind,
            com.fasterxml.jackson.dataformat.xml;
}
