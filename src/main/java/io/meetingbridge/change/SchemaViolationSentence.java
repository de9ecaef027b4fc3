package io.meetingbridge.change;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Rewrites a schema violation as a sentence that names the path, the rule and what was found:
 * {@code series.length must be 15..1440, got 14}. The rule's words come from the schema itself, so
 * the sentence cannot drift from the published file: a range names both of its bounds, and a
 * field's {@code description} says what its value must be when its type or pattern is wrong.
 *
 * <p>Two shapes of the schema read as one rule each. The alternatives of an {@code anyOf} that each
 * require a field: {@code conferenceID or seriesKey is required}. A field whose schema is
 * {@code false} inside the {@code then} of an {@code if}: {@code series is not allowed for action cancel}
 * when the {@code if} holds a {@code const}, {@code occurrenceStarts is not allowed with cycleSubConfIDs}
 * when it requires a field. A range inside such a {@code then} names its condition too:
 * {@code series.cycleParams.interval must be 1..5 when cycle is Week, got 9}.
 *
 * <p>A field gets one sentence: a conditional range or a {@code format} adds nothing to a rule of the
 * field already broken (a value that is not written as a date is not also "not a real date").
 */
final class SchemaViolationSentence {

    private static final Map<String, String> TYPE_NAMES = Map.of(
            "string", "a string", "integer", "an integer", "number", "a number",
            "boolean", "true or false", "object", "an object", "array", "an array");

    /** What to call a value of each format the schema uses. */
    private static final Map<String, String> FORMAT_NOUNS = Map.of("date", "date", MeetingTimeFormat.NAME, "time");

    private final JsonNode schema;

    SchemaViolationSentence(JsonNode schema) {
        this.schema = schema;
    }

    /** One problem per violation, except one for all the missing alternatives of one anyOf. */
    List<Problem> problems(Collection<ValidationMessage> violations) {
        List<Problem> problems = new ArrayList<>();
        Set<String> anyOfsReported = new HashSet<>();
        Set<JsonNodePath> brokenByAFirmRule = violations.stream()
                .filter(violation -> !isSecondary(violation))
                .map(ValidationMessage::getInstanceLocation)
                .collect(Collectors.toSet());
        for (ValidationMessage violation : violations) {
            if (isSecondary(violation) && brokenByAFirmRule.contains(violation.getInstanceLocation())) {
                continue;
            }
            if (!isMissingAlternative(violation)) {
                problems.add(problem(violation));
            } else if (anyOfsReported.add(violation.getInstanceLocation() + " " + anyOfOf(violation))) {
                problems.add(noAlternative(violation));
            }
        }
        return problems;
    }

    Problem problem(ValidationMessage violation) {
        FieldPath path = pathOf(violation.getInstanceLocation());
        if ("required".equals(violation.getType())) {
            FieldPath missing = path.field(violation.getProperty());
            return new Problem(missing, missing + " is required");
        }
        JsonNode rule = ruleOf(violation);
        JsonNode got = violation.getInstanceNode();
        String rest = switch (violation.getType()) {
            case "type" -> "must be " + described(rule, typeName(rule)) + got(got);
            case "pattern" -> "must be " + described(rule, "text matching " + rule.path("pattern").asText()) + got(got);
            case "enum" -> "must be one of " + listed(rule.path("enum")) + got(got);
            case "format" -> "must be a real " + FORMAT_NOUNS.get(rule.path("format").asText()) + got(got);
            case "minimum", "maximum" -> "must be " + range(rule, "minimum", "maximum", "") + when(violation) + got(got);
            // a length rule reports how long the value is, not the value
            case "minLength", "maxLength" -> isOnlyNotEmpty(rule) ? "must not be empty"
                    : "must be " + range(rule, "minLength", "maxLength", " characters")
                    + ", got " + got.textValue().codePointCount(0, got.textValue().length());
            case "minItems", "maxItems" -> isOnlyEmpty(rule) ? "must be absent or empty" + when(violation) + got(got)
                    : "must have " + range(rule, "minItems", "maxItems", " items") + ", got " + got.size();
            case "uniqueItems" -> "must have unique items, got " + Echo.of(firstRepeated(got)) + " more than once";
            case "false" -> "is not allowed" + condition(violation);
            default -> "breaks the schema's " + violation.getType() + " rule" + got(got);
        };
        return new Problem(path, path + " " + rest);
    }

    /** A rule that only narrows another ({@code format}, a range under an {@code if}): reported alone only. */
    private static boolean isSecondary(ValidationMessage violation) {
        return switch (violation.getType()) {
            case "format" -> true;
            case "minimum", "maximum", "maxItems" -> thenHolding(violation) != null;
            default -> false;
        };
    }

    /** The {@code then} the violated keyword sits in, or null. */
    private static JsonNodePath thenHolding(ValidationMessage violation) {
        for (JsonNodePath at = violation.getSchemaLocation().getFragment(); at != null && at.getNameCount() > 0;
                at = at.getParent()) {
            if ("then".equals(at.getName(at.getNameCount() - 1))) {
                return at;
            }
        }
        return null;
    }

