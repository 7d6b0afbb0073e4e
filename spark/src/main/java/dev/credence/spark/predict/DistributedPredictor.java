package dev.credence.spark.predict;

import dev.credence.api.infer.Posterior;
import dev.credence.api.model.Handlers;
import dev.credence.api.model.Model;
import dev.credence.api.model.Site;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import dev.credence.spark.ExecutorBackends;
import dev.credence.spark.HostValue;
import dev.credence.spark.Shard;
import dev.credence.spark.ShardModel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Posterior prediction over a Spark table: adds the predictive mean, sd, epistemic and aleatoric
 * sds and chosen quantiles of a fitted model ({@link BatchPredictor}) as columns of every row.
 *
 * <pre>{@code
 * PredictionSpec spec = DistributedPredictor.spec(
 *         model, posterior, RandomKey.of(3), 100, "y", List.of("x"), new double[] {0.05, 0.95}, "jvm");
 * Dataset<Row> out = DistributedPredictor.predict(table, spec);   // lazy, like any transformation
 * out.write().parquet("predictions");
 * }</pre>
 *
 * <p>The spec, with the posterior draws, is broadcast once; each partition streams its rows through
 * the model in batches of {@link PredictionSpec#batchRows()} rows and emits them as it goes, so
 * neither the driver nor an executor ever holds a whole partition, and nothing is collected to the
 * driver. The result is a lazy table: writing it, counting it or joining it runs the prediction.
 */
public final class DistributedPredictor {
    private DistributedPredictor() {}

    /**
     * Draws the posterior and packs the prediction's settings.
     *
     * @param model the model over a block of rows, as fitted
     * @param posterior the fitted posterior
     * @param key the key of the posterior draws
     * @param draws the number of posterior draws {@code S}
     * @param site the predicted site
     * @param features the feature columns, in the model's order
     * @param quantiles the quantiles to add
     * @param backend the backend the executors compute on
     * @return the spec, with rows in batches of 1024 and the site's name as column prefix
     */
    public static PredictionSpec spec(
            ShardModel model,
            Posterior posterior,
            RandomKey key,
            int draws,
            String site,
            List<String> features,
            double[] quantiles,
            String backend) {
        // Only the model's latent sites: an MCMC posterior also stores the deterministic sites of
        // the training run, which must not be substituted into the model on new rows.
        int k = features.size();
        Model probe =
                model.model(
                        new Shard(0, 1, k, new double[k], null)
                                .toBatch(ExecutorBackends.get(backend)));
        Map<String, Tensor> sampled = posterior.sample(key, draws);
        Map<String, HostValue> host = new LinkedHashMap<>();
        for (Site s : Handlers.trace(Handlers.seed(probe, key)).latentSites()) {
            if (s.name().equals(site)) {
                continue;
            }
            Tensor t = sampled.get(s.name());
            if (t == null) {
                throw new IllegalArgumentException(
                        "prediction: the posterior has no draws of the model's latent site '"
                                + s.name()
                                + "'; it has "
                                + sampled.keySet());
            }
            host.put(s.name(), HostValue.of(t));
        }
        return new PredictionSpec(model, host, site, features, quantiles, backend, 1024, site);
    }

    /**
     * Adds the prediction columns to a table.
     *
     * @param table the rows, with the spec's feature columns (numeric)
     * @param spec the prediction
     * @return the table with {@link PredictionSpec#columns()} added (DOUBLE), lazily computed
     */
    public static Dataset<Row> predict(Dataset<Row> table, PredictionSpec spec) {
        List<String> have = List.of(table.columns());
        int[] at = new int[spec.features().size()];
        for (int j = 0; j < at.length; j++) {
            at[j] = have.indexOf(spec.features().get(j));
            if (at[j] < 0) {
                throw new IllegalArgumentException(
                        "prediction: the table has no column '"
                                + spec.features().get(j)
                                + "'; its columns: "
                                + have);
            }
        }
        StructType schema = table.schema();
        for (String c : spec.columns()) {
            if (have.contains(c)) {
                throw new IllegalArgumentException(
                        "prediction: the table already has a column '" + c + "'");
            }
            schema = schema.add(c, DataTypes.DoubleType, false);
        }
        JavaSparkContext sc =
                JavaSparkContext.fromSparkContext(table.sparkSession().sparkContext());
        Broadcast<PredictionSpec> bc = sc.broadcast(spec);
        MapPartitionsFunction<Row, Row> f = rows -> new Batches(rows, bc.value(), at);
        return table.mapPartitions(f, Encoders.row(schema));
    }

    /** Streams a partition's rows through the model, one batch at a time. */
    private static final class Batches implements Iterator<Row> {
        private final Iterator<Row> in;
        private final PredictionSpec spec;
        private final int[] at;
        private BatchPredictor predictor;
        private final List<Row> pending = new ArrayList<>();
        private double[][] predicted;
        private int next;

        Batches(Iterator<Row> in, PredictionSpec spec, int[] at) {
            this.in = in;
            this.spec = spec;
            this.at = at;
        }

        @Override
        public boolean hasNext() {
            if (predicted != null && next < predicted.length) {
                return true;
            }
            pending.clear();
            while (pending.size() < spec.batchRows() && in.hasNext()) {
                pending.add(in.next());
            }
            if (pending.isEmpty()) {
                return false;
            }
            if (predictor == null) {
                predictor = new BatchPredictor(spec);
            }
            predicted = predictor.predict(features());
            next = 0;
            return true;
        }

        private Shard features() {
            int k = at.length;
            double[] x = new double[pending.size() * k];
            for (int i = 0; i < pending.size(); i++) {
                Row r = pending.get(i);
                for (int j = 0; j < k; j++) {
                    x[i * k + j] = number(r, at[j], spec.features().get(j));
                }
            }
            return new Shard(0, pending.size(), k, x, null);
        }

        private static double number(Row r, int j, String col) {
            Object v = r.get(j);
            if (v instanceof Number num) {
                return num.doubleValue();
            }
            throw new IllegalArgumentException(
                    "prediction: column '" + col + "' must be numeric, found " + v);
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Row r = pending.get(next);
            double[] p = predicted[next];
            next++;
            Object[] v = new Object[r.length() + p.length];
            for (int j = 0; j < r.length(); j++) {
                v[j] = r.get(j);
            }
            for (int j = 0; j < p.length; j++) {
                v[r.length() + j] = p[j];
            }
            return RowFactory.create(v);
        }
    }
}
