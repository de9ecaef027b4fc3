package io.meetingbridge.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.component.kafka.KafkaConstants;
import org.junit.jupiter.api.Test;

/** The forged-header tests forge camel-kafka's control headers under the names of both sides of CAMEL-23584. */
class KafkaControlHeadersTest {

    @Test
    void eachSpellingTurnsIntoTheOther() {
        assertThat(KafkaControlHeaders.otherSpelling("kafka.OVERRIDE_TOPIC")).isEqualTo("CamelKafkaOverrideTopic");
        assertThat(KafkaControlHeaders.otherSpelling("CamelKafkaOverrideTopic")).isEqualTo("kafka.OVERRIDE_TOPIC");
        assertThat(KafkaControlHeaders.otherSpelling("kafka.KEY")).isEqualTo("CamelKafkaKey");
        assertThat(KafkaControlHeaders.otherSpelling("CamelKafkaOverrideTimestamp")).isEqualTo("kafka.OVERRIDE_TIMESTAMP");
    }

    @Test
    void theLiveNamesAndTheOtherSpellingAreBothForged() {
        assertThat(KafkaControlHeaders.bothSpellings(KafkaConstants.PARTITION_KEY))
                .startsWith(KafkaConstants.PARTITION_KEY)
                .containsExactlyInAnyOrder("kafka.PARTITION_KEY", "CamelKafkaPartitionKey");
        assertThat(KafkaControlHeaders.all()).hasSize(8).contains("kafka.OVERRIDE_TOPIC", "CamelKafkaOverrideTopic",
                "kafka.KEY", "CamelKafkaKey", "kafka.OVERRIDE_TIMESTAMP", "CamelKafkaOverrideTimestamp");
    }
}
