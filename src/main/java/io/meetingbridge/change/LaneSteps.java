package io.meetingbridge.change;

import io.meetingbridge.flow.FlowProperties;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;

/** The steps of the run-lane route: one conference's (or series') changes of a batch, one after the other. */
public final class LaneSteps {

    /** Moves the lane to its next change; false when the lane is done or the batch stops starting changes. */
    public boolean takeNext(@ExchangeProperty(FlowProperties.LANE) Lane lane) {
        return lane.next() != null;
    }

    /**
     * Puts the lane's current change on the exchange, without anything the change before it left there: the
     * changes of a lane share one exchange. (A step of its own: the loop's condition runs on a copy of the
     * exchange, whose properties are merged back, so a property removed there would stay.)
     */
    public void startChange(@ExchangeProperty(FlowProperties.LANE) Lane lane, Exchange exchange) {
        FlowProperties.OF_ONE_CHANGE.forEach(exchange::removeProperty);
        exchange.removeProperty(Exchange.EXCEPTION_CAUGHT);
        exchange.setProperty(FlowProperties.RECEIVED_CHANGE, lane.current());
    }

    /** The lane's current change is done: its outputs or its dead letter are acknowledged. */
    public void finished(@ExchangeProperty(FlowProperties.LANE) Lane lane) {
        lane.currentFinished();
    }

    /** The lane's current change could not be finished: the whole batch stops starting changes. */
    public void failed(@ExchangeProperty(FlowProperties.LANE) Lane lane, Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        lane.failed(cause != null ? cause : new IllegalStateException("a lane failed without an exception"));
    }
}
