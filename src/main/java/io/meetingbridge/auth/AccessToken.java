package io.meetingbridge.auth;

import java.time.Duration;
import java.time.Instant;

/** An access token and when it stops being valid. Its toString never shows the token. */
public record AccessToken(String value, Instant obtainedAt, Instant expiresAt) {

    /** True while the token is valid for at least {@code margin} more. */
    public boolean isFreshAt(Instant now, Duration margin) {
        return now.plus(margin).isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "AccessToken[obtainedAt=" + obtainedAt + ", expiresAt=" + expiresAt + "]";
    }
}