    /** {@code " when cycle is Week"}: the constants of the {@code if} a conditional rule depends on; else empty. */
    private String when(ValidationMessage violation) {
        JsonNodePath then = thenHolding(violation);
        if (then == null) {
            return "";
        }
        List<String> constants = new ArrayList<>();
        at(then.getParent()).path("if").path("properties").properties().forEach(property -> {
            if (property.getValue().has("const")) {
                constants.add(property.getKey() + " is " + property.getValue().get("const").asText());
            }
        });
        return constants.isEmpty() ? "" : " when " + String.join(" and ", constants);
    }

    /** A required field missing from {@code anyOf/n/required}: one alternative of several. */
    private static boolean isMissingAlternative(ValidationMessage violation) {
        JsonNodePath keyword = violation.getSchemaLocation().getFragment();
        int names = keyword.getNameCount();
        return "required".equals(violation.getType()) && names >= 3 && "anyOf".equals(keyword.getName(names - 3));
    }

    private static JsonNodePath anyOfOf(ValidationMessage violation) {
        return violation.getSchemaLocation().getFragment().getParent().getParent();
    }

    /** {@code a or b is required}, the alternatives in the schema's order. */
    private Problem noAlternative(ValidationMessage violation) {
        FieldPath path = pathOf(violation.getInstanceLocation());
        List<String> alternatives = new ArrayList<>();
        FieldPath first = null;
        for (JsonNode alternative : at(anyOfOf(violation))) {
            List<String> fields = new ArrayList<>();
            for (JsonNode name : alternative.path("required")) {
                FieldPath field = path.field(name.asText());
                first = first == null ? field : first;
                fields.add(field.toString());
            }
            alternatives.add(String.join(" and ", fields));
        }
        return new Problem(first, String.join(" or ", alternatives) + " is required");
    }

    /**
     * When a field is not allowed: {@code for action cancel} or {@code with cycleSubConfIDs}, read from
     * the {@code if} whose {@code then} holds {@code properties/<field>: false}; empty when there is none.
     */
    private String condition(ValidationMessage violation) {
        JsonNodePath holder = violation.getSchemaLocation().getFragment().getParent().getParent().getParent();
        int names = holder.getNameCount();
        if (names == 0 || !"then".equals(holder.getName(names - 1))) {
            return "";
        }
        JsonNode condition = at(holder.getParent()).path("if");
        FieldPath base = pathOf(violation.getInstanceLocation().getParent());
        List<String> constants = new ArrayList<>();
        condition.path("properties").properties().forEach(property -> {
            if (property.getValue().has("const")) {
                constants.add(base.field(property.getKey()) + " " + property.getValue().get("const").asText());
            }
        });
        if (!constants.isEmpty()) {
            return " for " + String.join(" and ", constants);
        }
        List<String> required = StreamSupport.stream(condition.path("required").spliterator(), false)
                .map(name -> base.field(name.asText()).toString())
                .toList();
        return required.isEmpty() ? "" : " with " + String.join(" and ", required);
    }

    private static JsonNode firstRepeated(JsonNode array) {
        Set<JsonNode> seen = new HashSet<>();
        for (JsonNode item : array) {
            if (!seen.add(item)) {
                return item;
            }
        }
        return array;
    }

    /** An array rule that says no more than "empty". */
    private static boolean isOnlyEmpty(JsonNode rule) {
        return rule.has("maxItems") && rule.path("maxItems").asInt() == 0;
    }

    /** A length rule that says no more than "not empty". */
    private static boolean isOnlyNotEmpty(JsonNode rule) {
        return rule.path("minLength").asInt() == 1 && !rule.has("maxLength");
    }

    private static String got(JsonNode value) {
        return ", got " + Echo.of(value);
    }

    /** The schema object that holds the violated keyword, found by its JSON pointer in the file. */
    private JsonNode ruleOf(ValidationMessage violation) {
        return at(violation.getSchemaLocation().getFragment().getParent());
    }

    private JsonNode at(JsonNodePath location) {
        return schema.at(JsonPointer.compile(location.toString()));
    }

    private static String typeName(JsonNode rule) {
        String type = rule.path("type").asText();
        return TYPE_NAMES.getOrDefault(type, type);
    }

    private static String described(JsonNode rule, String otherwise) {
        return rule.path("description").asText(otherwise);
    }

    private static String range(JsonNode rule, String minKeyword, String maxKeyword, String unit) {
        JsonNode min = rule.path(minKeyword);
        JsonNode max = rule.path(maxKeyword);
        if (min.isMissingNode()) {
            return "at most " + max + unit;
        }
        return max.isMissingNode() ? "at least " + min + unit : min + ".." + max + unit;
    }

    private static String listed(JsonNode values) {
        return StreamSupport.stream(values.spliterator(), false)
                .map(JsonNode::asText)
                .collect(Collectors.joining(", "));
    }

    private static FieldPath pathOf(JsonNodePath location) {
        FieldPath path = FieldPath.VALUE;
        for (int i = 0; i < location.getNameCount(); i++) {
            Object step = location.getElement(i);
            path = step instanceof Integer index ? path.index(index) : path.field(step.toString());
        }
        return path;
    }
}
