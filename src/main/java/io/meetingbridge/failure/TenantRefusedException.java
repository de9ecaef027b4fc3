package io.meetingbridge.failure;

/**
 * SP mode: the authentication service refused one enterprise's token (401 or 403 for its corpId). That is the
 * enterprise's failure, not everyone's: its changes are dead-lettered as rejected, with the refusal's status
 * and error code, and the other enterprises' changes go on.
 */
public class TenantRefusedException extends AuthUnavailableException {

    private final String corpId;
    private final int httpStatus;
    private final String errorCode;

    public TenantRefusedException(String corpId, int httpStatus, String errorCode, String reason) {
        super(reason);
        this.corpId = corpId;
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    public String corpId() {
        return corpId;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The error code of the refusal, null when the answer had none. */
    public String errorCode() {
        return errorCode;
    }
}
