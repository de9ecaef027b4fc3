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
 * leaving "::" in place; in SP mode the enterprise comes second: "appId:corpId:userId:expireTime:nonce".
 */
public final class AppAuthSigner {

    private static final String ALGORITHM = "HmacSHA256";

    private AppAuthSigner() {
    }

    public static String sign(String appId, String appKey, String userId, long expireTime, String nonce) {
        return hmacHex(appKey, (appId + ":" + orEmpty(userId) + ":" + expireTime + ":" + nonce)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** SP mode: the signature of an enterprise's token (facts §7: null parts are empty). */
    public static String signForTenant(String appId, String appKey, String corpId, String userId, long expireTime,
                                       String nonce) {
        return sign(appId + ":" + orEmpty(corpId), appKey, userId, expireTime, nonce);
    }

    private static String orEmpty(String part) {
        return part == null ? "" : part;
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
}
