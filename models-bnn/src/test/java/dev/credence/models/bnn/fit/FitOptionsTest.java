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
    @DisplayName(
            "bad values are refused when the options are made, naming the option and its range")
    void badValue() {
        String[][] cases = {
            {
                "svi",
                "epochs",
                "ten",
                "option 'epochs' must be an integer in [1, 100000], found 'ten'"
            },
            {"map", "epochs", "0", "option 'epochs' must be an integer in [1, 100000], found '0'"},
            {"map", "lr", "-1", "option 'lr' must be a number in (0, inf), found '-1'"},
            {"svi", "lr", "NaN", "option 'lr' must be a number in (0, inf), found 'NaN'"},
            {"mcdropout", "dropout", "1", "option 'dropout' must be a number in [0, 1), found '1'"},
            {
                "nuts",
                "adapt-delta",
                "0",
                "option 'adapt-delta' must be a number in (0, 1), found '0'"
            },
            {
                "svi",
                "guide",
                "foo",
                "option 'guide' must be one of meanfield|normal|diagonal|lowrank|mvn|delta, found 'foo'"
            },
            {
                "svi",
                "estimator",
                "foo",
                "option 'estimator' must be one of reparam|reparameterisation|reparameterization|local|lrt|flipout,"
                        + " found 'foo'"
            },
            {
                "ensemble",
                "members",
                "0",
                "option 'members' must be an integer in [1, 1000], found '0'"
            }
        };
        for (String[] c : cases) {
            var e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> FitOptions.of(c[0], Map.of(c[1], c[2])));
            assertEquals(c[3], e.getMessage());
        }
        assertEquals(
                0.0, FitOptions.of("mcdropout", Map.of("dropout", "0")).getDouble("dropout", 1));
        assertEquals("lrt", FitOptions.of("svi", Map.of("estimator", "lrt")).get("estimator", ""));
        assertEquals(
                "lrt", FitOptions.of("svi", Map.of("estimator", "LRT")).get(BnnOptions.ESTIMATOR));
        assertEquals(40, FitOptions.of("svi", Map.of()).get(BnnOptions.EPOCHS), "the default");
        assertEquals(7, FitOptions.of("map", Map.of("epochs", " 7")).get(BnnOptions.EPOCHS));
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
