package dev.credence.api.dist;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of {@code golden/distributions.tsv}, written by {@code make_golden.py} from SciPy.
 *
 * @param line the line number, for test names
 * @param kind logprob, mean, variance, entropy or kl
 * @param family the family name (two names joined by '|' for kl)
 * @param params parameter values by name
 * @param value the evaluation point, or null
 * @param expected the reference result
 */
public record GoldenCase(
        int line,
        String kind,
        String family,
        Map<String, double[]> params,
        double[] value,
        double[] expected) {

    /** Reads every row of the fixture. */
    public static List<GoldenCase> load() {
        InputStream in = GoldenCase.class.getResourceAsStream("/golden/distributions.tsv");
        if (in == null) {
            throw new IllegalStateException(
                    "golden/distributions.tsv is missing from the test resources");
        }
        List<GoldenCase> out = new ArrayList<>();
        try (BufferedReader r =
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String s;
            int n = 0;
            while ((s = r.readLine()) != null) {
                n++;
                if (s.isBlank() || s.startsWith("#")) {
                    continue;
                }
                String[] f = s.split("\t");
                Map<String, double[]> ps = new LinkedHashMap<>();
                for (String kv : f[2].split(";")) {
                    int eq = kv.indexOf('=');
                    ps.put(kv.substring(0, eq), numbers(kv.substring(eq + 1)));
                }
                double[] value = f[3].equals("-") ? null : numbers(f[3]);
                out.add(new GoldenCase(n, f[0], f[1], ps, value, numbers(f[4])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static double[] numbers(String s) {
        String[] parts = s.trim().split(" ");
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            v[i] = Double.parseDouble(parts[i]);
        }
        return v;
    }

    /** Parameters with a given prefix ("" or "p." or "q."), as FLOAT64 tensors. */
    public Map<String, dev.credence.api.tensor.Tensor> tensors(String prefix) {
        Map<String, dev.credence.api.tensor.Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : params.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                double[] v = e.getValue();
                out.put(
                        e.getKey().substring(prefix.length()),
                        v.length == 1 ? DistTesting.scalar(v[0]) : DistTesting.vec(v));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return kind
                + " "
                + family
                + " "
                + paramsText()
                + (value == null ? "" : " at " + java.util.Arrays.toString(value))
                + " (line "
                + line
                + ")";
    }

    private String paramsText() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, double[]> e : params.entrySet()) {
            sb.append(e.getKey())
                    .append('=')
                    .append(java.util.Arrays.toString(e.getValue()))
                    .append(' ');
        }
        return sb.toString().trim();
    }
}
