package io.meetingbridge.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** When a recurring series happens ("CycleParams" in the Meeting API, SDK class CycleParams). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CycleParams extends PassThroughFields {

    private String startDate;
    private String endDate;
    private String cycle;
    private Integer interval;
    private List<Integer> point;
    private Integer preRemindDays;

    /** {@code yyyy-MM-dd}, a local date in the series' timeZoneID. */
    public String getStartDate() {
        return startDate;
    }

    public void setStartDate(String startDate) {
        this.startDate = startDate;
    }

    /** {@code yyyy-MM-dd}, at most a year after startDate. */
    public String getEndDate() {
        return endDate;
    }

    public void setEndDate(String endDate) {
        this.endDate = endDate;
    }

    /** {@code Day}, {@code Week} or {@code Month}. */
    public String getCycle() {
        return cycle;
    }

    public void setCycle(String cycle) {
        this.cycle = cycle;
    }

    /** Cycles between occurrences: Day 1..15, Week 1..5, Month 1..3. */
    public Integer getInterval() {
        return interval;
    }

    public void setInterval(Integer interval) {
        this.interval = interval;
    }

    /** Week: days 0..6 (0 is Sunday); Month: days of the month 1..31. */
    public List<Integer> getPoint() {
        return point;
    }

    public void setPoint(List<Integer> point) {
        this.point = point;
    }

    /** Days before each occurrence the reminder goes out, 0..30. */
    public Integer getPreRemindDays() {
        return preRemindDays;
    }

    public void setPreRemindDays(Integer preRemindDays) {
        this.preRemindDays = preRemindDays;
    }
}
