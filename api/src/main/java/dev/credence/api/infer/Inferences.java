package dev.credence.api.infer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The registry of inference algorithms: discovered with {@link ServiceLoader} by {@link
 * #discover()}, or built from explicit providers with {@link #of(List)} (tests). Nothing is
 * discovered in a static initialiser.
 */
public final class Inferences {
    private final List<InferenceProvider> providers;

    private Inferences(List<InferenceProvider> providers) {
        List<InferenceProvider> sorted = new ArrayList<>(providers);
        sorted.sort(Comparator.comparing(InferenceProvider::name));
        this.providers = List.copyOf(sorted);
    }

    /**
     * Finds every provider on the module path and class path; broken ones are skipped.
     *
     * @return the registry
     */
    public static Inferences discover() {
        List<InferenceProvider> found = new ArrayList<>();
        var it = ServiceLoader.load(InferenceProvider.class).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError e) {
                System.err.println("credence: skipping an inference provider: " + e.getMessage());
            }
        }
        return new Inferences(found);
    }

    /**
     * Builds a registry from explicit providers.
     *
     * @param providers the providers
     * @return the registry
     */
    public static Inferences of(List<InferenceProvider> providers) {
        return new Inferences(providers);
    }

    /**
     * Returns the providers, by name.
     *
     * @return the providers
     */
    public List<InferenceProvider> providers() {
        return providers;
    }

    /**
     * Finds a provider by name.
     *
     * @param name the name
     * @return the provider if registered
     */
    public Optional<InferenceProvider> find(String name) {
        return providers.stream().filter(p -> p.name().equalsIgnoreCase(name.trim())).findFirst();
    }

    /**
     * Creates the named algorithm.
     *
     * @param name the algorithm name
     * @param config its configuration
     * @return the algorithm
     * @throws IllegalArgumentException if no such algorithm is installed (the message lists the
     *     installed ones)
     */
    public Inference create(String name, InferenceConfig config) {
        InferenceProvider p =
                find(name)
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "unknown inference algorithm '"
                                                        + name
                                                        + "'; installed: "
                                                        + providers.stream()
                                                                .map(InferenceProvider::name)
                                                                .toList()));
        p.checkOptions(config);
        return p.create(config);
    }
}
