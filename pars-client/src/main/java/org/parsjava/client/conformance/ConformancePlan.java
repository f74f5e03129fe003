/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client.conformance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parsjava.client.ParsEndpoints;
import org.parsjava.client.ParsEndpoints.Generation;
import org.parsjava.client.ParsEndpoints.Operation;
import org.parsjava.client.ParsEndpoints.Parameter;
import org.parsjava.client.ParsTarget;
import org.parsjava.core.codec.ActivityAction;
import org.parsjava.core.codec.CreditIds;
import org.parsjava.core.codec.LearnerRecordAction;
import org.parsjava.core.codec.ParsCodec;
import org.parsjava.core.codec.ParsCodecException;
import org.parsjava.core.codec.ParsFault;
import org.parsjava.core.codec.RecordVerdict;
import org.parsjava.core.codec.ReportHeader;
import org.parsjava.core.model.Activity;
import org.parsjava.core.model.CreditStatus;
import org.parsjava.core.model.Learner;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.model.MatchResult;

/**
 * The checks of one conformance run, in order: credentials, an activity created, read, searched
 * and missed, learner records submitted, looked up, refused as a duplicate and in a mixed
 * document, matched or read by learner, transcripts, and everything deleted again. Each exchange
 * confirms or refutes the assumptions it bears on; what no exchange reached stays not tested.
 */
final class ConformancePlan {

    private static final String MISSING_ACTIVITY = TestRecords.MISSING_ACTIVITY;
    private static final String TEST_NPI = TestRecords.NPI;

    private final Probe probe;
    private final Probe refusedProbe;
    private final ParsCodec codec;
    private final ParsTarget target;
    private final String providerName;
    private final Clock clock;
    private final WireAssumptions catalogue = WireAssumptions.catalogue();
    private final Findings findings;
    private final TestRecords records;
    private final List<String> housekeeping = new ArrayList<>();
    private ParsEndpoints endpoints;
    private boolean corrected;

    ConformancePlan(
            Probe probe,
            Probe refusedProbe,
            ParsCodec codec,
            ParsEndpoints endpoints,
            ParsTarget target,
            String providerName,
            Clock clock) {
        this.probe = probe;
        this.refusedProbe = refusedProbe;
        this.codec = codec;
        this.endpoints = endpoints;
        this.target = target;
        this.providerName = providerName;
        this.clock = clock;
        this.findings = new Findings(catalogue, endpoints.generation());
        this.records = new TestRecords(target.providerId(), clock);
    }

    private Generation generation() {
        return endpoints.generation();
    }

    ConformanceReport run() {
        credentials();
        Activity activity = createActivity();
        if (activity != null) {
            readActivity(activity);
            findActivity(activity);
            learners(activity);
            deleteActivity(activity);
        }
        return new ConformanceReport(
                target,
                clock.instant(),
                catalogue.version(),
                findings.all(),
                corrected ? endpoints : null,
                housekeeping);
    }

    private void confirm(String id, String note, Observation... seen) {
        findings.record(id, Verdict.CONFIRMED, note, seen);
    }

    private void refute(String id, String note, Observation... seen) {
        findings.record(id, Verdict.REFUTED, note, seen);
    }

    private void check(boolean holds, String id, String confirmed, String refuted, Observation... seen) {
        findings.record(id, holds ? Verdict.CONFIRMED : Verdict.REFUTED, holds ? confirmed : refuted, seen);
    }

    /** Adds {@code status} to the success statuses of {@code op}: PARS answered it for a success. */
    private void correctStatus(Operation op, int status) {
        ParsEndpoints.Endpoint e = endpoints.endpoint(op);
        java.util.Set<Integer> success = new java.util.TreeSet<>(e.successStatuses());
        success.add(status);
        endpoints = endpoints.toBuilder()
                .endpoint(op, ParsEndpoints.Endpoint.of(e.method(), e.pathTemplate(), e.parameterNames(), success))
                .build();
        corrected = true;
    }

    private Probe.Exchange call(Operation op, Map<Parameter, String> params, byte[] body) {
        return probe.call(endpoints, op, params, body);
    }

