package dev.credence.models.vae;

import dev.credence.api.backend.Backend;
import dev.credence.api.infer.CheckpointHook;
import dev.credence.api.infer.GuidedModel;
import dev.credence.api.infer.InferenceConfig;
import dev.credence.api.infer.Inferences;
import dev.credence.api.infer.Posterior;
import dev.credence.api.infer.StateStore;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import dev.credence.io.RunRecord;
import dev.credence.io.data.Dataset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains a VAE with the {@code svi} algorithm of the inference registry, epoch by epoch, and writes
 * what a run produces into one folder.
 *
 * <pre>{@code
 * VaeTrainer trainer = new VaeTrainer(backend, Inferences.discover(), VaeListener.NONE);
 * VaeResult r = trainer.train(VaeConfig.defaults(), train, test, Path.of("runs/vae"), false);
 * }</pre>
 *
 * <p><b>Training</b> is one {@code fit} of the {@link Vae#guided guided model} by SVI with Adam,
 * {@code epochs * ceil(N / B)} steps, so one compiled step serves every epoch. At the end of each
 * epoch SVI saves its state (optimizer included) in {@value #SVI_DIR}/epoch-E/ ({@link
 * SviEpochStore}) and then, at its {@code on-checkpoint} hook, the trainer reads the params so far
 * from the posterior ({@link FittedParams}), evaluates the test set, and writes into the folder:
 *
 * <ul>
 *   <li>{@value MetricsLog#CSV} and {@value MetricsLog#JSON}: one row per epoch ({@link
 *       EpochMetrics});
 *   <li>{@value VaeCheckpoint#FILE}: the fitted params, the configuration and the metrics, with a
 *       {@link RunRecord} beside it.
 * </ul>
 *
 * <p><b>After the last epoch</b> ({@link #evaluate}): the figures of {@link VaeFigures}, the
 * importance-sampled {@code -log p(x)} over the first {@code evalExamples} test images, the anomaly
 * score of every test image in {@value #ANOMALY_CSV}, and {@value #SUMMARY_JSON}.
 *
 * <p><b>Resuming.</b> With {@code resume}, a folder holding a checkpoint of the same training
 * configuration ({@link VaeConfig#sameTraining}) continues after its last epoch and ends exactly
 * where an uninterrupted run would: the random key of every step depends only on the seed and the
 * step. Asking for more epochs than a finished run had extends it.
 *
 * <p><b>Random keys</b>, all from {@code RandomKey.of(seed)}: {@code fold(0)} initial weights,
 * {@code fold(1)} the SVI run, {@code fold(2).fold(e)} the test evaluation after epoch {@code e},
 * {@code fold(3)} the final evaluation, {@code fold(4)} reading params.
 */
public final class VaeTrainer {
    /** The folder of SVI's checkpoint, inside the run's folder. */
    public static final String SVI_DIR = "svi";

    /** The SVI state's file inside each epoch's folder below {@link #SVI_DIR}. */
    public static final String SVI_FILE = "svi.ckpt";

    /** The per-example anomaly scores. */
    public static final String ANOMALY_CSV = "anomaly-scores.csv";

    /** The final figures. */
    public static final String SUMMARY_JSON = "summary.json";

    /** Steps between SVI progress reports, at most. */
    static final int REPORT_EVERY = 50;

    private final Backend backend;
    private final Inferences inferences;
    private final VaeListener listener;

    /**
     * Creates a trainer.
     *
     * @param backend where tensors live
     * @param inferences the registry that provides {@code svi}
     * @param listener receives progress, or {@link VaeListener#NONE}
     */
    public VaeTrainer(Backend backend, Inferences inferences, VaeListener listener) {
        this.backend = backend;
        this.inferences = inferences;
        this.listener = listener == null ? VaeListener.NONE : listener;
    }

    /**
     * Trains, evaluates and writes a run.
     *
     * @param config the configuration
     * @param train the training images ({@code [N, H, W]} in [0, 1])
     * @param test the test images, same size, with labels if available
     * @param dir the run's folder, created if missing
     * @param resume whether to continue from a checkpoint in {@code dir}
     * @return the result
     * @throws IOException if reading or writing the folder fails
     * @throws IllegalArgumentException if a checkpoint to resume does not match the configuration
     */
    public VaeResult train(VaeConfig config, Dataset train, Dataset test, Path dir, boolean resume)
            throws IOException {
        Files.createDirectories(dir);
        ImageData tr = ImageData.of(train, backend, config.dtype());
        ImageData te = ImageData.of(test, backend, config.dtype());
        if (te.pixels() != tr.pixels()) {
            throw new IllegalArgumentException(
                    "VAE: training images have "
                            + tr.pixels()
                            + " pixels, test images "
                            + te.pixels());
        }
        int n = tr.size();
        int batch = Math.min(config.batchSize(), n);
        long perEpoch = (n + batch - 1) / batch;
        Vae vae = new Vae(config, tr.pixels());
        RandomKey root = RandomKey.of(config.seed());
        Map<String, Tensor> init = vae.initialParams(backend, root.fold(0));
        GuidedModel guided = vae.guided(tr.images(), batch, init);

        Path file = dir.resolve(VaeCheckpoint.FILE);
        List<EpochMetrics> history = new ArrayList<>();
        FittedVae fitted = new FittedVae(vae, init);
        int start = 0;
        String dataHash = train.sha256();
        if (resume && Files.exists(file)) {
            VaeCheckpoint c = VaeCheckpoint.read(file);
            requireResumable(c, config, tr.pixels(), dataHash, file);
            start = c.epoch();
            history.addAll(c.history());
            fitted = c.toFitted(backend);
        }
        if (start < config.epochs()) {
            EpochEnd end = new EpochEnd(vae, init, tr, te, perEpoch, start, history, dir, dataHash);
            Map<String, Object> options = sviOptions(config, perEpoch, end.store, end);
            try {
                Posterior post =
                        inferences
                                .create("svi", new InferenceConfig(options, root.fold(1), end.avg))
                                .fit(guided);
                fitted = new FittedVae(vae, FittedParams.read(post, init));
            } catch (UncheckedIOException e) {
                throw new IOException(e.getMessage(), e.getCause());
            }
        }
        return finish(fitted, history, te, dir, root.fold(3));
    }

    /**
     * Evaluates a saved VAE on test images and writes the figures, scores and summary.
     *
     * @param checkpoint the fitted VAE
     * @param test the test images
     * @param dir the output folder, created if missing
     * @return the result
     * @throws IOException if writing fails
     */
    public VaeResult evaluate(VaeCheckpoint checkpoint, Dataset test, Path dir) throws IOException {
        Files.createDirectories(dir);
        VaeConfig config = checkpoint.config();
        ImageData te = ImageData.of(test, backend, config.dtype());
        if (te.pixels() != checkpoint.height() * checkpoint.width()) {
            throw new IllegalArgumentException(
                    "VAE: the checkpoint is for "
                            + checkpoint.height()
                            + " x "
                            + checkpoint.width()
                            + " images, the test images have "
                            + te.pixels()
                            + " pixels");
        }
        return finish(
                checkpoint.toFitted(backend),
                checkpoint.history(),
                te,
                dir,
                RandomKey.of(config.seed()).fold(3));
    }

    private VaeResult finish(
            FittedVae fitted, List<EpochMetrics> history, ImageData te, Path dir, RandomKey key)
            throws IOException {
        VaeConfig c = fitted.vae().config();
        List<Path> files = new ArrayList<>();
        files.add(dir.resolve(MetricsLog.CSV));
        files.add(dir.resolve(MetricsLog.JSON));
        files.add(dir.resolve(VaeCheckpoint.FILE));
        files.removeIf(p -> !Files.exists(p));
        VaeFigures figures = new VaeFigures(fitted, te.height(), te.width());
        files.addAll(figures.writeAll(dir, te.images(), te.labels(), key.fold(0)));
        double testLoss =
                history.isEmpty()
                        ? fitted.elbo(te.images(), key.fold(1)).meanLoss()
                        : history.get(history.size() - 1).testLoss();
        int m = c.evalExamples() == 0 ? te.size() : Math.min(te.size(), c.evalExamples());
        double[] logP =
                fitted.logMarginal(te.images().narrow(0, 0, m), c.evalSamples(), key.fold(2));
        double nll = 0;
        for (double v : logP) {
            nll -= v / m;
        }
        double[] scores = fitted.anomalyScores(te.images(), c.anomalySamples(), key.fold(3));
        files.add(Reports.anomalyScores(dir.resolve(ANOMALY_CSV), scores, te.labels()));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("epochs", history.size());
        summary.put("test_loss", finite(testLoss));
        summary.put("test_nll", finite(nll));
        summary.put("nll_examples", m);
        summary.put("nll_samples", c.evalSamples());
        summary.put("config", c.toOptions());
        files.add(Reports.json(dir.resolve(SUMMARY_JSON), summary));
        return new VaeResult(fitted, history, testLoss, nll, m, scores, files);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /**
     * Checks that a checkpoint can be continued by a run: the same training configuration, images
     * of the same size, the same training data (the data hash of the run record beside it, when
     * there is one), and no more epochs done than asked for.
     *
     * @param c the checkpoint
     * @param config the configuration of the run that would continue it
     * @param pixels the pixels per training image
     * @param dataHash the SHA-256 of the training data ({@link Dataset#sha256()})
     * @param file the checkpoint's file, for messages and to find its run record
     * @throws IllegalArgumentException naming what differs
     * @throws IOException if the run record beside the checkpoint cannot be read
     */
    public static void requireResumable(
            VaeCheckpoint c, VaeConfig config, int pixels, String dataHash, Path file)
            throws IOException {
        if (!c.config().sameTraining(config)) {
            throw new IllegalArgumentException(
                    file
                            + " was trained with "
                            + c.config().toOptions()
                            + ", which differs from "
                            + config.toOptions()
                            + " in more than epochs and evaluation; resume with the same settings"
                            + " or start a new run in another folder");
        }
        if (c.height() * c.width() != pixels) {
            throw new IllegalArgumentException(
                    file
                            + " is for images of "
                            + c.height() * c.width()
                            + " pixels, not "
                            + pixels);
        }
        Path record = RunRecord.besidePath(file);
        if (Files.exists(record)) {
            String was = RunRecord.read(record).dataHash();
            if (!was.isEmpty() && !was.equals(dataHash)) {
                throw new IllegalArgumentException(
                        file
                                + " was trained on other data (SHA-256 "
                                + was
                                + ", this data has "
                                + dataHash
                                + "); resume with the same data, or start a new run in another"
                                + " folder");
            }
        }
        if (c.epoch() > config.epochs()) {
            throw new IllegalArgumentException(
                    file
                            + " has already trained "
                            + c.epoch()
                            + " epochs, more than the "
                            + config.epochs()
                            + " asked for");
        }
    }

    /**
     * The options of the run's SVI fit: all epochs, a checkpoint at the end of each, resuming from
     * the store's last finished epoch.
     */
    static Map<String, Object> sviOptions(
            VaeConfig c, long perEpoch, StateStore store, CheckpointHook atEpochEnd) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("elbo", c.analyticKl() && !c.iwae() ? "meanfield" : "trace");
        o.put("epochs", c.epochs());
        o.put("optimizer", "adam");
        o.put("lr", c.learningRate());
        o.put("report-every", (int) Math.min(perEpoch, REPORT_EVERY));
        o.put("checkpoint-every", (int) perEpoch);
        o.put("state-store", store);
        o.put("resume", true);
        o.put("on-checkpoint", atEpochEnd);
        return o;
    }

    /**
     * What happens at the end of every epoch of the SVI fit, at its checkpoint: the test set is
     * evaluated at the params so far, the metrics and the VAE checkpoint are written, and only then
     * is the SVI state of the epoch before deleted ({@link SviEpochStore#finished}).
     */
    private final class EpochEnd implements CheckpointHook {
        final SviEpochStore store;
        final EpochAverage avg;
        private final Vae vae;
        private final Map<String, Tensor> init;
        private final ImageData tr;
        private final ImageData te;
        private final long perEpoch;
        private final int start;
        private final List<EpochMetrics> history;
        private final Path dir;
        private final String dataHash;
        private final Instant started = Instant.now();
        private long epochStart = System.nanoTime();

        EpochEnd(
                Vae vae,
                Map<String, Tensor> init,
                ImageData tr,
                ImageData te,
                long perEpoch,
                int start,
                List<EpochMetrics> history,
                Path dir,
                String dataHash) {
            this.vae = vae;
            this.init = init;
            this.tr = tr;
            this.te = te;
            this.perEpoch = perEpoch;
            this.start = start;
            this.history = history;
            this.dir = dir;
            this.dataHash = dataHash;
            this.store = new SviEpochStore(dir.resolve(SVI_DIR), start);
            this.avg = new EpochAverage(start * perEpoch, listener);
        }

        @Override
        public void reached(long step, Posterior post) throws IOException {
            int epochs = (int) (step / perEpoch);
            double meanElbo = avg.endEpoch();
            if (epochs <= start) {
                // SVI had no state to resume from and trains the finished epochs again, to the
                // same params (each step's key depends only on the seed and the step).
                epochStart = System.nanoTime();
                return;
            }
            FittedVae fitted = new FittedVae(vae, FittedParams.read(post, init));
            long t1 = System.nanoTime();
            RandomKey key = RandomKey.of(vae.config().seed()).fold(2).fold(epochs - 1);
            ExampleElbo elbo = fitted.elbo(te.images(), key);
            long t2 = System.nanoTime();
            EpochMetrics m =
                    new EpochMetrics(
                            epochs,
                            step,
                            -meanElbo / tr.size(),
                            elbo.meanLoss(),
                            elbo.meanLogLikelihood(),
                            elbo.meanKl(),
                            (t1 - epochStart) / 1e9,
                            (t2 - t1) / 1e9);
            history.add(m);
            MetricsLog.write(dir, history);
            VaeCheckpoint.of(fitted, tr.height(), tr.width(), epochs, history)
                    .write(
                            dir.resolve(VaeCheckpoint.FILE),
                            record(vae.config(), dataHash, started));
            store.finished(epochs);
            listener.onEpoch(m);
            epochStart = System.nanoTime();
        }
    }

    private RunRecord record(VaeConfig c, String dataHash, Instant started) {
        return RunRecord.builder()
                .backend(backend)
                .algorithm("svi")
                .config(c.toOptions())
                .seed(c.seed())
                .dataHash(dataHash)
                .start(started)
                .build();
    }
}
