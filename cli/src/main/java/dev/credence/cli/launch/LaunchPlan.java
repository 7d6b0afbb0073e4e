package dev.credence.cli.launch;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where each jar of a Credence installation goes when the command starts: the module path or the
 * class path.
 *
 * <p>A jar goes on the module path when it is a module that the JVM will accept there: an explicit
 * module whose descriptor is sound, or a jar whose automatic module name is legal, whose required
 * modules are all present, and whose packages no module before it already holds. Everything else
 * (DJL's native jars, whose automatic names are not legal, ND4J's jars with broken descriptors, a
 * module whose requirements are missing) goes on the class path, where it still serves {@link
 * java.util.ServiceLoader} through {@code META-INF/services}. Of two versions of one library (see
 * {@link JarKey}) only the newest is kept.
 *
 * <pre>{@code
 * LaunchPlan plan = LaunchPlan.of(List.of(home.resolve("lib"), home.resolve("plugins")));
 * plan.writeArgFile(argFile, "dev.credence.cli/dev.credence.cli.Main");
 * // java @argFile demo
 * }</pre>
 *
 * <p>The launchers run {@link #main(String[])} when the set of jars changed and keep the argument
 * file; see {@code bin/credence} in the distribution.
 *
 * @param modulePath the jars for {@code --module-path}, in order
 * @param classPath the jars for {@code --class-path}, in order
 */
public record LaunchPlan(List<Path> modulePath, List<Path> classPath) {

    /**
     * Copies the lists.
     *
     * @param modulePath the jars for {@code --module-path}
     * @param classPath the jars for {@code --class-path}
     */
    public LaunchPlan {
        modulePath = List.copyOf(modulePath);
        classPath = List.copyOf(classPath);
    }

    /**
     * Plans a launch from folders and jars. A folder contributes its jars and those of its
     * sub-folders (a pack unpacked into {@code plugins/} is a sub-folder); earlier sources win
     * ties, so list the installation's own {@code lib/} first.
     *
     * @param sources folders and jar files; missing ones are skipped
     * @return the plan
     */
    public static LaunchPlan of(List<Path> sources) {
        List<Path> jars = newestOfEachLibrary(jarsIn(sources));
        Map<Path, ModuleDescriptor> modules = new LinkedHashMap<>();
        List<Path> classPath = new ArrayList<>();
        for (Path jar : jars) {
            ModuleDescriptor d = descriptor(jar);
            if (d == null) {
                classPath.add(jar);
            } else {
                modules.put(jar, d);
            }
        }
        demoteClashes(modules, classPath);
        demoteUnresolvable(modules, classPath);
        return new LaunchPlan(new ArrayList<>(modules.keySet()), classPath);
    }

    private static List<Path> jarsIn(List<Path> sources) {
        List<Path> jars = new ArrayList<>();
        for (Path source : sources) {
            if (Files.isDirectory(source)) {
                try (Stream<Path> s = Files.walk(source, 2)) {
                    s.filter(LaunchPlan::isJar).sorted().forEach(jars::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + source, e);
                }
            } else if (isJar(source)) {
                jars.add(source);
            }
        }
        return jars;
    }

    private static boolean isJar(Path p) {
        return Files.isRegularFile(p) && p.getFileName().toString().endsWith(".jar");
    }

    /** Keeps, for each library, its newest jar, at the place of the first one seen. */
    private static List<Path> newestOfEachLibrary(List<Path> jars) {
        List<Path> kept = new ArrayList<>();
        List<JarKey> keys = new ArrayList<>();
        for (Path jar : jars) {
            JarKey key = JarKey.of(jar);
            int same = -1;
            for (int i = 0; i < keys.size(); i++) {
                if (keys.get(i).sameLibrary(key)) {
                    same = i;
                    break;
                }
            }
            if (same < 0) {
                kept.add(jar);
                keys.add(key);
            } else if (JarKey.BY_VERSION.compare(key, keys.get(same)) > 0) {
                kept.set(same, jar);
                keys.set(same, key);
            }
        }
        return kept;
    }

    /** The jar's module descriptor, or null when the JVM would refuse it as a module. */
    private static ModuleDescriptor descriptor(Path jar) {
        try {
            Set<ModuleReference> found = ModuleFinder.of(jar).findAll();
            return found.size() == 1 ? found.iterator().next().descriptor() : null;
        } catch (FindException | SecurityException e) {
            return null;
        }
    }

    /** A second module of a name, or one holding a package an earlier module holds, moves. */
    private static void demoteClashes(Map<Path, ModuleDescriptor> modules, List<Path> classPath) {
        Set<String> names = new HashSet<>();
        Map<String, String> packageOwner = new HashMap<>();
        ModuleLayer.boot()
                .modules()
                .forEach(
                        m -> {
                            names.add(m.getName());
                            m.getPackages().forEach(p -> packageOwner.put(p, m.getName()));
                        });
        for (var it = modules.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            ModuleDescriptor d = e.getValue();
            boolean clash =
                    names.contains(d.name())
                            || d.packages().stream().anyMatch(packageOwner::containsKey);
            if (clash) {
                classPath.add(e.getKey());
                it.remove();
            } else {
                names.add(d.name());
                d.packages().forEach(p -> packageOwner.put(p, d.name()));
            }
        }
    }

    /**
     * Moves modules whose required modules are absent (not in the plan, not in the JDK), until
     * every remaining module's requirements are met. Optional ({@code static}) requirements do not
     * count.
     */
    private static void demoteUnresolvable(
            Map<Path, ModuleDescriptor> modules, List<Path> classPath) {
        Set<String> jdk = new HashSet<>();
        ModuleFinder.ofSystem().findAll().forEach(r -> jdk.add(r.descriptor().name()));
        boolean changed = true;
        while (changed) {
            changed = false;
            Set<String> present = new HashSet<>(jdk);
            modules.values().forEach(d -> present.add(d.name()));
            for (var it = modules.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                boolean missing =
                        e.getValue().requires().stream()
                                .filter(
                                        r ->
                                                !r.modifiers()
                                                        .contains(
                                                                ModuleDescriptor.Requires.Modifier
                                                                        .STATIC))
                                .anyMatch(r -> !present.contains(r.name()));
                if (missing) {
                    classPath.add(e.getKey());
                    it.remove();
                    changed = true;
                }
            }
        }
    }

    /**
     * Writes a java argument file: the module path, the class path, the modules to resolve and the
     * main module and class. Paths are quoted, so folders with spaces work.
     *
     * @param file the file to write
     * @param main the main module and class, e.g. {@code dev.credence.cli/dev.credence.cli.Main}
     * @throws IOException if writing fails
     * @throws IllegalStateException if the main module is not on the module path
     */
    public void writeArgFile(Path file, String main) throws IOException {
        String mainModule = main.substring(0, main.indexOf('/'));
        boolean present =
                modulePath.stream().anyMatch(p -> mainModule.equals(descriptor(p).name()));
        if (!present) {
            throw new IllegalStateException(
                    "module "
                            + mainModule
                            + " is not among the jars; is the installation complete?");
        }
        StringBuilder sb = new StringBuilder();
        sb.append("--module-path\n").append(quote(join(modulePath))).append('\n');
        if (!classPath.isEmpty()) {
            sb.append("--class-path\n").append(quote(join(classPath))).append('\n');
        }
        // Plugins are required by no one: resolve every module; ND4J and Guava need
        // jdk.unsupported, which a modular launch does not resolve by default.
        sb.append("--add-modules\nALL-MODULE-PATH,jdk.unsupported\n");
        sb.append("--module\n").append(main).append('\n');
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    private static String join(List<Path> paths) {
        return String.join(
                File.pathSeparator,
                paths.stream().map(p -> p.toAbsolutePath().toString()).toList());
    }

    /** Quotes for a java argument file, where a backslash inside quotes escapes. */
    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /**
     * Writes the argument file for a launcher: {@code LaunchPlan --out FILE --main MODULE/CLASS
     * [--path LIST] SOURCE...}, sources being folders or jars (as in {@link #of(List)}); {@code
     * --path} takes a list separated like a class path ({@code :}, or {@code ;} on Windows), such
     * as the value of {@code CREDENCE_PLUGINS}, and adds its entries after the sources.
     *
     * @param args the arguments
     * @throws IOException if the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path out = null;
        String main = null;
        List<Path> sources = new ArrayList<>();
        List<Path> extra = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--main" -> main = args[++i];
                case "--path" -> {
                    for (String entry : args[++i].split(File.pathSeparator)) {
                        if (!entry.isBlank()) {
                            extra.add(Path.of(entry));
                        }
                    }
                }
                default -> {
                    if (!args[i].isBlank()) {
                        sources.add(Path.of(args[i]));
                    }
                }
            }
        }
        if (out == null || main == null || !main.contains("/")) {
            System.err.println("usage: LaunchPlan --out FILE --main MODULE/CLASS FOLDER-OR-JAR...");
            System.exit(2);
        }
        sources.addAll(extra);
        try {
            of(sources).writeArgFile(out, main);
        } catch (IllegalStateException | UncheckedIOException e) {
            System.err.println("credence: cannot launch: " + e.getMessage());
            System.exit(1);
        }
    }
}
