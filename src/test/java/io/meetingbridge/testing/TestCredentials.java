package io.meetingbridge.testing;

/** The made-up App ID and key the tests' simulator accepts. */
public final class TestCredentials {

    public static final String APP_ID = "test-app-id";
    public static final String APP_KEY = "test-app-key-5f1c9d2e7b";

    private TestCredentials() {
    }
}
