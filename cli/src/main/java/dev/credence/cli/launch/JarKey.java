package dev.credence.cli.launch;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which library a jar holds and in which version, so that two copies of one library (say commons-io
 * 2.7 from one pack and 2.16.1 from another) are not both launched.
 *
 * <p>The library is the Maven {@code groupId:artifactId} from the jar's {@code pom.properties} when
 * it has one, else the file name up to the version; the part of the file name after the version (a
 * classifier such as {@code linux-x86_64}) is part of the key, so a native jar and its Java jar are
 * different libraries. The version is the file name's, compared as a {@link
 * ModuleDescriptor.Version}.
 *
 * @param library the library, e.g. {@code commons-io:commons-io} or {@code commons-io}
 * @param classifier what follows the version in the file name, e.g. {@code -linux-x86_64}, or ""
 * @param version the version, or "" when the file name has none
 */
record JarKey(String library, String classifier, String version) {

    /** name-VERSION[-rest].jar, where the version starts with a digit. */
    private static final Pattern FILE = Pattern.compile("(.+?)-(\\d[^-]*)(-.*)?\\.jar");

    /** Newer versions compare greater; a missing version is oldest. */
    static final Comparator<JarKey> BY_VERSION =
            Comparator.comparing(
                    JarKey::version,
                    (a, b) -> {
                        if (a.isEmpty() || b.isEmpty()) {
                            return Boolean.compare(!a.isEmpty(), !b.isEmpty());
                        }
                        try {
                            return ModuleDescriptor.Version.parse(a)
                                    .compareTo(ModuleDescriptor.Version.parse(b));
                        } catch (IllegalArgumentException e) {
                            return a.compareTo(b);
                        }
                    });

    /**
     * Returns the key of a jar file.
     *
     * @param jar the jar
     * @return its key
     */
    static JarKey of(Path jar) {
        String file = jar.getFileName().toString();
        Matcher m = FILE.matcher(file);
        String stem = m.matches() ? m.group(1) : file.replaceFirst("\\.jar$", "");
        String version = m.matches() ? m.group(2) : "";
        String rest = m.matches() && m.group(3) != null ? m.group(3) : "";
        String coordinates = mavenCoordinates(jar, stem);
        return new JarKey(coordinates != null ? coordinates : stem, rest, version);
    }

    /** The groupId:artifactId of the pom.properties whose artifactId is the file's stem. */
    private static String mavenCoordinates(Path jar, String stem) {
        try (JarFile jf = new JarFile(jar.toFile())) {
            var entries = jf.entries();
            while (entries.hasMoreElements()) {
                var e = entries.nextElement();
                String name = e.getName();
                if (!name.startsWith("META-INF/maven/") || !name.endsWith("/pom.properties")) {
                    continue;
                }
                Properties p = new Properties();
                try (InputStream in = jf.getInputStream(e)) {
                    p.load(in);
                }
                if (stem.equals(p.getProperty("artifactId"))) {
                    return p.getProperty("groupId") + ":" + stem;
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    /**
     * Tells whether two jars hold the same library, whatever their versions.
     *
     * @param other the other key
     * @return true for the same library and classifier
     */
    boolean sameLibrary(JarKey other) {
        return library.equals(other.library) && classifier.equals(other.classifier);
    }
}
