package io.meetingbridge.auth;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes the App ID authentication signature of the Meeting API:
 * lowercase hex HMAC-SHA256(appKey, "appId:userId:expireTime:nonce"), with an empty userId
 * leaving "::" in place.
 */
public final class AppAuthSigner {

    private static final String ALGORITHM = "HmacSHA256";

    private AppAuthSigner() {
    }

    public static String sign(String appId, String appKey, String userId, long expireTime, String nonce) {
        String data = appId + ":" + (userId == null ? "" : userId) + ":" + expireTime + ":" + nonce;
        return hmacHex(appKey, data.getBytes(StandardCharsets.UTF_8));
    }

    /** Lowercase hex HMAC-SHA256 of the parts one after the other, keyed with the UTF-8 bytes of {@code key}. */
    public static String hmacHex(String key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // every JRE ships HmacSHA256 and any non-empty key is valid for it
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    /** The value of the Authorization header for a signature. */
    public static String authorizationHeader(String signature) {
        return "HMAC-SHA256 signature=" + signature;
    }
}
