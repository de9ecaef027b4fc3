package io.meetingbridge.change;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Rewrites a schema violation as a sentence that names the path, the rule and what was found:
 * {@code series.length must be 15..1440, got 14}. The rule's words come from the schema itself, so
 * the sentence cannot drift from the published file: a range names both of its bounds, and a
 * field's {@code description} says what its value must be when its type or pattern is wrong.
 */
final class SchemaViolationSentence {

    private static final Map<String, String> TYPE_NAMES = Map.of(
            "string", "a string", "integer", "an integer", "number", "a number",
            "boolean", "true or false", "object", "an object", "array", "an array");

    private final JsonNode schema;

    SchemaViolationSentence(JsonNode schema) {
        this.schema = schema;
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
            case "minimum", "maximum" -> "must be " + range(rule, "minimum", "maximum", "") + got(got);
            // a length rule reports how long the value is, not the value
            case "minLength", "maxLength" -> "must be " + range(rule, "minLength", "maxLength", " characters")
                    + ", got " + got.textValue().codePointCount(0, got.textValue().length());
            case "minItems", "maxItems" -> "must have " + range(rule, "minItems", "maxItems", " items")
                    + ", got " + got.size();
            default -> "breaks the schema's " + violation.getType() + " rule" + got(got);
        };
        return new Problem(path, path + " " + rest);
    }

    private static String got(JsonNode value) {
        return ", got " + Echo.of(value);
    }

    /** The schema object that holds the violated keyword, found by its JSON pointer in the file. */
    private JsonNode ruleOf(ValidationMessage violation) {
        JsonNodePath keyword = violation.getSchemaLocation().getFragment();
        return schema.at(JsonPointer.compile(keyword.getParent().toString()));
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
