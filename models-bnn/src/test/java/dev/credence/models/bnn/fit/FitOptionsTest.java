package dev.credence.models.bnn.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.credence.models.bnn.layer.Estimator;
import dev.credence.models.bnn.layer.WeightPrior;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Option parsing and its error messages. */
class FitOptionsTest {

    @Test
    @DisplayName("an unknown method names the known ones")
    void unknownMethod() {
        var e = assertThrows(IllegalArgumentException.class, () -> FitOptions.of("hmc", Map.of()));
        assertEquals(
                "unknown inference 'hmc' for a network; known: [nuts, svi, map, mcdropout,"
                        + " ensemble]",
                e.getMessage());
    }

    @Test
    @DisplayName("an option the method does not use is rejected with the method's options")
    void unknownOption() {
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> FitOptions.of("map", Map.of("members", "3")));
        assertEquals(
                "option 'members' is not used by map; its options: [epochs, batch-size, lr,"
                        + " prior-scale]",
                e.getMessage());
    }

    @Test
    @DisplayName("bad values name the option")
    void badValue() {
        FitOptions o = FitOptions.of("svi", Map.of("epochs", "ten"));
        var e = assertThrows(IllegalArgumentException.class, () -> o.getInt("epochs", 1));
        assertEquals("option 'epochs' must be an integer, found 'ten'", e.getMessage());
    }

    @Test
    @DisplayName("estimators and priors parse from their command-line names")
    void parsing() {
        assertEquals(Estimator.LOCAL, Estimator.parse("LRT"));
        assertEquals(Estimator.FLIPOUT, Estimator.parse("flipout"));
        assertEquals(WeightPrior.normal(0.5), WeightPrior.parse("normal:0.5"));
        assertEquals(
                WeightPrior.scaleMixture(0.5, 1, 0.01), WeightPrior.parse("mixture:0.5:1:0.01"));
        assertEquals(WeightPrior.learned(1), WeightPrior.parse("learned"));
        var e = assertThrows(IllegalArgumentException.class, () -> WeightPrior.parse("cauchy:1"));
        assertEquals(
                "weight prior 'cauchy:1': expected normal:S, fanin:S, learned:S or"
                        + " mixture:PI:S1:S2 (unknown prior 'cauchy')",
                e.getMessage());
    }
}
