package dev.credence.models.vae;

import dev.credence.api.backend.Backend;
import dev.credence.api.tensor.Tensor;
import dev.credence.io.Checkpoint;
import dev.credence.io.FileFormatException;
import dev.credence.io.HostArray;
import dev.credence.io.RunRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted VAE on disk: the values of its param sites and what is needed to rebuild and continue
 * it, in the atomic, versioned {@link Checkpoint} format, with a {@link RunRecord} beside it.
 *
 * <p>Arrays: one per param site, by its name ({@code encoder.hidden.weight}, ...). Metadata: {@code
 * format} ({@value #FORMAT}), {@code config} ({@link VaeConfig#toOptions()}), {@code height} and
 * {@code width} of the images, {@code epoch} (the epochs trained) and {@code metrics} (one object
 * per epoch, {@link EpochMetrics#values()}).
 *
 * <p>The optimizer's state is not here: training resumes from the SVI checkpoint beside it ({@link
 * VaeTrainer}); this file is what {@code eval} and {@code sample} need.
 *
 * @param config the configuration
 * @param height the image height
 * @param width the image width
 * @param epoch the epochs trained
 * @param history the metrics of those epochs
 * @param params the param values by site name
 */
public record VaeCheckpoint(
        VaeConfig config,
        int height,
        int width,
        int epoch,
        List<EpochMetrics> history,
        Map<String, HostArray> params) {

    /** The file name inside a run's folder. */
    public static final String FILE = "vae.ckpt";

    /** The value of the {@code format} metadata entry. */
    public static final String FORMAT = "credence-vae-1";

    /**
     * Copies the collections.
     *
     * @param config the configuration
     * @param height the image height
     * @param width the image width
     * @param epoch the epochs trained
     * @param history the metrics of those epochs
     * @param params the param values by site name
     */
    public VaeCheckpoint {
        history = List.copyOf(history);
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /**
     * Captures a fitted VAE.
     *
     * @param fitted the fitted VAE
     * @param height the image height
     * @param width the image width
     * @param epoch the epochs trained
     * @param history their metrics
     * @return the checkpoint
     */
    public static VaeCheckpoint of(
            FittedVae fitted, int height, int width, int epoch, List<EpochMetrics> history) {
        Map<String, HostArray> host = new LinkedHashMap<>();
        fitted.params().forEach((k, t) -> host.put(k, HostArray.of(t)));
        return new VaeCheckpoint(fitted.vae().config(), height, width, epoch, history, host);
    }

    /**
     * Rebuilds the fitted VAE on a backend.
     *
     * @param b the backend
     * @return the fitted VAE
     * @throws IllegalArgumentException if the params do not fit the configuration
     */
    public FittedVae toFitted(Backend b) {
        Vae vae = new Vae(config, height * width);
        Map<String, Tensor> t = new LinkedHashMap<>();
        params.forEach((k, a) -> t.put(k, a.toTensor(b, config.dtype())));
        return new FittedVae(vae, t);
    }

    /**
     * Writes the checkpoint atomically, with its run record beside it.
     *
     * @param file the file
     * @param record the provenance record
     * @throws IOException if writing fails
     */
    public void write(Path file, RunRecord record) throws IOException {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("format", FORMAT);
        meta.put("config", config.toOptions());
        meta.put("height", height);
        meta.put("width", width);
        meta.put("epoch", epoch);
        meta.put("metrics", history.stream().map(EpochMetrics::values).toList());
        Checkpoint.of(params, meta).write(file, record);
    }

    /**
     * Reads a checkpoint written by {@link #write}.
     *
     * @param file the file
     * @return the checkpoint
     * @throws IOException if it cannot be read
     * @throws FileFormatException if it is not a VAE checkpoint
     */
    public static VaeCheckpoint read(Path file) throws IOException {
        Checkpoint c = Checkpoint.read(file);
        Map<String, Object> meta = c.metadata();
        if (!FORMAT.equals(meta.get("format"))) {
            throw new FileFormatException(
                    file.toString(),
                    "not a VAE checkpoint (format "
                            + meta.get("format")
                            + ", expected "
                            + FORMAT
                            + ")");
        }
        try {
            Map<String, String> options = new LinkedHashMap<>();
            ((Map<?, ?>) meta.get("config"))
                    .forEach((k, v) -> options.put((String) k, String.valueOf(v)));
            List<EpochMetrics> history = new ArrayList<>();
            for (Object m : (List<?>) meta.get("metrics")) {
                @SuppressWarnings("unchecked")
                Map<String, ?> values = (Map<String, ?>) m;
                history.add(EpochMetrics.fromValues(values));
            }
            return new VaeCheckpoint(
                    VaeConfig.fromOptions(options),
                    ((Number) meta.get("height")).intValue(),
                    ((Number) meta.get("width")).intValue(),
                    ((Number) meta.get("epoch")).intValue(),
                    history,
                    c.arrays());
        } catch (ClassCastException | NullPointerException e) {
            throw new FileFormatException(
                    file.toString(), "damaged VAE checkpoint metadata: " + meta.keySet(), e);
        }
    }
}
