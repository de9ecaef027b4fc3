package io.meetingbridge.change;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The published JSON Schema of a meeting change, shipped in the jar for producers to validate
 * against before they publish. The bridge checks every record against the same file.
 */
final class EnvelopeSchema {

    static final String RESOURCE = "/schema/meeting-change.schema.json";

    private final JsonSchema schema;
    private final SchemaViolationSentence sentences;

    EnvelopeSchema() {
        JsonNode tree = load();
        JsonMetaSchema withMeetingTime = JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                .format(new MeetingTimeFormat()).build();
        // 2020-12 makes format an annotation unless asked: here it is a rule, as the schema's $comment says
        SchemaValidatorsConfig formatsAreRules = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                factory -> factory.metaSchema(withMeetingTime)).getSchema(tree, formatsAreRules);
        this.sentences = new SchemaViolationSentence(tree);
    }

    List<Problem> check(JsonNode envelope) {
        return sentences.problems(schema.validate(envelope));
    }

    private static JsonNode load() {
        try (InputStream in = EnvelopeSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return ChangeJson.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
