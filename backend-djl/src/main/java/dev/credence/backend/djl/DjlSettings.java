package dev.credence.backend.djl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The DJL settings this module supplies before PyTorch loads, when the user has not set them.
 *
 * <ul>
 *   <li>{@code ai.djl.offline=true} unless the system property {@code ai.djl.offline} or the
 *       environment variable {@code DJL_OFFLINE} says otherwise: the CPU libtorch ships in the
 *       {@code pytorch-native-cpu} jar, so nothing needs downloading. Set {@code
 *       -Dai.djl.offline=false} to let DJL download a CUDA libtorch (see the README).
 *   <li>Native cache folders: when none of DJL's {@code DJL_CACHE_DIR} and {@code ENGINE_CACHE_DIR}
 *       is set (as system property or environment variable), but Credence's {@code
 *       credence.native.cache} property or {@code CREDENCE_NATIVE_CACHE} variable is, both DJL
 *       folders become its {@code djl} subfolder. Otherwise DJL's own default ({@code ~/.djl.ai})
 *       applies.
 * </ul>
 *
 * Lookups are passed in, so the rules are tested without touching the real environment.
 */
final class DjlSettings {
    private DjlSettings() {}

    /** DJL's switch for offline mode, as a system property. */
    static final String OFFLINE = "ai.djl.offline";

    /** Credence's native cache folder, as a system property. */
    static final String CACHE_PROPERTY = "credence.native.cache";

    /** Credence's native cache folder, as an environment variable. */
    static final String CACHE_ENV = "CREDENCE_NATIVE_CACHE";

    /**
     * Computes the system properties to set.
     *
     * @param properties looks up a system property, null when unset
     * @param environment looks up an environment variable, null when unset
     * @return property names and values to set, in order; empty if the user set everything
     */
    static Map<String, String> defaults(
            UnaryOperator<String> properties, UnaryOperator<String> environment) {
        Map<String, String> out = new LinkedHashMap<>();
        if (blank(properties.apply(OFFLINE)) && blank(environment.apply("DJL_OFFLINE"))) {
            out.put(OFFLINE, "true");
        }
        boolean djlCacheSet = false;
        for (String key : new String[] {"DJL_CACHE_DIR", "ENGINE_CACHE_DIR"}) {
            djlCacheSet |= !blank(properties.apply(key)) || !blank(environment.apply(key));
        }
        String credence = properties.apply(CACHE_PROPERTY);
        if (blank(credence)) {
            credence = environment.apply(CACHE_ENV);
        }
        if (!djlCacheSet && !blank(credence)) {
            String dir = java.nio.file.Path.of(credence.trim(), "djl").toString();
            out.put("DJL_CACHE_DIR", dir);
            out.put("ENGINE_CACHE_DIR", dir);
        }
        return out;
    }

    /** Sets the defaults as system properties, once, before DJL reads them. */
    static void apply() {
        defaults(System::getProperty, System::getenv).forEach(System::setProperty);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
