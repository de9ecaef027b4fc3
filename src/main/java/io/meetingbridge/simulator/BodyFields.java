package io.meetingbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Typed, checked access to the fields of one JSON object in a request body. A JSON null counts as
 * absent, as it does for the service's own (Jackson) models. Numbers must be JSON integers.
 */
final class BodyFields {

    // STRICT: 2026-02-30 is not a date, as every date in the API must be real
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm")
            .withResolverStyle(ResolverStyle.STRICT);

    private final JsonNode object;
    private final String path;

    BodyFields(JsonNode object) {
        this(object, "");
    }

    private BodyFields(JsonNode object, String path) {
        this.object = object;
        this.path = path;
    }

    BodyFields requiredObject(String name) throws InvalidFieldException {
        JsonNode value = required(name);
        if (!value.isObject()) {
            throw invalid(name, "must be an object");
        }
        return new BodyFields(value, path + name + ".");
    }

    String requiredText(String name) throws InvalidFieldException {
        JsonNode value = required(name);
        if (!value.isTextual()) {
            throw invalid(name, "must be a string");
        }
        return value.asText();
    }

    String requiredOneOf(String name, List<String> allowed) throws InvalidFieldException {
        String value = requiredText(name);
        if (!allowed.contains(value)) {
            throw invalid(name, "must be one of " + String.join(", ", allowed));
        }
        return value;
    }

    void optionalOneOf(String name, List<String> allowed) throws InvalidFieldException {
        if (isPresent(name)) {
            requiredOneOf(name, allowed);
        }
    }

    Optional<String> optionalText(String name, int maxLength) throws InvalidFieldException {
        if (!isPresent(name)) {
            return Optional.empty();
        }
        String value = requiredText(name);
        if (value.codePointCount(0, value.length()) > maxLength) {
            throw invalid(name, "must be at most " + maxLength + " characters");
        }
        return Optional.of(value);
    }

    Optional<JsonNode> optionalObject(String name) throws InvalidFieldException {
        return isPresent(name) ? Optional.of(requiredObject(name).object) : Optional.empty();
    }

    int requiredInt(String name, int min, int max) throws InvalidFieldException {
        required(name);
        return optionalInt(name, min, max).getAsInt();
    }

    OptionalInt optionalInt(String name) throws InvalidFieldException {
        if (!isPresent(name)) {
            return OptionalInt.empty();
        }
        JsonNode value = object.get(name);
        if (!isInt(value)) {
            throw invalid(name, "must be an integer");
        }
        return OptionalInt.of(value.intValue());
    }

    OptionalInt optionalInt(String name, int min, int max) throws InvalidFieldException {
        OptionalInt value = optionalInt(name);
        if (value.isPresent() && (value.getAsInt() < min || value.getAsInt() > max)) {
            throw invalid(name, "must be " + min + ".." + max);
        }
        return value;
    }

    List<Integer> optionalIntList(String name) throws InvalidFieldException {
        if (!isPresent(name)) {
            return List.of();
        }
        JsonNode value = object.get(name);
        if (!value.isArray()) {
            throw invalid(name, "must be an array of integers");
        }
        List<Integer> numbers = new ArrayList<>();
        for (JsonNode element : value) {
            if (!isInt(element)) {
                throw invalid(name, "must be an array of integers");
            }
            numbers.add(element.intValue());
        }
        return numbers;
    }

    LocalDate requiredDate(String name) throws InvalidFieldException {
        try {
            return LocalDate.parse(requiredText(name), DATE);
        } catch (DateTimeParseException e) {
            throw invalid(name, "must be a real date written yyyy-MM-dd");
        }
    }

    LocalDateTime requiredDateTime(String name) throws InvalidFieldException {
        return optionalDateTime(name).orElseThrow(() -> invalid(name, "is required"));
    }

    /** An empty string counts as absent: the API reads an empty startTime as "start now". */
    Optional<LocalDateTime> optionalDateTime(String name) throws InvalidFieldException {
        if (!isPresent(name) || requiredText(name).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(requiredText(name), DATE_TIME));
        } catch (DateTimeParseException e) {
            throw invalid(name, "must be a real time written yyyy-MM-dd HH:mm");
        }
    }

    InvalidFieldException invalid(String name, String rule) {
        return new InvalidFieldException(path + name + " " + rule);
    }

    private static boolean isInt(JsonNode value) {
        return value.isIntegralNumber() && value.canConvertToInt();
    }

    private boolean isPresent(String name) {
        JsonNode value = object.get(name);
        return value != null && !value.isNull();
    }

    private JsonNode required(String name) throws InvalidFieldException {
        if (!isPresent(name)) {
            throw invalid(name, "is required");
        }
        return object.get(name);
    }
}
