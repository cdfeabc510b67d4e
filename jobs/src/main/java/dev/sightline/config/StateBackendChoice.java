package dev.sightline.config;

/** Which Flink state backend holds the job's keyed state. */
public enum StateBackendChoice {
    /** State on the JVM heap: fastest, bounded by memory. */
    HASHMAP,
    /** State in embedded RocksDB on local disk, incremental checkpoints: for large dedupe state. */
    ROCKSDB
}
