package io.meetingbridge.auth;

/** {@code meeting.auth.mode}: whose tokens the bridge uses. */
public enum AuthMode {

    /** One enterprise, the App's own (the default). */
    ENTERPRISE,
    /** SP (multi-tenant) mode: every change names its enterprise with corpId, and each has its own token. */
    SP;

    public static final String SETTING = "meeting.auth.mode";

    public static AuthMode of(String setting) {
        String name = setting == null ? "" : setting.strip();
        return switch (name) {
            case "enterprise" -> ENTERPRISE;
            case "sp" -> SP;
            default -> throw new IllegalArgumentException(SETTING + " must be enterprise or sp, got \"" + name + "\"");
        };
    }
}
