package io.meetingbridge.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.flow.FlowProperties;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The changes of one lane run on one exchange, one after the other: each starts with nothing of the one before
 * (LaneRetriesTest shows it for attempts and retries); every property of a change is on the list cleared.
 */
class LaneIsolationTest {

    @Test
    void everyPropertyOfAChangeIsClearedBeforeTheNext() throws IllegalAccessException {
        for (Field field : FlowProperties.class.getFields()) {
            boolean name = Modifier.isStatic(field.getModifiers()) && field.getType() == String.class;
            if (name && !field.get(null).equals(FlowProperties.LANE)) {
                assertThat(FlowProperties.OF_ONE_CHANGE).as(field.getName()).contains((String) field.get(null));
            }
        }
        assertThat(Arrays.stream(FlowProperties.class.getFields()).filter(f -> f.getType() == String.class))
                .hasSize(FlowProperties.OF_ONE_CHANGE.size() + 1);
    }
}
