package io.meetingbridge.change;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper for meeting changes: strict, bounded, and exact with numbers.
 *
 * <p>The limits make a hostile value fail fast in bounded memory. A valid change is far from all
 * of them: its envelope nests 4 levels deep and no documented field is longer than 255 characters.
 */
final class ChangeJson {

    /** The largest record value read; checked on the bytes before anything is parsed. */
    static final int MAX_VALUE_BYTES = 1024 * 1024;
    static final int MAX_NESTING_DEPTH = 64;
    static final int MAX_STRING_LENGTH = 64 * 1024;
    static final int MAX_NAME_LENGTH = 1024;
    static final int MAX_NUMBER_LENGTH = 64;

    static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    // Jackson would otherwise quote the start of the value in its messages
                    .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxDocumentLength(MAX_VALUE_BYTES)
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .maxStringLength(MAX_STRING_LENGTH)
                            .maxNameLength(MAX_NAME_LENGTH)
                            .maxNumberLength(MAX_NUMBER_LENGTH)
                            .build())
                    .build())
            // the series is passed on as it came: 1.50 stays 1.50 in a field the bridge does not model
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private ChangeJson() {
    }
}
