package dev.credence.models.bnn.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.infer.Inferences;
import dev.credence.models.bnn.data.UciDataset;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The UCI benchmark protocol on three splits of two small data sets (the full run is {@code
 * bench/uci.sh}): both methods must beat the published mean-field VI column (Hernández-Lobato and
 * Adams 2015, as reprinted in Gal and Ghahramani 2016, Table 1) on average.
 */
class UciReducedTest {
    private static final int SPLITS = 3;
    private final Backend b = Backends.discover().select("jvm");

    static Path uci(String name) throws URISyntaxException {
        return Path.of(UciReducedTest.class.getResource("/uci/" + name + "/data.txt").toURI())
                .getParent();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "yacht, bbb, 6.89, -3.43",
        "yacht, mcdropout, 6.89, -3.43",
        "bostonHousing, bbb, 4.32, -2.90",
        "bostonHousing, mcdropout, 4.32, -2.90"
    })
    @DisplayName("40 epochs on 3 splits: RMSE and test LL better than published mean-field VI")
    void beatsPublishedVi(String name, String method, double viRmse, double viLl) throws Exception {
        UciDataset ds = UciDataset.read(uci(name));
        assertEquals(40, ds.epochs(), "the protocol's epochs");
        assertEquals(50, ds.hiddenUnits(), "the protocol's hidden units");
        double rmse = 0;
        double ll = 0;
        for (int k = 0; k < SPLITS; k++) {
            UciProtocol.SplitResult r =
                    UciProtocol.run(
                            ds,
                            k,
                            UciProtocol.options(method, ds.epochs()),
                            method,
                            b,
                            Inferences.discover(),
                            2015);
            rmse += r.metrics().rmse() / SPLITS;
            ll += r.metrics().logLikelihood() / SPLITS;
        }
        assertTrue(rmse < viRmse, name + " " + method + ": RMSE " + rmse + " vs VI " + viRmse);
        assertTrue(ll > viLl, name + " " + method + ": test LL " + ll + " vs VI " + viLl);
    }
}
