package io.meetingbridge.trace;

/** {@link MeetingApiHttpsSpanDecorator} for a Meeting API over plain http (the simulator). */
public final class MeetingApiHttpSpanDecorator extends MeetingApiHttpsSpanDecorator {

    @Override
    public String getComponent() {
        return "http";
    }
}
