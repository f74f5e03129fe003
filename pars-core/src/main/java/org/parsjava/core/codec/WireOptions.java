/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.codec;

import java.util.Objects;
import org.parsjava.core.rules.RulesCatalogue;

/**
 * The wire-format choices PARS sources leave open (docs/pars-reference.md 2.10), gathered so they can be
 * corrected against the PARS sandbox without touching the model. The defaults follow the 2025
 * draft schema. Immutable.
 */
public final class WireOptions {

    /** Where learner identifiers ({@code UniqueID}) are written. */
    public enum IdentifierPlacement {
        /** Under each {@code CreditCertificate}, as the 2025 PARS draft schema does (default). */
        CREDIT_CERTIFICATE,
        /** Under {@code Member}, as the MedBiquitous Activity Report standard does. */
        MEMBER
    }

    /** How the birth month and day travel (docs/pars-reference.md 5.2: unresolved). */
    public enum BirthDateEncoding {
        /**
         * {@code 2000-MM-DD}: satisfies the draft schema's {@code YYYY-MM-DD} pattern with a
         * leap placeholder year, so 02/29 survives (default).
         */
        PLACEHOLDER_LEAP_YEAR,
        /** {@code MM-DD}, the form the draft status query accepts. */
        MONTH_DAY,
        /** {@code --MM-DD}, XML Schema {@code gMonthDay}. */
        XML_GMONTHDAY
    }

    /** How dates travel (docs/pars-reference.md 5.4). */
    public enum DateEncoding {
        /** {@code YYYY-MM-DDT00:00:00}, no offset: PARS assumes US Central (default). */
        DATE_TIME_MIDNIGHT,
        /** {@code YYYY-MM-DD}. */
        DATE
    }

    /**
     * The MedBiquitous Activity Report v1 namespace, the candidate if PARS's XML turns out to be
     * namespaced (docs/pars-reference.md 2.5 and 2.10: whether it is at all is unknown).
     */
    public static final String MEDBIQ_ACTIVITY_REPORT_NAMESPACE = "http://ns.medbiq.org/activityreport/v1/";

    private static final WireOptions DEFAULTS = builder().build();

    private final IdentifierPlacement identifierPlacement;
    private final BirthDateEncoding birthDateEncoding;
    private final DateEncoding dateEncoding;
    private final boolean prettyPrint;
    private final String xmlNamespace;
    private final RulesCatalogue rules;

    private WireOptions(Builder b) {
        this.xmlNamespace = b.xmlNamespace;
        this.identifierPlacement = b.identifierPlacement;
        this.birthDateEncoding = b.birthDateEncoding;
        this.dateEncoding = b.dateEncoding;
        this.prettyPrint = b.prettyPrint;
        this.rules = b.rules;
    }

    /** The defaults described on each option. */
    public static WireOptions defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Where identifiers are written. */
    public IdentifierPlacement identifierPlacement() {
        return identifierPlacement;
    }

    /** How the birth month and day are written. */
    public BirthDateEncoding birthDateEncoding() {
        return birthDateEncoding;
    }

    /** How dates are written. */
    public DateEncoding dateEncoding() {
        return dateEncoding;
    }

    /** Whether documents are indented (for reading, not for sending). */
    public boolean prettyPrint() {
        return prettyPrint;
    }

    /**
     * The default namespace declared on the root of every XML document written (its elements
     * then all belong to it); empty, the default, writes no namespace. Reading ignores
     * namespaces either way. JSON ignores this option.
     */
    public java.util.Optional<String> xmlNamespace() {
        return java.util.Optional.ofNullable(xmlNamespace);
    }

    /**
     * The rules catalogue by which board and credit type names read from PARS are recognised
     * (default: {@link RulesCatalogue#defaults()}). Names written come from the {@code Board} and
     * {@code MocCreditType} values themselves.
     */
    public RulesCatalogue rules() {
        return rules;
    }

    @Override
    public String toString() {
        return "WireOptions[" + identifierPlacement + ", " + birthDateEncoding + ", " + dateEncoding
                + (xmlNamespace == null ? "" : ", xmlns=" + xmlNamespace) + (prettyPrint ? ", pretty" : "") + "]";
    }

    /** Builds {@link WireOptions}. */
    public static final class Builder {
        private IdentifierPlacement identifierPlacement = IdentifierPlacement.CREDIT_CERTIFICATE;
        private BirthDateEncoding birthDateEncoding = BirthDateEncoding.PLACEHOLDER_LEAP_YEAR;
        private DateEncoding dateEncoding = DateEncoding.DATE_TIME_MIDNIGHT;
        private boolean prettyPrint;
        private String xmlNamespace;
        private RulesCatalogue rules = RulesCatalogue.defaults();

        private Builder() {}

        /**
         * Declares {@code uri} as the default namespace of written XML documents, for example
         * {@link #MEDBIQ_ACTIVITY_REPORT_NAMESPACE}.
         *
         * @throws IllegalArgumentException when {@code uri} is blank, not absolute, or holds a
         *     character that cannot stand in an XML attribute unescaped
         */
        public Builder xmlNamespace(String uri) {
            Objects.requireNonNull(uri, "uri");
            String u = uri.strip();
            if (u.isEmpty() || u.chars().anyMatch(c -> c == '"' || c == '<' || c == '&' || c == '\'' || c <= ' ')) {
                throw new IllegalArgumentException("XML namespace must be a URI without spaces, quotes, '<' or '&'");
            }
            try {
                if (!new java.net.URI(u).isAbsolute()) {
                    throw new IllegalArgumentException(
                            "XML namespace must be an absolute URI, such as " + MEDBIQ_ACTIVITY_REPORT_NAMESPACE);
                }
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException("XML namespace is not a URI: " + e.getReason());
            }
            this.xmlNamespace = u;
            return this;
        }

        /** Writes no XML namespace (the default). */
        public Builder noXmlNamespace() {
            this.xmlNamespace = null;
            return this;
        }

        /** Sets where identifiers are written. */
        public Builder identifierPlacement(IdentifierPlacement placement) {
            this.identifierPlacement = Objects.requireNonNull(placement, "placement");
            return this;
        }

        /** Sets the birth date encoding. */
        public Builder birthDateEncoding(BirthDateEncoding encoding) {
            this.birthDateEncoding = Objects.requireNonNull(encoding, "encoding");
            return this;
        }

        /** Sets the date encoding. */
        public Builder dateEncoding(DateEncoding encoding) {
            this.dateEncoding = Objects.requireNonNull(encoding, "encoding");
            return this;
        }

        /** The catalogue by which board and credit type names are read. */
        public Builder rules(RulesCatalogue rules) {
            this.rules = Objects.requireNonNull(rules, "rules");
            return this;
        }

        /** Indents output. */
        public Builder prettyPrint(boolean prettyPrint) {
            this.prettyPrint = prettyPrint;
            return this;
        }

        /** Builds the options. */
        public WireOptions build() {
            return new WireOptions(this);
        }
    }
}
