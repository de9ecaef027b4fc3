package io.meetingbridge.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One invitee of a series ("Attendee" in the Meeting API, SDK class RestAttendeeDTO). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Attendee extends PassThroughFields {

    private String userUUID;
    private String accountId;
    private String appId;
    private String name;
    private Integer role;
    private String phone;
    private String phone2;
    private String phone3;
    private String email;
    private String sms;
    private Integer isMute;
    private Integer isAutoInvite;
    private String type;
    private String address;
    private String deptUUID;
    private String deptName;
    private Integer uniqueType;

    public String getUserUUID() {
        return userUUID;
    }

    public void setUserUUID(String userUUID) {
        this.userUUID = userUUID;
    }

    /** The third-party user ID; with App ID authentication it comes together with appId. */
    public String getAccountId() {
        return accountId;
    }

    public void setAccountId(String accountId) {
        this.accountId = accountId;
    }

    public String getAppId() {
        return appId;
    }

    public void setAppId(String appId) {
        this.appId = appId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** 0 participant, 1 host, 2 reserved. */
    public Integer getRole() {
        return role;
    }

    public void setRole(Integer role) {
        this.role = role;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getPhone2() {
        return phone2;
    }

    public void setPhone2(String phone2) {
        this.phone2 = phone2;
    }

    public String getPhone3() {
        return phone3;
    }

    public void setPhone3(String phone3) {
        this.phone3 = phone3;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getSms() {
        return sms;
    }

    public void setSms(String sms) {
        this.sms = sms;
    }

    public Integer getIsMute() {
        return isMute;
    }

    public void setIsMute(Integer isMute) {
        this.isMute = isMute;
    }

    public Integer getIsAutoInvite() {
        return isAutoInvite;
    }

    public void setIsAutoInvite(Integer isAutoInvite) {
        this.isAutoInvite = isAutoInvite;
    }

    /** The kind of endpoint: normal, terminal, outside, mobile, ideahub, board, hwvision, ... */
    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getDeptUUID() {
        return deptUUID;
    }

    public void setDeptUUID(String deptUUID) {
        this.deptUUID = deptUUID;
    }

    public String getDeptName() {
        return deptName;
    }

    public void setDeptName(String deptName) {
        this.deptName = deptName;
    }

    public Integer getUniqueType() {
        return uniqueType;
    }

    public void setUniqueType(Integer uniqueType) {
        this.uniqueType = uniqueType;
    }
}
