package io.meetingbridge.change;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.apache.camel.Exchange;

/** The route's view of the change package: sort a poll into lanes, validate one change, commit. */
public final class ChangeLanes {

    /** The exchange property holding the validated change's conferenceID. */
    public static final String CONFERENCE_ID = "conferenceId";

    private final ChangeParser parser;
    private final ChangeValidator validator;

    public ChangeLanes(ChangeParser parser, ChangeValidator validator) {
        this.parser = parser;
        this.validator = validator;
    }

    public ChangeBatch sort(List<Exchange> records) {
        return ChangeBatch.of(records, parser);
    }

    /** Validates the change in flight and returns the series to send as the PUT body. */
    public ObjectNode validate(Exchange exchange) throws InvalidChangeException {
        ReceivedChange change = exchange.getProperty(ReceivedChange.PROPERTY, ReceivedChange.class);
        ValidChange valid = validator.validate(change.tree());
        exchange.setProperty(CONFERENCE_ID, valid.conferenceID());
        return valid.series();
    }

    public void commit(ChangeBatch batch) {
        batch.commitOffsets();
    }
}
