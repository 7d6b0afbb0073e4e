package dev.credence.api.backend;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Special functions against SciPy's values, written by {@code golden/special_functions.py} (checked
 * in next to its output).
 */
class ScalarMathTest {

    static Stream<Arguments> golden() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        try (var in = ScalarMathTest.class.getResourceAsStream("/golden/special_functions.csv");
                var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(",");
                rows.add(Arguments.of(f[0], Double.parseDouble(f[1]), Double.parseDouble(f[2])));
            }
        }
        return rows.stream();
    }

    private static DoubleUnaryOperator function(String name) {
        return switch (name) {
            case "lgamma" -> ScalarMath::lgamma;
            case "digamma" -> ScalarMath::digamma;
            case "trigamma" -> ScalarMath::trigamma;
            case "erf" -> ScalarMath::erf;
            case "erfc" -> ScalarMath::erfc;
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest(name = "{0}({1}) = {2}")
    @MethodSource("golden")
    @DisplayName("matches SciPy to 1e-13 relative (2e-14 absolute near a root)")
    void matchesScipy(String name, double x, double expected) {
        double actual = function(name).applyAsDouble(x);
        double tol = Math.max(1e-13 * Math.abs(expected), 2e-14);
        assertTrue(
                Math.abs(actual - expected) <= tol,
                name + "(" + x + "): expected " + expected + " but was " + actual);
    }
}
