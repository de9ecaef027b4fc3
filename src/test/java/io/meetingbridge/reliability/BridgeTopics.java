package io.meetingbridge.reliability;

import java.util.UUID;

/** The topics of one bridge (its series ledger's too), and its consumer group, named uniquely for a run. */
record BridgeTopics(String changes, String occurrences, String deadLetter, String group) {

    String series() {
        return "series-of-" + changes;
    }

    static BridgeTopics unique() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return new BridgeTopics("changes-" + suffix, "occurrences-" + suffix, "dlq-" + suffix, "bridge-" + suffix);
    }
}
