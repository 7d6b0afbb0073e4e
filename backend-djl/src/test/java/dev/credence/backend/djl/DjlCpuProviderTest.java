package dev.credence.backend.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.EngineException;
import dev.credence.api.backend.Availability;
import dev.credence.api.backend.BackendProvider;
import dev.credence.api.backend.Backends;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Discovery, availability, settings and failure messages of the CPU provider. */
class DjlCpuProviderTest {

    @Test
    @DisplayName("djl is available offline from the CPU native jar")
    void available() {
        Availability a = new DjlCpuProvider().availability();
        assertTrue(a.available(), a.reason());
        assertEquals("true", System.getProperty(DjlSettings.OFFLINE));
    }

    @Test
    @DisplayName("ServiceLoader finds both providers")
    void discovery() {
        List<String> names =
                Backends.discover().providers().stream().map(BackendProvider::name).toList();
        assertTrue(names.containsAll(List.of("djl", "djl-gpu")), names.toString());
    }

    @Test
    @DisplayName("module-info provides both providers and reads DJL's API (on the module path)")
    void moduleDescriptor() {
        Module module = DjlCpuProvider.class.getModule();
        assumeTrue(module.isNamed(), "running on the class path");
        var d = module.getDescriptor();
        assertEquals("dev.credence.backend.djl", d.name());
        var provides =
                d.provides().stream()
                        .filter(p -> p.service().equals(BackendProvider.class.getName()))
                        .findFirst()
                        .orElseThrow();
        assertEquals(
                List.of(DjlCpuProvider.class.getName(), DjlGpuProvider.class.getName()),
                provides.providers());
        assertTrue(module.canRead(ai.djl.engine.Engine.class.getModule()), "reads ai.djl.api");
        assertEquals("ai.djl.api", ai.djl.engine.Engine.class.getModule().getName());
    }

    @Test
    @DisplayName("a load failure becomes one sentence with its root cause and the remedy")
    void failureMessage() {
        var failure =
                new EngineException(
                        "Failed to load PyTorch native library",
                        new UnsatisfiedLinkError(
                                "libtorch_cpu.so: cannot open shared object file\n\tat x.y(Z)"));
        String m = DjlRuntime.describe(failure);
        assertTrue(m.startsWith("PyTorch could not be loaded through DJL: EngineException"), m);
        assertTrue(m.contains("(cause: UnsatisfiedLinkError: libtorch_cpu.so"), m);
        assertTrue(m.contains("pytorch-native-cpu"), m);
        assertFalse(m.contains("\n"), "one line: " + m);
    }

    @Test
    @DisplayName("offline by default; Credence's cache folder only when DJL's are unset")
    void settings() {
        Map<String, String> props = new HashMap<>();
        Map<String, String> env = new HashMap<>();
        assertEquals(Map.of("ai.djl.offline", "true"), DjlSettings.defaults(props::get, env::get));

        env.put("CREDENCE_NATIVE_CACHE", "/cache");
        Map<String, String> set = DjlSettings.defaults(props::get, env::get);
        assertEquals(
                java.nio.file.Path.of("/cache", "djl").toString(), set.get("ENGINE_CACHE_DIR"));
        assertEquals(set.get("ENGINE_CACHE_DIR"), set.get("DJL_CACHE_DIR"));

        props.put("credence.native.cache", "/prop");
        set = DjlSettings.defaults(props::get, env::get);
        assertEquals(java.nio.file.Path.of("/prop", "djl").toString(), set.get("DJL_CACHE_DIR"));

        env.put("ENGINE_CACHE_DIR", "/djl-own");
        props.put("ai.djl.offline", "false");
        assertEquals(Map.of(), DjlSettings.defaults(props::get, env::get));

        props.clear();
        env.clear();
        env.put("DJL_OFFLINE", "false");
        props.put("DJL_CACHE_DIR", "/djl");
        props.put("credence.native.cache", "/prop");
        assertEquals(Map.of(), DjlSettings.defaults(props::get, env::get));
    }
}
