package io.meetingbridge.change;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meetingbridge.flow.FlowProperties;
import org.apache.camel.Exchange;

/** The validation of the route's plan-change step: checks the change in flight and keeps what the later steps need. */
public final class ChangeValidation {

    private final ChangeValidator validator;

    public ChangeValidation(ChangeValidator validator) {
        this.validator = validator;
    }

    public ValidChange validate(ReceivedChange change, Exchange exchange) throws InvalidChangeException {
        ValidChange valid = validator.validate(change.tree());
        exchange.setProperty(FlowProperties.VALID_CHANGE, valid);
        exchange.setProperty(FlowProperties.TENANT, valid.corpId());
        return valid;
    }

    /** A patch once applied: see {@link ChangeValidator#validatePatched}. */
    public ValidChange validatePatched(ValidChange patch, String conferenceID, ObjectNode series)
            throws InvalidChangeException {
        return validator.validatePatched(patch, conferenceID, series);
    }
}
