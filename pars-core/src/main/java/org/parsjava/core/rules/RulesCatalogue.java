/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.parsjava.core.model.Board;
import org.parsjava.core.model.MocCreditType;
import org.parsjava.core.model.Profession;

/**
 * PARS's learner-reporting rules as data: the certifying boards that take MOC credit through
 * PARS, the shape of their learner IDs, their credit types with the dates each can be earned
 * on, the rules that differ from board to board, and which professions may earn MOC.
 *
 * <p>The catalogue shipped with the SDK ({@link #defaults()}) is the resource
 * {@code org/parsjava/core/rules/pars-rules.json}, with its version, effective date and a source
 * for every entry. Boards change faster than releases: an application replaces the catalogue
 * with its own file ({@link #load(Path)}), extends the shipped one with a file that says
 * {@code "extends": "defaults"}, or changes it in code ({@link #toBuilder()}), and hands it to
 * the validator, the client, the ledger and the roster reader. Immutable and thread safe.
 *
 * <pre>{@code
 * RulesCatalogue rules = RulesCatalogue.load(Path.of("pars-rules.json"));
 * ParsValidator validator = ParsValidator.builder().rules(rules).build();
 * }</pre>
 */
public final class RulesCatalogue {

    /** The resource holding the shipped catalogue. */
    public static final String DEFAULT_RESOURCE = "/org/parsjava/core/rules/pars-rules.json";

    private final String version;
    private final LocalDate effectiveDate;
    private final Map<Board, BoardRules> boards;
    private final Set<Profession> mocEligible;
    private final Map<String, String> sources;
    private final Map<String, Board> boardsByName;
    private final Map<String, MocCreditType> typesByName;
    private final List<Board> boardList;
    private final List<MocCreditType> typeList;

    private RulesCatalogue(Builder b) {
        this.version = b.version;
        this.effectiveDate = b.effectiveDate;
        this.boards = Collections.unmodifiableMap(new TreeMap<>(b.boards));
        this.mocEligible = Collections.unmodifiableSet(
                b.mocEligible.isEmpty() ? EnumSet.noneOf(Profession.class) : EnumSet.copyOf(b.mocEligible));
        this.sources = Collections.unmodifiableMap(new LinkedHashMap<>(b.sources));
        Map<String, Board> names = new HashMap<>();
        List<MocCreditType> types = new ArrayList<>();
        Map<String, MocCreditType> typeNames = new HashMap<>();
        for (BoardRules r : boards.values()) {
            Board board = r.board();
            for (String name : List.of(board.displayName(), board.activityName(), board.acronym(), board.code())) {
                Board other = names.put(key(name), board);
                if (other != null && !other.equals(board)) {
                    throw new IllegalArgumentException(
                            "boards " + other.code() + " and " + board.code() + " share the name " + name);
                }
            }
            for (MocCreditType t : r.creditTypes().keySet()) {
                types.add(t);
                for (String name : List.of(t.wireName(), t.code())) {
                    MocCreditType clash = typeNames.put(key(name), t);
                    if (clash != null && !clash.equals(t)) {
                        throw new IllegalArgumentException(
                                "credit types " + clash.code() + " and " + t.code() + " share the name " + name);
                    }
                }
            }
        }
        this.boardsByName = Map.copyOf(names);
        this.typesByName = Map.copyOf(typeNames);
        this.boardList = List.copyOf(boards.keySet());
        Collections.sort(types);
        this.typeList = List.copyOf(types);
    }

    /** The catalogue shipped with this version of the SDK. */
    public static RulesCatalogue defaults() {
        return Shipped.CATALOGUE;
    }

