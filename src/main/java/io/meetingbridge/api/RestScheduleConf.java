package io.meetingbridge.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The body of "Modifying a Recurring Meeting Series" (PUT /v1/mmc/management/cycleconferences),
 * SDK class RestScheduleConfDTO. It replaces the whole series: a field left out goes back to its
 * default. For typed reading only: the bridge sends the body as it came, not this model.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RestScheduleConf extends PassThroughFields {

    private String startTime;
    private Integer length;
    private String subject;
    private String mediaTypes;
    private String groupuri;
    private List<Attendee> attendees;
    private CycleParams cycleParams;
    private Integer isAutoRecord;
    private Integer encryptMode;
    private String language;
    private String timeZoneID;
    private Integer recordType;
    private String liveAddress;
    private String auxAddress;
    private Integer recordAuxStream;
    private ConfConfigInfo confConfigInfo;
    private Integer recordAuthType;
    private Integer vmrFlag;
    private String vmrID;
    private Integer concurrentParticipants;
    private Boolean supportSimultaneousInterpretation;

    /** UTC, {@code yyyy-MM-dd HH:mm}; empty or absent means "start now". */
    public String getStartTime() {
        return startTime;
    }

    public void setStartTime(String startTime) {
        this.startTime = startTime;
    }

    /** Minutes, 15..1440. */
    public Integer getLength() {
        return length;
    }

    public void setLength(Integer length) {
        this.length = length;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    /** {@code Voice} or {@code HDVideo}. */
    public String getMediaTypes() {
        return mediaTypes;
    }

    public void setMediaTypes(String mediaTypes) {
        this.mediaTypes = mediaTypes;
    }

    public String getGroupuri() {
        return groupuri;
    }

    public void setGroupuri(String groupuri) {
        this.groupuri = groupuri;
    }

    public List<Attendee> getAttendees() {
        return attendees;
    }

    public void setAttendees(List<Attendee> attendees) {
        this.attendees = attendees;
    }

    public CycleParams getCycleParams() {
        return cycleParams;
    }

    public void setCycleParams(CycleParams cycleParams) {
        this.cycleParams = cycleParams;
    }

    public Integer getIsAutoRecord() {
        return isAutoRecord;
    }

    public void setIsAutoRecord(Integer isAutoRecord) {
        this.isAutoRecord = isAutoRecord;
    }

    /** 0 adaptive, 1 forced, 2 none. */
    public Integer getEncryptMode() {
        return encryptMode;
    }

    public void setEncryptMode(Integer encryptMode) {
        this.encryptMode = encryptMode;
    }

    /** Language of the notifications: {@code zh-CN} or {@code en-US}. */
    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    /** A numeric time zone ID of the API's table; the cycle's dates are local dates in this zone. */
    public String getTimeZoneID() {
        return timeZoneID;
    }

    public void setTimeZoneID(String timeZoneID) {
        this.timeZoneID = timeZoneID;
    }

    /** 0 off, 1 live, 2 record, 3 live and record. */
    public Integer getRecordType() {
        return recordType;
    }

    public void setRecordType(Integer recordType) {
        this.recordType = recordType;
    }

    public String getLiveAddress() {
        return liveAddress;
    }

    public void setLiveAddress(String liveAddress) {
        this.liveAddress = liveAddress;
    }

    public String getAuxAddress() {
        return auxAddress;
    }

    public void setAuxAddress(String auxAddress) {
        this.auxAddress = auxAddress;
    }

    public Integer getRecordAuxStream() {
        return recordAuxStream;
    }

    public void setRecordAuxStream(Integer recordAuxStream) {
        this.recordAuxStream = recordAuxStream;
    }

    public ConfConfigInfo getConfConfigInfo() {
        return confConfigInfo;
    }

    public void setConfConfigInfo(ConfConfigInfo confConfigInfo) {
        this.confConfigInfo = confConfigInfo;
    }

    /** 0 anyone with the link, 1 enterprise users, 2 participants. */
    public Integer getRecordAuthType() {
        return recordAuthType;
    }

    public void setRecordAuthType(Integer recordAuthType) {
        this.recordAuthType = recordAuthType;
    }

    public Integer getVmrFlag() {
        return vmrFlag;
    }

    public void setVmrFlag(Integer vmrFlag) {
        this.vmrFlag = vmrFlag;
    }

    public String getVmrID() {
        return vmrID;
    }

    public void setVmrID(String vmrID) {
        this.vmrID = vmrID;
    }

    /** 0 means no limit. */
    public Integer getConcurrentParticipants() {
        return concurrentParticipants;
    }

    public void setConcurrentParticipants(Integer concurrentParticipants) {
        this.concurrentParticipants = concurrentParticipants;
    }

    public Boolean getSupportSimultaneousInterpretation() {
        return supportSimultaneousInterpretation;
    }

    public void setSupportSimultaneousInterpretation(Boolean supportSimultaneousInterpretation) {
        this.supportSimultaneousInterpretation = supportSimultaneousInterpretation;
    }
}
