package io.meetingbridge.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meetingbridge.api.DetailAsSeries;
import io.meetingbridge.api.MeetingApiJson;
import io.meetingbridge.change.ChangeValidation;
import io.meetingbridge.change.InvalidChangeException;
import io.meetingbridge.change.ValidChange;
import io.meetingbridge.failure.NeedsReviewException;
import io.meetingbridge.failure.UnexpectedApiAnswerException;
import io.meetingbridge.flow.FlowProperties;
import io.meetingbridge.ledger.SeriesEntry;
import io.meetingbridge.ledger.SeriesLedger;
import io.meetingbridge.ledger.UnshownFields;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;

/**
 * The patch-series step between reading the series and PUTting it: builds the series body the patch applies to
 * (the fields confDetail shows, as it shows them; the others as the bridge last sent them), applies the change's
 * merge patch and validates the result as a modify's series. The change in flight becomes the patched series, so
 * the PUT, its occurrences and the ledger go on exactly as for a modify.
 */
public final class SeriesPatching {

    private final ChangeValidation validation;
    private final SeriesLedger ledger;
    private final MergePatch mergePatch = new MergePatch(MeetingApiJson.mapper());

    public SeriesPatching(ChangeValidation validation, SeriesLedger ledger) {
        this.validation = validation;
        this.ledger = ledger;
    }

    public void apply(@ExchangeProperty(FlowProperties.VALID_CHANGE) ValidChange patch,
                      @ExchangeProperty(FlowProperties.MEETING_DETAIL) JsonNode detail,
                      @ExchangeProperty(FlowProperties.CONFERENCE_ID) String conferenceID,
                      Exchange exchange) throws InvalidChangeException, UnexpectedApiAnswerException,
            NeedsReviewException {
        UnshownFields lastSent = ledger.byConference(patch.corpId(), conferenceID).map(SeriesEntry::unshown)
                .orElse(UnshownFields.NONE);
        if (lastSent.omitted()) {
            // a PUT without them would drop them (attendees, for one): a person decides
            throw new NeedsReviewException("the last series sent for conference " + conferenceID + " had more bytes of"
                    + " fields that confDetail does not show than the ledger keeps (bridge.ledger.unshown-max-bytes):"
                    + " publish a modify with the whole series instead of a patch");
        }
        ObjectNode base = DetailAsSeries.overlay(detail, lastSent.tree());
        ObjectNode patched = mergePatch.apply(base, patch.body());
        exchange.setProperty(FlowProperties.VALID_CHANGE, validation.validatePatched(patch, conferenceID, patched));
    }
}
