package io.meetingbridge.auth;

/** App ID credentials. The key stays in this object: toString never shows it. */
public record AppCredentials(String appId, String appKey, String userId) {

    public AppCredentials {
        userId = userId == null || userId.isBlank() ? null : userId;
    }

    @Override
    public String toString() {
        return "AppCredentials[appId=" + appId + ", userId=" + userId + "]";
    }
}