    /**
     * Sends a document to {@code op}; when PARS has nothing at the assumed path (404), tries the
     * catalogue's alternatives for it, and takes the first that answers as the corrected route.
     */
    private Probe.Exchange route(Operation op, byte[] body, String assumption) {
        Probe.Exchange first = call(op, Map.of(), body);
        if (first.status() != 404) {
            return first;
        }
        ParsEndpoints.Endpoint e = endpoints.endpoint(op);
        for (String alternative : catalogue.byId(assumption).orElseThrow().alternatives()) {
            if (alternative.equals(e.pathTemplate())) {
                continue;
            }
            ParsEndpoints tried = endpoints.toBuilder()
                    .endpoint(
                            op,
                            ParsEndpoints.Endpoint.of(e.method(), alternative, e.parameterNames(), e.successStatuses()))
                    .build();
            Probe.Exchange other = probe.call(tried, op, Map.of(), body);
            if (other.answered() && other.status() != 404) {
                refute(
                        assumption,
                        "PARS has nothing at " + e.pathTemplate() + " but answered at " + alternative
                                + "; the corrected endpoints use it",
                        first.observation(),
                        other.observation());
                endpoints = tried;
                corrected = true;
                return other;
            }
        }
        refute(
                assumption,
                "PARS has nothing at " + e.pathTemplate() + ", nor at any alternative tried",
                first.observation());
        return first;
    }

    // ---- checks -------------------------------------------------------------------------------

    private void credentials() {
        Probe.Exchange x = refusedProbe.call(
                endpoints, Operation.GET_ACTIVITY, Map.of(Parameter.ACTIVITY_ID, MISSING_ACTIVITY), null);
        check(
                x.status() == 401 || x.status() == 403,
                "CREDENTIAL-HEADERS",
                "a wrong password in the Password header was refused with " + x.status(),
                "a wrong password was answered " + x.status() + ", not 401 or 403",
                x.observation());
    }

    private Activity createActivity() {
        Activity wanted = records.activity();
        String pathCheck = generation() == Generation.WCF ? "WCF-ACTIVITY-SERVICE" : "REST-ACTIVITY-CREATE-201";
        Probe.Exchange x = generation() == Generation.WCF
                ? route(Operation.SAVE_ACTIVITY, codec.encodeActivity(wanted, ActivityAction.ADD), pathCheck)
                : call(Operation.SAVE_ACTIVITY, Map.of(), codec.encodeActivity(wanted, ActivityAction.ADD));
        if (!x.answered() || x.status() < 200 || x.status() > 299) {
            refute(pathCheck, "creating a test activity was answered " + x.status(), x.observation());
            return null;
        }
        Activity saved;
        try {
            saved = codec.decodeActivity(x.body());
        } catch (ParsCodecException e) {
            refute(pathCheck, "the answer to an activity save is not an activity document", x.observation());
            return null;
        }
        if (saved.accmeActivityId().isEmpty()) {
            refute(pathCheck, "the saved activity came back without an ACCME Activity ID", x.observation());
            return null;
        }
        housekeeping.add("created test activity " + saved.accmeActivityId().get());
        if (generation() == Generation.WCF) {
            confirm(
                    "WCF-ACTIVITY-SERVICE",
                    "an activity was saved at "
                            + endpoints.endpoint(Operation.SAVE_ACTIVITY).pathTemplate(),
                    x.observation());
            confirm("WCF-POST-DOCUMENTS", "SaveActivity accepted a POSTed document", x.observation());
        } else {
            check(
                    x.status() == 201,
                    "REST-ACTIVITY-CREATE-201",
                    "created with 201",
                    "created with " + x.status() + ", not 201",
                    x.observation());
            if (!endpoints.endpoint(Operation.SAVE_ACTIVITY).isSuccess(x.status())) {
                correctStatus(Operation.SAVE_ACTIVITY, x.status());
            }
        }
        return wanted.toBuilder().accmeActivityId(saved.accmeActivityId().get()).build();
    }

