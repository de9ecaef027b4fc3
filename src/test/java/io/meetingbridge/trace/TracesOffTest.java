package io.meetingbridge.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.testing.BridgeFixture;
import io.meetingbridge.testing.SampleChanges;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.spi.CamelTracingService;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Traces are off unless switched on: no tracer, and no trace context on what the bridge sends. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class TracesOffTest {

    @RegisterExtension
    final BridgeFixture world = BridgeFixture.withPartitions(1).startBridge();

    @Test
    void byDefaultNothingIsTracedAndNoTraceparentIsSentOn() {
        ProducerRecord<byte[], byte[]> record = SampleChanges.keyed(world.topics.changes(), "71",
                SampleChanges.weekly("untraced", "71"));
        record.headers().add("traceparent",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01".getBytes(StandardCharsets.UTF_8));
        world.publish(List.of(record));
        world.awaitAllCommitted();

        assertThat(world.bridge().context().hasService(CamelTracingService.class)).isNull();
        assertThat(world.occurrences()).hasSize(8).allSatisfy(o -> assertThat(o.headers().headers("traceparent")).isEmpty());
        assertThat(world.api.traffic().recordedPuts().get(0).header("traceparent")).isNull();
    }
}
