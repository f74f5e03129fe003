/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.model;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A US jurisdiction that licenses physicians and that PARS accepts as a license state: the 50
 * states, the District of Columbia and the territories PR, GU, VI, AS and MP.
 *
 * <p>The constant name is the USPS code PARS uses as a license's {@code UniqueID} domain
 * (docs/pars-reference.md 2.5, 5.3). {@code UM} (US Minor Outlying Islands) is deliberately absent: it
 * has no medical board. Parse what people type with {@link #parse(String)}.
 */
public enum LicensingJurisdiction {
    /** Alabama. */
    AL("Alabama", Kind.STATE),
    /** Alaska. */
    AK("Alaska", Kind.STATE),
    /** Arizona. */
    AZ("Arizona", Kind.STATE),
    /** Arkansas. */
    AR("Arkansas", Kind.STATE),
    /** California. */
    CA("California", Kind.STATE),
    /** Colorado. */
    CO("Colorado", Kind.STATE),
    /** Connecticut. */
    CT("Connecticut", Kind.STATE),
    /** Delaware. */
    DE("Delaware", Kind.STATE),
    /** Florida. */
    FL("Florida", Kind.STATE),
    /** Georgia. */
    GA("Georgia", Kind.STATE),
    /** Hawaii. */
    HI("Hawaii", Kind.STATE),
    /** Idaho. */
    ID("Idaho", Kind.STATE),
    /** Illinois. */
    IL("Illinois", Kind.STATE),
    /** Indiana. */
    IN("Indiana", Kind.STATE),
    /** Iowa. */
    IA("Iowa", Kind.STATE),
    /** Kansas. */
    KS("Kansas", Kind.STATE),
    /** Kentucky. */
    KY("Kentucky", Kind.STATE),
    /** Louisiana. */
    LA("Louisiana", Kind.STATE),
    /** Maine. */
    ME("Maine", Kind.STATE),
    /** Maryland. */
    MD("Maryland", Kind.STATE),
    /** Massachusetts. */
    MA("Massachusetts", Kind.STATE),
    /** Michigan. */
    MI("Michigan", Kind.STATE),
    /** Minnesota. */
    MN("Minnesota", Kind.STATE),
    /** Mississippi. */
    MS("Mississippi", Kind.STATE),
    /** Missouri. */
    MO("Missouri", Kind.STATE),
    /** Montana. */
    MT("Montana", Kind.STATE),
    /** Nebraska. */
    NE("Nebraska", Kind.STATE),
    /** Nevada. */
    NV("Nevada", Kind.STATE),
    /** New Hampshire. */
    NH("New Hampshire", Kind.STATE),
    /** New Jersey. */
    NJ("New Jersey", Kind.STATE),
    /** New Mexico. */
    NM("New Mexico", Kind.STATE),
    /** New York. */
    NY("New York", Kind.STATE),
    /** North Carolina. */
    NC("North Carolina", Kind.STATE),
    /** North Dakota. */
    ND("North Dakota", Kind.STATE),
    /** Ohio. */
    OH("Ohio", Kind.STATE),
    /** Oklahoma. */
    OK("Oklahoma", Kind.STATE),
    /** Oregon. */
    OR("Oregon", Kind.STATE),
    /** Pennsylvania. */
    PA("Pennsylvania", Kind.STATE),
    /** Rhode Island. */
    RI("Rhode Island", Kind.STATE),
    /** South Carolina. */
    SC("South Carolina", Kind.STATE),
    /** South Dakota. */
    SD("South Dakota", Kind.STATE),
    /** Tennessee. */
    TN("Tennessee", Kind.STATE),
    /** Texas. */
    TX("Texas", Kind.STATE),
    /** Utah. */
    UT("Utah", Kind.STATE),
    /** Vermont. */
    VT("Vermont", Kind.STATE),
    /** Virginia. */
    VA("Virginia", Kind.STATE),
    /** Washington. */
    WA("Washington", Kind.STATE),
    /** West Virginia. */
    WV("West Virginia", Kind.STATE),
    /** Wisconsin. */
    WI("Wisconsin", Kind.STATE),
    /** Wyoming. */
    WY("Wyoming", Kind.STATE),
    /** District of Columbia. */
    DC("District of Columbia", Kind.DISTRICT),
    /** Puerto Rico. */
    PR("Puerto Rico", Kind.TERRITORY),
    /** Guam. */
    GU("Guam", Kind.TERRITORY),
    /** U.S. Virgin Islands. */
    VI("U.S. Virgin Islands", Kind.TERRITORY),
    /** American Samoa. */
    AS("American Samoa", Kind.TERRITORY),
    /** Northern Mariana Islands. */
    MP("Northern Mariana Islands", Kind.TERRITORY);

    /** What kind of jurisdiction this is. */
    public enum Kind {
        /** One of the 50 states. */
        STATE,
        /** The District of Columbia. */
        DISTRICT,
        /** A US territory. */
        TERRITORY
    }

    private static final Map<String, LicensingJurisdiction> LOOKUP = new HashMap<>();

    static {
        for (LicensingJurisdiction j : values()) {
            LOOKUP.put(j.name(), j);
            LOOKUP.put(key(j.displayName), j);
        }
        LOOKUP.put(key("Washington DC"), DC);
        LOOKUP.put(key("Washington D.C."), DC);
        LOOKUP.put(key("D.C."), DC);
        LOOKUP.put(key("Virgin Islands"), VI);
        LOOKUP.put(key("US Virgin Islands"), VI);
        LOOKUP.put(key("Commonwealth of the Northern Mariana Islands"), MP);
    }

    private final String displayName;
    private final Kind kind;

    LicensingJurisdiction(String displayName, Kind kind) {
        this.displayName = displayName;
        this.kind = kind;
    }

    /** The two-letter USPS code, e.g. {@code CA}. */
    public String code() {
        return name();
    }

    /** The full name, e.g. {@code California}. */
    public String displayName() {
        return displayName;
    }

    /** Whether this is a state, DC or a territory. */
    public Kind kind() {
        return kind;
    }

    /**
     * Parses a code or full name, ignoring case, surrounding white space, repeated inner
     * white space and dots ({@code "ca"}, {@code " California "}, {@code "new  york"},
     * {@code "D.C."}). Returns empty for anything else; never throws for a non-null input.
     */
    public static Optional<LicensingJurisdiction> parse(String raw) {
        Objects.requireNonNull(raw, "raw");
        return Optional.ofNullable(LOOKUP.get(key(raw)));
    }

    /**
     * Returns the jurisdiction for a code or name.
     *
     * @throws IllegalArgumentException when the text names no jurisdiction PARS accepts
     */
    public static LicensingJurisdiction of(String raw) {
        return parse(raw)
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown licensing jurisdiction: expected a US state, DC or territory code or name"));
    }

    private static String key(String raw) {
        StringBuilder b = new StringBuilder(raw.length());
        boolean space = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '.') {
                continue;
            }
            if (Character.isWhitespace(c)) {
                space = b.length() > 0;
                continue;
            }
            if (space) {
                b.append(' ');
                space = false;
            }
            b.append(Character.toUpperCase(c));
        }
        return b.toString().toUpperCase(Locale.ROOT);
    }
}