    private void readActivity(Activity activity) {
        String id = activity.accmeActivityId().orElseThrow();
        String check = generation() == Generation.WCF ? "WCF-GET-ACTIVITY-PARAMETER" : "REST-GET-ACTIVITY-PATH";
        Probe.Exchange x = call(Operation.GET_ACTIVITY, Map.of(Parameter.ACTIVITY_ID, id), null);
        boolean same = x.status() == 200
                && decodes(() -> codec.decodeActivity(x.body()))
                        .flatMap(Activity::accmeActivityId)
                        .filter(id::equals)
                        .isPresent();
        check(
                same,
                check,
                "read back by its ACCME Activity ID",
                "reading it back was answered " + x.status(),
                x.observation());
        Probe.Exchange miss = call(Operation.GET_ACTIVITY, Map.of(Parameter.ACTIVITY_ID, MISSING_ACTIVITY), null);
        check(
                miss.status() == 404,
                "NOT-FOUND-404",
                "an activity PARS does not hold was answered 404",
                "an activity PARS does not hold was answered " + miss.status(),
                miss.observation());
    }

    private void findActivity(Activity activity) {
        Map<Parameter, String> keys = new EnumMap<>(Parameter.class);
        keys.put(Parameter.PROVIDER_ACTIVITY_ID, activity.providerActivityId());
        keys.put(Parameter.ACTIVITY_START_DATE, activity.startDate().toString());
        keys.put(Parameter.ACTIVITY_TYPE_NAME, codec.activityTypeName(activity.type()));
        Probe.Exchange x = call(Operation.FIND_ACTIVITIES, keys, null);
        boolean found = x.status() == 200
                && decodes(() -> codec.decodeActivities(x.body()))
                        .map(all -> all.stream()
                                .anyMatch(a -> a.providerActivityId().equals(activity.providerActivityId())))
                        .orElse(false);
        check(
                found,
                "FIND-ACTIVITY-PARAMETERS",
                "found by its own keys",
                "the search by its own keys was answered " + x.status() + (x.status() == 200 ? " without it" : ""),
                x.observation());
    }

    private byte[] document(List<LearnerCompletion> completions, LearnerRecordAction action) {
        return codec.encodeLearnerReports(
                completions, action, new ReportHeader(providerName, LocalDateTime.now(clock)));
    }

    private void learners(Activity activity) {
        LearnerCompletion first = records.completion(activity, records.key("a"));
        String creditId = CreditIds.cme(first);
        String pathCheck = generation() == Generation.WCF ? "WCF-LEARNER-SERVICE" : "REST-LEARNER-ACTIVITIES";
        Probe.Exchange saved =
                route(Operation.SAVE_LEARNER_ACTIVITY, document(List.of(first), LearnerRecordAction.ADD), pathCheck);
        boolean stored = savedWhole(saved, 1);
        if (!stored) {
            return;
        }
        housekeeping.add("submitted test learner record " + creditId);
        confirm(
                pathCheck,
                "learner reports were saved at "
                        + endpoints.endpoint(Operation.SAVE_LEARNER_ACTIVITY).pathTemplate(),
                saved.observation());
        String type = saved.observation().contentType();
        if (generation() == Generation.WCF) {
            check(type.contains("xml"), "WCF-XML", "answered in XML", "answered in " + type, saved.observation());
        } else {
            check(type.contains("json"), "REST-JSON", "answered in JSON", "answered in " + type, saved.observation());
        }
        for (String id : List.of(
                "CREDIT-ID-URN", "BIRTH-DATE-ENCODING", "COMPLETION-DATE-ENCODING", "UNIQUE-ID-UNDER-CERTIFICATE")) {
            confirm(id, "PARS accepted a learner report written so", saved.observation());
        }
        statusOf(creditId, true);
        duplicate(first);
        byLearner(first, creditId);
        mixed(activity);
        if (generation() == Generation.WCF) {
            match(first.learner());
        } else {
            readByLearner(creditId);
        }
        transcript();
        delete(first, creditId);
    }

