package io.meetingbridge.change;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meetingbridge.flow.FlowProperties;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;

/** The route's validation step: checks the change in flight and names what the later steps need. */
public final class ChangeValidation {

    private final ChangeValidator validator;

    public ChangeValidation(ChangeValidator validator) {
        this.validator = validator;
    }

    /** Validates the change in flight and returns the series to send as the PUT body. */
    public ObjectNode validate(@ExchangeProperty(FlowProperties.RECEIVED_CHANGE) ReceivedChange change,
                               Exchange exchange) throws InvalidChangeException {
        ValidChange valid = validator.validate(change.tree());
        // until the route applies the other actions, it can only PUT a series named by its conferenceID
        if (valid.action() != ChangeAction.MODIFY || valid.conferenceID() == null) {
            throw new InvalidChangeException(valid.action() != ChangeAction.MODIFY
                    ? "action " + valid.action().wireName() + " is not applied by this version of the bridge"
                    : "a modify without conferenceID is not applied by this version of the bridge");
        }
        exchange.setProperty(FlowProperties.CONFERENCE_ID, valid.conferenceID());
        exchange.setProperty(FlowProperties.APPLIED_CHANGE_KEY, valid.conferenceID() + "/" + change.changeId());
        return valid.body();
    }
}
