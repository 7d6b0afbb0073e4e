package dev.credence.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.std.BeanSerializerBase;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * JSON for headers, provenance records, manifests and metrics, on Jackson, with the rules these
 * files need: what is written reads back exactly, and what cannot be written is refused with the
 * path to it instead of being turned into something else.
 *
 * <p>Writing accepts {@code null}, {@link Boolean}, {@link Number} (finite only: JSON has no NaN or
 * infinity, and Jackson would otherwise write them as strings), {@link CharSequence}, {@link Map}
 * with string keys, {@link java.util.Collection}, and arrays; any other object is refused, never
 * written as a bean. Parsing returns {@code null}, {@link Boolean}, {@link Long} for integers that
 * fit (larger ones as {@link java.math.BigInteger}), {@link Double} for other numbers, {@link
 * String}, {@link List} and {@link Map} (insertion-ordered); duplicate keys and text after the
 * document are errors that name the line and column.
 *
 * <pre>{@code
 * String text = Json.write(Map.of("version", 1, "shape", new int[] {2, 3}));
 * Map<String, Object> back = Json.parseObject(text, "header");
 * }</pre>
 *
 * <p>Doubles are written as the shortest text that reads back to the same bits, so a write followed
 * by a parse is exact.
 */
public final class Json {
    /**
     * The databind mapper and printer, for writing only: building them costs a cold process about a
     * tenth of a second, which a process that only reads (a model's data, a run record) need not
     * pay.
     */
    private static final class Writing {
        static final ObjectMapper MAPPER =
                JsonMapper.builder()
                        .addModule(
                                new SimpleModule("plain-values")
                                        .setSerializerModifier(new NoBeans()))
                        .build();

        /** Two-space indents, {@code "key": value}, flat arrays as {@code [1, 2]}, empty as {}. */
        static final DefaultPrettyPrinter PRETTY =
                new DefaultPrettyPrinter(
                                Separators.createDefaultInstance()
                                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                                        .withArrayValueSpacing(Separators.Spacing.AFTER)
                                        .withObjectEmptySeparator("")
                                        .withArrayEmptySeparator(""))
                        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                        .withArrayIndenter(new DefaultPrettyPrinter.NopIndenter());

        private Writing() {}
    }

    private Json() {}

    /**
     * Writes a value as indented JSON text.
     *
     * @param value the value (see the class comment for the types allowed)
     * @return the JSON text
     * @throws IllegalArgumentException naming the path to a value that cannot be written
     */
    public static String write(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g =
                new FiniteNumbers(Writing.MAPPER.getFactory().createGenerator(out))) {
            g.setPrettyPrinter(Writing.PRETTY);
            Writing.MAPPER.writeValue(g, value);
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof IllegalArgumentException refused) {
                throw refused;
            }
            throw new IllegalArgumentException("JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Parses JSON text.
     *
     * @param text the text
     * @return the value
     * @throws IllegalArgumentException with the line and column of the first error
     */
    public static Object parse(String text) {
        try {
            return JsonValues.read(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where =
                    at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String what =
                    e.getOriginalMessage()
                            .replaceAll(" \\(start marker at \\[Source: [^\\]]*\\]\\)", "");
            throw new IllegalArgumentException("JSON: " + what + where, e);
        }
    }

    /**
     * Parses JSON text that must hold an object.
     *
     * @param text the text
     * @param what what the text is, for the error message (for example "checkpoint header")
     * @return the object's members
     * @throws IllegalArgumentException if the text is not valid JSON or not an object
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text, String what) {
        Object v = parse(text);
        if (!(v instanceof Map)) {
            throw new IllegalArgumentException(what + ": expected a JSON object, found " + kind(v));
        }
        return (Map<String, Object>) v;
    }

    /**
     * Names the JSON kind of a parsed value, for messages.
     *
     * @param v a value as {@link #parse} returns it
     * @return "null", "a boolean", "a number", "a string", "an array" or "an object"
     */
    public static String kind(Object v) {
        if (v == null) {
            return "null";
        } else if (v instanceof Boolean) {
            return "a boolean";
        } else if (v instanceof Number) {
            return "a number";
        } else if (v instanceof String) {
            return "a string";
        } else if (v instanceof List) {
            return "an array";
        }
        return "an object";
    }

    /** The JSONPath-like place the generator is at, such as {@code $.lr[1]}. */
    private static String path(JsonGenerator g) {
        StringBuilder sb = new StringBuilder();
        var inner = g.getOutputContext();
        for (var c = inner; c != null && !c.inRoot(); c = c.getParent()) {
            // The innermost array is about to write its next entry; outer ones are inside theirs.
            int index = c == inner ? c.getEntryCount() : c.getCurrentIndex();
            sb.insert(0, c.inArray() ? "[" + index + "]" : "." + c.getCurrentName());
        }
        return "$" + sb;
    }

    /** Refuses NaN and infinities where Jackson would quietly write them as strings. */
    private static final class FiniteNumbers extends JsonGeneratorDelegate {
        FiniteNumbers(JsonGenerator d) {
            super(d, false);
        }

        @Override
        public void writeNumber(double v) throws IOException {
            check(v);
            super.writeNumber(v);
        }

        @Override
        public void writeNumber(float v) throws IOException {
            check(v);
            super.writeNumber(v);
        }

        @Override
        public void writeArray(double[] a, int offset, int length) throws IOException {
            writeStartArray(a, length);
            for (int i = offset; i < offset + length; i++) {
                writeNumber(a[i]);
            }
            writeEndArray();
        }

        private void check(double v) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(
                        "JSON: cannot write the number "
                                + v
                                + " at "
                                + path(this)
                                + "; JSON has no NaN or infinity (store it as a string)");
            }
        }
    }

    /** Replaces the bean serializer of any class with one that refuses it. */
    private static final class NoBeans extends BeanSerializerModifier {
        @Override
        public JsonSerializer<?> modifySerializer(
                SerializationConfig config, BeanDescription desc, JsonSerializer<?> serializer) {
            if (!(serializer instanceof BeanSerializerBase)) {
                return serializer;
            }
            String type = desc.getBeanClass().getName();
            return new JsonSerializer<Object>() {
                @Override
                public void serialize(Object v, JsonGenerator g, SerializerProvider p) {
                    throw new IllegalArgumentException(
                            "JSON: cannot write "
                                    + type
                                    + " at "
                                    + path(g)
                                    + "; allowed are null, Boolean, Number, String, Map,"
                                    + " Collection and arrays");
                }
            };
        }
    }
}
