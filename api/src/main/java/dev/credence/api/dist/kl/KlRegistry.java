package dev.credence.api.dist.kl;

import dev.credence.api.dist.Distribution;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An open table of analytic KL divergences keyed by a pair of distribution classes.
 *
 * <p><b>Dispatch.</b> {@link #kl(Distribution, Distribution)} collects the rules whose classes are
 * supertypes of (or equal to) the arguments' classes and keeps the most specific ones: a rule for
 * {@code (P1, Q1)} beats one for {@code (P2, Q2)} when {@code P1} is a subclass of {@code P2} and
 * {@code Q1} a subclass of {@code Q2}. Exactly one survivor is used. Two survivors that neither
 * beats (say {@code (Normal, Distribution)} and {@code (Distribution, Normal)} for two normals) are
 * ambiguous, and the call fails naming both classes and the rules in conflict; so does a pair with
 * no rule at all. Neither case falls back silently: callers that accept an estimate use {@link
 * #monteCarlo} explicitly. Resolved lookups are cached; registering clears the cache.
 *
 * <pre>{@code
 * Tensor kl = KlRegistry.defaults().kl(posterior, prior);
 * KlRegistry mine = KlRegistry.withBuiltins()
 *         .register(MyFamily.class, Normal.class, (p, q) -> ...);
 * }</pre>
 */
public final class KlRegistry {
    private static final KlRegistry DEFAULTS = withBuiltins();

    private record Key(Class<?> p, Class<?> q) {}

    private final Map<Key, KlRule<Distribution, Distribution>> rules = new ConcurrentHashMap<>();
    // Replaced (not cleared) on registration, so a lookup racing a registration can only fill
    // a cache that is already discarded.
    private volatile Map<Key, KlRule<Distribution, Distribution>> resolved =
            new ConcurrentHashMap<>();

    /** Creates an empty registry. */
    public KlRegistry() {}

    /**
     * Creates a registry holding the built-in rules, independent of {@link #defaults()}.
     *
     * @return a new registry
     */
    public static KlRegistry withBuiltins() {
        KlRegistry r = new KlRegistry();
        BuiltinKlRules.registerAll(r);
        return r;
    }

    /**
     * Returns the shared registry with the built-in rules, to which users may add.
     *
     * @return the default registry
     */
    public static KlRegistry defaults() {
        return DEFAULTS;
    }

    /**
     * Registers (or replaces) the rule for a pair of classes.
     *
     * @param <P> the first type
     * @param <Q> the second type
     * @param p the class of the first argument
     * @param q the class of the second argument
     * @param rule the divergence
     * @return this registry
     */
    @SuppressWarnings("unchecked")
    public <P extends Distribution, Q extends Distribution> KlRegistry register(
            Class<P> p, Class<Q> q, KlRule<? super P, ? super Q> rule) {
        rules.put(new Key(p, q), (KlRule<Distribution, Distribution>) (KlRule<?, ?>) rule);
        resolved = new ConcurrentHashMap<>();
        return this;
    }

    /**
     * Tells whether some rule applies to a pair without ambiguity.
     *
     * @param p the class of the first argument
     * @param q the class of the second argument
     * @return true if {@link #kl} would find a rule
     */
    public boolean has(Class<? extends Distribution> p, Class<? extends Distribution> q) {
        return candidates(p, q).size() == 1;
    }

    /**
     * Computes {@code KL(p || q)} with the most specific registered rule.
     *
     * @param p the first distribution
     * @param q the second distribution
     * @return the divergence, one value per batch index
     * @throws IllegalArgumentException if no rule or more than one equally specific rule applies
     */
    public Tensor kl(Distribution p, Distribution q) {
        Key k = new Key(p.getClass(), q.getClass());
        Map<Key, KlRule<Distribution, Distribution>> cache = resolved;
        KlRule<Distribution, Distribution> rule = cache.get(k);
        if (rule == null) {
            rule = resolve(p.getClass(), q.getClass());
            cache.put(k, rule);
        }
        return rule.apply(p, q);
    }

    private KlRule<Distribution, Distribution> resolve(Class<?> p, Class<?> q) {
        List<Key> best = candidates(p, q);
        if (best.size() == 1) {
            return rules.get(best.get(0));
        }
        if (best.isEmpty()) {
            throw new IllegalArgumentException(
                    "no KL rule for KL("
                            + p.getSimpleName()
                            + " || "
                            + q.getSimpleName()
                            + "); register one, or estimate it with KlRegistry.monteCarlo(p, q,"
                            + " key, n)");
        }
        StringBuilder sb = new StringBuilder();
        for (Key k : best) {
            sb.append(" (").append(k.p().getSimpleName()).append(", ");
            sb.append(k.q().getSimpleName()).append(')');
        }
        throw new IllegalArgumentException(
                "ambiguous KL rule for KL("
                        + p.getSimpleName()
                        + " || "
                        + q.getSimpleName()
                        + "): equally specific rules"
                        + sb
                        + "; register a rule for the exact pair");
    }

    /** The applicable rules that no other applicable rule is more specific than. */
    private List<Key> candidates(Class<?> p, Class<?> q) {
        List<Key> match = new ArrayList<>();
        for (Key k : rules.keySet()) {
            if (k.p().isAssignableFrom(p) && k.q().isAssignableFrom(q)) {
                match.add(k);
            }
        }
        List<Key> best = new ArrayList<>();
        for (Key k : match) {
            boolean dominated = false;
            for (Key o : match) {
                if (!o.equals(k)
                        && k.p().isAssignableFrom(o.p())
                        && k.q().isAssignableFrom(o.q())) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                best.add(k);
            }
        }
        return best;
    }

    /**
     * A Monte Carlo estimate with its standard error.
     *
     * @param mean the average of {@code log p(x) - log q(x)} over the draws
     * @param standardError the sample standard deviation of that difference over {@code sqrt(n)}
     */
    public record Estimate(Tensor mean, Tensor standardError) {}

    /**
     * Estimates {@code KL(p || q)} by averaging {@code log p(x) - log q(x)} over {@code n} draws
     * from p, reparameterised when p allows it (so the estimate is differentiable).
     *
     * @param p the first distribution
     * @param q the second distribution
     * @param key the random key
     * @param n the number of draws
     * @return the estimate, one value per batch index
     */
    public static Tensor monteCarlo(Distribution p, Distribution q, RandomKey key, int n) {
        return logRatios(p, q, key, n).mean(false, 0);
    }

    /**
     * Estimates {@code KL(p || q)} with its Monte Carlo standard error.
     *
     * @param p the first distribution
     * @param q the second distribution
     * @param key the random key
     * @param n the number of draws, at least 2
     * @return the estimate and its standard error
     */
    public static Estimate monteCarloWithError(
            Distribution p, Distribution q, RandomKey key, int n) {
        Tensor r = logRatios(p, q, key, n);
        Tensor mean = r.mean(false, 0);
        Tensor var = r.sub(mean).square().sum(false, 0).div(n - 1);
        return new Estimate(mean, var.div(n).sqrt());
    }

    private static Tensor logRatios(Distribution p, Distribution q, RandomKey key, int n) {
        Tensor x = p.hasRsample() ? p.rsample(key, n) : p.sample(key, n);
        return p.logProb(x).sub(q.logProb(x));
    }
}
