package io.meetingbridge.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Further settings of a series ("ConfConfigInfo" in the Meeting API, SDK class RestConfConfigDTO);
 * a field left out takes the enterprise's default.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ConfConfigInfo extends PassThroughFields {

    private Boolean isSendNotify;
    private Boolean isSendSms;
    private Boolean isSendCalendar;
    private Boolean isAutoMute;
    private Boolean isHardTerminalAutoMute;
    private Boolean isGuestFreePwd;
    private Integer callInRestriction;
    private Boolean allowGuestStartConf;
    private String guestPwd;
    private Integer vmrIDType;
    private Integer prolongLength;
    private Boolean enableWaitingRoom;
    private Boolean isHostCameraOn;
    private Boolean isGuestCameraOn;

    public Boolean getIsSendNotify() {
        return isSendNotify;
    }

    public void setIsSendNotify(Boolean isSendNotify) {
        this.isSendNotify = isSendNotify;
    }

    public Boolean getIsSendSms() {
        return isSendSms;
    }

    public void setIsSendSms(Boolean isSendSms) {
        this.isSendSms = isSendSms;
    }

    public Boolean getIsSendCalendar() {
        return isSendCalendar;
    }

    public void setIsSendCalendar(Boolean isSendCalendar) {
        this.isSendCalendar = isSendCalendar;
    }

    public Boolean getIsAutoMute() {
        return isAutoMute;
    }

    public void setIsAutoMute(Boolean isAutoMute) {
        this.isAutoMute = isAutoMute;
    }

    public Boolean getIsHardTerminalAutoMute() {
        return isHardTerminalAutoMute;
    }

    public void setIsHardTerminalAutoMute(Boolean isHardTerminalAutoMute) {
        this.isHardTerminalAutoMute = isHardTerminalAutoMute;
    }

    public Boolean getIsGuestFreePwd() {
        return isGuestFreePwd;
    }

    public void setIsGuestFreePwd(Boolean isGuestFreePwd) {
        this.isGuestFreePwd = isGuestFreePwd;
    }

    /** 0 all users, 2 enterprise users, 3 invited users only. */
    public Integer getCallInRestriction() {
        return callInRestriction;
    }

    public void setCallInRestriction(Integer callInRestriction) {
        this.callInRestriction = callInRestriction;
    }

    public Boolean getAllowGuestStartConf() {
        return allowGuestStartConf;
    }

    public void setAllowGuestStartConf(Boolean allowGuestStartConf) {
        this.allowGuestStartConf = allowGuestStartConf;
    }

    /** 4 to 16 digits. */
    public String getGuestPwd() {
        return guestPwd;
    }

    public void setGuestPwd(String guestPwd) {
        this.guestPwd = guestPwd;
    }

    /** 0 fixed meeting ID, 1 random meeting ID. */
    public Integer getVmrIDType() {
        return vmrIDType;
    }

    public void setVmrIDType(Integer vmrIDType) {
        this.vmrIDType = vmrIDType;
    }

    /** Minutes the meeting extends by while people are still in it, 0..60 (0 ends on time). */
    public Integer getProlongLength() {
        return prolongLength;
    }

    public void setProlongLength(Integer prolongLength) {
        this.prolongLength = prolongLength;
    }

    public Boolean getEnableWaitingRoom() {
        return enableWaitingRoom;
    }

    public void setEnableWaitingRoom(Boolean enableWaitingRoom) {
        this.enableWaitingRoom = enableWaitingRoom;
    }

    public Boolean getIsHostCameraOn() {
        return isHostCameraOn;
    }

    public void setIsHostCameraOn(Boolean isHostCameraOn) {
        this.isHostCameraOn = isHostCameraOn;
    }

    public Boolean getIsGuestCameraOn() {
        return isGuestCameraOn;
    }

    public void setIsGuestCameraOn(Boolean isGuestCameraOn) {
        this.isGuestCameraOn = isGuestCameraOn;
    }
}
