package dev.sightline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobDescriptionTest {

    @TempDir
    Path dir;

    @Test
    void nestedJsonFlatYamlAndCamelCaseDescribeTheSameJob() {
        JobDescription nested = JobDescription.parse("""
                {"input": {"bucket": "raw-recordings", "prefix": "/study-42"}, "output": {"bucket": "results", "prefix": "study-42/"}}""");
        JobDescription flat = JobDescription.parse("""
                input_bucket: raw-recordings
                input_prefix: study-42/
                output_bucket: results
                output_prefix: study-42
                """);
        JobDescription camel = JobDescription.parse("""
                {"inputBucket": "raw-recordings", "inputPrefix": "study-42", "outputBucket": "results", "outputPrefix": "study-42"}""");
        assertThat(nested).isEqualTo(flat).isEqualTo(camel);
        assertThat(nested.settings()).isEqualTo(Map.of(
                "input.prefix", "s3://raw-recordings/study-42/",
                "warehouse.path", "s3://results/study-42/warehouse",
                "processed.path", "s3://results/study-42/processed"));
    }

    @Test
    void prefixesMayBeLeftOutForWholeBuckets() {
        JobDescription whole = JobDescription.parse("{\"input\": {\"bucket\": \"raw\"}, \"output\": {\"bucket\": \"lake\"}}");
        assertThat(whole.inputUri()).isEqualTo("s3://raw/");
        assertThat(whole.outputUri("warehouse")).isEqualTo("s3://lake/warehouse");
    }

    @Test
    void badDescriptionsSayWhatIsWrong() {
        assertThatThrownBy(() -> JobDescription.parse("{\"input\": {\"bucket\": \"raw\"}}"))
                .hasMessageContaining("output.bucket is missing");
        assertThatThrownBy(() -> JobDescription.parse("{\"input\": {\"bucket\": \"Raw_Data\"}, \"output\": {\"bucket\": \"lake\"}}"))
                .hasMessageContaining("'Raw_Data' is not an S3 bucket name");
        assertThatThrownBy(() -> JobDescription.parse("{\"input\": {\"bucket\": \"raw\", \"region\": \"x\"}, \"output\": {\"bucket\": \"lake\"}}"))
                .hasMessageContaining("unknown field 'input.region'");
        assertThatThrownBy(() -> JobDescription.parse("[1, 2]")).hasMessageContaining("expected an object with input and output");
        assertThatThrownBy(() -> JobDescription.parse("{\"input\": ")).hasMessageContaining("neither JSON nor YAML");
    }

    @Test
    void aDescriptionFileSetsLocationsThatTheConfigurationDoesNotSet() throws Exception {
        Path file = dir.resolve("job.json");
        Files.writeString(file, "{\"input\": {\"bucket\": \"raw\", \"prefix\": \"s1/\"}, \"output\": {\"bucket\": \"lake\", \"prefix\": \"s1/\"}}");
        SightlineConfig config = SightlineConfig.load(null, List.of("job-description=" + file, "processed.path=s3://thumbs/s1"));
        assertThat(config.get(ConfigKeys.INPUT_PREFIX)).isEqualTo("s3://raw/s1/");
        assertThat(config.get(ConfigKeys.WAREHOUSE_PATH)).isEqualTo("s3://lake/s1/warehouse");
        assertThat(config.get(ConfigKeys.PROCESSED_PATH)).isEqualTo("s3://thumbs/s1");

        assertThatThrownBy(() -> SightlineConfig.load(null, List.of("job-description=" + dir.resolve("missing.json"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("job description not found");
        Files.writeString(file, "{\"input\": {\"bucket\": \"raw\"}}");
        assertThatThrownBy(() -> SightlineConfig.load(null, List.of("job-description=" + file)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("bad job description").hasMessageContaining("output.bucket");
    }
}