    /** Whether a save of {@code n} reports was answered as saved whole; records the save assumptions. */
    private boolean savedWhole(Probe.Exchange x, int n) {
        if (generation() == Generation.WCF) {
            check(
                    x.answered() && x.status() >= 200 && x.status() <= 299,
                    "WCF-SUCCESS-ANY-2XX",
                    "a save was answered " + x.status(),
                    "a save was answered " + x.status(),
                    x.observation());
            List<RecordVerdict> verdicts = x.status() / 100 == 2
                    ? decodes(() -> codec.decodeSaveResult(x.body())).orElse(List.of())
                    : List.of();
            boolean all = verdicts.size() == n && verdicts.stream().allMatch(RecordVerdict::accepted);
            check(
                    all,
                    "WCF-SAVE-VERDICTS",
                    "one verdict per report",
                    "expected " + n + " accepted verdicts, got " + verdicts.size()
                            + verdicts.stream()
                                    .filter(v -> !v.accepted())
                                    .map(v -> " (refused: " + v.code().orElse("no code") + ")")
                                    .findFirst()
                                    .orElse(""),
                    x.observation());
            if (all) {
                confirm("WCF-POST-DOCUMENTS", "SaveLearnerActivity accepted a POSTed document", x.observation());
            }
            return all;
        }
        boolean echoed = x.status() == 201
                && decodes(() -> codec.decodeSaveResult(x.body()))
                        .map(v -> v.size() == n)
                        .orElse(false);
        check(
                echoed,
                "REST-SAVE-201-ECHO",
                "answered 201 with the saved document",
                "answered " + x.status() + (x.status() == 201 ? " without the saved document" : ""),
                x.observation());
        if (x.status() / 100 == 2
                && !endpoints.endpoint(Operation.SAVE_LEARNER_ACTIVITY).isSuccess(x.status())) {
            correctStatus(Operation.SAVE_LEARNER_ACTIVITY, x.status());
        }
        return x.status() / 100 == 2;
    }

    private Optional<CreditStatus> statusOf(String creditId, boolean expectHeld) {
        Probe.Exchange x = call(Operation.GET_LEARNER_STATUS, Map.of(Parameter.CREDIT_ID, creditId), null);
        if (!expectHeld) {
            check(
                    x.status() == 404,
                    "DELETED-NOT-HELD",
                    "a deleted record's CreditID was answered 404",
                    "a deleted record's CreditID was answered " + x.status(),
                    x.observation());
            if (x.status() == 404) {
                confirm("NOT-FOUND-404", "a CreditID PARS does not hold was answered 404", x.observation());
            }
            return Optional.empty();
        }
        Optional<CreditStatus> held = x.status() == 200
                ? decodes(() -> codec.decodeStatuses(x.body()))
                        .flatMap(l -> l.stream()
                                .filter(s -> s.creditId().equals(creditId))
                                .findFirst())
                : Optional.empty();
        check(
                held.isPresent(),
                "STATUS-BY-CREDIT-ID",
                "found by its CreditID",
                "its CreditID was answered " + x.status(),
                x.observation());
        held.ifPresent(s -> check(
                s.state() != CreditStatus.State.UNKNOWN,
                "STATUS-STRINGS",
                "its status reads " + s.state(),
                "its status '" + s.rawStatus() + "' is not one the SDK knows",
                x.observation()));
        return held;
    }

    private void duplicate(LearnerCompletion first) {
        Probe.Exchange x =
                call(Operation.SAVE_LEARNER_ACTIVITY, Map.of(), document(List.of(first), LearnerRecordAction.ADD));
        boolean refusedAsDuplicate;
        if (generation() == Generation.WCF && x.status() / 100 == 2) {
            refusedAsDuplicate = decodes(() -> codec.decodeSaveResult(x.body()))
                    .map(v -> v.size() == 1 && !v.get(0).accepted() && v.get(0).refusedAsDuplicate())
                    .orElse(false);
        } else {
            ParsFault fault = codec.decodeFault(x.body());
            refusedAsDuplicate = x.status() >= 400 && x.status() < 500 && fault.refusedAsDuplicate();
        }
        check(
                refusedAsDuplicate,
                "DUPLICATE-REFUSED",
                "the same report again was refused as a duplicate",
                "the same report again was answered " + x.status() + " without a duplicate refusal",
                x.observation());
    }

