// A plugin reads the api only and provides a backend; on the class path the file in
// META-INF/services registers the same provider.
module org.example.counting {
    requires dev.credence.api;

    exports org.example.counting;

    provides dev.credence.api.backend.BackendProvider with
            org.example.counting.CountingProvider;
}
