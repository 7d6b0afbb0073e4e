package dev.credence.api.infer;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One option an inference algorithm accepts: its name, its type, its default, the values allowed
 * and a line of help. A provider publishes its options as a list ({@link
 * InferenceProvider#options()}); listings ({@code credence inferences}), validation and error
 * messages are all made from that list, so they cannot disagree with the code that reads the
 * values.
 *
 * <pre>{@code
 * static final Option<Double> LR = Option.real("lr", 0.01, Range.greaterThan(0), "learning rate");
 * static final Option<String> GUIDE =
 *         Option.choice("guide", "normal", List.of("normal", "mvn", "delta"), "automatic guide");
 *
 * double lr = config.get(LR);                    // the given value, checked, or the default
 * }</pre>
 *
 * <p>Values arrive typed (a program passes {@code 1e12} for a real option, a {@link StateStore} for
 * an object option) or as text (from a command line: {@code "1e12"}), which {@link #value(Object)}
 * parses; either way the value is checked against the type and the range, and a bad one is refused
 * with a message that names the option, what it allows and what was found.
 *
 * @param <T> the Java type of the value
 * @param name the option's name, lower case with dashes ({@code num-warmup})
 * @param type the Java type of the value
 * @param defaultValue the value when the option is not given (null for object options)
 * @param range the interval numeric values must lie in ({@link Range#ANY} for other types)
 * @param choices the allowed values of a text option (empty: any text)
 * @param help one line for users
 */
public record Option<T>(
        String name,
        Class<T> type,
        T defaultValue,
        Range range,
        List<String> choices,
        String help) {

    /**
     * Checks the declaration: the name, and that the default is allowed.
     *
     * @param name the name
     * @param type the type
     * @param defaultValue the default
     * @param range the range
     * @param choices the choices
     * @param help the help
     */
    public Option {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(range, "range");
        choices = List.copyOf(choices);
        if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException(
                    "option names are lower case letters, digits and dashes, found '" + name + "'");
        }
        if (defaultValue != null) {
            check(name, type, defaultValue, range, choices);
        }
    }

    /**
     * An integer option.
     *
     * @param name the name
     * @param defaultValue the default
     * @param range the allowed interval
     * @param help one line of help
     * @return the option
     */
    public static Option<Integer> integer(String name, int defaultValue, Range range, String help) {
        return new Option<>(name, Integer.class, defaultValue, range, List.of(), help);
    }

    /**
     * A real-number option.
     *
     * @param name the name
     * @param defaultValue the default
     * @param range the allowed interval
     * @param help one line of help
     * @return the option
     */
    public static Option<Double> real(String name, double defaultValue, Range range, String help) {
        return new Option<>(name, Double.class, defaultValue, range, List.of(), help);
    }

    /**
     * A true/false option.
     *
     * @param name the name
     * @param defaultValue the default
     * @param help one line of help
     * @return the option
     */
    public static Option<Boolean> flag(String name, boolean defaultValue, String help) {
        return new Option<>(name, Boolean.class, defaultValue, Range.ANY, List.of(), help);
    }

    /**
     * A text option whose value is one of a list (matched ignoring case, returned as listed).
     *
     * @param name the name
     * @param defaultValue the default, one of the choices
     * @param choices the allowed values
     * @param help one line of help
     * @return the option
     */
    public static Option<String> choice(
            String name, String defaultValue, List<String> choices, String help) {
        return new Option<>(name, String.class, defaultValue, Range.ANY, choices, help);
    }

    /**
     * An option that holds an object a program passes (a {@link StateStore}, say); it has no
     * default and no text form.
     *
     * @param <T> the type
     * @param name the name
     * @param type the type
     * @param help one line of help
     * @return the option
     */
    public static <T> Option<T> object(String name, Class<T> type, String help) {
        return new Option<>(name, type, null, Range.ANY, List.of(), help);
    }

    /**
     * Checks a given value and converts it to the option's type: a value of the type, a number of
     * another boxed type that converts exactly, or text that parses.
     *
     * @param given the value, not null
     * @return the value as the option's type
     * @throws IllegalArgumentException naming the option, what it allows and what was found
     */
    public T value(Object given) {
        return check(name, type, given, range, choices);
    }

    /**
     * Describes the values allowed, for listings and messages: {@code "an integer in [1, 64]"},
     * {@code "one of normal|mvn|delta"}, {@code "true or false"}.
     *
     * @return the description
     */
    public String allowed() {
        if (type == Integer.class) {
            return "an integer in " + range;
        } else if (type == Double.class) {
            return "a number in " + range;
        } else if (type == Boolean.class) {
            return "true or false";
        } else if (type == String.class) {
            return choices.isEmpty() ? "text" : "one of " + String.join("|", choices);
        }
        return "a " + type.getSimpleName() + " (set by programs, not on a command line)";
    }

    private static <T> T check(
            String name, Class<T> type, Object given, Range range, List<String> choices) {
        Object v = convert(type, given);
        if (v == null) {
            throw bad(name, type, range, choices, given);
        }
        if (v instanceof Number n && !range.contains(n.doubleValue())) {
            throw bad(name, type, range, choices, given);
        }
        if (v instanceof String s && !choices.isEmpty()) {
            v = choices.stream().filter(c -> c.equalsIgnoreCase(s.trim())).findFirst().orElse(null);
            if (v == null) {
                throw bad(name, type, range, choices, given);
            }
        }
        return type.cast(v);
    }

    private static Object convert(Class<?> type, Object given) {
        if (type.isInstance(given)) {
            return given;
        }
        String text = given instanceof String s ? s.trim() : null;
        try {
            if (type == Double.class) {
                if (given instanceof Number n && !(given instanceof Double)) {
                    return n.doubleValue();
                }
                return text == null ? null : Double.parseDouble(text);
            } else if (type == Integer.class) {
                if (given instanceof Long l && l == l.intValue()) {
                    return l.intValue();
                }
                return text == null ? null : Integer.parseInt(text);
            } else if (type == Boolean.class && text != null) {
                return switch (text.toLowerCase(Locale.ROOT)) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    default -> null;
                };
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static IllegalArgumentException bad(
            String name, Class<?> type, Range range, List<String> choices, Object given) {
        Option<?> o = new Option<>(name, type, null, range, choices, "");
        String found = given instanceof String s ? "'" + s + "'" : String.valueOf(given);
        return new IllegalArgumentException(
                "option '" + name + "' must be " + o.allowed() + ", found " + found);
    }
}
