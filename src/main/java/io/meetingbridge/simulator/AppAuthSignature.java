package io.meetingbridge.simulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature App ID authentication expects (meeting-api-facts.md, section 1a): lowercase hex of
 * HMAC-SHA256 keyed with the App key over {@code appId:userId:expireTime:nonce}, where a missing
 * userId leaves the two colons in place; SP mode signs {@code appId:corpId:userId:expireTime:nonce} (section 7).
 * The simulator's own implementation: a fake of an outside
 * service shares no code with the client it checks, or one bug would pass on both sides.
 */
final class AppAuthSignature {

    private static final String HMAC_SHA256 = "HmacSHA256";

    private AppAuthSignature() {
    }

    /** @param corpId SP mode's enterprise, null when the request names none */
    static String expected(String appKey, String appId, String corpId, String userId, long expireTime, String nonce) {
        String user = userId == null ? "" : userId;
        String signed = corpId == null
                ? String.join(":", appId, user, Long.toString(expireTime), nonce)
                : String.join(":", appId, corpId, user, Long.toString(expireTime), nonce);
        return HexFormat.of().formatHex(hmac(appKey, signed));
    }

    /** HMAC-SHA256 of the UTF-8 text keyed with the UTF-8 key; the event push signs with it too. */
    static byte[] hmac(String key, String text) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), HMAC_SHA256));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            // every Java runtime has HmacSHA256, and the simulator never holds an empty App key
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
