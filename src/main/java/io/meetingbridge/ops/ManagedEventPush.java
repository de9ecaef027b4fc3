package io.meetingbridge.ops;

import io.meetingbridge.events.EventPushRegistration;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;

/** JMX operations to register the events receiver as the enterprise's meeting event push, and to read it. */
@ManagedResource(description = "meeting-series-bridge meeting event push registration")
public final class ManagedEventPush {

    private final EventPushRegistration registration;

    public ManagedEventPush(EventPushRegistration registration) {
        this.registration = registration;
    }

    @ManagedOperation(description = "Configure and enable the push to this HTTPS URL (the receiver must be running)")
    public String register(String url) throws Exception {
        return registration.register(url.trim());
    }

    @ManagedOperation(description = "The push configuration as the Meeting API shows it")
    public String show() throws Exception {
        return registration.show();
    }
}
