package io.meetingbridge.reliability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks per-series order on the output, allowing what at-least-once with batch re-polls allows.
 *
 * <p>Per conference, take the sequence of its applications in output order, each named by its change's
 * place among the conference's changes (0, 1, ...). A bridge that keeps order and commits a batch only
 * once it is done writes runs of consecutive changes; a crash, a failed batch or a rebalance starts a
 * new run at the first change after the last commit. So, per conference:
 * <ol>
 * <li>no change is applied before every earlier change has been (each application is at most one
 *     past the one before it: the first is change 0, and a run never skips);</li>
 * <li>a new run never starts before the previous one did (committed offsets only move forward);</li>
 * <li>the last application is of the last change, so the series ends in its latest state.</li>
 * </ol>
 */
final class SeriesOrder {

    private SeriesOrder() {
    }

    /** Readable violations of the three rules, over the conferences that received valid changes only. */
    static List<String> violations(List<PublishedChange> published, Ledger ledger) {
        Map<String, Integer> seqByChange = new HashMap<>();
        Map<String, Integer> changesByConference = new HashMap<>();
        for (PublishedChange change : published) {
            if (change.kind() == ChangeKind.VALID) {
                seqByChange.put(change.changeId(), change.seq());
                changesByConference.merge(change.conferenceId(), 1, Integer::sum);
            }
        }
        List<String> violations = new ArrayList<>();
        ledger.applicationsByConference().forEach((conference, applications) -> {
            if (changesByConference.containsKey(conference)) {
                List<Integer> seqs = applications.stream().map(a -> seqByChange.get(a.changeId())).toList();
                check(conference, seqs, changesByConference.get(conference), violations);
            }
        });
        return violations;
    }

    /**
     * Adds to {@code violations} what breaks the three rules in one conference's applications, each named by
     * its change's place among the conference's {@code changes} changes (0, 1, ...), in output order.
     */
    static void check(String conference, List<Integer> seqs, int changes, List<String> violations) {
        int previous = -1;
        int runStart = 0;
        for (int i = 0; i < seqs.size(); i++) {
            int seq = seqs.get(i);
            if (seq > previous + 1) {
                violations.add(conference + ": change " + seq + " applied before change " + (previous + 1)
                        + around(seqs, i));
                return;
            }
            if (seq <= previous) {
                if (seq < runStart) {
                    violations.add(conference + ": a re-run started at change " + seq
                            + ", before the previous re-run's " + runStart + around(seqs, i));
                    return;
                }
                runStart = seq;
            }
            previous = seq;
        }
        if (previous != changes - 1) {
            violations.add(conference + ": the last application is of change " + previous + " of 0.." + (changes - 1)
                    + around(seqs, seqs.size() - 1));
        }
    }

    /** The applications around position i, enough to see what went wrong. */
    private static String around(List<Integer> seqs, int i) {
        return " (applications ..., " + seqs.subList(Math.max(0, i - 8), Math.min(seqs.size(), i + 4)) + ", ...)";
    }
}
