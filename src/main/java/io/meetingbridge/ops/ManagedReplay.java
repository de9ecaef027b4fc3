package io.meetingbridge.ops;

import io.meetingbridge.deadletter.DeadLetterReplay;
import io.meetingbridge.deadletter.ReplaySelection;
import java.time.Instant;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;

/** JMX operations to replay dead-letter records onto the input topic. Empty arguments match everything. */
@ManagedResource(description = "meeting-series-bridge dead-letter replay")
public final class ManagedReplay {

    private final DeadLetterReplay replay;

    public ManagedReplay(DeadLetterReplay replay) {
        this.replay = replay;
    }

    @ManagedOperation(description = "Count what a replay would put back (reason, HTTP status, failed from, failed to)")
    public String dryRun(String reason, String httpStatus, String from, String to) throws Exception {
        return replay.replay(selection(reason, httpStatus, from, to), true).toString();
    }

    @ManagedOperation(description = "Replay matching records (reason, HTTP status, failed from, failed to; ISO-8601)")
    public String replay(String reason, String httpStatus, String from, String to) throws Exception {
        return replay.replay(selection(reason, httpStatus, from, to), false).toString();
    }

    private static ReplaySelection selection(String reason, String httpStatus, String from, String to) {
        return new ReplaySelection(blankToNull(reason), blankToNull(httpStatus),
                blankToNull(from) == null ? null : Instant.parse(from.trim()),
                blankToNull(to) == null ? null : Instant.parse(to.trim()));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
