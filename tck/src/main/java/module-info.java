/**
 * The backend conformance kit: JUnit 5 tests of the backend SPI contract. A backend module
 * certifies itself with one test class that extends {@link dev.credence.tck.BackendConformanceKit}.
 */
module dev.credence.tck {
    requires transitive dev.credence.api;
    requires transitive org.junit.jupiter.api;
    requires transitive org.junit.jupiter.params;

    exports dev.credence.tck;

    opens dev.credence.tck to
            org.junit.platform.commons;
}
