package io.meetingbridge.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** App ID credentials. The key stays in this object: toString never shows it. */
public record AppCredentials(String appId, String appKey, String userId) {

    /**
     * The App key from its settings: the content of {@code meeting.auth.app-key-file} when one is named (a
     * mounted secret), else {@code meeting.auth.app-key}.
     */
    public static String keyFrom(String appKey, String appKeyFile) {
        if (appKeyFile == null || appKeyFile.isBlank()) {
            return appKey;
        }
        try {
            return Files.readString(Path.of(appKeyFile), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read meeting.auth.app-key-file " + appKeyFile, e);
        }
    }

    public AppCredentials {
        userId = userId == null || userId.isBlank() ? null : userId;
    }

    @Override
    public String toString() {
        return "AppCredentials[appId=" + appId + ", userId=" + userId + "]";
    }
}
