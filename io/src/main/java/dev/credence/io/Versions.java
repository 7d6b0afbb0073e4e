package dev.credence.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * The version of the code a class comes from: what provenance records, {@code credence --version}
 * and {@code credence backends} report for Credence itself and for each plugin.
 *
 * <p>The answer is looked up where the build put it, in this order: the module descriptor's version
 * (a named module on the module path; Maven's compiler records the project version there), the
 * {@code Implementation-Version} of the jar manifest (a jar on the class path, or a named module
 * whose build recorded no module version), else {@link #UNKNOWN} (classes run from a build folder).
 *
 * <pre>{@code
 * String credence = Versions.of(RunRecord.class);        // e.g. "0.1.0"
 * String plugin = Versions.of(backend.getClass());       // the backend plugin's own version
 * }</pre>
 */
public final class Versions {

    /** What {@link #of(Class)} returns when the code carries no version. */
    public static final String UNKNOWN = "unknown";

    private Versions() {}

    /**
     * Returns the version of the module or jar that defines a class.
     *
     * @param type any class of the component
     * @return the version, or {@link #UNKNOWN}
     */
    public static String of(Class<?> type) {
        Module module = type.getModule();
        if (module.isNamed()) {
            var version = module.getDescriptor().rawVersion();
            if (version.isPresent()) {
                return version.get();
            }
            // Named modules get no manifest attributes on their Package; read the manifest itself.
            String v = manifestVersion(module);
            if (v != null) {
                return v;
            }
        }
        Package p = type.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null || v.isBlank() ? UNKNOWN : v;
    }

    private static String manifestVersion(Module module) {
        try (InputStream in = module.getResourceAsStream("META-INF/MANIFEST.MF")) {
            if (in == null) {
                return null;
            }
            String v =
                    new Manifest(in)
                            .getMainAttributes()
                            .getValue(Attributes.Name.IMPLEMENTATION_VERSION);
            return v == null || v.isBlank() ? null : v;
        } catch (IOException e) {
            return null;
        }
    }
}
