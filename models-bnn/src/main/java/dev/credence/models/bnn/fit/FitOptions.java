package dev.credence.models.bnn.fit;

import dev.credence.api.infer.Option;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Options for {@link BnnFitter}, as a command line gives them (text by name), checked against the
 * typed schema of {@link BnnOptions}: the names a method reads, and each value's type and range. An
 * unknown name is refused with the list of the method's options, a bad value with the schema's
 * message.
 */
public final class FitOptions {
    /** The inference methods {@link BnnFitter} knows. */
    public static final List<String> METHODS =
            List.of("nuts", "svi", "map", "mcdropout", "ensemble");

    private final String method;
    private final Map<String, String> values;

    private FitOptions(String method, Map<String, String> values) {
        this.method = method;
        this.values = Map.copyOf(values);
    }

    /**
     * Validates options for a method.
     *
     * @param method one of {@link #METHODS}
     * @param options option values by name
     * @return the options
     * @throws IllegalArgumentException for an unknown method or option, naming the known ones, or a
     *     value outside the option's range, naming the range
     */
    public static FitOptions of(String method, Map<String, String> options) {
        String m = method.trim().toLowerCase(Locale.ROOT);
        if (!METHODS.contains(m)) {
            throw new IllegalArgumentException(
                    "unknown inference '" + method + "' for a network; known: " + METHODS);
        }
        Map<String, Option<?>> known = new LinkedHashMap<>();
        BnnOptions.of(m).forEach(o -> known.put(o.name(), o));
        for (Map.Entry<String, String> e : options.entrySet()) {
            Option<?> o = known.get(e.getKey());
            if (o == null) {
                throw new IllegalArgumentException(
                        "option '"
                                + e.getKey()
                                + "' is not used by "
                                + m
                                + "; its options: "
                                + known.keySet());
            }
            o.value(e.getValue());
        }
        return new FitOptions(m, new LinkedHashMap<>(options));
    }

    /**
     * Returns the method.
     *
     * @return one of {@link #METHODS}
     */
    public String method() {
        return method;
    }

    /**
     * Returns the options as given.
     *
     * @return option values by name
     */
    public Map<String, String> values() {
        return values;
    }

    /**
     * Returns the NUTS chains (4, the provider's default, unless set).
     *
     * @return the chains
     */
    public int chains() {
        return getInt("chains", 4);
    }

    /**
     * Returns the NUTS draws per chain (1000, the provider's default, unless set).
     *
     * @return the draws
     */
    public int nutsSamples() {
        return getInt("num-samples", 1000);
    }

    /**
     * Returns an option's value, checked and typed by its schema, or its default when not given.
     *
     * @param <T> the option's type
     * @param option the option, one of {@link BnnOptions}
     * @return the value, or the default (null where the default depends on the fit)
     */
    public <T> T get(Option<T> option) {
        String v = values.get(option.name());
        return v == null ? option.defaultValue() : option.value(v);
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback).trim();
    }

    int getInt(String name, int fallback) {
        String v = values.get(name);
        try {
            return v == null ? fallback : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "option '" + name + "' must be an integer, found '" + v + "'", e);
        }
    }

    double getDouble(String name, double fallback) {
        String v = values.get(name);
        try {
            return v == null ? fallback : Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "option '" + name + "' must be a number, found '" + v + "'", e);
        }
    }

    @Override
    public String toString() {
        return method + " " + values;
    }
}
