package io.meetingbridge.change;

import com.fasterxml.jackson.core.JsonLocation;

/** Where in a record value something was found, in the line and column an editor shows. */
record Position(int line, int column) {

    static Position of(JsonLocation location) {
        return new Position(location.getLineNr(), location.getColumnNr());
    }

    @Override
    public String toString() {
        return "line " + line + ", column " + column;
    }
}
