package dev.sightline.offload;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.batch.BatchClient;
import software.amazon.awssdk.services.batch.model.AttemptDetail;
import software.amazon.awssdk.services.batch.model.ContainerOverrides;
import software.amazon.awssdk.services.batch.model.EvaluateOnExit;
import software.amazon.awssdk.services.batch.model.JobDetail;
import software.amazon.awssdk.services.batch.model.JobSummary;
import software.amazon.awssdk.services.batch.model.KeyValuePair;
import software.amazon.awssdk.services.batch.model.KeyValuesPair;
import software.amazon.awssdk.services.batch.model.ListJobsResponse;
import software.amazon.awssdk.services.batch.model.ResourceRequirement;
import software.amazon.awssdk.services.batch.model.ResourceType;
import software.amazon.awssdk.services.batch.model.RetryAction;
import software.amazon.awssdk.services.batch.model.RetryStrategy;
import software.amazon.awssdk.services.batch.model.SubmitJobRequest;

/**
 * The {@code aws-batch} backend (AWS SDK v2): a task is a Batch job named after the task id on the
 * queue's job queue and definition, with container overrides (the worker's command, its task id
 * in the environment, vCPU, memory and GPU requirements), the tenant's fair-share identifier and
 * priority, an attempt time-out, and a retry strategy that tries a spot reclaim ("Host EC2 ...
 * terminated") and worker failures again but not bad input or a bad task. Submitting a task again
 * (a replay after a restore) finds its existing job by name and never starts a second.
 */
public final class AwsBatchBackend implements ComputeBackend {

    /**
     * @param endpoint an endpoint override (a VPC endpoint, a stand-in), or null
     * @param accessKey static credentials, or null for the default chain (IRSA on EKS)
     * @param fairShare the queues have a fair-share policy: jobs carry share identifier and priority
     * @param attempts Batch attempts per job (1 to 10)
     * @param attemptTimeouts per media type label, the attempt duration Batch enforces
     * @param command what the container runs before the worker's arguments (the image's {@code sightline})
     */
    public record Settings(String region, String endpoint, String accessKey, String secretKey, boolean fairShare, int attempts,
            Map<String, Duration> attemptTimeouts, List<String> command) implements java.io.Serializable {

        public Settings {
            attemptTimeouts = Map.copyOf(attemptTimeouts);
            command = List.copyOf(command);
            if (attempts < 1 || attempts > 10) {
                throw new IllegalArgumentException("Batch allows 1 to 10 attempts, not " + attempts);
            }
        }
    }

    private final Settings settings;
    private final BatchClient client;