    private void byLearner(LearnerCompletion c, String creditId) {
        Map<Parameter, String> p = new EnumMap<>(Parameter.class);
        p.put(Parameter.MODULE_ID, c.activity().accmeActivityId().orElseThrow());
        p.put(Parameter.BIRTH_DATE, "01-01");
        p.put(Parameter.COMPLETION_DATE, c.completionDate().toString());
        p.put(Parameter.UNIQUE_ID, TEST_NPI);
        Probe.Exchange x = call(Operation.GET_LEARNER_STATUS_BY_LEARNER, p, null);
        boolean found = x.status() == 200
                && decodes(() -> codec.decodeStatuses(x.body()))
                        .map(l -> l.stream().anyMatch(s -> s.creditId().equals(creditId)))
                        .orElse(false);
        check(
                found,
                "STATUS-BY-LEARNER",
                "found by activity, birth day, date and NPI",
                "the lookup by learner was answered " + x.status(),
                x.observation());
    }

    /** A document with one good report and one PARS must refuse (an activity it does not hold). */
    private void mixed(Activity activity) {
        // Another day than the first report's: PARS holds one record per learner, activity and day.
        LearnerCompletion good = records.completion(activity, records.key("b")).toBuilder()
                .completionDate(LocalDate.now(clock).minusDays(2))
                .build();
        LearnerCompletion bad = records.completion(
                activity.toBuilder().accmeActivityId(MISSING_ACTIVITY).build(), records.key("c"));
        Probe.Exchange x =
                call(Operation.SAVE_LEARNER_ACTIVITY, Map.of(), document(List.of(good, bad), LearnerRecordAction.ADD));
        Optional<List<RecordVerdict>> verdicts = decodes(() -> codec.decodeSaveResult(x.body()));
        if (generation() == Generation.WCF) {
            boolean perRecord = x.status() / 100 == 2
                    && verdicts.map(v -> v.size() == 2
                                    && v.get(0).accepted()
                                    && !v.get(1).accepted())
                            .orElse(false);
            check(
                    perRecord,
                    "WCF-SAVE-VERDICTS",
                    "a mixed document got one verdict per report",
                    "a mixed document was answered " + x.status() + " without a verdict per report",
                    x.observation());
        } else {
            boolean perRecordBody =
                    x.status() == 400 && verdicts.map(v -> !v.isEmpty()).orElse(false);
            boolean goodHeld = statusOfQuietly(CreditIds.cme(good));
            check(
                    x.status() == 400 && !perRecordBody && !goodHeld,
                    "REST-400-WHOLE-DOCUMENT",
                    "a mixed document was refused whole with 400 and one fault; its good report was not saved",
                    x.status() != 400
                            ? "a mixed document was answered " + x.status()
                            : perRecordBody
                                    ? "the 400 carries per-record errors, not one fault for the document"
                                    : "the good report of the refused document was saved",
                    x.observation());
        }
        if (statusOfQuietly(CreditIds.cme(good))) {
            Probe.Exchange undo = call(
                    Operation.SAVE_LEARNER_ACTIVITY, Map.of(), document(List.of(good), LearnerRecordAction.DELETE));
            housekeeping.add("deleted test learner record " + CreditIds.cme(good) + " (HTTP " + undo.status() + ")");
        }
    }

    private boolean statusOfQuietly(String creditId) {
        Probe.Exchange x = call(Operation.GET_LEARNER_STATUS, Map.of(Parameter.CREDIT_ID, creditId), null);
        return x.status() == 200;
    }

