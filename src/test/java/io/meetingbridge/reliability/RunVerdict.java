package io.meetingbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The verdict on a run of {@link ChangeMix} changes once it has drained, from both sides of the bridge: what
 * became of every published change ({@link Accounting}), each conference's order on the output topic, and on the
 * Meeting API ({@link ApiOrder}). Every reliability run and the soak judge by it.
 */
final class RunVerdict {

    private final Accounting accounting;
    private final List<String> outputOrder;
    private final List<String> apiSide;

    private RunVerdict(Accounting accounting, List<String> outputOrder, List<String> apiSide) {
        this.accounting = accounting;
        this.outputOrder = outputOrder;
        this.apiSide = apiSide;
    }

    /** Reads the run's outputs, series ledger and API and judges them. */
    static RunVerdict of(BridgeRig rig, List<PublishedChange> published, boolean apiFaultsInjected) {
        List<String> conferences = published.stream().filter(c -> c.kind() == ChangeKind.VALID)
                .map(PublishedChange::conferenceId).distinct().toList();
        return of(published, rig.ledger(), SeriesLedgerView.read(rig), ApiView.of(rig.api, conferences),
                apiFaultsInjected);
    }

    /**
     * @param apiFaultsInjected whether random API faults may have dead-lettered valid changes (a soak): such a
     *                          change need not be applied, and its series goes on without it
     */
    static RunVerdict of(List<PublishedChange> published, Ledger ledger, SeriesLedgerView seriesLedger, ApiView api,
                         boolean apiFaultsInjected) {
        Accounting accounting = Accounting.of(published, ledger, apiFaultsInjected);
        List<SeriesPlan> plans = plans(published, seriesLedger, accounting);
        Map<String, List<Application>> applications = ledger.applicationsByConference();
        List<String> outputOrder = new ArrayList<>();
        for (SeriesPlan plan : plans) {
            List<SeriesOrder.Applied> applied = applications.getOrDefault(plan.conferenceID(), List.of()).stream()
                    .map(a -> new SeriesOrder.Applied(plan.stepOf(a.changeId()), a.firstTimestamp())).toList();
            SeriesOrder.check("output, conference " + plan.conferenceID(), applied, plan.mustApply(),
                    plan.acknowledged(), outputOrder);
        }
        List<String> apiSide = ApiOrder.violations(api, plans,
                (plan, write) -> plan.known(ChangeMix.seqOf(write.subject())));
        return new RunVerdict(accounting, outputOrder, apiSide);
    }

    /** One plan per conference that valid changes were published to, each change's step its seq. */
    private static List<SeriesPlan> plans(List<PublishedChange> published, SeriesLedgerView seriesLedger,
                                          Accounting accounting) {
        Map<String, SeriesPlan> byConference = new TreeMap<>();
        for (PublishedChange change : published) {
            if (change.kind() != ChangeKind.VALID) {
                continue;
            }
            SeriesPlan plan = byConference.computeIfAbsent(change.conferenceId(), conference -> new SeriesPlan(
                    "conference " + conference, conference, new TreeMap<>(), new TreeSet<>(), new TreeMap<>()));
            plan.stepsByChangeId().put(change.changeId(), change.seq());
            if (!accounting.excusedFromApplying().contains(change.changeId())) {
                plan.mustApply().add(change.seq());
            }
            seriesLedger.acknowledgedAt(change.changeId()).ifPresent(at -> plan.acknowledged().put(change.seq(), at));
        }
        return List.copyOf(byConference.values());
    }

    Accounting accounting() {
        return accounting;
    }

    /** What fails the run, by kind; empty when it passed. */
    Map<String, List<String>> failures() {
        Map<String, List<String>> failures = new LinkedHashMap<>();
        put(failures, "LOST", accounting.lost());
        put(failures, "UNEXPECTED OUTCOME", accounting.unexpected());
        put(failures, "OUT OF ORDER ON THE OUTPUT", outputOrder);
        put(failures, "API SIDE", apiSide);
        return failures;
    }

    private static void put(Map<String, List<String>> failures, String kind, List<String> cases) {
        if (!cases.isEmpty()) {
            failures.put(kind, cases);
        }
    }

    /** Nothing lost, nothing unexpected, order kept on the output and at the API. */
    void assertPassed(String run) {
        assertThat(failures()).as(run + ": what failed (" + accounting.table().strip() + ")").isEmpty();
    }
}
