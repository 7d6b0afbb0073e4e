package dev.credence.models.posteriordb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.infer.Draws;
import dev.credence.api.infer.DrawsPosterior;
import dev.credence.api.infer.InferenceConfig;
import dev.credence.api.infer.Inferences;
import dev.credence.api.random.RandomKey;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * NUTS at default settings agrees with posteriordb's reference on the panel posteriors that fit the
 * CI budget, with fewer draws than the bench's 4 x (1000 + 1000): the agreement rule's bounds widen
 * with our own bulk ESS, so a shorter run is checked just as strictly for its size. No divergences
 * (Stan has none on these), and R-hat below 1.05. The seeds are fixed, so a run is reproducible.
 *
 * <p>The slower posteriors (the Gaussian process, the basketball HMM) run in {@code
 * bench/anchors/posteriordb.sh}.
 */
class PanelAgreementTest {
    private static final Backend B = Backends.discover().select("jvm");
    private static final Path PANEL = PanelFolder.find();

    @ParameterizedTest(name = "{0} ({1} x ({2} + {2}))")
    @CsvSource({
        "arma-arma11, 4, 250",
        "earnings-earn_height, 4, 250",
        "hmm_example-hmm_example, 4, 250",
        "kidiq-kidscore_interaction, 4, 250",
        "kilpisjarvi_mod-kilpisjarvi, 4, 250",
        "low_dim_gauss_mix-low_dim_gauss_mix, 4, 250",
        "mesquite-logmesquite_logvash, 4, 250",
        "nes2000-nes, 4, 250",
        "sblri-blr, 4, 250",
    })
    void agreesWithTheReference(String name, int chains, int iterations) throws Exception {
        Map<String, String> options =
                Map.of(
                        "chains", "" + chains,
                        "num-warmup", "" + iterations,
                        "num-samples", "" + iterations);
        var post =
                (DrawsPosterior)
                        Inferences.discover()
                                .create(
                                        "nuts",
                                        new InferenceConfig(options, RandomKey.of(4711), null))
                                .fit(Panel.load(name, B, PANEL));
        Draws d = post.draws();
        Agreement a = Agreement.check(d, Panel.reference(name, PANEL));
        assertTrue(a.allAgree(), name + " " + a);
        assertEquals(0, d.divergences(), name + " divergences");
        assertTrue(a.maxRhat() < 1.05, name + " R-hat " + a);
    }
}