    public AwsBatchBackend(Settings settings) {
        this.settings = settings;
        AwsCredentialsProvider credentials = settings.accessKey() == null ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
        var builder = BatchClient.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder().connectionTimeout(Duration.ofSeconds(10)))
                // Two tries: throttling that outlasts them reaches the circuit breaker instead of piling up here.
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(2).build())
                        .build());
        if (settings.endpoint() != null) {
            builder.endpointOverride(URI.create(settings.endpoint()));
        }
        this.client = builder.build();
    }

    /** A factory for task managers. */
    public static ComputeBackendFactory factory(Settings settings) {
        return () -> new AwsBatchBackend(settings);
    }

    @Override
    public String name() {
        return "aws-batch";
    }

    @Override
    public RunStatus submit(ComputeTask task) throws BackendException {
        QueueProfile queue = task.queue();
        if (queue.jobQueue().isEmpty() || queue.jobDefinition().isEmpty()) {
            throw new BackendException(BackendException.Kind.REJECTED, "queue '" + queue.name()
                    + "' has no Batch job queue or job definition (offload.queue." + queue.name() + ".job-queue, .job-definition)");
        }
        JobSummary existing = existing(task);
        if (existing != null) {
            return describe(task, existing.jobId());
        }
        List<ResourceRequirement> resources = new ArrayList<>(List.of(
                ResourceRequirement.builder().type(ResourceType.VCPU).value(vcpus(queue.vcpus())).build(),
                ResourceRequirement.builder().type(ResourceType.MEMORY).value(Long.toString(queue.memoryMib())).build()));
        if (queue.gpus() > 0) {
            resources.add(ResourceRequirement.builder().type(ResourceType.GPU).value(Integer.toString(queue.gpus())).build());
        }
        SubmitJobRequest.Builder request = SubmitJobRequest.builder()
                .jobName(task.jobName())
                .jobQueue(queue.jobQueue())
                .jobDefinition(queue.jobDefinition())
                .containerOverrides(ContainerOverrides.builder()
                        .command(command(task))
                        .environment(KeyValuePair.builder().name("SIGHTLINE_TASK_ID").value(task.id()).build())
                        .resourceRequirements(resources)
                        .build())
                .retryStrategy(retryStrategy())
                .timeout(t -> t.attemptDurationSeconds((int) Math.max(60,
                        settings.attemptTimeouts().getOrDefault(task.mediaType().label(), Duration.ofHours(6)).toSeconds())))
                .tags(Map.of("sightline:task-id", task.id(), "sightline:tenant", task.tenant().name(),
                        "sightline:media-type", task.mediaType().label()))
                .propagateTags(true);
        if (settings.fairShare()) {
            request.shareIdentifier(task.tenant().shareIdentifier()).schedulingPriorityOverride(task.tenant().priority());
        }
        String jobId = call(() -> client.submitJob(request.build()).jobId());
        return new RunStatus(jobId, RunState.SUBMITTED, 0, null, null, Instant.now(), null, null, null);
    }

    private List<String> command(ComputeTask task) {
        List<String> command = new ArrayList<>(settings.command());
        command.addAll(task.workerArgs());
        return command;
    }

    /**
     * Batch's retry strategy: a spot reclaim is tried again; bad input (3), a bad task (2) and an
     * image that cannot be pulled are not; anything else (exit code 1, a killed worker) is, as Batch
     * retries when no condition matches. Conditions are read in order.
     */
    static RetryStrategy retryStrategy(int attempts) {
        return RetryStrategy.builder()
                .attempts(attempts)
                .evaluateOnExit(
                        EvaluateOnExit.builder().onStatusReason("Host EC2*").action(RetryAction.RETRY).build(),
                        EvaluateOnExit.builder().onExitCode(Integer.toString(WorkerExit.BAD_INPUT)).action(RetryAction.EXIT).build(),
                        EvaluateOnExit.builder().onExitCode(Integer.toString(WorkerExit.BAD_TASK)).action(RetryAction.EXIT).build(),
                        EvaluateOnExit.builder().onReason("CannotPullContainerError*").action(RetryAction.EXIT).build())
                .build();
    }

    private RetryStrategy retryStrategy() {
        return retryStrategy(settings.attempts());
    }

    /** The newest job of this task's name on its queue, in any state, or null. */
    private JobSummary existing(ComputeTask task) throws BackendException {
        List<JobSummary> found = new ArrayList<>();
        String next = null;
        do {
            String token = next;
            ListJobsResponse page = call(() -> client.listJobs(r -> r.jobQueue(task.queue().jobQueue())
                    .filters(KeyValuesPair.builder().name("JOB_NAME").values(task.jobName()).build())
                    .nextToken(token)));
            page.jobSummaryList().stream().filter(j -> task.jobName().equals(j.jobName())).forEach(found::add);
            next = page.nextToken();
        } while (next != null);
        return found.stream().max(Comparator.comparing(j -> j.createdAt() == null ? 0L : j.createdAt())).orElse(null);
    }

    @Override
    public RunStatus describe(ComputeTask task, String jobId) throws BackendException {
        List<JobDetail> jobs = call(() -> client.describeJobs(r -> r.jobs(jobId)).jobs());
        if (jobs.isEmpty()) {
            return null;
        }
        JobDetail job = jobs.get(0);
        List<AttemptDetail> attempts = job.attempts();
        AttemptDetail last = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
        Integer exitCode = last == null || last.container() == null ? null : last.container().exitCode();
        String reason = job.statusReason();
        if (last != null && last.container() != null && last.container().reason() != null
                && (reason == null || reason.startsWith("Essential container"))) {
            reason = last.container().reason();
        }
        RunState state = RunState.of(job.statusAsString());
        int count = attempts.size() + (state == RunState.RUNNING || state == RunState.STARTING ? 1 : 0);
        Instant startedAt = millis(state.finished() && last != null ? last.startedAt() : job.startedAt());
        return new RunStatus(job.jobId(), state, count, reason, exitCode, millis(job.createdAt()), startedAt,
                state.finished() ? millis(job.stoppedAt()) : null, null);
    }

    @Override
    public void cancel(ComputeTask task, String jobId, String reason) throws BackendException {
        call(() -> client.terminateJob(r -> r.jobId(jobId).reason("Terminated by sightline: " + reason)));
    }

    @Override
    public void close() {
        client.close();
    }

    private static Instant millis(Long epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis);
    }

    private static String vcpus(double vcpus) {
        return vcpus == Math.rint(vcpus) ? Long.toString((long) vcpus) : Double.toString(vcpus);
    }

    /** A Batch call, its failures as {@link BackendException}s of the right kind. */
    private static <T> T call(java.util.function.Supplier<T> call) throws BackendException {
        try {
            return call.get();
        } catch (AwsServiceException e) {
            int code = e.statusCode();
            String error = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            String message = "AWS Batch: " + (error == null ? "HTTP " + code : error) + ": "
                    + (e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage());
            if (e.isThrottlingException() || code == 429) {
                throw new BackendException(BackendException.Kind.THROTTLED, message, e);
            }
            if (code == 401 || code == 403) {
                throw new BackendException(BackendException.Kind.ACCESS_DENIED, message, e);
            }
            if (code >= 500) {
                throw new BackendException(BackendException.Kind.UNAVAILABLE, message, e);
            }
            throw new BackendException(BackendException.Kind.REJECTED, message, e);
        } catch (SdkClientException e) {
            throw new BackendException(BackendException.Kind.UNAVAILABLE, "AWS Batch unreachable: " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new BackendException(BackendException.Kind.UNAVAILABLE, "AWS Batch: " + e.getMessage(), e);
        }
    }
}
