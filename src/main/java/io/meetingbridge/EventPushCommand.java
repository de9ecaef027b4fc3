package io.meetingbridge;

import io.meetingbridge.events.EventPushRegistration;
import org.apache.camel.main.Main;

/**
 * Registers the events receiver as the enterprise's meeting event push, with the bridge's settings and App ID:
 * {@code java -cp meeting-series-bridge.jar io.meetingbridge.EventPushCommand register https://host/meeting/events}
 * (the receiver must be running, as the API verifies the URL at once), or {@code ... EventPushCommand show}.
 */
public final class EventPushCommand {

    private static final String USAGE = "usage: EventPushCommand register <https URL of the receiver> | show";

    private EventPushCommand() {
    }

    public static void main(String[] args) throws Exception {
        boolean register = args.length == 2 && args[0].equals("register");
        if (!register && !(args.length == 1 && args[0].equals("show"))) {
            System.err.println(USAGE);
            System.exit(2);
        }
        Main main = CommandLineBridge.start();
        try {
            EventPushRegistration registration = main.getCamelContext().getRegistry()
                    .lookupByNameAndType("eventPushRegistration", EventPushRegistration.class);
            System.out.println(register ? registration.register(args[1]) : registration.show());
        } finally {
            main.stop();
        }
    }
}
