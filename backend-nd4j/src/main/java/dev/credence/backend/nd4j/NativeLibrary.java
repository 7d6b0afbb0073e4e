package dev.credence.backend.nd4j;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Where ND4J's native libraries unpack, how they are loaded, and how a failure is explained.
 *
 * <p>ND4J's natives are unpacked by JavaCPP into its cache folder, {@code ~/.javacpp/cache} unless
 * the system property {@value #JAVACPP_CACHE} names another. Credence keeps all its native caches
 * under one folder: when {@value #JAVACPP_CACHE} is not set, it becomes {@code <root>/javacpp},
 * where {@code <root>} is the system property {@value #PROPERTY} or else the environment variable
 * {@value #ENVIRONMENT}. This must happen before JavaCPP is first used, so the provider does it
 * before loading ND4J.
 */
final class NativeLibrary {
    private NativeLibrary() {}

    /** JavaCPP's system property for the folder native libraries unpack to. */
    static final String JAVACPP_CACHE = "org.bytedeco.javacpp.cachedir";

    /** Credence's system property for the root of its native caches. */
    static final String PROPERTY = "credence.native.cache";

    /** Credence's environment variable for the root of its native caches. */
    static final String ENVIRONMENT = "CREDENCE_NATIVE_CACHE";

    /** The ND4J release this backend is built and tested against. */
    static final String ND4J_VERSION = "1.0.0-M2.1";

    /** Sets JavaCPP's cache folder from the JVM's properties and environment; see the class doc. */
    static String configureCache() {
        return configureCache(System::getProperty, System::getenv, System::setProperty);
    }

    /**
     * Sets JavaCPP's cache folder unless it is already set.
     *
     * @param properties looks up system properties
     * @param environment looks up environment variables
     * @param setter sets a system property
     * @return the cache folder in effect, or null for JavaCPP's default
     */
    static String configureCache(
            Function<String, String> properties,
            Function<String, String> environment,
            BiConsumer<String, String> setter) {
        String current = properties.apply(JAVACPP_CACHE);
        if (current != null && !current.isBlank()) {
            return current;
        }
        String root = properties.apply(PROPERTY);
        if (root == null || root.isBlank()) {
            root = environment.apply(ENVIRONMENT);
        }
        if (root == null || root.isBlank()) {
            return null;
        }
        String dir = Path.of(root.trim(), "javacpp").toString();
        setter.accept(JAVACPP_CACHE, dir);
        return dir;
    }

    /** Initialises ND4J's CPU backend and makes one native allocation. */
    static void load() {
        Nd4j.getBackend();
        Nd4j.createUninitialized(DataType.DOUBLE, 1).close();
    }

    /**
     * Limits the threads libnd4j uses for one operation and for concurrent callers; the setting is
     * global to the JVM.
     *
     * @param threads at least 1
     */
    static void setThreads(int threads) {
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
    }

    /** Returns libnd4j's current limit on threads per operation. */
    static int threads() {
        return Nd4j.getEnvironment().maxThreads();
    }

    /**
     * Explains a failed load in one paragraph a user can act on, without a stack trace.
     *
     * @param failure what the loading threw
     * @return the reason
     */
    static String explain(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String platform = System.getProperty("os.name") + " " + System.getProperty("os.arch");
        StringBuilder sb = new StringBuilder();
        if (missingClasses(failure)) {
            sb.append("ND4J is not on the class path (")
                    .append(summary(root))
                    .append("). Add org.nd4j:nd4j-native:")
                    .append(ND4J_VERSION)
                    .append(" and the same artifact with classifier ")
                    .append(platformClassifier());
        } else {
            sb.append("ND4J's native CPU library could not be loaded on ")
                    .append(platform)
                    .append(" (")
                    .append(summary(root))
                    .append("). This backend needs org.nd4j:nd4j-native:")
                    .append(ND4J_VERSION)
                    .append(" with classifier ")
                    .append(platformClassifier())
                    .append(" (this machine's platform) on the class path");
            sb.append("; natives unpack to ")
                    .append(cacheFolder())
                    .append(", which must be writable (choose another folder with -D")
                    .append(PROPERTY)
                    .append(" or ")
                    .append(ENVIRONMENT)
                    .append(")");
        }
        sb.append(". Or pick another backend, e.g. -Dcredence.backend=jvm");
        return sb.toString();
    }

    private static boolean missingClasses(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ClassNotFoundException
                    || (c instanceof NoClassDefFoundError
                            && !String.valueOf(c.getMessage())
                                    .startsWith("Could not initialize"))) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    private static String summary(Throwable t) {
        String msg = t.getMessage();
        String text =
                t.getClass().getSimpleName() + (msg == null || msg.isBlank() ? "" : ": " + msg);
        text = text.replace('\n', ' ').replace('\r', ' ');
        return text.length() > 240 ? text.substring(0, 237) + "..." : text;
    }

    /**
     * Returns the classifier of ND4J's native jar for this machine, in JavaCPP's platform names
     * ({@code linux-x86_64}, {@code linux-arm64}, {@code macosx-arm64}, {@code macosx-x86_64},
     * {@code windows-x86_64}), computed without JavaCPP, which may be the missing piece.
     */
    static String platformClassifier() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String family =
                os.startsWith("mac") ? "macosx" : os.startsWith("windows") ? "windows" : "linux";
        String cpu =
                switch (arch) {
                    case "amd64", "x86_64" -> "x86_64";
                    case "aarch64", "arm64" -> "arm64";
                    default -> arch;
                };
        return family + "-" + cpu;
    }

    private static String cacheFolder() {
        String dir = System.getProperty(JAVACPP_CACHE);
        return dir == null || dir.isBlank() ? "JavaCPP's default ~/.javacpp/cache" : dir;
    }
}
