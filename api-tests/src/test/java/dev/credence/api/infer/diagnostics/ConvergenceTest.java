package dev.credence.api.infer.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * R-hat, ESS and MCSE against the {@code posterior} R package on fixed draws (normal quantiles
 * against SciPy's {@code norm.ppf}). Both the draws and the expected values come from {@code
 * golden/diagnostics.R}; nothing here is compared with Credence's own earlier output.
 */
class ConvergenceTest {

    private static List<String[]> csv(String name) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (var in = ConvergenceTest.class.getResourceAsStream("/golden/" + name);
                var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                rows.add(line.split(","));
            }
        }
        return rows;
    }

    static Map<String, double[][]> draws() throws IOException {
        Map<String, List<List<Double>>> byCase = new LinkedHashMap<>();
        for (String[] f : csv("diagnostics_draws.csv")) {
            var chains = byCase.computeIfAbsent(f[0], k -> new ArrayList<>());
            int c = Integer.parseInt(f[1]) - 1;
            while (chains.size() <= c) {
                chains.add(new ArrayList<>());
            }
            chains.get(c).add(Double.parseDouble(f[3]));
        }
        Map<String, double[][]> out = new LinkedHashMap<>();
        byCase.forEach(
                (k, v) ->
                        out.put(
                                k,
                                v.stream()
                                        .map(
                                                l ->
                                                        l.stream()
                                                                .mapToDouble(Double::doubleValue)
                                                                .toArray())
                                        .toArray(double[][]::new)));
        return out;
    }

    static Stream<Arguments> cases() throws IOException {
        Map<String, double[][]> d = draws();
        return csv("diagnostics_expected.csv").stream()
                .map(
                        f ->
                                Arguments.of(
                                        f[0],
                                        d.get(f[0]),
                                        Double.parseDouble(f[1]),
                                        Double.parseDouble(f[2]),
                                        Double.parseDouble(f[3]),
                                        Double.parseDouble(f[4])));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("matches posterior::rhat, ess_bulk, ess_tail and mcse_mean")
    void matchesPosterior(
            String name, double[][] x, double rhat, double essBulk, double essTail, double mcse) {
        assertEquals(rhat, Convergence.rhat(x), 1e-9 * rhat, name + " rhat");
        assertEquals(essBulk, Convergence.essBulk(x), 1e-7 * essBulk, name + " ess_bulk");
        assertEquals(essTail, Convergence.essTail(x), 1e-7 * essTail, name + " ess_tail");
        assertEquals(mcse, Convergence.mcseMean(x), 1e-9 * mcse, name + " mcse_mean");
    }

    @Test
    @DisplayName("normal quantiles to double precision")
    void normalQuantile() {
        assertEquals(0, NormalQuantile.of(0.5), 0);
        assertEquals(1.959963984540054, NormalQuantile.of(0.975), 1e-15);
        assertEquals(-2.3263478740408408, NormalQuantile.of(0.01), 1e-14);
        assertEquals(-8.209536151601387, NormalQuantile.of(1.1102230246251565e-16), 1e-12);
        assertEquals(-37.0470962993612, NormalQuantile.of(1e-300), 1e-11);
        assertEquals(-0.5244005127080409, NormalQuantile.of(0.3), 1e-15);
    }

    @Test
    @DisplayName("E-BFMI of independent energies is about 2; of a random walk, small")
    void ebfmi() {
        var r = new java.util.SplittableRandom(1);
        double[] iid = new double[4000];
        double[] walk = new double[4000];
        for (int i = 0; i < iid.length; i++) {
            iid[i] = r.nextGaussian();
            walk[i] = (i > 0 ? walk[i - 1] : 0) + 0.1 * r.nextGaussian();
        }
        assertEquals(2.0, Convergence.ebfmi(iid), 0.15);
        assertEquals(0.0, Convergence.ebfmi(walk), 0.05);
    }
}
