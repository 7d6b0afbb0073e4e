package dev.credence.api.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A recursive-descent parser for one JSON document; errors carry line and column. */
final class JsonParser {
    private static final int MAX_DEPTH = 512;

    private final String s;
    private int pos;
    private int depth;

    JsonParser(String text) {
        this.s = text;
    }

    Object parseDocument() {
        skipSpace();
        Object v = value();
        skipSpace();
        if (pos < s.length()) {
            throw error("expected the end of the document", describe());
        }
        return v;
    }

    private Object value() {
        if (pos >= s.length()) {
            throw error("expected a value", "the end of the text");
        }
        char c = s.charAt(pos);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("expected a value", describe());
            }
        };
    }

    private Map<String, Object> object() {
        enter();
        pos++;
        Map<String, Object> m = new LinkedHashMap<>();
        skipSpace();
        if (peek('}')) {
            pos++;
            depth--;
            return m;
        }
        while (true) {
            skipSpace();
            if (!peek('"')) {
                throw error("expected a string key", describe());
            }
            int keyAt = pos;
            String key = string();
            skipSpace();
            expect(':');
            skipSpace();
            if (m.containsKey(key)) {
                pos = keyAt;
                throw error("duplicate key \"" + key + "\"", "a second member with that key");
            }
            m.put(key, value());
            skipSpace();
            if (peek(',')) {
                pos++;
            } else if (peek('}')) {
                pos++;
                depth--;
                return m;
            } else {
                throw error("expected ',' or '}'", describe());
            }
        }
    }

    private List<Object> array() {
        enter();
        pos++;
        List<Object> list = new ArrayList<>();
        skipSpace();
        if (peek(']')) {
            pos++;
            depth--;
            return list;
        }
        while (true) {
            skipSpace();
            list.add(value());
            skipSpace();
            if (peek(',')) {
                pos++;
            } else if (peek(']')) {
                pos++;
                depth--;
                return list;
            } else {
                throw error("expected ',' or ']'", describe());
            }
        }
    }

    private String string() {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            } else if (c == '\\') {
                escape(sb);
            } else if (c < 0x20) {
                pos--;
                throw error("expected an escaped control character in a string", describe());
            } else {
                sb.append(c);
            }
        }
        throw error("expected a closing '\"'", "the end of the text");
    }

    private void escape(StringBuilder sb) {
        if (pos >= s.length()) {
            throw error("expected an escape character", "the end of the text");
        }
        char e = s.charAt(pos++);
        switch (e) {
            case '"', '\\', '/' -> sb.append(e);
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'n' -> sb.append('\n');
            case 'r' -> sb.append('\r');
            case 't' -> sb.append('\t');
            case 'u' -> {
                if (pos + 4 > s.length()) {
                    throw error("expected four hex digits after \\u", "the end of the text");
                }
                try {
                    sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                } catch (NumberFormatException x) {
                    throw error(
                            "expected four hex digits after \\u",
                            "'" + s.substring(pos, pos + 4) + "'");
                }
                pos += 4;
            }
            default -> {
                pos--;
                throw error("expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u", describe());
            }
        }
    }

    private Object number() {
        int start = pos;
        if (peek('-')) {
            pos++;
        }
        boolean integer = true;
        if (peek('0')) {
            pos++;
        } else if (!digits()) {
            throw error("expected a digit", describe());
        }
        if (peek('.')) {
            pos++;
            integer = false;
            if (!digits()) {
                throw error("expected a digit after the decimal point", describe());
            }
        }
        if (peek('e') || peek('E')) {
            pos++;
            integer = false;
            if (peek('+') || peek('-')) {
                pos++;
            }
            if (!digits()) {
                throw error("expected a digit in the exponent", describe());
            }
        }
        String t = s.substring(start, pos);
        if (integer) {
            try {
                return Long.parseLong(t);
            } catch (NumberFormatException tooLong) {
                return Double.parseDouble(t);
            }
        }
        return Double.parseDouble(t);
    }

    private boolean digits() {
        int start = pos;
        while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
            pos++;
        }
        return pos > start;
    }

    private Object literal(String word, Object value) {
        if (!s.startsWith(word, pos)) {
            throw error("expected a value", describe());
        }
        pos += word.length();
        return value;
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH + " levels", "more");
        }
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw error("expected '" + c + "'", describe());
        }
        pos++;
    }

    private boolean peek(char c) {
        return pos < s.length() && s.charAt(pos) == c;
    }

    private void skipSpace() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private String describe() {
        if (pos >= s.length()) {
            return "the end of the text";
        }
        int end = Math.min(s.length(), pos + 12);
        return "'" + s.substring(pos, end) + (end < s.length() ? "...'" : "'");
    }

    private IllegalArgumentException error(String expected, String found) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < pos && i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new IllegalArgumentException(
                "JSON: " + expected + " at line " + line + ", column " + col + ", found " + found);
    }

    static String kind(Object v) {
        if (v == null) {
            return "null";
        } else if (v instanceof Map) {
            return "an object";
        } else if (v instanceof List) {
            return "an array";
        } else if (v instanceof String) {
            return "a string";
        } else if (v instanceof Boolean) {
            return "a boolean";
        }
        return "a number";
    }
}
