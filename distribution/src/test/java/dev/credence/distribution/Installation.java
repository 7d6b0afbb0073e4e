package dev.credence.distribution;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A distribution unpacked as a user would, and runs of its {@code bin/credence} with a cache folder
 * of its own and no Maven anywhere.
 *
 * <pre>{@code
 * Installation home = Installation.unpack(Installation.distributionZip(), tempDir);
 * ProcessRun r = home.credence(Map.of(), "backends");
 * }</pre>
 */
public final class Installation {
    private final Path home;
    private final Path cache;

    private Installation(Path home, Path cache) {
        this.home = home;
        this.cache = cache;
    }

    /** The zip the build made, from the system property {@code credence.distribution.zip}. */
    public static Path distributionZip() {
        String zip = System.getProperty("credence.distribution.zip");
        assertTrue(zip != null && Files.isRegularFile(Path.of(zip)), "no distribution zip: " + zip);
        return Path.of(zip);
    }

    /**
     * Unpacks a distribution zip and makes its Unix launcher executable (zip entries keep no
     * permissions for {@link ZipInputStream}).
     *
     * @param zip the archive
     * @param into an empty folder
     * @return the installation (the archive's one top folder)
     */
    public static Installation unpack(Path zip, Path into) {
        unzip(zip, into);
        try (Stream<Path> top = Files.list(into)) {
            List<Path> dirs = top.filter(Files::isDirectory).toList();
            assertTrue(dirs.size() == 1, "one top folder in the archive: " + dirs);
            Path home = dirs.get(0);
            assertTrue(
                    home.resolve("bin/credence").toFile().setExecutable(true), "chmod +x credence");
            return new Installation(home, Files.createDirectories(into.resolve("cache")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Extracts a zip into a folder.
     *
     * @param zip the archive
     * @param into the folder
     */
    public static void unzip(Path zip, Path into) {
        try (InputStream in = Files.newInputStream(zip);
                ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                Path target = into.resolve(e.getName()).normalize();
                assertTrue(target.startsWith(into), "entry outside the folder: " + e.getName());
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(z, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The installation folder. */
    public Path home() {
        return home;
    }

    /** Its {@code plugins/} folder. */
    public Path plugins() {
        return home.resolve("plugins");
    }

    /** The launcher cache of this installation's runs ({@code CREDENCE_CACHE}). */
    public Path cache() {
        return cache;
    }

    /**
     * Runs {@code bin/credence} in the installation folder. The environment is the test's, less any
     * CREDENCE_* setting, with this installation's cache and the native cache of the build.
     *
     * @param env more variables (a null value removes one)
     * @param args the command line
     * @return the outcome
     */
    public ProcessRun credence(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/credence").toString());
        command.addAll(List.of(args));
        Map<String, String> vars = new HashMap<>();
        System.getenv().keySet().stream()
                .filter(k -> k.startsWith("CREDENCE_"))
                .forEach(k -> vars.put(k, null));
        vars.put("JAVA_HOME", System.getProperty("java.home"));
        vars.put("CREDENCE_CACHE", cache.toString());
        String natives = System.getProperty("credence.native.cache");
        if (natives != null) {
            vars.put("CREDENCE_NATIVE_CACHE", natives);
        }
        vars.putAll(env);
        return ProcessRun.run(command, vars, home);
    }
}
