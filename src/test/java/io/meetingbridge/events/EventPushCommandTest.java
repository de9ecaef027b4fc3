package io.meetingbridge.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.EventPushCommand;
import io.meetingbridge.testing.BridgeFixture;
import io.meetingbridge.testing.ChildJvm;
import io.meetingbridge.testing.TestClasspath;
import io.meetingbridge.testing.TestCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The README's command registers a running receiver as the event push, with the bridge's own settings. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class EventPushCommandTest {

    @RegisterExtension
    final BridgeFixture world = BridgeFixture.withPartitions(1);
    @TempDir
    Path dir;

    @Test
    void theCommandRegistersTheReceiverAndReadsItBack() throws Exception {
        EventsRig rig = new EventsRig(1);
        world.startBridge(rig::receiverOn);
        Files.writeString(dir.resolve("subscriber.key"), EventsRig.SUBSCRIBER_KEY);
        String url = EventsRig.url(world.bridge()).toString();

        ChildJvm register = command(List.of("register", url));
        assertThat(register.waitFor(Duration.ofSeconds(90))).isTrue();
        assertThat(register.exitValue()).as(register.output()).isZero();
        assertThat(register.output()).contains("\"url\":\"" + url + "\"").contains("\"status\":1")
                .doesNotContain(EventsRig.SUBSCRIBER_KEY);

        ChildJvm show = command(List.of("show"));
        assertThat(show.waitFor(Duration.ofSeconds(90))).isTrue();
        assertThat(show.output()).contains("\"subscriberId\":\"" + EventsRig.SUBSCRIBER_ID + "\"").contains("\"status\":1");
    }

    private ChildJvm command(List<String> commandArguments) throws Exception {
        Path key = dir.resolve("subscriber.key");
        List<String> arguments = new ArrayList<>(List.of("-cp", TestClasspath.current()));
        arguments.addAll(ChildJvm.systemProperties(Map.of(
                "kafka.bootstrap-servers", world.kafka.bootstrapServers(),
                "bridge.topics.changes", world.topics.changes(),
                "bridge.topics.dead-letter", world.topics.deadLetter(),
                "meeting.api.base-url", world.api.baseUri().toString(),
                "meeting.auth.app-id", TestCredentials.APP_ID,
                "bridge.events.subscriber-id", EventsRig.SUBSCRIBER_ID,
                "bridge.events.subscriber-key-file", key.toString())));
        arguments.add(EventPushCommand.class.getName());
        arguments.addAll(commandArguments);
        return ChildJvm.start("event-push", arguments, ChildJvm.appKeyEnvironment(),
                dir.resolve(commandArguments.get(0) + ".log"));
    }
}
