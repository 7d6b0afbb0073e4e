package dev.credence.backend.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where JavaCPP unpacks ND4J's natives, and how a failed load is explained. */
class NativeLibraryTest {

    private final Map<String, String> props = new HashMap<>();
    private final Map<String, String> env = new HashMap<>();

    private String configure() {
        return NativeLibrary.configureCache(props::get, env::get, props::put);
    }

    @Test
    void anExplicitJavacppFolderIsLeftAlone() {
        props.put(NativeLibrary.JAVACPP_CACHE, "/opt/javacpp");
        props.put(NativeLibrary.PROPERTY, "/elsewhere");
        assertEquals("/opt/javacpp", configure());
        assertEquals("/opt/javacpp", props.get(NativeLibrary.JAVACPP_CACHE));
    }

    @Test
    void theSystemPropertyWinsOverTheEnvironment() {
        props.put(NativeLibrary.PROPERTY, "/data/credence");
        env.put(NativeLibrary.ENVIRONMENT, "/env/credence");
        String expected = Path.of("/data/credence", "javacpp").toString();
        assertEquals(expected, configure());
        assertEquals(expected, props.get(NativeLibrary.JAVACPP_CACHE));
    }

    @Test
    void theEnvironmentVariableIsUsedWhenNoPropertyIsSet() {
        env.put(NativeLibrary.ENVIRONMENT, " /env/credence ");
        assertEquals(Path.of("/env/credence", "javacpp").toString(), configure());
    }

    @Test
    void withNothingSetJavacppKeepsItsDefault() {
        assertNull(configure());
        assertNull(props.get(NativeLibrary.JAVACPP_CACHE));
    }

    @Test
    void theBuildPointsJavacppAtTheProjectCache() {
        String dir = System.getProperty(NativeLibrary.JAVACPP_CACHE);
        assertTrue(dir != null && dir.endsWith("javacpp"), "surefire sets the folder: " + dir);
    }

    @Test
    void aLinkFailureNamesTheArtifactThePlatformAndTheCacheSettings() {
        String reason =
                NativeLibrary.explain(
                        new ExceptionInInitializerError(
                                new RuntimeException(
                                        "missing dependencies",
                                        new UnsatisfiedLinkError("no jnind4jcpu\nin path"))));
        assertTrue(reason.startsWith("ND4J's native CPU library could not be loaded"), reason);
        assertTrue(reason.contains("UnsatisfiedLinkError: no jnind4jcpu in path"), reason);
        assertTrue(reason.contains("nd4j-native:" + NativeLibrary.ND4J_VERSION), reason);
        assertTrue(reason.contains(NativeLibrary.ENVIRONMENT), reason);
        assertTrue(reason.contains(NativeLibrary.PROPERTY), reason);
    }
}
