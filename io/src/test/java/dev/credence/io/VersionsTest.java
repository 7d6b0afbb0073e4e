package dev.credence.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.io.probe.Probe;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a component's version is found: module descriptor, jar manifest, or nowhere. */
class VersionsTest {
    @TempDir Path dir;

    private static final String PROBE = Probe.class.getName();

    /** Writes a jar holding {@link Probe}, with an Implementation-Version when one is given. */
    private Path probeJar(String fileName, String implementationVersion) throws IOException {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (implementationVersion != null) {
            mf.getMainAttributes()
                    .put(Attributes.Name.IMPLEMENTATION_VERSION, implementationVersion);
        }
        String entry = PROBE.replace('.', '/') + ".class";
        Path jar = dir.resolve(fileName);
        try (OutputStream os = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(os, mf);
                InputStream in = Probe.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    private static Class<?> loadAsModule(Path jar, String module) throws Exception {
        Configuration cf =
                ModuleLayer.boot()
                        .configuration()
                        .resolve(ModuleFinder.of(jar), ModuleFinder.of(), Set.of(module));
        ModuleLayer layer =
                ModuleLayer.boot()
                        .defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());
        return layer.findLoader(module).loadClass(PROBE);
    }

    @Test
    @DisplayName("a JDK class reports its module's version")
    void moduleDescriptor() {
        String v = Versions.of(String.class);
        assertTrue(v.startsWith(Integer.toString(Runtime.version().feature())), v);
    }

    @Test
    @DisplayName("a module whose name carries no version falls back to its manifest")
    void namedModuleManifest() throws Exception {
        Class<?> c = loadAsModule(probeJar("probe.jar", "9.8.7"), "probe");
        assertTrue(c.getModule().isNamed());
        assertEquals("9.8.7", Versions.of(c));
    }

    @Test
    @DisplayName("an automatic module's version comes from its file name")
    void automaticModuleFileName() throws Exception {
        Class<?> c = loadAsModule(probeJar("probe-2.5.0.jar", "9.8.7"), "probe");
        assertEquals("2.5.0", Versions.of(c));
    }

    @Test
    @DisplayName("a jar on the class path reports its manifest's Implementation-Version")
    void classPathManifest() throws Exception {
        Path jar = probeJar("probe.jar", "3.1.4");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertEquals("3.1.4", Versions.of(loader.loadClass(PROBE)));
        }
    }

    @Test
    @DisplayName("code without a version says unknown")
    void unknown() throws Exception {
        Path jar = probeJar("probe.jar", null);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertEquals(Versions.UNKNOWN, Versions.of(loader.loadClass(PROBE)));
        }
        assertEquals(Versions.UNKNOWN, Versions.of(loadAsModule(jar, "probe")));
    }
}
