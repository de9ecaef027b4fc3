package io.meetingbridge.deadletter;

/** What one replay run found and did. */
public record ReplayReport(boolean dryRun, long scanned, long matched, long replayed, long replayedTooOften) {

    @Override
    public String toString() {
        return (dryRun ? "dry run: " : "") + "scanned " + scanned + " dead-letter records, " + matched + " matched, "
                + (dryRun ? "would replay " : "replayed ") + replayed + ", left " + replayedTooOften
                + " that were already replayed the maximum number of times";
    }
}
