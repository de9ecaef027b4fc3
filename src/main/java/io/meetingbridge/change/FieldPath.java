package io.meetingbridge.change;

import java.util.ArrayList;
import java.util.List;

/**
 * Where in a record value a problem is, written as producers write it in code:
 * {@code series.attendees[2].name}. The whole value is {@code value}.
 *
 * @param steps field names (String) and array indexes (Integer), outermost first
 */
record FieldPath(List<Object> steps) implements Comparable<FieldPath> {

    static final FieldPath VALUE = new FieldPath(List.of());

    FieldPath field(String name) {
        return then(name);
    }

    FieldPath index(int index) {
        return then(index);
    }

    private FieldPath then(Object step) {
        List<Object> longer = new ArrayList<>(steps);
        longer.add(step);
        return new FieldPath(List.copyOf(longer));
    }

    /** Step by step: names alphabetically, indexes by number, a path before the paths inside it. */
    @Override
    public int compareTo(FieldPath other) {
        for (int i = 0; i < Math.min(steps.size(), other.steps.size()); i++) {
            int order = compareSteps(steps.get(i), other.steps.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(steps.size(), other.steps.size());
    }

    private static int compareSteps(Object a, Object b) {
        if (a instanceof Integer x && b instanceof Integer y) {
            return Integer.compare(x, y);
        }
        return a.toString().compareTo(b.toString());
    }

    @Override
    public String toString() {
        if (steps.isEmpty()) {
            return "value";
        }
        StringBuilder text = new StringBuilder();
        for (Object step : steps) {
            if (step instanceof Integer index) {
                text.append('[').append(index).append(']');
            } else {
                text.append(text.length() == 0 ? "" : ".").append(step);
            }
        }
        return text.toString();
    }
}