    private void match(Learner learner) {
        Probe.Exchange x =
                call(Operation.GET_LEARNER_MATCH, Map.of(), codec.encodeMatchRequest(learner, target.providerId()));
        boolean answered = x.status() == 200
                && decodes(() -> codec.decodeMatchResult(x.body()))
                        .map(r -> r.outcome() != MatchResult.Outcome.ERROR)
                        .orElse(false);
        check(
                answered,
                "WCF-LEARNER-MATCH",
                "a match request was answered with a match outcome",
                "a match request was answered " + x.status(),
                x.observation());
    }

    private void readByLearner(String creditId) {
        Probe.Exchange x = call(Operation.GET_LEARNER_ACTIVITY, Map.of(Parameter.LEARNER_ID, TEST_NPI), null);
        boolean found = x.status() == 200
                && decodes(() -> codec.decodeLearnerRecords(x.body()))
                        .map(l -> l.stream().anyMatch(s -> s.creditId().equals(creditId)))
                        .orElse(false);
        check(
                found,
                "REST-LEARNER-ID",
                "the learner's records were read by NPI",
                "reading by NPI was answered " + x.status(),
                x.observation());
    }

    private void transcript() {
        Probe.Exchange x = call(Operation.GET_LEARNER_TRANSCRIPT, Map.of(Parameter.NPI, TEST_NPI), null);
        if (x.status() == 401 || x.status() == 403) {
            return; // transcripts are for regulators: not this account's to read, so not tested
        }
        boolean json = x.status() == 200
                && x.observation().contentType().contains("json")
                && decodes(() -> codec.decodeTranscripts(x.body())).isPresent();
        check(
                json,
                "TRANSCRIPTS-JSON",
                "a transcript came back as JSON",
                "a transcript read was answered " + x.status() + " "
                        + x.observation().contentType(),
                x.observation());
    }

    private void delete(LearnerCompletion first, String creditId) {
        if (generation() == Generation.WCF) {
            Probe.Exchange x = call(
                    Operation.SAVE_LEARNER_ACTIVITY, Map.of(), document(List.of(first), LearnerRecordAction.DELETE));
            boolean deleted = x.status() / 100 == 2
                    && decodes(() -> codec.decodeSaveResult(x.body()))
                            .map(v -> v.size() == 1 && v.get(0).accepted())
                            .orElse(false);
            check(
                    deleted,
                    "WCF-DELETE-BY-ACTION",
                    "deleted by a save with the delete action",
                    "a save with the delete action was answered " + x.status(),
                    x.observation());
            housekeeping.add("deleted test learner record " + creditId + " (HTTP " + x.status() + ")");
        } else {
            Probe.Exchange x = call(Operation.DELETE_LEARNER_ACTIVITY, Map.of(Parameter.LEARNER_ID, TEST_NPI), null);
            check(
                    x.status() == 204,
                    "REST-DELETE-204",
                    "deleted with 204",
                    "a delete was answered " + x.status(),
                    x.observation());
            if (x.status() / 100 == 2
                    && !endpoints.endpoint(Operation.DELETE_LEARNER_ACTIVITY).isSuccess(x.status())) {
                correctStatus(Operation.DELETE_LEARNER_ACTIVITY, x.status());
            }
            if (x.status() / 100 == 2) {
                confirm("REST-LEARNER-ID", "the learner's records were deleted by NPI", x.observation());
            }
            housekeeping.add("deleted the test learner's records (HTTP " + x.status() + ")");
        }
        statusOf(creditId, false);
    }

    private void deleteActivity(Activity activity) {
        Probe.Exchange x =
                call(Operation.SAVE_ACTIVITY, Map.of(), codec.encodeActivity(activity, ActivityAction.DELETE));
        housekeeping.add(
                x.status() / 100 == 2
                        ? "deleted test activity " + activity.accmeActivityId().orElseThrow() + " (HTTP " + x.status()
                                + ")"
                        : "could not delete test activity "
                                + activity.accmeActivityId().orElseThrow() + " (HTTP " + x.status()
                                + "): delete it in PARS by hand");
    }

    /** The value {@code decode} reads, or empty when the body is not what it reads. */
    private static <T> Optional<T> decodes(java.util.function.Supplier<T> decode) {
        try {
            return Optional.ofNullable(decode.get());
        } catch (ParsCodecException | IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
