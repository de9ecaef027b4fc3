package io.meetingbridge.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The parameters of a raw query string, percent-decoded; a part that does not decode is kept as sent. */
final class QueryString {

    private final Map<String, List<String>> valuesByName;

    private QueryString(Map<String, List<String>> valuesByName) {
        this.valuesByName = valuesByName;
    }

    static QueryString parse(String rawQuery) {
        Map<String, List<String>> valuesByName = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                if (!pair.isEmpty()) {
                    int equals = pair.indexOf('=');
                    String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                    String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                    valuesByName.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
                }
            }
        }
        return new QueryString(valuesByName);
    }

    Set<String> names() {
        return valuesByName.keySet();
    }

    List<String> all(String name) {
        return valuesByName.getOrDefault(name, List.of());
    }

    Optional<String> first(String name) {
        return all(name).stream().findFirst();
    }

    /** Whether every parameter is one of these names and none is repeated. */
    boolean hasOnly(Set<String> allowed) {
        return allowed.containsAll(names()) && valuesByName.values().stream().allMatch(values -> values.size() == 1);
    }

    /** An integer parameter within bounds, or the fallback when absent. */
    int integer(String name, int min, int max, int fallback) throws InvalidFieldException {
        Optional<String> value = first(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.get());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notAnInteger) {
            // reported below, with the bounds
        }
        throw new InvalidFieldException(name + " must be an integer " + min + ".." + max);
    }

    private static String decode(String part) {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            return part;
        }
    }
}
