package io.meetingbridge.ops;

import io.meetingbridge.auth.AccessTokenCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;

/** JMX view of the cached access token. It never shows the token itself. */
@ManagedResource(description = "meeting-series-bridge access token")
public final class ManagedAccessToken {

    private final AccessTokenCache tokens;
    private final Clock clock;

    public ManagedAccessToken(AccessTokenCache tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @ManagedAttribute(description = "When the cached token expires (ISO-8601), empty when none is cached")
    public String getValidUntil() {
        Instant until = tokens.validUntil();
        return until == null ? "" : until.toString();
    }

    @ManagedAttribute(description = "Seconds since the cached token was obtained, -1 when none is cached")
    public long getAgeSeconds() {
        Instant obtained = tokens.obtainedAt();
        return obtained == null ? -1 : Duration.between(obtained, clock.instant()).toSeconds();
    }

    @ManagedAttribute(description = "Authentication calls made (first token and every refresh)")
    public long getRefreshCount() {
        return tokens.authentications();
    }

    @ManagedAttribute(description = "Authentication calls that failed")
    public long getAuthenticationFailures() {
        return tokens.failures();
    }

    @ManagedAttribute(description = "Why authentication is failing now, empty while it works")
    public String getLastFailureReason() {
        String failure = tokens.currentFailure();
        return failure == null ? "" : failure;
    }

    @ManagedOperation(description = "Drop the cached token; the next change authenticates again")
    public void dropCachedToken() {
        tokens.invalidate();
    }
}
