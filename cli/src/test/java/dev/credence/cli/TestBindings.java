package dev.credence.cli;

import com.google.inject.Module;
import com.google.inject.util.Modules;
import dev.credence.api.backend.Availability;
import dev.credence.api.backend.Backend;
import dev.credence.api.backend.BackendConfig;
import dev.credence.api.backend.BackendProvider;
import dev.credence.api.backend.Backends;
import dev.credence.api.infer.Draws;
import dev.credence.api.infer.Inference;
import dev.credence.api.infer.InferenceConfig;
import dev.credence.api.infer.InferenceProvider;
import dev.credence.api.infer.Inferences;
import dev.credence.api.infer.Option;
import dev.credence.api.infer.Posterior;
import dev.credence.api.infer.diagnostics.ParameterSummary;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Registries with deliberately broken plugins, to make the command line meet failures that real
 * plugins only meet by accident: a backend whose creation throws what it is given, and a NUTS whose
 * draws are all shifted far from the posterior (so simulation-based calibration must fail).
 */
final class TestBindings {
    private TestBindings() {}

    /**
     * The real plugins plus a backend named {@code broken} that throws {@code failure} when made.
     */
    static Module brokenBackend(Supplier<? extends Throwable> failure) {
        BackendProvider broken =
                new BackendProvider() {
                    @Override
                    public String name() {
                        return "broken";
                    }

                    @Override
                    public int priority() {
                        return -1;
                    }

                    @Override
                    public Availability availability() {
                        return Availability.ok();
                    }

                    @Override
                    public String apiVersion() {
                        return Backend.API_VERSION;
                    }

                    @Override
                    public Backend create(BackendConfig config) {
                        Throwable t = failure.get();
                        if (t instanceof Error e) {
                            throw e;
                        }
                        throw (RuntimeException) t;
                    }
                };
        List<BackendProvider> all = new ArrayList<>(Backends.discover().providers());
        all.add(broken);
        Backends registry = Backends.of(all);
        return Modules.override(new CliModule())
                .with(binder -> binder.bind(Backends.class).toInstance(registry));
    }

    /** The real plugins, with {@code nuts} replaced by one whose draws are all shifted by +100. */
    static Module biasedNuts() {
        InferenceProvider real =
                Inferences.discover().providers().stream()
                        .filter(p -> p.name().equals("nuts"))
                        .findFirst()
                        .orElseThrow();
        InferenceProvider biased =
                new InferenceProvider() {
                    @Override
                    public String name() {
                        return "nuts";
                    }

                    @Override
                    public String description() {
                        return "NUTS with every draw shifted by +100 (miscalibrated on purpose)";
                    }

                    @Override
                    public List<Option<?>> options() {
                        return real.options();
                    }

                    @Override
                    public Inference create(InferenceConfig config) {
                        Inference inner = real.create(config);
                        return model -> shifted(inner.fit(model));
                    }
                };
        Inferences registry = Inferences.of(List.of(biased));
        return Modules.override(new CliModule())
                .with(binder -> binder.bind(Inferences.class).toInstance(registry));
    }

    private static Posterior shifted(Posterior p) {
        return new Posterior() {
            @Override
            public Map<String, Tensor> sample(RandomKey key, int n) {
                Map<String, Tensor> out = new LinkedHashMap<>();
                p.sample(key, n).forEach((k, v) -> out.put(k, v.add(100)));
                return out;
            }

            @Override
            public Draws draws(RandomKey key, int n) {
                return p.draws(key, n);
            }

            @Override
            public List<ParameterSummary> summary() {
                return p.summary();
            }
        };
    }
}
