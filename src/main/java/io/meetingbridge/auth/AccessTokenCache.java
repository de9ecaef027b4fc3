package io.meetingbridge.auth;

import io.meetingbridge.failure.AuthUnavailableException;
import io.meetingbridge.failure.TenantRefusedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One access token for the whole process. It is reused until shortly before it expires; then one
 * caller fetches a new one while the others wait for it (no stampede). When authentication fails,
 * the callers waiting at that moment share the failure instead of each trying again, and the next
 * attempt waits out an exponential backoff, so an outage is not hammered.
 */
public final class AccessTokenCache {

    public static final String HEADER = "X-Access-Token";
    private static final Logger LOG = LoggerFactory.getLogger(AccessTokenCache.class);

    private final AppAuthClient client;
    private final Duration refreshMargin;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Clock clock;
    private final ReentrantLock refreshLock = new ReentrantLock();
    private final AtomicLong authentications = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    private volatile AccessToken current;
    private volatile AuthUnavailableException lastFailure;
    private volatile Instant lastFailureAt;
    private volatile long failureGeneration;
    private volatile int consecutiveFailures;
    private volatile Instant nextAttemptAt = Instant.EPOCH;

    public AccessTokenCache(AppAuthClient client, Duration refreshMargin, Duration initialBackoff, Duration maxBackoff,
                            Clock clock) {
        this.client = client;
        this.refreshMargin = refreshMargin;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.clock = clock;
    }

    /** A valid token, from the cache or freshly obtained. */
    public String token() throws AuthUnavailableException {
        AccessToken token = current;
        if (token != null && token.isFreshAt(clock.instant(), refreshMargin)) {
            return token.value();
        }
        long generationBeforeWaiting = failureGeneration;
        refreshLock.lock();
        try {
            token = current;
            if (token != null && token.isFreshAt(clock.instant(), refreshMargin)) {
                return token.value();
            }
            if (failureGeneration != generationBeforeWaiting) {
                throw lastFailure;
            }
            waitForBackoff();
            return authenticate().value();
        } finally {
            refreshLock.unlock();
        }
    }

    /** Sets the {@value #HEADER} header of a request about to be sent. */
    public void authorize(Exchange exchange) throws AuthUnavailableException {
        exchange.getMessage().setHeader(HEADER, token());
    }

    /**
     * The API rejected the token of this request (401): drop it, unless another caller has already
     * replaced it, and put a fresh one on the request for its single retry.
     */
    public void reauthorize(Exchange exchange) throws AuthUnavailableException {
        dropRejected(exchange);
        authorize(exchange);
    }

    /** Drops the token of a rejected request, unless another caller has already replaced it. */
    void dropRejected(Exchange exchange) {
        String rejected = exchange.getMessage().getHeader(HEADER, String.class);
        refreshLock.lock();
        try {
            AccessToken token = current;
            if (token != null && token.value().equals(rejected)) {
                current = null;
            }
        } finally {
            refreshLock.unlock();
        }
    }

    /** Drops the cached token; the next call authenticates again. */
    public void invalidate() {
        current = null;
    }

    private AccessToken authenticate() throws AuthUnavailableException {
        authentications.incrementAndGet();
        try {
            AccessToken token = client.authenticate();
            current = token;
            consecutiveFailures = 0;
            lastFailure = null;
            if (LOG.isInfoEnabled()) {
                LOG.info("Obtained an access token valid until {}", token.expiresAt());
            }
            return token;
        } catch (AuthUnavailableException e) {
            failures.incrementAndGet();
            lastFailure = e;
            lastFailureAt = clock.instant();
            failureGeneration++;
            consecutiveFailures++;
            nextAttemptAt = clock.instant().plus(backoff(consecutiveFailures));
            if (e instanceof TenantRefusedException) {
                LOG.warn("An enterprise's token was refused, its changes are dead-lettered: {}", e.getMessage());
            } else {
                LOG.warn("Cannot obtain an access token, consumption waits until {}: {}", nextAttemptAt, e.getMessage());
            }
            throw e;
        }
    }

    private Duration backoff(int failuresInARow) {
        long factor = 1L << Math.min(failuresInARow - 1, 20);
        Duration delay = initialBackoff.multipliedBy(factor);
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }

    private void waitForBackoff() throws AuthUnavailableException {
        long millis = Duration.between(clock.instant(), nextAttemptAt).toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AuthUnavailableException("interrupted while waiting to authenticate again", e);
            }
        }
    }

    public long authentications() {
        return authentications.get();
    }

    public long failures() {
        return failures.get();
    }

    /** The reason authentication is failing now, or null while it works. */
    public String currentFailure() {
        AuthUnavailableException failure = lastFailure;
        return failure == null ? null : failure.getMessage();
    }

    public Instant lastFailureAt() {
        return lastFailureAt;
    }

    /** The cached token's expiry, or null when none is cached. */
    public Instant validUntil() {
        AccessToken token = current;
        return token == null ? null : token.expiresAt();
    }

    public Instant obtainedAt() {
        AccessToken token = current;
        return token == null ? null : token.obtainedAt();
    }
}
