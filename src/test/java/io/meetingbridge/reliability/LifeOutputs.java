package io.meetingbridge.reliability;

import io.meetingbridge.simulator.SeriesWrite;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the bridge wrote for changes of series' lives, read back from the occurrences, dead-letter and series
 * ledger topics, and the checks every crash and rebalance test of series' lives makes on it and on the API.
 */
final class LifeOutputs {

    private final Ledger ledger;
    private final SeriesLedgerView seriesLedger;

    private LifeOutputs(Ledger ledger, SeriesLedgerView seriesLedger) {
        this.ledger = ledger;
        this.seriesLedger = seriesLedger;
    }

    static LifeOutputs read(BridgeRig rig) {
        return of(rig.ledger(), SeriesLedgerView.read(rig));
    }

    static LifeOutputs of(Ledger ledger, SeriesLedgerView seriesLedger) {
        return new LifeOutputs(ledger, seriesLedger);
    }

    List<Ledger.DeadLetter> deadLetters() {
        return ledger.deadLetters();
    }

    List<Application> applicationsOf(String changeId) {
        return ledger.applicationsOf(changeId);
    }

    /** The conferenceIDs the outputs of this series' changes name. */
    Set<String> conferencesOf(String seriesKey) {
        return ledger.applicationsByConference().values().stream().flatMap(List::stream)
                .filter(a -> seriesKey.equals(a.seriesKey())).map(Application::conferenceId)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The changes with neither a complete application (as {@link LifeChange} expects it) nor a dead letter. */
    List<String> lost(List<LifeChange> changes) {
        Set<String> deadLettered = deadLetters().stream().map(Ledger.DeadLetter::changeId).collect(Collectors.toSet());
        List<String> lost = new ArrayList<>();
        for (LifeChange change : changes) {
            List<Application> applications = applicationsOf(change.changeId());
            if (applications.stream().noneMatch(a -> a.isComplete(change)) && !deadLettered.contains(change.changeId())) {
                lost.add(change.changeId() + ": applications " + applications);
            }
        }
        return lost;
    }

    /**
     * Every conference's outputs are of one of these series and on one partition, and per series its
     * applications on the occurrences topic keep {@link SeriesOrder}'s rules, each named by its change's step.
     */
    List<String> orderViolations(List<LifeChange> changes) {
        Set<String> seriesKeys = changes.stream().map(LifeChange::seriesKey).collect(Collectors.toSet());
        Map<String, List<Application>> byConference = ledger.applicationsByConference();
        List<String> violations = new ArrayList<>();
        byConference.forEach((conference, applications) -> {
            Set<String> keys = applications.stream().map(a -> String.valueOf(a.seriesKey()))
                    .collect(Collectors.toCollection(TreeSet::new));
            if (keys.size() != 1 || !seriesKeys.containsAll(keys)) {
                violations.add(conference + ": outputs of series " + keys);
            } else if (applications.stream().map(Application::partition).distinct().count() != 1) {
                violations.add(conference + ": outputs on more than one partition");
            }
        });
        for (SeriesPlan plan : plans(changes)) {
            List<SeriesOrder.Applied> applied = byConference.getOrDefault(plan.conferenceID(), List.of()).stream()
                    .map(a -> new SeriesOrder.Applied(plan.stepOf(a.changeId()), a.firstTimestamp())).toList();
            SeriesOrder.check("output, " + plan.name() + " (conference " + plan.conferenceID() + ")", applied,
                    plan.mustApply(), plan.acknowledged(), violations);
        }
        return violations;
    }

    /** {@link ApiOrder}'s checks on every series of these lives, each API write named by the change it applied. */
    List<String> apiViolations(ApiView api, List<LifeChange> changes) {
        Map<String, List<LifeChange>> bySeries = changes.stream()
                .collect(Collectors.groupingBy(LifeChange::seriesKey, TreeMap::new, Collectors.toList()));
        return ApiOrder.violations(api, plans(changes), (plan, write) -> stepOf(bySeries.get(plan.name()), write));
    }

    /** Every conference the outputs of these lives name: what to take an {@link ApiView} of. */
    Set<String> conferences(List<LifeChange> changes) {
        return plans(changes).stream().map(SeriesPlan::conferenceID).filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static int stepOf(List<LifeChange> life, SeriesWrite write) {
        return life.stream().filter(change -> change.isWrittenBy(write)).mapToInt(LifeChange::step).findFirst()
                .orElse(SeriesOrder.UNKNOWN);
    }

    /** One plan per series: every change must end applied, on the one conference its outputs name. */
    private List<SeriesPlan> plans(List<LifeChange> changes) {
        Map<String, SeriesPlan> bySeries = new TreeMap<>();
        for (LifeChange change : changes) {
            SeriesPlan plan = bySeries.computeIfAbsent(change.seriesKey(), key -> new SeriesPlan(key,
                    conferencesOf(key).stream().findFirst().orElse(null), new TreeMap<>(), new TreeSet<>(),
                    new TreeMap<>()));
            plan.stepsByChangeId().put(change.changeId(), change.step());
            plan.mustApply().add(change.step());
            seriesLedger.acknowledgedAt(change.changeId()).ifPresent(at -> plan.acknowledged().put(change.step(), at));
        }
        return List.copyOf(bySeries.values());
    }
}
