package dev.credence.cli;

import dev.credence.io.Versions;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The optional packs that bring the native backends. The distribution's core runs on the pure-Java
 * {@code jvm} backend; a pack adds a native engine and is installed by unpacking it into the
 * installation's {@code plugins/} folder (see the README's "Install" section).
 *
 * <p>How to install a pack depends on how this command was started, which the launcher says with
 * the system property {@value #LAUNCHER}: {@code distribution} (an unpacked {@code
 * credence-VERSION.zip}; {@value #HOME} is its folder), {@code repository} (the developers' {@code
 * ./credence}, which builds packs named in {@code CREDENCE_PACKS}), or absent (Credence used as a
 * library, where the pack's module is a Maven dependency).
 */
enum BackendPack {
    /** PyTorch through DJL: {@code djl} on the CPU, {@code djl-gpu} on CUDA. */
    DJL("djl", List.of("djl", "djl-gpu")),
    /** ND4J's CPU kernels: {@code nd4j}. */
    ND4J("nd4j", List.of("nd4j"));

    /** The system property in which the launcher names itself. */
    static final String LAUNCHER = "credence.launcher";

    /** The system property with the installation folder of a distribution. */
    static final String HOME = "credence.home";

    private final String id;
    private final List<String> backends;

    BackendPack(String id, List<String> backends) {
        this.id = id;
        this.backends = backends;
    }

    /** The pack's name, as in {@code credence-djl-pack-...zip} and {@code CREDENCE_PACKS=djl}. */
    String id() {
        return id;
    }

    /** The backends the pack brings. */
    List<String> backends() {
        return backends;
    }

    /** The pack that brings a backend, if any does. */
    static Optional<BackendPack> providing(String backend) {
        String name = backend.trim().toLowerCase(Locale.ROOT);
        for (BackendPack p : values()) {
            if (p.backends.contains(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** One line that says how to install this pack where this command runs. */
    String installHint() {
        String launcher = System.getProperty(LAUNCHER, "");
        String version = Versions.of(BackendPack.class);
        return switch (launcher) {
            case "distribution" ->
                    "unzip credence-"
                            + id
                            + "-pack-"
                            + version
                            + "-"
                            + platform()
                            + ".zip (published with this release) into "
                            + pluginsFolder();
            case "repository" ->
                    "run with CREDENCE_PACKS="
                            + id
                            + " ./credence ..., which builds the pack from these sources";
            default ->
                    "add dev.credence:credence-backend-"
                            + id
                            + ":"
                            + version
                            + " to the class or module path";
        };
    }

    /** Where a third-party backend jar goes, or "" when Credence runs as a library. */
    static String pluginHint() {
        String launcher = System.getProperty(LAUNCHER, "");
        if (launcher.isEmpty()) {
            return "";
        }
        return "; a third-party backend jar goes into "
                + pluginsFolder()
                + " or into the CREDENCE_PLUGINS path";
    }

    private static String pluginsFolder() {
        String home = System.getProperty(HOME);
        return home == null ? "the plugins folder" : Path.of(home, "plugins").toString();
    }

    /**
     * Returns the platform suffix of pack file names for this machine, as the build's platform
     * profiles name it: {@code linux-x86_64}, {@code linux-aarch64}, {@code osx-aarch64}, {@code
     * osx-x86_64} or {@code windows-x86_64}.
     */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String family =
                os.startsWith("mac") ? "osx" : os.startsWith("windows") ? "windows" : "linux";
        String cpu =
                switch (arch) {
                    case "amd64", "x86_64" -> "x86_64";
                    case "aarch64", "arm64" -> "aarch64";
                    default -> arch;
                };
        return family + "-" + cpu;
    }
}
