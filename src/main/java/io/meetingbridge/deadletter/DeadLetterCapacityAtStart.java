package io.meetingbridge.deadletter;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.apache.camel.CamelContext;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.StartupListener;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Runs the {@link DeadLetterCapacityCheck} next to the consumer's start rather than before it: begun with the
 * context's services, awaited once the routes run, so its Admin round trips are off the path to the first poll.
 * A refusal still fails the start, and stops the context first. Nothing is lost while the check runs: a dead
 * letter the topic cannot take fails its batch, which is read again.
 */
public final class DeadLetterCapacityAtStart extends ServiceSupport implements StartupListener {

    private final Callable<?> check;
    private FutureTask<?> result;

    /** @param check the capacity check; it throws when the bridge must not run */
    public DeadLetterCapacityAtStart(Callable<?> check) {
        this.check = check;
    }

    @Override
    protected void doStart() {
        result = new FutureTask<>(check);
        Thread thread = new Thread(result, "dead-letter-capacity-check");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // before the consumers start: the check goes on while they do
    }

    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) throws Exception {
        try {
            result.get();
        } catch (ExecutionException refused) {
            context.stop();
            throw RuntimeCamelException.wrapRuntimeException(refused.getCause());
        }
    }
}
