package io.meetingbridge.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meetingbridge.api.MeetingApiJson;
import io.meetingbridge.change.ChangeValidation;
import io.meetingbridge.change.InvalidChangeException;
import io.meetingbridge.change.ValidChange;
import io.meetingbridge.failure.UnexpectedApiAnswerException;
import io.meetingbridge.flow.FlowProperties;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;

/**
 * The patch-series step between reading the series and PUTting it: applies the change's merge patch to the
 * series as the API shows it and validates the result as a modify's series. The change in flight becomes the
 * patched series, so the PUT, its occurrences and the ledger go on exactly as for a modify.
 */
public final class SeriesPatching {

    private final ChangeValidation validation;
    private final MergePatch mergePatch = new MergePatch(MeetingApiJson.mapper());

    public SeriesPatching(ChangeValidation validation) {
        this.validation = validation;
    }

    public void apply(@ExchangeProperty(FlowProperties.VALID_CHANGE) ValidChange patch,
                      @ExchangeProperty(FlowProperties.MEETING_DETAIL) JsonNode detail,
                      @ExchangeProperty(FlowProperties.CONFERENCE_ID) String conferenceID,
                      Exchange exchange) throws InvalidChangeException, UnexpectedApiAnswerException {
        ObjectNode base = DetailAsSeries.overlay(detail, MeetingApiJson.mapper().createObjectNode());
        ObjectNode patched = mergePatch.apply(base, patch.body());
        exchange.setProperty(FlowProperties.VALID_CHANGE, validation.validatePatched(patch, conferenceID, patched));
    }
}
