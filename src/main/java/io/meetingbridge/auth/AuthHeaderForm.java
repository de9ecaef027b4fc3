package io.meetingbridge.auth;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * How the authentication request carries its signature ({@code meeting.auth.header-form}). The App ID
 * authentication page (2024-06 and later) writes {@code access=<base64(appId)>} into the Authorization header
 * and calls {@code X-Token-Type: LongTicket} mandatory; SDK 3.1.143 sends neither, and the service accepts that
 * too. Both forms sign the same string.
 */
public enum AuthHeaderForm {

    /** {@code HMAC-SHA256 signature=<hex>,access=<base64(appId)>} and {@code X-Token-Type: LongTicket}. */
    DOCUMENTED,
    /** {@code HMAC-SHA256 signature=<hex>} only, as SDK 3.1.143 sends it. */
    SIGNATURE_ONLY;

    public static final String SETTING = "meeting.auth.header-form";

    /** The form of a setting's value: {@code documented} or {@code signature-only}. */
    public static AuthHeaderForm of(String setting) {
        String name = setting == null ? "" : setting.strip();
        for (AuthHeaderForm form : values()) {
            if (form.settingValue().equals(name)) {
                return form;
            }
        }
        throw new IllegalArgumentException(SETTING + " must be documented or signature-only, got \"" + name + "\"");
    }

    public String settingValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Puts the signature on an authentication request in this form. */
    void sign(HttpRequest.Builder request, String signature, String appId) {
        String authorization = "HMAC-SHA256 signature=" + signature;
        if (this == SIGNATURE_ONLY) {
            request.header("Authorization", authorization);
            return;
        }
        String access = Base64.getEncoder().encodeToString(appId.getBytes(StandardCharsets.UTF_8));
        request.header("Authorization", authorization + ",access=" + access).header("X-Token-Type", "LongTicket");
    }
}
