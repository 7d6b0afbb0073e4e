/**
 * Files, data sets and formats for Credence: checkpoints (JSON header, little-endian arrays,
 * CRC-32C over header and arrays), run records, Stan CSV, CSV and IDX readers, named data sets with
 * verified downloads, and the state store that resumable inference writes through.
 *
 * <p>JSON is read and written by Jackson, CSV by Apache Commons CSV; the {@code api} module stays
 * free of both.
 */
module dev.credence.io {
    requires transitive dev.credence.api;
    requires com.fasterxml.jackson.databind;
    requires org.apache.commons.csv;
    requires java.net.http;

    exports dev.credence.io;
    exports dev.credence.io.data;
    exports dev.credence.io.stan;
}
