package dev.sightline.config;

/** Where {@code sightline run} runs the job. */
public enum DeploymentTarget {
    /** An embedded Flink MiniCluster in this process, with its web UI. */
    LOCAL,
    /** The Flink cluster that launched this jar (application mode on Kubernetes, a session cluster). */
    CLUSTER
}
