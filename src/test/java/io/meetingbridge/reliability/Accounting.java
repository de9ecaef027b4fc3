package io.meetingbridge.reliability;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What became of every published change, from the {@link Ledger}: applied (a complete set of
 * occurrences on the output), dead-lettered, both, or neither (lost).
 */
final class Accounting {

    /** The sample weekly series has eight occurrences. */
    static final int OCCURRENCES_PER_CHANGE = 8;
    /** The reasons the API's answers (not the input) give for dead-lettering. */
    private static final Set<String> API_FAILURES = Set.of("rejected", "retries-exhausted");

    private final int published;
    private final long occurrenceRecords;
    private int applied;
    private int deadLettered;
    private final Map<String, Integer> deadLetteredByReason = new TreeMap<>();
    private final List<String> lost = new ArrayList<>();
    private final List<String> unexpected = new ArrayList<>();
    private final Set<String> excused = new HashSet<>();
    private int processedTwice;

    private Accounting(int published, long occurrenceRecords) {
        this.published = published;
        this.occurrenceRecords = occurrenceRecords;
    }

    /**
     * @param apiFaultsInjected whether random API faults may have dead-lettered valid changes (a soak),
     *                          rather than only the run's refused conference
     */
    static Accounting of(List<PublishedChange> published, Ledger ledger, boolean apiFaultsInjected) {
        Accounting accounting = new Accounting(published.size(), ledger.occurrenceRecords());
        published.forEach(change -> accounting.account(change, ledger, apiFaultsInjected));
        return accounting;
    }

    private void account(PublishedChange change, Ledger ledger, boolean apiFaultsInjected) {
        List<Application> applications = ledger.applicationsOf(change.changeId());
        List<String> reasons = ledger.deadLetterReasonsOf(change.changeId());
        boolean complete = applications.stream().anyMatch(a -> a.isComplete(OCCURRENCES_PER_CHANGE));
        if (complete) {
            applied++;
        }
        if (!reasons.isEmpty()) {
            deadLettered++;
            reasons.stream().distinct().forEach(reason -> deadLetteredByReason.merge(reason, 1, Integer::sum));
        }
        if (applications.size() + reasons.size() > 1) {
            processedTwice++;
        }
        if (change.kind() == ChangeKind.VALID && !complete && !reasons.isEmpty()
                && expected(change.kind(), false, reasons, apiFaultsInjected)) {
            excused.add(change.changeId()); // an injected fault's doing: its series goes on without it
        }
        if (!complete && reasons.isEmpty()) {
            lost.add(change.changeId() + " (" + change.kind() + ", conference " + change.conferenceId() + ", "
                    + applications.size() + " incomplete applications)");
        } else if (!expected(change.kind(), complete, reasons, apiFaultsInjected)) {
            unexpected.add(change.changeId() + " (" + change.kind() + "): applied " + complete + ", dead-lettered "
                    + reasons);
        }
    }

    private static boolean expected(ChangeKind kind, boolean complete, List<String> reasons,
                                    boolean apiFaultsInjected) {
        return switch (kind) {
            case INVALID -> !complete && reasons.stream().allMatch("invalid-message"::equals);
            case REFUSED -> !complete && reasons.stream().allMatch(API_FAILURES::contains);
            case VALID -> reasons.isEmpty() || apiFaultsInjected && reasons.stream().allMatch(API_FAILURES::contains);
        };
    }

    int applied() {
        return applied;
    }

    /** Changes applied or dead-lettered more than once. */
    int processedTwice() {
        return processedTwice;
    }

    int deadLettered(String reason) {
        return deadLetteredByReason.getOrDefault(reason, 0);
    }

    /** Valid changes that an injected API fault dead-lettered instead: they need not be applied. */
    Set<String> excusedFromApplying() {
        return excused;
    }

    /** Changes with neither a complete set of occurrences nor a dead-letter record. */
    List<String> lost() {
        return lost;
    }

    /** Changes whose fate does not match what they were made to provoke (a valid change dead-lettered, say). */
    List<String> unexpected() {
        return unexpected;
    }

    String table() {
        StringBuilder table = new StringBuilder();
        row(table, "published", published);
        row(table, "applied (all occurrences out)", applied);
        row(table, "occurrence records", occurrenceRecords);
        row(table, "dead-lettered", deadLettered);
        deadLetteredByReason.forEach((reason, count) -> row(table, "  " + reason, count));
        row(table, "lost", lost.size());
        // applied or dead-lettered more than once, a first attempt cut short by a crash included
        row(table, "processed twice", processedTwice);
        row(table, "unexpected outcome", unexpected.size());
        return table.toString();
    }

    private static void row(StringBuilder table, String label, long value) {
        table.append(String.format("%-32s %10d%n", label, value));
    }
}
