package dev.credence.models.posteriordb;

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
 * with our own bulk ESS, so a shorter run is checked just as strictly for its size. Warm-up is
 * shortened only where the chains still find the posterior's mode (Lotka-Volterra needs Stan's
 * 1,000 iterations). No divergences where Stan has none (it has a few on the Gaussian process), and
 * R-hat below 1.05. The seeds are fixed, so a run is reproducible.
 *
 * <p>The basketball HMM ({@code bball_drive_event_0-hmm_drive_0}) is left to {@code
 * bench/anchors/posteriordb.sh}: under Stan's default initialisation a chain can settle in a mode
 * where one hidden state is never visited, for Stan as for Credence (see {@code
 * bench/results/posteriordb-before.md}), so its agreement depends on the seed.
 */
class PanelAgreementTest {
    private static final Backend B = Backends.discover().select("jvm");
    private static final Path PANEL = PanelFolder.find();

    @ParameterizedTest(name = "{0} (4 x ({1} + {2}))")
    @CsvSource({
        "arma-arma11, 250, 250, 0",
        "earnings-earn_height, 250, 250, 0",
        "gp_pois_regr-gp_pois_regr, 250, 250, 10",
        "hmm_example-hmm_example, 250, 250, 0",
        "hudson_lynx_hare-lotka_volterra, 1000, 250, 0",
        "kidiq-kidscore_interaction, 250, 250, 0",
        "kilpisjarvi_mod-kilpisjarvi, 500, 500, 0",
        "low_dim_gauss_mix-low_dim_gauss_mix, 250, 250, 0",
        "mesquite-logmesquite_logvash, 250, 250, 0",
        "nes2000-nes, 250, 250, 0",
        "sblri-blr, 250, 250, 0",
    })
    void agreesWithTheReference(String name, int warmup, int samples, int divergencesAllowed)
            throws Exception {
        Map<String, String> options =
                Map.of("num-warmup", "" + warmup, "num-samples", "" + samples);
        var post =
                (DrawsPosterior)
                        Inferences.discover()
                                .create(
                                        "nuts",
                                        InferenceConfig.of(options, RandomKey.of(4711), null))
                                .fit(Panel.load(name, B, PANEL));
        Draws d = post.draws();
        Agreement a = Agreement.check(d, Panel.reference(name, PANEL));
        assertTrue(a.allAgree(), name + " " + a);
        assertTrue(
                d.divergences() <= divergencesAllowed,
                name + ": " + d.divergences() + " divergences");
        assertTrue(a.maxRhat() < 1.05, name + " R-hat " + a);
    }
}
