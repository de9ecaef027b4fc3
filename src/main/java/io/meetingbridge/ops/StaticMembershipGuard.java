package io.meetingbridge.ops;

import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.StartupListener;
import org.apache.camel.component.kafka.KafkaConfiguration;
import org.apache.camel.component.kafka.KafkaEndpoint;
import org.apache.camel.util.ObjectHelper;

/**
 * Refuses to start a Kafka consumer that has both a group.instance.id and consumersCount > 1: before
 * Camel 4.24 every consumer thread gets the same instance id (CAMEL-27022), so the threads fence each
 * other out of the group and partitions stop being consumed.
 */
public final class StaticMembershipGuard implements StartupListener {

    /** Called once the routes are warmed up and before their consumers start: none has joined the group yet. */
    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        List<String> conflicts = context.getRoutes().stream()
                .map(Route::getEndpoint)
                .filter(KafkaEndpoint.class::isInstance)
                .map(endpoint -> ((KafkaEndpoint) endpoint).getConfiguration())
                .filter(StaticMembershipGuard::sharesOneInstanceId)
                .map(KafkaConfiguration::getTopic)
                .toList();
        if (!conflicts.isEmpty()) {
            throw new IllegalStateException("Kafka consumers of " + conflicts + " combine a group-instance-id with"
                    + " consumersCount > 1; every thread would share one static member id. Run one consumer per"
                    + " process, or leave bridge.consumer.group-instance-id empty");
        }
    }

    private static boolean sharesOneInstanceId(KafkaConfiguration configuration) {
        return ObjectHelper.isNotEmpty(configuration.getGroupInstanceId()) && configuration.getConsumersCount() > 1;
    }
}
