package dev.credence.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The JSON writer and parser: exact round trips and errors that point at the place. */
class JsonTest {

    @Test
    @DisplayName("nested values round-trip, numbers as Long or Double, doubles bit for bit")
    void roundTrip() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("int", 42);
        m.put("long", Long.MIN_VALUE);
        m.put("doubles", List.of(0.1, 1e-300, -2.5e17, Double.MIN_VALUE, -0.0));
        m.put("text", "tab\t quote\" slash\\ newline\n unicode \u00e9 \u0001");
        m.put("nested", Map.of("empty", List.of(), "obj", Map.of()));
        m.put("flags", List.of(true, false));
        m.put("none", null);
        m.put("shape", new int[] {2, 3});
        Object back = Json.parse(Json.write(m));
        Map<String, Object> expected = new LinkedHashMap<>(m);
        expected.put("int", 42L);
        expected.put("long", Long.MIN_VALUE);
        expected.put("shape", List.of(2L, 3L));
        assertEquals(expected, back);
        @SuppressWarnings("unchecked")
        List<Double> ds = (List<Double>) ((Map<String, Object>) back).get("doubles");
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(ds.get(4)));
    }

    @Test
    @DisplayName("parse errors name the line, the column and what was found")
    void parseErrors() {
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Json.parse("{\n  \"a\": 1,\n  \"b\" 2\n}"));
        assertTrue(e.getMessage().contains("expecting a colon"), e.getMessage());
        assertTrue(e.getMessage().endsWith("at line 3, column 7"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Json.parse("[1, 2"));
        assertTrue(e.getMessage().contains("end-of-input"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\":1,\"a\":2}"));
        assertTrue(e.getMessage().contains("Duplicate field 'a'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Json.parse("01"));
        assertTrue(e.getMessage().contains("Leading zeroes not allowed"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Json.parse("nul"));
        assertTrue(e.getMessage().contains("Unrecognized token 'nul'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Json.parseObject("[]", "header"));
        assertEquals("header: expected a JSON object, found an array", e.getMessage());
    }

    @Test
    @DisplayName("values JSON cannot hold are refused with their path")
    void writeErrors() {
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Json.write(Map.of("lr", List.of(1.0, Double.NaN))));
        assertTrue(e.getMessage().contains("NaN at $.lr[1]"), e.getMessage());
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Json.write(Map.of("t", Thread.currentThread())));
        assertTrue(e.getMessage().contains("java.lang.Thread at $.t"), e.getMessage());
    }
}
