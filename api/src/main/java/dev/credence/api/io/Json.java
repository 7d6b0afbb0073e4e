package dev.credence.api.io;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A small JSON (RFC 8259) writer and parser for headers, provenance records and metadata; the API
 * module depends on no library, so it carries its own.
 *
 * <p>Values map to Java as follows. Writing accepts {@code null}, {@link Boolean}, {@link Number}
 * (finite only: JSON has no NaN or infinity), {@link CharSequence}, {@link Map} with string keys,
 * {@link Collection}, and arrays of {@code int}, {@code long}, {@code double} and objects. Parsing
 * returns {@code null}, {@link Boolean}, {@link Long} for integers that fit, {@link Double} for
 * other numbers, {@link String}, {@link List} and {@link Map} (insertion-ordered, duplicate keys
 * rejected).
 *
 * <pre>{@code
 * String text = Json.write(Map.of("version", 1, "shape", new int[] {2, 3}));
 * Map<String, Object> back = Json.parseObject(text, "header");
 * }</pre>
 *
 * <p>Doubles are written with {@link Double#toString(double)}, the shortest text that reads back to
 * the same bits, so a write followed by a parse is exact.
 */
public final class Json {

    private Json() {}

    /**
     * Writes a value as indented JSON text.
     *
     * @param value the value (see the class comment for the types allowed)
     * @return the JSON text
     * @throws IllegalArgumentException naming the path to a value that cannot be written
     */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 0, "$");
        return sb.toString();
    }

    /**
     * Parses JSON text.
     *
     * @param text the text
     * @return the value
     * @throws IllegalArgumentException with the line and column of the first error
     */
    public static Object parse(String text) {
        return new JsonParser(text).parseDocument();
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
            throw new IllegalArgumentException(
                    what + ": expected a JSON object, found " + JsonParser.kind(v));
        }
        return (Map<String, Object>) v;
    }

    private static void write(StringBuilder sb, Object v, int depth, String path) {
        if (v == null || v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof Number n) {
            writeNumber(sb, n, path);
        } else if (v instanceof CharSequence s) {
            writeString(sb, s);
        } else if (v instanceof Map<?, ?> m) {
            writeMap(sb, m, depth, path);
        } else if (v instanceof Collection<?> c) {
            writeList(sb, List.copyOf(c), depth, path);
        } else if (v instanceof int[] a) {
            writeList(sb, Arrays.stream(a).boxed().toList(), depth, path);
        } else if (v instanceof long[] a) {
            writeList(sb, Arrays.stream(a).boxed().toList(), depth, path);
        } else if (v instanceof double[] a) {
            writeList(sb, Arrays.stream(a).boxed().toList(), depth, path);
        } else if (v instanceof Object[] a) {
            writeList(sb, Arrays.asList(a), depth, path);
        } else {
            throw new IllegalArgumentException(
                    "JSON: cannot write "
                            + v.getClass().getName()
                            + " at "
                            + path
                            + "; allowed are null, Boolean, Number, String, Map, Collection and"
                            + " arrays");
        }
    }

    private static void writeNumber(StringBuilder sb, Number n, String path) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException(
                        "JSON: cannot write the number "
                                + d
                                + " at "
                                + path
                                + "; JSON has no NaN or infinity (store it as a string)");
            }
            sb.append(n instanceof Float f ? Float.toString(f) : Double.toString(d));
        } else if (n instanceof BigDecimal b) {
            sb.append(b.toString());
        } else if (n instanceof BigInteger
                || n instanceof Long
                || n instanceof Integer
                || n instanceof Short
                || n instanceof Byte) {
            sb.append(n);
        } else {
            write(sb, n.doubleValue(), 0, path);
        }
    }

    private static void writeMap(StringBuilder sb, Map<?, ?> m, int depth, String path) {
        if (m.isEmpty()) {
            sb.append("{}");
            return;
        }
        sb.append('{');
        String sep = "\n";
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new IllegalArgumentException(
                        "JSON: object keys must be strings, found " + e.getKey() + " at " + path);
            }
            sb.append(sep);
            indent(sb, depth + 1);
            writeString(sb, key);
            sb.append(": ");
            write(sb, e.getValue(), depth + 1, path + "." + key);
            sep = ",\n";
        }
        sb.append('\n');
        indent(sb, depth);
        sb.append('}');
    }

    private static void writeList(StringBuilder sb, List<?> list, int depth, String path) {
        boolean flat = list.stream().allMatch(x -> x == null || x instanceof Number);
        sb.append('[');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                sb.append(flat ? ", " : ",");
            }
            if (!flat) {
                sb.append('\n');
                indent(sb, depth + 1);
            }
            write(sb, list.get(i), depth + 1, path + "[" + i + "]");
        }
        if (!flat && !list.isEmpty()) {
            sb.append('\n');
            indent(sb, depth);
        }
        sb.append(']');
    }

    private static void indent(StringBuilder sb, int depth) {
        sb.append("  ".repeat(depth));
    }

    static void writeString(StringBuilder sb, CharSequence s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
