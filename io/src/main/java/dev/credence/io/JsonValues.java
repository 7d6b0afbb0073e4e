package dev.credence.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON text into plain Java values with Jackson's streaming parser, the values {@link
 * Json#parse} documents: {@link Long} for integers that fit (else {@link java.math.BigInteger}),
 * {@link Double} for other numbers, {@link String}, {@link Boolean}, {@code null}, {@link List} and
 * insertion-ordered {@link Map}.
 *
 * <p>Jackson tokenises and converts numbers; this class only assembles the tokens into values, as
 * Jackson's own untyped databinding would, without building an {@code ObjectMapper} first (which
 * costs a cold process several times the parse of a model's data file). Duplicate keys and any
 * token after the document are errors, with Jackson's location.
 */
final class JsonValues {
    private static final JsonFactory FACTORY =
            JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private JsonValues() {}

    /**
     * Parses one JSON document.
     *
     * @param text the text
     * @return its value
     * @throws JsonProcessingException for malformed text, no document, or text after it
     */
    static Object read(String text) throws JsonProcessingException {
        try (JsonParser p = FACTORY.createParser(text)) {
            if (p.nextToken() == null) {
                throw new JsonParseException(p, "No content to map due to end-of-input");
            }
            Object v = value(p);
            JsonToken after = p.nextToken();
            if (after != null) {
                throw new JsonParseException(
                        p, "Trailing token (of type " + after + ") found after the value");
            }
            return v;
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value that starts at the parser's current token; leaves the parser on its last token. */
    private static Object value(JsonParser p) throws IOException {
        switch (p.currentToken()) {
            case START_OBJECT:
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    m.put(key, value(p));
                }
                return m;
            case START_ARRAY:
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(value(p));
                }
                return l;
            case VALUE_NUMBER_INT:
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? p.getBigIntegerValue()
                        : (Object) p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_STRING:
                return p.getText();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new JsonParseException(p, "Unexpected token " + p.currentToken());
        }
    }
}
