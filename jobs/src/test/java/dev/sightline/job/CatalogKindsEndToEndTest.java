package dev.sightline.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.bench.RestCatalogServer;
import dev.sightline.config.ConfigKeys;
import dev.sightline.config.SightlineConfig;
import dev.sightline.sink.IcebergCatalogSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import dev.sightline.ingest.TestCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job configured by a job description file on S3 (input bucket and prefix, output bucket and
 * prefix), writing through the REST catalog (a real Iceberg REST server on loopback) and the Glue
 * catalog (a fake Glue API, since Glue cannot run here), warehouse files on S3 (S3Proxy).
 */
class CatalogKindsEndToEndTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = TestCluster.twoSlots();

    @TempDir
    Path data;

    @Test
    void restCatalogHoldsTheTablesOfAJobDescribedByItsDescriptionFile() throws Exception {
        try (LoopbackAws aws = new LoopbackAws("raw")) {
            aws.s3Client.createBucket(b -> b.bucket("results"));
            String warehouse = "s3://results/study-1/warehouse";
            IcebergCatalogSettings backend = IcebergCatalogSettings.jdbc(warehouse,
                    "jdbc:sqlite:" + data.resolve("rest-server.db"), "sightline", aws.s3.settings());
            try (RestCatalogServer rest = new RestCatalogServer(backend.load())) {
                SightlineConfig config = describedJob(aws, Map.of(ConfigKeys.CATALOG_KIND.name(), "rest",
                        ConfigKeys.CATALOG_URI.name(), rest.uri()));
                assertThat(config.get(ConfigKeys.WAREHOUSE_PATH)).isEqualTo(warehouse);

                TestJob.runUntilIdle(config, Duration.ofSeconds(4));

                assertOnlyTheDescribedInputWasAnalysed(config, aws);
                Catalog server = backend.load();
                assertThat(server.listTables(Namespace.of("sightline"))).contains(TableIdentifier.of("sightline", "media_objects"));
                assertThat(rest.requestedWarehouse()).as("the client names the described warehouse").isEqualTo("warehouse=" + warehouse);
                assertThat(aws.store.list(warehouse + "/sightline/media_objects/data/")).isNotEmpty();
            }
        }
    }

    @Test
    void glueCatalogHoldsTheTablePointers() throws Exception {
        try (LoopbackAws aws = new LoopbackAws("raw"); FakeGlue glue = new FakeGlue()) {
            aws.s3Client.createBucket(b -> b.bucket("results"));
            SightlineConfig config = describedJob(aws, Map.of(ConfigKeys.CATALOG_KIND.name(), "glue",
                    ConfigKeys.CATALOG_URI.name(), glue.endpoint()));

            TestJob.runUntilIdle(config, Duration.ofSeconds(4));

            assertOnlyTheDescribedInputWasAnalysed(config, aws);
            Map<String, String> parameters = glue.tableParameters("sightline", "media_objects");
            assertThat(parameters).containsEntry("table_type", "ICEBERG");
            assertThat(parameters.get("metadata_location")).startsWith("s3://results/study-1/warehouse/sightline.db/media_objects/metadata/");
        }
    }

    /**
     * Puts two recordings under the described input prefix and one outside it, announces all
     * three, and stores the job description on S3; returns the configuration that names it.
     */
    private SightlineConfig describedJob(LoopbackAws aws, Map<String, String> catalog) throws Exception {
        Path local = data.resolve("local");
        aws.put("study-1/viewer.csv", TestInputs.gaze(local, "viewer.csv", 1));
        aws.put("study-1/talk.wav", TestInputs.audio(local, "talk.wav"));
        aws.put("study-2/other.wav", TestInputs.audio(local, "other.wav"));
        for (String key : new String[] {"study-1/viewer.csv", "study-1/talk.wav", "study-2/other.wav"}) {
            aws.send(aws.created(key));
        }
        aws.store.put("s3://raw/jobs/study-1.json", """
                {"input": {"bucket": "raw", "prefix": "study-1/"},
                 "output": {"bucket": "results", "prefix": "study-1"}}
                """.getBytes(StandardCharsets.UTF_8), "application/json");
        Map<String, String> settings = aws.settings(data);
        settings.put(ConfigKeys.JOB_DESCRIPTION.name(), "s3://raw/jobs/study-1.json");
        settings.putAll(catalog);
        return SightlineConfig.of(settings);
    }

    private static void assertOnlyTheDescribedInputWasAnalysed(SightlineConfig config, LoopbackAws aws) throws Exception {
        assertThat(Tables.column(Tables.read(config, "media_objects"), "uri"))
                .containsExactly("s3://raw/study-1/talk.wav", "s3://raw/study-1/viewer.csv");
        assertThat(Tables.read(config, "gaze_recordings")).hasSize(1);
        assertThat(aws.queueDepth()).isZero();
    }
}
