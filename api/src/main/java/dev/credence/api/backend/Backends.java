package dev.credence.api.backend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * The registry of backend providers: discovery, availability and selection by name.
 *
 * <p>A registry is an ordinary object. {@link #discover()} fills one from {@link ServiceLoader};
 * tests build one from fakes with {@link #of(List)}. Nothing is discovered in a static initialiser.
 *
 * <p>Selection order for {@link #select()}: the system property {@code credence.backend}, then the
 * environment variable {@code CREDENCE_BACKEND}, then the available provider with the highest
 * {@link BackendProvider#priority()}. A provider built against another major version of the SPI is
 * listed as unavailable with the reason.
 */
public final class Backends {

    /** The system property that names the backend to use. */
    public static final String PROPERTY = "credence.backend";

    /** The environment variable that names the backend to use. */
    public static final String ENVIRONMENT = "CREDENCE_BACKEND";

    private final List<BackendProvider> providers;
    private final Function<String, String> properties;
    private final Function<String, String> environment;

    private Backends(
            List<BackendProvider> providers,
            Function<String, String> properties,
            Function<String, String> environment) {
        List<BackendProvider> sorted = new ArrayList<>(providers);
        sorted.sort(
                Comparator.comparingInt(BackendProvider::priority)
                        .reversed()
                        .thenComparing(BackendProvider::name));
        this.providers = List.copyOf(sorted);
        this.properties = properties;
        this.environment = environment;
    }

    /**
     * Finds every provider on the module path and class path. A provider whose class cannot be
     * loaded is skipped, as SLF4J does, rather than breaking discovery of the others.
     *
     * @return the registry
     */
    public static Backends discover() {
        List<BackendProvider> found = new ArrayList<>();
        var it = ServiceLoader.load(BackendProvider.class).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError e) {
                System.err.println("credence: skipping a backend provider: " + e.getMessage());
            }
        }
        return new Backends(found, System::getProperty, System::getenv);
    }

    /**
     * Builds a registry from explicit providers, ignoring system properties and the environment.
     *
     * @param providers the providers
     * @return the registry
     */
    public static Backends of(List<BackendProvider> providers) {
        return new Backends(providers, k -> null, k -> null);
    }

    /**
     * Builds a registry from explicit providers and explicit property and environment lookups.
     *
     * @param providers the providers
     * @param properties looks up system properties
     * @param environment looks up environment variables
     * @return the registry
     */
    public static Backends of(
            List<BackendProvider> providers,
            Map<String, String> properties,
            Map<String, String> environment) {
        return new Backends(providers, properties::get, environment::get);
    }

    /**
     * Returns all providers, highest priority first.
     *
     * @return the providers
     */
    public List<BackendProvider> providers() {
        return providers;
    }

    /**
     * Returns a provider's availability, including the SPI version check.
     *
     * @param p the provider
     * @return its availability; never throws
     */
    public static Availability availabilityOf(BackendProvider p) {
        String theirs;
        Availability a;
        try {
            theirs = p.apiVersion();
            a = p.availability();
        } catch (RuntimeException | LinkageError e) {
            return Availability.unavailable("provider failed while checking availability: " + e);
        }
        String ours = Backend.API_VERSION;
        if (!major(theirs).equals(major(ours))) {
            return Availability.unavailable(
                    "provider '"
                            + p.name()
                            + "' ("
                            + p.getClass().getName()
                            + ") implements backend SPI "
                            + theirs
                            + " but this Credence expects "
                            + ours
                            + "; use a release of that backend built for SPI "
                            + major(ours)
                            + ".x, or port it to Backend.execute (see the Backend Javadoc)");
        }
        return a;
    }

    private static String major(String v) {
        int dot = v.indexOf('.');
        return dot < 0 ? v : v.substring(0, dot);
    }

    /**
     * Finds a provider by name, available or not.
     *
     * @param name the name, case-insensitive
     * @return the provider if registered
     */
    public Optional<BackendProvider> find(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return providers.stream().filter(p -> p.name().equals(n)).findFirst();
    }

    /**
     * Returns the backend named by the system property {@value #PROPERTY}, else by the environment
     * variable {@value #ENVIRONMENT}: the name {@link #select()} will use, if any.
     *
     * @return the requested name, or empty when neither names one
     */
    public Optional<String> requested() {
        String named = properties.apply(PROPERTY);
        if (named == null || named.isBlank()) {
            named = environment.apply(ENVIRONMENT);
        }
        return named == null || named.isBlank() ? Optional.empty() : Optional.of(named.trim());
    }

    /**
     * Creates the backend chosen by property, environment or priority.
     *
     * @return a new backend
     * @throws BackendUnavailableException if the named backend is unknown or unavailable, or none
     *     is available
     */
    public Backend select() {
        Optional<String> named = requested();
        if (named.isPresent()) {
            return select(named.get(), BackendConfig.defaults());
        }
        for (BackendProvider p : providers) {
            if (availabilityOf(p).available()) {
                return p.create(BackendConfig.defaults());
            }
        }
        throw new BackendUnavailableException("no backend is available. " + describe());
    }

    /**
     * Creates the named backend with default options.
     *
     * @param name the backend name
     * @return a new backend
     * @throws BackendUnavailableException if it is unknown or unavailable
     */
    public Backend select(String name) {
        return select(name, BackendConfig.defaults());
    }

    /**
     * Creates the named backend.
     *
     * @param name the backend name
     * @param config backend options
     * @return a new backend
     * @throws BackendUnavailableException if it is unknown or unavailable; the message lists the
     *     available backends and why the others are not
     */
    public Backend select(String name, BackendConfig config) {
        Optional<BackendProvider> p = find(name);
        if (p.isEmpty()) {
            throw new BackendUnavailableException(
                    "unknown backend '" + name.trim() + "'. " + describe());
        }
        Availability a = availabilityOf(p.get());
        if (!a.available()) {
            throw new BackendUnavailableException(
                    "backend '"
                            + p.get().name()
                            + "' is unavailable: "
                            + a.reason()
                            + ". "
                            + describe());
        }
        return p.get().create(config);
    }

    /**
     * Describes every provider: the available ones, then each unavailable one with its reason.
     *
     * @return a one-paragraph description
     */
    public String describe() {
        List<String> ok = new ArrayList<>();
        List<String> not = new ArrayList<>();
        for (BackendProvider p : providers) {
            Availability a = availabilityOf(p);
            if (a.available()) {
                ok.add(p.name());
            } else {
                not.add(p.name() + " (" + a.reason() + ")");
            }
        }
        StringBuilder sb = new StringBuilder("Available backends: ");
        sb.append(ok.isEmpty() ? "none" : String.join(", ", ok));
        if (!not.isEmpty()) {
            sb.append("; unavailable: ").append(String.join("; ", not));
        }
        return sb.toString();
    }
}
