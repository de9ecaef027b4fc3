package io.meetingbridge.simulator;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Overlap of calls: all calls, all modifying meeting calls together, and all calls per conferenceID. A call is
 * open from its receipt until its answer is ready to leave.
 */
final class CallConcurrency {

    private final ConcurrencyGauge all = new ConcurrencyGauge();
    private final ConcurrencyGauge modifying = new ConcurrencyGauge();
    private final Map<String, ConcurrencyGauge> byConference = new ConcurrentHashMap<>();

    /** @param conferenceID null when the call names none */
    OpenCall open(String conferenceID, boolean modifies) {
        ConcurrencyGauge conference = conferenceID == null
                ? null
                : byConference.computeIfAbsent(conferenceID, id -> new ConcurrencyGauge());
        all.enter();
        if (modifies) {
            modifying.enter();
        }
        if (conference != null) {
            conference.enter();
        }
        return new OpenCall(() -> {
            all.exit();
            if (modifies) {
                modifying.exit();
            }
            if (conference != null) {
                conference.exit();
            }
        });
    }

    int maxModifying() {
        return modifying.max();
    }

    int open() {
        return all.open();
    }

    int maxFor(String conferenceID) {
        ConcurrencyGauge gauge = byConference.get(conferenceID);
        return gauge == null ? 0 : gauge.max();
    }

    Set<String> overlappedConferences() {
        Set<String> overlapped = new TreeSet<>();
        byConference.forEach((conferenceID, gauge) -> {
            if (gauge.max() > 1) {
                overlapped.add(conferenceID);
            }
        });
        return overlapped;
    }
}
