package io.meetingbridge.ledger;

import io.meetingbridge.change.ChangeAction;
import io.meetingbridge.change.ChangePosition;
import io.meetingbridge.change.ChangeValidation;
import io.meetingbridge.change.InvalidChangeException;
import io.meetingbridge.change.ReceivedChange;
import io.meetingbridge.change.ValidChange;
import io.meetingbridge.deadletter.ReplayOrigin;
import io.meetingbridge.failure.SupersededChangeException;
import io.meetingbridge.flow.FlowProperties;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, with the series ledger, what a valid change does: which series it names, whether it is older
 * than what was applied to that series already, and which call it makes (a create of a series that exists
 * is applied as a modify; a create a crash interrupted first looks for the series it made).
 */
public final class SeriesResolution {

    private static final Logger LOG = LoggerFactory.getLogger(SeriesResolution.class);

    private final ChangeValidation validation;
    private final SeriesLedger ledger;
    private final ReplayOrigin replayOrigin;

    public SeriesResolution(ChangeValidation validation, SeriesLedger ledger, ReplayOrigin replayOrigin) {
        this.validation = validation;
        this.ledger = ledger;
        this.replayOrigin = replayOrigin;
    }

    /** The route's plan-change step: the change in flight validated, then resolved as the class says. */
    public void resolve(@ExchangeProperty(FlowProperties.RECEIVED_CHANGE) ReceivedChange change, Exchange exchange)
            throws InvalidChangeException, SupersededChangeException {
        ValidChange valid = validation.validate(change, exchange);
        ChangePosition origin = replayOrigin.of(change.source());
        SeriesEntry entry = seriesOf(valid);
        String conferenceID = valid.conferenceID() != null ? valid.conferenceID()
                : entry == null ? null : entry.conferenceID();
        String seriesKey = valid.seriesKey() != null ? valid.seriesKey() : entry == null ? null : entry.seriesKey();
        exchange.setProperty(FlowProperties.CHANGE_ORIGIN, origin);
        exchange.setProperty(FlowProperties.CONFERENCE_ID, conferenceID);
        exchange.setProperty(FlowProperties.SERIES_KEY, seriesKey);
        exchange.setProperty(FlowProperties.APPLIED_CHANGE_KEY,
                SeriesEntry.scoped(valid.corpId(), conferenceID != null ? conferenceID : seriesKey) + "/" + change.changeId());
        exchange.setProperty(FlowProperties.PLANNED_CALL, plan(valid, change, entry, origin));
    }

    private String plan(ValidChange valid, ReceivedChange change, SeriesEntry entry, ChangePosition origin)
            throws SupersededChangeException {
        ChangePosition last = entry == null ? null : entry.lastApplied();
        if (last != null && origin.equals(last)) {
            LOG.info("Change {} is the last one applied to series {} already: its outputs are published", change.changeId(),
                    entry.key());
            return "skip";
        }
        if (last != null && origin.isOlderThan(last)) {
            boolean replayed = !origin.equals(positionOf(change));
            if (!replayed && origin.samePartition(last)) {
                // read again after a crash or a rebalance: the lane ran it before the later change of its series
                LOG.info("Change {} at {} was handled before change {} at {}, the last applied to series {}",
                        change.changeId(), origin, entry.lastChangeId(), last, entry.key());
                return "skip";
            }
            throw new SupersededChangeException("change " + change.changeId() + " was first published at " + origin
                    + ", before change " + entry.lastChangeId() + " (" + last + "), the last applied to series "
                    + entry.key() + "; applying it would roll the series back");
        }
        if (valid.action() != ChangeAction.CREATE) {
            return valid.action().wireName();
        }
        if (entry == null || entry.state() == SeriesState.CANCELLED) {
            return "create";
        }
        if (entry.conferenceID() == null) {
            return "adopt";
        }
        LOG.info("Series {} exists already as conference {}: change {} is applied as a modify", entry.key(),
                entry.conferenceID(), change.changeId());
        return "modify";
    }

    /** The ledger's entry of the series the change names; null for a series the ledger does not know. */
    private SeriesEntry seriesOf(ValidChange valid) throws InvalidChangeException {
        SeriesEntry byKey = valid.seriesKey() == null ? null
                : ledger.bySeriesKey(valid.corpId(), valid.seriesKey()).orElse(null);
        SeriesEntry byConference = valid.conferenceID() == null ? null
                : ledger.byConference(valid.corpId(), valid.conferenceID()).orElse(null);
        if (valid.seriesKey() != null && valid.conferenceID() != null) {
            if (byKey != null && byKey.conferenceID() != null && !byKey.conferenceID().equals(valid.conferenceID())) {
                throw new InvalidChangeException("seriesKey " + valid.seriesKey() + " is conference "
                        + byKey.conferenceID() + ", not conferenceID " + valid.conferenceID());
            }
            if (byConference != null && byConference.seriesKey() != null
                    && !byConference.seriesKey().equals(valid.seriesKey())) {
                throw new InvalidChangeException("conferenceID " + valid.conferenceID() + " is series "
                        + byConference.seriesKey() + ", not seriesKey " + valid.seriesKey());
            }
        }
        if (valid.action() != ChangeAction.CREATE && valid.conferenceID() == null
                && (byKey == null || byKey.conferenceID() == null)) {
            throw new InvalidChangeException("seriesKey " + valid.seriesKey() + " is not a series the bridge has "
                    + "created: give its conferenceID, or publish its create first");
        }
        return byKey != null ? byKey : byConference;
    }

    private static ChangePosition positionOf(ReceivedChange change) {
        return new ChangePosition(change.source().topic(), change.source().partition(), change.source().offset(),
                change.source().timestamp());
    }
}
