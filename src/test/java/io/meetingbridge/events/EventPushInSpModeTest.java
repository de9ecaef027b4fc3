package io.meetingbridge.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.meetingbridge.ops.BridgeManagement;
import io.meetingbridge.testing.BridgeFixture;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** In SP mode the push is registered for the service provider: the simulator playing one takes it only with its spId. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class EventPushInSpModeTest {

    private static final String SP_ID = "sp-hr-vendor";

    @RegisterExtension
    final BridgeFixture world = BridgeFixture.withSimulator(simulator -> simulator.serviceProvider(SP_ID));

    @Test
    void theRegistrationNamesTheServiceProvider() throws Exception {
        EventsRig rig = new EventsRig(1);
        world.startBridge(bridge -> rig.receiverOn(bridge).set("meeting.auth.mode", "sp").set("bridge.events.sp-id", SP_ID));
        ObjectName eventPush = BridgeManagement.objectName("meeting-series-bridge", BridgeManagement.EVENT_PUSH_MBEAN);

        String shown = (String) ManagementFactory.getPlatformMBeanServer().invoke(eventPush, "register",
                new Object[]{EventsRig.url(world.bridge()).toString()}, new String[]{String.class.getName()});

        assertThat(new ObjectMapper().readTree(shown).path("status").asInt()).isEqualTo(1);
    }
}
