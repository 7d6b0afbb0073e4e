package dev.credence.models.bnn.fit;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.nn.Activation;
import dev.credence.api.tensor.Tensor;
import dev.credence.io.Checkpoint;
import dev.credence.io.FileFormatException;
import dev.credence.io.HostArray;
import dev.credence.io.RunRecord;
import dev.credence.models.bnn.Architecture;
import dev.credence.models.bnn.Mlp;
import dev.credence.models.bnn.WeightSamples;
import dev.credence.models.bnn.data.Standardizer;
import dev.credence.models.bnn.layer.WeightPrior;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted network as saved between {@code credence bnn fit} and {@code credence bnn predict}: its
 * spec, the standardisation of the training data, and its weight sets (posterior draws, ensemble
 * members or one MAP/dropout network), in a Credence checkpoint ({@link Checkpoint}: JSON header
 * and little-endian arrays, written atomically, with a run record beside it).
 *
 * <p>Arrays: {@code draw.<i>.<weight>} per weight set, {@code noise} (homoscedastic likelihood),
 * {@code standardizer.mean} and {@code standardizer.sd}. Metadata: {@code format} {@value #FORMAT},
 * {@code version}, the spec, the target's standardisation, the dropout rate, the class count, a
 * description, and (from version 2) the names of the feature columns and of the target, so that
 * prediction matches columns by name. The checkpoint's header checksum protects all of it: an
 * edited {@code targetSd} is refused, never silently used.
 *
 * @param spec the network spec
 * @param inputs the input width
 * @param classes the number of classes (0 for regression)
 * @param standardizer the training data's standardisation
 * @param samples the weight sets
 * @param features the feature columns' names in input order, or null if saved without them
 * @param target the target column's name, or null if saved without it
 */
public record SavedNetwork(
        NetworkSpec spec,
        int inputs,
        int classes,
        Standardizer standardizer,
        WeightSamples samples,
        List<String> features,
        String target) {
    /** The {@code format} metadata value. */
    public static final String FORMAT = "credence-bnn";

    /** The version this class writes and the newest it reads (1: without column names). */
    public static final int VERSION = 2;

    /**
     * Copies the feature names.
     *
     * @param spec the network spec
     * @param inputs the input width
     * @param classes the number of classes (0 for regression)
     * @param standardizer the training data's standardisation
     * @param samples the weight sets
     * @param features the feature columns' names, or null
     * @param target the target column's name, or null
     */
    public SavedNetwork {
        if (features != null) {
            features = List.copyOf(features);
            if (features.size() != inputs) {
                throw new IllegalArgumentException(
                        "saved network: "
                                + features.size()
                                + " feature names for "
                                + inputs
                                + " inputs");
            }
        }
    }

    /**
     * Writes the network and its run record beside it.
     *
     * @param file the checkpoint file
     * @param record the provenance, or null for none
     * @throws IOException if it cannot be written
     */
    public void save(Path file, RunRecord record) throws IOException {
        Map<String, HostArray> arrays = new LinkedHashMap<>();
        List<Map<String, Tensor>> sets = samples.weights();
        for (int i = 0; i < sets.size(); i++) {
            for (var e : sets.get(i).entrySet()) {
                arrays.put("draw." + i + "." + e.getKey(), HostArray.of(e.getValue()));
            }
        }
        double[] noise = samples.noise();
        if (noise.length > 0) {
            arrays.put("noise", HostArray.ofDoubles(noise, noise.length));
        }
        double[] mean = standardizer.featureMean();
        arrays.put("standardizer.mean", HostArray.ofDoubles(mean, mean.length));
        double[] sd = standardizer.featureSd();
        arrays.put("standardizer.sd", HostArray.ofDoubles(sd, sd.length));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("format", FORMAT);
        meta.put("version", VERSION);
        meta.put("inputs", inputs);
        meta.put("hidden", Arrays.toString(spec.hidden()));
        meta.put("activation", spec.activation().name());
        meta.put("likelihood", spec.likelihood());
        meta.put("prior", spec.prior().describe());
        meta.put("classes", classes);
        meta.put("sets", sets.size());
        meta.put("dropout", samples.dropout());
        meta.put("targetMean", standardizer.targetMean());
        meta.put("targetSd", standardizer.targetSd());
        meta.put("description", samples.description());
        if (features != null) {
            meta.put("features", features);
        }
        if (target != null) {
            meta.put("target", target);
        }
        Checkpoint c = Checkpoint.of(arrays, meta);
        if (record == null) {
            c.write(file);
        } else {
            c.write(file, record);
        }
    }

    /**
     * Reads a saved network.
     *
     * @param file the checkpoint file
     * @param b the backend for the weights
     * @return the network
     * @throws IOException if it cannot be read or is not a saved network
     */
    public static SavedNetwork load(Path file, Backend b) throws IOException {
        Checkpoint c = Checkpoint.read(file);
        Map<String, Object> m = c.metadata();
        if (!FORMAT.equals(m.get("format"))) {
            throw new FileFormatException(
                    file.toString(), "not a saved network (format " + m.get("format") + ")");
        }
        int version = number(m, "version", file).intValue();
        if (version > VERSION) {
            throw new FileFormatException(
                    file.toString(),
                    "saved network version " + version + " is newer than " + VERSION);
        }
        try {
            return decode(c, m, file, b);
        } catch (ClassCastException | IllegalArgumentException | NullPointerException e) {
            throw new FileFormatException(
                    file.toString(), "damaged saved-network metadata: " + e.getMessage(), e);
        }
    }

    private static SavedNetwork decode(Checkpoint c, Map<String, Object> m, Path file, Backend b)
            throws FileFormatException {
        int[] hidden = parseInts((String) m.get("hidden"));
        NetworkSpec spec =
                new NetworkSpec(
                        hidden,
                        Activation.valueOf((String) m.get("activation")),
                        (String) m.get("likelihood"),
                        priorOf((String) m.get("prior")));
        int inputs = number(m, "inputs", file).intValue();
        int classes = number(m, "classes", file).intValue();
        int sets = number(m, "sets", file).intValue();
        Standardizer st =
                new Standardizer(
                        c.array("standardizer.mean").toDoubleArray(),
                        c.array("standardizer.sd").toDoubleArray(),
                        number(m, "targetMean", file).doubleValue(),
                        number(m, "targetSd", file).doubleValue());
        var likelihood = spec.likelihood(classes);
        Mlp mlp =
                new Mlp(new Architecture(inputs, hidden, spec.activation()), likelihood.outputs());
        List<Map<String, Tensor>> w = new ArrayList<>();
        for (int i = 0; i < sets; i++) {
            Map<String, Tensor> set = new LinkedHashMap<>();
            for (String name : mlp.shapes().keySet()) {
                set.put(name, c.array("draw." + i + "." + name).toTensor(b, DType.FLOAT64));
            }
            w.add(set);
        }
        double[] noise =
                c.arrays().containsKey("noise") ? c.array("noise").toDoubleArray() : new double[0];
        WeightSamples samples =
                new WeightSamples(
                        mlp,
                        likelihood,
                        w,
                        noise,
                        number(m, "dropout", file).doubleValue(),
                        (String) m.get("description"));
        List<String> names = null;
        if (m.get("features") instanceof List<?> list) {
            names = list.stream().map(String::valueOf).toList();
        }
        String target = m.get("target") instanceof String t ? t : null;
        return new SavedNetwork(spec, inputs, classes, st, samples, names, target);
    }

    private static Number number(Map<String, Object> m, String key, Path file)
            throws FileFormatException {
        Object v = m.get(key);
        if (!(v instanceof Number n)) {
            throw new FileFormatException(
                    file.toString(), "saved network: metadata '" + key + "' is missing");
        }
        return n;
    }

    private static int[] parseInts(String s) {
        String t = s.replace("[", "").replace("]", "").trim();
        if (t.isEmpty()) {
            return new int[0];
        }
        return Arrays.stream(t.split(",")).mapToInt(v -> Integer.parseInt(v.trim())).toArray();
    }

    /** Rebuilds a prior from its description, such as {@code normal(1.0)}. */
    private static WeightPrior priorOf(String d) {
        String spec = d.replace("(", ":").replace(")", "").replace(", ", ":");
        return WeightPrior.parse(spec);
    }
}