    /**
     * Reads a catalogue file. A file that says {@code "extends": "defaults"} adds its boards to
     * the shipped catalogue (replacing those with the same code); otherwise it is the whole
     * catalogue.
     *
     * @throws RulesCatalogueException when the file cannot be read or an entry is wrong; the
     *     message names the file, the entry and the field
     */
    public static RulesCatalogue load(Path file) {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return CatalogueFile.read(in, file.toString());
        } catch (IOException e) {
            throw new RulesCatalogueException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Reads a catalogue from a stream, as {@link #load(Path)} does a file.
     *
     * @param name how messages name the source, e.g. a file name
     * @throws RulesCatalogueException when the content is not a usable catalogue
     */
    public static RulesCatalogue read(InputStream in, String name) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(name, "name");
        return CatalogueFile.read(in, name);
    }

    /** An empty builder: no boards, nobody eligible for MOC. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this catalogue, to add, replace or remove entries. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.version = version;
        b.effectiveDate = effectiveDate;
        b.boards.putAll(boards);
        b.mocEligible.addAll(mocEligible);
        b.sources.putAll(sources);
        return b;
    }

    /** The catalogue's version, e.g. {@code 2026-12}. */
    public String version() {
        return version;
    }

    /** The day from which the catalogue describes PARS. */
    public LocalDate effectiveDate() {
        return effectiveDate;
    }

    /** The boards, by code. */
    public List<Board> boards() {
        return boardList;
    }

    /** Every board's credit types, by code. */
    public List<MocCreditType> creditTypes() {
        return typeList;
    }

    /**
     * The board a person or a PARS document names: its code, acronym, name on activities or
     * full name, in any case and with surrounding spaces ignored.
     */
    public Optional<Board> board(String name) {
        return Optional.ofNullable(boardsByName.get(key(Objects.requireNonNull(name, "name"))));
    }

    /**
     * The credit type a person or a PARS document names: its code ({@code ABIM_MEDICAL_KNOWLEDGE},
     * also with spaces or hyphens for underscores) or its name on the wire
     * ({@code ABIM Medical Knowledge}), in any case.
     */
    public Optional<MocCreditType> creditType(String name) {
        String k = key(Objects.requireNonNull(name, "name"));
        MocCreditType t = typesByName.get(k);
        if (t == null) {
            t = typesByName.get(k.replace(' ', '_').replace('-', '_'));
        }
        return Optional.ofNullable(t);
    }

    /** The rules for {@code board}; empty when the catalogue does not list it. */
    public Optional<BoardRules> rules(Board board) {
        return Optional.ofNullable(boards.get(Objects.requireNonNull(board, "board")));
    }

    /** The rules for {@code type}; empty when the catalogue does not list it. */
    public Optional<CreditTypeRules> rules(MocCreditType type) {
        Objects.requireNonNull(type, "type");
        BoardRules b = boards.get(type.board());
        return b == null
                ? Optional.empty()
                : Optional.ofNullable(b.creditTypes().get(type));
    }

    /** The professions that may earn MOC credit (physicians, docs/pars-reference.md 12). */
    public Set<Profession> mocEligibleProfessions() {
        return mocEligible;
    }

    /** True when a learner of this profession may earn MOC credit. */
    public boolean mayEarnMoc(Profession profession) {
        return mocEligible.contains(Objects.requireNonNull(profession, "profession"));
    }

    /** The catalogue's sources, by the keys its entries cite. */
    public Map<String, String> sources() {
        return sources;
    }

    @Override
    public String toString() {
        return "RulesCatalogue[version=" + version + ", effective " + effectiveDate + ", " + boards.size() + " boards, "
                + typeList.size() + " credit types]";
    }

    private static String key(String name) {
        return name.strip().toUpperCase(Locale.ROOT);
    }

    /** Builds a {@link RulesCatalogue}. Not thread safe. */
    public static final class Builder {
        private String version = "custom";
        private LocalDate effectiveDate = LocalDate.of(2000, 1, 1);
        private final Map<Board, BoardRules> boards = new HashMap<>();
        private final Set<Profession> mocEligible = EnumSet.noneOf(Profession.class);
        private final Map<String, String> sources = new LinkedHashMap<>();

        private Builder() {}

        /** The catalogue's version label. */
        public Builder version(String version) {
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        /** The day from which the catalogue describes PARS. */
        public Builder effectiveDate(LocalDate effectiveDate) {
            this.effectiveDate = Objects.requireNonNull(effectiveDate, "effectiveDate");
            return this;
        }

        /** Adds a board, or replaces the board with the same code. */
        public Builder board(BoardRules rules) {
            Objects.requireNonNull(rules, "rules");
            boards.remove(rules.board());
            boards.put(rules.board(), rules);
            return this;
        }

        /** Removes the board with this code, if present. */
        public Builder removeBoard(String code) {
            Objects.requireNonNull(code, "code");
            boards.keySet().removeIf(b -> b.code().equals(code));
            return this;
        }

        /** The professions that may earn MOC. */
        public Builder mocEligibleProfessions(Set<Profession> professions) {
            Objects.requireNonNull(professions, "professions");
            mocEligible.clear();
            mocEligible.addAll(professions);
            return this;
        }

        /** Adds a source the entries cite by {@code key}. */
        public Builder source(String key, String citation) {
            sources.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(citation, "citation"));
            return this;
        }

        /**
         * The catalogue.
         *
         * @throws IllegalArgumentException when two boards or two credit types share a name
         */
        public RulesCatalogue build() {
            return new RulesCatalogue(this);
        }
    }

    /** The shipped catalogue, read on first use. */
    private static final class Shipped {
        static final RulesCatalogue CATALOGUE = readShipped();

        private static RulesCatalogue readShipped() {
            try (InputStream in = RulesCatalogue.class.getResourceAsStream(DEFAULT_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from pars-core");
                }
                return CatalogueFile.read(in, DEFAULT_RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
