package io.meetingbridge.change;

import io.meetingbridge.flow.FlowProperties;
import java.util.function.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;

/**
 * The steps of the run-lane route: one conference's (or series') changes of a batch, one after the other. Each
 * change's start and end are also told to a listener of the change's life (its trace), in the same step.
 */
public final class LaneSteps {

    private final Consumer<Exchange> changeStarted;
    private final Consumer<Exchange> changeEnded;

    /**
     * @param changeStarted told once the change is on the exchange
     * @param changeEnded told whatever became of the change, once the lane knows
     */
    public LaneSteps(Consumer<Exchange> changeStarted, Consumer<Exchange> changeEnded) {
        this.changeStarted = changeStarted;
        this.changeEnded = changeEnded;
    }

    /**
     * Moves the lane to its next change; false when the lane is done or the batch stops starting changes. The lane
     * comes as the body of the lane's exchange and is kept as its property at the first change: the body is each
     * change's from then on.
     */
    public boolean takeNext(Exchange exchange) {
        Lane lane = exchange.getProperty(FlowProperties.LANE, Lane.class);
        if (lane == null) {
            lane = exchange.getMessage().getBody(Lane.class);
            exchange.setProperty(FlowProperties.LANE, lane);
        }
        return lane.next() != null;
    }

    /**
     * Puts the lane's current change on the exchange, without anything the change before it left there (its
     * properties and the headers of its calls): the changes of a lane share one exchange. (A step of its own: the
     * loop's condition runs on a copy of the exchange, whose properties are merged back, so a property removed
     * there would stay.)
     */
    public void startChange(@ExchangeProperty(FlowProperties.LANE) Lane lane, Exchange exchange) {
        FlowProperties.OF_ONE_CHANGE.forEach(exchange::removeProperty);
        exchange.removeProperty(Exchange.EXCEPTION_CAUGHT);
        exchange.getMessage().removeHeaders("*");
        exchange.setProperty(FlowProperties.RECEIVED_CHANGE, lane.current());
        changeStarted.accept(exchange);
    }

    /** The lane's current change is done: its outputs or its dead letter are acknowledged. */
    public void finished(@ExchangeProperty(FlowProperties.LANE) Lane lane, Exchange exchange) {
        lane.currentFinished();
        changeEnded.accept(exchange);
    }

    /** The lane's current change could not be finished: the whole batch stops starting changes. */
    public void failed(@ExchangeProperty(FlowProperties.LANE) Lane lane, Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        lane.failed(cause != null ? cause : new IllegalStateException("a lane failed without an exception"));
        changeEnded.accept(exchange);
    }
}
