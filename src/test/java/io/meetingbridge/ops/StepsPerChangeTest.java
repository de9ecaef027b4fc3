package io.meetingbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.testing.BridgeFixture;
import io.meetingbridge.testing.SampleChanges;
import io.meetingbridge.testing.StepCounts;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the Camel engine runs per change, counted by JMX after a run of modifies, each on its own conference (so
 * each is a lane of its own): the steps (processors) and the routes it passes. A later change that adds steps to
 * a modify's way fails here, and says so.
 */
class StepsPerChangeTest {

    private static final int CHANGES = 12;
    /** Issue 18: 36 registered steps per modify before (37 with the one JMX did not show), 5 routes. */
    private static final long MAX_STEPS_PER_MODIFY = 22;
    private static final long MAX_ROUTES_PER_MODIFY = 5;
    private static final String POLL_ROUTE = "consume-changes";

    @RegisterExtension
    final BridgeFixture world = BridgeFixture.withPartitions(1);

    @Test
    void aModifyPassesNoMoreStepsOrRoutesThanItNeeds() {
        world.startBridge(settings -> settings.set(StepStatistics.SETTING, "true"));
        applyModifies();

        Map<String, Long> steps = StepCounts.processors();
        long perModify = perChange(steps, POLL_ROUTE + "/");
        assertThat(perModify).as("steps a modify passes (JMX ExchangesTotal per processor): %s", steps)
                .isPositive().isLessThanOrEqualTo(MAX_STEPS_PER_MODIFY);
        Map<String, Long> routes = StepCounts.routes();
        assertThat(perChange(routes, POLL_ROUTE)).as("routes a modify passes: %s", routes)
                .isLessThanOrEqualTo(MAX_ROUTES_PER_MODIFY);
    }

    @Test
    void withoutStepStatisticsTheRoutesStillCountAndNoStepIsRegistered() {
        world.startBridge();
        applyModifies();

        assertThat(StepCounts.routes()).containsEntry("apply-change", (long) CHANGES)
                .containsEntry("meeting-api-request", (long) CHANGES);
        assertThat(StepCounts.processors()).isEmpty();
    }

    private void applyModifies() {
        for (int i = 0; i < CHANGES; i++) {
            world.publish("30" + i, SampleChanges.weekly("modify-" + i, "30" + i));
        }
        world.awaitAllCommitted();
    }

    /** The exchanges of every route or step but those of the poll (once per batch, not per change), per change. */
    private static long perChange(Map<String, Long> counts, String pollPrefix) {
        long total = counts.entrySet().stream().filter(e -> !e.getKey().startsWith(pollPrefix))
                .mapToLong(Map.Entry::getValue).sum();
        assertThat(total % CHANGES).as("every modify passes the same steps: %s", counts).isZero();
        return total / CHANGES;
    }
}
