package io.meetingbridge;

import io.meetingbridge.deadletter.DeadLetterReplay;
import io.meetingbridge.deadletter.ReplaySelection;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.camel.main.Main;

/**
 * Replays dead-letter records from the command line, with the bridge's own settings (application.properties,
 * environment, -D, Kafka security included):
 * {@code java -cp meeting-series-bridge.jar io.meetingbridge.ReplayCommand [--reason R] [--status S]
 * [--from ISO-8601] [--to ISO-8601] [--dry-run]}.
 */
public final class ReplayCommand {

    private static final String USAGE = "usage: ReplayCommand [--reason invalid-message|rejected|retries-exhausted|superseded|needs-review]"
            + " [--status 500] [--from 2026-11-25T00:00:00Z] [--to 2026-11-26T00:00:00Z] [--dry-run]";

    private ReplayCommand() {
    }

    public static void main(String[] args) throws Exception {
        String reason = null;
        String status = null;
        Instant from = null;
        Instant to = null;
        boolean dryRun = false;
        Deque<String> rest = new ArrayDeque<>(List.of(args));
        while (!rest.isEmpty()) {
            String option = rest.pop();
            switch (option) {
                case "--reason" -> reason = value(rest, option);
                case "--status" -> status = value(rest, option);
                case "--from" -> from = Instant.parse(value(rest, option));
                case "--to" -> to = Instant.parse(value(rest, option));
                case "--dry-run" -> dryRun = true;
                default -> fail("unknown option " + option);
            }
        }

        Main main = CommandLineBridge.start();
        try {
            ReplaySelection selection = new ReplaySelection(reason, status, from, to);
            System.out.println("Replaying dead-letter records with " + selection);
            System.out.println(DeadLetterReplay.of(main.getCamelContext()).replay(selection, dryRun));
        } finally {
            main.stop();
        }
    }

    private static String value(Deque<String> rest, String option) {
        if (rest.isEmpty()) {
            fail(option + " needs a value");
        }
        return rest.pop();
    }

    private static void fail(String problem) {
        System.err.println(problem);
        System.err.println(USAGE);
        System.exit(2);
    }
}
