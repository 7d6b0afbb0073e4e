package dev.credence.models.posteriordb;

import dev.credence.api.backend.Backend;
import dev.credence.api.model.Model;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The panel: each posteriordb posterior's name (its folder, {@code data-model}) and the model class
 * that writes its Stan program. A posterior folder holds {@code model.stan}, {@code data.json} and
 * {@code reference_summary.csv}.
 *
 * <pre>{@code
 * Path dir = Path.of("../shared/posteriordb");
 * Model m = Panel.load("arma-arma11", backend, dir);
 * Posterior post = Inferences.discover().create("nuts", config).fit(m);
 * Agreement a = Agreement.check(((DrawsPosterior) post).draws(),
 *         ReferenceSummary.read(dir.resolve("arma-arma11/reference_summary.csv")));
 * }</pre>
 */
public final class Panel {
    private static final Map<String, BiFunction<Backend, PosteriorData, Model>> MODELS =
            new LinkedHashMap<>();

    static {
        MODELS.put("arma-arma11", Arma11::of);
        MODELS.put("bball_drive_event_0-hmm_drive_0", HmmDrive0::of);
        MODELS.put("earnings-earn_height", EarnHeight::of);
        MODELS.put("gp_pois_regr-gp_pois_regr", GpPoisRegr::of);
        MODELS.put("hmm_example-hmm_example", HmmExample::of);
        MODELS.put("hudson_lynx_hare-lotka_volterra", LotkaVolterra::of);
        MODELS.put("kidiq-kidscore_interaction", KidscoreInteraction::of);
        MODELS.put("kilpisjarvi_mod-kilpisjarvi", Kilpisjarvi::of);
        MODELS.put("low_dim_gauss_mix-low_dim_gauss_mix", LowDimGaussMix::of);
        MODELS.put("mesquite-logmesquite_logvash", LogmesquiteLogvash::of);
        MODELS.put("nes2000-nes", Nes::of);
        MODELS.put("sblri-blr", Blr::of);
    }

    private Panel() {}

    /**
     * Returns the names of the posteriors written as models.
     *
     * @return posteriordb names, in alphabetical order
     */
    public static List<String> names() {
        return List.copyOf(MODELS.keySet());
    }

    /**
     * Builds a posterior's model from its data.
     *
     * @param name the posteriordb name
     * @param b the backend
     * @param data the data
     * @return the model
     * @throws IllegalArgumentException for a name not in the panel
     */
    public static Model model(String name, Backend b, PosteriorData data) {
        BiFunction<Backend, PosteriorData, Model> f = MODELS.get(name);
        if (f == null) {
            throw new IllegalArgumentException(
                    "no posterior '" + name + "' in the panel; the panel has " + names());
        }
        return f.apply(b, data);
    }

    /**
     * Reads a posterior's data from the panel folder and builds its model.
     *
     * @param name the posteriordb name
     * @param b the backend
     * @param panel the folder holding one folder per posterior
     * @return the model
     * @throws IOException if the data cannot be read
     */
    public static Model load(String name, Backend b, Path panel) throws IOException {
        return model(name, b, PosteriorData.read(panel.resolve(name).resolve("data.json")));
    }

    /**
     * Reads a posterior's reference summary from the panel folder.
     *
     * @param name the posteriordb name
     * @param panel the folder holding one folder per posterior
     * @return the reference
     * @throws IOException if it cannot be read
     */
    public static ReferenceSummary reference(String name, Path panel) throws IOException {
        return ReferenceSummary.read(panel.resolve(name).resolve("reference_summary.csv"));
    }
}
