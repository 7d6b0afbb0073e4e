package dev.credence.backend.djl;

import ai.djl.engine.Engine;
import java.util.Locale;

/**
 * Loads PyTorch through DJL once per JVM and remembers the outcome: the engine, or the reason it
 * could not load. Nothing happens until a provider first asks, so discovering the providers stays
 * cheap and never fails.
 */
final class DjlRuntime {
    private DjlRuntime() {}

    /** DJL's name for the PyTorch engine. */
    static final String ENGINE = "PyTorch";

    private static Loaded loaded;

    /**
     * The outcome of loading the engine.
     *
     * @param engine the engine, or null if it did not load
     * @param failure why it did not load, empty if it did
     */
    record Loaded(Engine engine, String failure) {
        boolean ok() {
            return engine != null;
        }
    }

    /**
     * Loads the engine on first use (applying {@link DjlSettings} first) and returns the outcome.
     *
     * @return the engine or the reason; never throws for a loading failure
     */
    static synchronized Loaded engine() {
        if (loaded == null) {
            loaded = load();
        }
        return loaded;
    }

    private static Loaded load() {
        try {
            DjlSettings.apply();
            return new Loaded(Engine.getEngine(ENGINE), "");
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            return new Loaded(null, describe(t));
        }
    }

    /**
     * Turns a loading failure into one sentence: what failed, the root cause, and what to do.
     *
     * @param t the failure
     * @return the reason
     */
    static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        StringBuilder sb = new StringBuilder("PyTorch could not be loaded through DJL: ");
        sb.append(oneLine(t));
        if (root != t) {
            sb.append(" (cause: ").append(oneLine(root)).append(')');
        }
        sb.append(". Put ai.djl.pytorch:pytorch-engine, pytorch-jni and pytorch-native-cpu")
                .append(" (classifier ")
                .append(nativeClassifier())
                .append(" on this machine) on the class path, point PYTORCH_LIBRARY_PATH at a")
                .append(" libtorch 2.7.1 lib folder, or allow DJL to download libtorch with")
                .append(" -Dai.djl.offline=false");
        return sb.toString();
    }

    /**
     * Returns the classifier of DJL's {@code pytorch-native-cpu} jar for this machine: {@code
     * linux-x86_64}, {@code linux-aarch64}, {@code osx-aarch64} or {@code win-x86_64} (DJL
     * publishes no CPU libtorch 2.7.1 jar for other platforms).
     *
     * @return the classifier
     */
    static String nativeClassifier() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String family = os.startsWith("mac") ? "osx" : os.startsWith("windows") ? "win" : "linux";
        String cpu = arch.equals("amd64") ? "x86_64" : arch.equals("arm64") ? "aarch64" : arch;
        return family + "-" + cpu;
    }

    /**
     * Returns a throwable's class and the first line of its message.
     *
     * @param t the throwable
     * @return one line
     */
    static String oneLine(Throwable t) {
        String m = t.getMessage();
        String text = t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
